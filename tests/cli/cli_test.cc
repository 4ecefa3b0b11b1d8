// End-to-end tests of the mtclean binary on real files.
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/cli/shell.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

namespace fs = std::filesystem;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::SourcePath;

using ::mtclean::testing::RunOutput;
using ::mtclean::testing::Scratch;
using ::mtclean::testing::Shell;

class ArticleTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::string Input() const { return SourcePath("tests/articles/" + GetParam() + ".txt"); }
  std::string Clean() const { return SourcePath("tests/articles/" + GetParam() + ".clean.txt"); }
};

TEST_P(ArticleTest, FixFilterGivesTheEditorsText) {
  const RunOutput r = Shell("$MTCLEAN fix - < " + Input());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, ReadFile(Clean()));
}

TEST_P(ArticleTest, CleanTextIsLeftAlone) {
  const RunOutput r = Shell("$MTCLEAN fix " + Clean());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "") << "fixing the cleaned text changes it again";
}

TEST_P(ArticleTest, CheckExitCodeSaysWhetherThereAreFindings) {
  const bool dirty = ReadFile(Input()) != ReadFile(Clean());
  const RunOutput r = Shell("$MTCLEAN check " + Input());
  EXPECT_EQ(r.exit_code, dirty ? 1 : 0) << r.out << r.err;
  EXPECT_EQ(r.out.empty(), !dirty);
}

TEST_P(ArticleTest, PrintedDiffAppliesWithGitApplyAndPatch) {
  Scratch scratch;
  scratch.Write("article.txt", ReadFile(Input()));
  const RunOutput diff = Shell("$MTCLEAN fix article.txt > change.diff", scratch.dir().string());
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  for (const std::string tool : {"git apply -p0", "patch -s -p0"}) {
    scratch.Write("article.txt", ReadFile(Input()));
    // An empty diff (nothing to fix) is not applied: the tools reject it.
    const RunOutput applied =
        Shell("test ! -s change.diff || " + tool + " < change.diff", scratch.dir().string());
    EXPECT_EQ(applied.exit_code, 0) << tool << ": " << applied.err;
    EXPECT_EQ(ReadFile(scratch.Path("article.txt")), ReadFile(Clean())) << tool;
  }
}

TEST_P(ArticleTest, WriteInPlaceGivesTheEditorsText) {
  Scratch scratch;
  scratch.Write("article.txt", ReadFile(Input()));
  fs::permissions(scratch.Path("article.txt"), fs::perms(0640));
  const RunOutput r = Shell("$MTCLEAN fix --write article.txt", scratch.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(scratch.Path("article.txt")), ReadFile(Clean()));
  EXPECT_EQ(fs::status(scratch.Path("article.txt")).permissions() & fs::perms::all, fs::perms(0640));
  EXPECT_EQ(std::distance(fs::directory_iterator(scratch.dir()), fs::directory_iterator()), 1)
      << "a temporary file was left behind";
}

