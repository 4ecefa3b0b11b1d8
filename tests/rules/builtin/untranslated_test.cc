#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::RuleIds;

std::unique_ptr<Engine> Rule(bool delete_sentences = false, std::string language = "en") {
  Options o;
  o.only_rules = {"mt.untranslated"};
  o.language = std::move(language);
  o.delete_untranslated = delete_sentences;
  return MakeEngine(o);
}

const std::string kBefore = "The budget vote was expected on Thursday. ";
const std::string kAfter = " Opposition leaders called the delay a tactic.\n";

TEST(UntranslatedTest, ReportsASentenceOfEachLanguageWithTheLanguage) {
  auto engine = Rule();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"es", "El gobierno ha decidido aplazar la votación de los presupuestos hasta la "
             "próxima semana."},
      {"fr", "Le gouvernement a décidé de reporter le vote du budget à la semaine "
             "prochaine."},
      {"de", "Die Regierung hat die Abstimmung über den Haushalt auf die nächste Woche "
             "verschoben, sagte eine Sprecherin am späten Abend."},
      {"it", "Il governo ha deciso di rinviare la votazione del bilancio alla prossima "
             "settimana."},
      {"pt", "O governo decidiu adiar a votação do orçamento para a próxima semana, "
             "segundo fontes do ministério."},
  };
  for (const auto& [language, sentence] : cases) {
    const std::string text = kBefore + sentence + kAfter;
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text) << "reported only, by default";
    ASSERT_EQ(r.findings.size(), 1u) << sentence;
    const Finding& f = r.findings[0];
    EXPECT_EQ(text.substr(f.begin, f.end - f.begin), sentence);
    EXPECT_FALSE(f.has_fix());
    EXPECT_NE(f.message.find("(" + language + ")"), std::string::npos) << f.message;
    EXPECT_NE(f.message.find(", not English"), std::string::npos) << f.message;
  }
}

TEST(UntranslatedTest, MessageCountsTheEvidence) {
  auto engine = Rule();
  const Result r = CleanOrDie(
      *engine, "Talks ended.\n\nLa reunión con los sindicatos se celebrará el próximo martes.\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message,
            "Sentence left in Spanish (es): 7 of 9 words are Spanish, not English");
}

TEST(UntranslatedTest, DeletesWhenConfigured) {
  auto engine = Rule(/*delete_sentences=*/true);
  const std::string foreign =
      "Les deux parties ont promis de reprendre les discussions dans une semaine.";
  // In the middle of a paragraph: the sentence and the space after it.
  EXPECT_EQ(CleanOrDie(*engine, kBefore + foreign + kAfter).cleaned,
            "The budget vote was expected on Thursday. Opposition leaders called the delay a "
            "tactic.\n");
  // Last in its paragraph: the space before it goes.
  EXPECT_EQ(CleanOrDie(*engine, "Talks ended. " + foreign + "\n\nMore later.\n").cleaned,
            "Talks ended.\n\nMore later.\n");
  // A whole paragraph: its lines, and the blank line with them.
  const Result r = CleanOrDie(*engine, "Talks ended.\n\n" + foreign + "\n\nMore later.\n");
  EXPECT_EQ(r.cleaned, "Talks ended.\n\nMore later.\n");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_TRUE(r.findings[0].fixed);
  EXPECT_TRUE(engine->rules()[0].fixable);
  EXPECT_FALSE(Rule()->rules()[0].fixable);
}

TEST(UntranslatedTest, NamesShortQuotesAndLoanwordsStay) {
  auto engine = Rule();
  for (const std::string& text : {
           std::string("The mayor of San José del Valle, Juan de la Cruz, met envoys from "
                       "Rio de Janeiro.\n"),
           std::string("“No pasarán,” the crowd chanted outside the ministry on Friday.\n"),
           std::string("The protesters carried a banner that read “la lucha sigue” and "
                       "marched to the square.\n"),
           std::string("The café served croissants and espresso to the delegates, who "
                       "praised the joie de vivre of the old port.\n"),
           std::string("Der Spiegel and Le Monde both ran the story on their front pages.\n"),
           std::string("De la Torre said the plan was sound.\n"),
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_TRUE(r.findings.empty()) << text << r.findings[0].message;
  }
}

TEST(UntranslatedTest, WorksForOtherOutputLanguages) {
  auto engine = Rule(false, "es");
  const std::string text =
      "El puerto reabrió el lunes tras una semana de huelga. The union said the strike "
      "would resume next week if the talks failed. Los estibadores volvieron al trabajo.\n";
  const Result r = CleanOrDie(*engine, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(text.substr(r.findings[0].begin, r.findings[0].end - r.findings[0].begin),
            "The union said the strike would resume next week if the talks failed.");
  EXPECT_NE(r.findings[0].message.find("English (en)"), std::string::npos);
  EXPECT_NE(r.findings[0].message.find("not Spanish"), std::string::npos);
}

TEST(UntranslatedTest, GuessedLanguageDecidesWhatIsForeign) {
  Options o;
  o.only_rules = {"mt.untranslated"};
  o.language = "";
  auto engine = MakeEngine(o);
  const std::string text =
      "Le port a rouvert lundi après une semaine de grève. Les dockers sont revenus au "
      "travail dès l'aube, selon la direction du port.\n\n"
      "The union said the strike would resume next week if the talks failed.\n\n"
      "La direction n'a pas souhaité commenter la décision des syndicats.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.language, "fr");
  EXPECT_EQ(RuleIds(r), std::vector<std::string>{"mt.untranslated"});
}

}  // namespace
}  // namespace mtclean
