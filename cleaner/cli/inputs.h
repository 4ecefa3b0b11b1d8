// Inputs of the CLI: expanding paths, reading them, writing them back safely.
#ifndef MTCLEAN_CLI_INPUTS_H_
#define MTCLEAN_CLI_INPUTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace mtclean::cli {

// One input as named on the command line or found in a folder. `path` is
// "-" for standard input.
struct Input {
  std::string path;
};

// Expands the command-line paths: files as given, folders walked (sorted)
// for *.txt, *.md and *.markdown, "-" kept. Paths that do not exist are kept
// too, so that reading them reports the error in order.
std::vector<Input> ExpandInputs(const std::vector<std::string>& paths);

// Reads a whole file ("-": standard input). Error: the message names the path.
absl::StatusOr<std::string> ReadInput(const std::string& path);

// Replaces `path` with `content` atomically: a temporary file in the same
// folder, written, flushed and fsynced, given the original's permissions,
// then renamed over it. On any failure the original is left untouched and
// the temporary file removed. Error: the message names the path and step.
absl::Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace mtclean::cli

#endif  // MTCLEAN_CLI_INPUTS_H_
