#include "cleaner/rules/registry.h"

#include <algorithm>
#include <filesystem>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "cleaner/rules/loader.h"
#include "cleaner/rules/rule_pattern.h"

namespace mtclean::internal {
namespace {

// "ORIGIN: message", or the message alone for a value without an origin.
absl::Status ConfigError(absl::StatusCode code, const Located& where, absl::string_view message) {
  return absl::Status(code, where.origin.empty()
                                ? std::string(message)
                                : absl::StrCat(where.origin, ": ", message));
}

std::string_view Family(std::string_view id) { return id.substr(0, id.find('.')); }

// The most specific of `patterns` (as read by `get`) that matches `id`, or
// nullptr. At equal specificity the later one, or the one `prefer` picks.
template <typename T, typename Get, typename Prefer>
const T* MostSpecific(const std::vector<T>& patterns, std::string_view id, Get get,
                      Prefer prefer) {
  const T* best = nullptr;
  size_t best_rank = 0;
  for (const T& p : patterns) {
    const std::string& pattern = get(p);
    if (!RulePatternMatches(pattern, id)) continue;
    const size_t rank = RulePatternSpecificity(pattern);
    if (best == nullptr || rank > best_rank || (rank == best_rank && prefer(p, *best))) {
      best = &p;
      best_rank = rank;
    }
  }
  return best;
}

// Checks that `pattern` names a rule among `ids`.
absl::Status CheckPattern(const Located& pattern, const std::vector<std::string>& ids) {
  if (!IsRuleGlob(pattern.value)) {
    if (std::find(ids.begin(), ids.end(), pattern.value) == ids.end()) {
      return ConfigError(absl::StatusCode::kInvalidArgument, pattern,
                         absl::StrCat("unknown rule `", pattern.value, "` (see `mtclean rules`)"));
    }
    return absl::OkStatus();
  }
  for (const std::string& id : ids) {
    if (RulePatternMatches(pattern.value, id)) return absl::OkStatus();
  }
  return ConfigError(absl::StatusCode::kInvalidArgument, pattern,
                     absl::StrCat("`", pattern.value, "` matches no rule"));
}

}  // namespace

absl::StatusOr<std::unique_ptr<RuleSet>> RuleSet::Create(const Options& options,
                                                         const std::string& data_dir,
                                                         const WordLists& words) {
  std::unique_ptr<RuleSet> set(new RuleSet());

  absl::StatusOr<std::vector<std::unique_ptr<StructuralRule>>> builtin =
      MakeBuiltinRules(words, options);
  if (!builtin.ok()) return builtin.status();

  const std::filesystem::path builtin_dir = std::filesystem::path(data_dir) / "rules";
  std::vector<std::string> paths;
  if (!options.builtin_packs) {
    paths.push_back(builtin_dir.string());
  } else {
    // A pack is a family: its folder under rules/ and its structural rules.
    std::vector<std::string> known;
    for (const auto& r : *builtin) known.emplace_back(Family(r->id()));
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(builtin_dir, ec)) {
      if (entry.is_directory(ec)) known.push_back(entry.path().filename().string());
    }
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    for (const Located& pack : *options.builtin_packs) {
      if (std::find(known.begin(), known.end(), pack.value) == known.end()) {
        return ConfigError(absl::StatusCode::kInvalidArgument, pack,
                           absl::StrCat("unknown built-in rule pack `", pack.value,
                                        "` (built-in packs: ", absl::StrJoin(known, ", "), ")"));
      }
      if (std::filesystem::is_directory(builtin_dir / pack.value)) {
        paths.push_back((builtin_dir / pack.value).string());
      }
    }
    auto unlisted = [&](const std::unique_ptr<StructuralRule>& r) {
      const std::string_view family = Family(r->id());
      return std::none_of(options.builtin_packs->begin(), options.builtin_packs->end(),
                          [&](const Located& p) { return p.value == family; });
    };
    builtin->erase(std::remove_if(builtin->begin(), builtin->end(), unlisted), builtin->end());
  }
  paths.insert(paths.end(), options.rule_paths.begin(), options.rule_paths.end());
  std::vector<std::unique_ptr<DataRule>> loaded;
  size_t loaded_patterns = 0;
  for (const std::string& path : paths) {
    absl::StatusOr<std::vector<std::string>> files = FindRuleFiles(path);
    if (!files.ok()) return files.status();
    for (const std::string& file : *files) {
      absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> rules = LoadRuleFile(file);
      if (!rules.ok()) return rules.status();
      for (auto& r : *rules) {
        loaded_patterns += r->patterns().size();
        loaded.push_back(std::move(r));
      }
      if (loaded_patterns > kMaxDataPatterns) {
        return absl::InvalidArgumentError(absl::StrCat(
            file, ": the rule files together hold more than ", kMaxDataPatterns,
            " phrases and patterns"));
      }
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
  std::vector<std::string> sorted_ids(ids.begin(), ids.end());
  std::sort(sorted_ids.begin(), sorted_ids.end());
  for (const RuleSelector& s : options.selectors) {
    if (absl::Status st = CheckPattern(s.pattern, sorted_ids); !st.ok()) return st;
  }
  for (const SeverityOverride& o : options.severities) {
    if (absl::Status st = CheckPattern(o.pattern, sorted_ids); !st.ok()) return st;
  }
  auto selected = [&](const std::string& id) {
    const RuleSelector* s = MostSpecific(
        options.selectors, id, [](const RuleSelector& s) -> const std::string& { return s.pattern.value; },
        [](const RuleSelector& a, const RuleSelector& b) { return !a.enable || b.enable; });
    return s == nullptr || s->enable;
  };
  auto active = [&](const Rule& r) {
    // A guessed language is known per document: Check() filters then.
    if (!options.language.empty() && !r.AppliesTo(options.language)) return false;
    if (!selected(r.id())) return false;
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
  set->first_structural_pattern_ = patterns.size();
  for (size_t i = 0; i < set->structural_rules_.size(); ++i) {
    const std::vector<PatternSpec> rule_patterns = set->structural_rules_[i]->CandidatePatterns();
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
  for (RuleDescription& d : set->descriptions_) {
    const SeverityOverride* o = MostSpecific(
        options.severities, d.id,
        [](const SeverityOverride& o) -> const std::string& { return o.pattern.value; },
        [](const SeverityOverride&, const SeverityOverride&) { return true; });
    if (o != nullptr && o->severity != d.severity) {
      d.severity = o->severity;
      set->severity_overrides_[d.id] = o->severity;
    }
  }
  std::sort(set->descriptions_.begin(), set->descriptions_.end(),
            [](const RuleDescription& a, const RuleDescription& b) { return a.id < b.id; });
  return set;
}

namespace {

// Bytes of each line covered by the (possibly overlapping) `spans`.
std::vector<size_t> CoveredBytesPerLine(const Document& doc, std::vector<Span> spans) {
  std::vector<size_t> covered(doc.lines().size(), 0);
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  size_t reached = 0;  // spans are merged: count each byte once
  for (const Span& s : spans) {
    size_t begin = std::max(s.begin, reached);
    if (begin >= s.end) continue;
    reached = s.end;
    for (size_t line = doc.LineIndexAt(begin); begin < s.end; ++line) {
      const Line& l = doc.lines()[line];
      const size_t end = std::min(s.end, l.end);
      if (end > begin) covered[line] += end - begin;
      if (line + 1 >= doc.lines().size()) break;
      begin = std::max(begin, l.next);
    }
  }
  return covered;
}

}  // namespace

absl::Status RuleSet::Check(const RuleContext& context, std::vector<Finding>* out,
                            Wanted wanted) const {
  const Document& doc = context.doc;
  const size_t first_finding = out->size();
  std::vector<RawMatch> raw;
  if (absl::Status s = scanner_->Scan(doc.text(), &raw); !s.ok()) return s;

  std::vector<std::vector<RuleMatch>> per_rule(data_rules_.size());
  std::vector<std::vector<RuleMatch>> candidates(structural_rules_.size());
  for (const RawMatch& m : raw) {
    const auto [rule, pattern] = pattern_owner_[m.pattern];
    if (m.pattern < first_structural_pattern_) {
      per_rule[rule].push_back({pattern, m.begin, m.end});
    } else {
      candidates[rule].push_back({pattern, m.begin, m.end});
    }
  }
  // Evidence for the positions: the lines line rules delete whole, and the
  // boilerplate vocabulary (every match of a deleting rule) in each line.
  std::vector<std::vector<Site>> sites(data_rules_.size());
  std::vector<bool> boilerplate_line(doc.lines().size(), false);
  std::vector<Span> vocabulary;
  for (size_t i = 0; i < data_rules_.size(); ++i) {
    if (per_rule[i].empty() || !data_rules_[i]->AppliesTo(context.language)) continue;
    const DataRule& rule = *data_rules_[i];
    sites[i] = rule.Locate(doc, std::move(per_rule[i]), rule.deletes() ? &vocabulary : nullptr);
    if (IsLineScope(rule.scope()) && rule.deletes_lines()) {
      for (const Site& s : sites[i]) boilerplate_line[doc.LineIndexAt(s.begin)] = true;
    }
  }
  BlockPositions positions(doc, std::move(boilerplate_line),
                           CoveredBytesPerLine(doc, std::move(vocabulary)));
  positions.SetLanguage(&context.profiles, context.profiles.IndexOf(context.language));

  // Structural rules see the data rules' evidence; the lines they delete
  // then count as boilerplate for the data rules' position filters, so one
  // round sees what the next would.
  RuleContext structural = context;
  structural.positions = &positions;
  const size_t first_structural = out->size();
  for (size_t i = 0; i < structural_rules_.size(); ++i) {
    if (!structural_rules_[i]->AppliesTo(context.language)) continue;
    // A rule that never fixes reports nothing that bears on the others
    // (its findings delete no lines) and nothing a later round keeps.
    if (wanted == Wanted::kFixes && !structural_rules_[i]->description().fixable) continue;
    if (structural_rules_[i]->JudgesPage()) continue;  // after the others, below
    std::vector<RuleMatch>& rule_candidates = candidates[i];
    structural_rules_[i]->FindCandidates(doc.text(), &rule_candidates);
    std::sort(rule_candidates.begin(), rule_candidates.end(),
              [](const RuleMatch& a, const RuleMatch& b) {
                return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
              });
    structural.candidates = rule_candidates;
    structural_rules_[i]->Check(structural, out);
  }
  structural.candidates = {};
  bool marked = false;
  for (size_t k = first_structural; k < out->size(); ++k) {
    const Finding& f = (*out)[k];
    if (!f.delete_lines) continue;
    positions.MarkBoilerplate(doc.LineIndexAt(f.begin),
                              doc.LineIndexAt(f.end > f.begin ? f.end - 1 : f.end));
    marked = true;
  }
  if (marked) positions.Recount(doc);

  for (size_t i = 0; i < data_rules_.size(); ++i) {
    if (!sites[i].empty()) data_rules_[i]->Emit(doc, sites[i], positions, out);
  }
  // Rules that judge the page see what every other rule deletes.
  for (const auto& rule : structural_rules_) {
    if (!rule->JudgesPage() || !rule->AppliesTo(context.language)) continue;
    if (wanted == Wanted::kFixes && !rule->description().fixable) continue;
    rule->Check(structural, out);
  }
  if (!severity_overrides_.empty()) {
    for (size_t i = first_finding; i < out->size(); ++i) {
      auto it = severity_overrides_.find((*out)[i].rule_id);
      if (it != severity_overrides_.end()) (*out)[i].severity = it->second;
    }
  }
  return absl::OkStatus();
}

}  // namespace mtclean::internal
