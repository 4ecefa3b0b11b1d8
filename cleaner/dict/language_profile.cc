#include "cleaner/dict/language_profile.h"

#include <algorithm>
#include <bit>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "cleaner/dict/word_lists.h"
#include "cleaner/document/unicode_text.h"

namespace mtclean::internal {

namespace language_profile_internal {

size_t NonAsciiLetterLength(std::string_view text, size_t i, bool* upper) {
  size_t next = i;
  const char32_t c = NextCodePoint(text, next);
  // Letters, and the combining marks that belong to them.
  if (!IsLetter(c) && !(IsWordChar(c) && !IsDigit(c))) return 0;
  *upper = IsUpper(c);
  return next - i;
}

}  // namespace language_profile_internal

uint64_t LowercaseHash(std::string_view word) {
  uint64_t hash = 0;
  bool first = true;
  ForEachWord(word, [&](const TextWord& w) {
    if (first) hash = w.hash;
    first = false;
  });
  return hash;
}

size_t FunctionWordCounts::Of(int index, uint32_t excluding) const {
  if (index < 0) return 0;
  const uint32_t bit = 1u << index;
  size_t n = 0;
  for (size_t i = 0; i < seen_count; ++i) {
    const uint32_t m = seen[i];
    if ((m & bit) != 0 && (m & excluding) == 0) n += by_mask[m];
  }
  return n;
}

absl::StatusOr<LanguageProfiles> LanguageProfiles::Load(const std::string& dictionaries_dir) {
  LanguageProfiles profiles;
  for (std::string_view language : HunspellLanguages()) {
    const std::filesystem::path path =
        std::filesystem::path(dictionaries_dir) / std::string(language) / "function-words.txt";
    if (!std::filesystem::exists(path)) continue;
    absl::StatusOr<std::vector<WordListEntry>> entries = ReadWordList(path.string());
    if (!entries.ok()) return entries.status();
    for (const WordListEntry& e : *entries) {
      const std::string& word = e.fields[0];
      size_t words = 0;
      bool malformed = false;
      ForEachWord(word, [&](const TextWord& w) {
        ++words;
        malformed = malformed || w.has_upper || w.begin != 0 || w.end != word.size();
      });
      if (e.fields.size() != 1 || words != 1 || malformed) {
        return absl::InvalidArgumentError(absl::StrCat(
            path.string(), ":", e.line, ": expected one lowercase word of letters"));
      }
      profiles.AddWord(language, word);
    }
  }
  profiles.Rehash();
  return profiles;
}

int LanguageProfiles::IndexOf(std::string_view language) const {
  for (size_t i = 0; i < languages_.size(); ++i) {
    if (languages_[i] == language) return static_cast<int>(i);
  }
  return -1;
}

void LanguageProfiles::Add(std::string_view language, std::string_view word) {
  AddWord(language, word);
  Rehash();
}

void LanguageProfiles::AddWord(std::string_view language, std::string_view word) {
  int index = IndexOf(language);
  if (index < 0) {
    if (languages_.size() >= FunctionWordCounts::kMaxLanguages) return;
    languages_.emplace_back(language);
    index = static_cast<int>(languages_.size() - 1);
  }
  masks_[LowercaseHash(word)] |= 1u << index;
  max_word_bytes_ = std::max(max_word_bytes_, word.size());
}

void LanguageProfiles::Rehash() {
  size_t size = 16;
  while (size < 2 * masks_.size()) size *= 2;
  if (slots_.size() == size) {
    std::fill(slots_.begin(), slots_.end(), Slot{});
  } else {
    slots_.assign(size, Slot{});
  }
  for (const auto& [hash, mask] : masks_) {
    size_t i = hash & (size - 1);
    while (slots_[i].mask != 0) i = (i + 1) & (size - 1);
    slots_[i] = {hash, mask};
  }
}

FunctionWordCounts LanguageProfiles::Count(std::string_view text,
                                           std::vector<FunctionWordsSeen::Word>* seen) const {
  FunctionWordCounts counts;
  ForEachWord(text, [&](const TextWord& w) {
    ++counts.words;
    const uint32_t mask = w.end - w.begin > max_word_bytes_ ? 0 : Mask(w.hash);
    counts.Add(mask);
    if (seen != nullptr && mask != 0) seen->push_back({w.begin, mask});
  });
  return counts;
}

namespace {

// True when a word may go on across the byte before `offset` and the byte
// at it (letters beyond ASCII are not told apart from other characters).
bool MayJoinWords(std::string_view text, size_t offset) {
  auto letter_or_beyond_ascii = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || language_profile_internal::kAsciiLower[u] != 0;
  };
  return offset > 0 && offset < text.size() && letter_or_beyond_ascii(text[offset - 1]) &&
         letter_or_beyond_ascii(text[offset]);
}

}  // namespace

