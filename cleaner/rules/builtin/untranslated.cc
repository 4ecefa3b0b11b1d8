// mt.untranslated
//
// What it does: finds a sentence left in another language in a translated
// text (`La reunión se celebrará el próximo martes en la sede del
// ministerio.` in an English story) and reports it with the language it
// looks like. By default it only reports; with Options::delete_untranslated
// (`--delete-untranslated`) the sentence is deleted too.
//
// Why: machine translation skips what it cannot segment (a quote in a
// caption, a sentence glued to markup) and passes it through untouched; a
// reader of the output language cannot read it, and a corpus of the output
// language is polluted by it.
//
// Evidence, cheapest first (DESIGN.md, performance model):
//  1. every paragraph's words are counted against the function-word
//     profiles (one hash lookup per word); a paragraph goes on only when
//     some other language has at least two function words in it that the
//     output language does not share;
//  2. such a paragraph is split into sentences (ICU), and each sentence
//     goes on only when another language's own function words outnumber
//     the output language's own;
//  3. only then are its lowercase words looked up: the sentence is reported
//     when at least half of them (and at least three) are rejected by the
//     output language's dictionary and accepted by the other language's.
// Capitalised words (names) are no evidence either way. A short foreign
// quote inside an English sentence stays below both thresholds.
#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "cleaner/dict/language_profile.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"

namespace mtclean::internal {
namespace {

// A language's own function words a paragraph or sentence needs to be a
// candidate.
constexpr size_t kMinForeignFunctionWords = 2;
// Languages whose dictionaries are asked about one sentence.
constexpr size_t kMaxCandidates = 2;
// Lowercase words a sentence needs to be judged at all, and foreign ones
// (rejected by the output language, accepted by the other) to be reported.
constexpr size_t kMinWords = 4;
constexpr size_t kMinForeignWords = 3;

RuleDescription Describe(bool delete_sentences) {
  RuleDescription d;
  d.id = "mt.untranslated";
  d.severity = Severity::kWarning;
  d.message = "Sentence left untranslated";
  d.description =
      "A sentence in another language than the text's: at least half of its "
      "lowercase words (and at least three) are rejected by the text "
      "language's spelling dictionary and accepted by the other language's. "
      "Function-word profiles pick the candidate sentences first, so the "
      "dictionaries are asked only about those. Reported with the language "
      "it looks like; deleted only when configured (Options::"
      "delete_untranslated, --delete-untranslated).";
  // Every language: the rule needs the text language's function-word
  // profile and dictionary, and is silent without them.
  d.fixable = delete_sentences;
  d.source = "built-in";
  const std::string bad =
      "The port reopened on Monday after a week of strikes.\n\n"
      "La reunión con los sindicatos se celebrará el próximo martes en la sede "
      "del ministerio.\n\n"
      "Dock workers returned to their shifts at dawn.\n";
  d.examples = {
      {RuleExample::Kind::kBad, bad,
       delete_sentences ? "The port reopened on Monday after a week of strikes.\n\n"
                          "Dock workers returned to their shifts at dawn.\n"
                        : bad},
      {RuleExample::Kind::kBad,
       "Negotiators met again on Friday. Les deux parties ont promis de "
       "reprendre les discussions dans une semaine. No date was set.\n",
       delete_sentences ? "Negotiators met again on Friday. No date was set.\n"
                        : "Negotiators met again on Friday. Les deux parties ont "
                          "promis de reprendre les discussions dans une semaine. No "
                          "date was set.\n"},
      {RuleExample::Kind::kOk,
       "The banner read “Ni un paso atrás” as the march reached the square, "
       "and the crowd sang along.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Juan Carlos de la Fuente, the mayor of San José del Valle, met officials "
       "from Rio de Janeiro and São Paulo on Tuesday.\n",
       ""},
  };
  return d;
}

class UntranslatedRule : public StructuralRule {
 public:
  explicit UntranslatedRule(bool delete_sentences)
      : StructuralRule(Describe(delete_sentences)), delete_sentences_(delete_sentences) {}

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const int own = context.profiles.IndexOf(context.language);
    if (own < 0) return;
    absl::StatusOr<const SpellChecker*> own_checker = context.dictionaries.Get(context.language);
    if (!own_checker.ok()) return;
    const std::string_view text = context.doc.text();
    for (const Block& block : context.doc.blocks()) {
      const std::string_view block_text = text.substr(block.begin, block.end - block.begin);
      // The language guess's pass over the words serves when it covered
      // the block.
      std::optional<FunctionWordCounts> counts;
      if (context.function_words != nullptr) {
        counts = context.function_words->CountsOf(text, block.begin, block.end);
      }
      if (!counts) counts = context.profiles.Count(block_text);
      if (Candidates(*counts, own, context.profiles, /*outnumber=*/false).empty()) continue;
      const std::vector<size_t> ends = SentenceEnds(block_text, context.language);
      size_t begin = 0;
      for (size_t i = 0; i < ends.size(); ++i) {
        Sentence s;
        s.begin = block.begin + begin;
        s.end = block.begin + ends[i];
        s.block = &block;
        s.first = i == 0;
        s.last = i + 1 == ends.size();
        CheckSentence(context, own, **own_checker, s, out);
        begin = ends[i];
      }
    }
  }

