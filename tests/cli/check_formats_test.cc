// End-to-end tests of the CI features: report formats, configuration
// discovery, skipping, Markdown inputs, suppressions and colour.
#include <filesystem>

#include "nlohmann/json.hpp"
#include "tests/cli/shell.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

namespace fs = std::filesystem;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::RunOutput;
using ::mtclean::testing::Scratch;
using ::mtclean::testing::Shell;
using ::mtclean::testing::SourcePath;

constexpr char kArticle[] =
    "Rates held\n\nRates held\n\nThe bank kept its rate unchanged.\n\nLeave a Reply\n";
const std::string kFixture = "tests/markdown/harbour-pilots-all-four-artifacts";

TEST(CheckFormatsTest, JsonWithPathsRelativeToTheCurrentFolder) {
  Scratch s;
  s.Write("content/a.txt", kArticle);
  // An absolute path is printed relative to the current folder.
  const RunOutput r = Shell("$MTCLEAN check --format json \"$PWD/content/a.txt\"", s.dir().string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["findings"].size(), 2u);
  EXPECT_EQ(j["findings"][0]["file"], "content/a.txt");
  EXPECT_EQ(j["findings"][0]["rule"], "scrape.duplicate-headline");
  EXPECT_EQ(j["findings"][0]["fix"]["edits"][0]["byte_begin"], 12);
  EXPECT_EQ(r.err, "") << "machine formats print no summary";
}

TEST(CheckFormatsTest, GithubAnnotations) {
  Scratch s;
  s.Write("a.txt", kArticle);
  const RunOutput r = Shell("$MTCLEAN check --format github ./a.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "::error file=a.txt,line=3,col=1,endLine=3,endColumn=11,title=scrape.duplicate-headline"
            "::Headline repeated right after itself: removed \u201CRates held\u201D (equal to the "
            "headline after case and space folding)\n"
            "::error file=a.txt,line=7,col=1,endLine=7,endColumn=14,title=scrape.comment-form"
            "::Comment form left over from the scraped page: removed \u201CLeave a Reply\u201D (the "
            "whole line is boilerplate, in the tail)\n");
}

TEST(CheckFormatsTest, DiffFormatAppliesWithGitApply) {
  Scratch s;
  fs::create_directories(s.dir() / "content");
  s.Write("content/harbour.md", ReadFile(SourcePath(kFixture + ".md")));
  const RunOutput r = Shell(
      "$MTCLEAN check --format diff content > change.diff; test $? = 1 && "
      "git apply --check -p0 change.diff && git apply -p0 change.diff",
      s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(s.Path("content/harbour.md")), ReadFile(SourcePath(kFixture + ".clean.md")));
}

TEST(CheckFormatsTest, MarkdownFilesAndTheMarkdownFlag) {
  Scratch s;
  s.Write("harbour.md", ReadFile(SourcePath(kFixture + ".md")));
  RunOutput r = Shell("$MTCLEAN fix --write harbour.md", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(s.Path("harbour.md")), ReadFile(SourcePath(kFixture + ".clean.md")));
  r = Shell("$MTCLEAN fix - --markdown < " + SourcePath(kFixture + ".md"));
  EXPECT_EQ(r.out, ReadFile(SourcePath(kFixture + ".clean.md")));
}

// A post whose fenced code block holds what the rules would edit in plain
// text: a comment-form line in the tail and a doubled word.
constexpr char kPostWithCode[] =
    "Harbour notes\n"
    "\n"
    "The ferry timetable changes next week, the port authority said on Monday.\n"
    "\n"
    "```text\n"
    "the the\n"
    "Leave a Reply\n"
    "```\n";

