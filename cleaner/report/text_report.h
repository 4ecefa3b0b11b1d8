// Compiler-style text findings: `file:line:column: severity: message [rule]`.
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

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

// One finding as a line (with its final "\n").
std::string FormatFindingText(std::string_view path, const LineIndex& index,
                              const Finding& finding);

}  // namespace mtclean::internal

#endif  // MTCLEAN_REPORT_TEXT_REPORT_H_
