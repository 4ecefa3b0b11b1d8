// The registry: every active rule, built-in and loaded from YAML, and the one
// multi-pattern database of all data-rule patterns.
//
// Immutable after Create() and safe to share between threads.
#ifndef MTCLEAN_RULES_REGISTRY_H_
#define MTCLEAN_RULES_REGISTRY_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "cleaner/match/scanner.h"
#include "cleaner/rules/data_rule.h"
#include "cleaner/rules/rule.h"
#include "mtclean/options.h"

namespace mtclean::internal {

class RuleSet {
 public:
  // Loads the built-in structural rules and YAML packs under
  // `data_dir/rules` (those of `options.builtin_packs`, or all) and
  // `options.rule_paths`, keeps those that apply to `options.language` (all
  // of them when it is empty: the language is then known per document, and
  // Check() runs only the rules that apply to `context.language`), that
  // `options.selectors` leave on (and `options.only_rules`), applies
  // `options.severities`, and compiles the scanner. `words` are the word
  // lists the structural rules are built from (the agencies). Errors:
  // InvalidArgument for malformed rules, duplicate ids, an unknown pack, or
  // a selector or severity naming no rule (with the setting's origin);
  // NotFound for a missing rule path or unknown id in `only_rules`.
  static absl::StatusOr<std::unique_ptr<RuleSet>> Create(
      const Options& options, const std::string& data_dir, const WordLists& words);

  // Which findings a Check() is for.
  enum class Wanted {
    kAll,
    // Only those that may carry a fix: rules that never fix are skipped
    // (the engine's later rounds, which keep only what they fix).
    kFixes,
  };
  // Runs every rule over `doc`, appending findings (unsorted) to `out`.
  absl::Status Check(const RuleContext& context, std::vector<Finding>* out,
                     Wanted wanted = Wanted::kAll) const;

  // The active rules' metadata, sorted by id.
  const std::vector<RuleDescription>& descriptions() const { return descriptions_; }
  const std::vector<std::unique_ptr<DataRule>>& data_rules() const { return data_rules_; }

 private:
  RuleSet() = default;

  std::vector<std::unique_ptr<DataRule>> data_rules_;
  std::vector<std::unique_ptr<StructuralRule>> structural_rules_;
  std::unique_ptr<Scanner> scanner_;
  // For each scanner pattern below first_structural_pattern_: (index into
  // data_rules_, pattern index in it); from there on, structural rules'
  // candidate patterns: (index into structural_rules_, pattern index).
  std::vector<std::pair<size_t, size_t>> pattern_owner_;
  size_t first_structural_pattern_ = 0;
  std::vector<RuleDescription> descriptions_;
  absl::flat_hash_map<std::string, Severity> severity_overrides_;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_REGISTRY_H_
