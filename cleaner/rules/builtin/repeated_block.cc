// scrape.repeated-block
//
// What it does: removes what the scraper printed twice in a row, keeping one
// copy:
//  - a paragraph of several lines repeated as the next block;
//  - a line (a caption, a one-line paragraph) repeated as the next
//    non-blank line, in the same block or across a blank line;
//  - a pull quote (a block that is only a quotation of five words or more)
//    next to the paragraph that holds the same words: the paragraph stays.
//  - a run of two to six blocks printed again right after itself;
//  - near copies of a line: the same letters and digits (LetterSkeleton:
//    spaces, accents, apostrophes lost), also across a lone mark or a
//    short dated line between them; or one copy inside the other (a teaser
//    cut short, a caption again after a dateline or before a label): the
//    shorter copy goes, so every word stays once.
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
// A near copy (the same letters, or one copy holding the other with a
// little more around it) needs this many words in the shorter copy: short
// lines share their words by chance.
constexpr size_t kMinNearWords = 5;
// A line this short, not a sentence, with a digit (a date under a title)
// may stand between two copies of a line without breaking the repeat.
constexpr size_t kMaxBetweenWords = 4;
// A repeated run of blocks (a caption, its credit and the title, printed
// twice) is at most this long, and holds this many words in all.
constexpr size_t kMaxRunBlocks = 6;
constexpr size_t kMinRunWords = 10;
// How many letters a copy compares at each end before it builds its
// skeleton (see EdgesMayMatch()).
constexpr size_t kEdgeLetters = 4;


