// The data rules' position and shape evidence (`shape: boilerplate`), the
// link titles a bare header takes along (`takes: link-titles`) and the
// messages that name what was removed and why, over rules written for the
// test.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;

constexpr char kRules[] = R"(
- id: test.follow
  severity: warning
  message: Follow prompt
  scope: line
  shape: boilerplate
  action: delete-line
  patterns:
    - 'follow us on [^\n]*'
  examples:
    - bad: "Story.\n\nFollow us on Twitter\n"
      good: "Story.\n"
    - ok: "Story.\n"
- id: test.follow-anywhere
  severity: warning
  message: Follow prompt without shape evidence
  scope: line
  action: delete-line
  patterns:
    - 'follow me on [^\n]*'
  examples:
    - bad: "Story.\n\nFollow me on Twitter\n"
      good: "Story.\n"
    - ok: "Story.\n"
- id: test.vocabulary
  severity: info
  message: Boilerplate words
  scope: line
  action: delete-line
  phrases:
    - subscribe to our newsletter
    - follow us on facebook
  examples:
    - bad: "Story.\n\nSubscribe to our newsletter\n"
      good: "Story.\n"
    - ok: "Story.\n"
- id: test.related
  severity: warning
  message: Related header
  scope: line
  takes: link-titles
  action: delete-line
  phrases:
    - related posts
    - read also
  patterns:
    - 'read also:[^\n]+'
  examples:
    - bad: "Story.\n\nRelated posts\n"
      good: "Story.\n"
    - ok: "Story.\n"
- id: test.glued-label
  severity: warning
  message: Glued label
  scope: line-end
  action: replace
  patterns:
    - '((?-i:[a-z]))[ \t]+(?-i:See photos)'
  replacement: '\1'
  examples:
    - bad: "Trees were planted on Saturday See photos\n"
      good: "Trees were planted on Saturday\n"
    - ok: "Story.\n"
- id: test.accent
  severity: warning
  message: Accent
  action: replace
  patterns:
    - 'caf(?:é|è)s'
  replacement: 'cafés'
  examples:
    - bad: "Two cafès opened.\n"
      good: "Two cafés opened.\n"
    - ok: "Story.\n"
)";

class DataRuleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string((std::filesystem::temp_directory_path() /
                             ("mtclean-data-rule-test-" + std::to_string(::getpid()) + ".yaml"))
                                .string());
    std::ofstream(*path_) << kRules;
  }
  static void TearDownTestSuite() {
    std::remove(path_->c_str());
    delete path_;
  }

  static std::unique_ptr<Engine> Rules(std::vector<std::string> ids) {
    Options o;
    o.rule_paths = {*path_};
    o.only_rules = std::move(ids);
    return MakeEngine(o);
  }

  static std::string* path_;
};

std::string* DataRuleTest::path_ = nullptr;

constexpr char kLede[] =
    "The coastal towns counted the damage on Monday after the storm passed overnight.\n\n";
constexpr char kMiddle[] =
    "Fishermen said the harbour wall had held, but several boats sank at their moorings.\n\n";
constexpr char kLast[] =
    "The regional government promised aid for the families who lost their homes.\n";

TEST_F(DataRuleTest, ShortBoilerplateLineGoesAnywhere) {
  auto engine = Rules({"test.follow"});
  const std::string text =
      std::string("Storm damage\n\n") + kLede + "Follow us on Twitter\n\n" + kMiddle + kLast;
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, std::string("Storm damage\n\n") + kLede + kMiddle + kLast);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message,
            "Follow prompt: removed \u201CFollow us on Twitter\u201D (the whole line is "
            "boilerplate, short, no sentence ending)");
}

