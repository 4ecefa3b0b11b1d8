#include "cleaner/dict/word_lists.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
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

// What an entry of a lexicon must look like.
enum class EntryShape {
  kWord,        // one word: no space in it
  kPhrase,      // words separated by one space
  kMarkupName,  // ASCII letters, digits, `-` and `_`
  kLowerMarkupName,  // the same, letters in lower case
};

struct LexiconFile {
  Lexicon lexicon;
  std::string_view file;
  EntryShape shape;
};

// Every lexicon's file, in the order of Lexicon.
constexpr LexiconFile kLexiconFiles[] = {
    {Lexicon::kAuthorRoles, "author-roles.txt", EntryShape::kPhrase},
    {Lexicon::kAuthorCopulas, "author-copulas.txt", EntryShape::kPhrase},
    {Lexicon::kAuthorBeats, "author-beats.txt", EntryShape::kPhrase},
    {Lexicon::kAuthorDeterminers, "author-determiners.txt", EntryShape::kWord},
    {Lexicon::kAuthorArchiveHeaders, "author-archive-headers.txt", EntryShape::kPhrase},
    {Lexicon::kAuthorAboutHeaders, "author-about-headers.txt", EntryShape::kPhrase},
    {Lexicon::kBylineOpeners, "byline-openers.txt", EntryShape::kPhrase},
    {Lexicon::kNameParticles, "name-particles.txt", EntryShape::kWord},
    {Lexicon::kCreditByWords, "credit-by-words.txt", EntryShape::kWord},
    {Lexicon::kCreditNameWords, "credit-name-words.txt", EntryShape::kWord},
    {Lexicon::kStockSources, "stock-sources.txt", EntryShape::kPhrase},
    {Lexicon::kTitleConnectors, "title-connectors.txt", EntryShape::kWord},
    {Lexicon::kPlaceParticles, "place-particles.txt", EntryShape::kWord},
    {Lexicon::kHtmlAttributes, "html-attributes.txt", EntryShape::kLowerMarkupName},
    {Lexicon::kShortcodes, "shortcodes.txt", EntryShape::kMarkupName},
    {Lexicon::kAltTextOpeners, "alt-text-openers.txt", EntryShape::kPhrase},
};
static_assert(std::size(kLexiconFiles) == kLexiconCount);

constexpr std::string_view kCreditLabelsFile = "credit-labels.txt";
// A credit's label is looked for in its first three words.
constexpr size_t kMaxLabelWords = 3;

// Why `entry` does not have `shape`, or "" when it does.
const char* ShapeError(std::string_view entry, EntryShape shape) {
  switch (shape) {
    case EntryShape::kWord:
      if (entry.find_first_of(" \t") != std::string_view::npos) return "expected one word";
      return "";
    case EntryShape::kPhrase:
      if (entry.find('\t') != std::string_view::npos ||
          entry.find("  ") != std::string_view::npos) {
        return "expected words separated by one space";
      }
      return "";
    case EntryShape::kMarkupName:
    case EntryShape::kLowerMarkupName:
      for (char c : entry) {
        const unsigned char u = static_cast<unsigned char>(c);
        const bool lower = shape == EntryShape::kLowerMarkupName;
        const bool name_char = absl::ascii_isalnum(u) || c == '-' || c == '_';
        if (!name_char || (lower && absl::ascii_isupper(u))) {
          return lower ? "expected a name of lowercase ASCII letters, digits, `-` and `_`"
                       : "expected a name of ASCII letters, digits, `-` and `_`";
        }
      }
      return "";
  }
  return "";
}

