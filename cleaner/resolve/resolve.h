// Resolve: findings to one ordered list of non-overlapping byte edits.
#ifndef MTCLEAN_RESOLVE_RESOLVE_H_
#define MTCLEAN_RESOLVE_RESOLVE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/document/document.h"
#include "mtclean/finding.h"

namespace mtclean::internal {

// Sorts `findings` by position (then rule id) and returns the edits to
// apply, sorted and non-overlapping. Line deletions are merged first: every
// run of deleted lines (with the blank lines around them) becomes edits that
// leave exactly one blank line between the blocks that remain, none at the
// start, and the document's own ending. Byte edits follow in order; one that
// overlaps an accepted edit or a protected region is dropped, and its finding
// stays without a fix. Sets Finding::fixed on the findings whose fix is in.
std::vector<Edit> ResolveEdits(const Document& doc, std::vector<Finding>* findings);

// The edits that remove the lines marked in `deleted` (one flag per line of
// `doc`) as ResolveEdits does: with the blank lines around them, keeping one
// blank line between the blocks that remain. Protected lines stay.
// Only the runs whose deleted lines lie in [from, to] are looked at, so that
// one finding's edits cost the size of its run, not of the document.
std::vector<Edit> LineDeletionEdits(const Document& doc, const std::vector<bool>& deleted,
                                    size_t from = 0, size_t to = SIZE_MAX);

// `text` with `edits` (sorted, non-overlapping) applied.
std::string ApplyEdits(std::string_view text, const std::vector<Edit>& edits);

// Composes two rounds of edits: `first` turns text A into B and `second`
// (in B's offsets) turns B into C; the result turns A into C, as the fewest
// non-overlapping edits in A's offsets (edits that touch are merged). `c` is
// the text C. Used when fixes make a new artifact appear (a removed dateline
// prefix that leaves a repeated headline), so that cleaning is idempotent.
std::vector<Edit> ComposeEdits(const std::vector<Edit>& first, const std::vector<Edit>& second,
                               std::string_view c);

// Offsets through a list of edits (sorted, non-overlapping) that turns text
// A into text B, in logarithmic time per offset.
class EditMap {
 public:
  explicit EditMap(const std::vector<Edit>& edits);

  // Offset in B of an offset of A that is not strictly inside an edit.
  // `as_end`: edits that start at `offset` (an insertion there) count as
  // before it.
  size_t Forward(size_t offset, bool as_end) const;

  // Maps the span [begin, end) of B back to A's offsets, widened to whole
  // edits where it touches replaced text.
  void SpanBack(size_t* begin, size_t* end) const;

 private:
  const std::vector<Edit>& edits_;
  std::vector<long long> delta_before_;  // B offset minus A offset before edit k; one more at the end
  std::vector<size_t> b_stop_;           // where edit k's replacement ends in B
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_RESOLVE_RESOLVE_H_
