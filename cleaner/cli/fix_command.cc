// `mtclean fix PATH...`: the unified diff of the safe fixes (default),
// `--write` to apply them in place, or `fix -` as a filter.
#include <algorithm>
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
      PrepareInputs(engines, options.paths, options.markdown);
  if (!inputs.ok()) {
    std::cerr << "mtclean: error: " << inputs.status().message() << "\n";
    return kExitUsage;
  }
  bool input_error = false;
  for (const PreparedInput& input : *inputs) {
    const std::string& shown = input.shown;
    absl::StatusOr<LoadedInput> loaded = LoadInput(input.input, options.read);
    if (!loaded.ok()) {
      std::cerr << "mtclean: error: " << loaded.status().message() << "\n";
      input_error = true;
      continue;
    }
    switch (loaded->verdict) {
      case LoadedInput::Verdict::kRefuse:
        std::cerr << "mtclean: error: " << loaded->message << "\n";
        input_error = true;
        break;
      case LoadedInput::Verdict::kSkip:
      case LoadedInput::Verdict::kClean:
        if (!loaded->message.empty()) std::cerr << "mtclean: warning: " << loaded->message << "\n";
        break;
    }
    if (loaded->verdict != LoadedInput::Verdict::kClean) {
      if (filter) std::cout << loaded->text;  // a filter never loses its input
      continue;
    }
    std::string* text = &loaded->text;
    absl::StatusOr<Result> result = input.engine->Clean(shown, *text, input.format);
    if (!result.ok()) {
      std::cerr << "mtclean: error: " << result.status().message() << "\n";
      input_error = true;
      if (filter) std::cout << *text;  // a filter never loses its input
      continue;
    }
    if (filter) {
      std::cout << result->cleaned;
    } else if (options.write) {
      // Unchanged files keep their mtime; a --lossy repair is a change.
      if (result->cleaned == *text && loaded->repaired == 0) continue;
      if (absl::Status s = WriteFileAtomically(input.input.path, result->cleaned); !s.ok()) {
        std::cerr << "mtclean: error: " << s.message() << "\n";
        input_error = true;
        continue;
      }
      std::cerr << "mtclean: fixed " << shown << " (" << result->edits.size()
                << (result->edits.size() == 1 ? " edit" : " edits") << ")\n";
    } else {
      std::cout << internal::UnifiedDiff(shown, shown, *text, result->edits);
    }
  }
  std::cout.flush();
  return input_error ? kExitInputError : kExitClean;
}

}  // namespace mtclean::cli
