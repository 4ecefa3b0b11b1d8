// mtclean's output checked by the real tools that consume it: Microsoft's
// SARIF validator (installed by scripts/install-test-tools.sh, the ctest
// fixture of this test) and pre-commit running the repository's hooks in a
// temporary git repository.
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

const std::string kValidator =
    std::string(MTCLEAN_TEST_TOOLS_DIR) + "/node_modules/.bin/sarif-multitool";

struct Validation {
  int exit_code = -1;
  bool ran = false;  // the validator wrote its log
  std::string printed;
  std::vector<std::string> errors;  // "RULE: message" of the error-level results
  size_t results = 0;
};

// Runs `sarif-multitool validate` on `sarif` (a file in `scratch`). It exits
// 0 even for an invalid file, so the verdict is read from its output log.
Validation Validate(const Scratch& scratch, const std::string& sarif) {
  Validation v;
  const RunOutput r = Shell("\"" + kValidator + "\" validate " + sarif +
                                " -o validation.sarif 2>&1",
                            scratch.dir().string());
  v.exit_code = r.exit_code;
  v.printed = r.out + r.err;
  const nlohmann::json log =
      nlohmann::json::parse(ReadFile(scratch.Path("validation.sarif")), nullptr, false);
  if (log.is_discarded() || !log.contains("runs")) return v;
  v.ran = true;
  for (const auto& run : log["runs"]) {
    if (!run.contains("results")) continue;
    for (const auto& result : run["results"]) {
      ++v.results;
      if (result.value("level", "warning") == "error") {
        v.errors.push_back(result.value("ruleId", "?") + ": " + result["message"].dump());
      }
    }
  }
  return v;
}

TEST(SarifValidatorTest, OurSarifHasNoErrors) {
  Scratch s;
  s.Write("content/news/harbour pilots é.md",
          ReadFile(SourcePath("tests/markdown/harbour-pilots-all-four-artifacts.md")));
  s.Write("content/wire/agency.txt",
          ReadFile(SourcePath("tests/articles/europa-press-all-four-artifacts.txt")));
  s.Write("content/notes.md",
          "Council meets\n\nThe council met on Monday.\n\n"
          "<!-- mtclean-disable-next-line scrape.share-widget -->\nThe agenda was short.\n");
  s.Write("content/clean.txt", "A clean story about the harvest.\n");
  const RunOutput check =
      Shell("$MTCLEAN check --format sarif --report-unused-suppressions content > out.sarif",
            s.dir().string());
  ASSERT_EQ(check.exit_code, 1) << check.err;
  const nlohmann::json ours = nlohmann::json::parse(ReadFile(s.Path("out.sarif")));
  const auto& results = ours["runs"][0]["results"];
  ASSERT_GE(results.size(), 8u);
  size_t with_fixes = 0;
  for (const auto& r : results) with_fixes += r.contains("fixes") ? 1 : 0;
  EXPECT_GE(with_fixes, 6u) << "the fixes must be part of what is validated";
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "content/news/harbour%20pilots%20%C3%A9.md");

  const Validation v = Validate(s, "out.sarif");
  ASSERT_TRUE(v.ran) << v.printed;
  EXPECT_EQ(v.exit_code, 0) << v.printed;
  EXPECT_TRUE(v.errors.empty()) << ::testing::PrintToString(v.errors) << "\n" << v.printed;
  EXPECT_EQ(v.printed.find(": error "), std::string::npos) << v.printed;
}

// The control: the validator, run the same way, does reject a broken log,
// so the test above can fail.
TEST(SarifValidatorTest, ValidatorRejectsABrokenLog) {
  Scratch s;
  s.Write("broken.sarif",
          "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}}, "
          "\"results\": [{\"ruleId\": \"a.b\", \"message\": {\"text\": \"m\"}, \"locations\": "
          "[{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"a.md\"}, \"region\": "
          "{\"startLine\": 0}}}]}]}]}\n");
  const Validation v = Validate(s, "broken.sarif");
  ASSERT_TRUE(v.ran) << v.printed;
  EXPECT_FALSE(v.errors.empty()) << v.printed;
}

// A content repository with the hooks of .pre-commit-hooks.yaml, run by
// pre-commit itself: the check fails on an artifact, the fix hook rewrites
// the file (and fails, as pre-commit does for any hook that changes files),
// and the check then passes.
TEST(PreCommitTest, HooksFailOnAnArtifactAndPassAfterFix) {
  Scratch s;
  // The hook repository: the project's hook definitions, committed.
  s.Write("hooks/.pre-commit-hooks.yaml", ReadFile(SourcePath(".pre-commit-hooks.yaml")));
  const std::string git = "git -c user.name=mtclean -c user.email=mtclean@example.org";
  RunOutput r = Shell("git init -q && " + git + " add . && " + git + " commit -q -m hooks",
                      s.Path("hooks"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The content repository, with an article that has a comment-form footer.
  const std::string article =
      "---\ntitle: Tram line opens\n---\nThe first tram left the depot at six, the operator "
      "said.\n\n```text\nLeave a Reply\n```\n\nLeave a Reply\n";
  s.Write("content/posts/tram.md", article);
  r = Shell("git init -q && git add posts/tram.md", s.Path("content"));
  ASSERT_EQ(r.exit_code, 0) << r.err;

  const std::string env = "PATH=\"$MTCLEAN_BIN_DIR:$PATH\" PRE_COMMIT_HOME=\"" +
                          s.Path("pre-commit-home") + "\" ";
  const std::string try_repo = env + "pre-commit try-repo \"" + s.Path("hooks") + "\" ";
  r = Shell(try_repo + "mtclean-check --files posts/tram.md", s.Path("content"));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("posts/tram.md:10:1: error: Comment form left over from the scraped page: "
                       "removed \u201CLeave a Reply\u201D (the whole line is boilerplate, in the "
                       "tail) [scrape.comment-form]"),
            std::string::npos)
      << r.out << r.err;

  r = Shell(try_repo + "mtclean-fix --files posts/tram.md", s.Path("content"));
  EXPECT_EQ(r.exit_code, 1) << "a hook that changes files fails: " << r.out << r.err;
  EXPECT_NE(r.out.find("files were modified by this hook"), std::string::npos) << r.out;
  EXPECT_EQ(ReadFile(s.Path("content/posts/tram.md")),
            "---\ntitle: Tram line opens\n---\nThe first tram left the depot at six, the "
            "operator said.\n\n```text\nLeave a Reply\n```\n");

  r = Shell(try_repo + "mtclean-check --files posts/tram.md", s.Path("content"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  r = Shell(try_repo + "mtclean-fix --files posts/tram.md", s.Path("content"));
  EXPECT_EQ(r.exit_code, 0) << "nothing left to fix: " << r.out << r.err;
}

}  // namespace
}  // namespace mtclean
