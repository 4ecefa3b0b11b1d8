#include "cleaner/rules/rule_pattern.h"

#include <algorithm>

namespace mtclean::internal {

bool IsRuleGlob(std::string_view pattern) {
  return pattern.find_first_of("*?") != std::string_view::npos;
}

bool RulePatternMatches(std::string_view pattern, std::string_view id) {
  // The classic wildcard walk: on a mismatch, let the last `*` take one more
  // character. Linear in practice for the short strings of rule ids.
  size_t p = 0, s = 0;
  size_t star = std::string_view::npos, star_s = 0;
  while (s < id.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == id[s])) {
      ++p;
      ++s;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_s = s;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

size_t RulePatternSpecificity(std::string_view pattern) {
  if (!IsRuleGlob(pattern)) return static_cast<size_t>(-1);
  return static_cast<size_t>(
      std::count_if(pattern.begin(), pattern.end(), [](char c) { return c != '*' && c != '?'; }));
}

}  // namespace mtclean::internal