// The folders a lexicon is read from in the word-list folder `dir`: `dir`
// itself, then its subfolders (the languages) by name.
absl::StatusOr<std::vector<std::filesystem::path>> LexiconFolders(
    const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> folders;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.front() == '.' || !entry.is_directory(ec)) continue;
    folders.push_back(entry.path());
  }
  if (ec) {
    return absl::NotFoundError(
        absl::StrCat(dir.string(), ": cannot list the folder: ", ec.message()));
  }
  std::sort(folders.begin(), folders.end());
  folders.insert(folders.begin(), dir);
  return folders;
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
    // The HTML tables are the built-in folder's.
    if (d == 0) {
      if (absl::Status s = lists.LoadHtmlTables(dir.string()); !s.ok()) return s;
    }
    if (absl::Status s = lists.LoadDoubledWords(
            (dir / std::string(language) / "doubled-words.txt").string());
        !s.ok()) {
      return s;
    }
    const std::filesystem::path endings = dir / "file-and-host-endings.txt";
    if (std::filesystem::exists(endings)) {
      absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(endings.string());
      if (!entries.ok()) return entries.status();
      for (const WordListEntry& e : *entries) {
        if (e.fields.size() != 1 || e.fields[0].find_first_of(". ") != std::string::npos) {
          return absl::InvalidArgumentError(absl::StrCat(
              endings.string(), ":", e.line, ": expected one ending without its dot (`pdf`)"));
        }
        lists.file_and_host_endings_.insert(FoldForCompare(e.fields[0]));
      }
    }
    const std::filesystem::path compounds = dir / std::string(language) / "hyphenated.txt";
    if (std::filesystem::exists(compounds)) {
      absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(compounds.string());
      if (!entries.ok()) return entries.status();
      for (const WordListEntry& e : *entries) {
        for (const std::string& f : e.fields) lists.hyphenated_.insert(FoldForCompare(f));
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
    const std::filesystem::path calques = dir / std::string(language) / "calques.txt";
    if (std::filesystem::exists(calques)) {
      if (absl::Status s = lists.LoadCalques(calques.string()); !s.ok()) return s;
    }
    if (absl::Status s = lists.LoadLexicons(dir); !s.ok()) return s;
  }
  return lists;
}

absl::Status WordLists::LoadLexicons(const std::filesystem::path& dir) {
  absl::StatusOr<std::vector<std::filesystem::path>> folders = LexiconFolders(dir);
  if (!folders.ok()) return folders.status();
  for (const LexiconFile& lexicon : kLexiconFiles) {
    std::vector<std::string>& words = lexicons_[static_cast<size_t>(lexicon.lexicon)];
    for (const std::filesystem::path& folder : *folders) {
      const std::filesystem::path path = folder / lexicon.file;
      if (!std::filesystem::exists(path)) continue;
      absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(path.string());
      if (!entries.ok()) return entries.status();
      for (WordListEntry& e : *entries) {
        if (e.fields.size() != 1) {
          return absl::InvalidArgumentError(absl::StrCat(
              path.string(), ":", e.line, ": expected one entry per line, without ` | `"));
        }
        if (const char* why = ShapeError(e.fields[0], lexicon.shape); *why != '\0') {
          return absl::InvalidArgumentError(absl::StrCat(path.string(), ":", e.line, ": ", why,
                                                         ", not `", e.fields[0], "`"));
        }
        // The lists are short: a linear look for the duplicate is enough.
        if (std::find(words.begin(), words.end(), e.fields[0]) == words.end()) {
          words.push_back(std::move(e.fields[0]));
        }
      }
    }
  }
  for (const std::filesystem::path& folder : *folders) {
    const std::filesystem::path path = folder / kCreditLabelsFile;
    if (!std::filesystem::exists(path)) continue;
    if (absl::Status s = LoadCreditLabels(path.string()); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status WordLists::LoadCreditLabels(const std::string& path) {
  absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(path);
  if (!entries.ok()) return entries.status();
  for (const WordListEntry& e : *entries) {
    CreditLabel label;
    label.label = e.fields[0];
    if (const char* why = ShapeError(label.label, EntryShape::kPhrase); *why != '\0') {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", e.line, ": ", why, ", not `", label.label, "`"));
    }
    if (static_cast<size_t>(std::count(label.label.begin(), label.label.end(), ' ')) >=
        kMaxLabelWords) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", e.line, ": a label has at most ",
                                                     kMaxLabelWords, " words"));
    }
    for (size_t i = 1; i < e.fields.size(); ++i) {
      if (e.fields[i] == "alone" && !label.alone) {
        label.alone = true;
      } else if (e.fields[i] == "suffix" && !label.suffix) {
        label.suffix = true;
      } else {
        return absl::InvalidArgumentError(absl::StrCat(
            path, ":", e.line, ": unknown or repeated mark `", e.fields[i],
            "` (expected `label`, `label | alone`, `label | suffix` or `label | alone | suffix`)"));
      }
    }
    auto same = std::find_if(credit_labels_.begin(), credit_labels_.end(),
                             [&](const CreditLabel& c) { return c.label == label.label; });
    if (same == credit_labels_.end()) {
      credit_labels_.push_back(std::move(label));
    } else {
      same->alone = same->alone || label.alone;
      same->suffix = same->suffix || label.suffix;
    }
  }
  return absl::OkStatus();
}

