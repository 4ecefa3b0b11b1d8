// CorpusStats: merging, and the `--stats` JSON both ways.
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "mtclean/corpus.h"
#include "nlohmann/json.hpp"

namespace mtclean {
namespace {

using nlohmann::ordered_json;

constexpr char kSchema[] = "mtclean-corpus-stats";
constexpr int kVersion = 1;

// Reads the unsigned integer `object[key]` into `*out`; false (and the
// reason in `*error`) when it is missing or not one. Every access is
// checked first: nlohmann::json throws on a wrong type, and the library
// does not.
bool ReadCount(const ordered_json& object, const std::string& key, const std::string& where,
               uint64_t* out, std::string* error) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_unsigned()) {
    *error = absl::StrCat(where, "`", key, "` is not a count");
    return false;
  }
  *out = it->get<uint64_t>();
  return true;
}

}  // namespace

void CorpusStats::AddDocument(std::string_view text, const Result& result,
                              std::optional<Severity> fail_on) {
  ++documents;
  text_bytes += text.size();
  text_bytes_out += result.cleaned.size();
  if (!result.edits.empty()) ++documents_changed;
  if (!result.findings.empty()) ++documents_with_findings;
  for (const Finding& f : result.findings) {
    RuleStats& counts = rules[f.rule_id];
    ++counts.findings;
    if (fail_on && f.severity >= *fail_on) ++failing;
    if (!f.fixed) continue;
    ++counts.fixed;
    for (const Edit& e : f.edits) counts.bytes_removed += e.end - e.begin;
  }
}

void CorpusStats::Merge(const CorpusStats& other) {
  documents += other.documents;
  documents_with_findings += other.documents_with_findings;
  documents_changed += other.documents_changed;
  bad_records += other.bad_records;
  bytes += other.bytes;
  text_bytes += other.text_bytes;
  text_bytes_out += other.text_bytes_out;
  failing += other.failing;
  for (const auto& [id, counts] : other.rules) {
    RuleStats& r = rules[id];
    r.findings += counts.findings;
    r.fixed += counts.fixed;
    r.bytes_removed += counts.bytes_removed;
  }
}

std::string CorpusStatsJson(const CorpusStats& stats, const CorpusRunInfo& run) {
  ordered_json rules = ordered_json::object();
  for (const auto& [id, c] : stats.rules) {
    rules[id] = {{"findings", c.findings}, {"fixed", c.fixed}, {"bytes_removed", c.bytes_removed}};
  }
  const double mb = static_cast<double>(stats.bytes) / 1e6;
  ordered_json json = {
      {"schema", kSchema},
      {"version", kVersion},
      {"inputs", run.inputs},
      {"jobs", run.jobs},
      {"documents", stats.documents},
      {"documents_with_findings", stats.documents_with_findings},
      {"documents_changed", stats.documents_changed},
      {"bad_records", stats.bad_records},
      {"bytes", stats.bytes},
      {"text_bytes", stats.text_bytes},
      {"text_bytes_out", stats.text_bytes_out},
      {"seconds", run.seconds},
      {"mb_per_s", run.seconds > 0 ? mb / run.seconds : 0.0},
      {"rules", std::move(rules)},
  };
  return json.dump(2) + "\n";
}

absl::StatusOr<CorpusStats> ParseCorpusStats(std::string_view text) {
  const ordered_json json = ordered_json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return absl::InvalidArgumentError("corpus stats: not a JSON object");
  }
  const auto schema = json.find("schema");
  const auto version = json.find("version");
  if (schema == json.end() || *schema != kSchema || version == json.end() || *version != kVersion) {
    return absl::InvalidArgumentError(
        absl::StrCat("corpus stats: not ", kSchema, " version ", kVersion));
  }
  CorpusStats stats;
  std::string error;
  const std::string top = "corpus stats: ";
  if (!ReadCount(json, "documents", top, &stats.documents, &error) ||
      !ReadCount(json, "documents_with_findings", top, &stats.documents_with_findings, &error) ||
      !ReadCount(json, "documents_changed", top, &stats.documents_changed, &error) ||
      !ReadCount(json, "bad_records", top, &stats.bad_records, &error) ||
      !ReadCount(json, "bytes", top, &stats.bytes, &error) ||
      !ReadCount(json, "text_bytes", top, &stats.text_bytes, &error) ||
      !ReadCount(json, "text_bytes_out", top, &stats.text_bytes_out, &error)) {
    return absl::InvalidArgumentError(error);
  }
  const auto rules = json.find("rules");
  if (rules == json.end() || !rules->is_object()) {
    return absl::InvalidArgumentError("corpus stats: `rules` is not an object");
  }
  for (const auto& item : rules->items()) {
    const std::string& id = item.key();
    const ordered_json& counts = item.value();
    const std::string where = absl::StrCat(top, "rule `", id, "`: ");
    if (!counts.is_object()) return absl::InvalidArgumentError(absl::StrCat(where, "not an object"));
    RuleStats& r = stats.rules[id];
    if (!ReadCount(counts, "findings", where, &r.findings, &error) ||
        !ReadCount(counts, "fixed", where, &r.fixed, &error) ||
        !ReadCount(counts, "bytes_removed", where, &r.bytes_removed, &error)) {
      return absl::InvalidArgumentError(error);
    }
  }
  return stats;
}

}  // namespace mtclean
