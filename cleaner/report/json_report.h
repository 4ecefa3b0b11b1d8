// Machine-readable reports: mtclean's own JSON (schema documented in
// docs/report-formats.md, versioned by its `version` field), SARIF 2.1.0,
// GitHub Actions workflow commands, and the JSON list of rules.
#ifndef MTCLEAN_REPORT_JSON_REPORT_H_
#define MTCLEAN_REPORT_JSON_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/report/report.h"
#include "mtclean/engine.h"
#include "nlohmann/json_fwd.hpp"

namespace mtclean::internal {

// The version of the JSON findings schema; raised on any incompatible
// change.
inline constexpr int kJsonReportVersion = 1;

// The JSON findings report of `files`, pretty-printed, ending in "\n".
std::string JsonReport(const std::vector<CheckedFile>& files);

struct JsonReportOptions {
  // Adds `documents`: for each file its path, language, text, the edits
  // `mtclean fix` applies to it and which findings are its own (the data of
  // the HTML review, docs/report-formats.md). Default: false.
  bool documents = false;
};

// The JSON findings report of `files` as a value, for reports that embed it
// (JsonReport is its pretty-printed text).
nlohmann::ordered_json JsonReportValue(const std::vector<CheckedFile>& files,
                                       const JsonReportOptions& options = {});

// The JSON findings report of one document as `mtclean serve` answers it,
// on one line ending in "\n": JsonReport's fields, then `language` (the
// language it was checked as) and, with `with_fix`, `cleaned` (the text
// with the fixes applied) and `edits` (the applied edits, as in a
// finding's fix).
std::string JsonDocumentReport(const CheckedFile& file, bool with_fix);

// The SARIF 2.1.0 log of `files`, with `rules` as the driver's rule
// metadata (a result's rule missing from them is added with its id only).
// URIs are the files' paths, relative to `base_uri` (an absolute `file://`
// URI of the current folder ending in `/`), given as %SRCROOT%.
std::string SarifReport(const std::vector<CheckedFile>& files,
                        const std::vector<RuleDescription>& rules, std::string_view base_uri);

// GitHub Actions workflow commands, one line per finding:
// `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`
// (`warning` and `notice` for the other severities), escaped as the
// Actions toolkit does.
std::string GithubReport(const CheckedFile& file);

// The rules as JSON: {"schema": "mtclean-rules", "version": 1, "rules": [...]}.
std::string RulesJson(const std::vector<RuleDescription>& rules);

// `path` as a relative URI reference: each byte outside the unreserved
// characters and `/` percent-encoded.
std::string PathToUri(std::string_view path);

}  // namespace mtclean::internal

#endif  // MTCLEAN_REPORT_JSON_REPORT_H_
