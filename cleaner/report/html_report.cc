#include "cleaner/report/html_report.h"

#include <algorithm>
#include <utility>

#include "cleaner/eval/eval_report.h"
#include "cleaner/report/json_report.h"
#include "nlohmann/json.hpp"

namespace mtclean::internal {
namespace {

using nlohmann::ordered_json;

std::string_view KindName(ReviewKind kind) {
  switch (kind) {
    case ReviewKind::kCheck:
      return "check";
    case ReviewKind::kFix:
      return "fix";
    case ReviewKind::kEval:
      return "eval";
  }
  return "check";
}

}  // namespace

std::string ReviewDataJson(const ReviewData& data) {
  ordered_json j = JsonReportValue(data.files, JsonReportOptions{.documents = true});
  j["review"] = {{"command", std::string(KindName(data.kind))}};
  if (data.kind == ReviewKind::kEval && data.evaluation != nullptr) {
    j["evaluation"] = EvalJsonValue(*data.evaluation, /*per_document=*/false);
    ordered_json& documents = j["documents"];
    for (size_t i = 0; i < data.evaluations.size() && i < documents.size(); ++i) {
      documents[i]["evaluation"] = DocEvaluationJson(*data.evaluations[i]);
      documents[i]["gold_diff"] = data.evaluations[i]->diff;
    }
  }
  // Invalid UTF-8 cannot reach here (the engine refuses it), but a report
  // must not fail on it: it is replaced.
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string EscapeJsonForScript(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && json.substr(i, 3) == "\xE2\x80\xA8") {
      out += "\\u2028";
      i += 2;
    } else if (c == '\xE2' && json.substr(i, 3) == "\xE2\x80\xA9") {
      out += "\\u2029";
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string RenderHtmlReport(const ReviewData& data) {
  const std::string json = EscapeJsonForScript(ReviewDataJson(data));
  const std::pair<std::string_view, std::string_view> fill[] = {
      {"@MTCLEAN_STYLE@", ReviewStyleSheet()},
      {"@MTCLEAN_SCRIPT@", ReviewScript()},
      {"@MTCLEAN_DATA@", json}};
  // One pass over the template, so that nothing filled in is searched for
  // markers again.
  const std::string_view page = ReviewPageTemplate();
  std::string out;
  out.reserve(page.size() + json.size() + ReviewStyleSheet().size() + ReviewScript().size());
  size_t pos = 0;
  while (pos < page.size()) {
    const size_t at = page.find("@MTCLEAN_", pos);
    if (at == std::string_view::npos) break;
    out.append(page.substr(pos, at - pos));
    pos = at;
    for (const auto& [marker, value] : fill) {
      if (page.substr(at, marker.size()) == marker) {
        out.append(value);
        pos = at + marker.size();
        break;
      }
    }
    if (pos == at) {  // not one of ours: kept as it is
      out.push_back(page[at]);
      ++pos;
    }
  }
  out.append(page.substr(std::min(pos, page.size())));
  return out;
}

}  // namespace mtclean::internal
