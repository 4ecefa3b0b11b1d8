// The repository configuration: parsing, every error case with its message,
// discovery, skipping, and its effect on the engine.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cleaner/config/config.h"
#include "tests/test_support.h"

namespace mtclean::internal {
namespace {

namespace fs = std::filesystem;
using ::mtclean::testing::RuleIds;

// A scratch folder per test, removed at the end.
class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("mtclean-config-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string ConfigPath() const { return (dir_ / ".mtclean.yaml").string(); }

  // The message of parsing `yaml` as the scratch folder's configuration.
  std::string ParseError(const std::string& yaml) {
    absl::StatusOr<Config> c = ParseConfig(yaml, ConfigPath());
    if (c.ok()) return "(no error)";
    EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(c.status().message());
  }

  // The message of building an engine from `yaml`.
  std::string EngineError(const std::string& yaml) {
    absl::StatusOr<Config> c = ParseConfig(yaml, ConfigPath());
    if (!c.ok()) return "parse: " + std::string(c.status().message());
    Options options;
    options.data_dir = MTCLEAN_SOURCE_DIR;
    options.cache_dir = MTCLEAN_TEST_CACHE_DIR;
    c->ApplyTo(&options, false);
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(options);
    return engine.ok() ? "(no error)" : std::string(engine.status().message());
  }

  std::unique_ptr<Engine> EngineFor(const std::string& yaml) {
    absl::StatusOr<Config> c = ParseConfig(yaml, ConfigPath());
    EXPECT_TRUE(c.ok()) << c.status();
    Options options;
    if (c.ok()) c->ApplyTo(&options, false);
    return testing::MakeEngine(options);
  }

  std::string Prefix() const { return ConfigPath() + ":"; }

  fs::path dir_;
};

TEST_F(ConfigTest, ParsesEverySetting) {
  fs::create_directories(dir_ / "house");
  fs::create_directories(dir_ / "words");
  absl::StatusOr<Config> c = ParseConfig(
      "packs: [scrape, ./house]\ndisable: [\"scrape.*\"]\nenable: [scrape.comment-form]\n"
      "severity:\n  newswire.dateline: error\nlanguage: es\ndictionaries: [words]\n"
      "skip: [\"drafts/**\"]\n",
      ConfigPath());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_TRUE(c->builtin_packs.has_value());
  ASSERT_EQ(c->builtin_packs->size(), 1u);
  EXPECT_EQ((*c->builtin_packs)[0].value, "scrape");
  EXPECT_EQ((*c->builtin_packs)[0].origin, Prefix() + "1:9");
  EXPECT_EQ(c->rule_paths, std::vector<std::string>{(dir_ / "house").string()});
  ASSERT_EQ(c->selectors.size(), 2u);
  EXPECT_FALSE(c->selectors[0].enable);
  EXPECT_TRUE(c->selectors[1].enable);
  ASSERT_EQ(c->severities.size(), 1u);
  EXPECT_EQ(c->severities[0].severity, Severity::kError);
  EXPECT_EQ(c->severities[0].pattern.origin, Prefix() + "5:3");
  EXPECT_EQ(c->language, "es");
  EXPECT_EQ(c->dictionary_paths, std::vector<std::string>{(dir_ / "words").string()});
  EXPECT_EQ(c->skip, std::vector<std::string>{"drafts/**"});
}

TEST_F(ConfigTest, EmptyFileMeansDefaults) {
  absl::StatusOr<Config> c = ParseConfig("# nothing here\n", ConfigPath());
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->builtin_packs.has_value());
  EXPECT_TRUE(c->selectors.empty());
}

// Every error case, with its message.
TEST_F(ConfigTest, UnknownKey) {
  EXPECT_EQ(ParseError("language: en\nrulez: [x]\n"),
            Prefix() + "2:1: unknown key `rulez` (known keys: packs, enable, disable, severity, "
                       "language, dictionaries, skip, delete-untranslated)");
}

TEST_F(ConfigTest, KeyGivenTwice) {
  EXPECT_EQ(ParseError("skip: [a]\nskip: [b]\n"), Prefix() + "2:1: key `skip` given twice");
}

TEST_F(ConfigTest, YamlSyntaxError) {
  EXPECT_EQ(ParseError("disable: [scrape.x\n"), Prefix() + "2:1: end of sequence flow not found");
}

TEST_F(ConfigTest, NotAMap) {
  EXPECT_EQ(ParseError("- scrape\n"), Prefix() + "1:1: the configuration must be a map of settings");
}

TEST_F(ConfigTest, ListOfStringsExpected) {
  EXPECT_EQ(ParseError("disable: scrape.comment-form\n"),
            Prefix() + "1:10: `disable` must be a list of strings");
  EXPECT_EQ(ParseError("enable: [[a]]\n"), Prefix() + "1:10: `enable` entries must be non-empty strings");
  EXPECT_EQ(ParseError("skip: {a: b}\n"), Prefix() + "1:7: `skip` must be a list of strings");
}

TEST_F(ConfigTest, SeverityMustBeAMapOfLevels) {
  EXPECT_EQ(ParseError("severity: [error]\n"),
            Prefix() + "1:11: `severity` must be a map from rule id or glob to error, warning or info");
  EXPECT_EQ(ParseError("severity:\n  newswire.dateline: fatal\n"),
            Prefix() + "2:22: severity of `newswire.dateline` must be one of: error, warning, info");
}

TEST_F(ConfigTest, LanguageMustBeACode) {
  EXPECT_EQ(ParseError("language: English\n"),
            Prefix() + "1:11: `language` must be a language code such as `en` or `pt_BR`");
}

TEST_F(ConfigTest, MissingPaths) {
  EXPECT_EQ(ParseError("packs: [./house-rules]\n"),
            Prefix() + "1:9: `packs`: no such file or folder `./house-rules` (paths are relative "
                       "to the configuration's folder)");
  EXPECT_EQ(ParseError("dictionaries: [words]\n"),
            Prefix() + "1:16: `dictionaries`: no such file or folder `words` (paths are relative "
                       "to the configuration's folder)");
  Write("words.txt", "x\n");
  EXPECT_EQ(ParseError("dictionaries: [words.txt]\n"),
            Prefix() + "1:16: `dictionaries`: `words.txt` is not a folder");
}

TEST_F(ConfigTest, UnknownRuleIdNamesTheSpot) {
  EXPECT_EQ(EngineError("disable:\n  - scrape.comment-from\n"),
            Prefix() + "2:5: unknown rule `scrape.comment-from` (see `mtclean rules`)");
  EXPECT_EQ(EngineError("enable: [newswire.datelines]\n"),
            Prefix() + "1:10: unknown rule `newswire.datelines` (see `mtclean rules`)");
  EXPECT_EQ(EngineError("severity: {mt.stray: info}\n"),
            Prefix() + "1:12: unknown rule `mt.stray` (see `mtclean rules`)");
}

TEST_F(ConfigTest, GlobMatchingNoRule) {
  EXPECT_EQ(EngineError("disable: [\"scarpe.*\"]\n"), Prefix() + "1:11: `scarpe.*` matches no rule");
}

TEST_F(ConfigTest, UnknownBuiltinPack) {
  const std::string message = EngineError("packs: [scrape, newswires]\n");
  EXPECT_EQ(message.substr(0, message.find(" (")),
            Prefix() + "1:17: unknown built-in rule pack `newswires`");
  EXPECT_NE(message.find("(built-in packs: mt, newswire, scrape"), std::string::npos) << message;
}

TEST_F(ConfigTest, MalformedRulePackInARepositoryNamesItsFile) {
  const std::string rule = Write("house/bad.yaml",
                                   "id: house.x\nseverity: loud\nmessage: m\naction: flag\n"
                                   "phrases: [x]\nexamples:\n  - bad: x\n    good: x\n  - ok: y\n");
  EXPECT_EQ(EngineError("packs: [./house]\n"), rule + ":2:11: `severity` must be one of: error, warning, info");
}

TEST_F(ConfigTest, UnreadableFile) {
  absl::StatusOr<Config> c = LoadConfig((dir_ / "missing.yaml").string());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(c.status().message(), (dir_ / "missing.yaml").string() + ": cannot read configuration file");
}

TEST_F(ConfigTest, InvalidUtf8) {
  EXPECT_EQ(ParseError("language: \xFF\n"), ConfigPath() + ": invalid UTF-8 at byte 10");
}

TEST_F(ConfigTest, DisableWithMoreSpecificEnable) {
  std::unique_ptr<Engine> engine =
      EngineFor("disable: [\"scrape.*\"]\nenable: [scrape.comment-form]\n");
  ASSERT_NE(engine, nullptr);
  std::vector<std::string> ids;
  for (const RuleDescription& r : engine->rules()) ids.push_back(r.id);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "scrape.comment-form"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "scrape.share-widget"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "scrape.duplicate-headline"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "newswire.dateline"), ids.end());
}

