#include "cleaner/dict/language_profile.h"

#include <filesystem>
#include <fstream>
#include <optional>

#include "tests/test_support.h"

namespace mtclean::internal {
namespace {

constexpr char kSystem[] = "/usr/share/hunspell";

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  ForEachWord(text, [&](const TextWord& w) {
    words.emplace_back(text.substr(w.begin, w.end - w.begin));
  });
  return words;
}

TEST(ForEachWordTest, SplitsOnEverythingButLetters) {
  EXPECT_EQ(Words("L'accord, signé à Genève (2021) — d’après l'AFP: co-op x1"),
            (std::vector<std::string>{"L", "accord", "signé", "à", "Genève", "d", "après", "l",
                                      "AFP", "co", "op", "x"}));
  EXPECT_EQ(Words(""), std::vector<std::string>{});
  EXPECT_EQ(Words("¿¡ 42 !?"), std::vector<std::string>{});
}

TEST(ForEachWordTest, HashIgnoresTheCaseOfAsciiAndLatin1Letters) {
  EXPECT_EQ(LowercaseHash("ÉTÉ"), LowercaseHash("été"));
  EXPECT_EQ(LowercaseHash("Über"), LowercaseHash("über"));
  EXPECT_EQ(LowercaseHash("The"), LowercaseHash("the"));
  EXPECT_NE(LowercaseHash("the"), LowercaseHash("then"));
  bool upper = false;
  ForEachWord("ÉTÉ", [&](const TextWord& w) { upper = w.has_upper; });
  EXPECT_TRUE(upper);
}

TEST(LanguageProfilesTest, CountsFunctionWordsByTheLanguagesTheyBelongTo) {
  LanguageProfiles profiles;
  profiles.Add("en", "the");
  profiles.Add("en", "a");
  profiles.Add("es", "a");
  profiles.Add("es", "la");
  profiles.Add("es", "de");
  profiles.Add("fr", "la");
  profiles.Add("fr", "de");
  const int en = profiles.IndexOf("en"), es = profiles.IndexOf("es"), fr = profiles.IndexOf("fr");
  ASSERT_EQ(profiles.IndexOf("it"), -1);
  const FunctionWordCounts counts = profiles.Count("The Casa de la Moneda, a mint");
  EXPECT_EQ(counts.words, 7u);
  EXPECT_EQ(counts.Of(en), 2u);
  EXPECT_EQ(counts.Of(es), 3u);
  EXPECT_EQ(counts.Of(es, 1u << en), 2u) << "`a` is English too";
  EXPECT_EQ(counts.Of(es, 1u << fr), 1u) << "only `a` is not French";
  EXPECT_EQ(counts.Of(-1), 0u);
}

TEST(LanguageProfilesTest, ProjectProfilesLoadForEveryKnownLanguage) {
  absl::StatusOr<LanguageProfiles> profiles =
      LanguageProfiles::Load(mtclean::testing::SourcePath("dictionaries"));
  ASSERT_TRUE(profiles.ok()) << profiles.status();
  EXPECT_EQ(profiles->languages(),
            (std::vector<std::string>{"de", "en", "es", "fr", "it", "pt"}));
  EXPECT_NE(profiles->Mask(LowercaseHash("Der")) & (1u << profiles->IndexOf("de")), 0u);
}

TEST(LanguageProfilesTest, MalformedEntryNamesFileAndLine) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("mtclean-profiles-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "it");
  for (const std::string& bad : {"Il\n", "dell'\n", "per | per\n", "di la\n"}) {
    std::ofstream(dir / "it" / "function-words.txt", std::ios::binary) << "# header\n" << bad;
    absl::StatusOr<LanguageProfiles> profiles = LanguageProfiles::Load(dir.string());
    ASSERT_FALSE(profiles.ok()) << bad;
    EXPECT_EQ(profiles.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(profiles.status().message(),
              (dir / "it" / "function-words.txt").string() +
                  ":2: expected one lowercase word of letters");
  }
  std::filesystem::remove_all(dir);
}

// What the language guess saw serves for the counts of any stretch it read
// whole: the same counts as a pass of their own, and none for a stretch it
// did not read or whose ends may cut a word.
TEST(FunctionWordsSeenTest, CountsOfAStretchAreThoseOfAPassOverIt) {
  const LanguageProfiles profiles =
      *LanguageProfiles::Load(mtclean::testing::SourcePath("dictionaries"));
  const Dictionaries dictionaries(kSystem, mtclean::testing::SourcePath("dictionaries"));
  const std::string text =
      "Headline about the port\n\n"
      "The strike at the port ended on Monday, and the ships left at dawn.\n\n"
      "La huelga del puerto termin\u00F3 el lunes y los barcos salieron al alba.\n\n"
      "Les navires sont partis \u00E0 l'aube apr\u00E8s la fin de la gr\u00E8ve.\n";
  FunctionWordsSeen seen;
  GuessLanguage(text, profiles, dictionaries, "en", &seen);
  EXPECT_EQ(seen.begin, 0u);
  EXPECT_EQ(seen.end, text.size());
  // Every stretch from a line start to a line end.
  std::vector<size_t> starts = {0}, ends;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ends.push_back(i);
      starts.push_back(i + 1);
    }
  }
  for (size_t from : starts) {
    for (size_t to : ends) {
      if (to < from) continue;
      SCOPED_TRACE(std::to_string(from) + ".." + std::to_string(to));
      const std::optional<FunctionWordCounts> counts = seen.CountsOf(text, from, to);
      ASSERT_TRUE(counts.has_value());
      const FunctionWordCounts own = profiles.Count(std::string_view(text).substr(from, to - from));
      for (int l = 0; l < static_cast<int>(profiles.languages().size()); ++l) {
        for (uint32_t excluding = 0; excluding < (1u << profiles.languages().size());
             ++excluding) {
          ASSERT_EQ(counts->Of(l, excluding), own.Of(l, excluding));
        }
      }
    }
  }
  // Inside a word, or beyond what was read: no counts.
  const size_t strike = text.find("strike");
  EXPECT_FALSE(seen.CountsOf(text, strike + 2, text.size()).has_value());
  EXPECT_FALSE(seen.CountsOf(text, 0, strike + 3).has_value());
  EXPECT_FALSE(seen.CountsOf(text + "More text.", 0, text.size() + 4).has_value());
}

