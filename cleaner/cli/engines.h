// One Engine per distinct configuration: each input is checked with the
// rules of its nearest `.mtclean.yaml` (or of `--config`), and engines are
// built once per configuration file and kept.
#ifndef MTCLEAN_CLI_ENGINES_H_
#define MTCLEAN_CLI_ENGINES_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cleaner/config/config.h"
#include "cleaner/cli/inputs.h"
#include "mtclean/engine.h"

namespace mtclean::cli {

class EngineSet {
 public:
  // `base`: the options from the command line. `config_path`: `--config`,
  // used for every input instead of the nearest file. `language_given`:
  // `--lang` was given and beats a configuration's `language`.
  EngineSet(Options base, std::optional<std::string> config_path, bool language_given);

  struct Selection {
    const Engine* engine = nullptr;
    const internal::Config* config = nullptr;  // null: no configuration file
  };
  // The engine for an input path ("-": the current folder's configuration).
  // Errors: the configuration's or the engine's, naming file, line, column.
  absl::StatusOr<Selection> For(const std::string& input_path);

  // Every engine built so far.
  std::vector<const Engine*> engines() const;

  // A new set like this one whose engines check text as `language`, as if
  // `--lang language` had been given.
  std::unique_ptr<EngineSet> WithLanguage(const std::string& language) const;

  // The `--lang` value; empty when it was not given.
  std::string given_language() const { return language_given_ ? base_.language : ""; }

 private:
  absl::StatusOr<std::string> ConfigFor(const std::string& input_path);

  Options base_;
  std::optional<std::string> config_path_;
  bool language_given_;
  std::map<std::string, std::string> config_of_dir_;  // folder -> config path ("" none)
  std::map<std::string, std::unique_ptr<internal::Config>> configs_;
  std::map<std::string, std::unique_ptr<Engine>> engines_;  // by config path
};

// An input ready to run: its path, how it is shown, its engine.
struct PreparedInput {
  Input input;        // the path as given or found ("-" for standard input)
  std::string shown;  // relative to the current folder when below it; `<stdin>`
                      // or the name --stdin-filename gives standard input
  TextFormat format = TextFormat::kPlain;
  // Standard input without a name (and without --markdown): Markdown when
  // the text opens with front matter, else `format`.
  bool format_from_text = false;
  const Engine* engine = nullptr;
};

// Expands `paths`, drops the files a configuration skips, and selects each
// input's engine. `stdin_name`, when not empty, names standard input (`-`)
// as a file would be named: its extension says whether it is Markdown, its
// folder which `.mtclean.yaml` applies, and messages show it. Error: a
// configuration or engine error (exit code 2).
absl::StatusOr<std::vector<PreparedInput>> PrepareInputs(EngineSet& engines,
                                                         const std::vector<std::string>& paths,
                                                         bool markdown,
                                                         const std::string& stdin_name = "");

// The format of a document read from standard input without a name: Markdown
// when it opens with front matter (`---` or `+++` fences, as Hugo, Jekyll
// and Astro write), plain text otherwise.
TextFormat TextFormatForUnnamedInput(std::string_view text);

// `path` as linters print it: relative to the current folder when it lies
// below it, else as given (normalised); `-` is `<stdin>`, or `stdin_name`
// shown the same way when it is not empty.
std::string DisplayPath(const std::string& path, const std::string& stdin_name = "");

// One prepared input, read under a policy and, when it is to be cleaned,
// cleaned by its engine.
struct CleanedInput {
  const PreparedInput* input = nullptr;
  absl::StatusOr<LoadedInput> loaded = absl::UnknownError("not read");
  absl::StatusOr<Result> result = absl::UnknownError("not cleaned");
};

// Reads and cleans `inputs` on `jobs` threads (0: one per core) and hands
// each to `emit` on the calling thread, in input order.
void CleanInOrder(const std::vector<PreparedInput>& inputs, int jobs, const ReadPolicy& read,
                  const std::function<void(CleanedInput&)>& emit);

}  // namespace mtclean::cli

#endif  // MTCLEAN_CLI_ENGINES_H_
