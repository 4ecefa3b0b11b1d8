#include "cleaner/dict/word_lists.h"

#include <filesystem>
#include <fstream>

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

}  // namespace
}  // namespace mtclean::internal
