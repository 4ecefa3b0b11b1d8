#include "mtclean/engine.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <tuple>
#include <filesystem>
#include <future>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "cleaner/dict/language_profile.h"
#include "cleaner/dict/word_lists.h"
#include "cleaner/document/document.h"
#include "cleaner/resolve/resolve.h"
#include "cleaner/rules/registry.h"
#include "cleaner/rules/suppression.h"

namespace mtclean {

struct Engine::State {
  std::string language;  // empty: guessed per document
  bool report_unused_suppressions = false;
  // The word lists of each language a document may be checked in.
  std::map<std::string, internal::WordLists, std::less<>> words;
  internal::LanguageProfiles profiles;
  std::unique_ptr<internal::Dictionaries> dictionaries;
  std::unique_ptr<internal::RuleSet> rules;
  std::vector<RuleDescription> descriptions;
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

RuleDescription DescribeUnusedSuppression() {
  RuleDescription d;
  d.id = kUnusedSuppressionRuleId;
  d.severity = Severity::kWarning;
  d.message = "Suppression comment that suppressed nothing";
  d.description =
      "A Markdown comment `<!-- mtclean-disable... -->` that silenced no "
      "finding: the artifact it was written for is gone, or it names the "
      "wrong rule or line. Reported with --report-unused-suppressions.";
  d.fixable = false;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "<!-- mtclean-disable-next-line scrape.comment-form -->\nThe vote is on Friday.\n",
       "<!-- mtclean-disable-next-line scrape.comment-form -->\nThe vote is on Friday.\n"},
      {RuleExample::Kind::kOk,
       "The vote is on Friday.\n\n<!-- mtclean-disable-next-line scrape.comment-form -->\n"
       "Leave a Reply\n"},
  };
  return d;
}

// Removes the findings that lie inside protected regions or that a
// suppression comment covers, noting which suppressions were used.
void DropSilencedFindings(const internal::Document& doc,
                          const internal::Suppressions& suppressions,
                          std::vector<std::vector<bool>>* used, std::vector<Finding>* findings) {
  std::vector<Finding> kept;
  kept.reserve(findings->size());
  for (Finding& f : *findings) {
    if (doc.IsInsideProtected(f.begin, f.end)) continue;
    if (std::optional<internal::Suppressions::Use> use =
            suppressions.Match(f.rule_id, f.begin)) {
      if (use->directive < used->size() && use->pattern < (*used)[use->directive].size()) {
        (*used)[use->directive][use->pattern] = true;
      }
      continue;
    }
    kept.push_back(std::move(f));
  }
  *findings = std::move(kept);
}

// The end of what a fixed finding's fix removes or rewrites.
size_t FixEnd(const internal::Document& doc, const Finding& f) {
  if (f.delete_lines) return doc.lines()[doc.LineIndexAt(f.end > f.begin ? f.end - 1 : f.end)].next;
  size_t end = f.end;
  for (const Edit& e : f.edits) end = std::max(end, e.end);
  return end;
}

// ResolveEdits, then a check that the fixed text still reads every region
// the original protects as protected: in Markdown, removing a paragraph can
// change how what follows reads (indented code after it becomes part of a
// list item above). Such a fix is withdrawn (its finding stays, without a
// fix): the one ending closest before the region, until none is left.
std::vector<Edit> ResolveKeepingStructure(const internal::Document& doc,
                                          std::vector<Finding>* findings) {
  for (;;) {
    std::vector<Edit> edits = internal::ResolveEdits(doc, findings);
    if (doc.syntax() != internal::Syntax::kMarkdown || edits.empty() ||
        doc.protected_regions().empty()) {
      return edits;
    }
    absl::StatusOr<internal::Document> reread = internal::Document::Create(
        internal::ApplyEdits(doc.text(), edits), internal::Syntax::kMarkdown);
    if (!reread.ok()) return edits;
    size_t broken = std::string_view::npos;
    const internal::EditMap map(edits);
    for (const internal::Region& r : doc.protected_regions()) {
      const size_t b = map.Forward(r.begin, false);
      const size_t e = map.Forward(r.end, false);
      if (b < e && !reread->IsInsideProtected(b, e)) {
        broken = r.begin;
        break;
      }
    }
    if (broken == std::string_view::npos) return edits;
    Finding* culprit = nullptr;
    for (Finding& f : *findings) {
      if (!f.fixed) continue;
      const size_t end = FixEnd(doc, f);
      if (culprit == nullptr || (end <= broken && (FixEnd(doc, *culprit) > broken ||
                                                   end > FixEnd(doc, *culprit)))) {
        culprit = &f;
      }
    }
    if (culprit == nullptr) return edits;
    culprit->delete_lines = false;
    culprit->edits.clear();
  }
}

}  // namespace

