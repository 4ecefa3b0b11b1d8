// Compiler-style text findings: `file:line:column: severity: message [rule]`,
// optionally followed by the offending line and a caret under the span, as
// GCC and Clang print them, and optionally coloured with ANSI escapes.
#ifndef MTCLEAN_REPORT_TEXT_REPORT_H_
#define MTCLEAN_REPORT_TEXT_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "mtclean/finding.h"

namespace mtclean::internal {

// Maps byte offsets of one text to 1-based lines and columns (columns count
// code points, as editors do). Holds a view of the text: it must outlive the
// index.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  struct Position {
    size_t line = 1;
    size_t column = 1;
  };
  Position At(size_t offset) const;
  // The content of 1-based line `line`, without its line break.
  std::string_view Line(size_t line) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

// One finding as a line (with its final "\n").
std::string FormatFindingText(std::string_view path, const LineIndex& index,
                              const Finding& finding);

struct TextStyle {
  bool source = true;  // show the offending line with a caret
  bool color = false;  // ANSI colours
};

// One finding as the compiler-style line, then (with style.source) the
// offending line and a caret line marking the span's start with `^` and the
// rest of the span on that line with `~`:
//
//   article.md:3:1: error: Headline repeated right after itself [scrape.duplicate-headline]
//       3 | Rates held
//         | ^~~~~~~~~~
//
// Tabs are kept in the caret line so that it lines up; wide characters
// count two columns and combining marks none. A line longer than 160
// columns is cut to a window around the span, marked with `…`.
std::string FormatFindingWithSource(std::string_view path, const LineIndex& index,
                                    const Finding& finding, const TextStyle& style);

}  // namespace mtclean::internal

#endif  // MTCLEAN_REPORT_TEXT_REPORT_H_
