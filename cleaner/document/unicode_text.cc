#include "cleaner/document/unicode_text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "unicode/brkiter.h"
#include "unicode/normalizer2.h"
#include "unicode/utext.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace mtclean::internal {

char32_t NextCodePointSlow(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT_OR_FFFD(p, pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(pos);
  return static_cast<char32_t>(c);
}

char32_t PreviousCodePoint(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV_OR_FFFD(p, 0, pos, c);
  i = static_cast<size_t>(pos);
  return static_cast<char32_t>(c);
}

void AppendUtf8(char32_t c, std::string* out) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
  out->append(buffer, static_cast<size_t>(length));
}

bool IsLetterSlow(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool IsUpperSlow(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsDigitSlow(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool IsWhitespaceSlow(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}
bool IsWordCharSlow(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) ||
         u_isdigit(static_cast<UChar32>(c)) ||
         u_getIntPropertyValue(static_cast<UChar32>(c),
                               UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
}

bool IsPunctuationOrSymbolSlow(char32_t c) {
  const int32_t mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  return (mask & (U_GC_P_MASK | U_GC_S_MASK)) != 0;
}

bool IsQuoteSlow(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c),
                             UCHAR_QUOTATION_MARK) != 0;
}

bool IsSeparatorOnly(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = NextCodePoint(s, i);
    if (!IsWhitespace(c) && !IsPunctuationOrSymbol(c)) return false;
  }
  return true;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

namespace {

// `folded` with every run of whitespace collapsed to one space and the ends
// trimmed.
std::string CollapseWhitespace(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  size_t i = 0;
  bool pending_space = false;
  while (i < folded.size()) {
    const size_t start = i;
    const char32_t c = NextCodePoint(folded, i);
    if (IsWhitespace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(folded, start, i - start);
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return lower;
}

// NFKC case folding of the characters beyond ASCII that news text is full
// of (Latin-1, Latin Extended-A and -B, the general punctuation block:
// accented letters, typographic quotes, dashes, spaces), one character at a
// time, without leaving UTF-8. Built once from ICU, which stays the
// reference. A character is covered only when folding a text of covered
// characters is folding each on its own: it is a starter that nothing
// before it composes with (NFKC quick check not "maybe"), and so is every
// character of its folding. Any other character sends the whole text to
// ICU.
class FoldTable {
 public:
  static const FoldTable& Get() {
    static const FoldTable table;
    return table;
  }

  struct Entry {
    std::string folded;
    // Whitespace in `folded` (a space beyond ASCII folds to U+0020): the
    // entry is collapsed code point by code point.
    bool holds_space = false;
  };

  // The folding of `c`, or nullptr when the table does not cover it.
  const Entry* Find(char32_t c) const {
    const size_t index = IndexOf(c);
    return index < kSize && covered_[index] ? &entries_[index] : nullptr;
  }

 private:
  static constexpr char32_t kLatinBegin = 0x80, kLatinEnd = 0x250;
  static constexpr char32_t kPunctuationBegin = 0x2000, kPunctuationEnd = 0x2070;
  static constexpr size_t kSize = (kLatinEnd - kLatinBegin) + (kPunctuationEnd - kPunctuationBegin);

  // The slot of `c` in the table, or kSize when no range holds it.
  static size_t IndexOf(char32_t c) {
    if (c >= kLatinBegin && c < kLatinEnd) return c - kLatinBegin;
    if (c >= kPunctuationBegin && c < kPunctuationEnd) {
      return (kLatinEnd - kLatinBegin) + (c - kPunctuationBegin);
    }
    return kSize;
  }

  static bool Inert(UChar32 c) {
    return u_getCombiningClass(c) == 0 &&
           u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) != UNORM_MAYBE;
  }

  FoldTable() : entries_(kSize), covered_(kSize, false) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) return;  // nothing covered: every text goes to ICU
    auto add = [&](char32_t c) {
      const size_t index = IndexOf(c);
      const UChar32 code = static_cast<UChar32>(c);
      if (!Inert(code)) return;
      UErrorCode error = U_ZERO_ERROR;
      const icu::UnicodeString folded = fold->normalize(icu::UnicodeString(code), error);
      if (U_FAILURE(error)) return;
      bool holds_space = false;
      for (int32_t k = 0; k < folded.length();) {
        const UChar32 part = folded.char32At(k);
        if (!Inert(part)) return;
        holds_space = holds_space || IsWhitespace(static_cast<char32_t>(part));
        k += U16_LENGTH(part);
      }
      Entry& entry = entries_[index];
      folded.toUTF8String(entry.folded);
      entry.holds_space = holds_space;
      covered_[index] = true;
    };
    for (char32_t c = kLatinBegin; c < kLatinEnd; ++c) add(c);
    for (char32_t c = kPunctuationBegin; c < kPunctuationEnd; ++c) add(c);
  }

  std::vector<Entry> entries_;
  std::vector<bool> covered_;
};

// Folds `s` through the table into `out` and collapses its whitespace as
// CollapseWhitespace does, in the same pass; false when a character is not
// covered or the UTF-8 is not valid.
bool FoldThroughTable(std::string_view s, std::string* out) {
  const FoldTable& table = FoldTable::Get();
  out->reserve(s.size());
  bool pending_space = false;
  // Whitespace becomes one space before the next text, none at the ends.
  auto space = [&] { pending_space = !out->empty(); };
  auto before_text = [&] {
    if (pending_space) out->push_back(' ');
    pending_space = false;
  };
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t size = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < size) {
    if (p[i] < 0x80) {
      const char c = static_cast<char>(p[i++]);
      if (IsWhitespace(static_cast<unsigned char>(c))) {
        space();
      } else {
        before_text();
        out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, size, c);
    if (c < 0) return false;
    const FoldTable::Entry* entry = table.Find(static_cast<char32_t>(c));
    if (entry == nullptr) return false;
    if (!entry->holds_space) {
      // A default ignorable folds to nothing and leaves a pending space be.
      if (!entry->folded.empty()) {
        before_text();
        out->append(entry->folded);
      }
      continue;
    }
    const std::string_view folded = entry->folded;
    for (size_t k = 0; k < folded.size();) {
      const size_t start = k;
      if (IsWhitespace(NextCodePoint(folded, k))) {
        space();
      } else {
        before_text();
        out->append(folded.substr(start, k - start));
      }
    }
  }
  return true;
}

}  // namespace