std::optional<FunctionWordCounts> FunctionWordsSeen::CountsOf(std::string_view text, size_t from,
                                                              size_t to) const {
  if (from < begin || to > end || MayJoinWords(text, from) || MayJoinWords(text, to)) {
    return std::nullopt;
  }
  FunctionWordCounts counts;
  auto it = std::lower_bound(words.begin(), words.end(), from,
                             [](const Word& w, size_t offset) { return w.offset < offset; });
  for (; it != words.end() && it->offset < to; ++it) counts.Add(it->mask);
  return counts;
}

namespace {

constexpr size_t kGuessBytes = 64 * 1024;
constexpr size_t kSampleWords = 64;
constexpr size_t kMinSampleWords = 8;
constexpr size_t kMinFunctionWords = 3;
constexpr size_t kMaxCandidates = 3;
// The share of the sample a candidate's dictionary must accept.
constexpr double kMinCoverage = 0.6;

// The end of the longest prefix of `text` of at most `limit` bytes that
// does not cut a UTF-8 sequence.
size_t CutAt(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text.size();
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

std::string GuessLanguage(std::string_view text, const LanguageProfiles& profiles,
                          const Dictionaries& dictionaries, std::string_view fallback,
                          FunctionWordsSeen* seen) {
  text = text.substr(0, CutAt(text, kGuessBytes));
  if (seen != nullptr) {
    seen->begin = 0;
    seen->end = text.size();
    seen->words.clear();
  }
  // Function-word score of each language: a word shared by k languages
  // counts 1/k for each, in units of 1/840 (840 = lcm(1..8): exact).
  const FunctionWordCounts counts =
      profiles.Count(text, seen != nullptr ? &seen->words : nullptr);
  const size_t function_words = counts.words - counts.by_mask[0];
  if (function_words < kMinFunctionWords) return std::string(fallback);
  constexpr uint64_t kWhole = 840;
  static_assert(FunctionWordCounts::kMaxLanguages <= 8);
  const size_t n = profiles.languages().size();
  std::vector<uint64_t> score(n, 0);
  for (size_t k = 0; k < counts.seen_count; ++k) {
    const uint32_t mask = counts.seen[k];
    const uint64_t share = kWhole / static_cast<uint64_t>(std::popcount(mask));
    for (size_t i = 0; i < n; ++i) {
      if ((mask >> i) & 1u) score[i] += share * counts.by_mask[mask];
    }
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return score[a] > score[b]; });
  const uint64_t top = score[order[0]];
  // The candidates: at most kMaxCandidates, each scoring at least half the
  // top score.
  size_t candidates = 0;
  while (candidates < order.size() && candidates < kMaxCandidates &&
         2 * score[order[candidates]] >= top && score[order[candidates]] != 0) {
    ++candidates;
  }
  // A single candidate that is the fallback is the answer whatever its
  // dictionary says: most documents end here, without a lookup.
  if (candidates == 1 && profiles.languages()[order[0]] == fallback) return std::string(fallback);

  std::vector<std::pair<size_t, size_t>> lowercase_words;
  ForEachWord(text, [&](const TextWord& w) {
    if (!w.has_upper && w.end - w.begin >= 2) lowercase_words.emplace_back(w.begin, w.end);
  });
  if (lowercase_words.size() < kMinSampleWords) return std::string(fallback);
  // A sample spread evenly over the text.
  std::vector<std::string_view> sample;
  const size_t step = std::max<size_t>(1, lowercase_words.size() / kSampleWords);
  for (size_t i = 0; i < lowercase_words.size() && sample.size() < kSampleWords; i += step) {
    const auto [b, e] = lowercase_words[i];
    sample.push_back(text.substr(b, e - b));
  }

  std::string best(fallback);
  double best_coverage = 0.0;
  for (size_t k = 0; k < candidates; ++k) {
    const size_t i = order[k];
    absl::StatusOr<const SpellChecker*> checker = dictionaries.Get(profiles.languages()[i]);
    if (!checker.ok()) continue;
    size_t accepted = 0;
    for (std::string_view word : sample) accepted += (*checker)->Accepts(word) ? 1 : 0;
    const double coverage = static_cast<double>(accepted) / static_cast<double>(sample.size());
    if (coverage > best_coverage) {
      best_coverage = coverage;
      best = profiles.languages()[i];
    }
  }
  return best_coverage >= kMinCoverage ? best : std::string(fallback);
}

}  // namespace mtclean::internal