TextFormat TextFormatForPath(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) {
    return TextFormat::kPlain;
  }
  const std::string ext = absl::AsciiStrToLower(std::string(path.substr(dot)));
  return ext == ".md" || ext == ".markdown" ? TextFormat::kMarkdown : TextFormat::kPlain;
}

std::string DefaultCacheDir() {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v == nullptr ? "" : v;
  };
  if (std::string dir = env("MTCLEAN_CACHE_DIR"); !dir.empty()) return dir;
  if (std::string dir = env("XDG_CACHE_HOME"); !dir.empty()) return dir + "/mtclean";
  if (std::string dir = env("HOME"); !dir.empty()) return dir + "/.cache/mtclean";
  return "";
}

absl::StatusOr<std::unique_ptr<Engine>> Engine::Create(const Options& options) {
  auto state = std::make_unique<State>();
  // "auto" is the CLI's (and a configuration's) word for "guess".
  state->language = options.language == "auto" ? "" : options.language;
  state->report_unused_suppressions = options.report_unused_suppressions;
  const std::string data_dir = ResolveDataDir(options);
  if (!std::filesystem::is_directory(data_dir)) {
    return absl::NotFoundError(absl::StrCat(
        data_dir, ": data folder (rules/ and dictionaries/) not found; set "
                  "--data-dir or MTCLEAN_DATA_DIR"));
  }
  const std::string dictionaries_dir =
      (std::filesystem::path(data_dir) / "dictionaries").string();
  // The output language's dictionary (the fallback's, when the language is
  // guessed) is needed by the checks: a missing one is an error now rather
  // than in the middle of a run. The other languages' load on first use.
  // It loads while the word lists and rules are read and compiled, which do
  // not need it: the two take about as long as each other.
  state->dictionaries =
      std::make_unique<internal::Dictionaries>(options.hunspell_dir, dictionaries_dir);
  const std::string_view needed =
      state->language.empty() ? kFallbackLanguage : std::string_view(state->language);
  // Declared after `state`, so that an early return waits for the load
  // before the dictionaries go.
  std::future<absl::Status> dictionary_loaded =
      std::async(std::launch::async, [dictionaries = state->dictionaries.get(), needed] {
        return dictionaries->Get(needed).status();
      });
  // A given language is the only one; a guessed one may be any known one.
  std::vector<std::string> languages;
  if (state->language.empty()) {
    for (std::string_view l : internal::HunspellLanguages()) languages.emplace_back(l);
  } else {
    languages.push_back(state->language);
  }
  for (const std::string& language : languages) {
    absl::StatusOr<internal::WordLists> words =
        internal::WordLists::Load(dictionaries_dir, language, options.dictionary_paths);
    if (!words.ok()) return words.status();
    state->words.emplace(language, std::move(*words));
  }
  absl::StatusOr<internal::LanguageProfiles> profiles =
      internal::LanguageProfiles::Load(dictionaries_dir);
  if (!profiles.ok()) return profiles.status();
  state->profiles = std::move(*profiles);
  Options rule_options = options;
  rule_options.language = state->language;
  absl::StatusOr<std::unique_ptr<internal::RuleSet>> rules = internal::RuleSet::Create(
      rule_options, data_dir, state->words.find(needed)->second);
  if (absl::Status loaded = dictionary_loaded.get(); !loaded.ok()) return loaded;
  if (!rules.ok()) return rules.status();
  state->rules = std::move(*rules);
  state->descriptions = state->rules->descriptions();
  if (options.report_unused_suppressions) {
    state->descriptions.push_back(DescribeUnusedSuppression());
    std::sort(state->descriptions.begin(), state->descriptions.end(),
              [](const RuleDescription& a, const RuleDescription& b) { return a.id < b.id; });
  }
  return std::unique_ptr<Engine>(new Engine(std::move(state)));
}