TEST_F(DataRuleTest, SentenceInTheBodyStaysAndTheSameSentenceAtTheEdgeGoes) {
  auto engine = Rules({"test.follow"});
  const std::string sentence =
      "Follow us on the road to the final, the coach told the fans at the airport.\n\n";
  const std::string body = std::string("Storm damage\n\n") + kLede + sentence + kMiddle + kLast;
  EXPECT_EQ(CleanOrDie(*engine, body).cleaned, body);

  const std::string tail = std::string("Storm damage\n\n") + kLede + kMiddle + kLast + "\n" +
                           "Follow us on Facebook, Twitter and Instagram for the latest news "
                           "from the coast.\n";
  const Result r = CleanOrDie(*engine, tail);
  EXPECT_EQ(r.cleaned, std::string("Storm damage\n\n") + kLede + kMiddle + kLast);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_NE(r.findings[0].message.find("after the last sentence of the story"), std::string::npos)
      << r.findings[0].message;

  const std::string head = std::string("Storm damage\n\n") +
                           "Follow us on Telegram for live updates on the storm and its "
                           "aftermath today.\n\n" +
                           kLede + kLast;
  EXPECT_EQ(CleanOrDie(*engine, head).cleaned, std::string("Storm damage\n\n") + kLede + kLast);
}

TEST_F(DataRuleTest, SentenceNextToOtherBoilerplateGoesInTheBody) {
  auto engine = Rules({"test.follow", "test.vocabulary"});
  const std::string sentence =
      "Follow us on the road to the final, the coach told the fans at the airport.\n";
  const Result r = CleanOrDie(*engine, std::string("Storm damage\n\n") + kLede + sentence +
                                           "Subscribe to our newsletter\n\n" + kMiddle + kLast);
  EXPECT_EQ(r.cleaned, std::string("Storm damage\n\n") + kLede + kMiddle + kLast);
  bool named = false;
  for (const Finding& f : r.findings) {
    named = named || f.message.find("next to other boilerplate") != std::string::npos;
  }
  EXPECT_TRUE(named);
}

TEST_F(DataRuleTest, WithoutShapeEvidenceTheBodySentenceGoes) {
  auto engine = Rules({"test.follow-anywhere"});
  const std::string sentence =
      "Follow me on the road to the final, the coach told the fans at the airport.\n\n";
  const Result r =
      CleanOrDie(*engine, std::string("Storm damage\n\n") + kLede + sentence + kMiddle + kLast);
  EXPECT_EQ(r.cleaned, std::string("Storm damage\n\n") + kLede + kMiddle + kLast);
}

TEST_F(DataRuleTest, BoilerplateVocabularyDoesNotCountAsStory) {
  // The last line is long, but most of it is boilerplate phrases: it is not
  // story, so the sentence before it stands at the tail edge.
  const std::string follow =
      "Follow us on the road to the final and on every channel we have here.\n\n";
  const std::string footer = "Subscribe to our newsletter and follow us on Facebook today.\n";
  const std::string text = std::string("Storm damage\n\n") + kLede + kLast + "\n" + follow + footer;
  EXPECT_EQ(CleanOrDie(*Rules({"test.follow", "test.vocabulary"}), text).cleaned,
            std::string("Storm damage\n\n") + kLede + kLast + "\n" + footer);
  // Without the vocabulary rule the footer is story and the sentence stays.
  EXPECT_EQ(CleanOrDie(*Rules({"test.follow"}), text).cleaned, text);
}

TEST_F(DataRuleTest, BareHeaderTakesTheLinkTitlesInTheTailAsOneFinding) {
  auto engine = Rules({"test.related"});
  const std::string text = std::string("Storm damage\n\n") + kLede + kMiddle + kLast +
                           "\nRelated posts\n\nMayor visits the flooded villages\nMarch 3, "
                           "2024\n\nWhat the storm means for the harvest?\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, std::string("Storm damage\n\n") + kLede + kMiddle + kLast);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message,
            "Related header: removed \u201CRelated posts\u201D and 3 more lines (the whole line "
            "is boilerplate; with 3 link titles under the header)");
}

