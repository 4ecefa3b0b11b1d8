#include "cleaner/document/line_shape.h"

#include "cleaner/document/unicode_text.h"
#include "unicode/uchar.h"

namespace mtclean::internal {
namespace {

constexpr char32_t kEllipsis = 0x2026;

bool IsClosing(char32_t c) {
  return IsQuote(c) || u_charType(static_cast<UChar32>(c)) == U_END_PUNCTUATION;
}

bool StartsListItem(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const std::string_view rest = line.substr(i);
  for (std::string_view bullet : {"- ", "* ", "+ ", "\u2022 ", "\u00B7 ", "\u2013 "}) {
    if (rest.substr(0, bullet.size()) == bullet) return true;
  }
  size_t digits = 0;
  while (digits < rest.size() && digits < 3 && rest[digits] >= '0' && rest[digits] <= '9') {
    ++digits;
  }
  return digits > 0 && digits + 1 < rest.size() &&
         (rest[digits] == '.' || rest[digits] == ')') && rest[digits + 1] == ' ';
}

// Holds `http://`, `https://`, `www.` or `](`. One pass that stops only at
// `:`, `.` and `]`: every line of every document is measured.
bool HoldsLink(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    switch (line[i]) {
      case ':':
        if (line.substr(i, 3) == "://" &&
            (line.substr(0, i).ends_with("http") || line.substr(0, i).ends_with("https"))) {
          return true;
        }
        break;
      case '.':
        if (i >= 3 && line.substr(i - 3, 3) == "www") return true;
        break;
      case ']':
        if (line.substr(i, 2) == "](") return true;
        break;
      default:
        break;
    }
  }
  return false;
}

}  // namespace

LineShape MeasureLine(std::string_view line) {
  LineShape shape;
  size_t i = 0;
  bool in_word = false;
  size_t word_letters = 0;   // letters of the word being read
  size_t ended_letters = 0;  // letters of the word that ended right before
  // After `.`, `!` or `?`: 1 = waiting for a space (closing quotes may come
  // first), 2 = waiting for what starts the next sentence.
  int pending = 0;
  while (i < line.size()) {
    // Most text is ASCII: decode it without a call.
    const unsigned char byte = static_cast<unsigned char>(line[i]);
    const char32_t c = byte < 0x80 ? (++i, byte) : NextCodePoint(line, i);
    const bool word = IsWordChar(c);
    if (pending == 2 && !IsWhitespace(c)) {
      if (IsUpper(c) || IsDigit(c) || IsQuote(c)) shape.inner_break = true;
      pending = 0;
    } else if (pending == 1) {
      if (IsWhitespace(c)) {
        pending = 2;
      } else if (!IsClosing(c)) {
        pending = 0;
      }
    }
    if (word) {
      if (!in_word) {
        ++shape.words;
        word_letters = 0;
      }
      if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : IsLetter(c)) ++word_letters;
      in_word = true;
      continue;
    }
    if (in_word) ended_letters = word_letters;
    const bool after_word = in_word;
    in_word = false;
    if ((c == '.' && after_word && ended_letters >= 3) ||
        ((c == '!' || c == '?') && after_word)) {
      pending = 1;
    }
  }

  // The final mark, skipping whitespace, quotes and closing brackets.
  size_t end = line.size();
  while (end > 0) {
    size_t j = end;
    const char32_t c = PreviousCodePoint(line, j);
    if (IsWhitespace(c) || IsClosing(c)) {
      end = j;
      continue;
    }
    shape.final_mark = c;
    if (c == '.' && end >= 3 && line.substr(end - 3, 3) == "...") shape.final_mark = kEllipsis;
    break;
  }
  shape.list_item = StartsListItem(line);
  shape.link = HoldsLink(line);
  return shape;
}

bool EndsAsSentence(const LineShape& shape) {
  return shape.final_mark == '.' || shape.final_mark == '!' || shape.final_mark == '?';
}

bool IsSentenceLike(const LineShape& shape) {
  return shape.inner_break || shape.words > kShortLineWords ||
         (shape.words >= 4 && EndsAsSentence(shape));
}

bool IsLinkTitleLike(const LineShape& shape) {
  if (shape.words == 0 || shape.inner_break || shape.words > kLinkTitleWords) return false;
  if (shape.list_item || shape.link) return true;
  const char32_t m = shape.final_mark;
  return m != '.' && m != ',' && m != ':' && m != ';';
}

}  // namespace mtclean::internal
