// scrape.repeated-block
//
// What it does: removes what the scraper printed twice in a row, keeping one
// copy:
//  - a paragraph of several lines repeated as the next block;
//  - a line (a caption, a one-line paragraph) repeated as the next
//    non-blank line, in the same block or across a blank line;
//  - a pull quote (a block that is only a quotation of five words or more)
//    next to the paragraph that holds the same words: the paragraph stays.
// "The same" is FoldForCompare: NFKC case folding, whitespace collapsed.
//
// Why: a page shows a caption under the photo and again in the lightbox, a
// pull quote beside the paragraph it is taken from; the scraped text gets
// them all, one after the other.
//
// Ownership: the headline (block 0) and the blocks right after it that
// repeat it are scrape.duplicate-headline's. This rule compares blocks only
// from HeadlineRepeatsEnd() on, and lines from the last line of the headline
// run on (a headline glued to the first paragraph's first line is a line
// repeat, which scrape.duplicate-headline does not see).
#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "cleaner/document/line_shape.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"

namespace mtclean::internal {
namespace {

// A repeated line needs this many words (a lone word repeated is as often a
// chant or a list as a scraping artifact).
constexpr size_t kMinLineWords = 2;
// A pull quote needs this many words.
constexpr size_t kMinPullQuoteWords = 5;
constexpr size_t kNoRun = static_cast<size_t>(-1);

RuleDescription Describe() {
  RuleDescription d;
  d.id = "scrape.repeated-block";
  d.severity = Severity::kError;
  d.message = "Block repeated right after itself";
  d.description =
      "A paragraph, caption or line printed again right after itself (equal "
      "after NFKC case folding and whitespace collapsing), or a pull quote "
      "beside the paragraph that holds the same words. The first copy (for "
      "a pull quote, the paragraph) is kept. Repeats of the headline at the "
      "top are scrape.duplicate-headline's.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Ferry service resumes\n\n"
       "Passengers boarded the first ferry at seven in the morning.\n\n"
       "The captain of the Santa Lucía waves from the bridge on Monday.\n\n"
       "The captain of the Santa Lucía waves from the bridge on Monday.\n\n"
       "The company said crossings would run every hour until October.\n",
       "Ferry service resumes\n\n"
       "Passengers boarded the first ferry at seven in the morning.\n\n"
       "The captain of the Santa Lucía waves from the bridge on Monday.\n\n"
       "The company said crossings would run every hour until October.\n"},
      {RuleExample::Kind::kBad,
       "Vendimia adelantada\n\n"
       "Temporeros recogen uva en un viñedo de La Rioja\n"
       "TEMPOREROS RECOGEN UVA EN UN VIÑEDO DE LA RIOJA\n\n"
       "La cosecha empezó dos semanas antes de lo habitual por el calor.\n",
       "Vendimia adelantada\n\n"
       "Temporeros recogen uva en un viñedo de La Rioja\n\n"
       "La cosecha empezó dos semanas antes de lo habitual por el calor.\n"},
      {RuleExample::Kind::kBad,
       "Le maire défend le tramway\n\n"
       "« Nous ne reculerons pas sur ce projet, il est vital pour la ville », "
       "a déclaré le maire devant le conseil municipal.\n\n"
       "« Nous ne reculerons pas sur ce projet »\n\n"
       "Les travaux doivent commencer au printemps.\n",
       "Le maire défend le tramway\n\n"
       "« Nous ne reculerons pas sur ce projet, il est vital pour la ville », "
       "a déclaré le maire devant le conseil municipal.\n\n"
       "Les travaux doivent commencer au printemps.\n"},
      {RuleExample::Kind::kOk,
       "Choir sings at the festival\n\n"
       "The choir closed the evening with the old refrain.\n\n"
       "Sing it again\n\n"
       "The audience asked them to sing it again, and they did.\n", ""},
      {RuleExample::Kind::kOk,
       "Streik im Hafen\n\n"
       "„Wir bleiben hier, bis es eine Einigung gibt“, sagte ein Sprecher.\n\n"
       "Die Gespräche sollen am Montag weitergehen.\n", ""},
      {RuleExample::Kind::kOk,
       "Il sindaco parla ai cittadini\n\n"
       "Il sindaco ha ringraziato i volontari.\n\n"
       "Il sindaco ha ringraziato anche i vigili del fuoco.\n", ""},
  };
  return d;
}

