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

}  // namespace
}  // namespace mtclean::internal
