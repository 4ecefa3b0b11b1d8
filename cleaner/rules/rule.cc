#include "cleaner/rules/rule.h"

#include <algorithm>

namespace mtclean {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

namespace internal {

bool Rule::AppliesTo(std::string_view language) const {
  const auto& langs = description_.languages;
  return langs.empty() || std::find(langs.begin(), langs.end(), language) != langs.end();
}

Finding Rule::MakeFinding(size_t begin, size_t end) const {
  Finding f;
  f.rule_id = description_.id;
  f.severity = description_.severity;
  f.message = description_.message;
  f.begin = begin;
  f.end = end;
  return f;
}

}  // namespace internal
}  // namespace mtclean
