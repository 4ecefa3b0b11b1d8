// Inline suppressions in Markdown, written as HTML comments:
//
//   <!-- mtclean-disable-next-line scrape.comment-form -->
//   <!-- mtclean-disable newswire.* mt.stray-fragment -->
//   ...
//   <!-- mtclean-enable newswire.* -->
//
// Rules are named by id or glob (rule_pattern.h), separated by spaces or
// commas; no name means every rule. `disable-next-line` covers the line
// after the comment. `disable PATTERN` covers the text from the comment to
// the next `enable` that names the same PATTERN or names nothing (or to the
// end); `disable` with no name lasts to the next `enable` with no name.
// A finding is suppressed when its first byte is covered.
#ifndef MTCLEAN_RULES_SUPPRESSION_H_
#define MTCLEAN_RULES_SUPPRESSION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/document/document.h"

namespace mtclean::internal {

struct Suppression {
  enum class Kind { kDisableNextLine, kDisable, kEnable };
  Kind kind = Kind::kDisable;
  std::vector<std::string> patterns;  // empty: every rule
  Region comment;                     // the whole HTML comment
  // For each pattern (one entry when `patterns` is empty): the byte range
  // it covers. Empty for kEnable.
  std::vector<Region> covers;
};

class Suppressions {
 public:
  // The suppression comments among `doc.html_comments()`, in order.
  static Suppressions Find(const Document& doc);

  struct Use {
    size_t directive = 0;  // index into directives()
    size_t pattern = 0;    // index into its patterns (0 when it has none)
  };
  // The first directive that suppresses `rule_id` at `offset`, if any.
  std::optional<Use> Match(std::string_view rule_id, size_t offset) const;

  const std::vector<Suppression>& directives() const { return directives_; }

  // How a directive is written, e.g. `mtclean-disable-next-line scrape.x`.
  static std::string Describe(const Suppression& s, size_t pattern);

 private:
  std::vector<Suppression> directives_;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_SUPPRESSION_H_
