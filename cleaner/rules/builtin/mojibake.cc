// text.mojibake
//
// What it does: finds text that was UTF-8 but got decoded as Windows-1252
// or Latin-1 (`cafÃ©`, `donâ€™t`, `â€œ`), and repairs it one run of damage
// at a time: the run is encoded back to the single bytes those code pages
// give it and decoded as UTF-8 (both with ICU's converters), repeatedly
// while that changes something, which also undoes text damaged twice
// (`Ã¢â‚¬â„¢` → `’`).
//
// Confirmation: a repair becomes an edit only when every word it touches,
// once repaired, is accepted by a dictionary (the document's language
// first, then the other languages mtclean knows: names and loan words such
// as `José` or `café`), and the damaged word is not a word of the document's
// language. A run outside any word (`â€œ` before a quotation) has no word to
// check; it is confirmed when it repairs to exactly one punctuation mark,
// symbol or space (a quotation mark, a dash, `…`, `£`, `°`, a no-break
// space): the damaged form is at least two characters that are a UTF-8
// sequence byte for byte, which ordinary text does not contain. Everything
// else stays a finding without an edit.
//
// Why: a page served as UTF-8 but read with the wrong code page garbles
// every accented letter and typographic quote, and scrapers keep the
// garbage.
#include <memory>
#include <optional>
#include <span>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cleaner/document/code_page.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "cleaner/rules/word_evidence.h"
#include "unicode/uchar.h"
#include "unicode/ucnv.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "text.mojibake";
  d.severity = Severity::kError;
  d.message = "UTF-8 text decoded as Windows-1252 or Latin-1";
  d.description =
      "Characters that are the bytes of UTF-8 read as Windows-1252 or "
      "Latin-1 (`cafÃ©`, `donâ€™t`, `â€œ`). Each run is re-encoded and decoded "
      "as UTF-8; the repair is applied when the repaired words pass a "
      "dictionary and the damaged ones do not, or when a run outside words "
      "repairs to a single punctuation mark or symbol.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad, "The cafÃ© on the square reopened on Monday.\n",
       "The café on the square reopened on Monday.\n"},
      {RuleExample::Kind::kBad, "â€œWe donâ€™t know yet,â€\u009d the mayor said.\n",
       "“We don’t know yet,” the mayor said.\n"},
      {RuleExample::Kind::kBad, "Tickets cost Â£12 and the show starts at 8 p.m.\n",
       "Tickets cost £12 and the show starts at 8 p.m.\n"},
      {RuleExample::Kind::kBad, "The deal was signed by JosÃ© MarÃ­a Ortega.\n",
       "The deal was signed by José María Ortega.\n"},
      {RuleExample::Kind::kOk, "The café on the square reopened on Monday.\n", ""},
      {RuleExample::Kind::kOk,
       "São Paulo and Düsseldorf signed a pact; the Ã symbol is a letter of "
       "Portuguese.\n",
       ""},
  };
  return d;
}

// True when `s` is one code point of a punctuation, symbol or space
// category.
bool IsSinglePunctuationOrSpace(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  const char32_t c = NextCodePoint(s, i);
  if (i != s.size()) return false;
  return IsPunctuationOrSymbol(c) || u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}

struct WordPiece {
  size_t begin;
  size_t end;
};

// The words of `s` (word characters joined by inner apostrophes).
std::vector<WordPiece> Words(std::string_view s) {
  std::vector<WordPiece> words;
  size_t i = 0;
  while (i < s.size()) {
    size_t next = i;
    const char32_t c = NextCodePoint(s, next);
    if (!IsWordChar(c)) {
      i = next;
      continue;
    }
    const size_t end = WordEnd(s, i);
    words.push_back({i, end});
    i = end;
  }
  return words;
}

class MojibakeRule : public StructuralRule {
 public:
  MojibakeRule() : StructuralRule(Describe()) {}

  std::vector<PatternSpec> CandidatePatterns() const override {
    // A character that encodes to a UTF-8 lead byte (U+00C2..U+00F4 in
    // both code pages) followed by one that encodes to a continuation byte
    // (0x80..0xBF): Latin-1's are U+0080..U+00BF, Windows-1252's are what
    // its converter decodes those bytes to.
    std::string continuation = "\\x{80}-\\x{BF}";
    UErrorCode status = U_ZERO_ERROR;
    UConverter* cp1252 = ucnv_open("windows-1252", &status);
    if (U_SUCCESS(status)) {
      for (int b = 0x80; b <= 0xBF; ++b) {
        const char byte = static_cast<char>(b);
        UChar unit = 0;
        status = U_ZERO_ERROR;
        const int32_t n = ucnv_toUChars(cp1252, &unit, 1, &byte, 1, &status);
        if (U_SUCCESS(status) && n == 1 && unit > 0xBF) {
          absl::StrAppend(&continuation, absl::StrFormat("\\x{%X}", unit));
        }
      }
      ucnv_close(cp1252);
    }
    PatternSpec spec;
    spec.text = absl::StrCat("[\\x{C2}-\\x{F4}][", continuation, "]");
    spec.literal = false;
    spec.caseless = false;
    spec.origin = "built-in rule text.mojibake";
    return {spec};
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    if (context.candidates.empty()) return;
    const SingleByteEncoder encoder;
    if (!encoder.ok()) return;
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    // The damaged runs, each trimmed to what its repair changes.
    std::vector<Run> runs;
    size_t covered = 0;  // candidates before this were part of a run
    for (const RuleMatch& m : context.candidates) {
      if (m.begin < covered) continue;
      size_t run_end = m.begin;
      while (run_end < text.size()) {
        size_t next = run_end;
        if (encoder.HighByte(NextCodePoint(text, next)) < 0) break;
        run_end = next;
      }
      covered = run_end;
      if (doc.IsProtected(m.begin, run_end)) continue;
      std::optional<Run> run = RepairRun(encoder, text, m.begin, run_end);
      if (run.has_value()) runs.push_back(std::move(*run));
    }
    // Runs inside one word (`rÃ©sumÃ©`) are confirmed together.
    size_t first = 0;
    while (first < runs.size()) {
      size_t last = first;
      while (last + 1 < runs.size() &&
             IsAllLetters(text.substr(runs[last].end, runs[last + 1].begin - runs[last].end)) &&
             doc.LineIndexAt(runs[last + 1].begin) == doc.LineIndexAt(runs[first].begin)) {
        ++last;
      }
      CheckWord(context, std::span<const Run>(runs).subspan(first, last - first + 1), out);
      first = last + 1;
    }
  }

