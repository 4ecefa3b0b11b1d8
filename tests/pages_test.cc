// The page fixtures (tests/pages/NAME.txt with NAME.expected.txt): the
// shapes real scraped pages have (listings, forum reposts, auto-translated
// aggregators, author archives, live tickers, chrome in another script,
// captions with credits, empty template labels) and look-alikes that must
// stay untouched, all written by the project. The expected text is what a
// careful news editor would publish, by the labelling conventions of
// ANNOTATION.md (and bench/wild/README.md where that is silent); it is never
// adjusted to what the engine does.
//
// Each fixture is cleaned with the language guessed, as the CLI does. Three
// checks per fixture:
//   - the cleaned text is the expected text (a unified diff when not);
//   - cleaning is idempotent: cleaning the cleaned text changes nothing;
//   - a clean fixture (expected == input) comes out byte-identical.
// The fixtures the engine does not handle yet are listed in kKnownFailures
// (and described in tests/pages/STATUS.md): their first check is skipped
// with the diff, but fails once they pass, so that the list is kept short;
// the other two checks hold for every fixture.
#include <algorithm>
#include <iostream>
#include <array>
#include <cctype>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/eval/sequence_diff.h"
#include "cleaner/report/diff.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::SourcePath;

// The fixtures whose cleaned text differs from the editor's today, sorted.
// Keep in step with tests/pages/STATUS.md. (Emptied, it is
// `std::array<std::string_view, 0>{}`.)
constexpr auto kKnownFailures = std::to_array<std::string_view>({
    "de-forum-repost-dpa-member-comment",
    "de-listing-weiterlesen-anzeige",
    "en-aggregator-auto-translated-europe-press",
    "en-cyrillic-chrome-around-english-story",
    "es-agency-own-site-efe-dateline-kept",
    "es-chinese-chrome-around-spanish-story",
    "es-listing-economia-leer-mas",
    "fr-author-archive-bio-lire-la-suite",
    "it-live-ticker-momento-chiave",
    "pt-captions-credits-image-title",
});

// Known failures that also remove text the editor keeps, and why.
constexpr auto kKnownDamage = std::to_array<std::string_view>({
    // The agency's own site: its dateline is house style, but nothing in the
    // text tells the agency's site from a repost (disable newswire.dateline
    // in that site's .mtclean.yaml).
    "es-agency-own-site-efe-dateline-kept",
    // scrape.share-widget takes an entry's timestamp under "Condividi" for a
    // link title.
    "it-live-ticker-momento-chiave",
});

constexpr std::string_view kExpectedSuffix = ".expected.txt";

