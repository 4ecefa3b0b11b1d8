// The project's word lists (dictionaries/): plain UTF-8 text files, one
// entry per line, `#` starts a comment line, fields separated by " | ".
//
//   dictionaries/agencies.txt          canonical name | translated or other forms...
//   dictionaries/<lang>/publications.txt   one multi-word name per line
//
// Immutable after Load(); safe to share between threads.
#ifndef MTCLEAN_DICT_WORD_LISTS_H_
#define MTCLEAN_DICT_WORD_LISTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace mtclean::internal {

struct Agency {
  std::string canonical;                // "Europa Press"
  std::vector<std::string> variants;    // "Europe Press", ...
};

// One parsed line of a word list: its fields and where it came from.
struct WordListEntry {
  std::vector<std::string> fields;
  int line = 0;  // 1-based
};

// Reads a word list. Errors: NotFound when the file is missing,
// InvalidArgument (naming file and line) for a line with an empty field.
absl::StatusOr<std::vector<WordListEntry>> ReadWordList(const std::string& path);

class WordLists {
 public:
  // Loads the lists under `dictionaries_dir` for `language`, then adds the
  // entries of the lists found in each of `extra_dirs` (same layout, any
  // file may be missing). Errors: NotFound for a missing built-in list or
  // extra folder, InvalidArgument for a malformed line.
  static absl::StatusOr<WordLists> Load(const std::string& dictionaries_dir,
                                        std::string_view language,
                                        const std::vector<std::string>& extra_dirs = {});

  const std::vector<Agency>& agencies() const { return agencies_; }

  // True when `name` is a known multi-word name (a publication or
  // organisation), compared case-insensitively after whitespace collapsing.
  bool IsKnownName(std::string_view name) const;
  // The word count of the longest known name.
  size_t max_name_words() const { return max_name_words_; }

  // For tests: adds a known name.
  void AddKnownName(std::string_view name);

 private:
  std::vector<Agency> agencies_;
  absl::flat_hash_set<std::string> names_;  // folded
  size_t max_name_words_ = 0;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_DICT_WORD_LISTS_H_
