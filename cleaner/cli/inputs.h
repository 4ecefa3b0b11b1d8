// Inputs of the CLI: expanding paths, reading them, writing them back safely.
#ifndef MTCLEAN_CLI_INPUTS_H_
#define MTCLEAN_CLI_INPUTS_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace mtclean::cli {

// One input as named on the command line or found in a folder. `path` is
// "-" for standard input.
struct Input {
  std::string path;
  bool named = true;  // false: found by walking a folder
  std::string error;  // set for a folder the walk could not open: names it
  std::string name;   // how messages name it when not `path`: standard input's name
};

// Expands the command-line paths: files as given, folders walked (sorted)
// for *.txt, *.md and *.markdown, "-" kept. Paths that do not exist are kept
// too, so that reading them reports the error in order; so are folders that
// cannot be opened, with `error` set. Symbolic links to folders are not
// followed, so a link loop cannot make the walk endless.
std::vector<Input> ExpandInputs(const std::vector<std::string>& paths);

// What the CLI accepts as a document.
struct ReadPolicy {
  // Larger documents are skipped with a warning, before they are read.
  uint64_t max_bytes = uint64_t{128} << 20;
  // Invalid UTF-8 is repaired with U+FFFD (and said so) instead of refused.
  bool lossy = false;
};

// A document read under a policy.
struct LoadedInput {
  enum class Verdict {
    kClean,   // to be cleaned (`message`, when set, is a warning: --lossy)
    kSkip,    // not to be cleaned: `message` is a warning
    kRefuse,  // not to be cleaned: `message` is an error (exit code 3)
  };
  Verdict verdict = Verdict::kClean;
  std::string message;  // names the path
  std::string text;     // what was read, so that a filter can pass it on
  size_t repaired = 0;  // --lossy: invalid sequences replaced in `text`
  // Standard input over the size limit: `text` holds only its first bytes
  // (the limit and at most one read more), the rest is still to be read,
  // and `message` is empty: FinishStandardInput passes the rest on or drops
  // it and says how large the input was.
  bool rest_unread = false;
};

// Reads `input` and applies `policy`. A file with a NUL byte is binary:
// refused when it was named, skipped when a folder walk found it. Invalid
// UTF-8 is refused, naming the byte offset, unless the policy is lossy. A
// document over the size limit is skipped before it is read; standard input
// is read only up to the limit (see `LoadedInput::rest_unread`). Error: the
// input cannot be read, or is a folder the walk could not open (the message
// names it).
absl::StatusOr<LoadedInput> LoadInput(const Input& input, const ReadPolicy& policy);

// Finishes standard input that LoadInput left unread past the size limit:
// writes `loaded->text` and then the rest of standard input to `out` as it
// is read (nullptr: the rest is read and dropped), holding one buffer of
// 1 MB more, frees `loaded->text`, and sets `loaded->message` to say how
// large the input was. Error: a read error or a write error (the message
// names standard input or the output).
absl::Status FinishStandardInput(const Input& input, const ReadPolicy& policy,
                                 LoadedInput* loaded, std::FILE* out);

// Prints the input's message on stderr (as an error when it is refused, as
// a warning otherwise) and returns whether it is to be cleaned.
bool ReportVerdict(const LoadedInput& loaded);

// Replaces `path` with `content` atomically: a temporary file in the same
// folder, written, flushed and fsynced, given the original's permissions,
// then renamed over it. On any failure the original is left untouched and
// the temporary file removed. Error: the message names the path and step.
absl::Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace mtclean::cli

#endif  // MTCLEAN_CLI_INPUTS_H_
