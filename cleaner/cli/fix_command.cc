// `mtclean fix PATH...`: the unified diff of the safe fixes (default),
// `--write` to apply them in place, or `fix -` as a filter.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cleaner/cli/commands.h"
#include "cleaner/cli/inputs.h"
#include "cleaner/report/diff.h"

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
  absl::StatusOr<std::vector<PreparedInput>> inputs =
      PrepareInputs(engines, options.paths, options.markdown, options.stdin_filename);
  if (!inputs.ok()) {
    std::cerr << "mtclean: error: " << inputs.status().message() << "\n";
    return kExitUsage;
  }
  bool input_error = false;
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
    } else if (options.write) {
      // Unchanged files keep their mtime; a --lossy repair is a change.
      if (result->cleaned == text && loaded.repaired == 0) return;
      if (absl::Status s = WriteFileAtomically(input.input.path, result->cleaned); !s.ok()) {
        std::cerr << "mtclean: error: " << s.message() << "\n";
        input_error = true;
        return;
      }
      std::cerr << "mtclean: fixed " << shown << " (" << result->edits.size()
                << (result->edits.size() == 1 ? " edit" : " edits") << ")\n";
    } else {
      std::cout << internal::UnifiedDiff(shown, shown, text, result->edits);
    }
  });
  std::cout.flush();
  return input_error ? kExitInputError : kExitClean;
}

}  // namespace mtclean::cli