absl::Status WordLists::LoadHtmlTables(const std::string& dictionaries_dir) {
  const std::string entities_path =
      (std::filesystem::path(dictionaries_dir) / "html-entities.txt").string();
  absl::StatusOr<std::vector<WordListEntry>> entities = ReadWordList(entities_path);
  if (!entities.ok()) return entities.status();
  for (const WordListEntry& e : *entities) {
    if (e.fields.size() != 2) {
      return absl::InvalidArgumentError(absl::StrCat(
          entities_path, ":", e.line, ": expected `name | code points`"));
    }
    std::string text;
    for (absl::string_view hex : absl::StrSplit(e.fields[1], ' ', absl::SkipEmpty())) {
      uint32_t c = 0;
      if (!absl::SimpleHexAtoi(hex, &c) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return absl::InvalidArgumentError(absl::StrCat(entities_path, ":", e.line,
                                                       ": `", std::string(hex),
                                                       "` is not a code point in hexadecimal"));
      }
      AppendUtf8(static_cast<char32_t>(c), &text);
    }
    html_entities_[e.fields[0]] = std::move(text);
  }
  const std::string elements_path =
      (std::filesystem::path(dictionaries_dir) / "html-elements.txt").string();
  absl::StatusOr<std::vector<WordListEntry>> elements = ReadWordList(elements_path);
  if (!elements.ok()) return elements.status();
  for (const WordListEntry& e : *elements) {
    if (e.fields.size() != 2 || (e.fields[1] != "block" && e.fields[1] != "inline")) {
      return absl::InvalidArgumentError(absl::StrCat(
          elements_path, ":", e.line, ": expected `name | block` or `name | inline`"));
    }
    html_elements_[e.fields[0]] =
        e.fields[1] == "block" ? HtmlElementKind::kBlock : HtmlElementKind::kInline;
  }
  return absl::OkStatus();
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
  if (!std::filesystem::exists(path)) return absl::OkStatus();
  absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(path);
  if (!entries.ok()) return entries.status();
  for (const WordListEntry& e : *entries) {
    DoubledEntry entry;
    if (e.fields.size() > 2) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", e.line, ": expected `word`, `word | after WORD...` or "
                                          "`word | maybe`"));
    }
    if (e.fields.size() == 2) {
      std::vector<std::string> condition = absl::StrSplit(e.fields[1], ' ', absl::SkipEmpty());
      if (condition.size() == 1 && condition[0] == "maybe") {
        entry.doubling = Doubling::kUnsure;
      } else if (condition.size() >= 2 && condition[0] == "after") {
        for (size_t i = 1; i < condition.size(); ++i) {
          entry.after.push_back(FoldForCompare(condition[i]));
        }
      } else {
        return absl::InvalidArgumentError(absl::StrCat(
            path, ":", e.line, ": unknown condition `", e.fields[1],
            "` (expected `after WORD...` or `maybe`)"));
      }
    }
    doubled_[FoldForCompare(e.fields[0])] = std::move(entry);
  }
  return absl::OkStatus();
}

Doubling WordLists::JudgeDoubled(std::string_view word, std::string_view sentence_before) const {
  auto it = doubled_.find(FoldForCompare(word));
  if (it == doubled_.end()) return Doubling::kMistake;
  const DoubledEntry& entry = it->second;
  if (entry.after.empty()) return entry.doubling;
  // Allowed only when one of the words stands earlier in the sentence.
  const std::string folded = FoldForCompare(sentence_before);
  size_t i = 0;
  while (i < folded.size()) {
    size_t start = i;
    while (i < folded.size()) {
      size_t next = i;
      if (!IsWordChar(NextCodePoint(folded, next))) break;
      i = next;
    }
    if (i > start) {
      const std::string_view w = std::string_view(folded).substr(start, i - start);
      if (std::find(entry.after.begin(), entry.after.end(), w) != entry.after.end()) {
        return Doubling::kAllowed;
      }
      continue;
    }
    NextCodePoint(folded, i);
  }
  return Doubling::kMistake;
}

bool WordLists::IsFileOrHostEnding(std::string_view ending) const {
  return file_and_host_endings_.contains(FoldForCompare(ending));
}

bool WordLists::IsHyphenatedCompound(std::string_view compound) const {
  return hyphenated_.contains(FoldForCompare(compound));
}

const std::string* WordLists::HtmlEntity(std::string_view name) const {
  auto it = html_entities_.find(absl::string_view(name.data(), name.size()));
  return it == html_entities_.end() ? nullptr : &it->second;
}

const HtmlElementKind* WordLists::HtmlElement(std::string_view name) const {
  auto it = html_elements_.find(absl::string_view(name.data(), name.size()));
  return it == html_elements_.end() ? nullptr : &it->second;
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
