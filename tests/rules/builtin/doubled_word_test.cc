#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("text.doubled-word"); }

std::unique_ptr<Engine> Rule(const std::string& language) {
  Options o;
  o.only_rules = {"text.doubled-word"};
  o.language = language;
  return MakeEngine(o);
}

struct Case {
  const char* language;
  const char* text;
  const char* cleaned;  // for the cases that are fixed
};

TEST(DoubledWordTest, RemovesTheRepeat) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "He went to to the the market.\n").cleaned,
            "He went to the market.\n");
  EXPECT_EQ(CleanOrDie(*engine, "It ended with a a draw.\n").cleaned, "It ended with a draw.\n");
}

TEST(DoubledWordTest, RepeatBeforePunctuationOrAtTheEndOfALine) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "It was late late.\n").cleaned, "It was late.\n");
  EXPECT_EQ(CleanOrDie(*engine, "They said said\nthat it rained.\n").cleaned,
            "They said\nthat it rained.\n");
}

TEST(DoubledWordTest, AcrossALineBreakKeepsTheLines) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "The mayor of the\r\nthe city spoke.\r\n").cleaned,
            "The mayor of the\r\ncity spoke.\r\n");
}

TEST(DoubledWordTest, NotAcrossParagraphsOrPunctuation) {
  auto engine = Rule();
  for (const char* text : {
           "He said no.\n\nNo one came.\n",
           "It was over, over and over again.\n",
           "The last word was the\n\nthe first of the next paragraph.\n",
           "They wrote “the” the way they always do.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(DoubledWordTest, AllowListAnywhereAndInPosition) {
  auto engine = Rule();
  for (const char* text : {
           "By May they had had enough of the delays.\n",
           "He insisted that that was the last offer.\n",
           "She gave her her passport back.\n",
           "What the plan is is a delay. All it was was a rumour.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
  // `is is` without `what` or `all` before it in its sentence is a mistake,
  // even when an earlier sentence has them.
  EXPECT_EQ(CleanOrDie(*engine, "What a day. The issue is is money.\n").cleaned,
            "What a day. The issue is money.\n");
}

TEST(DoubledWordTest, ParticleThenPrepositionIsOnlyReported) {
  auto engine = Rule();
  const std::string text = "The rule was brought in in May.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
}

TEST(DoubledWordTest, UnknownWordIsOnlyReported) {
  auto engine = Rule();
  const std::string text = "The crowd chanted zorb zorb at the gate.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_FALSE(r.findings[0].has_fix());
}

TEST(DoubledWordTest, LeavesNamesNumbersAndCompounds) {
  auto engine = Rule();
  for (const char* text : {
           "Duran Duran played in Walla Walla.\n",
           "The vote was 12 12 after a recount of the 3.5 3.5 ballots.\n",
           "It was a so-so so to speak result.\n",
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_EQ(r.cleaned, text);
    EXPECT_TRUE(r.findings.empty()) << text;
  }
}

TEST(DoubledWordTest, RemovesTheRepeatInEveryLanguage) {
  for (const Case& c : std::initializer_list<Case>{
           {"es", "El el alcalde habló con con los vecinos.\n",
            "El alcalde habló con los vecinos.\n"},
           {"fr", "Le maire a parlé avec les les habitants de de la ville.\n",
            "Le maire a parlé avec les habitants de la ville.\n"},
           {"de", "Der Bürgermeister sprach in in der Halle über die Rede des des Ministers.\n",
            "Der Bürgermeister sprach in der Halle über die Rede des Ministers.\n"},
           {"it", "Il sindaco ha parlato con con i residenti della della città.\n",
            "Il sindaco ha parlato con i residenti della città.\n"},
           {"pt", "O presidente falou com com os moradores e a a imprensa.\n",
            "O presidente falou com os moradores e a imprensa.\n"},
       }) {
    auto engine = Rule(c.language);
    EXPECT_EQ(CleanOrDie(*engine, c.text).cleaned, c.cleaned) << c.language;
  }
}

TEST(DoubledWordTest, AcrossALineBreakInItalian) {
  auto engine = Rule("it");
  EXPECT_EQ(
      CleanOrDie(*engine, "Il quadro è comparso la scorsa primavera in\nin un’asta.\n").cleaned,
      "Il quadro è comparso la scorsa primavera in\nun’asta.\n");
}

// The doublings each language's allow-list holds: left alone, unreported.
TEST(DoubledWordTest, LegitimateDoublingsOfEachLanguageStay) {
  for (const Case& c : std::initializer_list<Case>{
           {"fr", "Nous nous sommes trompés, et vous vous en souvenez.\n", nullptr},
           {"fr", "Oh la la, c’est très très loin. Oui oui, non non.\n", nullptr},
           {"fr", "Ce qui est est : rien ne change.\n", nullptr},
           {"de", "Die Frau, die die Zeitung liest, lacht.\n", nullptr},
           {"de", "Der Mann, der der Frau hilft, ist Arzt. Das Kind, das das Buch hat, schläft.\n",
            nullptr},
           {"de", "Der Ort, an dem dem Sieger gedankt wurde, und die Leute, denen den Preis "
                  "niemand gab.\n",
            nullptr},
           {"de", "Er sagte, dass sie sie gesehen hat. Es war sehr sehr kalt.\n", nullptr},
           {"de", "Was es ist ist unklar. Ja ja, es ist lange lange her.\n", nullptr},
           {"es", "Lo que él es es un riesgo. Muy muy pronto, sí sí.\n", nullptr},
           {"es", "Ya ya, lo sabemos todos.\n", nullptr},
           {"it", "Piano piano, e via via che arrivano, la sala è quasi quasi piena.\n", nullptr},
           {"it", "Era lì lì per partire con una macchina nuova nuova. Sì sì, no no.\n", nullptr},
           {"it", "Quello che è è un rischio.\n", nullptr},
           {"pt", "Não sei se se trata de um erro, mas volto já já.\n", nullptr},
           {"pt", "O que ele é é um risco, muito muito grande.\n", nullptr},
       }) {
    auto engine = Rule(c.language);
    const Result r = CleanOrDie(*engine, c.text);
    EXPECT_EQ(r.cleaned, c.text);
    EXPECT_TRUE(r.findings.empty()) << c.language << ": " << c.text;
  }
}

// `es es`, `é é`, `est est`, `ist ist` are allowed only after the word
// that opens a cleft sentence (`Lo que es es`); elsewhere they are slips.
TEST(DoubledWordTest, CleftDoublingsNeedTheirOpener) {
  for (const Case& c : std::initializer_list<Case>{
           {"es", "El problema es es el coste.\n", "El problema es el coste.\n"},
           {"pt", "O problema é é o custo.\n", "O problema é o custo.\n"},
           {"fr", "Le problème est est le coût.\n", "Le problème est le coût.\n"},
           {"de", "Das Problem ist ist der Preis.\n", "Das Problem ist der Preis.\n"},
           {"it", "Il problema è è il costo.\n", "Il problema è il costo.\n"},
       }) {
    auto engine = Rule(c.language);
    EXPECT_EQ(CleanOrDie(*engine, c.text).cleaned, c.cleaned) << c.language;
  }
}

// Doublings that are sometimes right (`Yo como como puedo`: the verb, then
// `as`) are reported without an edit.
TEST(DoubledWordTest, SometimesLegitimateDoublingsAreOnlyReported) {
  for (const Case& c : std::initializer_list<Case>{
           {"es", "Yo como como puedo.\n", nullptr},
           {"es", "La producción no para para nada.\n", nullptr},
           {"de", "Er kam an an einem Montag.\n", nullptr},
           {"de", "Habt ihr ihr geholfen?\n", nullptr},
           {"it", "Disse che se se ne andasse sarebbe meglio.\n", nullptr},
           {"pt", "O que que é isso?\n", nullptr},
           {"fr", "Si si, c’est vrai.\n", nullptr},
       }) {
    auto engine = Rule(c.language);
    const Result r = CleanOrDie(*engine, c.text);
    EXPECT_EQ(r.cleaned, c.text);
    ASSERT_EQ(r.findings.size(), 1u) << c.language << ": " << c.text;
    EXPECT_FALSE(r.findings[0].has_fix());
  }
}

// A word three or more times in a row is a chant or a sound (`la la la`),
// reported and never cut; one the list allows (`no no no`) is not even
// reported.
TEST(DoubledWordTest, RunsOfThreeAreOnlyReported) {
  for (const Case& c : std::initializer_list<Case>{
           {"es", "El público cantó la la la hasta el final.\n", nullptr},
           {"it", "Il coro cantava la la la la sotto il palco.\n", nullptr},
           {"en", "The the the draft was late.\n", nullptr},
       }) {
    auto engine = Rule(c.language);
    const Result r = CleanOrDie(*engine, c.text);
    EXPECT_EQ(r.cleaned, c.text);
    ASSERT_EQ(r.findings.size(), 1u) << c.language << ": " << c.text;
    EXPECT_FALSE(r.findings[0].has_fix());
  }
  auto engine = Rule("en");
  const std::string text = "He said no no no to the plan.\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, text);
  EXPECT_TRUE(r.findings.empty());
}

// Each language reads its own list: the French reflexive is no allowance
// in Spanish, where `la la` is a slip even though French allows it after
// `oh`.
TEST(DoubledWordTest, EachLanguageReadsItsOwnList) {
  auto spanish = Rule("es");
  EXPECT_EQ(CleanOrDie(*spanish, "Oh, la la casa era grande.\n").cleaned,
            "Oh, la casa era grande.\n");
  auto french = Rule("fr");
  EXPECT_EQ(CleanOrDie(*french, "Elle a vu la la maison.\n").cleaned,
            "Elle a vu la maison.\n");
  const std::string oh = "Oh la la, la maison.\n";
  EXPECT_EQ(CleanOrDie(*french, oh).cleaned, oh);
}

TEST(DoubledWordTest, NamesStayInEveryLanguage) {
  for (const Case& c : std::initializer_list<Case>{
           {"de", "Die Band Die Die spielte in Baden-Baden.\n", nullptr},
           {"es", "Viajaron a Bora Bora y a Walla Walla.\n", nullptr},
           {"fr", "Le groupe Duran Duran joue à Pago Pago.\n", nullptr},
       }) {
    auto engine = Rule(c.language);
    const Result r = CleanOrDie(*engine, c.text);
    EXPECT_EQ(r.cleaned, c.text);
    EXPECT_TRUE(r.findings.empty()) << c.language << ": " << c.text;
  }
}

}  // namespace
}  // namespace mtclean
