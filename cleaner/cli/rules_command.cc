// `mtclean rules` lists the active rules; `mtclean explain RULE` shows one.
#include <algorithm>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/cli/commands.h"
#include "cleaner/report/json_report.h"

namespace mtclean::cli {
namespace {

// The engine of the current folder's configuration (or --config).
const Engine* CurrentEngine(EngineSet& engines) {
  absl::StatusOr<EngineSet::Selection> selection = engines.For("-");
  if (!selection.ok()) {
    std::cerr << "mtclean: error: " << selection.status().message() << "\n";
    return nullptr;
  }
  return selection->engine;
}

}  // namespace

int RunRules(EngineSet& engines, const CliOptions& options) {
  const Engine* engine = CurrentEngine(engines);
  if (engine == nullptr) return kExitUsage;
  if (options.format == "json") {
    std::cout << internal::RulesJson(engine->rules());
    return kExitClean;
  }
  for (const RuleDescription& r : engine->rules()) {
    std::cout << r.id << "\t" << SeverityName(r.severity) << "\t"
              << (r.languages.empty() ? "*" : absl::StrJoin(r.languages, ",")) << "\t"
              << (r.fixable ? "fix" : "flag") << "\t" << r.message << "\n";
  }
  return kExitClean;
}

int RunExplain(EngineSet& engines, const CliOptions& options) {
  const Engine* engine = CurrentEngine(engines);
  if (engine == nullptr) return kExitUsage;
  const auto& rules = engine->rules();
  auto it = std::find_if(rules.begin(), rules.end(),
                         [&](const RuleDescription& r) { return r.id == options.rule; });
  if (it == rules.end()) {
    std::cerr << "mtclean: error: unknown rule `" << options.rule
              << "` (see `mtclean rules`)\n";
    return kExitUsage;
  }
  const RuleDescription& r = *it;
  std::cout << r.id << " (" << SeverityName(r.severity) << ", "
            << (r.fixable ? "fixable" : "flag only") << ", languages: "
            << (r.languages.empty() ? "all" : absl::StrJoin(r.languages, ", "))
            << ")\n\n" << r.message << "\n";
  if (!r.description.empty()) std::cout << "\n" << r.description << "\n";
  std::cout << "\nDefined in: " << r.source << "\n";
  for (const RuleExample& ex : r.examples) {
    const std::string language = ex.language.empty() ? "" : absl::StrCat(", ", ex.language);
    if (ex.kind == RuleExample::Kind::kBad && ex.good == ex.text) {
      // A rule that only flags: the example is reported, not changed.
      std::cout << "\nExample (reported, left as it is" << language << "):\n" << ex.text << "\n";
    } else if (ex.kind == RuleExample::Kind::kBad) {
      std::cout << "\nExample (fixed" << language << "):\n" << ex.text << "\nbecomes:\n"
                << ex.good << "\n";
    } else {
      std::cout << "\nExample (left alone" << language << "):\n" << ex.text << "\n";
    }
  }
  return kExitClean;
}

}  // namespace mtclean::cli
