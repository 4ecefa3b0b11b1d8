#include "cleaner/document/line_shape.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

// Every field of two shapes is the same; else which one differs.
::testing::AssertionResult SameShape(const LineShape& a, const LineShape& b) {
  if (a.words != b.words) return ::testing::AssertionFailure() << "words";
  if (a.inner_break != b.inner_break) return ::testing::AssertionFailure() << "inner_break";
  if (a.final_mark != b.final_mark) return ::testing::AssertionFailure() << "final_mark";
  if (a.list_item != b.list_item) return ::testing::AssertionFailure() << "list_item";
  if (a.link != b.link) return ::testing::AssertionFailure() << "link";
  return ::testing::AssertionSuccess();
}

TEST(LineShapeTest, CountsWordsAndFindsTheFinalMark) {
  const LineShape s = MeasureLine("The port reopened on Friday, officials said.”");
  EXPECT_EQ(s.words, 7u);
  EXPECT_EQ(s.final_mark, U'.');
  EXPECT_TRUE(EndsAsSentence(s));
  EXPECT_FALSE(s.inner_break);
  EXPECT_EQ(MeasureLine("(Photo: Reuters)").final_mark, U's');
  EXPECT_EQ(MeasureLine("Read more...").final_mark, U'\u2026');
  EXPECT_EQ(MeasureLine("   ").final_mark, 0u);
}

TEST(LineShapeTest, FindsSentenceBoundariesButNotAbbreviations) {
  EXPECT_TRUE(MeasureLine("The vote failed. Talks resume today").inner_break);
  EXPECT_TRUE(MeasureLine("“We will stay.” The mayor left").inner_break);
  EXPECT_TRUE(MeasureLine("Why now? Nobody knows").inner_break);
  EXPECT_FALSE(MeasureLine("Mr. Smith goes to Brussels").inner_break);
  EXPECT_FALSE(MeasureLine("The U.S. Senate votes").inner_break);
  EXPECT_FALSE(MeasureLine("Wait... the results are late").inner_break);
}

// ASCII lines take a fast path; a line that is not ASCII takes the general
// one. A trailing no-break space (whitespace, not a word, not a mark) sends
// a line down the general path without changing its shape, so the two
// paths must agree on every line built from the characters that matter.
TEST(LineShapeTest, TheAsciiPathAgreesWithTheGeneralOne) {
  const std::vector<std::string> pieces = {
      "a", "Z", "9", "_", " ", " ", ".", "!", "?", "\"", "'", ")", "]", "}", ":", "/", "w",
      "-", "* ", "(", ",", "\t", "www.", "http://", "https://", "](", "Mr.", "The", "vote", "1. "};
  std::mt19937 random(7);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<size_t> length(0, 16);
  size_t breaks = 0;
  size_t links = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string line;
    for (size_t n = length(random); n > 0; --n) line += pieces[pick(random)];
    const LineShape ascii = MeasureLine(line);
    const LineShape general = MeasureLine(line + "\u00A0");
    ASSERT_TRUE(SameShape(ascii, general)) << "[" << line << "]";
    breaks += ascii.inner_break ? 1 : 0;
    links += ascii.link ? 1 : 0;
  }
  // The lines exercised both checks, each way.
  EXPECT_GT(breaks, 200u);
  EXPECT_LT(breaks, 19000u);
  EXPECT_GT(links, 1000u);
  EXPECT_LT(links, 19000u);
}

// MeasureLine takes sixteen ASCII bytes at a time and the characters
// beyond ASCII one by one: on lines mixing the two (typographic quotes and
// dashes, accented and capital letters beyond ASCII, digits of another
// script, combining marks, spaces beyond ASCII, other scripts) it must give
// what measuring every code point gives.
TEST(LineShapeTest, TheFastPathsAgreeWithMeasuringEveryCodePoint) {
  const std::vector<std::string> pieces = {
      "a", "Z", "9", " ", ".", "!", "?", "\"", ")", ":", "www.", "http://", "](", "Mr.",
      "The", "vote", "- ", "1. ", "\t", "abcdefghijklmnop",
      "\u00E9", "\u00C9t\u00E9", "\u201C", "\u201D", "\u00AB ", " \u00BB", "\u2014",
      "\u2026", "\u00A0", "\u2003", "\u0416", "\u0436\u0436\u0436", "\u0301", "\u0663",
      "\u00DF", "\u2019", "\u3002", "\u00BF", "S\u00E3o", "\u2022 "};
  std::mt19937 random(11);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<size_t> length(0, 24);
  size_t breaks = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string line;
    for (size_t n = length(random); n > 0; --n) line += pieces[pick(random)];
    const LineShape fast = MeasureLine(line);
    const LineShape reference = line_shape_internal::MeasureLineByCodePoint(line);
    ASSERT_TRUE(SameShape(fast, reference)) << "[" << line << "]";
    breaks += fast.inner_break ? 1 : 0;
  }
  EXPECT_GT(breaks, 1000u);
  EXPECT_LT(breaks, 29000u);
}

TEST(LineShapeTest, ListItemsAndLinks) {
  EXPECT_TRUE(MeasureLine("- Mayor defends tram line").list_item);
  EXPECT_TRUE(MeasureLine("• Mayor defends tram line").list_item);
  EXPECT_TRUE(MeasureLine("2) Mayor defends tram line").list_item);
  EXPECT_FALSE(MeasureLine("2024 was a dry year").list_item);
  EXPECT_FALSE(MeasureLine("-5 degrees at dawn").list_item);
  EXPECT_TRUE(MeasureLine("[Mayor defends tram line](https://example.org/a)").link);
  EXPECT_TRUE(MeasureLine("www.example.org").link);
}

TEST(LineShapeTest, SentencesShortLinesAndLinkTitles) {
  // A story sentence.
  EXPECT_TRUE(IsSentenceLike(MeasureLine("Readers can follow us on the radio every Sunday.")));
  // Long without a final stop is still running text.
  EXPECT_TRUE(IsSentenceLike(MeasureLine(
      "the council said that the works on the new tram line would start in May and end in "
      "two years")));
  // Short lines of page furniture.
  EXPECT_FALSE(IsSentenceLike(MeasureLine("Follow us on Twitter")));
  EXPECT_FALSE(IsSentenceLike(MeasureLine("All rights reserved.")));
  EXPECT_TRUE(IsLinkTitleLike(MeasureLine("Mayor defends the new tram line")));
  EXPECT_TRUE(IsLinkTitleLike(MeasureLine("¿Qué pasará con el puerto?")));
  EXPECT_TRUE(IsLinkTitleLike(MeasureLine("March 3, 2024")));
  EXPECT_TRUE(IsLinkTitleLike(MeasureLine("- Mayor defends the new tram line.")));
  EXPECT_FALSE(IsLinkTitleLike(MeasureLine("The mayor defended the tram.")));
  EXPECT_FALSE(IsLinkTitleLike(MeasureLine("Read also:")));
  EXPECT_FALSE(IsLinkTitleLike(MeasureLine("")));
}

}  // namespace
}  // namespace mtclean::internal
