#include "cleaner/rules/builtin/builtin_rules.h"

#include <algorithm>

#include "re2/re2.h"

namespace mtclean::internal {

std::vector<bool> LinesDeletedWhole(const Document& doc, const std::vector<Finding>& findings) {
  const size_t n = doc.lines().size();
  std::vector<bool> deleted(n, false);
  for (const Finding& f : findings) {
    if (!f.delete_lines) continue;
    const size_t last = doc.LineIndexAt(f.end > f.begin ? f.end - 1 : f.end);
    for (size_t l = doc.LineIndexAt(f.begin); l <= last && l < n; ++l) deleted[l] = true;
  }
  return deleted;
}

std::string LiteralAlternation(std::span<const std::string> phrases) {
  // No character is outside the whole range of code points.
  if (phrases.empty()) return "[^\\x00-\\x{10FFFF}]";
  std::string out = "(?:";
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) out += '|';
    out += RE2::QuoteMeta(phrases[i]);
  }
  out += ')';
  return out;
}

absl::StatusOr<std::vector<std::unique_ptr<StructuralRule>>> MakeBuiltinRules(
    const WordLists& words, const Options& options) {
  std::vector<std::unique_ptr<StructuralRule>> rules;
  rules.push_back(MakeStrayFragmentRule(words));
  absl::StatusOr<std::unique_ptr<StructuralRule>> dateline = MakeDatelineRule(words);
  if (!dateline.ok()) return dateline.status();
  rules.push_back(std::move(*dateline));
  rules.push_back(MakeDuplicateHeadlineRule());
  absl::StatusOr<std::unique_ptr<StructuralRule>> agency_name = MakeAgencyNameRule(words);
  if (!agency_name.ok()) return agency_name.status();
  rules.push_back(std::move(*agency_name));
  rules.push_back(MakeCalqueRule(words));
  rules.push_back(MakeUntranslatedRule(options));
  rules.push_back(MakeRepeatedBlockRule());
  rules.push_back(MakePhotoCreditRule(words));
  absl::StatusOr<std::unique_ptr<StructuralRule>> author_box = MakeAuthorBoxRule(words);
  if (!author_box.ok()) return author_box.status();
  rules.push_back(std::move(*author_box));
  absl::StatusOr<std::unique_ptr<StructuralRule>> markup_debris = MakeMarkupDebrisRule(words);
  if (!markup_debris.ok()) return markup_debris.status();
  rules.push_back(std::move(*markup_debris));
  rules.push_back(MakePageFurnitureRule());
  rules.push_back(MakeMojibakeRule());
  rules.push_back(MakeHtmlEntityRule());
  rules.push_back(MakeInvisibleRule());
  rules.push_back(MakeDoubledWordRule());
  rules.push_back(MakeHyphenSplitRule());
  rules.push_back(MakeMissingSpaceRule());
  rules.push_back(MakeSpacingRule());
  rules.push_back(MakeUnbalancedQuoteRule(words));
  std::sort(rules.begin(), rules.end(),
            [](const auto& a, const auto& b) { return a->id() < b->id(); });
  return rules;
}

}  // namespace mtclean::internal
