// scrape.page-furniture and the page model of BlockPositions it reads: what
// shape alone reports, what a second kind of evidence removes, and the
// look-alikes that stay (headlines, bylines, dates, a story's own breaks).
#include <algorithm>

#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::MakeRuleEngine;

constexpr char kRuleId[] = "scrape.page-furniture";

constexpr char kStory[] =
    "The new barrier was lowered for the first time on Sunday, and the water "
    "stayed out of the old town.\n";

std::unique_ptr<Engine> English() {
  Options options;
  options.language = "en";
  return MakeEngine(options);
}

std::vector<const Finding*> FurnitureFindings(const Result& r) {
  std::vector<const Finding*> out;
  for (const Finding& f : r.findings) {
    if (f.rule_id == kRuleId) out.push_back(&f);
  }
  return out;
}

TEST(PageFurnitureTest, ShapeAloneOnlyReports) {
  auto engine = MakeRuleEngine(kRuleId);
  const std::string text =
      std::string("Valley Courier\n\nWeather 4° Sleet\n\nFlood barrier opens on the river\n\n") +
      kStory;
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  const auto found = FurnitureFindings(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->severity, Severity::kInfo);
  EXPECT_FALSE(found[0]->has_fix());
  EXPECT_EQ(text.substr(found[0]->begin, found[0]->end - found[0]->begin),
            "Valley Courier\n\nWeather 4° Sleet");
}

TEST(PageFurnitureTest, ARunWithAKnownLabelGoesAndTheHeadlineStays) {
  auto engine = English();
  const std::string text =
      std::string("Menu\nLog in\nWeather\n\nFlood barrier opens on the river\n\n") + kStory;
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, std::string("Flood barrier opens on the river\n\n") + kStory);
}

TEST(PageFurnitureTest, BylinesKickersAndLongLinesStayBesideKnownLabels) {
  auto engine = English();
  for (const std::string& kept : {std::string("Ana Ruiz"), std::string("What do we know?"),
                                  std::string("A long kicker line of seven words")}) {
    const std::string text = "Menu\n" + kept + "\n\nFlood barrier opens on the river\n\n" + kStory;
    const Result r = CleanOrDie(*engine, text);
    EXPECT_NE(r.cleaned.find(kept), std::string::npos) << kept;
    EXPECT_EQ(r.cleaned.find("Menu"), std::string::npos) << kept;
  }
}

TEST(PageFurnitureTest, AMenuRunIntoOneLineGoes) {
  auto engine = English();
  const std::string text =
      std::string("Home World Business Sport Culture Login\n\nFlood barrier opens\n\n") + kStory;
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, std::string("Flood barrier opens\n\n") + kStory);
}

TEST(PageFurnitureTest, RepeatedLabelsBetweenItemsGoButRepeatedNamesStay) {
  auto engine = MakeRuleEngine(kRuleId);
  const std::string item1 = "Bridge toll rises\n\nThe toll on the river bridge goes up in May.\n\n";
  const std::string item2 = "Ferry timetable changes\n\nThe morning boat leaves half an hour earlier.\n\n";
  const std::string item3 = "Museum wing opens\n\nThe wing shows the city's history in six rooms.\n";
  EXPECT_EQ(CleanOrDie(*engine, item1 + "Key moment\n\n" + item2 + "Key moment\n\n" + item3).cleaned,
            item1 + item2 + item3);
  const std::string bylines = item1 + "Ana Ruiz\n\n" + item2 + "Ana Ruiz\n\n" + item3;
  EXPECT_EQ(CleanOrDie(*engine, bylines).cleaned, bylines);
}

TEST(PageFurnitureTest, DatesSectionBreaksAndSubheadingsStay) {
  auto engine = English();
  const std::string text = std::string("Flood barrier opens on the river\n\n14 March 2024, 09:30\n\n") +
                           kStory + "\n* * *\n\n" + kStory + "\nWhat comes next\n\n" + kStory +
                           "\n* * *\n\n" + kStory;
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  EXPECT_TRUE(std::none_of(r.findings.begin(), r.findings.end(),
                           [](const Finding& f) { return f.has_fix(); }));
}

TEST(PageFurnitureTest, MarkdownAndPagesWithoutAStoryAreNotJudged) {
  auto engine = English();
  const std::string page = std::string("Menu\nWeather\n\nFlood barrier opens\n\n") + kStory;
  absl::StatusOr<Result> md = engine->Clean("post.md", page, TextFormat::kMarkdown);
  ASSERT_TRUE(md.ok());
  EXPECT_TRUE(FurnitureFindings(*md).empty());
  EXPECT_TRUE(FurnitureFindings(CleanOrDie(*engine, "Weather\n\nSleet\n\nShort text.\n")).empty());
}

TEST(PageFurnitureTest, IsIdempotentOnAListingPage) {
  auto engine = English();
  const std::string text =
      "Menu\nLog in\nSearch\nValley Courier\n\nLatest news\n\nBridge toll rises\n\n"
      "The toll on the river bridge goes up in May, the operator said.\n\n|\n\n"
      "Ferry timetable changes\n\nThe morning boat leaves half an hour earlier from May.\n\n|\n\n"
      "Museum wing opens\n\nThe wing shows the city's maritime history in six rooms.\n";
  const Result once = CleanOrDie(*engine, text);
  const Result twice = CleanOrDie(*engine, once.cleaned);
  EXPECT_TRUE(twice.edits.empty());
  EXPECT_EQ(once.cleaned.find("|"), std::string::npos);
  EXPECT_NE(once.cleaned.find("Ferry timetable changes"), std::string::npos);
}

}  // namespace
}  // namespace mtclean
