#include "cleaner/resolve/resolve.h"

#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

// Deletes the lines whose text is in `doomed` and returns the result.
std::string DeleteLines(const std::string& text, const std::vector<std::string>& doomed) {
  absl::StatusOr<Document> doc = Document::Create(text);
  EXPECT_TRUE(doc.ok());
  std::vector<Finding> findings;
  for (size_t i = 0; i < doc->lines().size(); ++i) {
    for (const std::string& d : doomed) {
      if (doc->LineText(i) == d) {
        Finding f;
        f.rule_id = "test.rule";
        f.begin = doc->lines()[i].begin;
        f.end = doc->lines()[i].end;
        f.delete_lines = true;
        findings.push_back(f);
      }
    }
  }
  const std::vector<Edit> edits = ResolveEdits(*doc, &findings);
  for (const Finding& f : findings) EXPECT_TRUE(f.fixed);
  return ApplyEdits(text, edits);
}

struct Case {
  std::string text;
  std::vector<std::string> doomed;
  std::string want;
};

TEST(ResolveTest, DeletedBlocksTakeOneSeparatingBlankLine) {
  const std::vector<Case> cases = {
      {"A\n\nB\n\nC\n", {"B"}, "A\n\nC\n"},
      {"A\n\nB\n", {"B"}, "A\n"},
      {"A\n\nB", {"B"}, "A"},
      {"A\n\nB\n\nC", {"B", "C"}, "A"},
      {"A\n\nB\n\n\n", {"B"}, "A\n"},
      {"A\n\nB\n", {"A"}, "B\n"},
      {"A\nX\nB\n", {"X"}, "A\nB\n"},
      {"A\nX\n\nB\n", {"X"}, "A\n\nB\n"},
      {"A\n\n\nX\n\n\nB\n", {"X"}, "A\n\nB\n"},
      {"A\n\nX\n\nY\n\nB\n", {"X", "Y"}, "A\n\nB\n"},
      {"A\r\n\r\nB\r\n", {"B"}, "A\r\n"},
      {"A\r\n\r\nB\r\n\r\nC\r\n", {"B"}, "A\r\n\r\nC\r\n"},
      {"X\n", {"X"}, ""},
      {"---\nt: 1\n---\nX\n\nBody\n", {"X"}, "---\nt: 1\n---\nBody\n"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(DeleteLines(c.text, c.doomed), c.want) << c.text;
  }
}

TEST(ResolveTest, OverlappingByteEditsKeepTheFirstByPosition) {
  absl::StatusOr<Document> doc = Document::Create("abcdef");
  ASSERT_TRUE(doc.ok());
  std::vector<Finding> findings(2);
  findings[0].rule_id = "b.rule";
  findings[0].begin = 2;
  findings[0].end = 5;
  findings[0].edits = {{2, 5, "X"}};
  findings[1].rule_id = "a.rule";
  findings[1].begin = 1;
  findings[1].end = 3;
  findings[1].edits = {{1, 3, "Y"}};
  const std::vector<Edit> edits = ResolveEdits(*doc, &findings);
  EXPECT_EQ(ApplyEdits(doc->text(), edits), "aYdef");
  EXPECT_EQ(findings[0].rule_id, "a.rule") << "findings are sorted by position";
  EXPECT_TRUE(findings[0].fixed);
  EXPECT_FALSE(findings[1].fixed);
}

TEST(ResolveTest, EditsInsideDeletedLinesAreDropped) {
  absl::StatusOr<Document> doc = Document::Create("Keep\n\nDrop this\n");
  ASSERT_TRUE(doc.ok());
  std::vector<Finding> findings(2);
  findings[0].begin = 6;
  findings[0].end = 15;
  findings[0].delete_lines = true;
  findings[1].begin = 7;
  findings[1].end = 9;
  findings[1].edits = {{7, 9, "!"}};
  EXPECT_EQ(ApplyEdits(doc->text(), ResolveEdits(*doc, &findings)), "Keep\n");
}

TEST(ResolveTest, ProtectedRegionsAreNeverEdited) {
  absl::StatusOr<Document> doc = Document::Create("---\ntitle: x\n---\nBody\n");
  ASSERT_TRUE(doc.ok());
  std::vector<Finding> findings(1);
  findings[0].begin = 4;
  findings[0].end = 12;
  findings[0].edits = {{4, 12, ""}};
  EXPECT_TRUE(ResolveEdits(*doc, &findings).empty());
  EXPECT_FALSE(findings[0].fixed);
}

}  // namespace
}  // namespace mtclean::internal
