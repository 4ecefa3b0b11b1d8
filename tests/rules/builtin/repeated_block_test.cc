#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::MakeRuleEngine;
using ::mtclean::testing::RuleIds;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("scrape.repeated-block"); }

constexpr char kHead[] = "Dam reopens\n\nThe dam reopened to visitors on Saturday after repairs.\n\n";
constexpr char kCaption[] = "Visitors walk along the crest of the dam on Saturday.";
constexpr char kTail[] = "Engineers will inspect the spillway again in spring.\n";

TEST(RepeatedBlockTest, RunOfCopiesGoesAsOneFindingNamingTheBlock) {
  auto engine = Rule();
  const std::string c = kCaption;
  const Result r = CleanOrDie(*engine, std::string(kHead) + c + "\n\n" + c + "\n\n" + c +
                                           "\n\n" + kTail);
  EXPECT_EQ(r.cleaned, std::string(kHead) + c + "\n\n" + kTail);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message,
            "Block repeated right after itself: removed 2 repeats of \u201CVisitors walk along "
            "the crest of the dam on Saturday.\u201D (equal to the line above after case and "
            "space folding)");
  EXPECT_TRUE(CleanOrDie(*engine, r.cleaned).edits.empty());
}

TEST(RepeatedBlockTest, CaptionRepeatingTheLineAboveInItsBlock) {
  auto engine = Rule();
  const Result r = CleanOrDie(*engine, std::string(kHead) + kCaption + "\n" +
                                           "VISITORS  walk along the crest of the dam on "
                                           "Saturday.\n\n" + kTail);
  EXPECT_EQ(r.cleaned, std::string(kHead) + kCaption + "\n\n" + kTail);
}

TEST(RepeatedBlockTest, ParagraphOfSeveralLinesRepeated) {
  auto engine = Rule();
  const std::string para = "The reservoir holds enough water\nfor two dry summers, officials said.";
  const Result r =
      CleanOrDie(*engine, std::string(kHead) + para + "\n\n" + para + "\n\n" + kTail);
  EXPECT_EQ(r.cleaned, std::string(kHead) + para + "\n\n" + kTail);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NE(r.findings[0].message.find("equal to the block above"), std::string::npos);
}

TEST(RepeatedBlockTest, HeadlineRepeatsAreLeftToDuplicateHeadline) {
  auto engine = Rule();
  const std::string text = "Dam reopens\n\nDam reopens\n\nThe dam reopened on Saturday.\n";
  EXPECT_TRUE(CleanOrDie(*engine, text).findings.empty());
  auto both = MakeEngine();
  const Result r = CleanOrDie(*both, text);
  EXPECT_EQ(RuleIds(r), std::vector<std::string>{"scrape.duplicate-headline"});
}

TEST(RepeatedBlockTest, HeadlineGluedToTheFirstParagraphIsALineRepeat) {
  auto engine = Rule();
  const Result r = CleanOrDie(
      *engine, "Dam reopens to visitors\n\nDam reopens to visitors\nThe dam reopened on Saturday.\n");
  EXPECT_EQ(r.cleaned, "Dam reopens to visitors\n\nThe dam reopened on Saturday.\n");
}

TEST(RepeatedBlockTest, PullQuoteNextToItsParagraphGoesAndTheParagraphStays) {
  auto engine = Rule();
  const std::string para =
      "\u201CWe rebuilt the spillway stone by stone, and it will hold for a century,\u201D "
      "the chief engineer said.";
  const std::string quote = "\u201CIt will hold for a century\u201D";
  // Before the paragraph and after it.
  EXPECT_EQ(CleanOrDie(*engine, std::string(kHead) + quote + "\n\n" + para + "\n\n" + kTail)
                .cleaned,
            std::string(kHead) + para + "\n\n" + kTail);
  const Result r =
      CleanOrDie(*engine, std::string(kHead) + para + "\n\n" + quote + "\n\n" + kTail);
  EXPECT_EQ(r.cleaned, std::string(kHead) + para + "\n\n" + kTail);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NE(r.findings[0].message.find("its words are in the paragraph above"),
            std::string::npos);
}

TEST(RepeatedBlockTest, QuotationsThatAreNotPullQuotesStay) {
  auto engine = Rule();
  const std::string para =
      "The chief engineer said the spillway would hold for a century, and the mayor agreed.";
  for (const std::string& quote : {
           // Words not in the paragraph.
           std::string("\u201CWe are proud of every worker on this site\u201D"),
           // Too short.
           std::string("\u201CA century\u201D"),
           // A dialogue, not one quotation.
           std::string("\u201CWill it hold?\u201D \u201CFor a century.\u201D"),
       }) {
    const std::string text = std::string(kHead) + para + "\n\n" + quote + "\n\n" + kTail;
    EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text) << quote;
  }
}

TEST(RepeatedBlockTest, LegitimateRepetitionStays) {
  auto engine = Rule();
  for (const std::string& middle : {
           // Not adjacent.
           std::string(kCaption) + "\n\nThe water level rose by a metre.\n\n" + kCaption,
           // One word repeated.
           std::string("Encore!\n\nEncore!"),
           // Similar, not equal.
           std::string("The first turbine started at noon.\n\nThe second turbine started at "
                       "one."),
       }) {
    const std::string text = std::string(kHead) + middle + "\n\n" + kTail;
    EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text) << middle;
  }
}

}  // namespace
}  // namespace mtclean
