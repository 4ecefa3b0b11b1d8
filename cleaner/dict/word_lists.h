// The project's word lists (dictionaries/): plain UTF-8 text files, one
// entry per line, `#` starts a comment line, fields separated by " | ".
//
//   dictionaries/agencies.txt          canonical name | translated or other forms...
//   dictionaries/<lang>/publications.txt   one multi-word name per line
//   dictionaries/<lang>/doubled-words.txt  one allowed doubled word per line
//                                          (`had had`)
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
  // Loads the lists under `dictionaries_dir` for `language`.
  static absl::StatusOr<WordLists> Load(const std::string& dictionaries_dir,
                                        std::string_view language);

  const std::vector<Agency>& agencies() const { return agencies_; }

  // True when `name` is a known multi-word name (a publication or
  // organisation), compared case-insensitively after whitespace collapsing.
  bool IsKnownName(std::string_view name) const;
  // The word count of the longest known name.
  size_t max_name_words() const { return max_name_words_; }

  // True when `word` written twice in a row is legitimate in this language
  // (`had had`, `that that`): the doubled-words list holds it. `word` is one
  // word, compared case-insensitively (NFKC case folding).
  bool IsAllowedDoubled(std::string_view word) const;

  // For tests: adds a known name.
  void AddKnownName(std::string_view name);

 private:
  std::vector<Agency> agencies_;
  absl::flat_hash_set<std::string> names_;  // folded
  absl::flat_hash_set<std::string> allowed_doubled_;  // folded single words
  size_t max_name_words_ = 0;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_DICT_WORD_LISTS_H_
