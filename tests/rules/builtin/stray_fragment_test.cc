#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("mt.stray-fragment"); }

TEST(StrayFragmentTest, RejoinsWhereThePublicationsListConfirms) {
  auto engine = Rule();
  const Result r = CleanOrDie(
      *engine, "An aide spoke to the South China newspaper. Morning Post ‘. He declined.\n");
  EXPECT_EQ(r.cleaned, "An aide spoke to the South China Morning Post newspaper. He declined.\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NE(r.findings[0].message.find("South China Morning Post"), std::string::npos);
}

TEST(StrayFragmentTest, RejoinsANameThatEndsTheSentence) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "She wrote for the Wall Street. Journal ’.\n").cleaned,
            "She wrote for the Wall Street Journal.\n");
}

TEST(StrayFragmentTest, DeletesAnUnconfirmedFragmentWithAnUnmatchedQuote) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "He told the weekly. Valley Gazette ‘.").cleaned,
            "He told the weekly.");
}

TEST(StrayFragmentTest, LeavesOrdinaryShortSentences) {
  auto engine = Rule();
  for (const char* text : {
           "He agreed. Twice.\n",
           "The team lost. Again.\n",
           "They met in Rome. Then they flew home.\n",
           "She said: “It is over. Finished.”\n",
           "He read the U.S. News report.\n",
           "The result was clear. ‘Never again,’ he said.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

}  // namespace
}  // namespace mtclean
