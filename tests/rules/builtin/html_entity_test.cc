#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("text.html-entity"); }

TEST(HtmlEntityTest, DecodesNamedReferencesFromTheHtml5Table) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "Fees &ndash; and taxes &mdash; rose by &frac12; &hellip;\n")
                .cleaned,
            "Fees – and taxes — rose by ½ …\n");
  // Names only HTML5 has, and one that stands for two code points.
  EXPECT_EQ(CleanOrDie(*engine, "It was &NotEqualTilde; and &bigstar; rated.\n").cleaned,
            "It was \u2242\u0338 and \u2605 rated.\n");
  // Names are case-sensitive.
  EXPECT_EQ(CleanOrDie(*engine, "&Eacute;cole and &eacute;t&eacute;.\n").cleaned,
            "École and été.\n");
}

TEST(HtmlEntityTest, DecodesNumericReferences) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "The mayor&#8217;s aide&#x2014;and her deputy.\n").cleaned,
            "The mayor’s aide—and her deputy.\n");
  // 128..159 are Windows-1252 characters in HTML5.
  EXPECT_EQ(CleanOrDie(*engine, "&#147;Yes,&#148; he said.\n").cleaned, "“Yes,” he said.\n");
}

TEST(HtmlEntityTest, DoubleEscapedReferencesAreDecodedToTheEnd) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "Marks &amp;amp; Spencer\n").cleaned, "Marks & Spencer\n");
}

TEST(HtmlEntityTest, ReferenceToNoCharacterIsOnlyReported) {
  auto engine = Rule();
  const std::string text = "Bad data &#0; and &#xD800; in the feed.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_FALSE(r.findings[0].has_fix());
  EXPECT_FALSE(r.findings[1].has_fix());
}

TEST(HtmlEntityTest, LeavesAmpersandsThatAreNotReferences) {
  auto engine = Rule();
  for (const char* text : {
           "AT&T and R&D; Q&A at 5.\n",
           "Tom &amp Jerry without the semicolon stays.\n",
           "The &foo; and &Amp; names are not in the table.\n",
           "Search for a=1&b=2 in the log.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(HtmlEntityTest, TagThatSeparatesWordsLeavesOneSpace) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "First line.<br/>Second line.<br />Third.\n").cleaned,
            "First line. Second line. Third.\n");
  EXPECT_EQ(CleanOrDie(*engine, "End of one.</p><p>Start of two.\n").cleaned,
            "End of one. Start of two.\n");
  EXPECT_EQ(CleanOrDie(*engine, "End of one. </p> <p> Start of two.\n").cleaned,
            "End of one. Start of two.\n");
}

TEST(HtmlEntityTest, InlineTagJoinsWhatIsAroundIt) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "an <em>un</em>likely <SPAN class='x'>win</SPAN>\n").cleaned,
            "an unlikely win\n");
}

TEST(HtmlEntityTest, LineOfTagsOnlyIsRemoved) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "The vote passed.\n<br>\nTurnout was high.\n").cleaned,
            "The vote passed.\nTurnout was high.\n");
}

TEST(HtmlEntityTest, LeavesAngleBracketsThatAreNotTags) {
  auto engine = Rule();
  for (const char* text : {
           "Fans wrote <3 and the poll had <Yes> and <No> boxes.\n",
           "The gap is x < y and y > z.\n",
           "Email <press@example.org> for details.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(HtmlEntityTest, MalformedTagStays) {
  auto engine = Rule();
  // The opening tag's quote is never closed; the closing tag is well formed.
  EXPECT_EQ(CleanOrDie(*engine, "A broken <a href=\"x>link</a> stays.\n").cleaned,
            "A broken <a href=\"x>link stays.\n");
}

TEST(HtmlEntityTest, LeavesFrontMatterAlone) {
  auto engine = Rule();
  const std::string text = "---\ntitle: Smith &amp; Sons<br>\n---\nSmith &amp; Sons\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned,
            "---\ntitle: Smith &amp; Sons<br>\n---\nSmith & Sons\n");
}

TEST(HtmlEntityTest, MarkdownKeepsItsHtmlAndLosesOnlyADoubleEscape) {
  auto engine = Rule();
  const std::string text =
      "Smith &amp; Sons, <abbr title=\"x\">EU</abbr> and<br>more &nbsp; here.\n\n"
      "Marks &amp;amp; Spencer and the mayor&amp;#8217;s office, &amp;copy but not &amp;foo;.\n";
  absl::StatusOr<Result> r = engine->Clean("article.md", text, TextFormat::kMarkdown);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->cleaned,
            "Smith &amp; Sons, <abbr title=\"x\">EU</abbr> and<br>more &nbsp; here.\n\n"
            "Marks &amp; Spencer and the mayor&#8217;s office, &amp;copy but not &amp;foo;.\n");
}

}  // namespace
}  // namespace mtclean