TEST_F(DataRuleTest, InTheBodyOnlyTheHeadersOwnBlockOrListItemsGo) {
  auto engine = Rules({"test.related"});
  const std::string before = std::string("Storm damage\n\n") + kLede + kMiddle;
  const std::string after = std::string(kMiddle) + kMiddle + kLast;
  // Titles in the header's block go; the subheading after the blank line
  // stays.
  std::string text = before + "Read also\nMayor visits the flooded villages\n\nThe clean-up\n\n" +
                     after;
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, before + "The clean-up\n\n" + after);
  // List items after a blank line go.
  text = before + "Read also\n\n- Mayor visits the flooded villages\n- Harvest at risk\n\n" + after;
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, before + after);
}

TEST_F(DataRuleTest, HeaderWithItsOwnTitleTakesNothingAndSentencesStopTheList) {
  auto engine = Rules({"test.related"});
  const std::string head = std::string("Storm damage\n\n") + kLede + kMiddle + kLast + "\n";
  // "Read also: TITLE" is a whole link; the line after it is not a title.
  std::string text = head + "Read also: Mayor visits the flooded villages\n\nThe End\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, head + "The End\n");
  // A sentence ends the list.
  text = head + "Related posts\nMayor visits the flooded villages\n\n" +
         "The storm was the strongest in twenty years, the weather service said.\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned,
            head + "The storm was the strongest in twenty years, the weather service said.\n");
}

TEST_F(DataRuleTest, ListStopsAtAnotherRulesLine) {
  auto engine = Rules({"test.related", "test.vocabulary"});
  const std::string text = std::string("Storm damage\n\n") + kLede + kLast +
                           "\nRelated posts\nMayor visits the flooded villages\n\n"
                           "Subscribe to our newsletter\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, std::string("Storm damage\n\n") + kLede + kLast);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].rule_id, "test.related");
  EXPECT_EQ(r.findings[1].rule_id, "test.vocabulary");
  // The run of boilerplate at the tail goes as one edit.
  EXPECT_EQ(r.edits.size(), 1u);
}

// A rewrite's edit and finding cover only the bytes it changes, not its
// whole site (for a line scope, the line), so that a diff, an eval and
// another rule's edit elsewhere on the line see the real change.
TEST_F(DataRuleTest, ReplaceEditsOnlyTheChangedBytes) {
  auto engine = Rules({"test.glued-label"});
  const std::string line = "Volunteers planted two hundred trees on Saturday See photos\n";
  const Result r = CleanOrDie(*engine, line);
  EXPECT_EQ(r.cleaned, "Volunteers planted two hundred trees on Saturday\n");
  ASSERT_EQ(r.findings.size(), 1u);
  const size_t label = line.find(" See photos");
  EXPECT_EQ(r.findings[0].begin, label);
  EXPECT_EQ(r.findings[0].end, label + std::string(" See photos").size());
  ASSERT_EQ(r.findings[0].edits.size(), 1u);
  EXPECT_EQ(r.findings[0].edits[0].begin, label);
  EXPECT_TRUE(r.findings[0].edits[0].replacement.empty());
  EXPECT_EQ(r.findings[0].message, "Glued label: removed \u201CSee photos\u201D");
}

TEST_F(DataRuleTest, ReplaceEditKeepsWholeCodePoints) {
  // "è" and "é" share their first byte: the edit still replaces the whole
  // letter, so no report shows half a character.
  auto engine = Rules({"test.accent"});
  const std::string text = "Two caf\u00E8s opened.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, "Two caf\u00E9s opened.\n");
  ASSERT_EQ(r.findings.size(), 1u);
  ASSERT_EQ(r.findings[0].edits.size(), 1u);
  EXPECT_EQ(r.findings[0].edits[0].begin, text.find("\u00E8"));
  EXPECT_EQ(r.findings[0].edits[0].end, text.find("\u00E8") + 2);
  EXPECT_EQ(r.findings[0].edits[0].replacement, "\u00E9");
  EXPECT_EQ(r.findings[0].message,
            "Accent: replaced \u201C\u00E8\u201D with \u201C\u00E9\u201D");
}

}  // namespace
}  // namespace mtclean
