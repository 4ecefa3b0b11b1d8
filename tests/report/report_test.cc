// The report writers: text with source line and caret, JSON, GitHub
// workflow commands, SARIF structure, and the rules listing.
#include "cleaner/report/json_report.h"
#include "cleaner/report/text_report.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace mtclean::internal {
namespace {

Finding MakeFinding(const std::string& rule, Severity severity, size_t begin, size_t end,
                    const std::string& message) {
  Finding f;
  f.rule_id = rule;
  f.severity = severity;
  f.begin = begin;
  f.end = end;
  f.message = message;
  return f;
}

TEST(TextReportTest, CaretUnderTheSpan) {
  const std::string text = "Title\n\nThe minister spoke. Times ‘. Then left.\n";
  const LineIndex index(text);
  const size_t begin = text.find("Times");
  const Finding f = MakeFinding("mt.stray-fragment", Severity::kWarning, begin,
                                text.find(" Then"), "Stray fragment");
  EXPECT_EQ(FormatFindingWithSource("a.txt", index, f, TextStyle{}),
            "a.txt:3:21: warning: Stray fragment [mt.stray-fragment]\n"
            " 3 | The minister spoke. Times ‘. Then left.\n"
            "   |                     ^~~~~~~~\n");
}

TEST(TextReportTest, TabsAndWideCharactersLineUp) {
  const std::string text = "\t東京 Leave\n";
  const LineIndex index(text);
  const Finding f = MakeFinding("x.y", Severity::kError, text.find("Leave"), text.find("\n"), "m");
  EXPECT_EQ(FormatFindingWithSource("a", index, f, TextStyle{}),
            "a:1:5: error: m [x.y]\n"
            " 1 | \t東京 Leave\n"
            "   | \t     ^~~~~\n");
}

TEST(TextReportTest, MultiLineSpanMarksTheRestOfTheFirstLine) {
  const std::string text = "Leave a Reply\nCancel reply\n";
  const LineIndex index(text);
  const Finding f = MakeFinding("scrape.comment-form", Severity::kError, 0, text.size() - 1, "m");
  EXPECT_EQ(FormatFindingWithSource("a", index, f, TextStyle{}),
            "a:1:1: error: m [scrape.comment-form]\n"
            " 1 | Leave a Reply\n"
            "   | ^~~~~~~~~~~~~\n");
}

TEST(TextReportTest, LongLineIsCutToAWindow) {
  const std::string text = std::string(300, 'a') + " Leave " + std::string(300, 'b') + "\n";
  const LineIndex index(text);
  const Finding f = MakeFinding("x.y", Severity::kInfo, 301, 306, "m");
  const std::string out = FormatFindingWithSource("a", index, f, TextStyle{});
  EXPECT_NE(out.find(" 1 | …" + std::string(39, 'a') + " Leave "), std::string::npos) << out;
  EXPECT_NE(out.find("   |  " + std::string(40, ' ') + "^~~~~\n"), std::string::npos) << out;
  EXPECT_LT(out.size(), 500u);
}

TEST(TextReportTest, ColourOnlyWhenAsked) {
  const std::string text = "Leave a Reply\n";
  const LineIndex index(text);
  const Finding f = MakeFinding("scrape.comment-form", Severity::kError, 0, 13, "m");
  EXPECT_EQ(FormatFindingWithSource("a", index, f, TextStyle{}).find('\033'), std::string::npos);
  const std::string coloured = FormatFindingWithSource("a", index, f, TextStyle{true, true});
  EXPECT_NE(coloured.find("\033[1;31merror:\033[0m"), std::string::npos) << coloured;
}

TEST(JsonReportTest, SchemaFields) {
  const std::string text = "Héadline\n\nHéadline\n";
  Result result;
  Finding f = MakeFinding("scrape.duplicate-headline", Severity::kError, 11, 20, "Repeated");
  f.delete_lines = true;
  f.fixed = true;
  f.edits = {{9, 20, ""}};
  result.findings.push_back(f);
  result.findings.push_back(MakeFinding("x.flag", Severity::kInfo, 0, 2, "Flag only"));
  const nlohmann::json j =
      nlohmann::json::parse(JsonReport({CheckedFile{"dir/a.md", text, &result}}));
  EXPECT_EQ(j["schema"], "mtclean-findings");
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["findings"].size(), 2u);
  const auto& first = j["findings"][0];
  EXPECT_EQ(first["file"], "dir/a.md");
  EXPECT_EQ(first["rule"], "scrape.duplicate-headline");
  EXPECT_EQ(first["severity"], "error");
  EXPECT_EQ(first["message"], "Repeated");
  EXPECT_EQ(first["line"], 3);
  EXPECT_EQ(first["column"], 1);
  EXPECT_EQ(first["end_line"], 3);
  EXPECT_EQ(first["end_column"], 9) << "columns count code points";
  EXPECT_EQ(first["byte_begin"], 11);
  EXPECT_EQ(first["byte_end"], 20);
  EXPECT_EQ(first["fix"]["applied"], true);
  EXPECT_EQ(first["fix"]["edits"][0]["byte_begin"], 9);
  EXPECT_EQ(first["fix"]["edits"][0]["replacement"], "");
  EXPECT_TRUE(j["findings"][1]["fix"].is_null());
  EXPECT_EQ(j["summary"]["errors"], 1);
  EXPECT_EQ(j["summary"]["infos"], 1);
}

