// Loads data rules from YAML rule files (the format is documented in
// rules/README.md). This is the only user of yaml-cpp.
#ifndef MTCLEAN_RULES_LOADER_H_
#define MTCLEAN_RULES_LOADER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "cleaner/rules/data_rule.h"

namespace mtclean::internal {

// Limits that keep a mistaken or hostile rule file from making start-up slow
// (compiling patterns costs more than linear time in their number) or
// memory-hungry. The built-in packs use a fraction of each.
inline constexpr size_t kMaxRuleFileBytes = 1 << 20;
inline constexpr size_t kMaxPatternsPerFile = 1000;
inline constexpr size_t kMaxPatternBytes = 1000;
// All data rules together, built-in and loaded.
inline constexpr size_t kMaxDataPatterns = 3000;

// Parses the rules in `yaml` (one rule or a list of rules). `source` names
// the file in errors and in RuleDescription::source. Error: InvalidArgument
// "SOURCE:LINE:COLUMN: what is wrong" (1-based line and column); a file over
// the limits above is refused the same way.
absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> ParseRules(
    std::string_view yaml, std::string_view source);

// Reads and parses one rule file. Error: NotFound when it cannot be read.
absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> LoadRuleFile(
    const std::string& path);

// Every *.yaml / *.yml file under `path` (a folder, walked recursively in
// sorted order, or a single file). Error: NotFound when `path` is missing.
absl::StatusOr<std::vector<std::string>> FindRuleFiles(const std::string& path);

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_LOADER_H_