// The folded text, computed on first use.
class Key {
 public:
  explicit Key(std::string_view text) : text_(text) {}
  std::string_view text() const { return text_; }
  const std::string& folded() const {
    if (!folded_) folded_ = FoldForCompare(text_);
    return *folded_;
  }

 private:
  std::string_view text_;
  mutable std::optional<std::string> folded_;
};

// True when `a` and `b` are the same text after folding. Exact copies are
// the common case; sizes far apart, or different ASCII openings, cannot fold
// to the same text.
bool SameText(const Key& a, const Key& b) {
  if (a.text() == b.text()) return true;
  const size_t small = std::min(a.text().size(), b.text().size());
  const size_t large = std::max(a.text().size(), b.text().size());
  if (large > 2 * small + 8) return false;
  if (FoldedOpeningsDiffer(a.text(), b.text())) return false;
  return a.folded() == b.folded();
}

bool HasLetter(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsLetter(NextCodePoint(s, i))) return true;
  }
  return false;
}

// True when the first character after leading spaces and tabs is a
// quotation mark.
bool OpensWithQuote(std::string_view block) {
  size_t i = 0;
  while (i < block.size() && (block[i] == ' ' || block[i] == '\t')) ++i;
  return i < block.size() && IsQuote(NextCodePoint(block, i));
}

// The words inside a block that is only a quotation ("“...”", "« ... »",
// "„...“"), folded and without the final punctuation; nullopt otherwise.
std::optional<std::string> PullQuoteWords(std::string_view block) {
  if (block.find('\n') != std::string_view::npos) return std::nullopt;
  size_t begin = 0;
  size_t end = block.size();
  while (begin < end && (block[begin] == ' ' || block[begin] == '\t')) ++begin;
  while (end > begin && (block[end - 1] == ' ' || block[end - 1] == '\t')) --end;
  size_t i = begin;
  if (i >= end || !IsQuote(NextCodePoint(block, i))) return std::nullopt;
  size_t j = end;
  // The closing quote may stand before or after a final stop.
  char32_t last = PreviousCodePoint(block, j);
  if (last == '.' && j > i) last = PreviousCodePoint(block, j);
  if (!IsQuote(last) || j <= i) return std::nullopt;
  std::string_view inner = block.substr(i, j - i);
  // Trim the punctuation at both ends of the quoted words.
  while (!inner.empty()) {
    size_t k = 0;
    const char32_t c = NextCodePoint(inner, k);
    if (IsWordChar(c)) break;
    inner.remove_prefix(k);
  }
  while (!inner.empty()) {
    size_t k = inner.size();
    const char32_t c = PreviousCodePoint(inner, k);
    if (IsWordChar(c)) break;
    inner.remove_suffix(inner.size() - k);
  }
  // A quotation with quotes inside is a dialogue, not a pull quote (an
  // apostrophe between two letters does not count).
  size_t k = 0;
  char32_t before = 0;
  while (k < inner.size()) {
    const char32_t c = NextCodePoint(inner, k);
    if (IsQuote(c)) {
      size_t next = k;
      const bool apostrophe =
          IsWordChar(before) && next < inner.size() && IsWordChar(NextCodePoint(inner, next));
      if (!apostrophe) return std::nullopt;
    }
    before = c;
  }
  if (MeasureLine(inner).words < kMinPullQuoteWords) return std::nullopt;
  return FoldForCompare(inner);
}