 private:
  struct Sentence {
    size_t begin = 0;  // offsets into the document; includes the spaces after it
    size_t end = 0;
    const Block* block = nullptr;
    bool first = false;
    bool last = false;
  };

  // The languages other than `own` whose own function words in `counts`
  // reach the minimum and, when `outnumber`, outnumber those of `own`; most
  // first. A paragraph needs only the minimum (its other sentences may be in
  // the text's language); a sentence must outnumber.
  static std::vector<int> Candidates(const FunctionWordCounts& counts, int own,
                                     const LanguageProfiles& profiles, bool outnumber) {
    std::vector<std::pair<size_t, int>> found;
    const uint32_t own_bit = 1u << own;
    for (int l = 0; l < static_cast<int>(profiles.languages().size()); ++l) {
      if (l == own) continue;
      const size_t foreign = counts.Of(l, own_bit);
      if (foreign >= kMinForeignFunctionWords &&
          (!outnumber || foreign > counts.Of(own, 1u << l))) {
        found.emplace_back(foreign, l);
      }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<int> languages;
    for (const auto& [n, l] : found) languages.push_back(l);
    return languages;
  }

  void CheckSentence(const RuleContext& context, int own, const SpellChecker& own_checker,
                     const Sentence& s, std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    std::vector<int> candidates =
        Candidates(context.profiles.Count(sentence), own, context.profiles, /*outnumber=*/true);
    if (candidates.empty()) return;
    if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);
    // The words the text's own dictionary rejects, first: only they can
    // count for another language, so when too few are rejected no other
    // dictionary is asked, or loaded (loading one is a large part of a
    // short run's time, and most sentences with foreign function words are
    // the text's own language with a name or a phrase in them).
    size_t considered = 0;
    std::vector<std::string_view> rejected;
    ForEachWord(sentence, [&](const TextWord& w) {
      if (w.has_upper || w.end - w.begin < 2) return;
      const std::string_view word = sentence.substr(w.begin, w.end - w.begin);
      ++considered;
      if (!own_checker.Accepts(word)) rejected.push_back(word);
    });
    if (considered < kMinWords || rejected.size() < kMinForeignWords ||
        2 * rejected.size() < considered) {
      return;
    }
    std::vector<size_t> foreign(candidates.size(), 0);
    for (size_t k = 0; k < candidates.size(); ++k) {
      absl::StatusOr<const SpellChecker*> checker =
          context.dictionaries.Get(context.profiles.languages()[candidates[k]]);
      // A language whose dictionary is not installed gives no evidence.
      if (!checker.ok()) continue;
      for (std::string_view word : rejected) {
        if ((*checker)->Accepts(word)) ++foreign[k];
      }
    }
    const size_t best =
        static_cast<size_t>(std::max_element(foreign.begin(), foreign.end()) - foreign.begin());
    if (foreign[best] < kMinForeignWords || 2 * foreign[best] < considered) return;
    const std::string& language = context.profiles.languages()[candidates[best]];
    size_t begin = s.begin, end = s.end;
    while (begin < end && IsAsciiSpace(text[begin])) ++begin;
    while (end > begin && IsAsciiSpace(text[end - 1])) --end;
    Finding f = MakeFinding(begin, end);
    const std::string name(LanguageName(language));
    f.message = absl::StrCat("Sentence left in ", name, " (", language, "): ", foreign[best],
                             " of ", considered, " words are ", name, ", not ",
                             std::string(LanguageName(context.language)));
    if (delete_sentences_) AddDeletion(context.doc, s, begin, end, &f);
    out->push_back(std::move(f));
  }

  // The sentence's deletion: the whole paragraph when it is the only
  // sentence; else the sentence with the spaces after it, or, for the last
  // one, with the spaces before it.
  static void AddDeletion(const Document& doc, const Sentence& s, size_t begin, size_t end,
                          Finding* f) {
    const std::string_view text = doc.text();
    if (s.first && s.last) {
      f->delete_lines = true;
      return;
    }
    if (!s.last) {
      f->edits.push_back({begin, s.end, ""});
      return;
    }
    size_t from = begin;
    while (from > s.block->begin && IsAsciiSpace(text[from - 1])) --from;
    f->edits.push_back({from, end, ""});
  }

  static bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

  bool delete_sentences_;
};

}  // namespace

std::unique_ptr<StructuralRule> MakeUntranslatedRule(const Options& options) {
  return std::make_unique<UntranslatedRule>(options.delete_untranslated);
}

}  // namespace mtclean::internal