RuleDescription Describe() {
  RuleDescription d;
  d.id = "scrape.repeated-block";
  d.severity = Severity::kError;
  d.message = "Block repeated right after itself";
  d.description =
      "A paragraph, caption or line printed again right after itself (equal "
      "after NFKC case folding and whitespace collapsing), a run of blocks "
      "printed twice, or a pull quote beside the paragraph that holds the "
      "same words. The first copy (for a pull quote, the paragraph) is kept. "
      "Near copies of a line of five words or more count too: the same "
      "letters and digits with spaces, accents and punctuation lost, across a "
      "lone mark or a short dated line between them; or one copy holding the "
      "other (a teaser cut short with an ellipsis, a caption repeated after a "
      "dateline or before a label): then the shorter copy goes, so no word is "
      "lost. Repeats of the headline at the top are "
      "scrape.duplicate-headline's.";
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
      // A copy that lost its spaces and accents; the shorter copy of a
      // caption that the next line repeats before a label; a teaser cut
      // short above the full sentence.
      {RuleExample::Kind::kBad,
       "Tram line opens\n\n"
       "Riders crowded the new tram at the café terminus on Saturday morning.\n"
       "Riders crowded the newtram at the cafe terminus on Saturday morning.\n\n"
       "The line links the station with the hospital.\n",
       "Tram line opens\n\n"
       "Riders crowded the new tram at the café terminus on Saturday morning.\n\n"
       "The line links the station with the hospital.\n"},
      {RuleExample::Kind::kBad,
       "Mercado de abastos\n\n"
       "Vecinos del barrio compran fruta en el mercado reformado de la plaza\n"
       "Vecinos del barrio compran fruta en el mercado reformado de la plaza · Ver fotos\n\n"
       "El mercado reabrió tras ocho meses de obras.\n",
       "Mercado de abastos\n\n"
       "Vecinos del barrio compran fruta en el mercado reformado de la plaza · Ver fotos\n\n"
       "El mercado reabrió tras ocho meses de obras.\n", "es"},
      {RuleExample::Kind::kBad,
       "Hochwasser an der Elbe\n\n"
       "Helfer füllen am Ufer in Pirna Sandsäcke, während der Pegel...\n"
       "Helfer füllen am Ufer in Pirna Sandsäcke, während der Pegel weiter steigt.\n\n"
       "Die Stadt hat den Katastrophenfall ausgerufen.\n",
       "Hochwasser an der Elbe\n\n"
       "Helfer füllen am Ufer in Pirna Sandsäcke, während der Pegel weiter steigt.\n\n"
       "Die Stadt hat den Katastrophenfall ausgerufen.\n", "de"},
      // Copies across a short line between them: a date, a lightbox's mark.
      {RuleExample::Kind::kBad,
       "Archives\n\n"
       "Incendie dans une ancienne filature au bord du canal\n\n"
       "mars 3, 2024\n"
       "Incendie dans une ancienne filature au bord du canal\n\n"
       "Les pompiers ont maîtrisé le feu dans la nuit.\n",
       "Archives\n\n"
       "Incendie dans une ancienne filature au bord du canal\n\n"
       "mars 3, 2024\n\n"
       "Les pompiers ont maîtrisé le feu dans la nuit.\n", "fr"},
      {RuleExample::Kind::kBad,
       "Bridge reopens\n\n"
       "Cyclists cross the repaired bridge over the river on its first morning.\n"
       "+\n"
       "Cyclists cross the repaired bridge over the river on its first morning.\n\n"
       "The works took two years.\n",
       "Bridge reopens\n\n"
       "Cyclists cross the repaired bridge over the river on its first morning.\n\n"
       "The works took two years.\n"},
      // A run of blocks printed twice: the photo's title, caption and credit.
      {RuleExample::Kind::kBad,
       "Harbour seals counted\n\n"
       "Seals on the north sandbank\n\n"
       "Volunteers counted the seals on the sandbanks from two boats.\n\n"
       "Photo: harbour office\n\n"
       "Seals on the north sandbank\n\n"
       "Volunteers counted the seals on the sandbanks from two boats.\n\n"
       "Photo: harbour office\n\n"
       "The count found more pups than last year.\n",
       "Harbour seals counted\n\n"
       "Seals on the north sandbank\n\n"
       "Volunteers counted the seals on the sandbanks from two boats.\n\n"
       "Photo: harbour office\n\n"
       "The count found more pups than last year.\n"},
      // A lede that repeats its title and adds to it, as a sentence, stays;
      // so do short lines that repeat across another (a score, a chant).
      {RuleExample::Kind::kOk,
       "Weather\n\n"
       "Storm closes ports along the northern coast\n"
       "Storm closes ports along the northern coast on Sunday.\n\n"
       "Ferries stayed in harbour.\n", ""},
      {RuleExample::Kind::kOk,
       "Cup final\n\n"
       "Home side two\n"
       "Visitors one\n"
       "Home side two\n\n"
       "The crowd sang until midnight.\n", ""},
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

// The first (or, with `from_end`, the last) kEdgeLetters letters and digits
// of `s`, ASCII lowercased, in `out`; false when a character beyond ASCII
// comes first (its skeleton letter is not known without ICU).
bool AsciiEdge(std::string_view s, bool from_end, std::string* out) {
  out->clear();
  for (size_t k = 0; k < s.size() && out->size() < kEdgeLetters; ++k) {
    const unsigned char c = static_cast<unsigned char>(from_end ? s[s.size() - 1 - k] : s[k]);
    if (c >= 0x80) return false;
    if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c + ('a' - 'A')));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out->push_back(static_cast<char>(c));
    }
  }
  return true;
}

// Whether the skeletons of `a` and `b` may share their opening (or, with
// `from_end`, their ending): the cheap test before building them.
bool EdgesMayMatch(std::string_view a, std::string_view b, bool from_end) {
  std::string ea, eb;
  if (!AsciiEdge(a, from_end, &ea) || !AsciiEdge(b, from_end, &eb)) return true;
  return ea == eb;
}

