// Language profiles: the cheap first look at which language a stretch of
// text is written in, before any spelling dictionary is asked.
//
// A profile is the set of a language's most frequent function words
// (dictionaries/<lang>/function-words.txt), kept as 64-bit hashes of the
// lowercased words, each mapped to the bit mask of the languages it belongs
// to. Counting a text's words against it costs one hash lookup per word, so
// it can run over every paragraph; the dictionaries are then asked only
// about the few places the profile points at (see mt.untranslated and
// GuessLanguage()).
//
// Immutable after Load(); safe to share between threads.
#ifndef MTCLEAN_DICT_LANGUAGE_PROFILE_H_
#define MTCLEAN_DICT_LANGUAGE_PROFILE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "cleaner/dict/spell_checker.h"

namespace mtclean::internal {

// One word of a text: a run of letters (apostrophes, hyphens, digits and
// everything else split words). Offsets are bytes into the text.
struct TextWord {
  size_t begin = 0;
  size_t end = 0;
  uint64_t hash = 0;       // of the lowercased word (see LowercaseHash)
  bool has_upper = false;  // an uppercase letter anywhere in it
};

// Calls `fn(const TextWord&)` for every word of valid UTF-8 `text`, in
// order. ASCII and Latin-1 letters are lowercased for the hash; letters of
// other scripts are hashed as they are.
template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn);

// The hash ForEachWord gives `word` (which must be one word).
uint64_t LowercaseHash(std::string_view word);

// The function words of one text, by the set of languages each belongs to.
struct FunctionWordCounts {
  // The languages mtclean knows: each text's counts are zeroed, so they
  // are kept no larger than these need (a third of a kilobyte).
  static constexpr size_t kMaxLanguages = Dictionaries::kLanguages;
  size_t words = 0;  // all words of the text
  // by_mask[m]: how many words are function words of exactly the
  // languages whose bits are set in m (by_mask[0]: the other words).
  std::array<uint32_t, 1u << kMaxLanguages> by_mask{};
  // The non-zero masks with a count, in the order first seen (Of() looks
  // only at these).
  std::array<uint8_t, (1u << kMaxLanguages) - 1> seen{};
  size_t seen_count = 0;

  void Add(uint32_t mask) {
    if (mask != 0 && by_mask[mask] == 0) seen[seen_count++] = static_cast<uint8_t>(mask);
    ++by_mask[mask];
  }

  // Words that are function words of language `index` and of none of the
  // languages in `excluding`.
  size_t Of(int index, uint32_t excluding = 0) const;
};

// The function words found in a stretch [begin, end) of a text, so that a
// later look at part of it needs no second pass over its words.
struct FunctionWordsSeen {
  struct Word {
    size_t offset;  // into the text
    uint32_t mask;  // as LanguageProfiles::Mask() gives it
  };
  size_t begin = 0;
  size_t end = 0;
  std::vector<Word> words;  // in text order

  // The function-word counts of text[from, to), as LanguageProfiles::Count
  // would give them (but for `words`, which is not counted), or nullopt when
  // the stretch does not hold all of it or a word may run across its ends.
  std::optional<FunctionWordCounts> CountsOf(std::string_view text, size_t from,
                                             size_t to) const;
};

class LanguageProfiles {
 public:
  LanguageProfiles() = default;

  // Loads `dictionaries_dir/<lang>/function-words.txt` for every language of
  // HunspellLanguages() that has one. Errors: those of ReadWordList, and
  // InvalidArgument (naming file and line) for an entry that is not one
  // lowercase word.
  static absl::StatusOr<LanguageProfiles> Load(const std::string& dictionaries_dir);

  // The languages that have a profile, sorted; a language's index here is
  // its bit in the masks.
  const std::vector<std::string>& languages() const { return languages_; }
  // The index of `language` in languages(), or -1.
  int IndexOf(std::string_view language) const;

  // The languages (bit mask) whose function words include the word with
  // hash `hash`; 0 for other words.
  uint32_t Mask(uint64_t hash) const {
    // Open addressing over the hashes themselves (already well mixed): one
    // probe for most words, which are no function word.
    if (slots_.empty()) return 0;
    const size_t last = slots_.size() - 1;
    for (size_t i = hash & last;; i = (i + 1) & last) {
      const Slot& slot = slots_[i];
      if (slot.mask == 0) return 0;
      if (slot.hash == hash) return slot.mask;
    }
  }

