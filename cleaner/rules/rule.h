// The rule interface. Rules never change text: they return findings, each
// with the edits that would fix it; the resolver decides what is applied.
//
// Two kinds share the metadata in mtclean::RuleDescription:
//  - data rules (data_rule.h), loaded from YAML, whose patterns are scanned
//    for all rules at once by the registry;
//  - structural rules (builtin/), C++ classes with a Check() over the
//    document, for what patterns cannot express.
// Rules are immutable after construction and safe to share between threads.
#ifndef MTCLEAN_RULES_RULE_H_
#define MTCLEAN_RULES_RULE_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/dict/language_profile.h"
#include "cleaner/dict/spell_checker.h"
#include "cleaner/dict/word_lists.h"
#include "cleaner/document/document.h"
#include "cleaner/match/scanner.h"
#include "cleaner/rules/block_positions.h"
#include "mtclean/engine.h"
#include "mtclean/finding.h"

namespace mtclean::internal {

// A raw scanner match of one of a rule's own patterns.
struct RuleMatch {
  size_t pattern = 0;  // index into the rule's own pattern list
  size_t begin = 0;
  size_t end = 0;
};

// What a rule may consult while checking one document.
struct RuleContext {
  const Document& doc;
  const WordLists& words;
  // Spelling dictionaries; the one of `language` is always loadable (the
  // engine checked it at creation).
  const Dictionaries& dictionaries;
  // The document's language: given, or guessed by the engine.
  std::string_view language;
  // Function-word profiles of every language that has one.
  const LanguageProfiles& profiles;
  // The function words the language guess found in this document, when it
  // guessed (the engine's first round); null otherwise.
  const FunctionWordsSeen* function_words = nullptr;
  // Position and shape evidence from the data rules' matches; set by the
  // registry for structural rules (never null there).
  const BlockPositions* positions = nullptr;
  // For a structural rule: the matches of its CandidatePatterns() in the
  // document's one scan and what its FindCandidates() found, sorted by
  // begin then end. Empty for other rules.
  // Points into the registry's per-scan storage; valid during Check().
  std::span<const RuleMatch> candidates = {};
};

// `text` in curly quotes for a message, whitespace collapsed and cut to
// about `max_chars` characters with an ellipsis.
std::string QuoteExcerpt(std::string_view text, size_t max_chars = 60);

class Rule {
 public:
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleDescription& description() const { return description_; }
  const std::string& id() const { return description_.id; }
  // True when the rule runs on text in `language`.
  bool AppliesTo(std::string_view language) const;

  // A finding of this rule over [begin, end) with its severity and message.
  Finding MakeFinding(size_t begin, size_t end) const;
  // The same, with the message "<message>: <detail>": what was removed and
  // the evidence for it.
  Finding MakeFinding(size_t begin, size_t end, std::string_view detail) const;

 protected:
  explicit Rule(RuleDescription description)
      : description_(std::move(description)) {}

 private:
  RuleDescription description_;
};

class StructuralRule : public Rule {
 public:
  // Appends this rule's findings for `context.doc` to `out`. Must run in
  // time linear in the document size.
  virtual void Check(const RuleContext& context,
                     std::vector<Finding>* out) const = 0;

  // Patterns that find this rule's candidate sites. They are compiled into
  // the one multi-pattern database with the data rules' patterns, and their
  // matches reach Check() as `context.candidates` (pattern = index into this
  // list), so a rule that only needs to look at a few places never walks
  // the whole text itself. Called once, when the registry is built.
  // Default: none.
  virtual std::vector<PatternSpec> CandidatePatterns() const { return {}; }

  // Candidate sites the rule finds with its own pass over `text`, for
  // shapes that would slow the one scan down for every rule (short runs of
  // character classes with no literal to anchor on). Appended to `out`
  // with pattern indices of the rule's choosing, in any order; they reach
  // Check() sorted, together with the scanned ones. Default: none.
  virtual void FindCandidates(std::string_view /*text*/, std::vector<RuleMatch>* /*out*/) const {}

  // True for a rule that judges the page as a whole (the page model of
  // BlockPositions): it runs after every other rule, so that the lines they
  // delete are known to it, and it never sees candidates. Default: false.
  virtual bool JudgesPage() const { return false; }

 protected:
  using Rule::Rule;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_RULE_H_
