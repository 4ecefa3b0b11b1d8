// The table of built-in structural rules: one factory per rule file, listed
// explicitly in builtin_rules.cc (no self-registration).
#ifndef MTCLEAN_RULES_BUILTIN_BUILTIN_RULES_H_
#define MTCLEAN_RULES_BUILTIN_BUILTIN_RULES_H_

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cleaner/dict/word_lists.h"
#include "cleaner/rules/rule.h"
#include "mtclean/options.h"

namespace mtclean::internal {

// Every built-in structural rule, sorted by id. `options` carries the rules'
// settings (Options::delete_untranslated).
absl::StatusOr<std::vector<std::unique_ptr<StructuralRule>>> MakeBuiltinRules(
    const WordLists& words, const Options& options);

// The index of the first block after the headline (block 0) and the blocks
// right after it that repeat it (scrape.duplicate-headline removes those);
// 0 for an empty document.
size_t HeadlineRepeatsEnd(const Document& doc);

// Per line of `doc`: whether one of `findings` deletes it whole (the lines
// the rules before a structural rule already remove).
std::vector<bool> LinesDeletedWhole(const Document& doc, const std::vector<Finding>& findings);

// The alternation of `phrases` as literal text for RE2, `(?:a|b c|...)`;
// one that never matches when there are none (an empty lexicon).
std::string LiteralAlternation(std::span<const std::string> phrases);

// One per file in this folder.
absl::StatusOr<std::unique_ptr<StructuralRule>> MakeAgencyNameRule(const WordLists& words);
std::unique_ptr<StructuralRule> MakeCalqueRule(const WordLists& words);
std::unique_ptr<StructuralRule> MakeUntranslatedRule(const Options& options);
std::unique_ptr<StructuralRule> MakeDuplicateHeadlineRule();
absl::StatusOr<std::unique_ptr<StructuralRule>> MakeDatelineRule(const WordLists& words);
std::unique_ptr<StructuralRule> MakeStrayFragmentRule(const WordLists& words);
std::unique_ptr<StructuralRule> MakeRepeatedBlockRule();
std::unique_ptr<StructuralRule> MakePhotoCreditRule(const WordLists& words);
absl::StatusOr<std::unique_ptr<StructuralRule>> MakeAuthorBoxRule(const WordLists& words);
absl::StatusOr<std::unique_ptr<StructuralRule>> MakeMarkupDebrisRule(const WordLists& words);
std::unique_ptr<StructuralRule> MakePageFurnitureRule();
std::unique_ptr<StructuralRule> MakeMojibakeRule();
std::unique_ptr<StructuralRule> MakeHtmlEntityRule();
std::unique_ptr<StructuralRule> MakeInvisibleRule();
std::unique_ptr<StructuralRule> MakeDoubledWordRule();
std::unique_ptr<StructuralRule> MakeHyphenSplitRule();
std::unique_ptr<StructuralRule> MakeMissingSpaceRule();
std::unique_ptr<StructuralRule> MakeSpacingRule();
std::unique_ptr<StructuralRule> MakeUnbalancedQuoteRule(const WordLists& words);

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_BUILTIN_BUILTIN_RULES_H_
