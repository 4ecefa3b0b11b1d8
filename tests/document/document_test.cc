#include "cleaner/document/document.h"

#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

TEST(DocumentTest, IndexesLinesAndBlocksWithByteOffsets) {
  absl::StatusOr<Document> doc = Document::Create("Title\n\nFirst line\nsecond line\n\n\nLast");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->lines().size(), 7u);
  EXPECT_EQ(doc->LineText(0), "Title");
  EXPECT_TRUE(doc->lines()[1].blank);
  ASSERT_EQ(doc->blocks().size(), 3u);
  EXPECT_EQ(doc->BlockText(1), "First line\nsecond line");
  EXPECT_EQ(doc->BlockText(2), "Last");
  EXPECT_EQ(doc->lines()[6].next, doc->text().size());
  EXPECT_EQ(doc->BlockOfLine(4), Document::kNoBlock);
  EXPECT_EQ(doc->LineIndexAt(8), 2u);
}

TEST(DocumentTest, KeepsCrlfOutOfLineContent) {
  absl::StatusOr<Document> doc = Document::Create("One\r\n\r\nTwo\r\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->newline(), "\r\n");
  EXPECT_EQ(doc->LineText(0), "One");
  EXPECT_TRUE(doc->lines()[1].blank);
  EXPECT_EQ(doc->blocks().size(), 2u);
}

TEST(DocumentTest, FrontMatterIsProtectedAndNotABlock) {
  absl::StatusOr<Document> doc =
      Document::Create("---\ntitle: Port strike\n---\nPort strike\n\nBody text.\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->protected_regions().size(), 1u);
  EXPECT_EQ(doc->protected_regions()[0].end, 27u);
  ASSERT_EQ(doc->blocks().size(), 2u);
  EXPECT_EQ(doc->BlockText(0), "Port strike");
  EXPECT_TRUE(doc->IsProtected(5, 6));
  EXPECT_FALSE(doc->IsProtected(27, 30));
}

TEST(DocumentTest, TomlFrontMatterIsProtected) {
  absl::StatusOr<Document> doc = Document::Create("+++\ntitle = \"x\"\n+++\nBody.\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->blocks().size(), 1u);
  EXPECT_EQ(doc->BlockText(0), "Body.");
}

TEST(DocumentTest, UnclosedFrontMatterIsText) {
  absl::StatusOr<Document> doc = Document::Create("---\nnot closed\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->protected_regions().empty());
  EXPECT_EQ(doc->blocks().size(), 1u);
}

// The quick look the CLI takes at unnamed standard input agrees with the
// document's index on every case of its front matter.
TEST(DocumentTest, OpensWithFrontMatterAgreesWithTheIndex) {
  const struct {
    const char* text;
    bool front_matter;
  } kCases[] = {
      {"---\ntitle: Port strike\n---\nBody.\n", true},
      {"+++\ntitle = \"x\"\n+++\nBody.\n", true},
      {"---\r\ntitle: x\r\n---\r\nBody.\r\n", true},
      {"\xEF\xBB\xBF---\ntitle: x\n...\n", true},
      {"---\ntitle: x\n---  \t\n", true},
      {"---\n---", true},
      {"---\ntitle: x\n---\r", false},  // a last line keeps its \r
      {"---\ntitle: x\n+++\n", false},
      {"+++\ntitle = 1\n...\n", false},
      {"--- \ntitle: x\n---\n", false},
      {"---\nnot closed\n", false},
      {"Title\n---\nx\n---\n", false},
      {"", false},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(OpensWithFrontMatter(c.text), c.front_matter) << c.text;
    absl::StatusOr<Document> doc = Document::Create(c.text);
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->first_body_line() > 0, c.front_matter) << c.text;
  }
}

TEST(DocumentTest, ByteOrderMarkIsProtected) {
  absl::StatusOr<Document> doc = Document::Create("\xEF\xBB\xBFHello\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->LineText(0), "Hello");
  EXPECT_TRUE(doc->IsProtected(0, 3));
}

TEST(DocumentTest, InvalidUtf8NamesTheByteOffset) {
  absl::StatusOr<Document> doc = Document::Create("caf\xC3(\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(doc.status().message(), "invalid UTF-8 at byte 3");
  EXPECT_FALSE(Document::Create("\xED\xA0\x80").ok()) << "surrogates are not UTF-8";
  EXPECT_FALSE(Document::Create("\xC0\xAF").ok()) << "overlong forms are not UTF-8";
}

// ASCII is checked eight bytes at a time: a bad byte anywhere in or after
// such a run, or a sequence cut across its edge, is still named exactly.
TEST(DocumentTest, InvalidUtf8IsFoundAtEveryPlaceOfALine) {
  for (size_t at = 0; at < 24; ++at) {
    std::string text(30, 'a');
    text[at] = '\xFF';
    absl::StatusOr<Document> doc = Document::Create(text);
    ASSERT_FALSE(doc.ok()) << at;
    EXPECT_EQ(doc.status().message(), "invalid UTF-8 at byte " + std::to_string(at));
    std::string cut(at, 'a');
    cut += "\xC3";
    EXPECT_FALSE(Document::Create(cut).ok()) << "a sequence cut at the end, at " << at;
    EXPECT_TRUE(Document::Create(std::string(at, 'a') + "\xC3\xA9" + std::string(9, 'b')).ok());
  }
}

TEST(DocumentTest, EmptyTextHasNoLines) {
  absl::StatusOr<Document> doc = Document::Create("");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->lines().empty());
  EXPECT_TRUE(doc->blocks().empty());
}

}  // namespace
}  // namespace mtclean::internal
