#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("scrape.photo-credit"); }

constexpr char kHead[] = "Storm hits the coast\n\n";
constexpr char kTail[] = "\n\nThe weather service expects calmer seas by Thursday.\n";

std::string Wrap(const std::string& middle) { return kHead + middle + kTail; }

TEST(PhotoCreditTest, CreditLinesGoInEveryLanguage) {
  auto engine = Rule();
  for (const std::string line : {
           "Photo: Reuters", "(Photo: VCG)", "/Xinhua Photo", "Image: handout", "Foto: EFE",
           "Photo credit: Jane Doe", "REUTERS/Jane Doe", "Jane Doe/AFP", "Getty Images",
           "AFP via Getty Images", "Photo by Jane Doe on Unsplash", "Photo: Reuters.",
           "PHOTO: AP", "Foto: Archivo", "Foto de archivo: EFE", "Imagen: Europa Press",
           "Crédits photo : AFP", "Photo d'archives : AFP", "Bild: dpa", "Foto: picture alliance",
           "[Foto: ANSA]", "Foto d’archivio", "Imagem: Reprodução", "Foto: Agência Lusa",
           "Courtesy of the Ministry of Health", "Xinhua/Li Wei", "AP Photo/Jane Doe",
           "File photo", "Archivbild"}) {
    const Result r = CleanOrDie(*engine, Wrap(line));
    EXPECT_EQ(r.cleaned, Wrap("").substr(0, std::string(kHead).size()) +
                             std::string(kTail).substr(2))
        << line;
  }
}

// Every form of glued credit, after a caption of each shape.
const std::vector<std::pair<std::string, std::string>>& GluedForms(const std::string& caption) {
  static std::vector<std::pair<std::string, std::string>> forms;
  forms = {
      {caption + " (Photo: Reuters)", caption},
      {caption + " (Photo: Reuters).", caption + "."},
      {caption + ". Photo: Reuters", caption + "."},
      {caption + ". Foto: EFE", caption + "."},
      {caption + " /Xinhua Photo", caption},
      {caption + " - Photo: Jane Doe/AFP", caption},
      {caption + " | Image: handout", caption},
      {caption + ". REUTERS/Jane Doe", caption + "."},
      {caption + " [Bild: dpa]", caption},
  };
  return forms;
}

TEST(PhotoCreditTest, ShortCaptionEndingInACreditGoesWhole) {
  auto engine = Rule();
  const std::string no_line = Wrap("").substr(0, std::string(kHead).size()) +
                              std::string(kTail).substr(2);
  for (const std::string caption : {
           std::string("Waves break over the harbour wall in Vigo on Sunday"),
           std::string("Waves break over the harbour wall. Vigo, Sunday"),
           std::string("\u201CWe have never seen this,\u201D a fisherman said.\u201D"),
       }) {
    for (const auto& [bad, good] : GluedForms(caption)) {
      const Result r = CleanOrDie(*engine, Wrap(bad));
      EXPECT_EQ(r.cleaned, no_line) << bad;
      ASSERT_EQ(r.findings.size(), 1u) << bad;
      EXPECT_TRUE(r.findings[0].delete_lines) << bad;
    }
  }
}

TEST(PhotoCreditTest, GluedCreditIsCutFromALongerLine) {
  auto engine = Rule();
  // Three sentences, or more than a caption's bytes: the text is the
  // story's, only the credit goes.
  for (const std::string caption : {
           std::string("Waves broke over the wall. Boats stayed in. The port closed at noon"),
           std::string("Waves break over the harbour wall in Vigo on Sunday, ") +
               std::string(300, 'a'),
       }) {
    for (const auto& [bad, good] : GluedForms(caption)) {
      const Result r = CleanOrDie(*engine, Wrap(bad));
      EXPECT_EQ(r.cleaned, Wrap(good)) << bad;
      EXPECT_TRUE(CleanOrDie(*engine, r.cleaned).edits.empty()) << bad;
    }
  }
}

TEST(PhotoCreditTest, FindingNamesTheCredit) {
  auto engine = Rule();
  const Result r = CleanOrDie(
      *engine, Wrap("Boats in the harbour (Photo: Reuters)\n\nFoto: EFE\n\nBoats left at dawn. "
                    "Nets were mended. The market opened at six (Photo: Reuters)"));
  ASSERT_EQ(r.findings.size(), 3u);
  EXPECT_EQ(r.findings[0].message,
            "Photo credit left in the text: removed the caption \u201CBoats in the harbour "
            "(Photo: Reuters)\u201D (a short line ending in a photo credit)");
  EXPECT_EQ(r.findings[2].message,
            "Photo credit left in the text: removed \u201C(Photo: Reuters)\u201D (a credit glued "
            "to the end of a caption line)");
  EXPECT_EQ(r.findings[1].message,
            "Photo credit left in the text: removed \u201CFoto: EFE\u201D (a credit alone on its "
            "line)");
}

TEST(PhotoCreditTest, CaptionsNamesAndSentencesStay) {
  auto engine = Rule();
  for (const std::string line : {
           "Photo: the mayor cuts the ribbon at the new station on Monday",
           "Photos show the damage",
           "PHOTO GALLERY",
           "Reuters",
           "Jane Doe",
           "The photo by Ana Ruiz won the regional prize.",
           "Only one agency was there to take the photo: Reuters.",
           "The government leads by six points (Reuters/Ipsos).",
           "The minister spoke to reporters. Image matters, she said.",
           "Foto: una mujer camina por la calle inundada",
           "Bild: Die Feuerwehr im Einsatz am Hafen von Kiel",
           "The council met on Monday. Photo exhibitions will reopen in May.",
       }) {
    const std::string text = Wrap(line);
    EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text) << line;
  }
}

}  // namespace
}  // namespace mtclean
