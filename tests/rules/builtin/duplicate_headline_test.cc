#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("scrape.duplicate-headline"); }

TEST(DuplicateHeadlineTest, RemovesEveryRepeatSoCleaningIsIdempotent) {
  auto engine = Rule();
  const Result r = CleanOrDie(*engine, "Floods hit the valley\n\nFloods hit the valley\n\n"
                                       "Floods hit the valley\n\nRivers rose overnight.\n");
  EXPECT_EQ(r.cleaned, "Floods hit the valley\n\nRivers rose overnight.\n");
  EXPECT_EQ(r.findings.size(), 2u);
  EXPECT_TRUE(CleanOrDie(*engine, r.cleaned).findings.empty());
}

TEST(DuplicateHeadlineTest, ComparesAfterNormalisation) {
  auto engine = Rule();
  // Full-width letters and a non-breaking space fold to the same key.
  const Result r = CleanOrDie(*engine, "Ｖote delayed\n\nvote\xC2\xA0 DELAYED\n\nThe vote was delayed.\n");
  EXPECT_EQ(r.cleaned, "Ｖote delayed\n\nThe vote was delayed.\n");
}

TEST(DuplicateHeadlineTest, OnlyTheFirstBlockCounts) {
  auto engine = Rule();
  const std::string text = "Headline\n\nBody one.\n\nBody one.\n";
  EXPECT_TRUE(CleanOrDie(*engine, text).findings.empty());
}

TEST(DuplicateHeadlineTest, SingleBlockIsLeftAlone) {
  auto engine = Rule();
  EXPECT_TRUE(CleanOrDie(*engine, "Only a headline\n").findings.empty());
}

}  // namespace
}  // namespace mtclean
