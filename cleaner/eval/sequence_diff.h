// Shortest edit scripts between two sequences (bytes or lines), by Myers'
// O(ND) algorithm in its linear-space form (the middle snake found from both
// ends, then each half solved on its own). Memory is linear in the inputs;
// time is O((N+M)·D), so every call takes a bound on D and gives up beyond it.
//
// The edit distance here counts insertions and deletions (a changed byte
// costs 2), the measure of `diff`.
#ifndef MTCLEAN_EVAL_SEQUENCE_DIFF_H_
#define MTCLEAN_EVAL_SEQUENCE_DIFF_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace mtclean::internal {

// One difference: a[a_begin, a_end) is replaced by b[b_begin, b_end). Either
// range may be empty (a pure insertion or deletion), not both.
struct DiffChange {
  size_t a_begin = 0;
  size_t a_end = 0;
  size_t b_begin = 0;
  size_t b_end = 0;

  friend bool operator==(const DiffChange&, const DiffChange&) = default;
};

// The changes that turn `a` into `b`, sorted and separated by at least one
// equal element, forming a shortest edit script. nullopt when that script
// would be longer than `max_cost` insertions plus deletions.
std::optional<std::vector<DiffChange>> DiffBytes(std::string_view a,
                                                 std::string_view b,
                                                 size_t max_cost);
std::optional<std::vector<DiffChange>> DiffLines(
    const std::vector<std::string_view>& a,
    const std::vector<std::string_view>& b, size_t max_cost);

// The number of insertions plus deletions of `changes`.
size_t EditCost(const std::vector<DiffChange>& changes);

// The edit distance of `a` and `b` (insertions plus deletions of bytes), or
// nullopt when it exceeds `max_cost`.
std::optional<size_t> ByteEditDistance(std::string_view a, std::string_view b,
                                       size_t max_cost);

}  // namespace mtclean::internal

#endif  // MTCLEAN_EVAL_SEQUENCE_DIFF_H_
