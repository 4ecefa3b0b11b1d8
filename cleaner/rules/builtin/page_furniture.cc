// scrape.page-furniture
//
// What it does: finds the page furniture that no phrase list names (a site's
// name over its menu, a weather box, a section label, a feed's "updated"
// line, the label of a live blog's key moments) from the page model of
// BlockPositions: short lines standing on their own before the story, after
// it or between the items of a listing, repeated labels, lines in another
// script, menus run into one line. Shape alone only reports (info). It
// removes furniture only with a second kind of evidence:
//  - a run of furniture that holds a known label (a line another rule
//    deletes: "Menu", "Log in", "Advertisement") before the story, after it
//    or between items: the run's other short lines go with it;
//  - a label of at most two words repeated on the page, standing between
//    items or outside the story (a "Key moment" or "Read more" line under
//    every item).
//
// Why: scraped pages are rarely one article with a footer. jusText-style
// classifiers remove this furniture by shape alone and take a fifth of the
// good text with it (headlines, bylines, short paragraphs); mtclean keeps
// what only looks like furniture and says so.
//
// Headlines (the title of each stretch of story), and lines carrying a date
// or a time, are never furniture. A page without a story line is not
// judged, nor is Markdown: it is written, not scraped, and its short lines
// are the author's.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"

namespace mtclean::internal {
namespace {

// A repeated label has at most this many words.
constexpr size_t kRepeatedLabelWords = 2;
// A line that a known label takes along has at most this many words.
constexpr size_t kRunLabelWords = 3;

RuleDescription Describe() {
  RuleDescription d;
  d.id = "scrape.page-furniture";
  d.severity = Severity::kWarning;
  d.message = "Page furniture left over from the scraped page";
  d.description =
      "Short lines that stand on their own before the story, after it or "
      "between the items of a listing (site names, menus, section labels, "
      "widgets), repeated labels, lines in another script and menus run into "
      "one line, found by the page model. Reported as info on shape alone; "
      "removed only in a run with a known label (a line another rule "
      "deletes) or, for a label of one or two words, when it is repeated on "
      "the page. Headlines and lines with a date or time are kept.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Markets close higher\n\nShares rose for a third day as oil prices "
       "fell back from their peak.\n\n|\n\nRail strike called off\n\nThe "
       "union and the operator agreed on a new pay scale late on Monday.\n\n"
       "|\n\nNew museum wing opens\n\nThe wing shows the city's maritime "
       "history in six rooms.\n",
       "Markets close higher\n\nShares rose for a third day as oil prices "
       "fell back from their peak.\n\nRail strike called off\n\nThe "
       "union and the operator agreed on a new pay scale late on Monday.\n\n"
       "New museum wing opens\n\nThe wing shows the city's maritime "
       "history in six rooms.\n"},
      {RuleExample::Kind::kBad,
       "Ferry timetable changes in May\n\nThe winter timetable ends on the "
       "first of May, and the morning boat leaves half an hour earlier.\n\n"
       "Key moment\n\nBridge works close one lane\n\nOne lane of the north "
       "bridge stays closed until Friday while the joints are replaced.\n\n"
       "Key moment\n",
       "Ferry timetable changes in May\n\nThe winter timetable ends on the "
       "first of May, and the morning boat leaves half an hour earlier.\n\n"
       "Bridge works close one lane\n\nOne lane of the north "
       "bridge stays closed until Friday while the joints are replaced.\n"},
      {RuleExample::Kind::kOk,
       "Harbour reopens after the storm\n\nThe harbour reopened "
       "on Tuesday after three days of high winds kept the fishing fleet in "
       "port.\n\nWhat comes next\n\nThe council meets on Friday to count the "
       "damage to the piers.\n"},
      {RuleExample::Kind::kOk,
       "Schools open again\n\n14 March 2024, 09:30\n\nPupils went back to "
       "their classrooms on Thursday after the heating was repaired.\n"},
  };
  return d;
}

class PageFurnitureRule : public StructuralRule {
 public:
  PageFurnitureRule() : StructuralRule(Describe()) {}

