// Spelling dictionaries: Hunspell behind a thread-safe, cached interface.
//
// A SpellChecker answers "is this a word of language L?" from the system's
// Hunspell dictionary (Debian's hunspell-* packages, /usr/share/hunspell)
// plus the project's additions (dictionaries/<lang>/words.txt). Hunspell
// itself is not thread-safe, so lookups that miss the cache take a lock;
// each thread keeps its own cache of answers (word frequencies are skewed,
// so most lookups are hits and never touch the lock).
//
// Dictionaries loads spell checkers on first use and keeps them for its
// lifetime. Both are safe to use from many threads at once.
#ifndef MTCLEAN_DICT_SPELL_CHECKER_H_
#define MTCLEAN_DICT_SPELL_CHECKER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

class Hunspell;

namespace mtclean::internal {

class SpellChecker {
 public:
  // Loads the Hunspell dictionary for `language` ("en", "es", "fr", "de",
  // "it", "pt") from `system_dir`, then adds the words of
  // `project_dir/<language>/words.txt` when that file exists: `word`, or
  // `word | model` for a word that takes the endings of `model`, a word of
  // the system dictionary (`harbour | harbor` adds harbours too). Errors:
  // NotFound naming the language, the missing file and the Debian package
  // to install; InvalidArgument for an unknown language or a line of
  // words.txt with more than two fields.
  static absl::StatusOr<std::unique_ptr<SpellChecker>> Load(std::string_view language,
                                                            const std::string& system_dir,
                                                            const std::string& project_dir);
  ~SpellChecker();
  SpellChecker(const SpellChecker&) = delete;
  SpellChecker& operator=(const SpellChecker&) = delete;

  // True when `word` (valid UTF-8, one word without spaces) is spelled
  // correctly. Cached per thread.
  bool Accepts(std::string_view word) const;
  // The same without the cache (for benchmarks).
  bool AcceptsUncached(std::string_view word) const;

  const std::string& language() const { return language_; }

 private:
  SpellChecker() = default;

  std::string language_;
  uint64_t id_ = 0;  // keys the per-thread caches
  mutable std::mutex mutex_;
  std::unique_ptr<Hunspell> hunspell_;
};

// The Debian package that provides the Hunspell dictionary of `language`,
// or "" for a language mtclean has no dictionary for.
std::string_view HunspellPackage(std::string_view language);
// The languages mtclean knows a Hunspell dictionary for, sorted:
// de, en, es, fr, it, pt.
std::vector<std::string_view> HunspellLanguages();
// True when every letter of `word` (valid UTF-8) beyond ASCII belongs to
// the alphabet of `language`, in either case (`Müller`: German, not
// Spanish). False for a language mtclean does not know.
bool AlphabetHasLettersOf(std::string_view language, std::string_view word);
// The English name of a known language ("es" -> "Spanish"), or `language`
// itself for an unknown one.
std::string_view LanguageName(std::string_view language);

class Dictionaries {
 public:
  Dictionaries(std::string system_dir, std::string project_dir)
      : system_dir_(std::move(system_dir)), project_dir_(std::move(project_dir)) {}
  Dictionaries(const Dictionaries&) = delete;
  Dictionaries& operator=(const Dictionaries&) = delete;

  // The spell checker of `language`, loaded on first use (the error of a
  // failed load is kept and returned again). The pointer lives as long as
  // this object. Once a language is loaded this takes no lock: rules ask
  // for their checker all the time, from every worker.
  absl::StatusOr<const SpellChecker*> Get(std::string_view language) const;

  // How many languages HunspellLanguages() lists.
  static constexpr size_t kLanguages = 6;

 private:
  struct Slot {
    std::once_flag loaded;
    absl::StatusOr<std::unique_ptr<SpellChecker>> checker;
  };

  std::string system_dir_;
  std::string project_dir_;
  // One per language of HunspellLanguages(), in its order.
  mutable std::array<Slot, kLanguages> slots_;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_DICT_SPELL_CHECKER_H_
