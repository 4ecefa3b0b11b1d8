#include "cleaner/dict/spell_checker.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/test_support.h"

namespace mtclean::internal {
namespace {

constexpr char kSystem[] = "/usr/share/hunspell";

TEST(SpellCheckerTest, AcceptsWordsOfEachLanguage) {
  Dictionaries dicts(kSystem, mtclean::testing::SourcePath("dictionaries"));
  const std::vector<std::pair<std::string, std::string>> words = {
      {"en", "government"}, {"es", "gobierno"}, {"fr", "gouvernement"},
      {"de", "Regierung"},  {"it", "governo"},  {"pt", "governo"}};
  for (const auto& [lang, word] : words) {
    absl::StatusOr<const SpellChecker*> checker = dicts.Get(lang);
    ASSERT_TRUE(checker.ok()) << checker.status();
    EXPECT_TRUE((*checker)->Accepts(word)) << lang << " " << word;
    EXPECT_FALSE((*checker)->Accepts("xqzvbnt")) << lang;
  }
}

TEST(SpellCheckerTest, ProjectAdditionsAreLoadedOnTop) {
  Dictionaries dicts(kSystem, mtclean::testing::SourcePath("dictionaries"));
  absl::StatusOr<const SpellChecker*> en = dicts.Get("en");
  ASSERT_TRUE(en.ok());
  EXPECT_TRUE((*en)->Accepts("Xinhua"));
  EXPECT_TRUE((*en)->AcceptsUncached("Xinhua"));
}

TEST(SpellCheckerTest, AdditionsWithAModelTakeItsEndings) {
  Dictionaries dicts(kSystem, mtclean::testing::SourcePath("dictionaries"));
  const SpellChecker* en = *dicts.Get("en");
  for (const char* word : {"harbour", "harbours", "centre", "centres", "organisations",
                           "criticised", "rebooking", "Kilometres"}) {
    EXPECT_TRUE(en->Accepts(word)) << word;
  }
  EXPECT_FALSE(en->Accepts("harbourz"));
}

TEST(SpellCheckerTest, AdditionLineWithThreeFieldsIsRefused) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("mtclean-words-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "en");
  std::ofstream(dir / "en" / "words.txt", std::ios::binary)
      << "# header\nharbour | harbor\ncolour | color | hue\n";
  Dictionaries dicts(kSystem, dir.string());
  absl::StatusOr<const SpellChecker*> en = dicts.Get("en");
  ASSERT_FALSE(en.ok());
  EXPECT_EQ(en.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(en.status().message(),
            (dir / "en" / "words.txt").string() + ":3: expected `word` or `word | model`");
  std::filesystem::remove_all(dir);
}

TEST(SpellCheckerTest, MissingDictionaryNamesLanguageAndPackage) {
  Dictionaries dicts("/nonexistent/hunspell", mtclean::testing::SourcePath("dictionaries"));
  absl::StatusOr<const SpellChecker*> checker = dicts.Get("de");
  ASSERT_FALSE(checker.ok());
  EXPECT_EQ(checker.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(checker.status().message(),
            "no Hunspell dictionary for `de`: /nonexistent/hunspell/de_DE.aff is missing; "
            "install the Debian package hunspell-de-de");
  EXPECT_FALSE(dicts.Get("xx").ok());
}

TEST(SpellCheckerTest, EngineRefusesToStartWithoutTheOutputLanguagesDictionary) {
  Options options;
  options.data_dir = MTCLEAN_SOURCE_DIR;
  options.hunspell_dir = "/nonexistent/hunspell";
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(options);
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(engine.status().message().find("hunspell-en-us"), absl::string_view::npos);
}

TEST(SpellCheckerTest, AlphabetHasLettersOfTheWord) {
  EXPECT_TRUE(AlphabetHasLettersOf("de", "Müller"));
  EXPECT_TRUE(AlphabetHasLettersOf("de", "STRAẞE"));
  EXPECT_FALSE(AlphabetHasLettersOf("es", "Straße"));
  EXPECT_TRUE(AlphabetHasLettersOf("es", "pingüino"));
  EXPECT_TRUE(AlphabetHasLettersOf("es", "José"));
  EXPECT_TRUE(AlphabetHasLettersOf("es", "JOSÉ"));
  EXPECT_TRUE(AlphabetHasLettersOf("fr", "café"));
  EXPECT_FALSE(AlphabetHasLettersOf("de", "café"));
  EXPECT_TRUE(AlphabetHasLettersOf("pt", "coração"));
  EXPECT_FALSE(AlphabetHasLettersOf("es", "coração"));
  // ASCII words belong to every alphabet; other scripts to none of these.
  EXPECT_TRUE(AlphabetHasLettersOf("en", "harbour"));
  EXPECT_FALSE(AlphabetHasLettersOf("en", "naïve"));
  EXPECT_FALSE(AlphabetHasLettersOf("fr", "Москва"));
  EXPECT_FALSE(AlphabetHasLettersOf("xx", "word"));
}

TEST(SpellCheckerTest, ConcurrentLookupsAgree) {
  Dictionaries dicts(kSystem, mtclean::testing::SourcePath("dictionaries"));
  const SpellChecker* en = *dicts.Get("en");
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (!en->Accepts("harbour") && !en->Accepts("harbor")) ++wrong;
        if (en->Accepts("harbr")) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

// Each language loads on its first use, possibly in several workers at
// once. Words in capitals need Hunspell's Unicode case table, which the
// loads build: every language must still answer right.
TEST(SpellCheckerTest, LanguagesLoadingAtOnceAllAnswer) {
  struct Probe {
    std::string_view language;
    std::string_view word;
  };
  constexpr Probe kProbes[] = {
      {"de", "ÜBER"}, {"es", "CANCIÓN"}, {"fr", "ÉTÉ"}, {"it", "PERCHÉ"}, {"pt", "CORAÇÃO"},
  };
  Dictionaries dicts(kSystem, mtclean::testing::SourcePath("dictionaries"));
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (const Probe& probe : kProbes) {
    threads.emplace_back([&dicts, &wrong, probe] {
      absl::StatusOr<const SpellChecker*> checker = dicts.Get(probe.language);
      if (!checker.ok() || !(*checker)->Accepts(probe.word) || (*checker)->Accepts("qzxv")) {
        ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace mtclean::internal
