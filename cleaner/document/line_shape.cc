#include "cleaner/document/line_shape.h"

#include <algorithm>
#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cleaner/document/unicode_text.h"
#include "unicode/uchar.h"

namespace mtclean::internal {
namespace {

constexpr char32_t kEllipsis = 0x2026;

// What MeasureLine asks of each byte, in one table lookup: an ASCII word
// character (IsWordChar; kLetter for a letter too), a sentence mark, a byte
// that may begin or end a link form, or a byte of a character that is not
// ASCII.
constexpr unsigned char kLetter = 1;
constexpr unsigned char kWordChar = 2;
constexpr unsigned char kMark = 4;       // . ! ?
constexpr unsigned char kLinkByte = 8;   // : ]
constexpr unsigned char kNotAscii = 16;
constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLetter | kWordChar;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kLetter | kWordChar;
  for (int c = '0'; c <= '9'; ++c) table[c] = kWordChar;
  table['_'] = kWordChar;
  table['.'] = table['!'] = table['?'] = kMark;
  table[':'] = table[']'] = kLinkByte;
  for (int c = 0x80; c < 0x100; ++c) table[c] = kNotAscii;
  return table;
}();

unsigned char ClassOf(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

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

// Holds `http://`, `https://`, `www.` or `](`. Every line of every document
// is measured, so each form is looked for with find(), which skips to the
// form's first byte with memchr.
bool HoldsLink(std::string_view line) {
  for (size_t at = line.find("://"); at != std::string_view::npos;
       at = line.find("://", at + 1)) {
    const std::string_view before = line.substr(0, at);
    if (before.ends_with("http") || before.ends_with("https")) return true;
  }
  return line.find("www.") != std::string_view::npos ||
         line.find("](") != std::string_view::npos;
}

// At the sentence mark line[p]: whether it ends a sentence that another
// begins right after (the inner break of LineShape), and whether it is the
// full stop of `www.`. ASCII neighbours are read by table; others are
// decoded.
void LookAroundMark(std::string_view line, size_t p, bool* inner_break, bool* www) {
  const char mark = line[p];
  if (mark == '.' && p >= 3 && line.substr(p - 3, 3) == "www") *www = true;
  if (*inner_break || p == 0) return;
  // The word before the mark, and for a full stop its letters: "Mr." and
  // "U.S." end no sentence.
  size_t letters = 0;
  bool after_word = false;
  for (size_t k = p; k > 0;) {
    const unsigned char byte = static_cast<unsigned char>(line[k - 1]);
    if (byte < 0x80) {
      if ((ClassOf(line[k - 1]) & kWordChar) == 0) break;
      letters += ClassOf(line[k - 1]) & kLetter;
      --k;
    } else {
      size_t j = k;
      const char32_t c = PreviousCodePoint(line, j);
      if (!IsWordChar(c)) break;
      letters += IsLetter(c) ? 1 : 0;
      k = j;
    }
    after_word = true;
    if (mark != '.') break;  // `!` and `?` need only a word before them
  }
  if (!after_word || (mark == '.' && letters < 3)) return;
  // Closing quotes and brackets, then whitespace, then what starts a
  // sentence.
  const size_t n = line.size();
  size_t j = p + 1;
  char32_t c = 0;
  while (j < n) {
    size_t next = j;
    c = NextCodePoint(line, next);
    if (IsWhitespace(c) || !IsClosing(c)) break;
    j = next;
  }
  if (j == n || !IsWhitespace(c)) return;
  while (j < n) {
    size_t next = j;
    c = NextCodePoint(line, next);
    if (!IsWhitespace(c)) break;
    j = next;
  }
  if (j == n) return;
  if (IsUpper(c) || IsDigit(c) || IsQuote(c)) *inner_break = true;
}

// The words, the inner sentence break and the links of a line: sixteen
// bytes at a time where SSE2 is there and the bytes are ASCII (most bytes
// of most lines, typographic quotes and accented names between them), one
// code point at a time around the others; a look around each `.`, `!` and
// `?`, and HoldsLink only for a line with a `:` or a `]`. The same answers
// as measuring every code point (line_shape_internal::MeasureLineByCodePoint;
// a test holds the two together). Every line of every document is measured.
void MeasureWordsAndLinks(std::string_view line, LineShape* shape) {
  const size_t n = line.size();
  size_t words = 0;
  bool inner_break = false;
  bool www = false;
  bool link_byte = false;
  unsigned previous_word = 0;  // the character before is a word character
  size_t i = 0;
  // Up to here, characters are taken one at a time (a block of sixteen
  // bytes held one beyond ASCII).
  size_t by_character_until = 0;
#if defined(__SSE2__)
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i a = _mm_set1_epi8('a');
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i letter_span = _mm_set1_epi8('z' - 'a');
  const __m128i digit_span = _mm_set1_epi8('9' - '0');
  // x - lo <= span, unsigned: x is within [lo, lo + span].
  auto within = [](__m128i x, __m128i lo, __m128i span) {
    const __m128i d = _mm_sub_epi8(x, lo);
    return _mm_cmpeq_epi8(_mm_min_epu8(d, span), d);
  };
#endif
  while (i < n) {
#if defined(__SSE2__)
    if (i >= by_character_until && i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
      if (high != 0) {
        // Past the last byte beyond ASCII in this block.
        by_character_until = i + static_cast<size_t>(32 - std::countl_zero(high));
      } else {
        const __m128i word = _mm_or_si128(
            _mm_or_si128(within(_mm_or_si128(v, case_bit), a, letter_span),
                         within(v, zero, digit_span)),
            _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
        const unsigned word_bits = static_cast<unsigned>(_mm_movemask_epi8(word));
        words +=
            static_cast<size_t>(std::popcount(word_bits & ~((word_bits << 1) | previous_word)));
        previous_word = (word_bits >> 15) & 1;
        unsigned marks = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8('?')))));
        while (marks != 0) {
          LookAroundMark(line, i + static_cast<size_t>(std::countr_zero(marks)), &inner_break,
                         &www);
          marks &= marks - 1;
        }
        link_byte |= _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')),
                                                    _mm_cmpeq_epi8(v, _mm_set1_epi8(']')))) != 0;
        i += 16;
        continue;
      }
    }
