#include "cleaner/dict/word_lists.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
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

namespace {

std::string LowerAscii(absl::string_view s) { return absl::AsciiStrToLower(s); }

// The phrase's first word (up to the first space or punctuation),
// ASCII-lowercased.
std::string FirstWordLower(std::string_view phrase) {
  size_t end = 0;
  while (end < phrase.size() && phrase[end] != ' ' &&
         (static_cast<unsigned char>(phrase[end]) >= 0x80 ||
          absl::ascii_isalnum(static_cast<unsigned char>(phrase[end])) || phrase[end] == '\'' ||
          phrase[end] == '-')) {
    ++end;
  }
  return LowerAscii(absl::string_view(phrase.data(), end));
}

// `phrase | usual phrasing | where`.
absl::StatusOr<Calque> ParseCalque(const WordListEntry& e) {
  if (e.fields.size() != 3) {
    return absl::InvalidArgumentError(
        "expected three fields: phrase | usual phrasing | where it applies");
  }
  Calque c;
  c.phrase = e.fields[0];
  c.usual = e.fields[1];
  if (FirstWordLower(c.phrase).empty()) {
    return absl::InvalidArgumentError("the phrase must start with a word");
  }
  const absl::string_view where = e.fields[2];
  constexpr absl::string_view kWith = "sentence with:";
  if (where == "anywhere") {
    c.where = Calque::Where::kAnywhere;
  } else if (where == "paragraph opener") {
    c.where = Calque::Where::kParagraphOpener;
  } else if (where == "sentence opener") {
    c.where = Calque::Where::kSentenceOpener;
  } else if (absl::StartsWith(where, kWith)) {
    c.where = Calque::Where::kSentenceWith;
    for (absl::string_view w : absl::StrSplit(where.substr(kWith.size()), ',')) {
      w = absl::StripAsciiWhitespace(w);
      if (!w.empty()) c.context.push_back(LowerAscii(w));
    }
    if (c.context.empty()) {
      return absl::InvalidArgumentError("`sentence with:` needs at least one word");
    }
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown place `", where,
        "` (expected anywhere, paragraph opener, sentence opener or sentence with: WORDS)"));
  }
  return c;
}

}  // namespace

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
      if (absl::Status s = lists.LoadAgencies(agency_file.string()); !s.ok()) return s;
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
      if (absl::Status s = lists.LoadDoubledWords(doubled.string()); !s.ok()) return s;
    }
    const std::filesystem::path calques = dir / std::string(language) / "calques.txt";
    if (std::filesystem::exists(calques)) {
      if (absl::Status s = lists.LoadCalques(calques.string()); !s.ok()) return s;
    }
  }
  return lists;
}

absl::Status WordLists::LoadAgencies(const std::string& path) {
  absl::StatusOr<std::vector<WordListEntry>> agencies = ReadWordList(path);
  if (!agencies.ok()) return agencies.status();
  for (WordListEntry& e : *agencies) {
    Agency a;
    a.canonical = e.fields[0];
    if (a.canonical.front() == '~') {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", e.line,
                       ": the first field is the agency's own name and cannot be marked `~`"));
    }
    for (size_t i = 1; i < e.fields.size(); ++i) {
      std::string form = e.fields[i];
      const bool translated = form.front() == '~';
      if (translated) {
        form = std::string(absl::StripLeadingAsciiWhitespace(form.substr(1)));
        if (form.empty()) {
          return absl::InvalidArgumentError(absl::StrCat(path, ":", e.line, ": empty field"));
        }
        a.translated.push_back(form);
      }
      a.variants.push_back(std::move(form));
    }
    agencies_.push_back(std::move(a));
  }
  return absl::OkStatus();
}

absl::Status WordLists::LoadDoubledWords(const std::string& path) {
  absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(path);
  if (!entries.ok()) return entries.status();
  for (const WordListEntry& e : *entries) {
    // `had had`: one word written twice, separated by one space.
    const std::string& pair = e.fields[0];
    const size_t space = pair.find(' ');
    const std::string first = FoldForCompare(pair.substr(0, space));
    if (e.fields.size() != 1 || space == std::string::npos ||
        first != FoldForCompare(pair.substr(space + 1)) || first.find(' ') != std::string::npos) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ":", e.line, ": expected one word written twice, like `had had`"));
    }
    allowed_doubled_.insert(first);
  }
  return absl::OkStatus();
}

absl::Status WordLists::LoadCalques(const std::string& path) {
  absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(path);
  if (!entries.ok()) return entries.status();
  for (const WordListEntry& e : *entries) {
    absl::StatusOr<Calque> calque = ParseCalque(e);
    if (!calque.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", e.line, ": ", calque.status().message()));
    }
    calques_by_first_word_[FirstWordLower(calque->phrase)].push_back(calques_.size());
    calques_.push_back(std::move(*calque));
  }
  return absl::OkStatus();
}

const std::vector<size_t>* WordLists::CalquesStartingWith(std::string_view word) const {
  auto it = calques_by_first_word_.find(absl::string_view(word.data(), word.size()));
  return it == calques_by_first_word_.end() ? nullptr : &it->second;
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
