#include "cleaner/dict/word_lists.h"

#include <filesystem>
#include <fstream>

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
    Write("agencies.txt", "EFE | Agencia EFE\n");
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

TEST(WordListsTest, AllowedDoubledWordsAreComparedCaseInsensitively) {
  absl::StatusOr<WordLists> lists =
      WordLists::Load(mtclean::testing::SourcePath("dictionaries"), "en");
  ASSERT_TRUE(lists.ok()) << lists.status();
  EXPECT_TRUE(lists->IsAllowedDoubled("had"));
  EXPECT_TRUE(lists->IsAllowedDoubled("That"));
  EXPECT_FALSE(lists->IsAllowedDoubled("the"));
  EXPECT_FALSE(lists->IsAllowedDoubled("to"));
}

TEST(WordListsTest, DoubledWordsListRefusesAnEntryThatIsNotOneWordTwice) {
  for (const std::string& bad : {"had has\n", "had\n", "had had had\n", "had had | note\n"}) {
    ListsDir dir;
    dir.Write("en/doubled-words.txt", "# header\n" + bad);
    absl::StatusOr<WordLists> lists = WordLists::Load(dir.path(), "en");
    ASSERT_FALSE(lists.ok()) << bad;
    EXPECT_EQ(lists.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(lists.status().message(),
              dir.Path("en/doubled-words.txt") +
                  ":2: expected one word written twice, like `had had`")
        << bad;
  }
}

TEST(WordListsTest, ListsOfOtherLanguagesAreNotMixedIn) {
  ListsDir dir;
  dir.Write("en/doubled-words.txt", "had had\n");
  absl::StatusOr<WordLists> es = WordLists::Load(dir.path(), "es");
  ASSERT_TRUE(es.ok()) << es.status();
  EXPECT_FALSE(es->IsAllowedDoubled("had"));
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
