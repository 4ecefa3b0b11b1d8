// The commands of the mtclean CLI, a thin client of the library. Only cli/
// prints and chooses exit codes.
#ifndef MTCLEAN_CLI_COMMANDS_H_
#define MTCLEAN_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "cleaner/cli/corpus.h"
#include "cleaner/cli/engines.h"
#include "cleaner/cli/inputs.h"
#include "mtclean/engine.h"

namespace mtclean::cli {

// Exit codes.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInputError = 3;

// The values of `--lang`, and of a request's `lang` in `mtclean serve`.
inline const std::vector<std::string> kLanguageChoices = {"auto", "de", "en", "es",
                                                          "fr",   "it", "pt"};

struct CliOptions {
  std::vector<std::string> paths;
  bool write = false;
  bool markdown = false;         // read every input as Markdown
  std::string stdin_filename;    // names standard input (`-`): format, configuration, messages
  std::string format = "text";   // check: text|json|sarif|github|diff|html; fix: diff|html;
                                 // rules: text|json; eval: text|json|html
  std::string color = "auto";    // auto | always | never
  std::string fail_on = "info";  // error | warning | info | never
  std::string rule;              // for `explain`
  int jobs = 0;                  // worker threads; 0: the number of cores
  CorpusOptions corpus;          // --jsonl and its flags
  size_t worst = 10;             // for `eval`: documents shown with their diffs
  std::string outputs;           // for `eval`: another tool's outputs folder
  ReadPolicy read;               // --max-bytes, --lossy
};

int RunCheck(EngineSet& engines, const CliOptions& options);
int RunFix(EngineSet& engines, const CliOptions& options);
int RunRules(EngineSet& engines, const CliOptions& options);
int RunExplain(EngineSet& engines, const CliOptions& options);
int RunEval(EngineSet& engines, const CliOptions& options);

}  // namespace mtclean::cli

#endif  // MTCLEAN_CLI_COMMANDS_H_
