// newswire.agency-name
//
// What it does: replaces an agency name that machine translation rendered
// word for word (`Europe Press` for Europa Press, `Agency EFE` for EFE,
// `French Press Agency` for Agence France-Presse) with the agency's own
// name. Only the forms marked as translations (`~`) in
// dictionaries/agencies.txt are replaced; the agency's other legitimate
// names (`AFP`, `Agencia EFE`) are left alone.
//
// Why: a translated story credits its source by name, and a name translated
// like an ordinary phrase is wrong in a way a reader notices and a search
// for the agency misses.
//
// A form between brackets or slashes is part of a dateline
// (`Madrid, 26 (Europe Press)`), which newswire.dateline owns: it is left
// to that rule so that the two never report the same text twice.
#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "re2/re2.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "newswire.agency-name";
  d.severity = Severity::kWarning;
  d.message = "Agency name translated word for word";
  d.description =
      "A news agency's name that machine translation turned into an ordinary "
      "phrase (`Europe Press`, `Agency EFE`, `French Press Agency`) is "
      "replaced by the agency's own name. Only the forms marked `~` in "
      "dictionaries/agencies.txt are replaced; a form in brackets or between "
      "slashes belongs to a dateline and is left to newswire.dateline.";
  d.languages = {"en"};
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Talks resume in Brussels\n\nThe ministers met on Tuesday, Europe Press "
       "reported, and agreed to meet again in May.\n",
       "Talks resume in Brussels\n\nThe ministers met on Tuesday, Europa Press "
       "reported, and agreed to meet again in May.\n"},
      {RuleExample::Kind::kBad,
       "According to Agency EFE, the border crossing reopened at dawn.\n",
       "According to EFE, the border crossing reopened at dawn.\n"},
      {RuleExample::Kind::kBad,
       "The harbour master told French Press Agency that forty boats had left.\n",
       "The harbour master told Agence France-Presse that forty boats had left.\n"},
      {RuleExample::Kind::kOk,
       "Europa Press and Agencia EFE carried the statement, and AFP followed an "
       "hour later.\n", ""},
      {RuleExample::Kind::kOk,
       "She covered politics across Europe. Press officers at the ministry "
       "declined to comment.\n", ""},
      {RuleExample::Kind::kOk,
       "He worked for a French press agency before moving to Rome.\n", ""},
  };
  return d;
}

// A space in a name matches a run of spaces or tabs, or one line break.
std::string SpacedPattern(const std::string& name) {
  std::string out;
  for (absl::string_view part : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
    if (!out.empty()) out += "(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)";
    out += RE2::QuoteMeta(re2::StringPiece(part.data(), part.size()));
  }
  return out;
}

// The name with every run of whitespace collapsed to one space.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool IsWordBefore(std::string_view text, size_t offset) {
  if (offset == 0) return false;
  size_t i = offset;
  return IsWordChar(PreviousCodePoint(text, i));
}

bool IsWordAfter(std::string_view text, size_t offset) {
  if (offset >= text.size()) return false;
  size_t i = offset;
  return IsWordChar(NextCodePoint(text, i));
}

// The first character before `offset` (after) that is not a space or tab.
char NeighbourBefore(std::string_view text, size_t offset) {
  while (offset > 0 && (text[offset - 1] == ' ' || text[offset - 1] == '\t')) --offset;
  return offset == 0 ? '\0' : text[offset - 1];
}
char NeighbourAfter(std::string_view text, size_t offset) {
  while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
  return offset == text.size() ? '\0' : text[offset];
}

class AgencyNameRule : public StructuralRule {
 public:
  AgencyNameRule(std::unique_ptr<RE2> pattern,
                 absl::flat_hash_map<std::string, std::string> canonical,
                 std::vector<std::string> form_patterns)
      : StructuralRule(Describe()),
        pattern_(std::move(pattern)),
        canonical_(std::move(canonical)),
        form_patterns_(std::move(form_patterns)) {}

  // Every translated form, for the one scan: the expression (their
  // alternation) runs only over a document that holds one.
  std::vector<PatternSpec> CandidatePatterns() const override {
    return PatternsFor(
        form_patterns_,
        {.text = "", .literal = false, .caseless = false,
         .origin = "built-in rule newswire.agency-name (dictionaries/agencies.txt)"});
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    if (pattern_ == nullptr || context.candidates.empty()) return;
    const std::string_view text = context.doc.text();
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    while (RE2::FindAndConsume(&input, *pattern_, &match)) {
      const size_t begin = static_cast<size_t>(match.data() - text.data());
      const size_t end = begin + match.size();
      if (IsWordBefore(text, begin) || IsWordAfter(text, end)) continue;
      const char before = NeighbourBefore(text, begin);
      const char after = NeighbourAfter(text, end);
      if ((before == '(' && after == ')') || (before == '/' && after == '/')) continue;
      const std::string form = CollapseSpaces(std::string_view(match.data(), match.size()));
      auto it = canonical_.find(form);
      if (it == canonical_.end()) continue;
      Finding f = MakeFinding(begin, end);
      f.message = absl::StrCat("Agency name translated word for word: `", form, "` is `",
                               it->second, "`");
      f.edits.push_back({begin, end, it->second});
      out->push_back(std::move(f));
    }
  }

 private:
  std::unique_ptr<RE2> pattern_;  // null when no form is marked translated
  absl::flat_hash_map<std::string, std::string> canonical_;  // form -> own name
  std::vector<std::string> form_patterns_;                  // SpacedPattern() of each
};

}  // namespace

absl::StatusOr<std::unique_ptr<StructuralRule>> MakeAgencyNameRule(const WordLists& words) {
  absl::flat_hash_map<std::string, std::string> canonical;
  std::vector<std::string> forms;
  for (const Agency& a : words.agencies()) {
    for (const std::string& form : a.translated) {
      const std::string key = CollapseSpaces(form);
      if (!canonical.emplace(key, a.canonical).second) continue;
      forms.push_back(key);
    }
  }
  if (forms.empty()) {
    return std::make_unique<AgencyNameRule>(nullptr, std::move(canonical),
                                            std::vector<std::string>());
  }
  // Longest first, so that a longer form wins over one it contains.
  std::sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::vector<std::string> alternatives;
  for (const std::string& f : forms) alternatives.push_back(SpacedPattern(f));
  RE2::Options options;
  options.set_log_errors(false);
  auto pattern = std::make_unique<RE2>(
      absl::StrCat("(", absl::StrJoin(alternatives, "|"), ")"), options);
  if (!pattern->ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "newswire.agency-name: cannot build the expression of the translated agency names: ",
        pattern->error()));
  }
  return std::make_unique<AgencyNameRule>(std::move(pattern), std::move(canonical),
                                          std::move(alternatives));
}

}  // namespace mtclean::internal
