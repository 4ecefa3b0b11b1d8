#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("text.mojibake"); }

TEST(MojibakeTest, RepairsAccentedWordsConfirmedByADictionary) {
  auto engine = Rule();
  const Result r =
      CleanOrDie(*engine, "The rÃ©sumÃ© of the new coach was read out in the cafÃ©.\n");
  EXPECT_EQ(r.cleaned, "The résumé of the new coach was read out in the café.\n");
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_TRUE(r.findings[0].fixed);
}

TEST(MojibakeTest, EachEditCoversOnlyTheDamagedRun) {
  auto engine = Rule();
  const std::string text = "Prices in the cafÃ© rose.\n";
  const Result r = CleanOrDie(*engine, text);
  ASSERT_EQ(r.edits.size(), 1u);
  EXPECT_EQ(text.substr(r.edits[0].begin, r.edits[0].end - r.edits[0].begin), "Ã©");
  EXPECT_EQ(r.edits[0].replacement, "é");
}

TEST(MojibakeTest, RepairsNamesFromAnotherLanguagesDictionary) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "Coach JosÃ© MuÃ±oz resigned.\n").cleaned,
            "Coach José Muñoz resigned.\n");
}

TEST(MojibakeTest, RepairsTypographicQuotesAndDashes) {
  auto engine = Rule();
  // U+009D is what Latin-1 makes of the last byte of a closing quote.
  EXPECT_EQ(CleanOrDie(*engine,
                       "â€œItâ€™s over,â€\u009d she said â€” and left.\n")
                .cleaned,
            "“It’s over,” she said — and left.\n");
}

TEST(MojibakeTest, RepairsTextDamagedTwice) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "The mayorÃ¢â‚¬â„¢s office declined.\n").cleaned,
            "The mayor’s office declined.\n");
}

TEST(MojibakeTest, RepairsSymbolsOutsideWords) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "It was 30Â°C and fares rose by Â£2.\n").cleaned,
            "It was 30°C and fares rose by £2.\n");
}

TEST(MojibakeTest, UnconfirmedRepairStaysAFindingWithoutAnEdit) {
  auto engine = Rule();
  // "Kvrétz" is in no dictionary: the repair is only suggested.
  const std::string text = "The striker KvrÃ©tz scored twice.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
  EXPECT_NE(r.findings[0].message.find("Kvrétz"), std::string::npos);
}

TEST(MojibakeTest, LeavesCorrectAccentedText) {
  auto engine = Rule();
  for (const char* text : {
           "The café in São Paulo serves crème brûlée.\n",
           "Müller and Ørsted met in Zürich; the fee was €5 or £4.\n",
           "Ã is a letter of Portuguese, and Â appears in Romanian.\n",
           "“Quoted,” she said — twice…\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(MojibakeTest, LeavesFrontMatterAlone) {
  auto engine = Rule();
  const std::string text = "---\ntitle: cafÃ©\n---\nThe cafÃ© opened.\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, "---\ntitle: cafÃ©\n---\nThe café opened.\n");
}

}  // namespace
}  // namespace mtclean
