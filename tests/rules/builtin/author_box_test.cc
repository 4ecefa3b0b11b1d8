#include "cleaner/rules/builtin/builtin_rules.h"
#include "re2/re2.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeRuleEngine;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("scrape.author-box"); }

constexpr char kHeadline[] = "Wind farm approved off the coast\n\n";
// Six paragraphs of story.
std::string Story() {
  std::string s;
  for (const char* p : {
           "The environment ministry approved on Tuesday a wind farm of forty turbines off the "
           "northern coast.",
           "Fishermen's associations said they would appeal, arguing that the turbines stand on "
           "their best grounds.",
           "The developer promised to fund a study of the fish stocks before building starts.",
           "Local councils welcomed the jobs the project is expected to bring to the ports.",
           "Construction is due to start next spring and to last two years.",
           "The farm will supply power to about three hundred thousand homes, the ministry said.",
       }) {
    s += p;
    s += "\n\n";
  }
  s.pop_back();
  return s;
}

TEST(AuthorBoxTest, SingleBylineStaysAndItsRepeatGoes) {
  auto engine = Rule();
  const std::string text = std::string(kHeadline) + "By Jane Doe\n\n" + Story() +
                           "\nBy Jane Doe | Energy correspondent\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, std::string(kHeadline) + "By Jane Doe\n\n" + Story());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message,
            "Author box left over from the scraped page: removed \u201CBy Jane Doe | Energy "
            "correspondent\u201D (a byline printed again)");
  EXPECT_EQ(CleanOrDie(*engine, std::string(kHeadline) + "By Jane Doe\n\n" + Story()).findings
                .size(),
            0u);
}

TEST(AuthorBoxTest, BylinesInOtherLanguages) {
  auto engine = Rule();
  for (const auto& [first, again] : std::vector<std::pair<std::string, std::string>>{
           {"Por María López", "POR María López, EFE"},
           {"Par Jean Dupont", "Par Jean Dupont"},
           {"Von Anna Schmidt", "Von Anna Schmidt - dpa"},
           {"Di Marco Rossi", "Di Marco Rossi"},
           {"Por Ana Souza", "Por Ana Souza / Lusa"},
           {"Written by Jane Doe", "Author: Jane Doe"},
       }) {
    const std::string text = std::string(kHeadline) + first + "\n\n" + Story() + "\n" + again + "\n";
    EXPECT_EQ(CleanOrDie(*engine, text).cleaned, std::string(kHeadline) + first + "\n\n" + Story())
        << again;
  }
}

TEST(AuthorBoxTest, ArchiveLinksAboutHeaderAndBioGoAsOneFinding) {
  auto engine = Rule();
  const std::string text = std::string(kHeadline) + Story() +
                           "\nAbout the author\n\nJane Doe\n\nJane covers energy and the sea for "
                           "the Coastal Herald.\n\nAll posts by Jane Doe →\n";
  const Result r = CleanOrDie(*engine, text);
  EXPECT_EQ(r.cleaned, std::string(kHeadline) + Story());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message,
            "Author box left over from the scraped page: removed \u201CAbout the author\u201D and "
            "3 more lines (an \u201Cabout the author\u201D header and the bio under it; an author "
            "archive link)");
}

TEST(AuthorBoxTest, BioBlockAtTheHeadOrTail) {
  auto engine = Rule();
  const std::string bio =
      "Jane Doe is a senior energy reporter at the Coastal Herald and has covered the North Sea "
      "for ten years.\n";
  EXPECT_EQ(CleanOrDie(*engine, std::string(kHeadline) + Story() + "\n" + bio).cleaned,
            std::string(kHeadline) + Story());
  EXPECT_EQ(CleanOrDie(*engine, std::string(kHeadline) + bio + "\n" + Story()).cleaned,
            std::string(kHeadline) + Story());
  for (const std::string other : {
           "Pedro Gómez es periodista de La Voz del Puerto.\n",
           "Claire Martin est journaliste au Courrier de l'Ouest.\n",
           "Lukas Weber ist Redakteur im Ressort Wirtschaft.\n",
           "Giulia Bianchi è una giornalista del Corriere del Porto.\n",
           "Rita Alves é jornalista do Jornal da Costa.\n",
       }) {
    EXPECT_EQ(CleanOrDie(*engine, std::string(kHeadline) + Story() + "\n" + other).cleaned,
              std::string(kHeadline) + Story())
        << other;
  }
}

// The bio words are found by the scan before the expression looks: in
// capitals, with letters beyond ASCII, and with the two signs that fold to
// ASCII letters (the Kelvin sign, the long s).
TEST(AuthorBoxTest, BioWordsInCapitalsAndWithLettersThatFoldToAscii) {
  auto engine = Rule();
  for (const std::string bio : {
           "Jane Doe is a senior energy REPORTER at the Coastal Herald.\n",
           "Jane Doe is a senior energy columni\u017Ft at the Coastal Herald.\n",
           "Lukas Weber ist \u212Aorrespondent der Hafenzeitung.\n",
           "Claire Martin est R\u00C9DACTRICE au Courrier de l'Ouest.\n",
       }) {
    EXPECT_EQ(CleanOrDie(*engine, std::string(kHeadline) + Story() + "\n" + bio).cleaned,
              std::string(kHeadline) + Story())
        << bio;
  }
}

TEST(AuthorBoxTest, BioShapedStoryStays) {
  auto engine = Rule();
  // The story names her again: she is the subject, not the author.
  std::string text = std::string(kHeadline) +
                     "Ana Ruiz is a reporter at El Diario who was detained on Monday.\n\n" +
                     Story() + "\n\nRuiz was released on Sunday.\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text);
  // In the middle of the story a bio-shaped paragraph is story.
  const std::string story = Story();
  const size_t middle = story.find("Local councils");
  text = std::string(kHeadline) + story.substr(0, middle) +
         "Jane Doe is a reporter at the Coastal Herald.\n\n" + story.substr(middle) + "\n\n" +
         story;
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text);
  // An archive-link phrase inside a sentence.
  text = std::string(kHeadline) + Story() +
         "\n\nAll posts by the ministry on the project are online, a spokesman said.\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text);
}

TEST(AuthorBoxTest, ArchiveLinkInTheMiddleOfALongStoryStays) {
  auto engine = Rule();
  const std::string story = Story();
  const std::string text =
      std::string(kHeadline) + story + "\n\nAll posts by Jane Doe\n\n" + story + "\n";
  EXPECT_EQ(CleanOrDie(*engine, text).cleaned, text);
}

// The rule's expression is built from its lexicons: their entries are
// literal text, and an empty lexicon matches nothing.
TEST(AuthorBoxTest, LexiconAlternationIsLiteralAndAnEmptyOneMatchesNothing) {
  const std::vector<std::string> words = {"l'", "a.b", "works as"};
  const RE2 some(internal::LiteralAlternation(words));
  ASSERT_TRUE(some.ok()) << some.error();
  EXPECT_TRUE(RE2::FullMatch("a.b", some));
  EXPECT_FALSE(RE2::FullMatch("axb", some));
  EXPECT_TRUE(RE2::FullMatch("works as", some));
  EXPECT_TRUE(RE2::FullMatch("l'", some));
  const RE2 none(internal::LiteralAlternation({}));
  ASSERT_TRUE(none.ok()) << none.error();
  for (const char* text : {"", "a", "\n", "\xF4\x8F\xBF\xBF"}) {
    EXPECT_FALSE(RE2::PartialMatch(text, none)) << text;
  }
}

}  // namespace
}  // namespace mtclean
