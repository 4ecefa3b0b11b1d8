#include "cleaner/document/unicode_text.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"

namespace mtclean::internal {
namespace {

// NFKC case folding by ICU alone, whitespace collapsed: what FoldForCompare
// must give, with or without its ASCII shortcut.
std::string IcuFold(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string utf8;
  fold->normalize(icu::UnicodeString::fromUTF8(s), status).toUTF8String(utf8);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out;
  bool pending_space = false;
  for (char c : utf8) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

// The character classes answer ASCII without ICU: as ICU does.
TEST(CharacterClassTest, AsciiAnswersAreIcusAnswers) {
  for (UChar32 c = 0; c < 0x80; ++c) {
    SCOPED_TRACE(c);
    EXPECT_EQ(IsLetter(c), static_cast<bool>(u_isalpha(c)));
    EXPECT_EQ(IsUpper(c), u_isupper(c) || u_istitle(c));
    EXPECT_EQ(IsDigit(c), static_cast<bool>(u_isdigit(c)));
    EXPECT_EQ(IsWhitespace(c), static_cast<bool>(u_isUWhiteSpace(c)));
    EXPECT_EQ(IsPunctuationOrSymbol(c),
              (U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_S_MASK)) != 0);
    EXPECT_EQ(IsQuote(c), static_cast<bool>(u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK)));
    EXPECT_EQ(IsWordChar(c), u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c) ||
                                 u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) ==
                                     U_NON_SPACING_MARK || c == '_');
  }
  // And beyond ASCII, ICU answers.
  EXPECT_TRUE(IsLetter(U'é'));
  EXPECT_TRUE(IsUpper(U'É'));
  EXPECT_TRUE(IsUpper(U'\u01C5')) << "title case";
  EXPECT_TRUE(IsDigit(U'\u0663'));
  EXPECT_TRUE(IsPunctuationOrSymbol(U'\u2014'));
  EXPECT_TRUE(IsQuote(U'\u201C'));
  EXPECT_FALSE(IsQuote(U'\u2014'));
}

TEST(FoldForCompareTest, EveryAsciiCharacterFoldsAsIcuFoldsIt) {
  for (int c = 1; c < 0x80; ++c) {
    const std::string s = std::string("Port ") + static_cast<char>(c) + " Reopens";
    EXPECT_EQ(FoldForCompare(s), IcuFold(s)) << "character " << c;
  }
}

TEST(FoldForCompareTest, CaseWidthAndSpacesDoNotMatter) {
  EXPECT_EQ(FoldForCompare("  Strike ENDS\tat the\n Port "), "strike ends at the port");
  EXPECT_EQ(FoldForCompare("Straße"), FoldForCompare("STRASSE"));
  EXPECT_EQ(FoldForCompare("Ｐｏｒｔ ｒｅｏｐｅｎｓ"), FoldForCompare("port reopens"));
  EXPECT_EQ(FoldForCompare("Café\u00a0Reopens"), IcuFold("Café\u00a0Reopens"));
  EXPECT_NE(FoldForCompare("port reopens"), FoldForCompare("port reopened"));
  EXPECT_EQ(FoldForCompare(" \t\n"), "");
}

