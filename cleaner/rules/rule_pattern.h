// Rule patterns: a rule id (`scrape.comment-form`) or a glob over ids
// (`scrape.*`, `*.dateline`), as configurations and suppression comments
// name rules. `*` matches any run of characters, `?` one character.
#ifndef MTCLEAN_RULES_RULE_PATTERN_H_
#define MTCLEAN_RULES_RULE_PATTERN_H_

#include <string_view>

namespace mtclean::internal {

// True when `pattern` holds `*` or `?`.
bool IsRuleGlob(std::string_view pattern);

// True when `pattern` matches the whole of `id`.
bool RulePatternMatches(std::string_view pattern, std::string_view id);

// How specific a pattern is, for deciding between patterns that match the
// same rule: an exact id beats any glob, and a glob with more literal
// characters beats one with fewer.
size_t RulePatternSpecificity(std::string_view pattern);

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_RULE_PATTERN_H_
