// The shape of one line as evidence of boilerplate, in the spirit of
// jusText's paragraph classification: the page furniture scraped with a
// story (link titles, labels, buttons, credits) is short and carries no
// sentence punctuation, while the story's own lines are long or end as
// sentences. A phrase such as "read also" is boilerplate on a short line at
// the edge of the text and story inside a long sentence in its body.
//
// Thresholds are in words (runs of letters and digits), so they hold across
// the languages news is translated between.
#ifndef MTCLEAN_DOCUMENT_LINE_SHAPE_H_
#define MTCLEAN_DOCUMENT_LINE_SHAPE_H_

#include <cstddef>
#include <string_view>

namespace mtclean::internal {

// A line of at most this many words without a sentence ending is short.
inline constexpr size_t kShortLineWords = 12;
// A link title (a related-posts entry) has at most this many words.
inline constexpr size_t kLinkTitleWords = 20;

struct LineShape {
  // Runs of word characters (letters, digits).
  size_t words = 0;
  // The last code point that is not whitespace, a quotation mark or a
  // closing bracket; U+2026 for a trailing "..." as well; 0 for none.
  char32_t final_mark = 0;
  // A sentence boundary inside the line: `.`, `!` or `?` after a word of
  // three or more letters, then a space and an uppercase letter, digit or
  // quotation mark ("He left. The vote...", not "Mr. Smith").
  bool inner_break = false;
  // Starts as a list item: "- ", "* ", "+ ", "• ", "· ", "– ", "1. ", "1) ".
  bool list_item = false;
  // Holds a URL ("http://", "https://", "www.") or a Markdown link "](".
  bool link = false;
};

// Measures the line content `line` (valid UTF-8, no line break).
LineShape MeasureLine(std::string_view line);

namespace line_shape_internal {
// MeasureLine one code point at a time, without its fast paths: the
// reference a test holds MeasureLine to.
LineShape MeasureLineByCodePoint(std::string_view line);
}  // namespace line_shape_internal

// Ends with a full stop, `!` or `?` (an ellipsis does not count: truncated
// teasers end with one).
bool EndsAsSentence(const LineShape& shape);

// Reads as running text: a sentence boundary inside, more than
// kShortLineWords words, or four words or more ending as a sentence.
bool IsSentenceLike(const LineShape& shape);

// Could be the title of a linked article, a date or a category under it: at
// most kLinkTitleWords words, no sentence boundary inside, and no final
// full stop, comma, colon or semicolon (list items and links may end with a
// full stop).
bool IsLinkTitleLike(const LineShape& shape);

// Holds an ASCII digit (a byte loop: the lines tested are short).
bool HoldsDigit(std::string_view line);

}  // namespace mtclean::internal

#endif  // MTCLEAN_DOCUMENT_LINE_SHAPE_H_