absl::StatusOr<Result> Engine::Clean(std::string_view name, std::string_view text,
                                     TextFormat format) const {
  // Fixes can make a new artifact appear (a removed dateline prefix leaves a
  // repeated headline), so the rules run again on the cleaned text until
  // nothing changes; later rounds' edits and findings are composed back
  // into the original's offsets. Clean text costs one round. A fix can
  // expose the next artifact in turn (boilerplate blocks that reach the tail
  // one after another): the bound keeps the time linear while leaving room
  // for such chains (the pipeline fuzzer found one of five).
  constexpr int kMaxRounds = 16;
  const internal::Syntax syntax =
      format == TextFormat::kMarkdown ? internal::Syntax::kMarkdown : internal::Syntax::kPlain;
  Result result;
  std::string current(text);
  // Suppression comments are protected, so every round sees the same ones;
  // `used` records which of them silenced a finding in any round.
  std::vector<internal::Suppression> directives;
  std::vector<std::vector<bool>> used;
  // What the original protects stays protected in later rounds, even where
  // a fix changed how the rest reads (a removed line can turn an indented
  // code block into a list item's paragraph).
  std::vector<internal::Region> original_protected;
  internal::FunctionWordsSeen function_words;
  bool guessed = false;
  for (int round = 0; round < kMaxRounds; ++round) {
    std::vector<internal::Region> keep;
    const internal::EditMap so_far(result.edits);
    for (const internal::Region& r : original_protected) {
      keep.push_back({so_far.Forward(r.begin, false), so_far.Forward(r.end, false)});
    }
    absl::StatusOr<internal::Document> doc =
        internal::Document::Create(current, syntax, keep);
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
        result.language =
            internal::GuessLanguage(body, state_->profiles, *state_->dictionaries,
                                    kFallbackLanguage, &function_words);
        // From the body's offsets to the document's.
        const size_t body_begin = blocks.empty() ? 0 : blocks.front().begin;
        function_words.begin += body_begin;
        function_words.end += body_begin;
        for (internal::FunctionWordsSeen::Word& w : function_words.words) w.offset += body_begin;
        guessed = true;
      }
    }
    std::vector<Finding> findings;
    internal::RuleContext context{*doc, state_->words.find(result.language)->second,
                                  *state_->dictionaries, result.language, state_->profiles};
    // What the guess saw holds for the first round's text only.
    if (round == 0 && guessed) context.function_words = &function_words;
    // Later rounds keep only what they fix, unless every suppression's use
    // is to be reported: a finding there may be the one a comment silences.
    const internal::RuleSet::Wanted wanted =
        round > 0 && !state_->report_unused_suppressions ? internal::RuleSet::Wanted::kFixes
                                                         : internal::RuleSet::Wanted::kAll;
    if (absl::Status s = state_->rules->Check(context, &findings, wanted); !s.ok()) {
      return absl::Status(s.code(), std::string(name) + ": " + std::string(s.message()));
    }
    const internal::Suppressions suppressions = internal::Suppressions::Find(*doc);
    if (round == 0) {
      original_protected = doc->protected_regions();
      directives = suppressions.directives();
      for (const internal::Suppression& s : directives) used.emplace_back(s.covers.size(), false);
    }
    DropSilencedFindings(*doc, suppressions, &used, &findings);
    std::vector<Edit> edits = ResolveKeepingStructure(*doc, &findings);
    std::string cleaned = internal::ApplyEdits(doc->text(), edits);
    if (round == 0) {
      // A line deletion's own edits, as if it were the only fix.
      std::vector<bool> deleted(doc->lines().size(), false);
      for (Finding& f : findings) {
        if (!f.delete_lines || !f.fixed) continue;
        const size_t first = doc->LineIndexAt(f.begin);
        const size_t last = doc->LineIndexAt(f.end > f.begin ? f.end - 1 : f.end);
        for (size_t l = first; l <= last; ++l) deleted[l] = !doc->lines()[l].blank;
        f.edits = internal::LineDeletionEdits(*doc, deleted, first, last);
        for (size_t l = first; l <= last; ++l) deleted[l] = false;
      }
      result.findings = std::move(findings);
      result.edits = std::move(edits);
    } else {
      // Only what this round fixed is new; its other findings were reported.
      const internal::EditMap earlier(result.edits);
      for (Finding& f : findings) {
        if (!f.fixed) continue;
        earlier.SpanBack(&f.begin, &f.end);
        f.edits.clear();
        result.findings.push_back(std::move(f));
      }
      result.edits = internal::ComposeEdits(result.edits, edits, cleaned);
    }
    const bool changed = cleaned != current;
    current = std::move(cleaned);
    if (!changed) break;
  }
  if (state_->report_unused_suppressions) {
    for (size_t d = 0; d < directives.size(); ++d) {
      for (size_t p = 0; p < used[d].size(); ++p) {
        if (used[d][p]) continue;
        Finding f;
        f.rule_id = kUnusedSuppressionRuleId;
        f.severity = Severity::kWarning;
        f.begin = directives[d].comment.begin;
        f.end = directives[d].comment.end;
        f.message = absl::StrCat("Suppression `",
                                 internal::Suppressions::Describe(directives[d], p),
                                 "` suppressed nothing");
        result.findings.push_back(std::move(f));
      }
    }
  }
  std::sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.begin, a.end, a.rule_id) < std::tie(b.begin, b.end, b.rule_id);
  });
  result.cleaned = std::move(current);
  return result;
}

const std::vector<RuleDescription>& Engine::rules() const { return state_->descriptions; }

}  // namespace mtclean
