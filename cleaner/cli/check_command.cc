// `mtclean check PATH...`: report findings; no file is changed.
#include <unistd.h>

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "cleaner/cli/commands.h"
#include "cleaner/cli/inputs.h"
#include "cleaner/report/diff.h"
#include "cleaner/report/html_report.h"
#include "cleaner/report/json_report.h"
#include "cleaner/report/text_report.h"

namespace mtclean::cli {
namespace {

// Colour on a terminal unless NO_COLOR is set (https://no-color.org), or as
// --color says.
bool UseColor(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

// The current folder as a file URI ending in `/`, for SARIF.
std::string CurrentFolderUri() {
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).generic_string();
  if (cwd.empty() || cwd.back() != '/') cwd.push_back('/');
  return "file://" + internal::PathToUri(cwd);
}

}  // namespace

int RunCheck(EngineSet& engines, const CliOptions& options) {
  absl::StatusOr<std::vector<PreparedInput>> inputs =
      PrepareInputs(engines, options.paths, options.markdown, options.stdin_filename);
  if (!inputs.ok()) {
    std::cerr << "mtclean: error: " << inputs.status().message() << "\n";
    return kExitUsage;
  }
  std::optional<Severity> threshold;
  if (options.fail_on != "never") threshold = ParseSeverity(options.fail_on);
  const internal::TextStyle style{true, options.format == "text" && UseColor(options.color)};
  const bool collect =
      options.format == "json" || options.format == "sarif" || options.format == "html";
  // Kept for the reports written at the end (json, sarif, html).
  std::deque<std::string> texts;
  std::deque<Result> results;
  std::vector<internal::CheckedFile> checked;

  bool input_error = false;
  bool failing = false;
  size_t total = 0, files_with_findings = 0;
  // Inputs are read and checked on --jobs threads and reported in order.
  CleanInOrder(*inputs, options.jobs, options.read, [&](CleanedInput& item) {
    const PreparedInput& input = *item.input;
    if (!item.loaded.ok()) {
      std::cerr << "mtclean: error: " << item.loaded.status().message() << "\n";
      input_error = true;
      return;
    }
    if (item.loaded->rest_unread) {
      // Standard input over --max-bytes: the rest is read and dropped, to
      // say how large it was.
      if (absl::Status s = FinishStandardInput(input.input, options.read, &*item.loaded, nullptr);
          !s.ok()) {
        std::cerr << "mtclean: error: " << s.message() << "\n";
        input_error = true;
        return;
      }
    }
    if (!ReportVerdict(*item.loaded)) {
      input_error = input_error || item.loaded->verdict == LoadedInput::Verdict::kRefuse;
      return;
    }
    absl::StatusOr<Result>& result = item.result;
    if (!result.ok()) {
      std::cerr << "mtclean: error: " << result.status().message() << "\n";
      input_error = true;
      return;
    }
    std::string* text = &item.loaded->text;
    for (const Finding& f : result->findings) {
      if (threshold && f.severity >= *threshold) failing = true;
    }
    total += result->findings.size();
    if (!result->findings.empty()) ++files_with_findings;
    texts.push_back(std::move(*text));
    results.push_back(std::move(*result));
    const internal::CheckedFile file{input.shown, texts.back(), &results.back()};
    if (options.format == "text") {
      const internal::LineIndex index(file.text);
      for (const Finding& f : file.result->findings) {
        std::cout << internal::FormatFindingWithSource(file.path, index, f, style);
      }
    } else if (options.format == "github") {
      std::cout << internal::GithubReport(file);
    } else if (options.format == "diff") {
      std::cout << internal::UnifiedDiff(file.path, file.path, file.text, file.result->edits);
    }
    if (collect) {
      checked.push_back(file);
    } else {
      texts.pop_back();
      results.pop_back();
    }
  });
  if (options.format == "json") {
    std::cout << internal::JsonReport(checked);
  } else if (options.format == "sarif") {
    std::vector<RuleDescription> rules;
    for (const Engine* engine : engines.engines()) {
      for (const RuleDescription& r : engine->rules()) {
        bool seen = false;
        for (const RuleDescription& have : rules) seen = seen || have.id == r.id;
        if (!seen) rules.push_back(r);
      }
    }
    std::cout << internal::SarifReport(checked, rules, CurrentFolderUri());
  } else if (options.format == "html") {
    std::cout << internal::RenderHtmlReport(
        internal::ReviewData{.kind = internal::ReviewKind::kCheck, .files = checked});
  }
  std::cout.flush();
  if (total > 0 && options.format == "text") {
    std::cerr << "mtclean: " << total << (total == 1 ? " finding" : " findings") << " in "
              << files_with_findings << (files_with_findings == 1 ? " file" : " files") << "\n";
  }
  if (input_error) return kExitInputError;
  return failing ? kExitFindings : kExitClean;
}

}  // namespace mtclean::cli
