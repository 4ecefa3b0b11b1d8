#include "mtclean/engine.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <filesystem>
#include <map>

#include "absl/strings/str_cat.h"
#include "cleaner/dict/language_profile.h"
#include "cleaner/dict/word_lists.h"
#include "cleaner/document/document.h"
#include "cleaner/resolve/resolve.h"
#include "cleaner/rules/registry.h"

namespace mtclean {

struct Engine::State {
  std::string language;  // empty: guessed per document
  // The word lists of each language a document may be checked in.
  std::map<std::string, internal::WordLists, std::less<>> words;
  internal::LanguageProfiles profiles;
  std::unique_ptr<internal::Dictionaries> dictionaries;
  std::unique_ptr<internal::RuleSet> rules;
};

Engine::Engine(std::unique_ptr<State> state) : state_(std::move(state)) {}
Engine::~Engine() = default;

namespace {

std::string ResolveDataDir(const Options& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  if (const char* env = std::getenv("MTCLEAN_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return MTCLEAN_DEFAULT_DATA_DIR;
}

// When the language is guessed and the guess is inconclusive.
constexpr std::string_view kFallbackLanguage = "en";

}  // namespace

absl::StatusOr<std::unique_ptr<Engine>> Engine::Create(const Options& options) {
  auto state = std::make_unique<State>();
  state->language = options.language;
  const std::string data_dir = ResolveDataDir(options);
  if (!std::filesystem::is_directory(data_dir)) {
    return absl::NotFoundError(absl::StrCat(
        data_dir, ": data folder (rules/ and dictionaries/) not found; set "
                  "--data-dir or MTCLEAN_DATA_DIR"));
  }
  const std::string dictionaries_dir =
      (std::filesystem::path(data_dir) / "dictionaries").string();
  // A given language is the only one; a guessed one may be any known one.
  std::vector<std::string> languages;
  if (options.language.empty()) {
    for (std::string_view l : internal::KnownLanguages()) languages.emplace_back(l);
  } else {
    languages.push_back(options.language);
  }
  for (const std::string& language : languages) {
    absl::StatusOr<internal::WordLists> words =
        internal::WordLists::Load(dictionaries_dir, language);
    if (!words.ok()) return words.status();
    state->words.emplace(language, std::move(*words));
  }
  absl::StatusOr<internal::LanguageProfiles> profiles =
      internal::LanguageProfiles::Load(dictionaries_dir);
  if (!profiles.ok()) return profiles.status();
  state->profiles = std::move(*profiles);
  state->dictionaries =
      std::make_unique<internal::Dictionaries>(options.hunspell_dir, dictionaries_dir);
  // The output language's dictionary (the fallback's, when the language is
  // guessed) is needed by the checks: a missing one is an error now rather
  // than in the middle of a run. The other languages' load on first use.
  const std::string_view needed =
      options.language.empty() ? kFallbackLanguage : std::string_view(options.language);
  if (absl::StatusOr<const internal::SpellChecker*> checker = state->dictionaries->Get(needed);
      !checker.ok()) {
    return checker.status();
  }
  absl::StatusOr<std::unique_ptr<internal::RuleSet>> rules = internal::RuleSet::Create(
      options, data_dir, state->words.find(needed)->second);
  if (!rules.ok()) return rules.status();
  state->rules = std::move(*rules);
  return std::unique_ptr<Engine>(new Engine(std::move(state)));
}

absl::StatusOr<Result> Engine::Clean(std::string_view name, std::string_view text) const {
  // Fixes can make a new artifact appear (a removed dateline prefix leaves a
  // repeated headline), so the rules run again on the cleaned text until
  // nothing changes; later rounds' edits and findings are composed back
  // into the original's offsets. Clean text costs one round.
  constexpr int kMaxRounds = 4;
  Result result;
  std::string current(text);
  for (int round = 0; round < kMaxRounds; ++round) {
    absl::StatusOr<internal::Document> doc = internal::Document::Create(current);
    if (!doc.ok()) {
      return absl::Status(doc.status().code(),
                          std::string(name) + ": " + std::string(doc.status().message()));
    }
    if (round == 0) {
      // The language is the same in every round: guessed from the body of
      // the original text.
      result.language = state_->language;
      if (result.language.empty()) {
        const auto& blocks = doc->blocks();
        const std::string_view body =
            blocks.empty() ? std::string_view()
                           : doc->text().substr(blocks.front().begin,
                                                blocks.back().end - blocks.front().begin);
        result.language = internal::GuessLanguage(body, state_->profiles,
                                                  *state_->dictionaries, kFallbackLanguage);
      }
    }
    std::vector<Finding> findings;
    const internal::RuleContext context{*doc, state_->words.find(result.language)->second,
                                        *state_->dictionaries, result.language,
                                        state_->profiles};
    if (absl::Status s = state_->rules->Check(context, &findings); !s.ok()) {
      return absl::Status(s.code(), std::string(name) + ": " + std::string(s.message()));
    }
    std::vector<Edit> edits = internal::ResolveEdits(*doc, &findings);
    std::string cleaned = internal::ApplyEdits(doc->text(), edits);
    if (round == 0) {
      result.findings = std::move(findings);
      result.edits = std::move(edits);
    } else {
      // Only what this round fixed is new; its other findings were reported.
      for (Finding& f : findings) {
        if (!f.fixed) continue;
        internal::MapSpanBack(result.edits, &f.begin, &f.end);
        f.edits.clear();
        result.findings.push_back(std::move(f));
      }
      result.edits = internal::ComposeEdits(result.edits, edits, cleaned);
    }
    const bool changed = cleaned != current;
    current = std::move(cleaned);
    if (!changed) break;
  }
  std::sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.begin, a.end, a.rule_id) < std::tie(b.begin, b.end, b.rule_id);
  });
  result.cleaned = std::move(current);
  return result;
}

const std::vector<RuleDescription>& Engine::rules() const {
  return state_->rules->descriptions();
}

}  // namespace mtclean