TEST_F(ConfigTest, PacksChooseFamilies) {
  std::unique_ptr<Engine> engine = EngineFor("packs: [newswire]\n");
  ASSERT_NE(engine, nullptr);
  ASSERT_EQ(engine->rules().size(), 2u);
  EXPECT_EQ(engine->rules()[0].id, "newswire.agency-name");
  EXPECT_EQ(engine->rules()[1].id, "newswire.dateline");
}

TEST_F(ConfigTest, RepositoryPackAndSeverityOverride) {
  Write("house/agency-footer.yaml",
        "id: house.agency-footer\nseverity: info\nmessage: Agency footer\nscope: line\n"
        "action: delete-line\nphrases: [all rights reserved by the agency]\nexamples:\n"
        "  - bad: \"Story text.\\nAll rights reserved by the agency\\n\"\n    good: \"Story text.\\n\"\n"
        "  - ok: \"Story text.\\n\"\n");
  std::unique_ptr<Engine> engine =
      EngineFor("packs: [scrape, ./house]\nseverity:\n  house.*: warning\n  scrape.comment-form: info\n");
  ASSERT_NE(engine, nullptr);
  const Result r = testing::CleanOrDie(
      *engine, "Story text.\n\nAll rights reserved by the agency\n\nLeave a Reply\n");
  ASSERT_EQ(RuleIds(r), (std::vector<std::string>{"house.agency-footer", "scrape.comment-form"}));
  EXPECT_EQ(r.findings[0].severity, Severity::kWarning);
  EXPECT_EQ(r.findings[1].severity, Severity::kInfo);
  EXPECT_EQ(r.cleaned, "Story text.\n");
}