bool FoldTableCovers(char32_t c) { return FoldTable::Get().Find(c) != nullptr; }

std::string FoldForCompareWithIcu(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString folded;
  if (U_SUCCESS(status)) {
    folded = fold->normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size())),
        status);
  }
  std::string utf8;
  if (U_FAILURE(status)) {
    utf8.assign(s);  // ICU data missing: compare the bytes as they are
  } else {
    folded.toUTF8String(utf8);
  }
  return CollapseWhitespace(utf8);
}

std::string FoldForCompare(std::string_view s) {
  // ASCII is its own NFKC form and case-folds to lower case: most lines
  // compared are, and need no trip through UTF-16.
  if (IsAscii(s)) {
    std::string out;
    out.reserve(s.size());
    FoldAsciiPrefix(s, [&out](char c) {
      out.push_back(c);
      return true;
    });
    return out;
  }
  // Accented Latin letters and typographic punctuation: a table, in UTF-8.
  std::string folded;
  if (FoldThroughTable(s, &folded)) return folded;
  return FoldForCompareWithIcu(s);
}

std::string FoldWord(std::string_view word) {
  return IsAscii(word) ? AsciiLower(word) : FoldForCompare(word);
}

std::string LetterSkeleton(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const icu::Normalizer2* nfd = nullptr;
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = NextCodePoint(s, i);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        out += static_cast<char>(c + ('a' - 'A'));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out += static_cast<char>(c);
      }
      continue;
    }
    if (!IsWordChar(c)) continue;
    // The base of a decomposable letter (`é` -> `e`), then its case fold;
    // combining marks decompose to nothing of their own and are dropped.
    UChar32 base = static_cast<UChar32>(c);
    if (nfd == nullptr) {
      UErrorCode status = U_ZERO_ERROR;
      nfd = icu::Normalizer2::getNFDInstance(status);
      if (U_FAILURE(status)) nfd = nullptr;
    }
    if (nfd != nullptr) {
      icu::UnicodeString decomposed;
      if (nfd->getDecomposition(base, decomposed) && decomposed.length() > 0) {
        base = decomposed.char32At(0);
      }
    }
    if (U_GET_GC_MASK(base) & U_GC_M_MASK) continue;
    base = u_foldCase(base, U_FOLD_CASE_DEFAULT);
    if (base < 0x80) {
      out += static_cast<char>(base);
    } else {
      AppendUtf8(static_cast<char32_t>(base), &out);
    }
  }
  return out;
}