std::vector<std::string> PageNames() {
  std::vector<std::string> names;
  const std::filesystem::path dir = SourcePath("tests/pages");
  if (!std::filesystem::exists(dir)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    if (file.size() > kExpectedSuffix.size() &&
        file.ends_with(kExpectedSuffix)) {
      names.push_back(file.substr(0, file.size() - kExpectedSuffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The fixtures whose expected text is their input.
std::vector<std::string> CleanPageNames() {
  std::vector<std::string> clean;
  for (const std::string& name : PageNames()) {
    const std::string input =
        ReadFile(SourcePath("tests/pages/" + name + ".txt"));
    if (input == ReadFile(SourcePath("tests/pages/" + name +
                                     std::string(kExpectedSuffix)))) {
      clean.push_back(name);
    }
  }
  return clean;
}

bool IsKnownFailure(std::string_view name) {
  return std::find(kKnownFailures.begin(), kKnownFailures.end(), name) !=
         kKnownFailures.end();
}

// The first non-blank line of `expected` that no line of `cleaned` holds,
// taking the lines in order; empty when every one is there.
std::string FirstLostLine(std::string_view expected, std::string_view cleaned) {
  auto lines = [](std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
      const size_t end = std::min(text.find('\n'), text.size());
      out.push_back(text.substr(0, end));
      text.remove_prefix(std::min(end + 1, text.size()));
    }
    return out;
  };
  const std::vector<std::string_view> have = lines(cleaned);
  size_t at = 0;
  for (std::string_view line : lines(expected)) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    while (at < have.size() && have[at].find(line) == std::string_view::npos) ++at;
    if (at == have.size()) return std::string(line);
    ++at;
  }
  return "";
}

void AppendDiffLine(std::string* out, char mark, std::string_view line) {
  out->push_back(mark);
  out->append(line);
  if (line.empty() || line.back() != '\n') {
    out->append("\n\\ No newline at end of file\n");
  }
}

// The unified diff from `from` to `to`, line by line with three lines of
// context, for failure messages.
std::string LineDiff(std::string_view from_name, std::string_view from,
                     std::string_view to_name, std::string_view to) {
  constexpr size_t kContext = 3;
  const std::vector<std::string_view> a = internal::SplitKeepingNewlines(from);
  const std::vector<std::string_view> b = internal::SplitKeepingNewlines(to);
  std::optional<std::vector<internal::DiffChange>> changes =
      internal::DiffLines(a, b, a.size() + b.size());
  std::string out =
      "--- " + std::string(from_name) + "\n+++ " + std::string(to_name) + "\n";
  if (!changes.has_value()) return out + "(no line diff)\n";
  size_t c = 0;
  while (c < changes->size()) {
    // One hunk: the changes whose gaps are at most twice the context.
    size_t last = c;
    while (last + 1 < changes->size() &&
           (*changes)[last + 1].a_begin - (*changes)[last].a_end <=
               2 * kContext) {
      ++last;
    }
    const internal::DiffChange& first_change = (*changes)[c];
    const internal::DiffChange& last_change = (*changes)[last];
    const size_t a_start =
        first_change.a_begin - std::min(first_change.a_begin, kContext);
    const size_t a_stop = std::min(a.size(), last_change.a_end + kContext);
    const size_t b_start =
        first_change.b_begin - (first_change.a_begin - a_start);
    const size_t b_stop = last_change.b_end + (a_stop - last_change.a_end);
    out += "@@ -" + std::to_string(a_start + 1) + "," +
           std::to_string(a_stop - a_start) + " +" +
           std::to_string(b_start + 1) + "," +
           std::to_string(b_stop - b_start) + " @@\n";
    size_t at = a_start;
    for (size_t i = c; i <= last; ++i) {
      const internal::DiffChange& ch = (*changes)[i];
      for (; at < ch.a_begin; ++at) AppendDiffLine(&out, ' ', a[at]);
      for (size_t j = ch.a_begin; j < ch.a_end; ++j) {
        AppendDiffLine(&out, '-', a[j]);
      }
      for (size_t j = ch.b_begin; j < ch.b_end; ++j) {
        AppendDiffLine(&out, '+', b[j]);
      }
      at = ch.a_end;
    }
    for (; at < a_stop; ++at) AppendDiffLine(&out, ' ', a[at]);
    c = last + 1;
  }
  return out;
}

class PageTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() { engine_ = MakeEngine().release(); }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }

  std::string Input() const {
    return ReadFile(SourcePath("tests/pages/" + GetParam() + ".txt"));
  }
  std::string Expected() const {
    return ReadFile(
        SourcePath("tests/pages/" + GetParam() + std::string(kExpectedSuffix)));
  }

  static Engine* engine_;
};

Engine* PageTest::engine_ = nullptr;

TEST_P(PageTest, CleansToTheEditorsText) {
  ASSERT_NE(engine_, nullptr);
  const std::string input = Input();
  ASSERT_FALSE(input.empty());
  const std::string expected = Expected();
  absl::StatusOr<Result> r = engine_->Clean(GetParam() + ".txt", input);
  ASSERT_TRUE(r.ok()) << r.status();
  const bool matches = r->cleaned == expected;
  if (IsKnownFailure(GetParam())) {
    if (matches) {
      FAIL() << "the engine now cleans this page to the editor's text: remove "
             << GetParam()
             << " from kKnownFailures (and from tests/pages/STATUS.md)";
    }
    // Until then the engine may miss furniture, but it keeps everything
    // the editor keeps (in order, perhaps with a label still beside it),
    // except where kKnownDamage says why not.
    const bool damage_known =
        std::find(kKnownDamage.begin(), kKnownDamage.end(), GetParam()) != kKnownDamage.end();
    if (!damage_known) {
      EXPECT_EQ(FirstLostLine(expected, r->cleaned), "")
          << "the engine removes text the editor keeps; expected -> cleaned:\n"
          << LineDiff(GetParam() + ".expected.txt", expected, "cleaned", r->cleaned);
    }
    std::cout << "known failure (tests/pages/STATUS.md); expected -> cleaned:\n"
              << LineDiff(GetParam() + ".expected.txt", expected, "cleaned", r->cleaned);
    return;
  }
  EXPECT_TRUE(matches) << "expected -> cleaned:\n"
                       << LineDiff(GetParam() + ".expected.txt", expected,
                                   "cleaned", r->cleaned);
}

TEST_P(PageTest, CleaningIsIdempotent) {
  ASSERT_NE(engine_, nullptr);
  absl::StatusOr<Result> r = engine_->Clean(GetParam() + ".txt", Input());
  ASSERT_TRUE(r.ok()) << r.status();
  absl::StatusOr<Result> again =
      engine_->Clean(GetParam() + ".txt", r->cleaned);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->cleaned, r->cleaned)
      << "cleaning the cleaned text changes it; cleaned -> cleaned again:\n"
      << LineDiff("cleaned", r->cleaned, "cleaned again", again->cleaned);
  EXPECT_TRUE(again->edits.empty()) << "cleaning the cleaned text makes edits";
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// The instantiations and the suite of set checks are all named `pages`, so
// that `ctest -R pages` runs every test of this file.
INSTANTIATE_TEST_SUITE_P(pages, PageTest, ::testing::ValuesIn(PageNames()),
                         TestName);

// The clean pages: a page whose expected text is its input comes out
// byte-identical, known failure or not.
class CleanPageTest : public PageTest {};

TEST_P(CleanPageTest, IsByteIdentical) {
  ASSERT_NE(engine_, nullptr);
  const std::string input = Input();
  absl::StatusOr<Result> r = engine_->Clean(GetParam() + ".txt", input);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->cleaned, input)
      << "a clean page was changed; input -> cleaned:\n"
      << LineDiff(GetParam() + ".txt", input, "cleaned", r->cleaned);
  EXPECT_TRUE(r->edits.empty());
}

