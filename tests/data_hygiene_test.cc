// The word lists under dictionaries/ as dictionaries/README.md asks them to
// be: UTF-8 in NFC, a header that says what the list is, its format and
// which rule reads it, entries sorted and each once, and every file
// described in the README. Every .txt file there is checked, so a new list
// is checked without being named here.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cleaner/document/document.h"
#include "re2/re2.h"
#include "tests/test_support.h"
#include "unicode/normalizer2.h"
#include "unicode/unistr.h"

namespace mtclean {
namespace {

namespace fs = std::filesystem;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::SourcePath;

// One list: its path under dictionaries/, its header and its entries.
struct List {
  std::string name;  // "en/author-roles.txt"
  std::string text;
  std::vector<std::string> header;  // the comment lines before the first entry
  std::vector<std::string> keys;    // each entry's first field
  std::vector<int> lines;           // and its line number
};

std::vector<List> Lists() {
  std::vector<List> lists;
  const fs::path root = SourcePath("dictionaries");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    List list;
    list.name = fs::relative(entry.path(), root).generic_string();
    list.text = ReadFile(entry.path().string());
    int line_number = 0;
    for (absl::string_view line : absl::StrSplit(list.text, '\n')) {
      ++line_number;
      line = absl::StripAsciiWhitespace(line);
      if (line.empty()) continue;
      if (line.front() == '#') {
        if (list.keys.empty()) list.header.emplace_back(line);
        continue;
      }
      const absl::string_view key = absl::StripAsciiWhitespace(line.substr(0, line.find(" | ")));
      list.keys.emplace_back(key);
      list.lines.push_back(line_number);
    }
    lists.push_back(std::move(list));
  }
  std::sort(lists.begin(), lists.end(),
            [](const List& a, const List& b) { return a.name < b.name; });
  return lists;
}

TEST(DataHygieneTest, ThereAreLists) {
  // The walk found the folder: an empty result would pass every test.
  EXPECT_GT(Lists().size(), 20u);
}

TEST(DataHygieneTest, EveryListIsUtf8InNfcAndEndsWithALineBreak) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  for (const List& list : Lists()) {
    EXPECT_TRUE(internal::ValidateUtf8(list.text).ok()) << list.name;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(list.text);
    EXPECT_TRUE(nfc->isNormalized(text, status) && U_SUCCESS(status)) << list.name;
    EXPECT_TRUE(absl::EndsWith(list.text, "\n")) << list.name;
  }
}

TEST(DataHygieneTest, EveryListOpensWithAHeaderThatSaysItsFormatAndItsRule) {
  // The additions to the spelling dictionary serve every rule that asks it.
  const std::vector<std::string> read_by_every_rule = {"en/words.txt"};
  const RE2 rule_id("\\b(?:scrape|newswire|mt|text)\\.[a-z]+(?:-[a-z]+)*\\b");
  for (const List& list : Lists()) {
    ASSERT_TRUE(absl::StartsWith(list.text, "# ")) << list.name << ": no header";
    std::string header;
    for (const std::string& line : list.header) header += line + "\n";
    EXPECT_TRUE(absl::StrContains(header, "Format:")) << list.name;
    if (std::find(read_by_every_rule.begin(), read_by_every_rule.end(), list.name) ==
        read_by_every_rule.end()) {
      EXPECT_TRUE(RE2::PartialMatch(header, rule_id)) << list.name << ": names no rule";
    }
    EXPECT_FALSE(list.keys.empty()) << list.name << ": no entries";
  }
}

TEST(DataHygieneTest, EveryListIsSortedAndHoldsEachEntryOnce) {
  // Generated from the WHATWG table, in its order (a name's `;` counts).
  const std::vector<std::string> generated = {"html-entities.txt"};
  for (const List& list : Lists()) {
    for (size_t i = 1; i < list.keys.size(); ++i) {
      EXPECT_NE(list.keys[i - 1], list.keys[i])
          << list.name << ":" << list.lines[i] << ": `" << list.keys[i] << "` again";
    }
    std::vector<std::string> unique = list.keys;
    std::sort(unique.begin(), unique.end());
    EXPECT_EQ(std::adjacent_find(unique.begin(), unique.end()), unique.end())
        << list.name << ": an entry is listed twice";
    if (std::find(generated.begin(), generated.end(), list.name) != generated.end()) continue;
    // By bytes, or by bytes with ASCII letters lowercased (for lists of
    // names, some of which open with a capital).
    const auto ignoring_case = [](const std::string& a, const std::string& b) {
      return absl::AsciiStrToLower(a) < absl::AsciiStrToLower(b);
    };
    if (std::is_sorted(list.keys.begin(), list.keys.end())) continue;
    const auto out_of_order =
        std::is_sorted_until(list.keys.begin(), list.keys.end(), ignoring_case);
    if (out_of_order == list.keys.end()) continue;
    const size_t i = static_cast<size_t>(out_of_order - list.keys.begin());
    ADD_FAILURE() << list.name << ":" << list.lines[i] << ": `" << list.keys[i]
                  << "` is out of order, by bytes and ignoring case (after `"
                  << list.keys[i - 1] << "`)";
  }
}

TEST(DataHygieneTest, EveryListIsDescribedInTheReadme) {
  const std::string readme = ReadFile(SourcePath("dictionaries/README.md"));
  ASSERT_FALSE(readme.empty());
  for (const List& list : Lists()) {
    const std::string file = fs::path(list.name).filename().string();
    const bool in_language = list.name.find('/') != std::string::npos;
    // `<lang>/NAME.txt` for a language's list, `NAME.txt` for one of no
    // one language.
    const std::string described = in_language ? "<lang>/" + file + "`" : "`" + file + "`";
    EXPECT_TRUE(absl::StrContains(readme, described)) << list.name << ": not in the README";
  }
}

}  // namespace
}  // namespace mtclean