TEST_F(ConfigTest, ExtraDictionaryConfirmsARejoin) {
  Write("words/en/publications.txt", "# house list\nHarbour Gazette Weekly\n");
  const std::string text = "The plan was described to the Harbour newspaper. Gazette Weekly.\n";
  std::unique_ptr<Engine> plain = EngineFor("");
  std::unique_ptr<Engine> with_words = EngineFor("dictionaries: [words]\n");
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(with_words, nullptr);
  EXPECT_EQ(testing::CleanOrDie(*plain, text).cleaned, text);
  EXPECT_EQ(testing::CleanOrDie(*with_words, text).cleaned,
            "The plan was described to the Harbour Gazette Weekly newspaper.\n");
}

// A story of six paragraphs under a headline: furniture after it is in the
// tail.
std::string Story() {
  std::string s = "Harbour dredging approved\n\n";
  for (const char* p : {
           "The port authority approved on Monday the dredging of the outer harbour.",
           "Fishing crews said the works would close their moorings for a month.",
           "The authority promised to pay for temporary berths at the marina.",
           "Shipping lines welcomed the deeper channel for larger vessels.",
           "The works are due to start in the autumn and to last six weeks.",
           "The channel will take ships of up to twelve metres of draught.",
       }) {
    s += p;
    s += "\n\n";
  }
  return s;
}

TEST_F(ConfigTest, ExtraDictionaryAddsALanguagesRoleWord) {
  // A language with no lists of its own: its role word in a folder of the
  // configuration's `dictionaries:` (the copula `is` is English's too).
  Write("words/nl/author-roles.txt", "# Dutch newsroom roles\nverslaggever\n");
  const std::string bio = "Jan de Vries is verslaggever bij het Havenblad.\n";
  const std::string text = Story() + bio;
  std::unique_ptr<Engine> plain = EngineFor("");
  std::unique_ptr<Engine> with_words = EngineFor("dictionaries: [words]\n");
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(with_words, nullptr);
  EXPECT_EQ(testing::CleanOrDie(*plain, text).cleaned, text);
  const Result r = testing::CleanOrDie(*with_words, text);
  EXPECT_EQ(r.cleaned, Story().substr(0, Story().size() - 1));
  ASSERT_EQ(RuleIds(r), std::vector<std::string>{"scrape.author-box"});
}