INSTANTIATE_TEST_SUITE_P(Articles, ArticleTest,
                         ::testing::ValuesIn(mtclean::testing::ArticleNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(CliTest, ThereAreEnoughArticles) {
  EXPECT_GE(mtclean::testing::ArticleNames().size(), 11u);
}

constexpr char kDirty[] =
    "Rates held\n\nRates held\n\nThe bank kept its rate unchanged.\n\nLeave a Reply\n";

TEST(CliTest, CheckPrintsCompilerStyleFindings) {
  Scratch s;
  s.Write("a.txt", kDirty);
  const RunOutput r = Shell("$MTCLEAN check a.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "a.txt:3:1: error: Headline repeated right after itself: removed \u201CRates held\u201D "
            "(equal to the headline after case and space folding) [scrape.duplicate-headline]\n"
            " 3 | Rates held\n"
            "   | ^~~~~~~~~~\n"
            "a.txt:7:1: error: Comment form left over from the scraped page: removed \u201CLeave a "
            "Reply\u201D (the whole line is boilerplate, in the tail) [scrape.comment-form]\n"
            " 7 | Leave a Reply\n"
            "   | ^~~~~~~~~~~~~\n");
}

TEST(CliTest, FailOnThresholdAndNever) {
  Scratch s;
  s.Write("a.txt", "Title\n\nMADRID, 3 (EFE)\n\nBody text here.\n");  // a warning only
  EXPECT_EQ(Shell("$MTCLEAN check --fail-on error a.txt", s.dir().string()).exit_code, 0);
  EXPECT_EQ(Shell("$MTCLEAN check --fail-on warning a.txt", s.dir().string()).exit_code, 1);
  EXPECT_EQ(Shell("$MTCLEAN check --fail-on never a.txt", s.dir().string()).exit_code, 0);
}

TEST(CliTest, UnreadableInputExitsThreeAndOthersStillRun) {
  Scratch s;
  s.Write("b.txt", kDirty);
  const RunOutput r = Shell("$MTCLEAN check missing.txt b.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.txt: cannot read"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("b.txt:3:1:"), std::string::npos) << r.out;
}

TEST(CliTest, InvalidUtf8NamesFileAndByteAndFilterKeepsTheInput) {
  Scratch s;
  s.Write("bad.txt", "Good start\n\xFF\xFE broken\n");
  RunOutput r = Shell("$MTCLEAN check bad.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.txt: invalid UTF-8 at byte 11"), std::string::npos) << r.err;
  r = Shell("$MTCLEAN fix - < bad.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "Good start\n\xFF\xFE broken\n");
}

TEST(CliTest, MalformedRuleFileIsAUsageErrorNamingTheSpot) {
  Scratch s;
  s.Write("bad.yaml",
          "id: scrape.x\nseverity: loud\nmessage: m\naction: flag\nphrases: [x]\n"
          "examples:\n  - bad: x\n    good: x\n  - ok: y\n");
  s.Write("a.txt", "Text.\n");
  const RunOutput r = Shell("$MTCLEAN --rules bad.yaml check a.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.yaml:2:11: `severity` must be one of"), std::string::npos) << r.err;
}

// A rule file of the house style: flags one phrase.
std::string HouseRule(const std::string& id, const std::string& phrase) {
  return "id: " + id + "\nseverity: warning\nmessage: House style\naction: flag\n"
         "phrases: [\"" + phrase + "\"]\nexamples:\n  - bad: \"The " + phrase + " said.\"\n"
         "    good: \"The " + phrase + " said.\"\n  - ok: \"Nothing here.\"\n";
}

// Regression: `--rules` took every word after it, so `--rules house.yaml
// article.txt` read the input as a second rule file and failed with
// "paths is required".
TEST(CliTest, RepeatedOptionsTakeOneValueEach) {
  Scratch s;
  s.Write("house.yaml", HouseRule("house.minister", "prime minister"));
  s.Write("style.yaml", HouseRule("house.mayor", "deputy mayor"));
  s.Write("article.txt", "The prime minister met the deputy mayor on Monday.\n");
  s.Write("other.txt", "The deputy mayor left early.\n");
  // The option before the command, after it, and with `=`: the words after
  // its one value are the paths.
  for (const std::string command :
       {"$MTCLEAN check --rules house.yaml article.txt",
        "$MTCLEAN --rules house.yaml check article.txt",
        "$MTCLEAN check --rules=house.yaml article.txt"}) {
    const RunOutput r = Shell(command, s.dir().string());
    EXPECT_EQ(r.exit_code, 1) << command << ": " << r.err;
    EXPECT_NE(r.out.find("article.txt:1:5: warning: House style: \u201Cprime minister\u201D [house.minister]"),
              std::string::npos)
        << command << ": " << r.out;
    EXPECT_EQ(r.out.find("house.mayor"), std::string::npos) << command;
  }
  // Repeated, each time with one value; several paths after it.
  const RunOutput r = Shell("$MTCLEAN check --rules house.yaml --rules style.yaml "
                            "article.txt other.txt",
                            s.dir().string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("article.txt:1:5: warning: House style: \u201Cprime minister\u201D [house.minister]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("article.txt:1:28: warning: House style: \u201Cdeputy mayor\u201D [house.mayor]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("other.txt:1:5: warning: House style: \u201Cdeputy mayor\u201D [house.mayor]"), std::string::npos)
      << r.out;
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Shell("$MTCLEAN").exit_code, 2);
  EXPECT_EQ(Shell("$MTCLEAN check").exit_code, 2);
  EXPECT_EQ(Shell("$MTCLEAN frobnicate x").exit_code, 2);
  EXPECT_EQ(Shell("$MTCLEAN fix --write - < /dev/null").exit_code, 2);
  EXPECT_EQ(Shell("$MTCLEAN explain no.such-rule").exit_code, 2);
}

TEST(CliTest, WalksFoldersForTextAndMarkdown) {
  Scratch s;
  fs::create_directories(s.dir() / "content" / "sub");
  s.Write("content/sub/one.md", kDirty);
  s.Write("content/two.txt", kDirty);
  s.Write("content/skip.html", kDirty);
  const RunOutput r = Shell("$MTCLEAN check content", s.dir().string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("content/sub/one.md:3:1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("content/two.txt:3:1"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("skip.html"), std::string::npos) << r.out;
}

TEST(CliTest, WriteLeavesUnchangedFilesAlone) {
  Scratch s;
  s.Write("clean.txt", "A clean story.\n");
  const auto before = fs::last_write_time(s.Path("clean.txt"));
  const RunOutput r = Shell("sleep 0.01; $MTCLEAN fix --write clean.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(fs::last_write_time(s.Path("clean.txt")), before);
}

TEST(CliTest, FailedWriteLeavesTheOriginalIntact) {
  Scratch s;
  std::string big = "Title\n\nTitle\n\n";
  for (int i = 0; i < 400; ++i) big += "A long paragraph of the story that goes on. ";
  big += "\n\nLeave a Reply\n";
  s.Write("a.txt", big);
  // A file-size limit of 4 KiB makes writing the temporary file fail (the
  // signal is ignored so write() reports EFBIG); the original must survive.
  const RunOutput r = Shell("trap \"\" XFSZ; ulimit -f 4; $MTCLEAN fix --write a.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("a.txt: cannot write the temporary file"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(s.Path("a.txt")), big);
  EXPECT_EQ(std::distance(fs::directory_iterator(s.dir()), fs::directory_iterator()), 1);
}

TEST(CliTest, RulesAndExplain) {
  RunOutput r = Shell("$MTCLEAN rules");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("scrape.comment-form\terror"), std::string::npos) << r.out;
  r = Shell("$MTCLEAN explain mt.stray-fragment");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Example (left alone):\nHe agreed. Twice."), std::string::npos) << r.out;
  // A rule that only flags shows its bad examples as reported, not changed.
  r = Shell("$MTCLEAN explain mt.calque");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Example (reported, left as it is):\nOfficials said"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("becomes:"), std::string::npos) << r.out;
}

constexpr char kFrenchStory[] =
    "Grève au port\n\nLe port a rouvert lundi après une semaine de grève, selon la direction. "
    "Les dockers sont revenus au travail dès l'aube, et les premiers navires ont quitté les "
    "quais dans la matinée.\n\nIn this regard, the union said the strike would resume next "
    "week.\n\nLa direction n'a pas souhaité commenter la décision des syndicats, qui doivent "
    "se réunir à nouveau vendredi.\n";

TEST(CliTest, LanguageIsGuessedPerDocumentUnlessGiven) {
  Scratch s;
  s.Write("fr.txt", kFrenchStory);
  // Guessed (no --lang, or auto): a French story; its English paragraph is
  // untranslated text, and English-only rules (mt.calque) do not run.
  for (const std::string& lang : {std::string(""), std::string("--lang auto ")}) {
    const RunOutput r = Shell("$MTCLEAN " + lang + "check fr.txt", s.dir().string());
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n') + 1),
              "fr.txt:5:1: warning: Sentence left in English (en): 8 of 11 words are English, "
              "not French [mt.untranslated]\n")
        << lang;
    EXPECT_EQ(r.out.find("[mt.", r.out.find('\n')), std::string::npos) << r.out;
  }
  // Given: the story is taken as English.
  const RunOutput r = Shell("$MTCLEAN --lang en check fr.txt", s.dir().string());
  EXPECT_NE(r.out.find("[mt.calque]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Sentence left in French (fr)"), std::string::npos) << r.out;
  EXPECT_EQ(Shell("$MTCLEAN --lang xx check fr.txt", s.dir().string()).exit_code, 2);
}

TEST(CliTest, DeleteUntranslatedDeletesTheSentence) {
  Scratch s;
  s.Write("a.txt",
          "Port reopens\n\nThe port reopened on Monday after a week of strikes, and the first "
          "ships left the quays in the morning. La reunión con los sindicatos se celebrará el "
          "próximo martes. Dock workers returned to their shifts at dawn, the port authority "
          "said in a statement.\n");
  RunOutput r = Shell("$MTCLEAN fix - < a.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, ReadFile(s.Path("a.txt"))) << "only reported by default";
  r = Shell("$MTCLEAN --delete-untranslated fix - < a.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "Port reopens\n\nThe port reopened on Monday after a week of strikes, and the first "
            "ships left the quays in the morning. Dock workers returned to their shifts at dawn, "
            "the port authority said in a statement.\n");
}

}  // namespace
}  // namespace mtclean
