#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("newswire.dateline"); }

TEST(DatelineTest, RemovesDatelineLinesInNativeAndTranslatedForms) {
  auto engine = Rule();
  const std::vector<std::string> lines = {
      "MADRID, 26 (EUROPA PRESS)", "Madrid, 26 (Europe Press)", "Lima, Mar. 2 (EFE)",
      "BEIJING, 4 (Xinhua)",       "TOKYO (Kyodo) --",          "Rio de Janeiro, 3 (Agencia EFE)",
      "SEOUL, Jan. 9 (Yonhap)",    "MOSCOW, 12 (TASS) -",       "Frankfurt am Main, 5 (dpa)",
  };
  for (const std::string& line : lines) {
    const Result r = CleanOrDie(*engine, "Headline here\n\n" + line + "\n\nThe story starts.\n");
    EXPECT_EQ(r.cleaned, "Headline here\n\nThe story starts.\n") << line;
  }
}

TEST(DatelineTest, RemovesOnlyThePrefixOfTheFirstParagraph) {
  auto engine = Rule();
  const Result r = CleanOrDie(
      *engine, "Title\n\nNEW YORK (AP) — Stocks closed higher on Friday.\n\nMore text.\n");
  EXPECT_EQ(r.cleaned, "Title\n\nStocks closed higher on Friday.\n\nMore text.\n");
}

TEST(DatelineTest, UnknownAgencyAndSentencesStay) {
  auto engine = Rule();
  for (const std::string& text : {
           std::string("Title\n\nMadrid, 26 (Acme Wire)\n\nBody.\n"),
           std::string("Title\n\nThe minister (Reuters reported) left early.\n"),
           std::string("Title\n\nHe told Reuters - in an interview - that he would stay.\n"),
       }) {
    EXPECT_TRUE(CleanOrDie(*engine, text).findings.empty()) << text;
  }
}

// Real pages put datelines at the start of every item of a listing and of a
// second story reposted below the first: far from the top, a dateline still
// goes when it opens its paragraph, and only then.
TEST(DatelineTest, OpensAParagraphAnywhere) {
  auto engine = Rule();
  std::string story = "Title\n\n";
  for (int i = 0; i < 6; ++i) story += "A paragraph of the story.\n\n";
  EXPECT_EQ(CleanOrDie(*engine, story + "PARIS, 3 (AFP)\n\nThe second story.\n").cleaned,
            story + "The second story.\n");
  EXPECT_EQ(CleanOrDie(*engine, story + "LIMA, 4 (EFE) - Rain fell.\n").cleaned,
            story + "Rain fell.\n");
  const std::string inside = story + "He said the bureau in PARIS, 3 (AFP) staff, had moved.\n";
  EXPECT_TRUE(CleanOrDie(*engine, inside).findings.empty());
  const std::string second_line = story + "The wire said:\nPARIS, 3 (AFP) - Rain fell.\n";
  EXPECT_TRUE(CleanOrDie(*engine, second_line).findings.empty());
}

}  // namespace
}  // namespace mtclean
