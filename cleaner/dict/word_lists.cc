#include "cleaner/dict/word_lists.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/strings/ascii.h"
#include "cleaner/document/document.h"
#include "cleaner/document/unicode_text.h"

namespace mtclean::internal {

absl::StatusOr<std::vector<WordListEntry>> ReadWordList(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open word list"));
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (absl::Status s = ValidateUtf8(text); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", s.message()));
  }
  std::vector<WordListEntry> entries;
  int line_number = 0;
  // Debian's Abseil has its own absl::string_view, distinct from std's.
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    WordListEntry entry;
    entry.line = line_number;
    for (absl::string_view field : absl::StrSplit(line, '|')) {
      field = absl::StripAsciiWhitespace(field);
      if (field.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ":", line_number, ": empty field"));
      }
      entry.fields.emplace_back(field.data(), field.size());
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

absl::StatusOr<WordLists> WordLists::Load(const std::string& dictionaries_dir,
                                          std::string_view language) {
  WordLists lists;
  const std::filesystem::path dir(dictionaries_dir);
  absl::StatusOr<std::vector<WordListEntry>> agencies =
      ReadWordList((dir / "agencies.txt").string());
  if (!agencies.ok()) return agencies.status();
  for (WordListEntry& e : *agencies) {
    Agency a;
    a.canonical = e.fields[0];
    a.variants.assign(e.fields.begin() + 1, e.fields.end());
    lists.agencies_.push_back(std::move(a));
  }
  const std::filesystem::path names = dir / std::string(language) / "publications.txt";
  if (std::filesystem::exists(names)) {
    absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(names.string());
    if (!entries.ok()) return entries.status();
    for (const WordListEntry& e : *entries) {
      for (const std::string& f : e.fields) lists.AddKnownName(f);
    }
  }
  const std::filesystem::path doubled = dir / std::string(language) / "doubled-words.txt";
  if (std::filesystem::exists(doubled)) {
    absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(doubled.string());
    if (!entries.ok()) return entries.status();
    for (const WordListEntry& e : *entries) {
      // `had had`: one word written twice, separated by one space.
      const std::string& pair = e.fields[0];
      const size_t space = pair.find(' ');
      const std::string first = FoldForCompare(pair.substr(0, space));
      if (e.fields.size() != 1 || space == std::string::npos ||
          first != FoldForCompare(pair.substr(space + 1)) || first.find(' ') != std::string::npos) {
        return absl::InvalidArgumentError(
            absl::StrCat(doubled.string(), ":", e.line,
                         ": expected one word written twice, like `had had`"));
      }
      lists.allowed_doubled_.insert(first);
    }
  }
  return lists;
}

bool WordLists::IsAllowedDoubled(std::string_view word) const {
  return allowed_doubled_.contains(FoldForCompare(word));
}

void WordLists::AddKnownName(std::string_view name) {
  std::string folded = FoldForCompare(name);
  size_t words = 1 + static_cast<size_t>(std::count(folded.begin(), folded.end(), ' '));
  max_name_words_ = std::max(max_name_words_, words);
  names_.insert(std::move(folded));
}

bool WordLists::IsKnownName(std::string_view name) const {
  return names_.contains(FoldForCompare(name));
}

}  // namespace mtclean::internal
