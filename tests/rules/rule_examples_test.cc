// Every rule's examples, run as tests: the test name is the rule id. A `bad`
// text must become its `good` text with the rule alone enabled, with a
// finding of that rule, and the good text must then be left alone; an `ok`
// text must stay byte-identical with no finding of the rule. The same holds
// with every rule enabled, so rules do not undo each other's examples.
// A rule described as not fixing must not fix its bad examples. Each
// example runs in its own language (RuleExample::language).
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "absl/strings/str_replace.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;

std::vector<RuleDescription> AllRules() {
  std::unique_ptr<Engine> engine = MakeEngine();
  return engine ? engine->rules() : std::vector<RuleDescription>{};
}

class RuleExamplesTest : public ::testing::TestWithParam<RuleDescription> {};

bool HasFinding(const Result& r, const std::string& id) {
  for (const Finding& f : r.findings) {
    if (f.rule_id == id) return true;
  }
  return false;
}

// The language an example is run in: its own, else English, else the
// first of its rule's languages.
std::string ExampleLanguage(const RuleDescription& rule, const RuleExample& ex) {
  if (!ex.language.empty()) return ex.language;
  if (rule.languages.empty() ||
      std::find(rule.languages.begin(), rule.languages.end(), "en") != rule.languages.end()) {
    return "en";
  }
  return rule.languages.front();
}

TEST_P(RuleExamplesTest, ExamplesHold) {
  const RuleDescription& rule = GetParam();
  // Engines per language, with the rule alone and with every rule; the
  // ones with every rule are shared by the tests.
  std::map<std::string, std::unique_ptr<Engine>> single_by_language;
  static std::map<std::string, std::unique_ptr<Engine>> all_by_language;
  auto engines = [&](const std::string& language) -> std::pair<Engine*, Engine*> {
    std::unique_ptr<Engine>& single = single_by_language[language];
    if (single == nullptr) {
      Options alone;
      alone.only_rules = {rule.id};
      alone.language = language;
      single = MakeEngine(alone);
    }
    std::unique_ptr<Engine>& all = all_by_language[language];
    if (all == nullptr) {
      Options everything;
      everything.language = language;
      all = MakeEngine(everything);
    }
    return {single.get(), all.get()};
  };

  bool has_bad = false, has_ok = false;
  for (const RuleExample& ex : rule.examples) {
    const std::string language = ExampleLanguage(rule, ex);
    SCOPED_TRACE(language + ": " + ex.text);
    EXPECT_TRUE(rule.languages.empty() ||
                std::find(rule.languages.begin(), rule.languages.end(), language) !=
                    rule.languages.end())
        << "the example's language is not one of the rule's";
    const auto [single, all] = engines(language);
    ASSERT_NE(single, nullptr);
    ASSERT_NE(all, nullptr);
    if (ex.kind == RuleExample::Kind::kBad) {
      has_bad = true;
      const Result r = CleanOrDie(*single, ex.text);
      EXPECT_TRUE(HasFinding(r, rule.id)) << "the rule does not fire";
      EXPECT_EQ(r.cleaned, ex.good);
      // The engine's later rounds skip the rules that never fix: such a
      // rule's findings must carry no edit.
      if (!rule.fixable) {
        EXPECT_EQ(ex.good, ex.text) << "a rule described as not fixing has a fix";
        for (const Finding& f : r.findings) EXPECT_TRUE(f.edits.empty()) << f.message;
      }
      const Result again = CleanOrDie(*single, r.cleaned);
      EXPECT_TRUE(again.edits.empty()) << "cleaning is not idempotent";
      EXPECT_EQ(CleanOrDie(*all, ex.text).cleaned, ex.good)
          << "other rules change this example";
    } else {
      has_ok = true;
      const Result r = CleanOrDie(*single, ex.text);
      EXPECT_FALSE(HasFinding(r, rule.id)) << "the rule fires on legitimate text";
      EXPECT_EQ(r.cleaned, ex.text);
      EXPECT_EQ(CleanOrDie(*all, ex.text).cleaned, ex.text)
          << "another rule changes this legitimate text";
    }
  }
  EXPECT_TRUE(has_bad) << "every rule needs a bad/good example";
  EXPECT_TRUE(has_ok) << "every rule needs an ok example";
}

INSTANTIATE_TEST_SUITE_P(
    AllRules, RuleExamplesTest, ::testing::ValuesIn(AllRules()),
    [](const ::testing::TestParamInfo<RuleDescription>& info) {
      return absl::StrReplaceAll(info.param.id, {{".", "_"}, {"-", "_"}});
    });

TEST(RuleExamplesCoverage, EveryFamilyOfTheFoundationIsPresent) {
  std::unique_ptr<Engine> engine = MakeEngine();
  ASSERT_NE(engine, nullptr);
  std::vector<std::string> ids;
  for (const RuleDescription& r : engine->rules()) ids.push_back(r.id);
  for (const char* id : {"scrape.duplicate-headline", "newswire.dateline", "mt.stray-fragment",
                         "scrape.comment-form", "scrape.share-widget"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
}

}  // namespace
}  // namespace mtclean
