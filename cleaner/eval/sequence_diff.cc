#include "cleaner/eval/sequence_diff.h"

#include <algorithm>
#include <span>
#include <string_view>

namespace mtclean::internal {
namespace {

// Myers' linear-space diff of a[a_lo, a_hi) and b[b_lo, b_hi). Each call
// strips the common prefix and suffix, then finds the middle of a shortest
// edit path by searching from both ends at once and solves the two halves.
template <typename T>
class Differ {
 public:
  Differ(std::span<const T> a, std::span<const T> b, size_t max_cost)
      : a_(a), b_(b), budget_(max_cost) {}

  // False when the edit script is longer than the budget.
  bool Run() { return Solve(0, a_.size(), 0, b_.size()); }

  std::vector<DiffChange> TakeChanges() { return std::move(changes_); }

 private:
  bool Solve(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi) {
    while (a_lo < a_hi && b_lo < b_hi && a_[a_lo] == b_[b_lo]) ++a_lo, ++b_lo;
    while (a_lo < a_hi && b_lo < b_hi && a_[a_hi - 1] == b_[b_hi - 1])
      --a_hi, --b_hi;
    if (a_lo == a_hi || b_lo == b_hi) {
      if (a_lo == a_hi && b_lo == b_hi) return true;
      const size_t cost = (a_hi - a_lo) + (b_hi - b_lo);
      if (cost > budget_) return false;
      budget_ -= cost;
      Emit(a_lo, a_hi, b_lo, b_hi);
      return true;
    }
    size_t a_mid = 0, b_mid = 0;
    if (!MiddleSnake(a_lo, a_hi, b_lo, b_hi, &a_mid, &b_mid)) return false;
    return Solve(a_lo, a_mid, b_lo, b_mid) && Solve(a_mid, a_hi, b_mid, b_hi);
  }

  // Finds a point (a_mid, b_mid) where a shortest edit path crosses the
  // middle, searching forward from the start and backward from the end until
  // the two searches overlap on a diagonal. False when no path within the
  // budget left exists.
  bool MiddleSnake(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi,
                   size_t* a_mid, size_t* b_mid) {
    const long n = static_cast<long>(a_hi - a_lo);
    const long m = static_cast<long>(b_hi - b_lo);
    const long max_d = (n + m + 1) / 2;
    // Both searches spend one edit per round, so a path of cost D is found
    // after about D/2 rounds: stop when that passes the budget.
    const long rounds =
        std::min<long>(max_d, static_cast<long>((budget_ + 1) / 2) + 1);
    const long offset = max_d + 1;
    forward_.assign(2 * max_d + 4, -1);
    backward_.assign(2 * max_d + 4, -1);
    forward_[offset + 1] = 0;
    backward_[offset + 1] = 0;
    const long delta = n - m;
    // With an odd delta the paths meet during a forward step, else during a
    // backward one.
    const bool meet_forward = (delta % 2) != 0;
    // Diagonals that ran off the grid are not extended again.
    long f_start = 0, f_end = 0, b_start = 0, b_end = 0;
    auto a_at = [&](long i) -> const T& { return a_[a_lo + i]; };
    auto b_at = [&](long j) -> const T& { return b_[b_lo + j]; };
    for (long d = 0; d < rounds; ++d) {
      for (long k = -d + f_start; k <= d - f_end; k += 2) {
        const long i = offset + k;
        long x = (k == -d || (k != d && forward_[i - 1] < forward_[i + 1]))
                     ? forward_[i + 1]
                     : forward_[i - 1] + 1;
        long y = x - k;
        while (x < n && y < m && a_at(x) == b_at(y)) ++x, ++y;
        forward_[i] = x;
        if (x > n) {
          f_end += 2;
        } else if (y > m) {
          f_start += 2;
        } else if (meet_forward) {
          const long j = offset + delta - k;
          if (j >= 0 && j < static_cast<long>(backward_.size()) &&
              backward_[j] != -1 && x >= n - backward_[j]) {
            return Split(a_lo, b_lo, x, y, n, m, a_mid, b_mid);
          }
        }
      }
      for (long k = -d + b_start; k <= d - b_end; k += 2) {
        const long i = offset + k;
        long x = (k == -d || (k != d && backward_[i - 1] < backward_[i + 1]))
                     ? backward_[i + 1]
                     : backward_[i - 1] + 1;
        long y = x - k;
        while (x < n && y < m && a_at(n - x - 1) == b_at(m - y - 1)) ++x, ++y;
        backward_[i] = x;
        if (x > n) {
          b_end += 2;
        } else if (y > m) {
          b_start += 2;
        } else if (!meet_forward) {
          const long j = offset + delta - k;
          if (j >= 0 && j < static_cast<long>(forward_.size()) &&
              forward_[j] != -1) {
            const long fx = forward_[j];
            const long fy = fx - (j - offset);
            if (fx >= n - x)
              return Split(a_lo, b_lo, fx, fy, n, m, a_mid, b_mid);
          }
        }
      }
    }
    // The searches met nowhere within max_d rounds: nothing is common, so
    // the whole problem is one change, if the budget allows it.
    if (rounds < max_d) return false;
    return Split(a_lo, b_lo, 0, 0, n, m, a_mid, b_mid);
  }