std::string_view WithoutTrailingBlanks(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

// The line ends with an ellipsis: a teaser cut short.
bool EndsWithEllipsis(std::string_view line) {
  line = WithoutTrailingBlanks(line);
  return line.ends_with("...") || line.ends_with("\xE2\x80\xA6");
}

bool EndsWithStop(std::string_view line) {
  line = WithoutTrailingBlanks(line);
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

// How two neighbouring lines copy each other, beyond SameText(): which of
// the two goes.
enum class NearCopy {
  kNone,
  kLaterGoes,    // the same letters and digits (spaces, accents, apostrophes lost)
  kEarlierGoes,  // the earlier line is inside the later one (a cut teaser, a
                 // caption the later line repeats after a dateline or before
                 // a label)
  kLaterInside,  // the later line is inside the earlier one
};

// Compares two lines by their letter skeletons (LetterSkeleton()). The
// copy that holds the other keeps every word, so the shorter one goes:
//  - equal skeletons: the later copy goes;
//  - a line cut short with an ellipsis whose skeleton opens the other's;
//  - one skeleton inside the other with at most a quarter more letters,
//    either before it (a dateline, a credit) or after it when the longer
//    copy does not end as a sentence (a "See photos" label; a lede that
//    adds a few words to its headline ends with a stop and stays).
NearCopy CompareNear(std::string_view earlier, std::string_view later) {
  const bool cut = EndsWithEllipsis(earlier);
  const size_t small = std::min(earlier.size(), later.size());
  const size_t large = std::max(earlier.size(), later.size());
  if (!cut && large > small + small / 3 + 16) return NearCopy::kNone;
  const bool openings = EdgesMayMatch(earlier, later, false);
  if (cut && !openings) return NearCopy::kNone;
  if (!openings && !EdgesMayMatch(earlier, later, true)) return NearCopy::kNone;
  const std::string_view shorter = earlier.size() <= later.size() ? earlier : later;
  if (MeasureLine(shorter).words < kMinNearWords) return NearCopy::kNone;
  const std::string a = LetterSkeleton(earlier);
  const std::string b = LetterSkeleton(later);
  if (a.empty() || b.empty()) return NearCopy::kNone;
  if (a == b) return NearCopy::kLaterGoes;
  if (cut) return b.starts_with(a) ? NearCopy::kEarlierGoes : NearCopy::kNone;
  const bool earlier_shorter = a.size() < b.size();
  const std::string& inner = earlier_shorter ? a : b;
  const std::string& outer = earlier_shorter ? b : a;
  if (4 * (outer.size() - inner.size()) > outer.size()) return NearCopy::kNone;
  const std::string_view longer_line = earlier_shorter ? later : earlier;
  const bool inside = outer.ends_with(inner) ||
                      (outer.starts_with(inner) && !EndsWithStop(longer_line));
  if (!inside) return NearCopy::kNone;
  return earlier_shorter ? NearCopy::kEarlierGoes : NearCopy::kLaterInside;
}

class RepeatedBlockRule : public StructuralRule {
 public:
  RepeatedBlockRule() : StructuralRule(Describe()) {}

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const Document& doc = context.doc;
    const auto& blocks = doc.blocks();
    if (blocks.empty()) return;
    const size_t start = HeadlineRepeatsEnd(doc);
    // The lines the rules before this one delete (a caption its credit
    // takes along): a near copy of one of them is not a copy of a kept line.
    const std::vector<bool> deleted_before = LinesDeletedWhole(doc, *out);
    std::vector<bool> deleted(doc.lines().size(), false);
    CheckLines(doc, start, &deleted, out);
    for (size_t l = 0; l < deleted.size(); ++l) deleted[l] = deleted[l] || deleted_before[l];
    CheckNearLines(doc, start, &deleted, out);
    CheckBlocks(doc, start, &deleted, out);
    CheckBlockRuns(doc, start, &deleted, out);
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

  // Neighbouring lines that are near copies (CompareNear()), and a line
  // repeated across a short line between the two copies. The shorter copy
  // goes; the headline never does.
  void CheckNearLines(const Document& doc, size_t start, std::vector<bool>* deleted,
                      std::vector<Finding>* out) const {
    const size_t first_line = doc.blocks()[start - 1].last_line;
    const size_t headline_last = doc.blocks()[0].last_line;
    size_t prev = kNoRun;   // the last line kept
    size_t prev2 = kNoRun;  // the line kept before it
    auto removable = [&](size_t l) {
      return l > headline_last && !doc.IsProtected(doc.lines()[l].begin, doc.lines()[l].end);
    };
    auto remove = [&](size_t first, size_t last, size_t kept, std::string_view how) {
      for (size_t k = first; k <= last; ++k) (*deleted)[k] = true;
      Finding f = MakeFinding(doc.lines()[first].begin, doc.lines()[last].end,
                              absl::StrCat("removed a copy of ", QuoteExcerpt(doc.LineText(kept)),
                                           " (", std::string(how), ")"));
      f.delete_lines = true;
      out->push_back(std::move(f));
    };
    for (size_t l = first_line; l < doc.lines().size(); ++l) {
      if (doc.BlockOfLine(l) == Document::kNoBlock || (*deleted)[l]) continue;
      const std::string_view text = doc.LineText(l);
      if (prev != kNoRun && HasLetter(text)) {
        const std::string_view before = doc.LineText(prev);
        switch (CompareNear(before, text)) {
          case NearCopy::kLaterGoes:
            if (!removable(l)) break;
            remove(l, l, prev, "the same letters as the line above, spaces, accents and "
                               "punctuation aside");
            continue;
          case NearCopy::kLaterInside:
            if (!removable(l)) break;
            remove(l, l, prev, "the line above holds the same words");
            continue;
          case NearCopy::kEarlierGoes:
            if (!removable(prev)) break;
            remove(prev, prev, l, "the line below holds the same words");
            prev = l;
            continue;
          case NearCopy::kNone:
            break;
        }
        // A copy across a short line: the title, its date, the title again;
        // a caption, a lightbox's "+", the caption again. A row of marks
        // ("* * *") is a section break and a subheading a section's title:
        // the story's own.
        // Cheap tests first: most lines have neither neighbour shape.
        const bool digit = HoldsDigit(before);
        if (prev2 == kNoRun || !(before.size() <= 3 || digit) || !removable(l)) {
          prev2 = prev;
          prev = l;
          continue;
        }
        const LineShape between = MeasureLine(before);
        const bool mark = between.words == 0 && before.size() <= 3;
        const bool dated = between.words > 0 && between.words <= kMaxBetweenWords &&
                           !IsSentenceLike(between) && digit;
        if ((mark || dated) && MeasureLine(text).words >= kMinNearWords) {
          const std::string_view copied = doc.LineText(prev2);
          if (SameText(Key(copied), Key(text)) ||
              (EdgesMayMatch(copied, text, false) &&
               LetterSkeleton(copied) == LetterSkeleton(text))) {
            // A lone mark between the copies goes too; a short line
            // repeated after the copy (a caption's credit, printed twice
            // with it) goes with the copy.
            size_t last = l;
            size_t next = l + 1;
            while (next < doc.lines().size() && doc.BlockOfLine(next) == Document::kNoBlock) ++next;
            if (!mark && next < doc.lines().size() && !(*deleted)[next] && removable(next) &&
                SameText(Key(before), Key(doc.LineText(next)))) {
              last = next;
            }
            remove(mark ? prev : l, last, prev2,
                   mark ? "across the mark between them" : "across the short line between them");
            if (mark) prev = prev2;
            l = last;
            continue;
          }
        }
      }
      prev2 = prev;
      prev = l;
    }
  }

  // A run of two or more blocks printed again right after itself (a photo's
  // file name, caption and credit with the title above them).
  void CheckBlockRuns(const Document& doc, size_t start, std::vector<bool>* deleted,
                      std::vector<Finding>* out) const {
    const auto& blocks = doc.blocks();
    auto same = [&](size_t a, size_t b) {
      return !(*deleted)[blocks[a].first_line] && !(*deleted)[blocks[b].first_line] &&
             SameText(Key(doc.BlockText(a)), Key(doc.BlockText(b)));
    };
    for (size_t b = start; b < blocks.size(); ++b) {
      for (size_t k = 2; k <= kMaxRunBlocks && b + 2 * k <= blocks.size(); ++k) {
        size_t words = 0;
        bool copied = true;
        for (size_t i = 0; i < k && copied; ++i) {
          copied = same(b + i, b + k + i);
          if (copied) words += MeasureLine(doc.BlockText(b + i)).words;
        }
        if (!copied || words < kMinRunWords) continue;
        const Block& first = blocks[b + k];
        const Block& last = blocks[b + 2 * k - 1];
        if (doc.IsProtected(first.begin, last.end)) continue;
        for (size_t l = first.first_line; l <= last.last_line; ++l) (*deleted)[l] = true;
        Finding f = MakeFinding(
            first.begin, last.end,
            absl::StrCat("removed a repeat of the ", k,
                         " blocks from ", QuoteExcerpt(doc.BlockText(b)),
                         " (equal to the blocks above after case and space folding)"));
        f.delete_lines = true;
        out->push_back(std::move(f));
        b += 2 * k - 1;
        break;
      }
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
