// mtclean::Engine: the facade of the library.
//
// An Engine holds the compiled rules (one multi-pattern database for all data
// rules, plus the structural rules) and the word lists. It is built once,
// is immutable afterwards and is safe to use from many threads at once:
// per-scan scratch space is taken from an internal pool.
//
// Example:
//
//   absl::StatusOr<std::unique_ptr<mtclean::Engine>> engine =
//       mtclean::Engine::Create(mtclean::Options{});
//   if (!engine.ok()) return engine.status();   // e.g. a malformed rule file
//   absl::StatusOr<mtclean::Result> result =
//       (*engine)->Clean("article.txt", text);
//   if (!result.ok()) return result.status();   // e.g. invalid UTF-8
//   std::cout << result->cleaned;
//
// The library never prints, exits or throws; every failure is a Status.
#ifndef MTCLEAN_ENGINE_H_
#define MTCLEAN_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "mtclean/finding.h"
#include "mtclean/options.h"

namespace mtclean {

// Metadata of one active rule, for listings and documentation.
struct RuleExample {
  enum class Kind { kBad, kOk };
  Kind kind = Kind::kOk;
  std::string text;  // the input
  std::string good = {};  // for kBad: the expected cleaned text
  // The language of `text` ("fr"); empty: English, or the first of the
  // rule's languages for a rule that does not run on English.
  std::string language = {};
};

struct RuleDescription {
  std::string id;
  Severity severity = Severity::kWarning;
  std::string message;
  std::string description;  // may be empty
  std::vector<std::string> languages;  // empty: every language
  bool fixable = false;
  std::string source;  // rule file path, or "built-in"
  std::vector<RuleExample> examples;
};

// How an input is marked up. Markdown adds protected regions (code, HTML
// comments and blocks, link and image destinations, reference definitions,
// URLs), strips block markup (`#`, `>`, `-`) from what rules see, and reads
// suppression comments. Front matter is recognised in both.
enum class TextFormat { kPlain, kMarkdown };

// kMarkdown for a path ending in `.md` or `.markdown` (any case), kPlain
// otherwise.
TextFormat TextFormatForPath(std::string_view path);

// The id of the findings that report unused suppression comments.
inline constexpr char kUnusedSuppressionRuleId[] = "mtclean.unused-suppression";

// The outcome of cleaning one document.
struct Result {
  // All findings, sorted by position then rule id. Findings whose fix was
  // applied have `fixed` set; for those, `edits` holds the edits of that fix
  // alone in the original's offsets (for `delete_lines` findings too), except
  // for a finding that only appeared once other fixes were made, whose fix
  // is part of `edits` below but has no edits of its own. Findings inside
  // protected regions, and findings silenced by suppression comments, are
  // not reported and not fixed.
  std::vector<Finding> findings;
  // The non-overlapping edits actually applied, sorted by position.
  std::vector<Edit> edits;
  // The original text with `edits` applied.
  std::string cleaned;
  // The language the text was checked as: Options::language, or the guess
  // when that is empty.
  std::string language;
};

class Engine {
 public:
  // Loads and compiles the rules and word lists. Errors: InvalidArgument for
  // a malformed rule file (the message names file, line and column),
  // NotFound for a missing rule folder or word list.
  static absl::StatusOr<std::unique_ptr<Engine>> Create(const Options& options);

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Finds artifacts in `text` (marked up as `format`) and applies the safe
  // fixes. `name` is only used in error messages. Errors: InvalidArgument
  // when `text` is not valid UTF-8 (the message names the byte offset).
  absl::StatusOr<Result> Clean(std::string_view name, std::string_view text,
                               TextFormat format = TextFormat::kPlain) const;

  // The active rules, sorted by id (with `mtclean.unused-suppression` when
  // Options::report_unused_suppressions is set).
  const std::vector<RuleDescription>& rules() const;

 private:
  struct State;
  explicit Engine(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace mtclean

#endif  // MTCLEAN_ENGINE_H_
