// Properties over generated input: cleaning is idempotent, the output is
// valid UTF-8, protected regions stay byte-identical, and nothing changes
// outside the reported edits.
#include <random>
#include <thread>

#include "cleaner/document/document.h"
#include "cleaner/resolve/resolve.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;

// Pieces of scraped news, clean and not, that the generator strings together.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      "Council approves new bus lanes",
      "The city council approved three new bus lanes on Tuesday after a long debate.",
      "“We will review it in a year,” the mayor said.",
      "Lisbon, 4 (Europe Press)",
      "ROME (ANSA) - Rail workers walked out at dawn.",
      "The plan was first reported by the Financial newspaper. Times ‘.",
      "He agreed. Twice.",
      "Leave a Reply",
      "Your email address will not be published. Required fields are marked *",
      "Share this:",
      "Click to share on Twitter (Opens in new window)",
      "Like this:",
      "Related",
      "Deja una respuesta",
      "Readers may leave a reply below the article.",
      "Café prices rose by 3 % in the Zürich region.",
      "Visitors walk along the crest of the dam on Saturday. (Photo: Reuters)",
      "Visitors walk along the crest of the dam on Saturday.",
      "Foto: EFE",
      "By Jane Doe",
      "Jane Doe is a reporter at the Coastal Herald.",
      "About the author",
      "All posts by Jane Doe",
      "China\\’s exports rose by \\\"four\\\" percent.",
      "class=\"wp-caption\" id=\"attachment_3\">",
      "Image may contain: 2 people, outdoor",
      "\u201CThe dam will hold for a century\u201D",
      "Read also",
      "Mayor defends the new tram line",
      "- Harvest at risk in the south",
      "   ",
      "---",
      "title: x",
  };
  return pieces;
}

std::string Generate(std::mt19937& rng) {
  const auto& pieces = Pieces();
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 12);
  std::uniform_int_distribution<int> sep(0, 3);
  std::string text;
  if (sep(rng) == 0) text += "---\ntitle: Council approves new bus lanes\n---\n";
  const int n = count(rng);
  for (int i = 0; i < n; ++i) {
    text += pieces[pick(rng)];
    switch (sep(rng)) {
      case 0: text += "\n"; break;
      case 1: text += "\n\n"; break;
      case 2: text += "\r\n\r\n"; break;
      default: text += " "; break;
    }
  }
  return text;
}

TEST(EnginePropertiesTest, HoldOnGeneratedDocuments) {
  std::unique_ptr<Engine> engine = MakeEngine();
  ASSERT_NE(engine, nullptr);
  std::mt19937 rng(20261128);
  for (int i = 0; i < 3000; ++i) {
    const std::string text = Generate(rng);
    SCOPED_TRACE(text);
    const Result r = CleanOrDie(*engine, text);
    // Nothing changes outside the reported edits.
    EXPECT_EQ(r.cleaned, internal::ApplyEdits(text, r.edits));
    for (size_t k = 1; k < r.edits.size(); ++k) {
      EXPECT_LE(r.edits[k - 1].end, r.edits[k].begin) << "edits overlap";
    }
    // Valid UTF-8.
    EXPECT_TRUE(internal::ValidateUtf8(r.cleaned).ok());
    // Protected regions are byte-identical (front matter leads the text).
    absl::StatusOr<internal::Document> doc = internal::Document::Create(text);
    ASSERT_TRUE(doc.ok());
    for (const internal::Region& region : doc->protected_regions()) {
      const std::string_view bytes = doc->text().substr(region.begin, region.end - region.begin);
      EXPECT_EQ(std::string_view(r.cleaned).substr(region.begin, bytes.size()), bytes);
    }
    // Idempotent.
    const Result again = CleanOrDie(*engine, r.cleaned);
    EXPECT_EQ(again.cleaned, r.cleaned);
    if (HasFailure()) break;
  }
}

TEST(EnginePropertiesTest, DeterministicAcrossRunsAndThreads) {
  std::unique_ptr<Engine> engine = MakeEngine();
  ASSERT_NE(engine, nullptr);
  std::mt19937 rng(7);
  std::vector<std::string> texts;
  for (int i = 0; i < 200; ++i) texts.push_back(Generate(rng));
  std::vector<std::string> first;
  for (const std::string& t : texts) first.push_back(CleanOrDie(*engine, t).cleaned);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < texts.size(); ++i) {
        absl::StatusOr<Result> r = engine->Clean("t", texts[i]);
        if (!r.ok() || r->cleaned != first[i]) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace mtclean

namespace mtclean {
namespace {

// Markdown pieces: block markup, code, links, URLs and comments among the
// artifacts.
std::string GenerateMarkdown(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "# Council approves new bus lanes",
      "Council approves new bus lanes",
      "- Lisbon, 4 (Europe Press)",
      "> Leave a Reply",
      "The plan is on the [city site](https://example.org/a_(b) \"Plan\").",
      "See `Leave a Reply` and https://example.org/x?y=1.",
      "```\nLeave a Reply\n```",
      "    Share this:",
      "<!-- mtclean-disable-next-line scrape.* -->",
      "<!-- note -->",
      "[ref]: https://example.org/ref",
      "The plan was first reported by the Financial newspaper. Times ‘.",
      "Leave a Reply",
      "Share this:",
      "***",
      "Heading\n=======",
      "![chart](img/c.png)",
  };
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 10);
  std::uniform_int_distribution<int> sep(0, 2);
  std::string text;
  if (sep(rng) == 0) text += "---\ntitle: Council approves new bus lanes\n---\n";
  const int n = count(rng);
  for (int i = 0; i < n; ++i) {
    text += pieces[pick(rng)];
    text += sep(rng) == 0 ? "\n" : "\n\n";
  }
  return text;
}

TEST(EnginePropertiesTest, HoldOnGeneratedMarkdown) {
  std::unique_ptr<Engine> engine = testing::MakeEngine();
  ASSERT_NE(engine, nullptr);
  std::mt19937 rng(5);
  for (int i = 0; i < 2000; ++i) {
    const std::string text = GenerateMarkdown(rng);
    SCOPED_TRACE(text);
    absl::StatusOr<Result> r = engine->Clean("t.md", text, TextFormat::kMarkdown);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->cleaned, internal::ApplyEdits(text, r->edits));
    absl::StatusOr<internal::Document> doc =
        internal::Document::Create(text, internal::Syntax::kMarkdown);
    ASSERT_TRUE(doc.ok());
    // No edit touches a protected region, so its bytes survive unchanged.
    for (const internal::Region& region : doc->protected_regions()) {
      for (const Edit& e : r->edits) {
        EXPECT_FALSE(e.begin < region.end && region.begin < e.end)
            << "edit touches " << text.substr(region.begin, region.end - region.begin);
      }
    }
    absl::StatusOr<Result> again = engine->Clean("t.md", r->cleaned, TextFormat::kMarkdown);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->cleaned, r->cleaned) << "not idempotent";
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace mtclean
