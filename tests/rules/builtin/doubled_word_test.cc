#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("text.doubled-word"); }

TEST(DoubledWordTest, RemovesTheRepeat) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "He went to to the the market.\n").cleaned,
            "He went to the market.\n");
  EXPECT_EQ(CleanOrDie(*engine, "It ended with a a draw.\n").cleaned, "It ended with a draw.\n");
}

TEST(DoubledWordTest, RepeatBeforePunctuationOrAtTheEndOfALine) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "It was late late.\n").cleaned, "It was late.\n");
  EXPECT_EQ(CleanOrDie(*engine, "They said said\nthat it rained.\n").cleaned,
            "They said\nthat it rained.\n");
}

TEST(DoubledWordTest, AcrossALineBreakKeepsTheLines) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "The mayor of the\r\nthe city spoke.\r\n").cleaned,
            "The mayor of the\r\ncity spoke.\r\n");
}

TEST(DoubledWordTest, NotAcrossParagraphsOrPunctuation) {
  auto engine = Rule();
  for (const char* text : {
           "He said no.\n\nNo one came.\n",
           "It was over, over and over again.\n",
           "The last word was the\n\nthe first of the next paragraph.\n",
           "They wrote “the” the way they always do.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(DoubledWordTest, AllowListAnywhereAndInPosition) {
  auto engine = Rule();
  for (const char* text : {
           "By May they had had enough of the delays.\n",
           "He insisted that that was the last offer.\n",
           "She gave her her passport back.\n",
           "What the plan is is a delay. All it was was a rumour.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
  // `is is` without `what` or `all` before it in its sentence is a mistake,
  // even when an earlier sentence has them.
  EXPECT_EQ(CleanOrDie(*engine, "What a day. The issue is is money.\n").cleaned,
            "What a day. The issue is money.\n");
}

TEST(DoubledWordTest, ParticleThenPrepositionIsOnlyReported) {
  auto engine = Rule();
  const std::string text = "The rule was brought in in May.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
}

TEST(DoubledWordTest, UnknownWordIsOnlyReported) {
  auto engine = Rule();
  const std::string text = "The crowd chanted zorb zorb at the gate.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
}

TEST(DoubledWordTest, LeavesNamesNumbersAndCompounds) {
  auto engine = Rule();
  for (const char* text : {
           "Duran Duran played in Walla Walla.\n",
           "The vote was 12 12 after a recount of the 3.5 3.5 ballots.\n",
           "It was a so-so so to speak result.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(DoubledWordTest, RunsOnlyOnLanguagesWithAnAllowList) {
  Options o;
  o.language = "fr";
  auto engine = MakeEngine(o);
  const std::string text = "Nous nous sommes vus.\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text);
}

}  // namespace
}  // namespace mtclean
