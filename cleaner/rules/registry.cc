#include "cleaner/rules/registry.h"

#include <algorithm>
#include <filesystem>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "cleaner/rules/loader.h"

namespace mtclean::internal {

absl::StatusOr<std::unique_ptr<RuleSet>> RuleSet::Create(const Options& options,
                                                         const std::string& data_dir,
                                                         const WordLists& words) {
  std::unique_ptr<RuleSet> set(new RuleSet());

  absl::StatusOr<std::vector<std::unique_ptr<StructuralRule>>> builtin =
      MakeBuiltinRules(words, options);
  if (!builtin.ok()) return builtin.status();

  std::vector<std::string> paths = {
      (std::filesystem::path(data_dir) / "rules").string()};
  paths.insert(paths.end(), options.rule_paths.begin(), options.rule_paths.end());
  std::vector<std::unique_ptr<DataRule>> loaded;
  for (const std::string& path : paths) {
    absl::StatusOr<std::vector<std::string>> files = FindRuleFiles(path);
    if (!files.ok()) return files.status();
    for (const std::string& file : *files) {
      absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> rules = LoadRuleFile(file);
      if (!rules.ok()) return rules.status();
      for (auto& r : *rules) loaded.push_back(std::move(r));
    }
  }

  // Ids are unique across built-in and loaded rules.
  absl::flat_hash_set<std::string> ids;
  for (const auto& r : *builtin) ids.insert(r->id());
  for (const auto& r : loaded) {
    if (!ids.insert(r->id()).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          r->description().source, ": rule id `", r->id(), "` is defined twice"));
    }
  }
  for (const std::string& wanted : options.only_rules) {
    if (!ids.contains(wanted)) {
      return absl::NotFoundError(absl::StrCat("unknown rule `", wanted, "`"));
    }
  }
  auto active = [&](const Rule& r) {
    // A guessed language is known per document: Check() filters then.
    if (!options.language.empty() && !r.AppliesTo(options.language)) return false;
    return options.only_rules.empty() ||
           std::find(options.only_rules.begin(), options.only_rules.end(), r.id()) !=
               options.only_rules.end();
  };
  for (auto& r : *builtin) {
    if (active(*r)) set->structural_rules_.push_back(std::move(r));
  }
  for (auto& r : loaded) {
    if (active(*r)) set->data_rules_.push_back(std::move(r));
  }

  std::vector<PatternSpec> patterns;
  for (size_t i = 0; i < set->data_rules_.size(); ++i) {
    const auto& rule_patterns = set->data_rules_[i]->patterns();
    for (size_t j = 0; j < rule_patterns.size(); ++j) {
      patterns.push_back(rule_patterns[j]);
      set->pattern_owner_.emplace_back(i, j);
    }
  }
  absl::StatusOr<std::unique_ptr<Scanner>> scanner = Scanner::Compile(patterns, options.cache_dir);
  if (!scanner.ok()) return scanner.status();
  set->scanner_ = std::move(*scanner);

  for (const auto& r : set->structural_rules_) set->descriptions_.push_back(r->description());
  for (const auto& r : set->data_rules_) set->descriptions_.push_back(r->description());
  std::sort(set->descriptions_.begin(), set->descriptions_.end(),
            [](const RuleDescription& a, const RuleDescription& b) { return a.id < b.id; });
  return set;
}

absl::Status RuleSet::Check(const RuleContext& context, std::vector<Finding>* out) const {
  const Document& doc = context.doc;
  std::vector<RawMatch> raw;
  if (absl::Status s = scanner_->Scan(doc.text(), &raw); !s.ok()) return s;

  std::vector<std::vector<RuleMatch>> per_rule(data_rules_.size());
  for (const RawMatch& m : raw) {
    const auto [rule, pattern] = pattern_owner_[m.pattern];
    per_rule[rule].push_back({pattern, m.begin, m.end});
  }
  std::vector<std::vector<Span>> sites(data_rules_.size());
  std::vector<bool> boilerplate_line(doc.lines().size(), false);
  for (size_t i = 0; i < data_rules_.size(); ++i) {
    if (per_rule[i].empty() || !data_rules_[i]->AppliesTo(context.language)) continue;
    const DataRule& rule = *data_rules_[i];
    sites[i] = rule.Locate(doc, std::move(per_rule[i]));
    if (IsLineScope(rule.scope()) && rule.deletes_lines()) {
      for (const Span& s : sites[i]) boilerplate_line[doc.LineIndexAt(s.begin)] = true;
    }
  }
  const BlockPositions positions = ComputeBlockPositions(doc, boilerplate_line);
  for (size_t i = 0; i < data_rules_.size(); ++i) {
    if (!sites[i].empty()) data_rules_[i]->Emit(doc, sites[i], positions, out);
  }
  for (const auto& rule : structural_rules_) {
    if (rule->AppliesTo(context.language)) rule->Check(context, out);
  }
  return absl::OkStatus();
}

}  // namespace mtclean::internal
