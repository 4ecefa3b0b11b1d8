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

}  // namespace
}  // namespace mtclean::internal
