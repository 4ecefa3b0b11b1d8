// scrape.duplicate-headline
//
// What it does: finds the headline (the first block) repeated as the block
// right after it, exactly or equal after Unicode normalisation, case folding
// and whitespace collapsing, and removes the repeats. When the front matter
// has a `title` and the body opens with it (as a heading or a paragraph),
// the title is the headline and those opening blocks are the repeats.
//
// Why: scrapers often take the title from both the page <title> and the
// article's <h1>, so the story opens with its headline twice.
//
// It owns the repeats of the first block only; every other block repeated
// right after itself, and lines repeated inside a block, belong to
// scrape.repeated-block, which starts after HeadlineRepeatsEnd().
#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "scrape.duplicate-headline";
  d.severity = Severity::kError;
  d.message = "Headline repeated right after itself";
  d.description =
      "The first block (the headline) appears again as the next block, "
      "exactly or after normalisation, case folding and whitespace "
      "collapsing. The first copy is kept. When the front matter's `title` "
      "opens the body, the body's copies go.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Storm closes ports along the northern coast\n\n"
       "Storm closes ports along the northern coast\n\n"
       "Heavy rain forced the port authority to halt all traffic on Sunday.\n",
       "Storm closes ports along the northern coast\n\n"
       "Heavy rain forced the port authority to halt all traffic on Sunday.\n"},
      {RuleExample::Kind::kBad,
       "Minister resigns after budget vote\n\n"
       "MINISTER RESIGNS  after budget vote\n\n"
       "Minister resigns after budget vote\n\n"
       "The finance minister stepped down late on Tuesday.\n",
       "Minister resigns after budget vote\n\n"
       "The finance minister stepped down late on Tuesday.\n"},
      {RuleExample::Kind::kBad,
       "---\ntitle: Bridge reopens after repairs\n---\n"
       "Bridge reopens after repairs\n\n"
       "Traffic returned to the old bridge on Monday morning.\n",
       "---\ntitle: Bridge reopens after repairs\n---\n"
       "Traffic returned to the old bridge on Monday morning.\n"},
      {RuleExample::Kind::kOk,
       "Talks resume in Geneva\n\n"
       "Talks resume in Geneva, the mediators said on Monday, after a week "
       "of silence.\n"},
      {RuleExample::Kind::kOk,
       "Harvest begins early\n\n"
       "Farmers in the south began the harvest two weeks ahead of schedule.\n\n"
       "Harvest begins early\n"},
  };
  return d;
}

class DuplicateHeadlineRule : public StructuralRule {
 public:
  DuplicateHeadlineRule() : StructuralRule(Describe()) {}

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const Document& doc = context.doc;
    const size_t end = HeadlineRepeatsEnd(doc);
    // The front matter's title is the headline when the body opens with it:
    // then the first block is a repeat too.
    const size_t first_repeat =
        end > 0 && !doc.title().empty() &&
                FoldForCompare(doc.title()) == FoldForCompare(doc.BlockText(0))
            ? 0
            : 1;
    for (size_t b = first_repeat; b < end; ++b) {
      const Block& block = doc.blocks()[b];
      out->push_back(MakeFinding(
          block.begin, block.end,
          absl::StrCat("removed ", QuoteExcerpt(doc.BlockText(b)),
                       " (equal to the headline after case and space folding)")));
      out->back().delete_lines = true;
    }
  }
};

}  // namespace

size_t HeadlineRepeatsEnd(const Document& doc) {
  const auto& blocks = doc.blocks();
  if (blocks.empty()) return 0;
  // Most stories open with a paragraph that cannot repeat the headline:
  // their openings differ before folding anything.
  if (blocks.size() < 2 || FoldedOpeningsDiffer(doc.BlockText(0), doc.BlockText(1))) return 1;
  const std::string headline = FoldForCompare(doc.BlockText(0));
  if (headline.empty()) return 1;
  size_t b = 1;
  for (; b < blocks.size(); ++b) {
    // A cheap length check first: folding rarely changes length much.
    const std::string_view text = doc.BlockText(b);
    if (text.size() > 4 * headline.size() + 16) break;
    if (!FoldsTo(text, headline)) break;
  }
  return b;
}

std::unique_ptr<StructuralRule> MakeDuplicateHeadlineRule() {
  return std::make_unique<DuplicateHeadlineRule>();
}

}  // namespace mtclean::internal
