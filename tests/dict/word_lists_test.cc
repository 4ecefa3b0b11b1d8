#include "cleaner/dict/word_lists.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "absl/strings/match.h"
#include "tests/test_support.h"

namespace mtclean::internal {
namespace {

namespace fs = std::filesystem;

// A dictionaries/ folder of its own per test, removed at the end.
class ListsDir {
 public:
  ListsDir() {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("mtclean-lists-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_ / "en");
    // The files the built-in folder must have.
    Write("agencies.txt", "EFE | Agencia EFE\n");
    Write("html-entities.txt", "amp | 26\n");
    Write("html-elements.txt", "br | block\n");
  }
  ~ListsDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void Write(const std::string& name, const std::string& content) const {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  std::string path() const { return dir_.string(); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  fs::path dir_;
};

TEST(WordListsTest, ProjectListsLoad) {
  absl::StatusOr<WordLists> lists =
      WordLists::Load(mtclean::testing::SourcePath("dictionaries"), "en");
  ASSERT_TRUE(lists.ok()) << lists.status();
  EXPECT_FALSE(lists->agencies().empty());
  EXPECT_TRUE(lists->IsKnownName("financial  times"));
}

TEST(WordListsTest, DoubledWordsAreJudgedCaseInsensitivelyAndByPosition) {
  absl::StatusOr<WordLists> lists =
      WordLists::Load(mtclean::testing::SourcePath("dictionaries"), "en");
  ASSERT_TRUE(lists.ok()) << lists.status();
  EXPECT_EQ(lists->JudgeDoubled("had", "By May the ministry"), Doubling::kAllowed);
  EXPECT_EQ(lists->JudgeDoubled("That", "He said"), Doubling::kAllowed);
  EXPECT_EQ(lists->JudgeDoubled("the", "He saw"), Doubling::kMistake);
  EXPECT_EQ(lists->JudgeDoubled("to", "They want"), Doubling::kMistake);
  // `is | after what all`: allowed only after one of those words.
  EXPECT_EQ(lists->JudgeDoubled("is", "What the ministry wants"), Doubling::kAllowed);
  EXPECT_EQ(lists->JudgeDoubled("is", "The point"), Doubling::kMistake);
  // `in | maybe`: a particle, then a preposition; reported, never fixed.
  EXPECT_EQ(lists->JudgeDoubled("in", "The rules were brought"), Doubling::kUnsure);
}

TEST(WordListsTest, DoubledWordsListRefusesAnUnknownCondition) {
  for (const std::string& bad : {"had | note\n", "had | after\n", "had | maybe | after x\n"}) {
    ListsDir dir;
    dir.Write("en/doubled-words.txt", "# header\n" + bad);
    absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en");
    ASSERT_FALSE(lists.ok()) << bad;
    EXPECT_EQ(lists.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StartsWith(lists.status().message(),
                                 dir.Path("en/doubled-words.txt") + ":2: "))
        << lists.status();
  }
}

TEST(WordListsTest, ListsOfOtherLanguagesAreNotMixedIn) {
  ListsDir dir;
  dir.Write("en/doubled-words.txt", "had\n");
  absl::StatusOr<WordLists> es = WordLists::Load(dir.path(), "es");
  ASSERT_TRUE(es.ok()) << es.status();
  EXPECT_EQ(es->JudgeDoubled("had", ""), Doubling::kMistake);
}

TEST(WordListsTest, FileAndHostEndingsAreComparedCaseInsensitively) {
  absl::StatusOr<WordLists> lists =
      WordLists::Load(mtclean::testing::SourcePath("dictionaries"), "en");
  ASSERT_TRUE(lists.ok()) << lists.status();
  EXPECT_TRUE(lists->IsFileOrHostEnding("Pdf"));
  EXPECT_TRUE(lists->IsFileOrHostEnding("com"));
  EXPECT_FALSE(lists->IsFileOrHostEnding("It"));  // `said.It`: a lost break
  EXPECT_FALSE(lists->IsFileOrHostEnding("The"));
  // An extra folder adds its own.
  ListsDir extra;
  extra.Write("file-and-host-endings.txt", "# header\nindd\n");
  absl::StatusOr<WordLists> extended =
      WordLists::Load(mtclean::testing::SourcePath("dictionaries"), "en", {extra.path()});
  ASSERT_TRUE(extended.ok()) << extended.status();
  EXPECT_TRUE(extended->IsFileOrHostEnding("Indd"));
  EXPECT_TRUE(extended->IsFileOrHostEnding("pdf"));
}

TEST(WordListsTest, FileAndHostEndingsRefuseDotsAndFields) {
  for (const std::string& bad : {".pdf\n", "pdf | file\n", "tar gz\n"}) {
    ListsDir dir;
    dir.Write("file-and-host-endings.txt", "# header\n" + bad);
    absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en");
    ASSERT_FALSE(lists.ok()) << bad;
    EXPECT_EQ(lists.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StartsWith(lists.status().message(),
                                 dir.Path("file-and-host-endings.txt") + ":2: "))
        << lists.status();
  }
}

TEST(WordListsTest, TranslatedAgencyFormsAreMarkedAndStillCountAsForms) {
  ListsDir dir;
  dir.Write("agencies.txt", "# agencies\nEuropa Press | ~Europe Press | EP | ~ Press Europe\n");
  absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en");
  ASSERT_TRUE(lists.ok()) << lists.status();
  ASSERT_EQ(lists->agencies().size(), 1u);
  const Agency& a = lists->agencies()[0];
  EXPECT_EQ(a.canonical, "Europa Press");
  EXPECT_EQ(a.variants, (std::vector<std::string>{"Europe Press", "EP", "Press Europe"}));
  EXPECT_EQ(a.translated, (std::vector<std::string>{"Europe Press", "Press Europe"}));
}

TEST(WordListsTest, AgencysOwnNameCannotBeMarkedTranslated) {
  ListsDir dir;
  dir.Write("agencies.txt", "~Europe Press | Europa Press\n");
  absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en");
  ASSERT_FALSE(lists.ok());
  EXPECT_EQ(lists.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(lists.status().message(),
            dir.Path("agencies.txt") +
                ":1: the first field is the agency's own name and cannot be marked `~`");
}

TEST(WordListsTest, CalquesAreIndexedByTheirFirstWord) {
  ListsDir dir;
  dir.Write("en/calques.txt",
            "# glossary\n"
            "In this sense, | drop it | paragraph opener\n"
            "the new management | the new administration | sentence with: Government, "
            "took office\n"
            "in the last hours, | recently | sentence opener\n");
  absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en");
  ASSERT_TRUE(lists.ok()) << lists.status();
  ASSERT_EQ(lists->calques().size(), 3u);
  const Calque& management = lists->calques()[1];
  EXPECT_EQ(management.where, Calque::Where::kSentenceWith);
  EXPECT_EQ(management.context, (std::vector<std::string>{"government", "took office"}));
  const std::vector<size_t>* in = lists->CalquesStartingWith("in");
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(*in, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(lists->CalquesStartingWith("In"), nullptr) << "the key is lowercased";
  EXPECT_EQ(lists->CalquesStartingWith("sense"), nullptr);
}

TEST(WordListsTest, MalformedCalqueEntriesNameFileAndLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"In this sense, | drop it\n", "expected three fields: phrase | usual phrasing | where it applies"},
      {"In this sense, | drop it | everywhere\n",
       "unknown place `everywhere` (expected anywhere, paragraph opener, sentence opener or "
       "sentence with: WORDS)"},
      {"the new management | x | sentence with: ,\n",
       "`sentence with:` needs at least one word"},
      {", so | x | anywhere\n", "the phrase must start with a word"},
  };
  for (const auto& [line, message] : cases) {
    ListsDir dir;
    dir.Write("en/calques.txt", line);
    absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en");
    ASSERT_FALSE(lists.ok()) << line;
    EXPECT_EQ(lists.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(lists.status().message(), dir.Path("en/calques.txt") + ":1: " + message);
  }
}

TEST(WordListsTest, ProjectLexiconsLoad) {
  absl::StatusOr<WordLists> lists =
      WordLists::Load(mtclean::testing::SourcePath("dictionaries"), "en");
  ASSERT_TRUE(lists.ok()) << lists.status();
  for (size_t i = 0; i < kLexiconCount; ++i) {
    EXPECT_FALSE(lists->lexicon(static_cast<Lexicon>(i)).empty()) << "lexicon " << i;
  }
  const std::vector<std::string>& roles = lists->lexicon(Lexicon::kAuthorRoles);
  // Every language's, whatever the list's language.
  for (const char* role : {"reporter", "periodista", "rédactrice", "redakteurin", "giornalista",
                           "repórter"}) {
    EXPECT_NE(std::find(roles.begin(), roles.end(), role), roles.end()) << role;
  }
  const std::vector<CreditLabel>& labels = lists->credit_labels();
  auto label = [&](const std::string& l) {
    return std::find_if(labels.begin(), labels.end(),
                        [&](const CreditLabel& c) { return c.label == l; });
  };
  ASSERT_NE(label("file photo"), labels.end());
  EXPECT_TRUE(label("file photo")->alone);
  ASSERT_NE(label("bild"), labels.end());
  EXPECT_TRUE(label("bild")->suffix);
  ASSERT_NE(label("crédit photo"), labels.end());
  EXPECT_FALSE(label("crédit photo")->alone || label("crédit photo")->suffix);
}

TEST(WordListsTest, LexiconsJoinTheTopAndEveryLanguageFolderOnceEach) {
  ListsDir dir;
  dir.Write("name-particles.txt", "# particles\nbin\nvan\n");
  dir.Write("es/name-particles.txt", "de\nvan\n");
  dir.Write("nl/name-particles.txt", "ter\n");
  ListsDir extra;
  extra.Write("sv/name-particles.txt", "af\nde\n");
  absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en", {extra.path()});
  ASSERT_TRUE(lists.ok()) << lists.status();
  // The top first, then the languages by name, then the extra folder.
  EXPECT_EQ(lists->lexicon(Lexicon::kNameParticles),
            (std::vector<std::string>{"bin", "van", "de", "ter", "af"}));
  // The document's language does not matter.
  absl::StatusOr<WordLists> es = WordLists::Load(dir.path(), "es", {extra.path()});
  ASSERT_TRUE(es.ok()) << es.status();
  EXPECT_EQ(es->lexicon(Lexicon::kNameParticles), lists->lexicon(Lexicon::kNameParticles));
  EXPECT_TRUE(lists->lexicon(Lexicon::kAuthorRoles).empty()) << "a missing file is no entry";
}

TEST(WordListsTest, CreditLabelsKeepTheirMarks) {
  ListsDir dir;
  dir.Write("en/credit-labels.txt",
            "# labels\nfile photo | alone\nphoto | suffix\npicture\nsnap | alone | suffix\n");
  dir.Write("fr/credit-labels.txt", "photo | alone\n");
  absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en");
  ASSERT_TRUE(lists.ok()) << lists.status();
  const std::vector<CreditLabel>& labels = lists->credit_labels();
  ASSERT_EQ(labels.size(), 4u);
  EXPECT_EQ(labels[0].label, "file photo");
  EXPECT_TRUE(labels[0].alone);
  EXPECT_FALSE(labels[0].suffix);
  EXPECT_EQ(labels[1].label, "photo");
  EXPECT_TRUE(labels[1].alone && labels[1].suffix) << "listed twice: the marks of both";
  EXPECT_FALSE(labels[2].alone || labels[2].suffix);
  EXPECT_TRUE(labels[3].alone && labels[3].suffix);
}

TEST(WordListsTest, MalformedLexiconEntriesNameFileAndLine) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"en/author-roles.txt", "reporter | editor",
       "expected one entry per line, without ` | `"},
      {"name-particles.txt", "de la", "expected one word, not `de la`"},
      {"en/author-beats.txt", "writes  about",
       "expected words separated by one space, not `writes  about`"},
      {"html-attributes.txt", "Class", "expected a name of lowercase ASCII letters, digits, `-` "
                                       "and `_`, not `Class`"},
      {"shortcodes.txt", "vc row", "expected a name of ASCII letters, digits, `-` and `_`, not "
                                   "`vc row`"},
      {"de/credit-labels.txt", "bild | before",
       "unknown or repeated mark `before` (expected `label`, `label | alone`, `label | suffix` "
       "or `label | alone | suffix`)"},
      {"de/credit-labels.txt", "bild | alone | alone",
       "unknown or repeated mark `alone` (expected `label`, `label | alone`, `label | suffix` "
       "or `label | alone | suffix`)"},
      {"en/credit-labels.txt", "photo of the day", "a label has at most 3 words"},
  };
  for (const auto& [file, line, message] : cases) {
    ListsDir dir;
    dir.Write(file, "# header\n" + line + "\n");
    absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en");
    ASSERT_FALSE(lists.ok()) << line;
    EXPECT_EQ(lists.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(lists.status().message(), dir.Path(file) + ":2: " + message);
  }
}

}  // namespace
}  // namespace mtclean::internal
