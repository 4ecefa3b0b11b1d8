#include <cctype>
#include <fstream>

#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("mt.calque"); }

std::vector<std::string> Flagged(const Result& r, std::string_view text) {
  std::vector<std::string> spans;
  for (const Finding& f : r.findings) {
    EXPECT_EQ(f.rule_id, "mt.calque");
    EXPECT_EQ(f.severity, Severity::kInfo);
    EXPECT_FALSE(f.has_fix());
    spans.emplace_back(text.substr(f.begin, f.end - f.begin));
  }
  return spans;
}

TEST(CalqueTest, FlagsParagraphOpenersWithTheSuggestion) {
  auto engine = Rule();
  const std::string text =
      "The plant will close in March.\n\n"
      "In this sense, the company said it would retrain the workers.\n\n"
      "  In this regard, the union asked for talks.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text) << "calques are only flagged";
  EXPECT_EQ(Flagged(r, text), (std::vector<std::string>{"In this sense,", "In this regard,"}));
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].message,
            "Calque of a literal translation: `In this sense,` opening a paragraph; usual "
            "phrasing: drop it, or \"Accordingly,\" or \"In that respect,\"");
}

TEST(CalqueTest, OpenersInsideAParagraphAreNotFlagged) {
  auto engine = Rule();
  for (const std::string& text : {
           std::string("The talks failed. In this sense, nothing has changed.\n"),
           std::string("He spoke \"in this sense,\" he said, and no other.\n"),
           std::string("In this sense the word is older than the state.\n"),
           std::string("In this case, the court sided with the tenants.\n"),
       }) {
    EXPECT_TRUE(CleanOrDie(*engine, text).findings.empty()) << text;
  }
}

TEST(CalqueTest, SentenceOpenerAfterAFullStopOrAQuote) {
  auto engine = Rule();
  const std::string text =
      "Rescuers kept digging. In the last hours, two more people were found.\n\n"
      "“We keep going.” In the last hours, the rain stopped.\n\n"
      "He had slept little in the last hours, his aide said.\n";
  EXPECT_EQ(Flagged(CleanOrDie(*engine, text), text),
            (std::vector<std::string>{"In the last hours,", "In the last hours,"}));
}

TEST(CalqueTest, GovernmentSenseNeedsItsContextInTheSameSentence) {
  auto engine = Rule();
  const std::string text =
      "The firm has not yet spoken to the new management since the senator took office. "
      "The club praised the new management. The government was not mentioned.\n\n"
      "Envoys met the new\nmanagement of the cabinet on Friday.\n";
  EXPECT_EQ(Flagged(CleanOrDie(*engine, text), text),
            (std::vector<std::string>{"the new management", "the new\nmanagement"}));
}

TEST(CalqueTest, ExactCaseAfterTheFirstLetterAndWholeWords) {
  auto engine = Rule();
  const std::string text =
      "The First Mandatary spoke. The first mandatary spoke. The first mandataryship "
      "ended. The minister of exterior was away. The Minister of Exterior was away.\n";
  EXPECT_EQ(Flagged(CleanOrDie(*engine, text), text),
            (std::vector<std::string>{"The first mandatary", "The Minister of Exterior"}));
}

// The rule walks a document's words only where the one scan finds part of a
// glossary phrase: every phrase of the glossary, alone in a document, with
// its first letter in capitals and a line break for one of its spaces, is
// still found.
TEST(CalqueTest, EveryGlossaryPhraseIsFoundAloneInADocument) {
  auto engine = Rule();
  std::ifstream in(mtclean::testing::SourcePath("dictionaries/en/calques.txt"));
  size_t phrases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::string phrase = line.substr(0, line.find(" |"));
    phrase[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(phrase[0])));
    for (const bool broken : {false, true}) {
      std::string written = phrase;
      if (broken) written[written.rfind(' ')] = '\n';
      // A paragraph opener and a sentence opener, in a sentence that holds
      // every context word of the glossary.
      const std::string text = "The plant will close in March.\n\n" + written +
                               " the government and the cabinet said on Monday.\n";
      EXPECT_EQ(Flagged(CleanOrDie(*engine, text), text), std::vector<std::string>{written})
          << text;
    }
    ++phrases;
  }
  EXPECT_GT(phrases, 5u);
}

TEST(CalqueTest, RunsOnEnglishTextOnly) {
  Options o;
  o.language = "fr";
  auto engine = MakeEngine(o);
  for (const RuleDescription& d : engine->rules()) EXPECT_NE(d.id, "mt.calque");
}

}  // namespace
}  // namespace mtclean
