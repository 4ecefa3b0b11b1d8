// `mtclean check PATH...`: report findings; no file is changed.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "cleaner/cli/commands.h"
#include "cleaner/cli/inputs.h"
#include "cleaner/report/text_report.h"

namespace mtclean::cli {

int RunCheck(const Engine& engine, const CliOptions& options) {
  std::optional<Severity> threshold;
  if (options.fail_on != "never") threshold = ParseSeverity(options.fail_on);
  bool input_error = false;
  bool failing = false;
  size_t total = 0, files_with_findings = 0;
  for (const Input& input : ExpandInputs(options.paths)) {
    const std::string shown = input.path == "-" ? "<stdin>" : input.path;
    absl::StatusOr<std::string> text = ReadInput(input.path);
    if (!text.ok()) {
      std::cerr << "mtclean: error: " << text.status().message() << "\n";
      input_error = true;
      continue;
    }
    absl::StatusOr<Result> result = engine.Clean(shown, *text);
    if (!result.ok()) {
      std::cerr << "mtclean: error: " << result.status().message() << "\n";
      input_error = true;
      continue;
    }
    const internal::LineIndex index(*text);
    for (const Finding& f : result->findings) {
      std::cout << internal::FormatFindingText(shown, index, f);
      if (threshold && f.severity >= *threshold) failing = true;
    }
    total += result->findings.size();
    if (!result->findings.empty()) ++files_with_findings;
  }
  std::cout.flush();
  if (total > 0) {
    std::cerr << "mtclean: " << total << (total == 1 ? " finding" : " findings") << " in "
              << files_with_findings << (files_with_findings == 1 ? " file" : " files") << "\n";
  }
  if (input_error) return kExitInputError;
  return failing ? kExitFindings : kExitClean;
}

}  // namespace mtclean::cli