bool FoldsTo(std::string_view text, std::string_view folded) {
  if (!IsAscii(text)) return FoldForCompare(text) == folded;
  size_t at = 0;
  bool same = true;
  FoldAsciiPrefix(text, [&](char c) {
    same = at < folded.size() && folded[at] == c;
    ++at;
    return same;
  });
  return same && at == folded.size();
}

namespace {

// How much of two openings FoldedOpeningsDiffer() compares.
constexpr size_t kComparedOpening = 24;

// The opening of `s` as FoldAsciiPrefix gives it, up to kComparedOpening
// characters, written to `out`; returns how many.
size_t AsciiOpening(std::string_view s, std::array<char, kComparedOpening>* out) {
  size_t n = 0;
  FoldAsciiPrefix(s, [&](char c) {
    (*out)[n++] = c;
    return n < out->size();
  });
  return n;
}

// The first character FoldAsciiPrefix() gives for `s`, or -1 when it gives
// none (a character beyond ASCII comes first, or only whitespace).
int FirstFolded(std::string_view s) {
  int first = -1;
  FoldAsciiPrefix(s, [&](char c) {
    first = static_cast<unsigned char>(c);
    return false;
  });
  return first;
}

}  // namespace

bool FoldedOpeningsDiffer(std::string_view a, std::string_view b) {
  // Most of the texts compared differ in their first character: settle
  // those before folding two openings.
  const int first_a = FirstFolded(a);
  const int first_b = FirstFolded(b);
  if (first_a < 0 || first_b < 0) return false;
  if (first_a != first_b) return true;
  std::array<char, kComparedOpening> x, y;
  const size_t n = std::min(AsciiOpening(a, &x), AsciiOpening(b, &y));
  return std::memcmp(x.data(), y.data(), n) != 0;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::vector<size_t> SentenceEnds(std::string_view text, std::string_view language) {
  // Break iterators are costly to make and not thread-safe: one per thread
  // and language.
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> iterators;
  auto it = iterators.find(language);
  if (it == iterators.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(icu::BreakIterator::createSentenceInstance(
        icu::Locale(std::string(language).c_str()), status));
    if (U_FAILURE(status)) iterator.reset();
    it = iterators.emplace(std::string(language), std::move(iterator)).first;
  }
  std::vector<size_t> ends;
  if (it->second == nullptr) return ends;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return ends;
  icu::BreakIterator& iterator = *it->second;
  iterator.setText(utext, status);
  if (U_SUCCESS(status)) {
    // With UTF-8 UText the boundaries are byte offsets.
    for (int32_t b = iterator.next(); b != icu::BreakIterator::DONE; b = iterator.next()) {
      ends.push_back(static_cast<size_t>(b));
    }
  }
  // Detach the iterator from the text before the UText goes.
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  iterator.setText(empty, status);
  utext_close(utext);
  utext_close(empty);
  return ends;
}

}  // namespace mtclean::internal
