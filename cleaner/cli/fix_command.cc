// `mtclean fix PATH...`: the unified diff of the safe fixes (default) or
// the HTML review of them (`--format html`), `--write` to apply them in
// place, or `fix -` as a filter.
#include <algorithm>
#include <cstdio>
#include <deque>
#include <iostream>

#include "cleaner/cli/commands.h"
#include "cleaner/cli/inputs.h"
#include "cleaner/report/diff.h"
#include "cleaner/report/html_report.h"

namespace mtclean::cli {

int RunFix(EngineSet& engines, const CliOptions& options) {
  const bool filter = options.paths.size() == 1 && options.paths[0] == "-";
  if (filter && options.write) {
    std::cerr << "mtclean: error: --write needs files, not standard input\n";
    return kExitUsage;
  }
  if (!filter && std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()) {
    std::cerr << "mtclean: error: `-` (standard input) must be the only path of `fix`\n";
    return kExitUsage;
  }
  const bool html = options.format == "html";
  if (filter && html) {
    std::cerr << "mtclean: error: `fix -` writes the cleaned text; for the review of standard "
                 "input use `check --format html -`\n";
    return kExitUsage;
  }
  absl::StatusOr<std::vector<PreparedInput>> inputs =
      PrepareInputs(engines, options.paths, options.markdown, options.stdin_filename);
  if (!inputs.ok()) {
    std::cerr << "mtclean: error: " << inputs.status().message() << "\n";
    return kExitUsage;
  }
  bool input_error = false;
  // Kept for the HTML review written at the end.
  std::deque<std::string> texts;
  std::deque<Result> results;
  std::vector<internal::CheckedFile> reviewed;
  // Inputs are read and cleaned on --jobs threads and written in order.
  CleanInOrder(*inputs, options.jobs, options.read, [&](CleanedInput& item) {
    const PreparedInput& input = *item.input;
    const std::string& shown = input.shown;
    if (!item.loaded.ok()) {
      std::cerr << "mtclean: error: " << item.loaded.status().message() << "\n";
      input_error = true;
      return;
    }
    LoadedInput& loaded = *item.loaded;
    const std::string& text = loaded.text;
    if (filter && loaded.verdict != LoadedInput::Verdict::kClean) {
      // A filter never loses its input: what it does not clean (binary, not
      // UTF-8, over --max-bytes) is passed on unchanged, and the exit code
      // says that it was not cleaned. Standard input over the limit was read
      // only up to it: the rest is passed on as it is read.
      input_error = true;
      if (loaded.rest_unread) {
        std::cout.flush();
        if (absl::Status s = FinishStandardInput(input.input, options.read, &loaded, stdout);
            !s.ok()) {
          std::cerr << "mtclean: error: " << s.message() << "\n";
          return;
        }
      } else {
        std::cout << text;
      }
      std::cerr << "mtclean: error: " << loaded.message << " (passed on unchanged)\n";
      return;
    }
    if (!ReportVerdict(loaded)) {
      input_error = input_error || loaded.verdict == LoadedInput::Verdict::kRefuse;
      return;
    }
    absl::StatusOr<Result>& result = item.result;
    if (!result.ok()) {
      std::cerr << "mtclean: error: " << result.status().message() << "\n";
      input_error = true;
      if (filter) std::cout << text;  // a filter never loses its input
      return;
    }
    if (filter) {
      std::cout << result->cleaned;
      return;
    }
    if (options.write && (result->cleaned != text || loaded.repaired != 0)) {
      // Unchanged files keep their mtime; a --lossy repair is a change.
      if (absl::Status s = WriteFileAtomically(input.input.path, result->cleaned); !s.ok()) {
        std::cerr << "mtclean: error: " << s.message() << "\n";
        input_error = true;
        return;
      }
      std::cerr << "mtclean: fixed " << shown << " (" << result->edits.size()
                << (result->edits.size() == 1 ? " edit" : " edits") << ")\n";
    }
    if (html) {
      texts.push_back(std::move(loaded.text));
      results.push_back(std::move(*result));
      reviewed.push_back({shown, texts.back(), &results.back()});
    } else if (!options.write) {
      std::cout << internal::UnifiedDiff(shown, shown, text, result->edits);
    }
  });
  if (html) {
    std::cout << internal::RenderHtmlReport(
        internal::ReviewData{.kind = internal::ReviewKind::kFix, .files = reviewed});
  }
  std::cout.flush();
  return input_error ? kExitInputError : kExitClean;
}

}  // namespace mtclean::cli