class RepeatedBlockRule : public StructuralRule {
 public:
  RepeatedBlockRule() : StructuralRule(Describe()) {}

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const Document& doc = context.doc;
    const auto& blocks = doc.blocks();
    if (blocks.empty()) return;
    const size_t start = HeadlineRepeatsEnd(doc);
    std::vector<bool> deleted(doc.lines().size(), false);
    CheckLines(doc, start, &deleted, out);
    CheckBlocks(doc, start, &deleted, out);
    CheckPullQuotes(doc, start, deleted, out);
  }

 private:
  // A non-blank line equal to the non-blank line before it, from the last
  // line of the headline run on.
  void CheckLines(const Document& doc, size_t start, std::vector<bool>* deleted,
                  std::vector<Finding>* out) const {
    const size_t first_line = doc.blocks()[start - 1].last_line;
    std::optional<Key> kept;
    size_t kept_line = 0;
    size_t run = kNoRun;  // the finding of the repeats of `kept`, in `out`
    size_t run_count = 0;
    for (size_t l = first_line; l < doc.lines().size(); ++l) {
      // Blank lines neither break a run nor count as lines.
      if (doc.BlockOfLine(l) == Document::kNoBlock) continue;
      Key key(doc.LineText(l));
      const Line& line = doc.lines()[l];
      if (kept && SameText(*kept, key) && MeasureLine(key.text()).words >= kMinLineWords &&
          HasLetter(key.text()) && !doc.IsProtected(line.begin, line.end)) {
        (*deleted)[l] = true;
        if (run != kNoRun) {
          (*out)[run].end = doc.lines()[l].end;
          (*out)[run].message = Message(doc.LineText(kept_line), ++run_count, "the line above");
        } else {
          Finding f = MakeFinding(doc.lines()[l].begin, doc.lines()[l].end,
                                  Detail(doc.LineText(kept_line), 1, "the line above"));
          f.delete_lines = true;
          out->push_back(std::move(f));
          run = out->size() - 1;
          run_count = 1;
        }
        continue;
      }
      run = kNoRun;
      kept.emplace(doc.LineText(l));
      kept_line = l;
    }
  }

  // A block of several lines equal to the block before it.
  void CheckBlocks(const Document& doc, size_t start, std::vector<bool>* deleted,
                   std::vector<Finding>* out) const {
    const auto& blocks = doc.blocks();
    size_t kept = start;
    std::optional<Key> kept_key;
    size_t run = kNoRun;
    size_t run_count = 0;
    for (size_t b = start; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      if (b > start && block.first_line != block.last_line && !(*deleted)[block.first_line] &&
          !doc.IsProtected(block.begin, block.end)) {
        if (!kept_key) kept_key.emplace(doc.BlockText(kept));
        Key key(doc.BlockText(b));
        if (SameText(*kept_key, key) && HasLetter(key.text())) {
          for (size_t l = block.first_line; l <= block.last_line; ++l) (*deleted)[l] = true;
          if (run != kNoRun) {
            (*out)[run].end = block.end;
            (*out)[run].message = Message(doc.BlockText(kept), ++run_count, "the block above");
          } else {
            Finding f = MakeFinding(block.begin, block.end,
                                    Detail(doc.BlockText(kept), 1, "the block above"));
            f.delete_lines = true;
            out->push_back(std::move(f));
            run = out->size() - 1;
            run_count = 1;
          }
          continue;
        }
      }
      run = kNoRun;
      kept = b;
      kept_key.reset();
    }
  }

  // A block that is only a quotation of words the paragraph before or after
  // it holds.
  void CheckPullQuotes(const Document& doc, size_t start, const std::vector<bool>& deleted,
                       std::vector<Finding>* out) const {
    const auto& blocks = doc.blocks();
    for (size_t b = start; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      if (deleted[block.first_line] || doc.IsProtected(block.begin, block.end)) continue;
      const std::string_view text = doc.BlockText(b);
      // Only a block that opens with a quotation mark can be one (see
      // PullQuoteWords()): a test of one character before a search.
      if (!OpensWithQuote(text) ||
          text.find_first_of("\"'\xE2\xC2") == std::string_view::npos) {
        continue;
      }
      std::optional<std::string> words;
      for (const size_t other : {b - 1, b + 1}) {
        if (other < start || other >= blocks.size() || deleted[blocks[other].first_line]) {
          continue;
        }
        const std::string_view paragraph = doc.BlockText(other);
        if (paragraph.size() <= text.size()) continue;
        if (!words) {
          words = PullQuoteWords(text);
          if (!words) break;
        }
        if (FoldForCompare(paragraph).find(*words) == std::string::npos) continue;
        Finding f = MakeFinding(
            block.begin, block.end,
            absl::StrCat("removed the pull quote ", QuoteExcerpt(text), " (its words are in the ",
                         other < b ? "paragraph above" : "paragraph below", ")"));
        f.delete_lines = true;
        out->push_back(std::move(f));
        break;
      }
    }
  }

  static std::string Detail(std::string_view kept, size_t count, std::string_view what) {
    return absl::StrCat("removed ", count == 1 ? "a repeat" : absl::StrCat(count, " repeats"),
                        " of ", QuoteExcerpt(kept), " (equal to ", std::string(what),
                        " after case and space folding)");
  }
  std::string Message(std::string_view kept, size_t count, std::string_view what) const {
    return absl::StrCat(description().message, ": ", Detail(kept, count, what));
  }
};

}  // namespace

std::unique_ptr<StructuralRule> MakeRepeatedBlockRule() {
  return std::make_unique<RepeatedBlockRule>();
}

}  // namespace mtclean::internal
