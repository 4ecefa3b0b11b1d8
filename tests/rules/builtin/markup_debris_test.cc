#include "absl/strings/ascii.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("scrape.markup-debris"); }

// A short story around `middle` (nothing in between when it is empty).
std::string Wrap(const std::string& middle) {
  return "Harbour reopens\n\n" + (middle.empty() ? "" : middle + "\n\n") +
         "Ships were waiting outside the port since Friday.\n";
}

void ExpectCleaned(const Engine& engine, const std::string& bad, const std::string& good) {
  const Result r = CleanOrDie(engine, Wrap(bad));
  EXPECT_EQ(r.cleaned, Wrap(good)) << bad;
  EXPECT_TRUE(CleanOrDie(engine, r.cleaned).edits.empty()) << bad;
}

TEST(MarkupDebrisTest, BackslashesBeforeQuotesGo) {
  auto engine = Rule();
  ExpectCleaned(*engine, "China\\’s exports rose.", "China’s exports rose.");
  ExpectCleaned(*engine, "He called it \\\"a good day\\\".", "He called it \"a good day\".");
  ExpectCleaned(*engine, "L\\\\'État paiera.", "L'État paiera.");
  ExpectCleaned(*engine, "Sie sagte: \\„Nein\\“.", "Sie sagte: „Nein“.");
}

TEST(MarkupDebrisTest, BackslashesThatAreNotEscapesStay) {
  auto engine = Rule();
  for (const std::string line : {
           "The file was saved under C:\\\"reports\" by mistake.",
           "Type `\\\"` to get a quote in the shell, the manual says.",
           "Use a backslash (\\) to escape it.",
       }) {
    EXPECT_EQ(CleanOrDie(*engine, Wrap(line)).cleaned, Wrap(line)) << line;
  }
}

TEST(MarkupDebrisTest, AttributeFragmentsGoAndTheTextStays) {
  auto engine = Rule();
  ExpectCleaned(*engine,
                "class=\"wp-caption aligncenter\" style=\"width: 610px\">\nTugs guide the first "
                "ship in.",
                "Tugs guide the first ship in.");
  ExpectCleaned(*engine, "Tugs guide the first ship in. class=\"wp-caption-text\" id=\"cap-3\"",
                "Tugs guide the first ship in.");
  ExpectCleaned(*engine, "Tugs guide the ship in width=\"640\" height=\"427\" /> at dawn.",
                "Tugs guide the ship in at dawn.");
  ExpectCleaned(*engine, "class=\\\"wp-caption\\\" id=\\\"attachment_9\\\"\nTugs at work.",
                "Tugs at work.");
  ExpectCleaned(*engine, "data-lazy-src=\u201Cimage.jpg\u201D alt=\u201CTugs\u201D>\nTugs at work.",
                "Tugs at work.");
}

TEST(MarkupDebrisTest, TagsAndProseAboutMarkupStay) {
  auto engine = Rule();
  for (const std::string line : {
           "<img src=\"tug.jpg\" alt=\"A tug\">",
           "Developers add class=\"note\" to mark a paragraph, the course explains.",
           "The vote was 5=5 after the recount.",
       }) {
    EXPECT_EQ(CleanOrDie(*engine, Wrap(line)).cleaned, Wrap(line)) << line;
  }
}

TEST(MarkupDebrisTest, ShortcodesGoAndTheCaptionStays) {
  auto engine = Rule();
  ExpectCleaned(*engine,
                "[caption id=\"attachment_88\" align=\"alignnone\" width=\"300\"]Tugs at "
                "work.[/caption]",
                "Tugs at work.");
  ExpectCleaned(*engine, "[caption]Tugs at work. [/caption]", "Tugs at work.");
  ExpectCleaned(*engine, "Tugs at work.\n[gallery ids=\"12,13,14\"]", "Tugs at work.");
  const std::string brackets = "The report [Caption and notes] runs to forty pages.";
  EXPECT_EQ(CleanOrDie(*engine, Wrap(brackets)).cleaned, Wrap(brackets));
}

TEST(MarkupDebrisTest, AltTextGoesToTheEndOfTheLine) {
  auto engine = Rule();
  ExpectCleaned(*engine, "Image may contain: 3 people, people standing, outdoor\nTugs at work.",
                "Tugs at work.");
  ExpectCleaned(*engine, "Tugs at work. May be an image of 2 people and boat",
                "Tugs at work.");
  ExpectCleaned(*engine, "La imagen puede contener: barco, cielo y exterior", "");
  ExpectCleaned(*engine, "Barcos en el puerto. Puede ser una imagen de 1 persona",
                "Barcos en el puerto.");
  ExpectCleaned(*engine, "L'immagine può contenere: una o più persone", "");
  ExpectCleaned(*engine, "A imagem pode conter: barco e água", "");
  ExpectCleaned(*engine, "Keine Fotobeschreibung verfügbar.", "");
}

// The rule's expression runs only where the one scan finds one of a few
// words every opener holds: each opener, as written and in capitals, must
// still be found.
TEST(MarkupDebrisTest, EveryOpenerIsFoundInAnyCase) {
  auto engine = Rule();
  for (const std::string opener : {
           "Image may contain", "May be an image of", "May be a graphic of",
           "May be a cartoon of", "May be a closeup of", "May be a meme of",
           "May be a screenshot of", "No photo description available",
           "L’image contient peut-être", "Peut être une image de", "Peut être un graphique de",
           "Aucune description de photo disponible", "La imagen puede contener",
           "Puede ser una imagen de", "Puede ser un gráfico de",
           "No hay ninguna descripción de la foto disponible", "Das Bild enthält möglicherweise",
           "Kann ein Bild von", "Möglicherweise ein Bild von", "Keine Fotobeschreibung verfügbar",
           "L'immagine può contenere", "Potrebbe essere un’immagine",
           "Nessuna descrizione della foto disponibile", "A imagem pode conter",
           "Pode ser uma imagem de", "Nenhuma descrição de foto disponível"}) {
    for (const std::string& written : {opener, absl::AsciiStrToUpper(opener)}) {
      ExpectCleaned(*engine, "Tugs at work. " + written + " 2 boats", "Tugs at work.");
    }
  }
}

TEST(MarkupDebrisTest, AltTextPhrasesInsideSentencesStay) {
  auto engine = Rule();
  const std::string line =
      "Officials said the poster may be an image of the old harbour, not the new one.";
  EXPECT_EQ(CleanOrDie(*engine, Wrap(line)).cleaned, Wrap(line));
}

TEST(MarkupDebrisTest, FindingsNameTheDebris) {
  auto engine = Rule();
  const Result r = CleanOrDie(*engine, Wrap("China\\’s port.\nclass=\"wp-caption\""));
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].message,
            "Markup debris left over from the scraped page: removed \u201C\\\u201D (a backslash "
            "before a quote)");
  EXPECT_EQ(r.findings[1].message,
            "Markup debris left over from the scraped page: removed "
            "\u201Cclass=\"wp-caption\"\u201D (an attribute fragment alone on its line)");
}

}  // namespace
}  // namespace mtclean