INSTANTIATE_TEST_SUITE_P(pages, CleanPageTest,
                         ::testing::ValuesIn(CleanPageNames()), TestName);

// The set is what the fixtures promise: at least twelve pages, in each of
// the six main languages (the name's prefix), at least three of them clean,
// each input with its expected text.
TEST(pages, CoverTheLanguagesAndIncludeCleanPages) {
  const std::vector<std::string> names = PageNames();
  EXPECT_GE(names.size(), 12u);
  std::set<std::string> languages;
  for (const std::string& name : names) {
    languages.insert(name.substr(0, name.find('-')));
    EXPECT_TRUE(
        std::filesystem::exists(SourcePath("tests/pages/" + name + ".txt")))
        << name << ".expected.txt has no input beside it";
  }
  for (const char* lang : {"en", "es", "fr", "de", "it", "pt"}) {
    EXPECT_TRUE(languages.count(lang)) << "no page in " << lang;
  }
  EXPECT_GE(CleanPageNames().size(), 3u);
}

// Every known failure names a fixture, once.
TEST(pages, KnownFailuresNameFixtures) {
  const std::vector<std::string> names = PageNames();
  std::set<std::string_view> seen;
  for (std::string_view name : kKnownFailures) {
    EXPECT_TRUE(std::find(names.begin(), names.end(), name) != names.end())
        << name << " in kKnownFailures is not a fixture under tests/pages/";
    EXPECT_TRUE(seen.insert(name).second) << name << " is listed twice";
  }
}

}  // namespace
}  // namespace mtclean
