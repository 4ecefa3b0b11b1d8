// The Markdown fixture articles (tests/markdown/NAME.md with NAME.clean.md):
// cleaned as Markdown they give the editor's text, and every protected byte
// (front matter, code, HTML, link and image destinations, reference
// definitions, URLs) is unchanged, compared region by region.
#include <filesystem>

#include "cleaner/document/document.h"
#include "cleaner/resolve/resolve.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::SourcePath;

std::vector<std::string> MarkdownArticles() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(SourcePath("tests/markdown"))) {
    const std::string file = entry.path().filename().string();
    const std::string suffix = ".clean.md";
    if (file.size() > suffix.size() && file.ends_with(suffix)) {
      names.push_back(file.substr(0, file.size() - suffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Where byte `offset` of the original (outside every edit) lands after the
// edits.
size_t MapOffset(const std::vector<Edit>& edits, size_t offset) {
  long long delta = 0;
  for (const Edit& e : edits) {
    if (e.end > offset) break;
    delta += static_cast<long long>(e.replacement.size()) - static_cast<long long>(e.end - e.begin);
  }
  return static_cast<size_t>(static_cast<long long>(offset) + delta);
}

class MarkdownArticleTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::string Input() const { return ReadFile(SourcePath("tests/markdown/" + GetParam() + ".md")); }
  std::string Clean() const {
    return ReadFile(SourcePath("tests/markdown/" + GetParam() + ".clean.md"));
  }
};

TEST_P(MarkdownArticleTest, CleansToTheEditorsText) {
  std::unique_ptr<Engine> engine = MakeEngine();
  ASSERT_NE(engine, nullptr);
  absl::StatusOr<Result> r = engine->Clean("article.md", Input(), TextFormat::kMarkdown);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->cleaned, Clean());
  absl::StatusOr<Result> again = engine->Clean("article.md", r->cleaned, TextFormat::kMarkdown);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->edits.empty()) << "cleaning is not idempotent";
}

TEST_P(MarkdownArticleTest, EveryProtectedByteIsUnchanged) {
  std::unique_ptr<Engine> engine = MakeEngine();
  ASSERT_NE(engine, nullptr);
  const std::string input = Input();
  absl::StatusOr<Result> r = engine->Clean("article.md", input, TextFormat::kMarkdown);
  ASSERT_TRUE(r.ok()) << r.status();
  absl::StatusOr<internal::Document> doc =
      internal::Document::Create(input, internal::Syntax::kMarkdown);
  ASSERT_TRUE(doc.ok());
  ASSERT_FALSE(doc->protected_regions().empty());
  for (const internal::Region& region : doc->protected_regions()) {
    const std::string_view original = doc->text().substr(region.begin, region.end - region.begin);
    SCOPED_TRACE(std::string(original));
    for (const Edit& e : r->edits) {
      EXPECT_FALSE(e.begin < region.end && region.begin < e.end) << "an edit touches the region";
    }
    const size_t at = MapOffset(r->edits, region.begin);
    ASSERT_LE(at + original.size(), r->cleaned.size());
    EXPECT_EQ(std::string_view(r->cleaned).substr(at, original.size()), original);
  }
}

INSTANTIATE_TEST_SUITE_P(Markdown, MarkdownArticleTest, ::testing::ValuesIn(MarkdownArticles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

// The fixture's Markdown syntax is found: each of these is inside one
// protected region, so the byte comparison above covers it.
TEST(MarkdownFixtureTest, ProtectsEveryKindOfSyntaxInTheFixture) {
  const std::string input =
      ReadFile(SourcePath("tests/markdown/harbour-pilots-all-four-artifacts.md"));
  absl::StatusOr<internal::Document> doc =
      internal::Document::Create(input, internal::Syntax::kMarkdown);
  ASSERT_TRUE(doc.ok());
  for (const std::string snippet : {
           "---\ntitle: \"Harbour pilots end strike after pay deal\"",
           "](https://example.org/union/deal-2024.pdf \"Agreement (PDF)\")",
           "<https://example.org/summary>",
           "![Container ships waiting off Valencia](/images/valencia-anchorage.jpg)",
           "][annex]",
           "`2026-Q1`",
           "https://example.org/api/v2/pilots",
           "```sh\nrota --check \"Leave a Reply\" --from \"Valencia, 14 (Europe Press)\"\n```\n",
           "    Indented sample: Share this:\n",
           "<!-- editor: the photo credit is pending -->",
           "[annex]: https://example.org/union/annex.html \"Annex\"\n",
       }) {
    const size_t at = input.find(snippet);
    ASSERT_NE(at, std::string::npos) << snippet;
    EXPECT_TRUE(doc->IsInsideProtected(at, at + snippet.size())) << snippet;
  }
  EXPECT_EQ(doc->title(), "Harbour pilots end strike after pay deal");
}

// Regression: deleting the footer line between a list and an indented code
// block would make the code a paragraph of the list item on the next read
// (and a second run would delete it). That fix is withdrawn instead.
TEST(MarkdownStructureTest, FixThatWouldTurnCodeIntoTextIsWithdrawn) {
  std::unique_ptr<Engine> engine = MakeEngine();
  ASSERT_NE(engine, nullptr);
  const std::string text =
      "The ferry left at noon, the operator said on Friday.\n\n- Lisbon route\n\n"
      "Share this:\n\n    Share this:\n";
  absl::StatusOr<Result> r = engine->Clean("a.md", text, TextFormat::kMarkdown);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->cleaned, text);
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].rule_id, "scrape.share-widget");
  EXPECT_FALSE(r->findings[0].fixed);
}

TEST(MarkdownFixtureTest, ThereIsAFixture) { EXPECT_GE(MarkdownArticles().size(), 1u); }

}  // namespace
}  // namespace mtclean