 private:
  // One damaged run, [begin, end) of the text, and what it repairs to.
  struct Run {
    size_t begin;
    size_t end;
    std::string repaired;
  };

  static std::optional<Run> RepairRun(const SingleByteEncoder& encoder, std::string_view text,
                                      size_t begin, size_t end) {
    std::optional<std::string> repaired_run = RepairMojibake(encoder, text.substr(begin, end - begin));
    if (!repaired_run.has_value()) return std::nullopt;
    std::string repaired = std::move(*repaired_run);
    // Keep the edit to the changed span: drop unchanged characters from the
    // tail while the shorter run still repairs to the shorter result.
    std::string_view damaged = text.substr(begin, end - begin);
    while (true) {
      size_t a = damaged.size(), b = repaired.size();
      if (a == 0 || b == 0) break;
      if (PreviousCodePoint(damaged, a) != PreviousCodePoint(repaired, b)) break;
      std::optional<std::string> shorter = RepairMojibake(encoder, damaged.substr(0, a));
      if (!shorter.has_value() || *shorter != std::string_view(repaired).substr(0, b)) break;
      damaged = damaged.substr(0, a);
      repaired.resize(b);
    }
    return Run{begin, begin + damaged.size(), std::move(repaired)};
  }

  // Confirms the runs of one word (or one run outside words) and reports
  // them as one finding.
  void CheckWord(const RuleContext& context, std::span<const Run> runs,
                 std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    const size_t begin = runs.front().begin;
    const size_t end = runs.back().end;
    const Line& line = context.doc.lines()[context.doc.LineIndexAt(begin)];
    const size_t window_begin = WordBegin(text, begin, line.begin);
    const size_t window_end = WordEnd(text, end, line.end);
    // The window damaged and repaired, and where the runs sit in each.
    const std::string damaged(text.substr(window_begin, window_end - window_begin));
    std::string repaired;
    std::vector<std::pair<size_t, size_t>> in_damaged, in_repaired;
    size_t pos = window_begin;
    for (const Run& run : runs) {
      repaired.append(text.substr(pos, run.begin - pos));
      in_damaged.emplace_back(run.begin - window_begin, run.end - window_begin);
      in_repaired.emplace_back(repaired.size(), repaired.size() + run.repaired.size());
      repaired.append(run.repaired);
      pos = run.end;
    }
    repaired.append(text.substr(pos, window_end - pos));

    auto overlaps = [](const WordPiece& w, const std::vector<std::pair<size_t, size_t>>& spans) {
      for (const auto& [b, e] : spans) {
        if (w.begin < e && b < w.end) return true;
      }
      return false;
    };
    bool confirmed = true;
    std::string unconfirmed;
    bool touches_word = false;
    for (const WordPiece& w : Words(repaired)) {
      if (!overlaps(w, in_repaired)) continue;
      touches_word = true;
      const std::string_view word = std::string_view(repaired).substr(w.begin, w.end - w.begin);
      if (!HasLetter(word) || !SomeLanguageAccepts(context, word)) {
        confirmed = false;
        unconfirmed = std::string(word);
      }
    }
    if (touches_word) {
      // Text that a dictionary of its language accepts is not damaged.
      for (const WordPiece& w : Words(damaged)) {
        if (!overlaps(w, in_damaged)) continue;
        if (OutputLanguageAccepts(context,
                                  std::string_view(damaged).substr(w.begin, w.end - w.begin))) {
          confirmed = false;
        }
      }
    } else if (runs.size() != 1 || !IsSinglePunctuationOrSpace(runs.front().repaired)) {
      confirmed = false;
      unconfirmed = repaired;
    }

    Finding f = MakeFinding(begin, end);
    if (confirmed) {
      f.message = absl::StrCat("Mojibake `", damaged,
                               "` (UTF-8 read as Windows-1252 or Latin-1): repaired to `",
                               repaired, "`");
      for (const Run& run : runs) f.edits.push_back({run.begin, run.end, run.repaired});
    } else {
      f.message = absl::StrCat("Looks like mojibake: `", damaged, "` would read `", repaired,
                               "`, but no dictionary confirms `", unconfirmed, "`");
    }
    out->push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<StructuralRule> MakeMojibakeRule() { return std::make_unique<MojibakeRule>(); }

}  // namespace mtclean::internal