class GuessTest : public ::testing::Test {
 protected:
  GuessTest()
      : dictionaries_(kSystem, mtclean::testing::SourcePath("dictionaries")),
        profiles_(*LanguageProfiles::Load(mtclean::testing::SourcePath("dictionaries"))) {}
  std::string Guess(std::string_view text) {
    return GuessLanguage(text, profiles_, dictionaries_, "en");
  }
  Dictionaries dictionaries_;
  LanguageProfiles profiles_;
};

TEST_F(GuessTest, GuessesEachLanguageFromAParagraph) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"en", "The city council approved the new budget on Tuesday after a long debate, and "
             "the mayor said the money would go to schools and roads."},
      {"es", "El ayuntamiento aprobó el nuevo presupuesto el martes tras un largo debate, y "
             "el alcalde dijo que el dinero irá a escuelas y carreteras."},
      {"fr", "Le conseil municipal a approuvé le nouveau budget mardi après un long débat, "
             "et le maire a dit que l'argent irait aux écoles et aux routes."},
      {"de", "Der Stadtrat hat den neuen Haushalt am Dienstag nach einer langen Debatte "
             "gebilligt, und der Bürgermeister sagte, das Geld gehe an Schulen und Straßen."},
      {"it", "Il consiglio comunale ha approvato il nuovo bilancio martedì dopo un lungo "
             "dibattito, e il sindaco ha detto che i soldi andranno a scuole e strade."},
      {"pt", "A câmara municipal aprovou o novo orçamento na terça-feira depois de um longo "
             "debate, e o presidente disse que o dinheiro irá para escolas e estradas."},
  };
  for (const auto& [language, text] : cases) EXPECT_EQ(Guess(text), language) << text;
}

TEST_F(GuessTest, ShortOrWordlessTextFallsBack) {
  EXPECT_EQ(Guess(""), "en");
  EXPECT_EQ(Guess("Der Spiegel."), "en");
  EXPECT_EQ(Guess("12 345 678 — 9 / 10"), "en");
  EXPECT_EQ(GuessLanguage("Gracias.", profiles_, dictionaries_, "es"), "es");
}

TEST_F(GuessTest, ForeignNamesAndFootersDoNotOutvoteTheBody) {
  const std::string text =
      "Talks between the port authority and the dock workers of Rio de Janeiro ended on "
      "Friday without a deal, and the union said the strike would go on until the "
      "government stepped in. The minister, Ana de la Vega, said she would meet both sides "
      "next week.\n\nDeja una respuesta\n\nTu dirección de correo electrónico no será "
      "publicada.\n";
  EXPECT_EQ(Guess(text), "en");
}

TEST(EngineLanguageTest, ResultSaysWhichLanguageWasUsed) {
  Options guess;
  guess.language = "";
  auto engine = mtclean::testing::MakeEngine(guess);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(mtclean::testing::CleanOrDie(
                *engine, "Le conseil municipal a approuvé le nouveau budget mardi après un "
                         "long débat, et le maire a dit que l'argent irait aux écoles.\n")
                .language,
            "fr");
  EXPECT_EQ(mtclean::testing::CleanOrDie(*engine, "Short.\n").language, "en");
  Options given;
  given.language = "it";
  auto italian = mtclean::testing::MakeEngine(given);
  ASSERT_NE(italian, nullptr);
  EXPECT_EQ(mtclean::testing::CleanOrDie(*italian, "The council met on Tuesday.\n").language,
            "it");
}

TEST(EngineLanguageTest, GuessedLanguageChoosesTheRules) {
  Options guess;
  guess.language = "";
  auto engine = mtclean::testing::MakeEngine(guess);
  ASSERT_NE(engine, nullptr);
  // An English-only rule (mt.calque) fires on English text and stays quiet
  // on Spanish text whose words happen to match.
  const Result en = mtclean::testing::CleanOrDie(
      *engine, "The plant will close in March, the company said on Monday.\n\nIn this "
               "regard, the union asked the regional government for talks with the owners.\n");
  EXPECT_EQ(mtclean::testing::RuleIds(en), std::vector<std::string>{"mt.calque"});
  EXPECT_TRUE(
      mtclean::testing::CleanOrDie(
          *engine, "La planta cerrará en marzo, según dijo la empresa el lunes.\n\nEl "
                   "sindicato pidió una reunión con el gobierno regional y los dueños.\n")
          .findings.empty());
}

TEST(EngineLanguageTest, UnknownLanguageIsRefused) {
  Options o;
  o.data_dir = MTCLEAN_SOURCE_DIR;
  o.language = "xx";
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(o);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mtclean::internal
