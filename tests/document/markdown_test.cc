// Markdown awareness of the Document: block markup stripped from what rules
// see, and the regions no rule may edit.
#include <string>
#include <vector>

#include "cleaner/document/document.h"
#include "cleaner/document/front_matter.h"
#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

Document Markdown(const std::string& text) {
  absl::StatusOr<Document> doc = Document::Create(text, Syntax::kMarkdown);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? std::move(*doc) : *Document::Create("");
}

std::vector<std::string> BlockTexts(const Document& doc) {
  std::vector<std::string> out;
  for (size_t b = 0; b < doc.blocks().size(); ++b) out.emplace_back(doc.BlockText(b));
  return out;
}

std::vector<std::string> ProtectedTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Region& r : doc.protected_regions()) {
    out.emplace_back(doc.text().substr(r.begin, r.end - r.begin));
  }
  return out;
}

using Texts = std::vector<std::string>;

TEST(MarkdownTest, HeadingsListItemsAndQuotesAreBlocksWithoutTheirMarkup) {
  const Document doc = Markdown(
      "# Ferry service resumes\n\n- First crossing at six\n- Second at nine\n"
      "  and a late one\n\n> The sea was calm,\n> the captain said.\n\n"
      "1. Tickets on board\n");
  EXPECT_EQ(BlockTexts(doc), (Texts{"Ferry service resumes", "First crossing at six",
                                    "Second at nine\n  and a late one",
                                    "The sea was calm,\n> the captain said.",
                                    "Tickets on board"}));
  EXPECT_EQ(doc.LineText(0), "Ferry service resumes");
  EXPECT_EQ(doc.lines()[0].start, 0u);
  EXPECT_EQ(doc.lines()[0].begin, 2u);
  EXPECT_EQ(doc.LineIndexAt(0), 0u) << "markup bytes belong to their line";
  EXPECT_TRUE(doc.protected_regions().empty());
}

TEST(MarkdownTest, HeadingEndsTheBlockBeforeAndAfterIt) {
  const Document doc = Markdown("Opening line\n## Section\nBody line\n");
  EXPECT_EQ(BlockTexts(doc), (Texts{"Opening line", "Section", "Body line"}));
}

TEST(MarkdownTest, SetextUnderlineAndThematicBreakAreMarkupOnly) {
  const Document doc = Markdown("Storm warning\n=============\n\nText.\n\n***\n\nMore.\n");
  EXPECT_EQ(BlockTexts(doc), (Texts{"Storm warning", "Text.", "More."}));
  EXPECT_FALSE(doc.lines()[1].blank);
  EXPECT_EQ(doc.BlockOfLine(1), Document::kNoBlock);
  EXPECT_EQ(doc.BlockOfLine(5), Document::kNoBlock);
}

TEST(MarkdownTest, FencedCodeIsProtectedAndNotABlock) {
  const std::string text =
      "Intro line.\n\n```bash\nLeave a Reply\n```\n\n~~~~\n``` not a close\n~~~~\n\nAfter.\n";
  const Document doc = Markdown(text);
  EXPECT_EQ(BlockTexts(doc), (Texts{"Intro line.", "After."}));
  EXPECT_EQ(ProtectedTexts(doc), (Texts{"```bash\nLeave a Reply\n```\n",
                                        "~~~~\n``` not a close\n~~~~\n"}));
}

TEST(MarkdownTest, UnclosedFenceRunsToTheEnd) {
  const Document doc = Markdown("Text.\n\n```\ncode\n\nmore code\n");
  EXPECT_EQ(BlockTexts(doc), (Texts{"Text."}));
  EXPECT_EQ(ProtectedTexts(doc), (Texts{"```\ncode\n\nmore code\n"}));
}

TEST(MarkdownTest, IndentedCodeOnlyAfterABlankLine) {
  const Document doc = Markdown(
      "A paragraph that goes on\n    with an indented continuation.\n\n    indented code\n");
  EXPECT_EQ(BlockTexts(doc),
            (Texts{"A paragraph that goes on\n    with an indented continuation."}));
  EXPECT_EQ(ProtectedTexts(doc), (Texts{"    indented code\n"}));
}

TEST(MarkdownTest, ListItemContinuationIsNotCode) {
  const Document doc = Markdown("- Item one\n\n  Second paragraph of the item.\n");
  EXPECT_EQ(BlockTexts(doc), (Texts{"Item one", "Second paragraph of the item."}));
  EXPECT_TRUE(doc.protected_regions().empty());
}

