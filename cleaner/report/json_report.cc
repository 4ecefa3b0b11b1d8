#include "cleaner/report/json_report.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cleaner/report/text_report.h"
#include "nlohmann/json.hpp"

#ifndef MTCLEAN_VERSION
#define MTCLEAN_VERSION "0.0.0"
#endif

namespace mtclean::internal {
namespace {

using nlohmann::ordered_json;

std::string Dump(const ordered_json& j) {
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string_view SarifLevel(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "warning";
}

ordered_json EditsJson(const std::vector<Edit>& edits) {
  ordered_json out = ordered_json::array();
  for (const Edit& e : edits) {
    out.push_back({{"byte_begin", e.begin}, {"byte_end", e.end}, {"replacement", e.replacement}});
  }
  return out;
}

// An Actions command property value or message, escaped as the toolkit's
// command.ts does.
std::string EscapeGithub(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string FixDescription(const Finding& f) {
  const bool deletes = std::all_of(f.edits.begin(), f.edits.end(),
                                   [](const Edit& e) { return e.replacement.empty(); });
  return deletes ? absl::StrCat("Delete it (", f.rule_id, ")")
                 : absl::StrCat("Rewrite it (", f.rule_id, ")");
}

}  // namespace

std::string PathToUri(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out += absl::StrFormat("%%%02X", c);
    }
  }
  return out;
}

ordered_json JsonReportValue(const std::vector<CheckedFile>& files,
                             const JsonReportOptions& options) {
  ordered_json findings = ordered_json::array();
  ordered_json documents = ordered_json::array();
  size_t counts[3] = {0, 0, 0};
  for (const CheckedFile& file : files) {
    const LineIndex index(file.text);
    const size_t first_finding = findings.size();
    for (const Finding& f : file.result->findings) {
      const LineIndex::Position b = index.At(f.begin);
      const LineIndex::Position e = index.At(f.end);
      ordered_json item = {
          {"file", file.path},       {"rule", f.rule_id},
          {"severity", std::string(SeverityName(f.severity))},
          {"message", f.message},    {"line", b.line},
          {"column", b.column},      {"end_line", e.line},
          {"end_column", e.column},  {"byte_begin", f.begin},
          {"byte_end", f.end},
      };
      if (f.has_fix()) {
        item["fix"] = {{"applied", f.fixed}, {"edits", EditsJson(f.edits)}};
      } else {
        item["fix"] = nullptr;
      }
      findings.push_back(std::move(item));
      ++counts[static_cast<int>(f.severity)];
    }
    if (options.documents) {
      documents.push_back({{"file", file.path},
                           {"language", file.result->language},
                           {"bytes", file.text.size()},
                           {"first_finding", first_finding},
                           {"finding_count", findings.size() - first_finding},
                           {"edits", EditsJson(file.result->edits)},
                           {"text", file.text}});
    }
  }
  ordered_json report = {
      {"schema", "mtclean-findings"},
      {"version", kJsonReportVersion},
      {"tool", {{"name", "mtclean"}, {"version", MTCLEAN_VERSION}}},
      {"findings", std::move(findings)},
      {"summary",
       {{"files", files.size()},
        {"errors", counts[static_cast<int>(Severity::kError)]},
        {"warnings", counts[static_cast<int>(Severity::kWarning)]},
        {"infos", counts[static_cast<int>(Severity::kInfo)]}}},
  };
  if (options.documents) report["documents"] = std::move(documents);
  return report;
}

std::string JsonReport(const std::vector<CheckedFile>& files) {
  return Dump(JsonReportValue(files));
}

std::string JsonDocumentReport(const CheckedFile& file, bool with_fix) {
  ordered_json report = JsonReportValue({file});
  report["language"] = file.result->language;
  if (with_fix) {
    report["cleaned"] = file.result->cleaned;
    report["edits"] = EditsJson(file.result->edits);
  }
  return report.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string SarifReport(const std::vector<CheckedFile>& files,
                        const std::vector<RuleDescription>& rules, std::string_view base_uri) {
  // The driver's rules: the given ones, plus any a result names that is
  // missing from them, in id order.
  std::map<std::string, const RuleDescription*> by_id;
  for (const RuleDescription& r : rules) by_id.emplace(r.id, &r);
  std::vector<RuleDescription> extra;
  for (const CheckedFile& file : files) {
    for (const Finding& f : file.result->findings) {
      if (by_id.contains(f.rule_id)) continue;
      RuleDescription d;
      d.id = f.rule_id;
      d.severity = f.severity;
      d.message = f.message;
      extra.push_back(std::move(d));
      by_id.emplace(f.rule_id, nullptr);
    }
  }
  for (const RuleDescription& d : extra) by_id[d.id] = &d;
  ordered_json driver_rules = ordered_json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& [id, r] : by_id) {
    rule_index[id] = driver_rules.size();
    ordered_json rule = {
        {"id", r->id},
        {"shortDescription", {{"text", r->message}}},
        {"fullDescription", {{"text", r->description.empty() ? r->message : r->description}}},
        {"defaultConfiguration", {{"level", std::string(SarifLevel(r->severity))}}},
        {"help", {{"text", absl::StrCat("Run `mtclean explain ", r->id, "` for examples.")}}},
        {"properties",
         {{"fixable", r->fixable},
          {"languages", r->languages},
          {"source", r->source}}},
    };
    driver_rules.push_back(std::move(rule));
  }

  ordered_json results = ordered_json::array();
  for (const CheckedFile& file : files) {
    const LineIndex index(file.text);
    const ordered_json artifact = {{"uri", PathToUri(file.path)}, {"uriBaseId", "%SRCROOT%"}};
    for (const Finding& f : file.result->findings) {
      const LineIndex::Position b = index.At(f.begin);
      const LineIndex::Position e = index.At(f.end);
      ordered_json region = {{"startLine", b.line},       {"startColumn", b.column},
                             {"endLine", e.line},         {"endColumn", e.column},
                             {"byteOffset", f.begin},     {"byteLength", f.end - f.begin}};
      ordered_json result = {
          {"ruleId", f.rule_id},
          {"ruleIndex", rule_index[f.rule_id]},
          {"level", std::string(SarifLevel(f.severity))},
          {"message", {{"text", f.message}}},
          {"locations",
           ordered_json::array({{{"physicalLocation",
                                  {{"artifactLocation", artifact}, {"region", region}}}}})},
      };
      if (f.fixed && !f.edits.empty()) {
        ordered_json replacements = ordered_json::array();
        for (const Edit& edit : f.edits) {
          ordered_json replacement = {
              {"deletedRegion", {{"byteOffset", edit.begin}, {"byteLength", edit.end - edit.begin}}}};
          if (!edit.replacement.empty()) {
            replacement["insertedContent"] = {{"text", edit.replacement}};
          }
          replacements.push_back(std::move(replacement));
        }
        result["fixes"] = ordered_json::array(
            {{{"description", {{"text", FixDescription(f)}}},
              {"artifactChanges",
               ordered_json::array({{{"artifactLocation", artifact},
                                     {"replacements", std::move(replacements)}}})}}});
      }
      results.push_back(std::move(result));
    }
  }

  ordered_json run = {
      {"tool",
       {{"driver",
         {{"name", "mtclean"},
          {"version", MTCLEAN_VERSION},
          {"semanticVersion", MTCLEAN_VERSION},
          {"rules", std::move(driver_rules)}}}}},
      {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", std::string(base_uri)}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(results)},
  };
  ordered_json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", ordered_json::array({std::move(run)})},
  };
  return Dump(log);
}

std::string GithubReport(const CheckedFile& file) {
  const LineIndex index(file.text);
  std::string out;
  for (const Finding& f : file.result->findings) {
    const LineIndex::Position b = index.At(f.begin);
    const LineIndex::Position e = index.At(f.end);
    const std::string_view command = f.severity == Severity::kError     ? "error"
                                     : f.severity == Severity::kWarning ? "warning"
                                                                        : "notice";
    absl::StrAppend(&out, "::", std::string(command), " file=", EscapeGithub(file.path, true),
                    ",line=", b.line, ",col=", b.column, ",endLine=", e.line,
                    ",endColumn=", e.column, ",title=", EscapeGithub(f.rule_id, true),
                    "::", EscapeGithub(f.message, false), "\n");
  }
  return out;
}

std::string RulesJson(const std::vector<RuleDescription>& rules) {
  ordered_json list = ordered_json::array();
  for (const RuleDescription& r : rules) {
    list.push_back({{"id", r.id},
                    {"severity", std::string(SeverityName(r.severity))},
                    {"languages", r.languages},
                    {"fixable", r.fixable},
                    {"description", r.message},
                    {"source", r.source}});
  }
  return Dump({{"schema", "mtclean-rules"}, {"version", 1}, {"rules", std::move(list)}});
}

}  // namespace mtclean::internal
