// Every rule's examples, run as tests: the test name is the rule id. A `bad`
// text must become its `good` text with the rule alone enabled, with a
// finding of that rule, and the good text must then be left alone; an `ok`
// text must stay byte-identical with no finding of the rule. The same holds
// with every rule enabled, so rules do not undo each other's examples.
// A rule described as not fixing must not fix its bad examples.
#include <map>
#include <string>

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

TEST_P(RuleExamplesTest, ExamplesHold) {
  const RuleDescription& rule = GetParam();
  Options alone;
  alone.only_rules = {rule.id};
  alone.language = rule.languages.empty() ? "en" : rule.languages.front();
  std::unique_ptr<Engine> single = MakeEngine(alone);
  // One engine with every rule per language, shared by the tests.
  static std::map<std::string, std::unique_ptr<Engine>> all_by_language;
  std::unique_ptr<Engine>& all = all_by_language[alone.language];
  if (all == nullptr) {
    Options everything;
    everything.language = alone.language;
    all = MakeEngine(everything);
  }
  ASSERT_NE(single, nullptr);
  ASSERT_NE(all, nullptr);

  bool has_bad = false, has_ok = false;
  for (const RuleExample& ex : rule.examples) {
    SCOPED_TRACE(ex.text);
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
