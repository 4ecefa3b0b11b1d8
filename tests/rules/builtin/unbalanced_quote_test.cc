#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::RuleIds;

std::unique_ptr<Engine> Rule(const std::string& language = "en") {
  Options o;
  o.only_rules = {"mt.unbalanced-quote"};
  o.language = language;
  return MakeEngine(o);
}

// The marks the findings point at, in order.
std::vector<std::string> Marks(const std::string& text, const Result& r) {
  std::vector<std::string> marks;
  for (const Finding& f : r.findings) marks.push_back(text.substr(f.begin, f.end - f.begin));
  return marks;
}

TEST(UnbalancedQuoteTest, ReportsUnmatchedMarksWithoutChangingText) {
  auto engine = Rule();
  const std::string text =
      "“We will sign, she said.\n\nThe deal” was late.\n\nHe left (angry and] tired.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  EXPECT_EQ(Marks(text, r), (std::vector<std::string>{"“", "”", "(", "]"}));
  for (const Finding& f : r.findings) EXPECT_FALSE(f.has_fix());
}

TEST(UnbalancedQuoteTest, OddStraightQuotes) {
  auto engine = Rule();
  const std::string text = "He called it \"a disgrace and left.\n";
  EXPECT_EQ(Marks(text, CleanOrDie(*engine, text)), (std::vector<std::string>{"\""}));
  const std::string inches = "A 6\" screen and a \"smart\" pen.\n";
  EXPECT_TRUE(CleanOrDie(*engine, inches).findings.empty());
}

TEST(UnbalancedQuoteTest, QuotationRunningOverParagraphsInNewsStyle) {
  auto engine = Rule();
  for (const char* text : {
           "He said: “The first point is the budget.\n\n“The second is the timing,\n\n"
           "“and the third is trust,” he added.\n",
           "‘We opened at dawn.\n\n‘We closed at dusk,’ the owner said.\n",
           "\"The first part.\n\n\"The second part,\" she said.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
  // A paragraph left open before one that does not reopen is reported.
  const std::string text = "“The first point is the budget.\n\nThe mayor then left.\n";
  EXPECT_EQ(Marks(text, CleanOrDie(*engine, text)), (std::vector<std::string>{"“"}));
}

TEST(UnbalancedQuoteTest, ApostrophesAreNotQuotes) {
  auto engine = Rule();
  for (const char* text : {
           "The players’ union didn’t agree; it’s the ’90s again, rock ‘n’ roll.\n",
           "‘Yes,’ said the coach’s wife, ‘the team’s ready.’\n",
           "Fans wore ‘90s shirts.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(UnbalancedQuoteTest, EnumeratorsAndEmoticonsAreNotBrackets) {
  auto engine = Rule();
  for (const char* text : {
           "Options: a) wait, b) leave, or iv) appeal.\n",
           "1) The vote.\n2) The count.\n",
           "Great result :) and more :-) to come.\n",
           "The fee (see note 3) rose [by 2 %] and {again}.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(UnbalancedQuoteTest, GermanQuotationMarks) {
  auto engine = Rule("de");
  EXPECT_TRUE(CleanOrDie(*engine, "Er sagte: „Wir kommen.“ Sie sagte: »Gut.«\n").findings.empty());
  const std::string text = "Er sagte: „Wir kommen.\n";
  EXPECT_EQ(Marks(text, CleanOrDie(*engine, text)), (std::vector<std::string>{"„"}));
}

TEST(UnbalancedQuoteTest, StrayFragmentQuoteIsNotReportedTwice) {
  Options o;
  o.only_rules = {"mt.unbalanced-quote", "mt.stray-fragment"};
  auto engine = MakeEngine(o);
  const Result r = CleanOrDie(*engine, "He told the weekly. Valley Gazette ‘. Then he left.\n");
  EXPECT_EQ(RuleIds(r), (std::vector<std::string>{"mt.stray-fragment"}));
  // Without a stray fragment, the same quote is reported.
  const Result other = CleanOrDie(*engine, "He told the weekly ‘that it was over.\n");
  EXPECT_EQ(RuleIds(other), (std::vector<std::string>{"mt.unbalanced-quote"}));
}

}  // namespace
}  // namespace mtclean