#endif
    const unsigned char cls = ClassOf(line[i]);
    if ((cls & kNotAscii) == 0) {
      const unsigned word = (cls & kWordChar) != 0 ? 1 : 0;
      words += word & ~previous_word;
      previous_word = word;
      if ((cls & kMark) != 0) LookAroundMark(line, i, &inner_break, &www);
      link_byte |= (cls & kLinkByte) != 0;
      ++i;
      continue;
    }
    const unsigned word = IsWordChar(NextCodePoint(line, i)) ? 1 : 0;
    words += word & ~previous_word;
    previous_word = word;
  }
  shape->words = words;
  shape->inner_break = inner_break;
  shape->link = www || (link_byte && HoldsLink(line));
}

// What MeasureLine measures besides the words: the final mark and the list
// item.
void MeasureEnds(std::string_view line, LineShape* shape_out) {
  LineShape& shape = *shape_out;

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
}

// The words and the inner sentence break of any line, character by
// character: the reference MeasureWordsAndLinks is held to.
void MeasureWordsByCodePoint(std::string_view line, LineShape* shape_out) {
  LineShape& shape = *shape_out;
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
      // The rest of an ASCII word in one tight loop: past its first
      // character nothing is pending, so only its letters count. (Every
      // line of every document is measured; most of their bytes are here.)
      while (i < line.size()) {
        const unsigned char cls = ClassOf(line[i]);
        if ((cls & kWordChar) == 0) break;
        word_letters += cls & kLetter;
        ++i;
      }
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
}

}  // namespace

namespace line_shape_internal {

LineShape MeasureLineByCodePoint(std::string_view line) {
  LineShape shape;
  MeasureWordsByCodePoint(line, &shape);
  shape.link = HoldsLink(line);
  MeasureEnds(line, &shape);
  return shape;
}

}  // namespace line_shape_internal

LineShape MeasureLine(std::string_view line) {
  LineShape shape;
  MeasureWordsAndLinks(line, &shape);
  MeasureEnds(line, &shape);
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

bool HoldsDigit(std::string_view line) {
  return std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace mtclean::internal