  bool JudgesPage() const override { return true; }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const Document& doc = context.doc;
    // Markdown is written, not scraped: its short lines are the author's.
    if (doc.syntax() == Syntax::kMarkdown) return;
    const BlockPositions& positions = *context.positions;
    const size_t n = doc.lines().size();
    // The lines other rules' fixes delete whole.
    const std::vector<bool> deleted = LinesDeletedWhole(doc, *out);
    // A run: furniture lines and known labels, blank lines between allowed.
    std::vector<size_t> furniture;
    size_t known = kNone;
    auto close_run = [&] {
      if (!furniture.empty()) Emit(doc, positions, furniture, known, out);
      furniture.clear();
      known = kNone;
    };
    for (size_t l = 0; l < n; ++l) {
      const LineClass c = positions.line_class(l);
      if (c == LineClass::kBlank) continue;
      if (positions.boilerplate(l)) {
        if (known == kNone) known = l;
        // A known label its own rule keeps (it stands where that rule does
        // not look) goes when the page model finds it shaped like furniture.
        if (!deleted[l] && c == LineClass::kFurniture && IsLabel(doc, positions, l)) {
          furniture.push_back(l);
        }
        continue;
      }
      if (c == LineClass::kFurniture) {
        furniture.push_back(l);
        continue;
      }
      close_run();
    }
    close_run();
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  // A known label kept by its own rule is taken for furniture only as a
  // short label that is not the page's first line (a title: a play called
  // "Leave a Reply").
  static bool IsLabel(const Document& doc, const BlockPositions& positions, size_t line) {
    const LineShape& shape = positions.shape(line);
    if (IsSentenceLike(shape) || shape.words > kRunLabelWords) return false;
    for (size_t l = 0; l < line; ++l) {
      if (!doc.lines()[l].blank && doc.BlockOfLine(l) != Document::kNoBlock) return true;
    }
    return false;
  }

  // Whether the furniture line may go, given the run's known label. A
  // line of more than kRunLabelWords words may be a headline that only
  // lacks its story line (a kicker or a date under it), and a repeated one
  // may be the copy of a headline that another rule keeps: both stay.
  static bool Removable(const Document& doc, const BlockPositions& positions, size_t line,
                        bool known_label) {
    if (positions.region(line) == PageRegion::kStory) return false;
    if (positions.boilerplate(line)) return true;  // a known label, shaped as furniture
    if (positions.menu_line(line)) return true;     // known labels, run into a menu
    const LineShape& shape = positions.shape(line);
    // Of the separators, only a single mark ("|", "-", "•") goes: a
    // "* * *" between two parts of a story is the story's own.
    if (shape.words == 0 && doc.LineText(line).size() > 3) return false;
    // A name (a byline) or a line that ends as a sentence (a kicker's
    // question) is the story's even beside furniture.
    if (known_label && shape.words <= kRunLabelWords && !positions.repeated(line) &&
        !EndsAsSentence(shape) && !LooksLikeName(doc.LineText(line))) {
      return true;
    }
    return positions.repeated(line) && shape.words <= kRepeatedLabelWords &&
           !LooksLikeName(doc.LineText(line));
  }

  // Two or more words, each capitalised: a byline's name ("Por Ana Ruiz"
  // glued to its label), which a listing repeats under every item.
  static bool LooksLikeName(std::string_view line) {
    size_t words = 0;
    size_t capitalised = 0;
    for (size_t i = 0; i < line.size();) {
      const char32_t c = NextCodePoint(line, i);
      if (!IsWordChar(c)) continue;
      ++words;
      if (IsUpper(c)) ++capitalised;
      while (i < line.size()) {
        size_t j = i;
        if (!IsWordChar(NextCodePoint(line, j))) break;
        i = j;
      }
    }
    return words >= 2 && capitalised == words;
  }

  void Emit(const Document& doc, const BlockPositions& positions,
            const std::vector<size_t>& lines, size_t known, std::vector<Finding>* out) const {
    // Consecutive lines (blank lines between, no known label between) that
    // share a verdict become one finding.
    size_t i = 0;
    while (i < lines.size()) {
      const bool removable = Removable(doc, positions, lines[i], known != kNone);
      size_t j = i + 1;
      while (j < lines.size() && Removable(doc, positions, lines[j], known != kNone) == removable &&
             !LabelBetween(positions, lines[j - 1], lines[j])) {
        ++j;
      }
      const size_t first = lines[i];
      const size_t last = lines[j - 1];
      std::string detail = QuoteExcerpt(doc.LineText(first));
      if (j - i > 1) absl::StrAppend(&detail, " and ", j - i - 1, j - i == 2 ? " more line" : " more lines");
      absl::StrAppend(&detail, " (", positions.FurnitureEvidence(first));
      Finding f = MakeFinding(doc.lines()[first].begin, doc.lines()[last].end);
      if (removable) {
        if (known != kNone) {
          absl::StrAppend(&detail, ", in a run with the known label ",
                          QuoteExcerpt(doc.LineText(known), 30));
        }
        f.message = absl::StrCat(description().message, ": removed ", detail, ")");
        f.delete_lines = true;
      } else {
        f.severity = Severity::kInfo;
        f.message = absl::StrCat(description().message, ": ", detail,
                                 "; reported only, shape is the only evidence)");
      }
      out->push_back(std::move(f));
      i = j;
    }
  }

  static bool LabelBetween(const BlockPositions& positions, size_t a, size_t b) {
    for (size_t l = a + 1; l < b; ++l) {
      if (positions.boilerplate(l)) return true;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<StructuralRule> MakePageFurnitureRule() {
  return std::make_unique<PageFurnitureRule>();
}

}  // namespace mtclean::internal