TEST(GithubReportTest, EscapesAsTheActionsToolkit) {
  const std::string text = "a\nb\n";
  Result result;
  result.findings.push_back(
      MakeFinding("x.y", Severity::kWarning, 2, 3, "50% off, now: line1\nline2"));
  result.findings.push_back(MakeFinding("x.z", Severity::kInfo, 0, 1, "note"));
  EXPECT_EQ(GithubReport(CheckedFile{"news/a,b:c.md", text, &result}),
            "::warning file=news/a%2Cb%3Ac.md,line=2,col=1,endLine=2,endColumn=2,title=x.y::"
            "50%25 off, now: line1%0Aline2\n"
            "::notice file=news/a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=2,title=x.z::note\n");
}

TEST(SarifReportTest, RulesResultsRegionsAndFixes) {
  const std::string text = "Title\n\nStory.\n";
  Result result;
  Finding f = MakeFinding("a.b", Severity::kInfo, 7, 13, "msg");
  f.fixed = true;
  f.edits = {{7, 13, "Tale."}};
  result.findings.push_back(f);
  RuleDescription rule;
  rule.id = "a.b";
  rule.severity = Severity::kWarning;
  rule.message = "Short";
  rule.description = "Longer description.";
  const nlohmann::json log = nlohmann::json::parse(
      SarifReport({CheckedFile{"x y.md", text, &result}}, {rule}, "file:///srv/content/"));
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["fullDescription"]["text"], "Longer description.");
  const auto& r = run["results"][0];
  EXPECT_EQ(r["level"], "note");
  EXPECT_EQ(r["ruleIndex"], 0);
  const auto& location = r["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "x%20y.md");
  EXPECT_EQ(location["region"]["startLine"], 3);
  EXPECT_EQ(location["region"]["endColumn"], 7);
  EXPECT_EQ(location["region"]["byteOffset"], 7);
  EXPECT_EQ(location["region"]["byteLength"], 6);
  const auto& replacement = r["fixes"][0]["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(replacement["deletedRegion"]["byteOffset"], 7);
  EXPECT_EQ(replacement["insertedContent"]["text"], "Tale.");
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///srv/content/");
}

TEST(RulesJsonTest, ListsTheRules) {
  RuleDescription rule;
  rule.id = "a.b";
  rule.severity = Severity::kError;
  rule.message = "One line";
  rule.languages = {"en", "es"};
  rule.fixable = true;
  const nlohmann::json j = nlohmann::json::parse(RulesJson({rule}));
  EXPECT_EQ(j["rules"][0]["id"], "a.b");
  EXPECT_EQ(j["rules"][0]["languages"][1], "es");
  EXPECT_EQ(j["rules"][0]["fixable"], true);
  EXPECT_EQ(j["rules"][0]["description"], "One line");
}

}  // namespace
}  // namespace mtclean::internal
