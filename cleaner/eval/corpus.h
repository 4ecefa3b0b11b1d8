// A labelled evaluation corpus: a folder with `docs/ID.txt` (the input),
// `gold/ID.json` (where its artifacts are) and `gold/ID.clean.txt` (what a
// perfect cleaner outputs). The format is fixed so that corpora made by
// anyone can be evaluated:
//
//   {"id": "ID", "lang": "en",
//    "artifacts": [{"type": "comment_footer", "start": 812, "end": 840,
//                   "action": "delete", "replacement": null, "note": "..."}]}
//
// Offsets are UTF-8 byte offsets into docs/ID.txt, `end` exclusive, both on
// character boundaries. `action` is `delete`, `replace` (with a string
// `replacement`) or `flag` (an artifact to report but leave in the text).
#ifndef MTCLEAN_EVAL_CORPUS_H_
#define MTCLEAN_EVAL_CORPUS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace mtclean::internal {

// The artifact types of the format.
const std::vector<std::string>& GoldArtifactTypes();

struct GoldArtifact {
  enum class Action { kDelete, kReplace, kFlag };
  std::string type;
  size_t start = 0;
  size_t end = 0;
  Action action = Action::kDelete;
  std::optional<std::string> replacement;  // set for kReplace
  std::string note;

  // Whether the gold clean text differs from the input here.
  bool is_edit() const { return action != Action::kFlag; }
};

std::string_view ActionName(GoldArtifact::Action action);

struct LabelledDoc {
  std::string id;
  std::string lang;
  std::string doc_path;  // docs/ID.txt as found under the corpus folder
  std::string text;      // its bytes
  std::string gold_clean;
  std::vector<GoldArtifact> artifacts;  // sorted by start, then end
};

// The ids of the corpus in `dir`: the names of `docs/*.txt` without the
// extension, sorted. Errors: NotFound when `dir/docs` is not a folder;
// InvalidArgument naming `gold/X.json` when a gold file has no document.
absl::StatusOr<std::vector<std::string>> ListCorpus(const std::string& dir);

// Parses the gold JSON of a document whose text is `text`. `path` names the
// file in errors. Errors: InvalidArgument for malformed JSON (with line and
// column), a missing or mistyped field, an unknown type or action, an id
// other than `id`, or an offset out of range or inside a UTF-8 character.
absl::StatusOr<std::vector<GoldArtifact>> ParseGold(std::string_view path,
                                                    std::string_view json,
                                                    std::string_view id,
                                                    std::string_view text,
                                                    std::string* lang);

// Reads and checks one document with its gold files. Errors: NotFound naming
// a missing file, InvalidArgument naming the file that is malformed or not
// valid UTF-8.
absl::StatusOr<LabelledDoc> LoadLabelledDoc(const std::string& dir,
                                            const std::string& id);

// Another tool's cleaned text of document `id`: `outputs_dir/ID.txt`, for
// scoring that tool on the corpus (`mtclean eval DIR --outputs OUTDIR`).
// Errors: NotFound naming the missing file, InvalidArgument naming a file
// that is not valid UTF-8.
absl::StatusOr<std::string> LoadOutput(const std::string& outputs_dir,
                                       const std::string& id);

}  // namespace mtclean::internal

#endif  // MTCLEAN_EVAL_CORPUS_H_
