#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("text.invisible"); }

TEST(InvisibleTest, RemovesCharactersInsideAWordTheDictionaryConfirms) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "An inter\u00ADnational trans\u00ADla\u00ADtion.\n").cleaned,
            "An international translation.\n");
  EXPECT_EQ(CleanOrDie(*engine, "The com\u2060mittee and the parlia\uFEFFment.\n").cleaned,
            "The committee and the parliament.\n");
}

TEST(InvisibleTest, OneFindingPerWordWithAllItsCharacters) {
  auto engine = Rule();
  const Result r = CleanOrDie(*engine, "A trans\u00ADla\u00ADtion.\n");
  ASSERT_EQ(r.findings.size(), 1u);
  ASSERT_EQ(r.findings[0].edits.size(), 2u);
  EXPECT_EQ(r.findings[0].edits[0].begin, 7u);
  EXPECT_EQ(r.findings[0].edits[0].end, 9u);
}

TEST(InvisibleTest, TwoWordsJoinedByAnInvisibleCharacterAreOnlyReported) {
  auto engine = Rule();
  const std::string text = "He met the\u200Bminister.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
  EXPECT_NE(r.findings[0].message.find("space may be missing"), std::string::npos);
}

TEST(InvisibleTest, UnknownWordIsOnlyReported) {
  auto engine = Rule();
  const std::string text = "Striker Kvre\u00ADtzki scored.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
}

TEST(InvisibleTest, RemovesCharactersOutsideWords) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "Done\u200B. Next\u0001 step \u200E(see below)\u000B.\n").cleaned,
            "Done. Next step (see below).\n");
}

TEST(InvisibleTest, NoBreakSpaceOnlyInsideAWord) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "A govern\u00A0ment plan.\n").cleaned, "A government plan.\n");
  for (const char* text : {
           "Louis\u00A0XIV arrived at 9\u00A0a.m. with 20\u00A0km to go.\n",
           "Il a dit\u00A0: «\u00A0Oui\u00A0».\n",
           "The prime\u00A0minister spoke.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(InvisibleTest, LeavesJoinersOfEmojiAndOtherScripts) {
  auto engine = Rule();
  for (const char* text : {
           "Team \U0001F468\u200D\U0001F469\u200D\U0001F467 and flag "
           "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F.\n",
           "Hindi \u0915\u094D\u200D\u0937 and Persian \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.\n",
           "A variation selector: \u2764\uFE0F.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(InvisibleTest, LeavesDirectionMarksInRightToLeftLines) {
  auto engine = Rule();
  const std::string text = "The sign read \u200F\u05E9\u05DC\u05D5\u05DD\u200E in Hebrew.\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text);
  EXPECT_EQ(CleanOrDie(*engine, "Plain \u200Eline.\n").cleaned, "Plain line.\n");
}

TEST(InvisibleTest, LeavesMojibakeToItsOwnRule) {
  auto engine = Rule();
  // `Ã` followed by a soft hyphen is the damaged form of `í`.
  const std::string text = "MarÃ\u00ADa said so.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  EXPECT_TRUE(r.findings.empty());
}

TEST(InvisibleTest, ComposesToNfcEditingOnlyTheChangedSpan) {
  auto engine = Rule();
  const std::string text = "Cafe\u0301 and re\u0301sume\u0301 and Zu\u0308rich.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, "Café and résumé and Zürich.\n");
  ASSERT_EQ(r.edits.size(), 4u);
  EXPECT_EQ(text.substr(r.edits[0].begin, r.edits[0].end - r.edits[0].begin), "e\u0301");
  EXPECT_EQ(r.edits[0].replacement, "é");
}

// Only the runs beyond ASCII, with the character before each, are asked
// whether they are in NFC: a combining mark anywhere is still found.
TEST(InvisibleTest, FindsACombiningMarkWhereverItStands) {
  auto engine = Rule();
  for (const auto& [text, cleaned] : std::vector<std::pair<std::string, std::string>>{
           {"e\u0301te\u0301 in the port.\n", "été in the port.\n"},
           {"The port \u201Ccafe\u0301\u201D reopened.\n", "The port \u201Ccafé\u201D reopened.\n"},
           {"Zu\u0308rich and \u1100\u1161 and \u00E9\u0301.\n",
            "Zürich and \uAC00 and \u00E9\u0301.\n"},
       }) {
    SCOPED_TRACE(text);
    EXPECT_EQ(CleanOrDie(*engine, text).cleaned, cleaned);
  }
}

TEST(InvisibleTest, LeavesNfcTextAndFrontMatterAlone) {
  auto engine = Rule();
  const std::string text = "---\ntitle: \"Cafe\u0301\u200B\"\n---\nCafé in Zürich.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  EXPECT_TRUE(r.findings.empty());
}

}  // namespace
}  // namespace mtclean
