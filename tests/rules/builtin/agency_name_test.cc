#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::MakeRuleEngine;
using ::mtclean::testing::RuleIds;

std::unique_ptr<Engine> Rule() { return MakeRuleEngine("newswire.agency-name"); }

TEST(AgencyNameTest, ReplacesEveryMarkedTranslation) {
  auto engine = Rule();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Europe Press", "Europa Press"},
      {"Press Europe", "Europa Press"},
      {"Agency EFE", "EFE"},
      {"French Press Agency", "Agence France-Presse"},
      {"France Press Agency", "Agence France-Presse"},
      {"Anatolian Agency", "Anadolu Agency"},
  };
  for (const auto& [translated, own] : cases) {
    const Result r = CleanOrDie(*engine, "The figures were published by " + translated +
                                             " on Monday evening.\n");
    EXPECT_EQ(r.cleaned, "The figures were published by " + own + " on Monday evening.\n");
    ASSERT_EQ(r.findings.size(), 1u) << translated;
    EXPECT_EQ(r.findings[0].message, "Agency name translated word for word: `" + translated +
                                         "` is `" + own + "`");
  }
}

TEST(AgencyNameTest, NameSplitAcrossALineBreakIsStillFound) {
  auto engine = Rule();
  EXPECT_EQ(CleanOrDie(*engine, "The ministers spoke to Europe\nPress on Friday.\n").cleaned,
            "The ministers spoke to Europa Press on Friday.\n");
}

TEST(AgencyNameTest, LegitimateNamesAndLookalikesStay) {
  auto engine = Rule();
  for (const std::string& text : {
           std::string("Europa Press, EP, AFP and Agencia EFE all reported the vote.\n"),
           std::string("The European Press Prize went to a team of three reporters.\n"),
           std::string("Fans across Europe pressed the league for an answer.\n"),
           std::string("The town's Europe Pressworks factory closed in 1998.\n"),
           std::string("The agency EFE reported, as did a French press agency.\n"),
       }) {
    const Result r = CleanOrDie(*engine, text);
    EXPECT_TRUE(r.findings.empty()) << text;
    EXPECT_EQ(r.cleaned, text);
  }
}

TEST(AgencyNameTest, LeavesDatelinesToTheDatelineRule) {
  auto engine = Rule();
  for (const std::string& text : {
           std::string("Port strike\n\nBilbao, 14 (Europe Press)\n\nDock workers stayed out.\n"),
           std::string("Port strike\n\nBILBAO, 14 / Europe Press /\n\nDock workers stayed out.\n"),
       }) {
    EXPECT_TRUE(CleanOrDie(*engine, text).findings.empty()) << text;
  }
  // With every rule, the dateline goes and nothing else is reported.
  auto all = MakeEngine();
  const Result r = CleanOrDie(
      *all, "Port strike\n\nBilbao, 14 (Europe Press)\n\nDock workers stayed out.\n");
  EXPECT_EQ(r.cleaned, "Port strike\n\nDock workers stayed out.\n");
  EXPECT_EQ(RuleIds(r), std::vector<std::string>{"newswire.dateline"});
}

TEST(AgencyNameTest, RunsOnEnglishTextOnly) {
  Options o;
  o.language = "es";
  auto engine = MakeEngine(o);
  for (const RuleDescription& d : engine->rules()) EXPECT_NE(d.id, "newswire.agency-name");
}

}  // namespace
}  // namespace mtclean
