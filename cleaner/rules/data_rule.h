// Data rules: phrase lists and regular expressions loaded from YAML (see
// rules/README.md for the file format). Their patterns are scanned for all
// rules at once by the registry; a DataRule then turns its raw matches into
// findings: literal phrases must match whole words, `scope: line` keeps only
// lines made of the rule's matches (checked against the line index, not with
// anchors), `where` keeps only matches in the head or tail of the document,
// `shape: boilerplate` only lines that look like page furniture, and
// `action` decides the fix; `takes: link-titles` extends a deleted header
// line over the list of link titles under it (see BlockPositions for the
// position and shape evidence).
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
// it; with kDeleteMatch, a line-end match goes alone: a "Read more" link
// glued to the end of a teaser). Only whitespace, punctuation and symbols
// may stand around matches.
enum class Scope { kAnywhere, kLine, kLineStart, kLineEnd };
inline bool IsLineScope(Scope s) { return s != Scope::kAnywhere; }
// `where`: kHead / kTail before / after the story (see `within`); kStart:
// the match opens the text (only whitespace before it), as a crawler's
// metadata field run into the first line does.
enum class Position { kAnywhere, kHead, kTail, kStart };
enum class Action { kDeleteMatch, kDeleteLine, kDeleteBlock, kReplace, kFlag };
// `shape`: kAny accepts every site; kBoilerplate only sites on a short line
// (no sentence ending), in the run of non-story lines at the head or tail,
// or next to another boilerplate line.
enum class ShapeFilter { kAny, kBoilerplate };
// `takes`: what a deleted line takes along. kLinkTitles: after a line that
// is only the rule's phrases (a bare "Related posts" header), the short,
// link-like lines that follow it: in its own block anywhere, across blank
// lines in the head or tail (or when they are list items or links).
enum class Takes { kNothing, kLinkTitles };
// `unless`: kIntroduced keeps a site on a line that the line before it
// (blank lines between allowed) introduces: that line does not end as a
// sentence or is a list item ("Report bugs at:", "1. The project's home
// page", "The manual is online at"), or there is none. A site after a
// finished paragraph is not announced by it.
enum class Unless { kNothing, kIntroduced };

struct Span {
  size_t begin = 0;
  size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// A site of a data rule: a span, and for the line scopes whether the line is
// made of the rule's literal phrases alone (a bare header, no title after
// it).
struct Site {
  size_t begin = 0;
  size_t end = 0;
  bool phrases_only = false;
  // For `scope: line-end`: where the match that ends the line begins (what
  // `action: delete-match` removes, with what follows it on the line).
  size_t final_match = 0;
};

class DataRule : public Rule {
 public:
  struct Spec {
    RuleDescription description;
    Scope scope = Scope::kAnywhere;
    Position position = Position::kAnywhere;
    size_t within = 3;
    ShapeFilter shape = ShapeFilter::kAny;
    Takes takes = Takes::kNothing;
    Unless unless = Unless::kNothing;
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
  // True when the rule's fix removes text (its phrases are boilerplate
  // vocabulary).
  bool deletes() const { return deletes_lines() || spec_.action == Action::kDeleteMatch; }

  // The sites of this rule in `doc` from its raw matches (in any order):
  // for the line scopes, the content span of every line that qualifies;
  // otherwise the leftmost-longest non-overlapping matches. Literal
  // phrases must start and end at word boundaries. Sorted by position.
  // When `words` is set, every match that passes those checks (covering a
  // line or not) is appended to it: the rule's vocabulary in the text.
  std::vector<Site> Locate(const Document& doc, std::vector<RuleMatch> matches,
                           std::vector<Span>* words = nullptr) const;

  // Appends the findings for `sites` (from Locate) that pass the position
  // and shape filters, with the fix `action` asks for. Adjacent deleted
  // lines (blank lines between them allowed) become one finding, whose
  // message names the first line removed and the evidence.
  void Emit(const Document& doc, const std::vector<Site>& sites,
            const BlockPositions& positions, std::vector<Finding>* out) const;

 private:
  explicit DataRule(Spec spec);
  bool LineQualifies(std::string_view text, const Line& line,
                     const std::vector<Span>& matches) const;
  bool InPosition(const Document& doc, const BlockPositions& positions,
                  size_t offset) const;
  // The evidence for a site that passed the filters, for the message.
  std::string Evidence(const BlockPositions& positions, size_t line) const;
  // The last line of the link titles a bare header on `line` takes along.
  size_t LinkTitlesAfter(const Document& doc, const BlockPositions& positions,
                         size_t line) const;

  Spec spec_;
  std::unique_ptr<re2::RE2> replace_re_;  // the patterns as one alternation
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_DATA_RULE_H_
