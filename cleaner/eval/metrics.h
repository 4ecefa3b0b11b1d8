// The figures of `mtclean eval`: how a cleaner's output on a labelled corpus
// (see corpus.h) compares with the gold labels and clean texts.
//
// Per document, from the engine's findings and applied edits (offsets into
// the input, so no text alignment is needed; another tool's output is first
// turned into such edits, OutputAsResult below):
// - recall: a gold artifact is found when a finding overlaps it (its span or
//   one of its edits; an empty span overlaps what it touches; for a gold
//   deletion of whole lines, what it holds besides the line breaks and blank
//   lines at its ends); the catalogue's recall leaves out the type `other`;
// - precision: a finding is right when it overlaps a gold artifact (the
//   same way);
// - damage: input bytes that an applied edit removed or changed outside the
//   gold spans of action delete/replace, over all such "good" bytes (an
//   edit is first trimmed of the bytes it leaves as they were; a pure
//   insertion outside gold spans counts its inserted bytes);
// - miss: bytes of gold delete/replace spans (trimmed the same way; a gold
//   insertion counts its replacement's bytes) that no applied edit touched,
//   over all of them;
// - exact match: the output equals gold/ID.clean.txt once whitespace at the
//   end of both is dropped;
// - clean documents unchanged: of the documents without gold artifacts, the
//   share whose output is the input byte for byte;
// - edit distance closed: 1 - d(output, gold) / d(input, gold), summed over
//   the corpus, d counting byte insertions and deletions (sequence_diff.h).
//
// Line-break tolerance: a gold delete span made of whole lines may or may not
// hold its line break, and removing a block also removes the blank line that
// separated it. The whitespace right before and after such a span is neither
// good text nor gold edit bytes: removing or keeping it is never counted.
#ifndef MTCLEAN_EVAL_METRICS_H_
#define MTCLEAN_EVAL_METRICS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/eval/corpus.h"
#include "mtclean/engine.h"

namespace mtclean::internal {

struct EvalOptions {
  // The largest edit distance computed per document; a document further
  // from its gold text is left out of the distance figure (and counted in
  // CorpusEvaluation::distance_skipped).
  size_t max_edit_cost = 20000;
  // The work allowed per comparison, about (bytes of both texts) x (edit
  // distance): the distance bound of a long document is lowered to fit, so
  // that one document never takes more than a moment.
  size_t max_edit_work = 200'000'000;
  // Lines of context in the diffs against gold.
  int diff_context = 1;
};

struct TypeCounts {
  size_t artifacts = 0;
  size_t found = 0;
  size_t edit_bytes = 0;
  size_t missed_bytes = 0;
};

struct RuleCounts {
  size_t findings = 0;
  size_t on_gold = 0;
  size_t damage_bytes = 0;
};

// A finding that overlaps no gold artifact.
struct StrayFinding {
  std::string rule_id;
  size_t begin = 0;
  size_t end = 0;
  bool fixed = false;
};

struct DocEvaluation {
  std::string id;
  std::string doc_path;
  std::string lang;           // the gold label's
  std::string detected_lang;  // the language the engine cleaned it as
  size_t bytes = 0;
  size_t good_bytes = 0;
  size_t damage_bytes = 0;
  size_t edit_bytes = 0;
  size_t missed_bytes = 0;
  size_t artifacts = 0;
  size_t found = 0;
  size_t findings = 0;
  size_t findings_on_gold = 0;
  bool exact_match = false;
  bool unchanged = false;  // the output is the input, byte for byte
  std::optional<size_t>
      distance_before;  // d(input, gold); nullopt: over the bound
  std::optional<size_t> distance_after;  // d(output, gold)
  std::map<std::string, TypeCounts> types;
  std::map<std::string, RuleCounts> rules;
  std::vector<GoldArtifact> missed;  // gold artifacts no finding overlaps
  std::vector<StrayFinding> stray;   // findings that overlap no gold artifact
  std::string text;                  // the input (for locating the above)
  std::string diff;  // unified diff from the output to the gold clean text; ""
                     // when equal
};

struct CorpusEvaluation {
  std::string dir;
  std::vector<DocEvaluation> docs;
  std::map<std::string, TypeCounts> types;
  std::map<std::string, RuleCounts> rules;
  size_t bytes = 0;
  size_t good_bytes = 0;
  size_t damage_bytes = 0;
  size_t edit_bytes = 0;
  size_t missed_bytes = 0;
  size_t artifacts = 0;
  size_t found = 0;
  size_t findings = 0;
  size_t findings_on_gold = 0;
  size_t exact_matches = 0;
  size_t clean_docs = 0;            // documents without gold artifacts
  size_t clean_docs_unchanged = 0;  // of those, output identical to input
  size_t distance_before = 0;
  size_t distance_after = 0;
  size_t distance_skipped = 0;
  size_t language_agrees = 0;

  // Ratios; nullopt when the denominator is zero.
  std::optional<double> recall() const;
  // The catalogue's types together: every gold type but `other`.
  TypeCounts catalogue() const;
  std::optional<double> catalogue_recall() const;
  std::optional<double> precision() const;
  std::optional<double> damage_rate() const;
  std::optional<double> miss_rate() const;
  std::optional<double> exact_match_rate() const;
  std::optional<double> distance_closed() const;
  // Of the documents without gold artifacts, the share left byte for byte
  // as they were.
  std::optional<double> clean_unchanged_rate() const;
};

// Compares the engine's `result` on `doc.text` with the labels of `doc`.
DocEvaluation EvaluateDocument(const LabelledDoc& doc, const Result& result,
                               const EvalOptions& options = {});

// Another tool's `output` for `doc.text`, as a Result that EvaluateDocument
// scores like the engine's: the changes from the input to the output (lines
// first, then the bytes inside each changed run of lines, sequence_diff.h)
// as applied edits, each one a fixed finding of the rule `rule_id`. A
// finding's span is its edit's, widened for a deletion to every place the
// same deletion could have been made (so which copy of a repeat the diff
// removed does not decide what was found), less the white space at its
// ends. `language` is the gold label's. A run whose byte diff is over the
// bound is one edit (the whole text less its common ends, when the lines
// are), so the edits always turn the input into the output.
Result OutputAsResult(const LabelledDoc& doc, std::string output,
                      std::string_view rule_id,
                      const EvalOptions& options = {});

// Adds up the documents' figures.
CorpusEvaluation SummarizeEvaluation(std::string dir,
                                     std::vector<DocEvaluation> docs);

// The documents furthest from their gold text, worst first: by edit distance
// left (unknown counts as worst), then damaged bytes, then missed artifacts,
// then id; only documents that do not match their gold text.
std::vector<const DocEvaluation*> WorstDocuments(
    const CorpusEvaluation& evaluation, size_t count);

}  // namespace mtclean::internal

#endif  // MTCLEAN_EVAL_METRICS_H_