// The table beyond ASCII covers what news text is full of...
TEST(FoldTableTest, CoversAccentedLatinAndTypographicPunctuation) {
  for (char32_t c : {U'é', U'É', U'ü', U'Ü', U'ñ', U'ç', U'ß', U'ø', U'å', U'ã', U'õ', U'Ł',
                     U'ő', U'Œ', U'ș', U'ț', U'\u00A0', U'\u00AD', U'«', U'»', U'\u2013',
                     U'\u2014', U'\u2018', U'\u2019', U'\u201C', U'\u201D', U'\u201E',
                     U'\u2026', U'\u2009', U'\u202F', U'\u200B'}) {
    EXPECT_TRUE(FoldTableCovers(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
  }
  // ...and leaves to ICU what folding a text character by character would
  // get wrong (a combining mark composes with the letter before it) or
  // what it does not hold.
  EXPECT_FALSE(FoldTableCovers(U'\u0301'));
  EXPECT_FALSE(FoldTableCovers(U'\u0416')) << "Cyrillic";
  EXPECT_FALSE(FoldTableCovers(U'\uFF30')) << "fullwidth";
}

// Every character the table covers folds as ICU folds it: alone, doubled,
// between ASCII letters and spaces, and in either case of its neighbours.
TEST(FoldTableTest, EveryCoveredCharacterFoldsAsIcuFoldsIt) {
  size_t covered = 0;
  for (char32_t c = 0x80; c < 0x2100; ++c) {
    if (!FoldTableCovers(c)) continue;
    ++covered;
    std::string ch;
    AppendUtf8(c, &ch);
    for (const std::string& s : {ch, ch + ch, "Port " + ch + " Reopens", "A" + ch + "b",
                                 ch + "Z", " " + ch + " "}) {
      EXPECT_EQ(FoldForCompare(s), FoldForCompareWithIcu(s)) << "U+" << std::hex
                                                              << static_cast<uint32_t>(c);
      // IcuFold collapses ASCII whitespace only (U+0085, U+2028 and
      // U+2029 fold to themselves and are whitespace too).
      if (!IsWhitespace(c)) {
        EXPECT_EQ(FoldForCompare(s), IcuFold(s)) << "U+" << std::hex << static_cast<uint32_t>(c);
      }
    }
  }
  EXPECT_GT(covered, 500u) << "Latin-1, Latin Extended-A and -B, general punctuation";
}

// Texts mixing covered characters, ASCII and characters the table leaves to
// ICU (combining marks, other scripts, invalid bytes) fold as ICU folds
// them, runs of whitespace of every kind collapsed the same way.
TEST(FoldTableTest, MixedTextsFoldAsIcuFoldsThem) {
  std::vector<std::string> pieces = {"a", "Z", " ", "\t", "\n", ".", "Port", "\xC3\xA9",
                                     "\xC3\x89", "\xC3\x9F", "\xE2\x80\x9C", "\xE2\x80\x94",
                                     "\xC2\xA0", "\xC5\x81", "\xCC\x81", "\xD0\x96",
                                     "\xEF\xBC\xB0", "\xE2\x80\x8B", "\xC2\xAD", "\xC3",
                                     // spaces beyond ASCII: folded to a space, or
                                     // kept and still whitespace
                                     "\xE2\x80\x83", "\xE2\x80\xA8", "\xC2\x85"};
  uint32_t state = 12345;
  auto next = [&state]() {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    const int length = 1 + static_cast<int>(next() % 12);
    for (int k = 0; k < length; ++k) s += pieces[next() % pieces.size()];
    EXPECT_EQ(FoldForCompare(s), FoldForCompareWithIcu(s)) << "`" << s << "`";
  }
}

TEST(FoldWordTest, AsciiLowercasedAndTheRestFoldedAsForComparing) {
  EXPECT_TRUE(IsAscii("Reuters / AFP"));
  EXPECT_FALSE(IsAscii("Agência"));
  EXPECT_EQ(FoldWord("REUTERS"), "reuters");
  EXPECT_EQ(FoldWord("Foto  EFE"), "foto  efe") << "ASCII spaces are kept as they are";
  EXPECT_EQ(FoldWord("AGÊNCIA"), FoldForCompare("agência"));
  EXPECT_EQ(FoldWord("Straße"), "strasse");
}

TEST(FoldsToTest, AgreesWithComparingTheFoldedTexts) {
  const std::vector<std::string> texts = {
      "",  " ", "Port reopens", "  PORT   reopens ", "Port\treopens\n", "port reopen",
      "port reopens.", "Cafe\u0301 reopens", "Café reopens", "CAFÉ REOPENS", "Straße",
      "STRASSE", "a", "A ", "port  reopens  again", "Port reopens\u00a0again",
  };
  for (const std::string& text : texts) {
    for (const std::string& other : texts) {
      SCOPED_TRACE("`" + text + "` and `" + other + "`");
      EXPECT_EQ(FoldsTo(text, FoldForCompare(other)),
                FoldForCompare(text) == FoldForCompare(other));
    }
  }
}

// The cheap test before folding: it may say "differ" only when the folded
// texts differ, and it does say so for different ASCII openings.
TEST(FoldedOpeningsDifferTest, SaysDifferOnlyWhenTheFoldedTextsDiffer) {
  const std::vector<std::string> texts = {
      "",        " ",          "Port reopens", "  PORT   reopens ", "port reopen",
      "Harbour", "\tharbour",  "Café",         "CAFÉ",              "Émile",
      "emile",   "\u00a0Port", "12 ports",     "1 port",            std::string("\0x", 2),
  };
  for (const std::string& text : texts) {
    for (const std::string& other : texts) {
      SCOPED_TRACE("`" + text + "` and `" + other + "`");
      if (FoldedOpeningsDiffer(text, other)) {
        EXPECT_NE(FoldForCompare(text), FoldForCompare(other));
      }
    }
  }
  EXPECT_TRUE(FoldedOpeningsDiffer("Port reopens", "Harbour reopens"));
  EXPECT_TRUE(FoldedOpeningsDiffer("  port reopens", "Port reopened"));
  EXPECT_FALSE(FoldedOpeningsDiffer("PORT REOPENS", " port reopens"));
  EXPECT_FALSE(FoldedOpeningsDiffer("Émile", "Port"));
}

TEST(LetterSkeletonTest, KeepsLettersAndDigitsWithoutCaseOrDiacritics) {
  EXPECT_EQ(LetterSkeleton("Saint-Pétersbourg, l’usine n° 3"), "saintpetersbourglusinen3");
  EXPECT_EQ(LetterSkeleton("ŁÓDŹ  Straße"), "łodzstraße");  // simple case folding
  // A copy that lost its spaces, accents and typographic apostrophes has
  // the same skeleton as the original.
  EXPECT_EQ(LetterSkeleton("the newtram at the cafe's door"),
            LetterSkeleton("the new tram at the café’s door"));
  // Decomposed accents (a letter and a combining mark) lose the mark.
  EXPECT_EQ(LetterSkeleton("Cafe\xCC\x81"), "cafe");
  EXPECT_EQ(LetterSkeleton("«…» — ¡!"), "");
  EXPECT_NE(LetterSkeleton("tram line"), LetterSkeleton("train line"));
}

}  // namespace
}  // namespace mtclean::internal

