// The HTML review's page: the data island holds the JSON report with the
// documents, escaped so that no document text can end the script element;
// the page is the template with its assets inlined. (What the page draws
// is tested in a browser: html_review_browser_test.js.)
#include "cleaner/report/html_report.h"

#include <string>

#include "absl/strings/ascii.h"
#include "cleaner/report/json_report.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/test_support.h"

namespace mtclean::internal {
namespace {

size_t Count(std::string_view haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

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

// A document whose every part is markup meant to break out of the page.
const std::string kHostile =
    "Title <script>window.pwned=1</script>\n\n"
    "Body </script><script>window.pwned=2</script> and <!-- <img src=x onerror=alert(1)> &amp;\n"
    "Line\u2028separator\u2029 end ]]> </SCRIPT >\n";

Result HostileResult() {
  Result result;
  const size_t tag = kHostile.find("<script>");
  Finding f = MakeFinding("text.html-entity", Severity::kWarning, tag, tag + 8,
                          "Markup left in the text: removed `<script>`");
  f.fixed = true;
  f.edits = {{tag, tag + 8, ""}};
  result.findings.push_back(f);
  result.findings.push_back(MakeFinding("x.flag", Severity::kInfo, 0, 5, "</script><b>flag</b>"));
  result.edits = f.edits;
  result.cleaned = kHostile;
  result.cleaned.erase(tag, 8);
  result.language = "en";
  return result;
}

TEST(EscapeJsonForScriptTest, NothingThatCanEndTheElementIsLeft) {
  const nlohmann::json value = {{"t", "</script><!--&-->\u2028\u2029 é"}};
  const std::string escaped = EscapeJsonForScript(value.dump());
  for (const char* bad : {"<", ">", "&", "\u2028", "\u2029"}) {
    EXPECT_EQ(escaped.find(bad), std::string::npos) << bad << " in " << escaped;
  }
  EXPECT_NE(escaped.find("\\u003c/script\\u003e"), std::string::npos) << escaped;
  EXPECT_NE(escaped.find("é"), std::string::npos) << "other text is kept as it is";
  EXPECT_EQ(nlohmann::json::parse(escaped), value) << "the escapes mean the same JSON";
}

TEST(HtmlReportTest, HostileDocumentStaysInsideTheDataIsland) {
  const Result result = HostileResult();
  const std::vector<CheckedFile> files = {{"news/<img src=x onerror=alert(1)>.txt", kHostile, &result}};
  const std::string page = RenderHtmlReport(ReviewData{.kind = ReviewKind::kFix, .files = files});

  // The page has the template's script elements and no other (the HTML
  // parser reads tag names in any case).
  const std::string lower = absl::AsciiStrToLower(page);
  const std::string_view templ = ReviewPageTemplate();
  EXPECT_EQ(Count(lower, "<script"), Count(templ, "<script"));
  EXPECT_EQ(Count(lower, "</script"), Count(templ, "</script"));
  EXPECT_EQ(Count(page, "<img"), 0u);
  EXPECT_EQ(Count(page, "<!-- <img"), 0u);
  EXPECT_EQ(page.find("\u2028"), std::string::npos);
  EXPECT_EQ(page.find("@MTCLEAN_"), std::string::npos) << "every marker is filled in";

  // The island, cut where a browser cuts it, is the whole data.
  const nlohmann::json data = nlohmann::json::parse(testing::HtmlReviewData(page));
  EXPECT_EQ(data, nlohmann::json::parse(ReviewDataJson(ReviewData{.kind = ReviewKind::kFix,
                                                                  .files = files})));
  EXPECT_EQ(data["documents"][0]["text"], kHostile);
  EXPECT_EQ(data["documents"][0]["file"], "news/<img src=x onerror=alert(1)>.txt");
  EXPECT_EQ(data["findings"][1]["message"], "</script><b>flag</b>");
  EXPECT_EQ(data["review"]["command"], "fix");
}

TEST(HtmlReportTest, DataIsTheJsonReportWithTheDocuments) {
  const std::string first = "Rates held\n\nRates held\n\nThe bank kept its rate.\n";
  Result a;
  Finding dup = MakeFinding("scrape.duplicate-headline", Severity::kError, 12, 22, "Repeated");
  dup.delete_lines = true;
  dup.fixed = true;
  dup.edits = {{12, 24, ""}};
  a.findings = {dup};
  a.edits = {{12, 24, ""}};
  a.language = "en";
  const std::string second = "Le conseil a voté.\n";
  Result b;
  b.findings = {MakeFinding("x.one", Severity::kInfo, 0, 2, "one"),
                MakeFinding("x.two", Severity::kWarning, 3, 10, "two")};
  b.language = "fr";
  const std::vector<CheckedFile> files = {{"a.txt", first, &a}, {"dir/b.md", second, &b}};

  const nlohmann::json data = nlohmann::json::parse(
      ReviewDataJson(ReviewData{.kind = ReviewKind::kCheck, .files = files}));
  // The findings report itself, field for field.
  const nlohmann::json report = nlohmann::json::parse(JsonReport(files));
  for (const char* field : {"schema", "version", "tool", "findings", "summary"}) {
    EXPECT_EQ(data[field], report[field]) << field;
  }
  EXPECT_EQ(data["review"]["command"], "check");
  ASSERT_EQ(data["documents"].size(), 2u);
  const auto& d0 = data["documents"][0];
  EXPECT_EQ(d0["file"], "a.txt");
  EXPECT_EQ(d0["text"], first);
  EXPECT_EQ(d0["bytes"], first.size());
  EXPECT_EQ(d0["language"], "en");
  EXPECT_EQ(d0["first_finding"], 0);
  EXPECT_EQ(d0["finding_count"], 1);
  EXPECT_EQ(d0["edits"], nlohmann::json::parse(R"([{"byte_begin":12,"byte_end":24,"replacement":""}])"));
  const auto& d1 = data["documents"][1];
  EXPECT_EQ(d1["first_finding"], 1) << "the second document's findings follow the first's";
  EXPECT_EQ(d1["finding_count"], 2);
  EXPECT_EQ(d1["edits"], nlohmann::json::array());
  EXPECT_EQ(d1["language"], "fr");
  EXPECT_FALSE(data.contains("evaluation"));
  // The plain JSON report has no documents.
  EXPECT_FALSE(report.contains("documents"));
}

TEST(HtmlReportTest, EvalDataHasTheFiguresAndEachDocumentsEvaluation) {
  const std::string text = "Title\n\nStory.\n\nLeave a Reply\n";
  Result result;
  result.language = "en";
  DocEvaluation doc;
  doc.id = "one";
  doc.doc_path = "corpus/docs/one.txt";
  doc.distance_before = 14;
  doc.distance_after = 14;
  GoldArtifact missed;
  missed.type = "comment_footer";
  missed.start = 15;
  missed.end = 28;
  doc.missed = {missed};
  doc.diff = "--- output\n+++ gold\n@@ -5 +4,0 @@\n-Leave a Reply\n";
  CorpusEvaluation evaluation;
  evaluation.dir = "corpus";
  evaluation.docs = {doc};
  evaluation.artifacts = 1;
  ReviewData review{.kind = ReviewKind::kEval,
                    .files = {{doc.doc_path, text, &result}},
                    .evaluation = &evaluation,
                    .evaluations = {&evaluation.docs[0]}};
  const nlohmann::json data = nlohmann::json::parse(ReviewDataJson(review));
  EXPECT_EQ(data["review"]["command"], "eval");
  EXPECT_EQ(data["evaluation"]["artifacts"], 1);
  EXPECT_EQ(data["evaluation"]["recall"], 0.0);
  EXPECT_FALSE(data["evaluation"].contains("per_document")) << "only the documents shown";
  const auto& d = data["documents"][0];
  EXPECT_EQ(d["evaluation"]["id"], "one");
  EXPECT_EQ(d["evaluation"]["missed"][0]["type"], "comment_footer");
  EXPECT_EQ(d["evaluation"]["missed"][0]["start"], 15);
  EXPECT_EQ(d["gold_diff"], doc.diff);
}

TEST(HtmlReportTest, AssetsAreInlineAndCannotEndTheirElements) {
  // Neither `</` (which could end the element) nor `<!--` or `<script`
  // (which change how the HTML parser reads a script's end).
  for (const std::string_view asset : {ReviewScript(), ReviewStyleSheet()}) {
    for (const char* bad : {"</", "<!--", "<script"}) {
      EXPECT_EQ(asset.find(bad), std::string_view::npos) << bad;
    }
  }
  EXPECT_NE(ReviewScript().find("window.mtcleanReview = {render: render"), std::string_view::npos);
  const std::string page = RenderHtmlReport(ReviewData{});
  EXPECT_NE(page.find(std::string(ReviewScript())), std::string::npos);
  EXPECT_NE(page.find(std::string(ReviewStyleSheet())), std::string::npos);
  // Nothing is loaded from elsewhere: no address (SVG's namespace is a
  // name, nothing is fetched from it), and a policy that says so.
  EXPECT_EQ(Count(page, "http:") + Count(page, "https:"), Count(page, "http://www.w3.org/2000/svg"));
  for (const char* remote : {"//fonts", "src=\"", "@import", "url("}) {
    EXPECT_EQ(page.find(remote), std::string::npos) << remote;
  }
  EXPECT_NE(page.find("default-src 'none'"), std::string::npos);
  const nlohmann::json empty = nlohmann::json::parse(testing::HtmlReviewData(page));
  EXPECT_EQ(empty["findings"], nlohmann::json::array());
  EXPECT_EQ(empty["documents"], nlohmann::json::array());
}

}  // namespace
}  // namespace mtclean::internal