  // Counts the function words of `text`; with `seen`, also records where
  // each is (offsets from the start of `text`).
  FunctionWordCounts Count(std::string_view text,
                           std::vector<FunctionWordsSeen::Word>* seen = nullptr) const;

  // For tests: adds `word` as a function word of `language`.
  void Add(std::string_view language, std::string_view word);

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t mask = 0;  // 0: empty (a function word has at least one language)
  };
  // Adds to masks_ only; Rehash() makes the lookups see it.
  void AddWord(std::string_view language, std::string_view word);
  // Rebuilds slots_ from masks_, at most half full.
  void Rehash();

  std::vector<std::string> languages_;
  absl::flat_hash_map<uint64_t, uint32_t> masks_;  // what slots_ holds
  std::vector<Slot> slots_;
  // The longest function word in bytes: longer words need no lookup.
  size_t max_word_bytes_ = 0;
};

// Guesses the language of `text` (a document's body) among the languages
// with a profile: the function-word profile names at most three candidates
// and the share of a sample of its lowercase words that each candidate's
// spelling dictionary accepts decides between them. Returns `fallback` when
// the text has too few words, when no candidate's dictionary accepts most
// of the sample, or when a candidate's dictionary cannot be loaded and no
// other is left. Reads at most the first 64 KiB of `text`. With `seen`,
// also gives the function words of what it read (offsets from the start
// of `text`).
std::string GuessLanguage(std::string_view text, const LanguageProfiles& profiles,
                          const Dictionaries& dictionaries, std::string_view fallback,
                          FunctionWordsSeen* seen = nullptr);

// ---------------------------------------------------------------------------
// Implementation details.

namespace language_profile_internal {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t Mix(uint64_t h, unsigned char byte) { return (h ^ byte) * kFnvPrime; }

// The length of the letter starting at text[i] (0 when it is no letter),
// for non-ASCII bytes.
size_t NonAsciiLetterLength(std::string_view text, size_t i, bool* upper);

// ASCII letters lowercased; 0 for every other ASCII character.
inline constexpr std::array<unsigned char, 128> kAsciiLower = [] {
  std::array<unsigned char, 128> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<unsigned char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<unsigned char>(c + ('a' - 'A'));
  return table;
}();

}  // namespace language_profile_internal

template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn) {
  namespace lp = language_profile_internal;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // ASCII between words: skipped here, without starting a word.
    if (static_cast<unsigned char>(text[i]) < 0x80 &&
        lp::kAsciiLower[static_cast<unsigned char>(text[i])] == 0) {
      ++i;
      continue;
    }
    TextWord w;
    w.begin = i;
    w.hash = lp::kFnvOffset;
    while (i < n) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        const unsigned char lower = lp::kAsciiLower[c];
        if (lower == 0) break;
        w.hash = lp::Mix(w.hash, lower);
        w.has_upper = w.has_upper || lower != c;
        ++i;
        continue;
      }
      bool upper = false;
      const size_t len = lp::NonAsciiLetterLength(text, i, &upper);
      if (len == 0) break;
      // Latin-1 capitals (U+00C0..U+00DE) fold to their small letters.
      if (upper && len == 2 && c == 0xC3) {
        w.hash = lp::Mix(w.hash, 0xC3);
        w.hash = lp::Mix(w.hash, static_cast<unsigned char>(text[i + 1] + 0x20));
      } else {
        for (size_t k = 0; k < len; ++k) {
          w.hash = lp::Mix(w.hash, static_cast<unsigned char>(text[i + k]));
        }
      }
      w.has_upper = w.has_upper || upper;
      i += len;
    }
    if (i > w.begin) {
      w.end = i;
      fn(static_cast<const TextWord&>(w));
    } else {
      // Not a letter: skip one code point.
      ++i;
      while (i < n && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
  }
}

}  // namespace mtclean::internal

#endif  // MTCLEAN_DICT_LANGUAGE_PROFILE_H_
