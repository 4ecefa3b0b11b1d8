#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;

std::unique_ptr<Engine> Rule(const std::string& language = "en") {
  Options o;
  o.only_rules = {"text.spacing"};
  o.language = language;
  return MakeEngine(o);
}

TEST(SpacingTest, RemovesSpaceBeforePunctuation) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "Why ? Because , he said ; the end : done !\n").cleaned,
            "Why? Because, he said; the end: done!\n");
  EXPECT_EQ(CleanOrDie(*engine, "It rose 5 % , to “record” .\n").cleaned,
            "It rose 5 %, to “record”.\n");
  EXPECT_EQ(CleanOrDie(*engine, "Really ?!\n").cleaned, "Really?!\n");
}

TEST(SpacingTest, SpaceBeforePunctuationAfterAnUnknownWordIsOnlyReported) {
  auto engine = Rule();
  const std::string text = "The coach is Zbrovnikov , who arrived in May.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
}

TEST(SpacingTest, LeavesMarksThatDoNotEndAToken) {
  auto engine = Rule();
  for (const char* text : {
           "Written in .NET with a .45 calibre budget.\n",
           "He paused ... then said . . . nothing.\n",
           "Great news :) and more ;-) later.\n",
           ": a line that starts with a colon\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(SpacingTest, FrenchKeepsItsSpaceBeforeHighPunctuation) {
  auto engine = Rule("fr");
  const std::string text = "Il a dit : « Pourquoi ? » Oui !\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text);
  EXPECT_EQ(CleanOrDie(*engine, "Le texte , puis la fin .\n").cleaned, "Le texte, puis la fin.\n");
}

TEST(SpacingTest, AddsMissingSpaceAfterACommaBetweenTwoWords) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "They sold apples,pears and plums;nothing else.\n").cleaned,
            "They sold apples, pears and plums; nothing else.\n");
}

// After `.`, `!` and `?` the space is text.missing-space's to add.
TEST(SpacingTest, LeavesAMissingSpaceAfterASentenceToTextMissingSpace) {
  auto engine = Rule();
  const std::string text = "It rained all day.Then the sun came out!Nobody cared.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  EXPECT_TRUE(r.findings.empty());
}

TEST(SpacingTest, LeavesNumbersAbbreviationsAndAddresses) {
  auto engine = Rule();
  for (const char* text : {
           "It grew 3.5 per cent to 1,200 units; 2,Maybe later.\n",
           "The U.S.,Army and e.g.,The case, at 9 a.m.,Sharp.\n",
           "Visit news.Example.com,or https://example.org/a,Html now.\n",
           "The iPhone,Next model and node.js and ASP.NET apps.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(SpacingTest, MissingSpaceBetweenUnknownWordsIsOnlyReported) {
  auto engine = Rule();
  const std::string text = "The firms Qorvex,Tandem said no.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
}

TEST(SpacingTest, CollapsesDoubledSpacesBetweenWords) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "The   mayor said  no. Then  he left.\n").cleaned,
            "The mayor said no. Then he left.\n");
}

TEST(SpacingTest, LeavesIndentationTrailingSpacesAndColumns) {
  auto engine = Rule();
  for (const char* text : {
           "    Indented first line of a quotation.\n",
           "A Markdown line break  \nfollows here.\n",
           "Team        Won   Lost\nRovers      12    3\n",
           "Tab\t\tseparated stays.\n",
           "| Team    | Won |\n| Rovers  | 12  |\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

// In Markdown a line's content begins after its indentation: the spaces
// before it are indentation too, on the first line as on any other (the
// pipeline fuzzer found the first line read the byte before the text).
TEST(SpacingTest, LeavesMarkdownIndentationBeforeTheContent) {
  auto engine = Rule();
  for (const char* text : {
           "  .",
           "  Officials said so.\n",
           "The port reopened.\n\n  Ships waited outside since Friday.\n",
           "-  Ships waited outside.\n",
       }) {
    absl::StatusOr<Result> r = engine->Clean("test.md", text, TextFormat::kMarkdown);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->cleaned, text);
    EXPECT_TRUE(r->findings.empty()) << text;
  }
}

TEST(SpacingTest, ReducesRunsOfTheSameMark) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "Goal!!! Really?? Yes,, and;; more..\n").cleaned,
            "Goal! Really? Yes, and; more.\n");
}

TEST(SpacingTest, LeavesEllipsesPathsAndRanges) {
  auto engine = Rule();
  for (const char* text : {
           "He waited... and waited…\n",
           "Pages 1..10 and the folder ../archive were lost.\n",
           "What?! Really!? Both stay.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

}  // namespace
}  // namespace mtclean
