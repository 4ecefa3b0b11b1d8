// Corpus mode: `mtclean check|fix --jsonl`. Each input line is a JSON object
// whose string field (`--field`, a dotted path) is cleaned; `fix` writes each
// record back with only that string changed (every other byte of the line is
// kept), one output line per input line, in input order, on `--jobs` threads.
// The work is the library's (mtclean/corpus.h); this is its flags, inputs,
// messages, progress line and exit codes.
#ifndef MTCLEAN_CLI_CORPUS_H_
#define MTCLEAN_CLI_CORPUS_H_

#include <string>

#include "cleaner/cli/engines.h"

namespace CLI {
class App;
}  // namespace CLI

namespace mtclean::cli {

struct CliOptions;

struct CorpusOptions {
  bool jsonl = false;
  std::string field = "text";
  bool annotate = false;        // fix: add an `mtclean` object to each record
  std::string rejects_path;     // fix: JSON Lines of the removed text
  std::string stats_path;       // JSON totals at the end
  bool skip_bad_records = false;
  std::string progress = "auto";  // auto (stderr is a terminal) | always | never
};

// Adds the corpus-mode flags to `command` (`fix` when `fix`, else `check`).
void AddCorpusOptions(CLI::App* command, bool fix, CorpusOptions* options);

// Runs `check --jsonl` (`fix` false: findings as text lines) or
// `fix --jsonl`. Returns the exit code.
int RunCorpus(EngineSet& engines, const CliOptions& options, bool fix);

}  // namespace mtclean::cli

#endif  // MTCLEAN_CLI_CORPUS_H_
