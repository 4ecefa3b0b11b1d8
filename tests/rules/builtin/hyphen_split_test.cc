#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("text.hyphen-split"); }

TEST(HyphenSplitTest, JoinsAWordTheDictionaryConfirms) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "The eco- nomic outlook and the par- liament.\n").cleaned,
            "The economic outlook and the parliament.\n");
  const Result r = CleanOrDie(*engine, "A transla- tion.\n");
  ASSERT_EQ(r.edits.size(), 1u);
  EXPECT_EQ(r.edits[0].begin, 9u);  // only the hyphen and the space go
  EXPECT_EQ(r.edits[0].end, 11u);
}

TEST(HyphenSplitTest, JoinsAcrossALineBreak) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "The govern-\nment and the oppo-\r\n  sition met.\n").cleaned,
            "The government and the opposition met.\n");
}

TEST(HyphenSplitTest, RestoresListedHyphenatedCompounds) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "A long- term plan for state- owned firms.\n").cleaned,
            "A long-term plan for state-owned firms.\n");
}

TEST(HyphenSplitTest, TwoWordsThatAlsoJoinAreOnlyReported) {
  auto engine = Rule();
  // `inter` and `national` are both words: no dictionary decides.
  const std::string text = "An inter- national summit.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
}

TEST(HyphenSplitTest, UnlistedCompoundIsOnlyReported) {
  auto engine = Rule();
  const std::string text = "A rain- soaked crowd.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
}

TEST(HyphenSplitTest, LeavesSuspendedHyphensWrappedCompoundsAndNames) {
  auto engine = Rule();
  for (const char* text : {
           "Pre- and post-war figures, first- and second-round votes.\n",
           "Low- to middle-income families and short- or long-term loans.\n",
           "A well-\nknown face, a self-\nemployed man.\n",
           "Marie- Claire and Jean- Luc flew with Air- France.\n",
           "Zorbly- quandish is not English.\n",
           "He paused - then spoke - and left.\n",
           "The vote was 12- 3 in favour.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(HyphenSplitTest, NotAcrossParagraphs) {
  auto engine = Rule();
  const std::string text = "The end of a para-\n\ngraph is not a split.\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text);
}

}  // namespace
}  // namespace mtclean