  // The split point in absolute offsets. A point at either corner would not
  // make the problem smaller; it cannot come out of a search over a problem
  // whose first and last elements differ, but the whole problem is then
  // emitted as one change rather than recursing for ever.
  bool Split(size_t a_lo, size_t b_lo, long x, long y, long n, long m,
             size_t* a_mid, size_t* b_mid) {
    if ((x == 0 && y == 0) || (x == n && y == m)) {
      const size_t cost = static_cast<size_t>(n + m);
      if (cost > budget_) return false;
      *a_mid = a_lo + n;
      *b_mid = b_lo;
      return true;
    }
    *a_mid = a_lo + x;
    *b_mid = b_lo + y;
    return true;
  }

  void Emit(size_t a_begin, size_t a_end, size_t b_begin, size_t b_end) {
    if (!changes_.empty() && changes_.back().a_end == a_begin &&
        changes_.back().b_end == b_begin) {
      changes_.back().a_end = a_end;
      changes_.back().b_end = b_end;
      return;
    }
    changes_.push_back({a_begin, a_end, b_begin, b_end});
  }

  std::span<const T> a_;
  std::span<const T> b_;
  size_t budget_;
  std::vector<long> forward_;
  std::vector<long> backward_;
  std::vector<DiffChange> changes_;
};

template <typename T>
std::optional<std::vector<DiffChange>> Diff(std::span<const T> a,
                                            std::span<const T> b,
                                            size_t max_cost) {
  Differ<T> differ(a, b, max_cost);
  if (!differ.Run()) return std::nullopt;
  return differ.TakeChanges();
}

}  // namespace

std::optional<std::vector<DiffChange>> DiffBytes(std::string_view a,
                                                 std::string_view b,
                                                 size_t max_cost) {
  return Diff<char>(std::span<const char>(a.data(), a.size()),
                    std::span<const char>(b.data(), b.size()), max_cost);
}

std::optional<std::vector<DiffChange>> DiffLines(
    const std::vector<std::string_view>& a,
    const std::vector<std::string_view>& b, size_t max_cost) {
  return Diff<std::string_view>(std::span<const std::string_view>(a),
                                std::span<const std::string_view>(b), max_cost);
}

size_t EditCost(const std::vector<DiffChange>& changes) {
  size_t cost = 0;
  for (const DiffChange& c : changes)
    cost += (c.a_end - c.a_begin) + (c.b_end - c.b_begin);
  return cost;
}

std::optional<size_t> ByteEditDistance(std::string_view a, std::string_view b,
                                       size_t max_cost) {
  std::optional<std::vector<DiffChange>> changes = DiffBytes(a, b, max_cost);
  if (!changes) return std::nullopt;
  return EditCost(*changes);
}

}  // namespace mtclean::internal
