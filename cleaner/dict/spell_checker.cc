#include "cleaner/dict/spell_checker.h"

#include <hunspell/hunspell.hxx>

#include <atomic>
#include <filesystem>
#include <mutex>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "cleaner/dict/word_lists.h"
#include "cleaner/document/unicode_text.h"
#include "unicode/uchar.h"

namespace mtclean::internal {
namespace {

struct HunspellFiles {
  std::string_view language;
  std::string_view basename;
  std::string_view package;
  std::string_view name;
  // The letters beyond ASCII of the language's alphabet, in lower case.
  std::u32string_view letters;
};

// Sorted by language code.
constexpr HunspellFiles kHunspellFiles[] = {
    {"de", "de_DE", "hunspell-de-de", "German", U"äöüß"},
    {"en", "en_US", "hunspell-en-us", "English", U""},
    {"es", "es_ES", "hunspell-es", "Spanish", U"áéíñóúü"},
    {"fr", "fr_FR", "hunspell-fr", "French", U"àâæçéèêëîïôœùûüÿ"},
    {"it", "it_IT", "hunspell-it", "Italian", U"àèéìíîòóùú"},
    {"pt", "pt_PT", "hunspell-pt-pt", "Portuguese", U"áâãàçéêíóôõú"},
};

const HunspellFiles* FilesFor(std::string_view language) {
  for (const HunspellFiles& f : kHunspellFiles) {
    if (f.language == language) return &f;
  }
  return nullptr;
}

std::atomic<uint64_t> next_id{1};

// Hunspell's constructor and destructor count and build a process-wide
// table of Unicode case data without a lock (libhunspell 1.7.1): two
// dictionaries loading at once, in two workers, could see it half built.
// Loads and unloads take turns; lookups do not touch it.
std::mutex hunspell_lifetime;

// Per-thread answers, by spell checker id. Bounded: a thread that has seen
// too many distinct words starts over.
constexpr size_t kMaxCachedWords = 1 << 17;
using WordCache = absl::flat_hash_map<std::string, bool>;
thread_local absl::flat_hash_map<uint64_t, WordCache> thread_caches;
// A checker's cache outlives the checker in every thread that used it, so a
// thread that has seen many checkers (engines built again and again) drops
// all its caches and starts over.
constexpr size_t kMaxCachesPerThread = 32;

}  // namespace

std::string_view HunspellPackage(std::string_view language) {
  const HunspellFiles* f = FilesFor(language);
  return f == nullptr ? std::string_view() : f->package;
}

std::vector<std::string_view> HunspellLanguages() {
  std::vector<std::string_view> languages;
  for (const HunspellFiles& f : kHunspellFiles) languages.push_back(f.language);
  return languages;
}

bool AlphabetHasLettersOf(std::string_view language, std::string_view word) {
  const HunspellFiles* f = FilesFor(language);
  if (f == nullptr) return false;
  for (size_t i = 0; i < word.size();) {
    const char32_t c = NextCodePoint(word, i);
    if (c >= 0x80 && IsLetter(c) &&
        f->letters.find(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)))) ==
            std::u32string_view::npos) {
      return false;
    }
  }
  return true;
}

std::string_view LanguageName(std::string_view language) {
  const HunspellFiles* f = FilesFor(language);
  return f == nullptr ? language : f->name;
}

SpellChecker::~SpellChecker() {
  std::lock_guard<std::mutex> lock(hunspell_lifetime);
  hunspell_.reset();
}

absl::StatusOr<std::unique_ptr<SpellChecker>> SpellChecker::Load(std::string_view language,
                                                                  const std::string& system_dir,
                                                                  const std::string& project_dir) {
  const HunspellFiles* files = FilesFor(language);
  if (files == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "no spelling dictionary is known for language `", std::string(language),
        "` (known: de, en, es, fr, it, pt)"));
  }
  const std::filesystem::path base = std::filesystem::path(system_dir) / files->basename;
  const std::string aff = base.string() + ".aff";
  const std::string dic = base.string() + ".dic";
  for (const std::string& path : {aff, dic}) {
    if (!std::filesystem::exists(path)) {
      return absl::NotFoundError(absl::StrCat(
          "no Hunspell dictionary for `", std::string(language), "`: ", path,
          " is missing; install the Debian package ", std::string(files->package)));
    }
  }
  std::unique_ptr<SpellChecker> checker(new SpellChecker());
  checker->language_ = std::string(language);
  checker->id_ = next_id.fetch_add(1);
  {
    std::lock_guard<std::mutex> lock(hunspell_lifetime);
    checker->hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  }

  const std::filesystem::path additions =
      std::filesystem::path(project_dir) / std::string(language) / "words.txt";
  if (std::filesystem::exists(additions)) {
    absl::StatusOr<std::vector<WordListEntry>> words = ReadWordList(additions.string());
    if (!words.ok()) return words.status();
    for (const WordListEntry& e : *words) {
      // `word` alone, or `word | model`: the word takes the endings of a
      // word of the system dictionary (`harbour | harbor`: harbours too).
      if (e.fields.size() > 2) {
        return absl::InvalidArgumentError(absl::StrCat(
            additions.string(), ":", e.line, ": expected `word` or `word | model`"));
      }
      if (e.fields.size() == 2) {
        checker->hunspell_->add_with_affix(e.fields[0], e.fields[1]);
      } else {
        checker->hunspell_->add(e.fields[0]);
      }
    }
  }
  return checker;
}

bool SpellChecker::AcceptsUncached(std::string_view word) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return hunspell_->spell(std::string(word));
}

bool SpellChecker::Accepts(std::string_view word) const {
  if (thread_caches.size() >= kMaxCachesPerThread && !thread_caches.contains(id_)) {
    thread_caches.clear();
  }
  WordCache& cache = thread_caches[id_];
  // Debian's Abseil has its own string_view: look up without a copy.
  if (auto it = cache.find(absl::string_view(word.data(), word.size())); it != cache.end()) {
    return it->second;
  }
  const bool accepted = AcceptsUncached(word);
  if (cache.size() >= kMaxCachedWords) cache.clear();
  cache.emplace(std::string(word), accepted);
  return accepted;
}

absl::StatusOr<const SpellChecker*> Dictionaries::Get(std::string_view language) const {
  static_assert(std::size(kHunspellFiles) == kLanguages);
  const HunspellFiles* files = FilesFor(language);
  if (files == nullptr) {
    // Unknown: Load says so.
    absl::StatusOr<std::unique_ptr<SpellChecker>> none =
        SpellChecker::Load(language, system_dir_, project_dir_);
    return none.ok() ? absl::InternalError("unexpected spell checker") : none.status();
  }
  Slot& slot = slots_[static_cast<size_t>(files - kHunspellFiles)];
  std::call_once(slot.loaded, [&] {
    slot.checker = SpellChecker::Load(language, system_dir_, project_dir_);
  });
  if (!slot.checker.ok()) return slot.checker.status();
  return slot.checker->get();
}

}  // namespace mtclean::internal
