// Malformed rule files: each error names file, line and column.
#include "cleaner/rules/loader.h"

#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

constexpr char kValid[] = R"(id: scrape.test-rule
severity: warning
message: Test rule
scope: line
where: tail
action: delete-line
phrases:
  - subscribe now
examples:
  - bad: "Story.\n\nSubscribe now\n"
    good: "Story.\n"
  - ok: "Readers can subscribe now or later.\n"
)";

std::string ErrorOf(std::string_view yaml) {
  absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> rules = ParseRules(yaml, "pack.yaml");
  EXPECT_FALSE(rules.ok());
  return rules.ok() ? "" : std::string(rules.status().message());
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(LoaderTest, LoadsAValidRule) {
  absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> rules = ParseRules(kValid, "pack.yaml");
  ASSERT_TRUE(rules.ok()) << rules.status();
  ASSERT_EQ(rules->size(), 1u);
  const RuleDescription& d = (*rules)[0]->description();
  EXPECT_EQ(d.id, "scrape.test-rule");
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_TRUE(d.fixable);
  EXPECT_EQ(d.source, "pack.yaml");
  EXPECT_EQ(d.examples.size(), 2u);
  EXPECT_EQ(d.examples[0].language, "");
}

TEST(LoaderTest, AnExampleMayNameItsLanguage) {
  const std::string yaml = Replace(kValid, "    good: \"Story.\\n\"\n",
                                   "    good: \"Story.\\n\"\n    language: fr\n");
  absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> rules = ParseRules(yaml, "pack.yaml");
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_EQ((*rules)[0]->description().examples[0].language, "fr");
  EXPECT_EQ((*rules)[0]->description().examples[1].language, "");
}

struct BadCase {
  const char* name;
  std::string yaml;
  std::string expected;  // the whole message
};

TEST(LoaderTest, MalformedRulesNameFileLineAndColumn) {
  const std::vector<BadCase> cases = {
      {"syntax", "id: [unclosed\n", "pack.yaml:2:1: end of sequence flow not found"},
      {"unknown key", Replace(kValid, "scope: line", "scoop: line"),
       "pack.yaml:4:1: unknown key `scoop`"},
      {"bad severity", Replace(kValid, "severity: warning", "severity: fatal"),
       "pack.yaml:2:11: `severity` must be one of: error, warning, info"},
      {"bad action", Replace(kValid, "action: delete-line", "action: remove"),
       "pack.yaml:6:9: `action` must be one of: delete-match, delete-line, delete-block, "
       "replace, flag"},
      {"bad id", Replace(kValid, "id: scrape.test-rule", "id: Test Rule"),
       "pack.yaml:1:5: `id` must look like family.name (lowercase, digits, dashes)"},
      {"missing message", Replace(kValid, "message: Test rule\n", ""),
       "pack.yaml:1:1: missing required key `message`"},
      {"bad regex", Replace(kValid, "phrases:\n  - subscribe now", "patterns:\n  - \"sub(scribe\""),
       "pack.yaml:8:5: invalid regular expression: missing ): sub(scribe"},
      {"anchor", Replace(kValid, "phrases:\n  - subscribe now", "patterns:\n  - \"subscribe$\""),
       "pack.yaml:8:5: patterns may not use ^ or $ anchors: use `scope: line`"},
      {"no ok example", Replace(kValid, "  - ok: \"Readers can subscribe now or later.\\n\"\n", ""),
       "pack.yaml:10:3: `examples` needs at least one `bad`/`good` pair and one `ok` text"},
      {"unknown example key", Replace(kValid, "    good: \"Story.\\n\"\n",
                                      "    good: \"Story.\\n\"\n    lang: fr\n"),
       "pack.yaml:12:5: unknown example key `lang` (expected bad, good, ok or language)"},
      {"bad without good", Replace(kValid, "    good: \"Story.\\n\"\n", ""),
       "pack.yaml:10:5: a `bad` example needs a `good` text (the expected output)"},
      {"within", Replace(kValid, "where: tail", "where: tail\nwithin: many"),
       "pack.yaml:6:9: `within` must be a whole number of blocks from 1 to 1000"},
      {"bad shape", Replace(kValid, "where: tail", "where: tail\nshape: short"),
       "pack.yaml:6:8: `shape` must be one of: any, boilerplate"},
      {"bad takes", Replace(kValid, "where: tail", "where: tail\ntakes: titles"),
       "pack.yaml:6:8: `takes` must be one of: nothing, link-titles"},
      {"bad unless", Replace(kValid, "where: tail", "where: tail\nunless: quoted"),
       "pack.yaml:6:9: `unless` must be one of: nothing, introduced"},
      {"takes without line deletion",
       Replace(Replace(kValid, "where: tail", "where: tail\ntakes: link-titles"),
               "action: delete-line", "action: flag"),
       "pack.yaml:6:8: `takes` needs a line scope and `action: delete-line`"},
      {"empty file", "", "pack.yaml:1:1: the file holds no rule"},
  };
  for (const BadCase& c : cases) {
    EXPECT_EQ(ErrorOf(c.yaml), c.expected) << c.name;
  }
}

// Hostile or mistaken files: a clear error, found without expanding them.
TEST(LoaderTest, TooManyPhrasesInAFileAreRefused) {
  std::string yaml = Replace(kValid, "  - subscribe now\n", "");
  std::string phrases;
  for (size_t i = 0; i <= kMaxPatternsPerFile; ++i) {
    phrases += "  - subscribe to edition " + std::to_string(i) + "\n";
  }
  yaml = Replace(yaml, "phrases:\n", "phrases:\n" + phrases);
  EXPECT_EQ(ErrorOf(yaml),
            "pack.yaml:1:1: a rule file may hold at most 1000 phrases and patterns; split it");
}

TEST(LoaderTest, OverlongPhraseAndOversizedFileAreRefused) {
  EXPECT_EQ(ErrorOf(Replace(kValid, "subscribe now", std::string(kMaxPatternBytes + 1, 'a'))),
            "pack.yaml:8:5: a phrase or pattern may be at most 1000 bytes long");
  const std::string padding = "# " + std::string(kMaxRuleFileBytes, '-') + "\n";
  EXPECT_EQ(ErrorOf(padding + kValid),
            "pack.yaml: a rule file may be at most 1048576 bytes long; split it");
}

TEST(LoaderTest, AliasBombIsRefusedWithoutExpandingIt) {
  // Each level names the one below nine times: 9^12 strings if expanded.
  std::string bomb = "[&l0 [a, a, a, a, a, a, a, a, a]";
  for (int i = 1; i <= 12; ++i) {
    bomb += ", &l" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) bomb += (k ? ", *l" : "*l") + std::to_string(i - 1);
    bomb += "]";
  }
  bomb += "]";
  EXPECT_EQ(ErrorOf(Replace(kValid, "phrases:\n  - subscribe now\n", "phrases: " + bomb + "\n")),
            "pack.yaml:7:11: `phrases` entries must be non-empty strings");
}

TEST(LoaderTest, DeeplyNestedYamlIsAnError) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string error = ErrorOf("phrases: " + deep + "\n");
  EXPECT_EQ(error.rfind("pack.yaml:1:", 0), 0u) << error;
}

TEST(LoaderTest, MissingFileIsNotFound) {
  absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> rules = LoadRuleFile("/nonexistent/x.yaml");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace mtclean::internal
