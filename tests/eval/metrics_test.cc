// The figures of `mtclean eval` on tiny hand-made corpora, where every
// number can be worked out by hand.
#include "cleaner/eval/metrics.h"

#include <string>
#include <vector>

#include "cleaner/eval/eval_report.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace mtclean::internal {
namespace {

GoldArtifact Gold(std::string type, size_t start, size_t end,
                  GoldArtifact::Action action,
                  std::optional<std::string> replacement = std::nullopt) {
  GoldArtifact a;
  a.type = std::move(type);
  a.start = start;
  a.end = end;
  a.action = action;
  a.replacement = std::move(replacement);
  return a;
}

Finding Fixed(std::string rule, size_t begin, size_t end,
              std::vector<Edit> edits) {
  Finding f;
  f.rule_id = std::move(rule);
  f.begin = begin;
  f.end = end;
  f.edits = std::move(edits);
  f.fixed = !f.edits.empty();
  return f;
}

// `text` with the (sorted) edits applied.
std::string ApplyEdits(const std::string& text,
                       const std::vector<Edit>& edits) {
  std::string out;
  size_t pos = 0;
  for (const Edit& e : edits) {
    out += text.substr(pos, e.begin - pos) + e.replacement;
    pos = e.end;
  }
  return out + text.substr(pos);
}

Result MakeResult(const std::string& text, std::vector<Finding> findings) {
  Result r;
  r.language = "en";
  for (const Finding& f : findings) {
    if (f.fixed) r.edits.insert(r.edits.end(), f.edits.begin(), f.edits.end());
  }
  std::sort(r.edits.begin(), r.edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  r.findings = std::move(findings);
  r.cleaned = ApplyEdits(text, r.edits);
  return r;
}

LabelledDoc Doc(std::string id, std::string text, std::string clean,
                std::vector<GoldArtifact> artifacts) {
  LabelledDoc d;
  d.id = id;
  d.doc_path = "docs/" + id + ".txt";
  d.lang = "en";
  d.text = std::move(text);
  d.gold_clean = std::move(clean);
  d.artifacts = std::move(artifacts);
  return d;
}

// "Title\n\nBody text here.\n\n" is 24 bytes; the footer line follows.
const std::string kFooterText = "Title\n\nBody text here.\n\nLeave a Reply\n";

TEST(EvalMetricsTest, FooterRemovedWithTheBlankLineBeforeIt) {
  const LabelledDoc doc =
      Doc("footer", kFooterText, "Title\n\nBody text here.\n",
          {Gold("comment_footer", 24, 38, GoldArtifact::Action::kDelete)});
  // The engine takes the separating blank line and the footer: "\n\n" before
  // the span is line-break tolerance, neither damage nor good text.
  const Result result = MakeResult(
      doc.text, {Fixed("scrape.comment-form", 24, 37, {{22, 38, ""}})});
  const DocEvaluation ev = EvaluateDocument(doc, result);
  EXPECT_EQ(ev.good_bytes, 22u);  // 38 - 14 in the span - 2 of tolerance
  EXPECT_EQ(ev.damage_bytes, 0u);
  EXPECT_EQ(ev.edit_bytes, 13u);  // "Leave a Reply" without its line break
  EXPECT_EQ(ev.missed_bytes, 0u);
  EXPECT_EQ(ev.found, 1u);
  EXPECT_EQ(ev.findings_on_gold, 1u);
  EXPECT_TRUE(
      ev.exact_match);  // "...here." vs "...here.\n": trailing whitespace
  EXPECT_EQ(ev.distance_before, 15u);  // "\n\nLeave a Reply"
  EXPECT_EQ(ev.distance_after, 0u);
  EXPECT_EQ(ev.diff, "");
}

TEST(EvalMetricsTest, GoldSpanWithoutItsLineBreak) {
  const LabelledDoc doc =
      Doc("footer", kFooterText, "Title\n\nBody text here.\n",
          {Gold("comment_footer", 24, 37, GoldArtifact::Action::kDelete)});
  const Result result = MakeResult(
      doc.text, {Fixed("scrape.comment-form", 24, 37, {{24, 38, ""}})});
  const DocEvaluation ev = EvaluateDocument(doc, result);
  EXPECT_EQ(ev.good_bytes, 22u);  // 38 - 13 - 2 before - 1 after
  EXPECT_EQ(ev.damage_bytes, 0u);
  EXPECT_EQ(ev.missed_bytes, 0u);
}

TEST(EvalMetricsTest, FooterLeftInIsMissedAndShownInTheDiff) {
  const LabelledDoc doc =
      Doc("footer", kFooterText, "Title\n\nBody text here.\n",
          {Gold("comment_footer", 24, 38, GoldArtifact::Action::kDelete)});
  const DocEvaluation ev = EvaluateDocument(doc, MakeResult(doc.text, {}));
  EXPECT_EQ(ev.found, 0u);
  EXPECT_EQ(ev.missed_bytes, 13u);
  ASSERT_EQ(ev.missed.size(), 1u);
  EXPECT_FALSE(ev.exact_match);
  EXPECT_EQ(ev.distance_after,
            15u);  // "\n\nLeave a Reply" against the gold's end
  EXPECT_NE(ev.diff.find("-Leave a Reply\n"), std::string::npos) << ev.diff;
  EXPECT_NE(ev.diff.find("+++ gold/footer.clean.txt"), std::string::npos)
      << ev.diff;
}

TEST(EvalMetricsTest, TakingOnlyTheBlankLineOfAGoldSpanDoesNotFindIt) {
  // Gold: the credit line with the blank line after it. The engine removes
  // the next line with the line break before it, which is the gold span's
  // last byte: that is the separator, not the artifact.
  const std::string text = "Posted by the desk.\n\nRead more\nBody.\n";
  const LabelledDoc doc =
      Doc("credit", text, "Body.\n",
          {Gold("site_boilerplate", 0, 21, GoldArtifact::Action::kDelete),
           Gold("site_boilerplate", 21, 31, GoldArtifact::Action::kDelete)});
  const DocEvaluation ev = EvaluateDocument(
      doc,
      MakeResult(doc.text, {Fixed("scrape.related", 21, 30, {{20, 30, ""}})}));
  EXPECT_EQ(ev.found, 1u);
  ASSERT_EQ(ev.missed.size(), 1u);
  EXPECT_EQ(ev.missed[0].start, 0u);
  EXPECT_EQ(ev.damage_bytes, 0u);
}

// "Talks on " 0-9, "the " 9-13, "the " 13-17, "bridge resumed." 17-32,
// "It was late." 32-44, "\n" 44: 45 bytes.
const std::string kInlineText =
    "Talks on the the bridge resumed.It was late.\n";

LabelledDoc InlineDoc() {
  return Doc("inline", kInlineText,
             "Talks on the bridge resumed. It was late.\n",
             {Gold("doubled_word", 13, 17, GoldArtifact::Action::kDelete),
              Gold("other", 32, 32, GoldArtifact::Action::kReplace, " ")});
}

TEST(EvalMetricsTest, DeletingTheOtherCopyOfADoubledWordIsNoDamage) {
  const LabelledDoc doc = InlineDoc();
  const Result result =
      MakeResult(doc.text, {Fixed("text.doubled-word", 9, 17, {{9, 13, ""}}),
                            Fixed("text.spacing", 31, 33, {{32, 32, " "}})});
  const DocEvaluation ev = EvaluateDocument(doc, result);
  EXPECT_EQ(ev.good_bytes, 41u);
  EXPECT_EQ(ev.damage_bytes, 0u);
  EXPECT_EQ(ev.edit_bytes, 5u);  // 4 deleted, 1 inserted
  EXPECT_EQ(ev.missed_bytes, 0u);
  EXPECT_EQ(ev.found, 2u);
  EXPECT_TRUE(ev.exact_match);
  EXPECT_EQ(ev.distance_before, 5u);
}

TEST(EvalMetricsTest, ChangedGoodBytesAreDamageOfTheirRule) {
  const LabelledDoc doc = InlineDoc();
  const Result result = MakeResult(
      doc.text, {Fixed("text.doubled-word", 9, 17, {{9, 13, ""}}),
                 Fixed("text.html-entity", 17, 23, {{17, 23, "BRIDGE"}})});
  const DocEvaluation ev = EvaluateDocument(doc, result);
  EXPECT_EQ(ev.damage_bytes, 6u);
  EXPECT_EQ(ev.rules.at("text.html-entity").damage_bytes, 6u);
  EXPECT_EQ(ev.rules.at("text.html-entity").on_gold, 0u);
  EXPECT_EQ(ev.rules.at("text.doubled-word").damage_bytes, 0u);
  EXPECT_EQ(ev.found, 1u);         // the missing space was not found
  EXPECT_EQ(ev.missed_bytes, 1u);  // ... and not inserted
  ASSERT_EQ(ev.stray.size(), 1u);
  EXPECT_EQ(ev.stray[0].rule_id, "text.html-entity");
  // Output "Talks on the BRIDGE resumed.It was late.": 12 for BRIDGE, 1 space.
  EXPECT_EQ(ev.distance_after, 13u);
}

TEST(EvalMetricsTest, CorpusTotalsAndRates) {
  // 1. the footer, removed; 2. the inline doc with damage; 3. mojibake left
  // in; 4. a clean document left alone.
  std::vector<DocEvaluation> docs;
  {
    const LabelledDoc doc =
        Doc("a-footer", kFooterText, "Title\n\nBody text here.\n",
            {Gold("comment_footer", 24, 38, GoldArtifact::Action::kDelete)});
    docs.push_back(EvaluateDocument(
        doc, MakeResult(doc.text, {Fixed("scrape.comment-form", 24, 37,
                                         {{22, 38, ""}})})));
  }
  {
    const LabelledDoc doc = InlineDoc();
    docs.push_back(EvaluateDocument(
        doc,
        MakeResult(doc.text,
                   {Fixed("text.doubled-word", 9, 17, {{9, 13, ""}}),
                    Fixed("text.html-entity", 17, 23, {{17, 23, "BRIDGE"}})})));
  }
  {
    // "Caf" + "Ã©" (4 bytes) + " reopens.\n": 17 bytes. Against "é" the
    // span differs in its two middle bytes.
    const LabelledDoc doc =
        Doc("c-mojibake", "Caf\u00c3\u00a9 reopens.\n", "Caf\u00e9 reopens.\n",
            {Gold("mojibake", 3, 7, GoldArtifact::Action::kReplace, "\u00e9")});
    docs.push_back(EvaluateDocument(doc, MakeResult(doc.text, {})));
  }
  {
    const LabelledDoc doc =
        Doc("d-clean", "A quiet day.\n", "A quiet day.\n", {});
    docs.push_back(EvaluateDocument(doc, MakeResult(doc.text, {})));
  }
  const CorpusEvaluation c = SummarizeEvaluation("corpus", std::move(docs));
  EXPECT_EQ(c.artifacts, 4u);
  EXPECT_EQ(c.found, 2u);
  EXPECT_EQ(c.recall(), 0.5);
  EXPECT_EQ(c.findings, 3u);
  EXPECT_EQ(c.findings_on_gold, 2u);
  EXPECT_DOUBLE_EQ(*c.precision(), 2.0 / 3.0);
  EXPECT_EQ(c.good_bytes, 22u + 41u + 13u + 13u);
  EXPECT_EQ(c.damage_bytes, 6u);
  EXPECT_DOUBLE_EQ(*c.damage_rate(), 6.0 / 89.0);
  EXPECT_EQ(c.edit_bytes, 13u + 5u + 2u);
  EXPECT_EQ(c.missed_bytes, 0u + 1u + 2u);
  EXPECT_DOUBLE_EQ(*c.miss_rate(), 3.0 / 20.0);
  EXPECT_EQ(c.exact_matches, 2u);  // the footer and the clean document
  EXPECT_EQ(c.exact_match_rate(), 0.5);
  EXPECT_EQ(c.distance_before, 15u + 5u + 2u + 0u);
  EXPECT_EQ(c.distance_after, 0u + 13u + 2u + 0u);
  EXPECT_DOUBLE_EQ(*c.distance_closed(), 1.0 - 15.0 / 22.0);
  EXPECT_EQ(c.clean_docs, 1u);
  EXPECT_EQ(c.clean_docs_unchanged, 1u);
  EXPECT_EQ(c.clean_unchanged_rate(), 1.0);
  // The catalogue leaves out the inline doc's missing space (`other`).
  EXPECT_EQ(c.catalogue().artifacts, 3u);
  EXPECT_EQ(c.catalogue().found, 2u);
  EXPECT_DOUBLE_EQ(*c.catalogue_recall(), 2.0 / 3.0);
  EXPECT_EQ(c.types.at("mojibake").found, 0u);
  EXPECT_EQ(c.types.at("doubled_word").found, 1u);
  EXPECT_EQ(c.rules.at("scrape.comment-form").on_gold, 1u);

  const std::vector<const DocEvaluation*> worst = WorstDocuments(c, 5);
  ASSERT_EQ(worst.size(), 2u);
  EXPECT_EQ(worst[0]->id, "inline");
  EXPECT_EQ(worst[1]->id, "c-mojibake");

  const nlohmann::json j = nlohmann::json::parse(EvalJsonReport(c));
  EXPECT_EQ(j["documents"], 4);
  EXPECT_EQ(j["damaged_bytes"], 6);
  EXPECT_EQ(j["types"]["mojibake"]["recall"], 0.0);
  EXPECT_EQ(j["rules"]["text.html-entity"]["precision"], 0.0);
  EXPECT_EQ(j["per_document"][2]["missed"][0]["type"], "mojibake");
  EXPECT_DOUBLE_EQ(j["catalogue_recall"].get<double>(), 2.0 / 3.0);
  EXPECT_EQ(j["clean_unchanged_rate"], 1.0);

  const std::string text = EvalTextReport(c, 1);
  EXPECT_NE(
      text.find("Damage rate            6.742 % (6 of 89 good bytes changed)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("docs/inline.txt: edit distance to gold 13 (was 5)"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("docs/c-mojibake.txt"), std::string::npos)
      << "only the worst one";
  EXPECT_NE(text.find("  catalogue (not other)          3      2   0.667"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Clean docs unchanged   1.000 (1 of 1)"),
            std::string::npos)
      << text;
}

// A scraped page as another tool might get it: a menu line and a comment
// footer to remove, each gold span with the blank line after it.
const std::string kPageText =
    "Harbour opens\n"
    "\n"
    "Menu News Sport Weather\n"
    "\n"
    "The new harbour opened on Friday after two years of work.\n"
    "\n"
    "Boats can now moor there all year.\n"
    "\n"
    "Leave a Reply\n";

LabelledDoc PageDoc() {
  const std::string menu = "Menu News Sport Weather\n\n";
  const std::string footer = "Leave a Reply\n";
  const size_t m = kPageText.find(menu), f = kPageText.find(footer);
  std::string clean = kPageText;
  clean.erase(f, footer.size());
  clean.erase(m, menu.size());
  return Doc("page", kPageText, clean,
             {Gold("site_boilerplate", m, m + menu.size(),
                   GoldArtifact::Action::kDelete),
              Gold("comment_footer", f, f + footer.size(),
                   GoldArtifact::Action::kDelete)});
}

// `text` with the edits of `result` applied.
std::string Applied(const std::string& text, const Result& result) {
  return ApplyEdits(text, result.edits);
}

TEST(EvalMetricsTest, OutputThatDeletesTheGoldSpansScoresFully) {
  const LabelledDoc doc = PageDoc();
  const Result result = OutputAsResult(doc, doc.gold_clean, "peer.test");
  EXPECT_EQ(result.cleaned, doc.gold_clean);
  EXPECT_EQ(Applied(doc.text, result), doc.gold_clean);
  EXPECT_EQ(result.language, "en");
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_EQ(result.findings[0].rule_id, "peer.test");
  EXPECT_TRUE(result.findings[0].fixed);
  const DocEvaluation ev = EvaluateDocument(doc, result);
  EXPECT_EQ(ev.found, 2u);
  EXPECT_EQ(ev.damage_bytes, 0u);
  EXPECT_EQ(ev.missed_bytes, 0u);
  EXPECT_EQ(ev.findings_on_gold, 2u);
  EXPECT_TRUE(ev.exact_match);
  EXPECT_EQ(ev.distance_after, 0u);
  const CorpusEvaluation c = SummarizeEvaluation("peer", {ev});
  EXPECT_EQ(c.recall(), 1.0);
  EXPECT_EQ(c.catalogue_recall(), 1.0);
  EXPECT_EQ(c.damage_rate(), 0.0);
  EXPECT_EQ(c.rules.at("peer.test").on_gold, 2u);
}

TEST(EvalMetricsTest, OutputThatDeletesAGoodLineShowsTheDamage) {
  // A line filter that also takes the headline (it has no final stop) and
  // the blank line after it, in the same run of lines as the menu.
  const LabelledDoc doc = PageDoc();
  std::string output = doc.gold_clean;
  output.erase(0, std::string("Harbour opens\n\n").size());
  const Result result = OutputAsResult(doc, output, "peer.test");
  EXPECT_EQ(Applied(doc.text, result), output);
  const DocEvaluation ev = EvaluateDocument(doc, result);
  // "Harbour opens" is good text; its line break and the blank line touch
  // the menu's gold span, so removing them is neither.
  EXPECT_EQ(ev.damage_bytes, 13u);
  EXPECT_EQ(ev.rules.at("peer.test").damage_bytes, 13u);
  EXPECT_EQ(ev.found, 2u);
  EXPECT_FALSE(ev.exact_match);
  EXPECT_NE(ev.diff.find("+Harbour opens\n"), std::string::npos) << ev.diff;
}

TEST(EvalMetricsTest, OutputChangedInsideALineGivesByteEdits) {
  const LabelledDoc doc = InlineDoc();
  const Result result = OutputAsResult(doc, doc.gold_clean, "peer.test");
  EXPECT_EQ(Applied(doc.text, result), doc.gold_clean);
  ASSERT_EQ(result.edits.size(), 2u);  // the second "the ", the space
  const DocEvaluation ev = EvaluateDocument(doc, result);
  EXPECT_EQ(ev.damage_bytes, 0u);
  EXPECT_EQ(ev.found, 2u);
  EXPECT_EQ(ev.findings_on_gold, 2u);
  EXPECT_TRUE(ev.exact_match);
}

TEST(EvalMetricsTest, UnchangedOutputHasNoFindings) {
  const LabelledDoc doc = Doc("quiet", "A quiet day.\n", "A quiet day.\n", {});
  const Result result = OutputAsResult(doc, doc.text, "peer.test");
  EXPECT_TRUE(result.findings.empty());
  EXPECT_TRUE(result.edits.empty());
  const DocEvaluation ev = EvaluateDocument(doc, result);
  EXPECT_TRUE(ev.unchanged);
  EXPECT_EQ(SummarizeEvaluation("quiet", {ev}).clean_unchanged_rate(), 1.0);
}

TEST(EvalMetricsTest, OutputOverTheDiffBoundIsOneEdit) {
  // Two runs of lines removed cost more than the bound: the text between
  // the common start and end becomes one edit, still making the output.
  const LabelledDoc doc = PageDoc();
  EvalOptions options;
  options.max_edit_cost = 1;
  const Result result =
      OutputAsResult(doc, doc.gold_clean, "peer.test", options);
  ASSERT_EQ(result.edits.size(), 1u);
  EXPECT_EQ(Applied(doc.text, result), doc.gold_clean);
  EXPECT_EQ(result.findings.size(), 1u);
}

TEST(EvalMetricsTest, DistanceOverTheBoundIsLeftOut) {
  // 2,000 bytes that share nothing with their gold text: a distance of
  // 4,000, over a bound of 1,000.
  const LabelledDoc doc =
      Doc("far", std::string(2000, 'x'), std::string(2000, 'y'), {});
  EvalOptions options;
  options.max_edit_cost = 1000;
  const DocEvaluation ev =
      EvaluateDocument(doc, MakeResult(doc.text, {}), options);
  EXPECT_EQ(ev.distance_before, std::nullopt);
  EXPECT_EQ(ev.distance_after, std::nullopt);
  const CorpusEvaluation c = SummarizeEvaluation("far", {ev});
  EXPECT_EQ(c.distance_skipped, 1u);
  EXPECT_EQ(c.distance_closed(), std::nullopt);

  // The work bound lowers the distance bound of long texts the same way.
  options.max_edit_cost = 20000;
  options.max_edit_work = 4000 * 3999;
  EXPECT_EQ(
      EvaluateDocument(doc, MakeResult(doc.text, {}), options).distance_after,
      std::nullopt);
  options.max_edit_work = 4001 * 4000;
  EXPECT_EQ(
      EvaluateDocument(doc, MakeResult(doc.text, {}), options).distance_after,
      4000u);
}

TEST(EvalMetricsTest, EmptyCorpusHasNoRates) {
  const CorpusEvaluation c = SummarizeEvaluation("empty", {});
  EXPECT_EQ(c.recall(), std::nullopt);
  EXPECT_EQ(c.precision(), std::nullopt);
  EXPECT_EQ(c.damage_rate(), std::nullopt);
  const nlohmann::json j = nlohmann::json::parse(EvalJsonReport(c));
  EXPECT_TRUE(j["recall"].is_null());
}

}  // namespace
}  // namespace mtclean::internal