TEST(CheckFormatsTest, StdinFilenameNamesStandardInput) {
  Scratch s;
  s.Write("post.txt", kPostWithCode);
  // Plain text without a name: the code block's lines are edited.
  RunOutput r = Shell("$MTCLEAN fix - < post.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out, kPostWithCode);
  // Named post.md: Markdown, and the code block is protected.
  r = Shell("$MTCLEAN fix --stdin-filename post.md - < post.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, kPostWithCode);
  r = Shell("$MTCLEAN check --stdin-filename post.md - < post.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.out;

  // Messages name it; the nearest .mtclean.yaml of its folder applies.
  s.Write("content/.mtclean.yaml", "disable: [scrape.comment-form]\n");
  s.Write("article.txt", kArticle);
  r = Shell("$MTCLEAN check --stdin-filename content/news/post.md - < article.txt",
            s.dir().string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.starts_with("content/news/post.md:3:1: error: ")) << r.out;
  EXPECT_EQ(r.out.find("scrape.comment-form"), std::string::npos) << r.out;
  r = Shell("$MTCLEAN check --stdin-filename post.md - < article.txt", s.dir().string());
  EXPECT_NE(r.out.find("post.md:7:1: error: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[scrape.comment-form]"), std::string::npos) << r.out;
  // An absolute name is shown relative to the current folder, as paths are.
  r = Shell("$MTCLEAN check --format github --stdin-filename \"$PWD/content/post.md\" - "
            "< article.txt",
            s.dir().string());
  EXPECT_TRUE(r.out.starts_with("::error file=content/post.md,line=3,")) << r.out;
  r = Shell("printf \"a\\0b\" | $MTCLEAN fix --stdin-filename content/post.md -",
            s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("mtclean: error: content/post.md: binary file (NUL byte at byte 1)"),
            std::string::npos)
      << r.err;
  s.Write("records.jsonl", std::string("{\"text\":\"A quiet day.\"}\nnot json\n"));
  r = Shell("$MTCLEAN check --jsonl --stdin-filename crawl/day.jsonl - < records.jsonl",
            s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("crawl/day.jsonl:2: bad record: column 1: expected a JSON object"),
            std::string::npos)
      << r.err;

  // It names standard input only.
  EXPECT_EQ(Shell("$MTCLEAN check --stdin-filename post.md article.txt", s.dir().string())
                .exit_code,
            2);
}

// Decision: standard input without a name is Markdown when it opens with
// front matter (a content repository's post piped through the filter); a
// name decides as a file's name does (a .txt stays plain text, its front
// matter still protected); --markdown makes everything Markdown.
TEST(CheckFormatsTest, FrontMatterMakesUnnamedStandardInputMarkdown) {
  const std::string post = SourcePath(kFixture + ".md");
  RunOutput r = Shell("$MTCLEAN fix - < " + post);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ReadFile(SourcePath(kFixture + ".clean.md")));
  r = Shell("$MTCLEAN fix --stdin-filename post.txt - < " + post);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# Harbour pilots end strike"), std::string::npos)
      << "a .txt name keeps standard input plain text";
  EXPECT_EQ(r.out.substr(0, r.out.find("\n---\n") + 5),
            ReadFile(post).substr(0, ReadFile(post).find("\n---\n") + 5))
      << "front matter is protected in plain text too";
  // Without front matter, unnamed standard input is plain text.
  Scratch s;
  s.Write("post.txt", kPostWithCode);
  r = Shell("$MTCLEAN fix - < post.txt", s.dir().string());
  EXPECT_NE(r.out, kPostWithCode);
  // With it, the same text is Markdown and its code block is protected.
  s.Write("fm.txt", std::string("---\ntitle: Ferry timetable\n---\n") + kPostWithCode);
  r = Shell("$MTCLEAN fix - < fm.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ReadFile(s.Path("fm.txt")));
}

TEST(CheckFormatsTest, NearestConfigurationWinsAndConfigOverrides) {
  Scratch s;
  s.Write(".mtclean.yaml", "disable: [scrape.comment-form]\n");
  s.Write("content/es/.mtclean.yaml", "disable: [\"scrape.*\"]\n");
  s.Write("content/en/a.txt", kArticle);
  s.Write("content/es/b.txt", kArticle);
  s.Write("strict.yaml", "severity: {\"*\": info}\n");
  RunOutput r = Shell("$MTCLEAN check content", s.dir().string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.find("scrape.comment-form"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("content/en/a.txt:3:1: error:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("content/es/b.txt"), std::string::npos) << r.out;

  r = Shell("$MTCLEAN check --config strict.yaml --fail-on warning content", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("content/es/b.txt:7:1: info:"), std::string::npos) << r.out;
}

TEST(CheckFormatsTest, ConfigurationErrorExitsTwoNamingTheSpot) {
  Scratch s;
  s.Write(".mtclean.yaml", "language: en\ndisable:\n  - scrape.coment-form\n");
  s.Write("a.md", kArticle);
  const RunOutput r = Shell("$MTCLEAN check a.md", s.dir().string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".mtclean.yaml:3:5: unknown rule `scrape.coment-form` (see `mtclean rules`)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(Shell("$MTCLEAN check --config missing.yaml a.md", s.dir().string()).exit_code, 2);
}

TEST(CheckFormatsTest, SkippedPathsAreNotChecked) {
  Scratch s;
  s.Write(".mtclean.yaml", "skip: [\"content/drafts/**\"]\n");
  s.Write("content/drafts/a.md", kArticle);
  s.Write("content/news/b.md", kArticle);
  const RunOutput r = Shell("$MTCLEAN check content content/drafts/a.md", s.dir().string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.find("drafts"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("content/news/b.md:3:1:"), std::string::npos) << r.out;
}

TEST(CheckFormatsTest, RulesListingFollowsTheConfiguration) {
  Scratch s;
  s.Write(".mtclean.yaml", "packs: [newswire]\nseverity: {newswire.dateline: error}\n");
  RunOutput r = Shell("$MTCLEAN rules --format json", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["rules"].size(), 2u);
  EXPECT_EQ(j["rules"][0]["id"], "newswire.agency-name");
  EXPECT_EQ(j["rules"][0]["severity"], "warning");
  EXPECT_EQ(j["rules"][1]["id"], "newswire.dateline");
  EXPECT_EQ(j["rules"][1]["severity"], "error");
  r = Shell("$MTCLEAN rules", s.dir().string());
  EXPECT_NE(r.out.find("\nnewswire.dateline\terror\t*\tfix\tAgency dateline left in the text\n"),
            std::string::npos)
      << r.out;
}

TEST(CheckFormatsTest, UnusedSuppressionsReportedOnRequest) {
  Scratch s;
  s.Write("a.md",
          "The council met on Monday.\n\n<!-- mtclean-disable-next-line scrape.comment-form -->\n"
          "The agenda was short.\n");
  RunOutput r = Shell("$MTCLEAN check a.md", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  r = Shell("$MTCLEAN check --report-unused-suppressions a.md", s.dir().string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("a.md:3:1: warning: Suppression `mtclean-disable-next-line "
                       "scrape.comment-form` suppressed nothing [mtclean.unused-suppression]"),
            std::string::npos)
      << r.out;
}

// Applies `edits` (the HTML review's, sorted and disjoint) to `text`.
std::string ApplyEdits(const std::string& text, const nlohmann::json& edits) {
  std::string out;
  size_t at = 0;
  for (const auto& e : edits) {
    const size_t begin = e["byte_begin"], end = e["byte_end"];
    out += text.substr(at, begin - at);
    out += e["replacement"].get<std::string>();
    at = end;
  }
  return out + text.substr(at);
}

TEST(CheckFormatsTest, HtmlReviewHoldsTheJsonReportAndTheTexts) {
  Scratch s;
  s.Write("content/a.txt", kArticle);
  s.Write("content/harbour.md", ReadFile(SourcePath(kFixture + ".md")));
  const RunOutput json = Shell("$MTCLEAN check --format json content", s.dir().string());
  const RunOutput html = Shell("$MTCLEAN check --format html content", s.dir().string());
  ASSERT_EQ(json.exit_code, 1) << json.err;
  ASSERT_EQ(html.exit_code, 1) << html.err;
  EXPECT_EQ(html.err, "");
  EXPECT_EQ(html.out.rfind("<!DOCTYPE html>", 0), 0u);
  const nlohmann::json report = nlohmann::json::parse(json.out);
  const nlohmann::json data = nlohmann::json::parse(testing::HtmlReviewData(html.out));
  EXPECT_EQ(data["findings"], report["findings"]);
  EXPECT_EQ(data["summary"], report["summary"]);
  EXPECT_EQ(data["review"]["command"], "check");
  ASSERT_EQ(data["documents"].size(), 2u);
  EXPECT_EQ(data["documents"][0]["file"], "content/a.txt");
  EXPECT_EQ(data["documents"][0]["text"], kArticle);
  EXPECT_EQ(data["documents"][1]["file"], "content/harbour.md");
  // The edits are those `fix` makes.
  const RunOutput fixed = Shell("$MTCLEAN fix - < content/a.txt", s.dir().string());
  EXPECT_EQ(ApplyEdits(kArticle, data["documents"][0]["edits"]), fixed.out);
  // Standard input has its review too.
  const RunOutput piped = Shell("$MTCLEAN check --format html - < content/a.txt", s.dir().string());
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(testing::HtmlReviewData(piped.out))["documents"][0]["file"],
            "<stdin>");
}

TEST(CheckFormatsTest, FixHtmlReviewsTheFixesAndWritesThemWithWrite) {
  Scratch s;
  s.Write("content/a.txt", kArticle);
  s.Write("content/clean.txt", "A clean story about the harvest.\n");
  RunOutput r = Shell("$MTCLEAN fix --format html content", s.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json data = nlohmann::json::parse(testing::HtmlReviewData(r.out));
  EXPECT_EQ(data["review"]["command"], "fix");
  EXPECT_EQ(data["findings"].size(), 2u);
  EXPECT_EQ(ReadFile(s.Path("content/a.txt")), kArticle) << "without --write nothing changes";

  r = Shell("$MTCLEAN fix --write --format html content > review.html", s.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("fixed content/a.txt"), std::string::npos) << r.err;
  data = nlohmann::json::parse(testing::HtmlReviewData(ReadFile(s.Path("review.html"))));
  ASSERT_EQ(data["documents"].size(), 2u);
  EXPECT_EQ(data["documents"][0]["text"], kArticle) << "the review shows the text before";
  EXPECT_EQ(ApplyEdits(kArticle, data["documents"][0]["edits"]), ReadFile(s.Path("content/a.txt")));
  EXPECT_EQ(data["documents"][1]["edits"], nlohmann::json::array());
}

TEST(CheckFormatsTest, HtmlIsNotForFilterOrCorpusOutput) {
  Scratch s;
  s.Write("a.txt", kArticle);
  RunOutput r = Shell("$MTCLEAN fix --format html - < a.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("check --format html -"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  r = Shell("echo {} | $MTCLEAN fix --jsonl --format html -", s.dir().string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--jsonl writes records, not --format html"), std::string::npos) << r.err;
  r = Shell("echo {} | $MTCLEAN check --jsonl --format html -", s.dir().string());
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CheckFormatsTest, ColourOnATerminalUnlessNoColor) {
  Scratch s;
  s.Write("a.txt", kArticle);
  // `script` runs the command on a pseudo-terminal.
  RunOutput r = Shell("script -qec \"$MTCLEAN check a.txt\" /dev/null", s.dir().string());
  EXPECT_NE(r.out.find("\033[1;31merror:"), std::string::npos) << r.out;
  r = Shell("NO_COLOR=1 script -qec \"$MTCLEAN check a.txt\" /dev/null", s.dir().string());
  EXPECT_NE(r.out.find("error:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\033'), std::string::npos) << r.out;
  r = Shell("$MTCLEAN check a.txt", s.dir().string());
  EXPECT_EQ(r.out.find('\033'), std::string::npos) << "not a terminal";
  r = Shell("$MTCLEAN check --color always a.txt", s.dir().string());
  EXPECT_NE(r.out.find('\033'), std::string::npos);
}

}  // namespace
}  // namespace mtclean
