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
                                          std::string_view language,
                                          const std::vector<std::string>& extra_dirs) {
  WordLists lists;
  std::vector<std::string> dirs = {dictionaries_dir};
  dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
  for (size_t d = 0; d < dirs.size(); ++d) {
    const std::filesystem::path dir(dirs[d]);
    if (d > 0 && !std::filesystem::is_directory(dir)) {
      return absl::NotFoundError(absl::StrCat(dirs[d], ": no such word-list folder"));
    }
    // The built-in folder must have the agencies; an extra one may not.
    const std::filesystem::path agency_file = dir / "agencies.txt";
    if (d == 0 || std::filesystem::exists(agency_file)) {
      absl::StatusOr<std::vector<WordListEntry>> agencies =
          ReadWordList(agency_file.string());
      if (!agencies.ok()) return agencies.status();
      for (WordListEntry& e : *agencies) {
        Agency a;
        a.canonical = e.fields[0];
        a.variants.assign(e.fields.begin() + 1, e.fields.end());
        lists.agencies_.push_back(std::move(a));
      }
    }
    const std::filesystem::path names = dir / std::string(language) / "publications.txt";
    if (std::filesystem::exists(names)) {
      absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(names.string());
      if (!entries.ok()) return entries.status();
      for (const WordListEntry& e : *entries) {
        for (const std::string& f : e.fields) lists.AddKnownName(f);
      }
    }
  }
  return lists;
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
