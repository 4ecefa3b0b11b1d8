// The unified diff built from edits must apply with patch(1) and give the
// edited text.
#include "cleaner/report/diff.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cleaner/resolve/resolve.h"
#include "tests/test_support.h"

namespace mtclean::internal {
namespace {

namespace fs = std::filesystem;

// Writes `original` to a scratch file, applies `diff` with patch -p0 and
// returns the patched bytes.
std::string Patch(const std::string& original, const std::string& diff) {
  const fs::path dir = fs::temp_directory_path() / ("mtclean-diff-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  { std::ofstream(dir / "doc.txt", std::ios::binary) << original; }
  { std::ofstream(dir / "change.diff", std::ios::binary) << diff; }
  const std::string cmd = "cd '" + dir.string() + "' && patch -s -p0 < change.diff";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << diff;
  std::string patched = mtclean::testing::ReadFile((dir / "doc.txt").string());
  fs::remove_all(dir);
  return patched;
}

struct Case {
  std::string text;
  std::vector<Edit> edits;
};

TEST(DiffTest, AppliesWithPatch) {
  std::string many_lines;
  for (int i = 0; i < 30; ++i) many_lines += "line " + std::to_string(i) + "\n";
  const std::vector<Case> cases = {
      {"a\nb\nc\n", {{2, 4, ""}}},
      {"a\n\nb", {{1, 4, ""}}},                           // drops the final line
      {"a\nb\n", {{3, 3, "!"}}},                          // insertion
      {"one two\n", {{3, 7, ""}}},                        // inside a line
      {"x\r\ny\r\nz\r\n", {{3, 6, ""}}},                  // CRLF
      {many_lines, {{7, 14, ""}, {200, 207, "LINE"}}},    // two hunks
      {many_lines, {{7, 14, ""}, {40, 47, ""}}},          // one merged hunk
      {"last line without newline", {{0, 4, "LAST"}}},
  };
  for (const Case& c : cases) {
    const std::string diff = UnifiedDiff("doc.txt", "doc.txt", c.text, c.edits);
    ASSERT_FALSE(diff.empty());
    EXPECT_EQ(Patch(c.text, diff), ApplyEdits(c.text, c.edits)) << diff;
  }
}

TEST(DiffTest, ShowsThreeLinesOfContextAndNoNewlineMarker) {
  const std::string diff = UnifiedDiff("f", "f", "1\n2\n3\n4\n5\n6\n7\n8", {{6, 8, ""}});
  EXPECT_EQ(diff,
            "--- f\n+++ f\n@@ -1,7 +1,6 @@\n 1\n 2\n 3\n-4\n 5\n 6\n 7\n");
  const std::string tail = UnifiedDiff("f", "f", "a\nb", {{1, 3, ""}});
  EXPECT_EQ(tail, "--- f\n+++ f\n@@ -1,2 +1,1 @@\n-a\n-b\n\\ No newline at end of file\n+a\n"
                  "\\ No newline at end of file\n");
}

TEST(DiffTest, NoEditsNoDiff) {
  EXPECT_EQ(UnifiedDiff("f", "f", "text\n", {}), "");
}

}  // namespace
}  // namespace mtclean::internal