TEST(MarkdownTest, InlineSyntaxIsProtectedButLinkTextIsNot) {
  const Document doc = Markdown(
      "Run `mtclean fix` on the [agency story](https://example.org/a_(b) \"Title\") "
      "with ![a chart](img/chart.png), see <https://example.org/x> or "
      "www.example.org/page. <!-- note --> Done.\n");
  EXPECT_EQ(ProtectedTexts(doc),
            (Texts{"`mtclean fix`", "[", "](https://example.org/a_(b) \"Title\")",
                   "![a chart](img/chart.png)", "<https://example.org/x>",
                   "www.example.org/page", "<!-- note -->"}));
  ASSERT_EQ(doc.html_comments().size(), 1u);
}

TEST(MarkdownTest, ReferenceLinksAndDefinitions) {
  const Document doc = Markdown(
      "See the [report][r1] and [the map][].\n\n[r1]: https://example.org/r \"Report\"\n"
      "[the map]: <https://example.org/m>\n");
  EXPECT_EQ(ProtectedTexts(doc),
            (Texts{"[", "][r1]", "[", "][]",
                   "[r1]: https://example.org/r \"Report\"\n[the map]: <https://example.org/m>\n"}));
  EXPECT_EQ(BlockTexts(doc), (Texts{"See the [report][r1] and [the map][]."}));
}

TEST(MarkdownTest, BareUrlLeavesTrailingPunctuationToTheSentence) {
  const Document doc = Markdown("Details at https://example.org/story?id=4. (See http://x.org/a)\n");
  EXPECT_EQ(ProtectedTexts(doc), (Texts{"https://example.org/story?id=4", "http://x.org/a"}));
}

TEST(MarkdownTest, UnmatchedBackticksAndEscapesAreText) {
  const Document doc = Markdown("A lone ` backtick, \\[not a link](x) and \\<not:autolink>.\n");
  EXPECT_TRUE(doc.protected_regions().empty()) << ProtectedTexts(doc)[0];
}

TEST(MarkdownTest, CodeSpanMaySpanLinesOfAParagraph) {
  const Document doc = Markdown("Type ``a `b`\nc`` now.\n");
  EXPECT_EQ(ProtectedTexts(doc), (Texts{"``a `b`\nc``"}));
}

TEST(MarkdownTest, HtmlBlocksAndCommentsAreProtected) {
  const Document doc = Markdown(
      "Text.\n\n<!--\nmtclean-disable\n-->\n\n<div class=\"embed\">\nLeave a Reply\n</div>\n\n"
      "<script>\nvar a;\n\nvar b;\n</script>\nAfter.\n");
  EXPECT_EQ(ProtectedTexts(doc),
            (Texts{"<!--\nmtclean-disable\n-->\n",
                   "<div class=\"embed\">\nLeave a Reply\n</div>\n",
                   "<script>\nvar a;\n\nvar b;\n</script>\n"}));
  EXPECT_EQ(BlockTexts(doc), (Texts{"Text.", "After."}));
  ASSERT_EQ(doc.html_comments().size(), 1u);
  EXPECT_EQ(doc.html_comments()[0].begin, 7u);
}

TEST(MarkdownTest, FrontMatterTitleFromYamlAndToml) {
  EXPECT_EQ(Markdown("---\ntitle: \"Rail strike: day two\"\ndate: 2024-03-02\n---\nBody.\n").title(),
            "Rail strike: day two");
  EXPECT_EQ(Markdown("+++\ndraft = false\ntitle = \"Caf\\u00e9 \\\"closes\\\"\"\n+++\nBody.\n").title(),
            "Café \"closes\"");
  EXPECT_EQ(Markdown("---\ntags: [a]\n---\nBody.\n").title(), "");
  EXPECT_EQ(Markdown("---\ntitle: [broken\n---\nBody.\n").title(), "")
      << "malformed front matter has no title and is no error";
  EXPECT_EQ(FrontMatterTitle("[params]\ntitle = \"nested\"\n", true), "");
  EXPECT_EQ(FrontMatterTitle("title = 'literal \\n'\n", true), "literal \\n");
}

TEST(MarkdownTest, PlainTextKeepsItsMarkupCharacters) {
  absl::StatusOr<Document> doc =
      Document::Create("# Not a heading\n\n```\nnot code\n```\n", Syntax::kPlain);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->LineText(0), "# Not a heading");
  EXPECT_TRUE(doc->protected_regions().empty());
  EXPECT_EQ(doc->blocks().size(), 2u);
}

TEST(MarkdownTest, IsInsideProtected) {
  const Document doc = Markdown("Use `code here` now.\n");
  EXPECT_TRUE(doc.IsInsideProtected(5, 9));
  EXPECT_FALSE(doc.IsInsideProtected(0, 9));
  EXPECT_TRUE(doc.IsProtected(0, 5));
  EXPECT_FALSE(doc.IsProtected(0, 4));
  EXPECT_FALSE(doc.IsProtected(4, 4)) << "an insertion at the boundary is allowed";
}

}  // namespace
}  // namespace mtclean::internal
