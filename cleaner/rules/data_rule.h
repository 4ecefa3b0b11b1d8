// Data rules: phrase lists and regular expressions loaded from YAML (see
// rules/README.md for the file format). Their patterns are scanned for all
// rules at once by the registry; a DataRule then turns its raw matches into
// findings: literal phrases must match whole words, `scope: line` keeps only
// lines made of the rule's matches (checked against the line index, not with
// anchors), `where` keeps only matches in the head or tail of the document,
// and `action` decides the fix.
#ifndef MTCLEAN_RULES_DATA_RULE_H_
#define MTCLEAN_RULES_DATA_RULE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cleaner/match/scanner.h"
#include "cleaner/rules/rule.h"

namespace re2 {
class RE2;
}

namespace mtclean::internal {

// kLine: the line is made only of the rule's matches; kLineStart / kLineEnd:
// the line starts / ends with one of them (the rest of the line goes with
// it). Only whitespace, punctuation and symbols may stand around matches.
enum class Scope { kAnywhere, kLine, kLineStart, kLineEnd };
inline bool IsLineScope(Scope s) { return s != Scope::kAnywhere; }
enum class Position { kAnywhere, kHead, kTail };
enum class Action { kDeleteMatch, kDeleteLine, kDeleteBlock, kReplace, kFlag };

struct Span {
  size_t begin = 0;
  size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// A raw scanner match of one of a rule's own patterns.
struct RuleMatch {
  size_t pattern = 0;  // index into DataRule::patterns()
  size_t begin = 0;
  size_t end = 0;
};

// Where each block stands among the blocks that are not boilerplate (wholly
// made of line-scope deletions): `within: N` of the head means fewer than N
// such blocks come before it, of the tail fewer than N come after it. Counting
// only real content keeps a long footer in the tail and makes cleaning
// idempotent (deleting boilerplate does not move anything into the tail).
struct BlockPositions {
  std::vector<size_t> content_before;
  std::vector<size_t> content_after;
};

class DataRule : public Rule {
 public:
  struct Spec {
    RuleDescription description;
    Scope scope = Scope::kAnywhere;
    Position position = Position::kAnywhere;
    size_t within = 3;
    Action action = Action::kFlag;
    std::vector<PatternSpec> patterns;
    std::string replacement;  // for Action::kReplace; RE2 rewrite (\1...)
  };

  // Error: InvalidArgument when a pattern is not valid RE2 syntax (message
  // names the pattern index) or the replacement does not fit the patterns.
  static absl::StatusOr<std::unique_ptr<DataRule>> Create(Spec spec);
  ~DataRule() override;

  const std::vector<PatternSpec>& patterns() const { return spec_.patterns; }
  Scope scope() const { return spec_.scope; }
  Action action() const { return spec_.action; }
  bool deletes_lines() const {
    return spec_.action == Action::kDeleteLine || spec_.action == Action::kDeleteBlock;
  }

  // The sites of this rule in `doc` from its raw matches (in any order):
  // for the line scopes, the content span of every line that qualifies;
  // otherwise the leftmost-longest non-overlapping matches. Literal
  // phrases must start and end at word boundaries. Sorted by position.
  std::vector<Span> Locate(const Document& doc, std::vector<RuleMatch> matches) const;

  // Appends the findings for `sites` (from Locate) that pass the position
  // filter, with the fix `action` asks for. Adjacent deleted lines (blank
  // lines between them allowed) become one finding.
  void Emit(const Document& doc, const std::vector<Span>& sites,
            const BlockPositions& positions, std::vector<Finding>* out) const;

 private:
  explicit DataRule(Spec spec);
  bool LineQualifies(std::string_view text, const Line& line,
                     const std::vector<Span>& matches) const;
  bool InPosition(const Document& doc, const BlockPositions& positions,
                  size_t offset) const;

  Spec spec_;
  std::unique_ptr<re2::RE2> replace_re_;  // the patterns as one alternation
};

// Positions of every block given which lines are boilerplate.
BlockPositions ComputeBlockPositions(const Document& doc,
                                     const std::vector<bool>& boilerplate_line);

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_DATA_RULE_H_
