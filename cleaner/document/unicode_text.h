// Thin ICU helpers over validated UTF-8. Offsets are byte offsets.
#ifndef MTCLEAN_DOCUMENT_UNICODE_TEXT_H_
#define MTCLEAN_DOCUMENT_UNICODE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mtclean::internal {

// Decodes the code point starting at byte `i` of valid UTF-8 `s` and moves
// `i` past it. (ASCII is decoded inline: rules call this per character.)
char32_t NextCodePointSlow(std::string_view s, size_t& i);
inline char32_t NextCodePoint(std::string_view s, size_t& i) {
  const unsigned char byte = static_cast<unsigned char>(s[i]);
  if (byte < 0x80) {
    ++i;
    return byte;
  }
  return NextCodePointSlow(s, i);
}
// Decodes the code point ending just before byte `i` and moves `i` to its
// start.
char32_t PreviousCodePoint(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of `c` (a Unicode scalar value) to `out`.
void AppendUtf8(char32_t c, std::string* out);

// The character classes below answer ASCII inline (rules ask per
// character) and ask ICU about the rest; a test holds the two to agree.
bool IsLetterSlow(char32_t c);
inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return IsLetterSlow(c);
}
// Upper case or title case.
bool IsUpperSlow(char32_t c);
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return IsUpperSlow(c);
}
// Decimal digits of any script.
bool IsDigitSlow(char32_t c);
inline bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return IsDigitSlow(c);
}
bool IsWhitespaceSlow(char32_t c);
inline bool IsWhitespace(char32_t c) {
  // ICU's White_Space property on ASCII: tab to carriage return, and space.
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return IsWhitespaceSlow(c);
}
// Letters, digits and the connector marks that belong inside words.
bool IsWordCharSlow(char32_t c);
inline bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
  }
  return IsWordCharSlow(c);
}
// Punctuation or symbol (Unicode general categories P* and S*): in ASCII,
// every printable character but letters, digits and the space.
bool IsPunctuationOrSymbolSlow(char32_t c);
inline bool IsPunctuationOrSymbol(char32_t c) {
  if (c < 0x80) {
    return c > ' ' && c < 0x7F && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                     (c >= '0' && c <= '9'));
  }
  return IsPunctuationOrSymbolSlow(c);
}
// Quotation marks of any script, straight or curly (ASCII ' and ").
bool IsQuoteSlow(char32_t c);
inline bool IsQuote(char32_t c) {
  if (c < 0x80) return c == '"' || c == '\'';
  return IsQuoteSlow(c);
}

// True when `s` holds only whitespace, punctuation and symbols.
bool IsSeparatorOnly(std::string_view s);

// True when every byte of `s` is ASCII.
bool IsAscii(std::string_view s);

// The comparison key for "the same text": NFKC case folding with every run of
// whitespace collapsed to one space and the ends trimmed.
// Beyond ASCII, the accented Latin letters and the general punctuation
// block (typographic quotes, dashes, spaces) fold through a table made once
// from ICU; any other character sends the text to ICU.
std::string FoldForCompare(std::string_view s);

// FoldForCompare() computed by ICU alone: the reference the table is held
// to (tests).
std::string FoldForCompareWithIcu(std::string_view s);

// True when FoldForCompare() folds `c` through its table, not through ICU.
bool FoldTableCovers(char32_t c);

// Calls `emit(char)` with each character FoldForCompare(s) begins with, as
// far as `s` is ASCII (its first byte beyond ASCII ends the walk: folding
// may change what follows): letters lowercased, each run of whitespace
// between characters as one space, none at the start or the end. Stops
// when `emit` returns false. Comparing as it goes needs no folded copy.
template <typename Emit>
void FoldAsciiPrefix(std::string_view s, Emit&& emit) {
  bool space = false;
  bool started = false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return;
    if (IsWhitespace(static_cast<unsigned char>(c))) {
      space = started;
      continue;
    }
    if (space && !emit(' ')) return;
    space = false;
    started = true;
    if (!emit(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c)) return;
  }
}

// True when the openings of `a` and `b` as FoldForCompare() folds them,
// as far as both are ASCII, already differ: then the two cannot fold to the
// same text. Compares at most a few dozen characters and allocates
// nothing: the cheap test before folding two texts to compare them.
bool FoldedOpeningsDiffer(std::string_view a, std::string_view b);

// A word case-folded for a lookup: ASCII lowercased, anything else as
// FoldForCompare() folds it.
std::string FoldWord(std::string_view word);

// FoldForCompare(text) == folded, without building the folded text when
// `text` is ASCII (then it stops at the first difference).
bool FoldsTo(std::string_view text, std::string_view folded);

// The letters and digits of `s` only, simply case-folded (`ß` stays) and
// without their diacritics (`Pétersbourg’s` -> `petersbourgs`): the key for
// "the same words" when a copy lost its spaces, its accents or its
// typographic apostrophes. Punctuation, symbols, marks and whitespace are
// dropped.
std::string LetterSkeleton(std::string_view s);

// Number of code points in `s` (a 1-based column is this plus one).
size_t CodePointCount(std::string_view s);

// The sentences of valid UTF-8 `text` by ICU's sentence rules for
// `language` ("en", "es", ...): the byte offset where each sentence ends
// (the last one is text.size()). A sentence includes the whitespace after
// it. Runs ICU's break iterator over the UTF-8 bytes directly (one iterator
// per thread and language, made on first use); costlier than a scan, so
// meant for the few paragraphs that need it. Empty when ICU's data is
// missing.
std::vector<size_t> SentenceEnds(std::string_view text, std::string_view language);

}  // namespace mtclean::internal

#endif  // MTCLEAN_DOCUMENT_UNICODE_TEXT_H_
