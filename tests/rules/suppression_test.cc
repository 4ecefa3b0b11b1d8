// Suppression comments in Markdown and the unused-suppression report.
#include "cleaner/rules/rule_pattern.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::RuleIds;

constexpr char kFooter[] = "Leave a Reply\n";
constexpr char kStory[] =
    "Rail workers strike\n\nTrains stopped across the region on Monday morning.\n\n";

Result CleanMarkdown(const Engine& engine, const std::string& text) {
  absl::StatusOr<Result> r = engine.Clean("a.md", text, TextFormat::kMarkdown);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : Result{};
}

TEST(SuppressionTest, DisableNextLineSilencesAndKeepsTheLine) {
  std::unique_ptr<Engine> engine = MakeEngine();
  const std::string text = std::string(kStory) +
                           "<!-- mtclean-disable-next-line scrape.comment-form -->\n" + kFooter;
  const Result r = CleanMarkdown(*engine, text);
  EXPECT_TRUE(r.findings.empty()) << RuleIds(r)[0];
  EXPECT_EQ(r.cleaned, text);
}

TEST(SuppressionTest, FamilyGlobAndNoIdSilenceToo) {
  std::unique_ptr<Engine> engine = MakeEngine();
  for (const std::string comment : {"<!-- mtclean-disable-next-line scrape.* -->",
                                    "<!-- mtclean-disable-next-line -->",
                                    "<!--mtclean-disable-next-line newswire.dateline,scrape.comment-form-->"}) {
    const std::string text = std::string(kStory) + comment + "\n" + kFooter;
    EXPECT_EQ(CleanMarkdown(*engine, text).cleaned, text) << comment;
  }
}

TEST(SuppressionTest, OtherRuleOrLineIsNotSilenced) {
  std::unique_ptr<Engine> engine = MakeEngine();
  std::string text = std::string(kStory) + "<!-- mtclean-disable-next-line newswire.dateline -->\n" +
                     kFooter;
  EXPECT_EQ(RuleIds(CleanMarkdown(*engine, text)), std::vector<std::string>{"scrape.comment-form"});
  text = std::string(kStory) + "<!-- mtclean-disable-next-line scrape.comment-form -->\n\n" + kFooter;
  EXPECT_EQ(RuleIds(CleanMarkdown(*engine, text)), std::vector<std::string>{"scrape.comment-form"})
      << "the next line is the blank one";
}

TEST(SuppressionTest, DisableUntilEnable) {
  std::unique_ptr<Engine> engine = MakeEngine();
  const std::string text =
      "Port reopens\n\nPort reopens\n\n<!-- mtclean-disable scrape.comment-form -->\n\n"
      "Ships entered at dawn, officials said on Tuesday.\n\nLeave a Reply\n\n"
      "<!-- mtclean-enable scrape.comment-form -->\n\nCancel reply\n";
  const Result r = CleanMarkdown(*engine, text);
  // The repeated headline is before the disable, the second footer line after
  // the enable: both are reported; the first footer line is not.
  EXPECT_EQ(RuleIds(r), (std::vector<std::string>{"scrape.duplicate-headline", "scrape.comment-form"}));
  EXPECT_NE(r.cleaned.find("Leave a Reply"), std::string::npos);
  EXPECT_EQ(r.cleaned.find("Cancel reply"), std::string::npos);
}

TEST(SuppressionTest, DisableWithoutIdLastsToTheEnd) {
  std::unique_ptr<Engine> engine = MakeEngine();
  const std::string text = std::string("<!-- mtclean-disable -->\n\n") + kStory + kFooter;
  EXPECT_TRUE(CleanMarkdown(*engine, text).findings.empty());
}

TEST(SuppressionTest, PlainTextHasNoSuppressions) {
  std::unique_ptr<Engine> engine = MakeEngine();
  const std::string text = std::string(kStory) +
                           "<!-- mtclean-disable-next-line scrape.comment-form -->\n" + kFooter;
  absl::StatusOr<Result> r = engine->Clean("a.txt", text, TextFormat::kPlain);
  ASSERT_TRUE(r.ok());
  // The footer is reported and removed: the comment did not silence it (the
  // comment line itself is leftover markup to the page model).
  const std::vector<std::string> ids = RuleIds(*r);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "scrape.comment-form"), ids.end());
  EXPECT_EQ(r->cleaned.find("Leave a Reply"), std::string::npos);
}

TEST(SuppressionTest, UnusedSuppressionsAreReportedWhenAsked) {
  Options options;
  options.report_unused_suppressions = true;
  std::unique_ptr<Engine> engine = MakeEngine(options);
  const std::string text = std::string(kStory) +
                           "<!-- mtclean-disable-next-line scrape.comment-form mt.stray-fragment -->\n" +
                           kFooter;
  const Result r = CleanMarkdown(*engine, text);
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.rule_id, kUnusedSuppressionRuleId);
  EXPECT_EQ(f.severity, Severity::kWarning);
  EXPECT_EQ(f.message, "Suppression `mtclean-disable-next-line mt.stray-fragment` suppressed nothing");
  EXPECT_EQ(text.substr(f.begin, 4), "<!--");
  EXPECT_EQ(r.cleaned, text);
  bool listed = false;
  for (const RuleDescription& d : engine->rules()) listed = listed || d.id == kUnusedSuppressionRuleId;
  EXPECT_TRUE(listed);
  EXPECT_TRUE(CleanMarkdown(*MakeEngine(), text).findings.empty()) << "off by default";
}

TEST(SuppressionTest, FindingsInsideProtectedRegionsAreNotReported) {
  std::unique_ptr<Engine> engine = MakeEngine();
  const std::string text = std::string(kStory) + "```\nLeave a Reply\n```\n";
  const Result r = CleanMarkdown(*engine, text);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.cleaned, text);
}

TEST(RulePatternTest, GlobsAndSpecificity) {
  using internal::RulePatternMatches;
  EXPECT_TRUE(RulePatternMatches("scrape.*", "scrape.comment-form"));
  EXPECT_TRUE(RulePatternMatches("*.dateline", "newswire.dateline"));
  EXPECT_TRUE(RulePatternMatches("mt.stray-?ragment", "mt.stray-fragment"));
  EXPECT_FALSE(RulePatternMatches("scrape.*", "newswire.dateline"));
  EXPECT_FALSE(RulePatternMatches("scrape.comment", "scrape.comment-form"));
  EXPECT_GT(internal::RulePatternSpecificity("scrape.comment-form"),
            internal::RulePatternSpecificity("scrape.comment-*"));
  EXPECT_GT(internal::RulePatternSpecificity("scrape.comment-*"),
            internal::RulePatternSpecificity("scrape.*"));
}

}  // namespace
}  // namespace mtclean