TEST_F(ConfigTest, ExtraDictionaryAddsACreditLabel) {
  Write("words/de/credit-labels.txt", "# a site's labels\npressefoto\n");
  const std::string text =
      "Neue Kräne im Hafen\n\nPressefoto: dpa\n\nDie Kräne sollen ab Juli arbeiten.\n";
  std::unique_ptr<Engine> plain = EngineFor("");
  std::unique_ptr<Engine> with_words = EngineFor("dictionaries: [words]\n");
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(with_words, nullptr);
  EXPECT_EQ(testing::CleanOrDie(*plain, text).cleaned, text);
  const Result r = testing::CleanOrDie(*with_words, text);
  EXPECT_EQ(r.cleaned, "Neue Kräne im Hafen\n\nDie Kräne sollen ab Juli arbeiten.\n");
  ASSERT_EQ(RuleIds(r), std::vector<std::string>{"scrape.photo-credit"});
}

TEST_F(ConfigTest, ExtraDictionaryAddsAltTextInAnotherScript) {
  // No ASCII in the phrase: the scan looks for all of it, folding its case.
  Write("words/ru/alt-text-openers.txt", "# Russian\nна изображении может быть\n");
  const std::string text =
      "Harbour dredging approved\n\nНа изображении может быть: 2 человека\n\n"
      "The port authority approved the dredging on Monday.\n";
  std::unique_ptr<Engine> plain = EngineFor("");
  std::unique_ptr<Engine> with_words = EngineFor("dictionaries: [words]\n");
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(with_words, nullptr);
  EXPECT_EQ(testing::CleanOrDie(*plain, text).cleaned, text);
  const Result r = testing::CleanOrDie(*with_words, text);
  EXPECT_EQ(r.cleaned,
            "Harbour dredging approved\n\nThe port authority approved the dredging on Monday.\n");
  ASSERT_EQ(RuleIds(r), std::vector<std::string>{"scrape.markup-debris"});
}

TEST_F(ConfigTest, LanguageFromTheConfigurationUnlessKept) {
  absl::StatusOr<Config> c = ParseConfig("language: es\n", ConfigPath());
  ASSERT_TRUE(c.ok());
  Options options;
  c->ApplyTo(&options, true);
  EXPECT_EQ(options.language, "") << "the default: guessed per document";
  c->ApplyTo(&options, false);
  EXPECT_EQ(options.language, "es");
}

TEST_F(ConfigTest, DeleteUntranslated) {
  absl::StatusOr<Config> c = ParseConfig("delete-untranslated: true\n", ConfigPath());
  ASSERT_TRUE(c.ok()) << c.status();
  Options options;
  EXPECT_FALSE(options.delete_untranslated);
  c->ApplyTo(&options, false);
  EXPECT_TRUE(options.delete_untranslated);
  c = ParseConfig("delete-untranslated: false\n", ConfigPath());
  ASSERT_TRUE(c.ok()) << c.status();
  c->ApplyTo(&options, false);
  EXPECT_TRUE(options.delete_untranslated) << "the command line's flag is kept";
  EXPECT_EQ(ParseError("delete-untranslated: sometimes\n"),
            Prefix() + "1:22: `delete-untranslated` must be true or false");
}

TEST_F(ConfigTest, SkipGlobs) {
  absl::StatusOr<Config> c =
      ParseConfig("skip: [\"content/drafts/**\", \"*.txt\", archive]\n", ConfigPath());
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->Skips((dir_ / "content/drafts/a.md").string()));
  EXPECT_TRUE(c->Skips((dir_ / "content/drafts/deep/b.md").string()));
  EXPECT_TRUE(c->Skips((dir_ / "content/notes.txt").string()));
  EXPECT_TRUE(c->Skips((dir_ / "old/archive/c.md").string()));
  EXPECT_FALSE(c->Skips((dir_ / "content/news/a.md").string()));
  EXPECT_FALSE(c->Skips((dir_ / "content/drafts.md").string()));
  EXPECT_FALSE(c->Skips("/elsewhere/content/drafts/a.md")) << "outside the configuration's folder";
}

TEST_F(ConfigTest, NearestConfigurationWins) {
  Write(".mtclean.yaml", "language: en\n");
  Write("content/es/.mtclean.yaml", "language: es\n");
  fs::create_directories(dir_ / "content/es/2024");
  fs::create_directories(dir_ / "content/en");
  EXPECT_EQ(FindConfig((dir_ / "content/es/2024").string()),
            (dir_ / "content/es/.mtclean.yaml").string());
  EXPECT_EQ(FindConfig((dir_ / "content/en").string()), (dir_ / ".mtclean.yaml").string());
}

}  // namespace
}  // namespace mtclean::internal
