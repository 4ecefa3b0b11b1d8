// Myers' linear-space diff against the quadratic textbook recurrence.
#include "cleaner/eval/sequence_diff.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

// Insert/delete distance by dynamic programming over the whole table.
size_t TableDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1,
                                     std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) {
    for (size_t j = 0; j <= b.size(); ++j) {
      if (i == 0 || j == 0) {
        d[i][j] = i + j;
      } else if (a[i - 1] == b[j - 1]) {
        d[i][j] = d[i - 1][j - 1];
      } else {
        d[i][j] = 1 + std::min(d[i - 1][j], d[i][j - 1]);
      }
    }
  }
  return d[a.size()][b.size()];
}

// `a` with `changes` applied, taking the new elements from `b`.
std::string Apply(const std::string& a, const std::string& b,
                  const std::vector<DiffChange>& changes) {
  std::string out;
  size_t pos = 0;
  for (const DiffChange& c : changes) {
    out += a.substr(pos, c.a_begin - pos);
    out += b.substr(c.b_begin, c.b_end - c.b_begin);
    pos = c.a_end;
  }
  return out + a.substr(pos);
}

TEST(SequenceDiffTest, SmallCases) {
  struct Case {
    std::string a, b;
    size_t distance;
  };
  const std::vector<Case> cases = {
      {"", "", 0},
      {"abc", "abc", 0},
      {"", "abc", 3},
      {"abc", "", 3},
      {"c", "b", 2},
      {"the the cat", "the cat", 4},
      {"abcd", "acbd", 2},
      {"kitten", "sitting", 5},
      {"Monday.The", "Monday. The", 1},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ByteEditDistance(c.a, c.b, 100), c.distance)
        << c.a << " -> " << c.b;
  }
}

TEST(SequenceDiffTest, MatchesTheTableOnRandomStrings) {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string a, b;
    const size_t n = rng() % 14, m = rng() % 14;
    for (size_t i = 0; i < n; ++i) a += "abc"[rng() % 3];
    for (size_t i = 0; i < m; ++i) b += "abc"[rng() % 3];
    const size_t want = TableDistance(a, b);
    const std::optional<std::vector<DiffChange>> changes =
        DiffBytes(a, b, 1000);
    ASSERT_TRUE(changes.has_value()) << a << " -> " << b;
    EXPECT_EQ(EditCost(*changes), want) << a << " -> " << b;
    EXPECT_EQ(Apply(a, b, *changes), b) << a << " -> " << b;
  }
}

TEST(SequenceDiffTest, FewEditsInLongTextWithExactBudget) {
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    std::string a;
    const size_t n = 50 + rng() % 400;
    for (size_t i = 0; i < n; ++i) a += "abcd"[rng() % 4];
    std::string b = a;
    for (int k = rng() % 8; k >= 0; --k) {
      if (rng() % 2 == 0) {
        b.insert(b.begin() + rng() % (b.size() + 1), "abcd"[rng() % 4]);
      } else if (!b.empty()) {
        b.erase(rng() % b.size(), 1 + rng() % 3);
      }
    }
    const size_t want = TableDistance(a, b);
    EXPECT_EQ(ByteEditDistance(a, b, want), want);
    if (want > 0) {
      EXPECT_EQ(ByteEditDistance(a, b, want - 1), std::nullopt)
          << "over the bound must give up";
    }
  }
}

TEST(SequenceDiffTest, ChangesAreSortedAndSeparated) {
  const std::optional<std::vector<DiffChange>> changes =
      DiffBytes("the the council voted to to approve",
                "the council voted to approve", 100);
  ASSERT_TRUE(changes.has_value());
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_LT((*changes)[0].a_end, (*changes)[1].a_begin);
  EXPECT_EQ(EditCost(*changes), 7u);
}

TEST(SequenceDiffTest, Lines) {
  const std::vector<std::string_view> a = {"Title\n", "\n", "Leave a Reply\n",
                                           "Body\n"};
  const std::vector<std::string_view> b = {"Title\n", "\n", "Body\n", "End\n"};
  const std::optional<std::vector<DiffChange>> changes = DiffLines(a, b, 100);
  ASSERT_TRUE(changes.has_value());
  EXPECT_EQ(*changes, (std::vector<DiffChange>{{2, 3, 2, 2}, {4, 4, 3, 4}}));
}

}  // namespace
}  // namespace mtclean::internal
