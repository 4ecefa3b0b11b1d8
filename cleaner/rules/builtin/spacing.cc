// text.spacing
//
// What it does: four spacing and punctuation slips that machine translation
// and careless scraping leave in English text:
//  - a space before `, . ; : ! ?` (`said , and`): the space goes;
//  - no space after a comma or semicolon between two words
//    (`first,second`): a space is added (after `.`, `!` and `?` it is
//    text.missing-space's);
//  - two or more spaces between words on a line: one is kept (two after a
//    sentence's end are a typing habit and stay);
//  - a run of the same punctuation (`!!`, `??`, `,,`, `;;`, and `..` that is
//    not an ellipsis): one is kept.
//
// Confirmation: the dictionary confirms that the text around is prose, not
// code, an identifier or a name it cannot judge: the word before a removed
// space or a repeated mark, or one of the words around a doubled space,
// must be a dictionary word (or a number, or a closing quote or bracket);
// a space is added only between two dictionary words. What it cannot
// confirm stays a finding without an edit. Left alone: numbers (`3.5`,
// `1,200`), abbreviations (`U.S.`, `e.g.`, `a.m.`), web addresses, words in
// mixed case (`iPhone,iPad`), ellipses
// (`...`, `. . .`, ` ...`), emoticons (` :)`), leading indentation, trailing
// spaces (a Markdown line break), padding next to a table's `|` and lines
// aligned in columns (two or more runs of three spaces). A space before `; : ! ?` is French typography, so
// that check does not run on French text.
//
// Why: machine translation from French and Spanish keeps their spacing
// around punctuation, and scraped markup leaves gaps and doubled marks.
#include <memory>

#include "absl/strings/str_cat.h"
#include "cleaner/document/byte_search.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "cleaner/rules/word_evidence.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "text.spacing";
  d.severity = Severity::kInfo;
  d.message = "Spacing or punctuation slip";
  d.description =
      "A space before `, . ; : ! ?`, a missing space after a comma or "
      "semicolon between two words, doubled spaces between words, and "
      "runs of the same punctuation mark (`!!`, `..`). Fixed where the "
      "dictionary confirms the words around.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad, "The minister said , however , that talks would resume .\n",
       "The minister said, however, that talks would resume.\n"},
      {RuleExample::Kind::kBad, "They sold apples,pears and plums;nothing else.\n",
       "They sold apples, pears and plums; nothing else.\n"},
      {RuleExample::Kind::kBad, "The  council  approved the plan!!\n",
       "The council approved the plan!\n"},
      {RuleExample::Kind::kBad, "It was over.. Nobody said a word.\n",
       "It was over. Nobody said a word.\n"},
      {RuleExample::Kind::kOk,
       "Growth was 3.5 % on 1,200 sites in the U.S., e.g. in Ohio... or so ... she said.\n",
       ""},
      {RuleExample::Kind::kOk,
       "See www.example.org/news.Html or mail press@example.org :) today.\n", ""},
      {RuleExample::Kind::kOk, "Name     Votes     Share\nSmith    1,204     51.2\n", ""},
  };
  return d;
}

// Pattern indices of CandidatePatterns().
enum Candidate : size_t {
  kSpaceBefore = 0,
  kMissingAfterComma = 1,
  kDoubledSpace = 2,
  kPunctuationRun = 3,
};

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }
// The letter classes of the candidates (see FindCandidates()).
bool IsLowerCandidate(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0x24F); }
bool IsLetterCandidate(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F);
}

bool IsClosing(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == U'\u2019' ||
         c == U'\u201D' || c == U'\u00BB' || c == U'\u203A' || c == '%';
}

// True when a capital letter follows the first character of `word`.
bool HasInnerCapital(std::string_view word) {
  size_t i = 0;
  if (!word.empty()) NextCodePoint(word, i);
  while (i < word.size()) {
    if (IsUpper(NextCodePoint(word, i))) return true;
  }
  return false;
}

class SpacingRule : public StructuralRule {
 public:
  SpacingRule() : StructuralRule(Describe()) {}

  // One pass over the bytes finds what these regular expressions would
  // (each end with its leftmost start, as the scanner reports), where
  // L = [a-z\x{DF}-\x{24F}], A = [A-Za-z\x{C0}-\x{24F}]:
  //   kSpaceBefore        [ \t]+[,.;:!?]
  //   kMissingAfterComma  L L [,;] A A
  //   kDoubledSpace       two spaces
  //   kPunctuationRun     !! ?? ,, ;; ..
  // As scanner patterns they halved the speed of the whole scan: class
  // sequences give it no literal to anchor on. Here only the spaces and
  // marks are looked at, and the letters around a mark.
  void FindCandidates(std::string_view text, std::vector<RuleMatch>* out) const override {
    const size_t n = text.size();
    // Doubled spaces by a search for two spaces, punctuation marks by a
    // search for them; the candidates come out in the order of their first
    // byte either way.
    static const ByteSet kPunctuation(",.;:!?");
    size_t doubled = FindDoubled(text, 0, ' ');
    auto doubled_spaces_before = [&](size_t limit) {
      for (; doubled < limit && doubled < n; doubled = FindDoubled(text, doubled + 1, ' ')) {
        out->push_back({kDoubledSpace, doubled, doubled + 2});
      }
    };
    for (size_t i = kPunctuation.FindIn(text, 0); i < n; i = kPunctuation.FindIn(text, i + 1)) {
      doubled_spaces_before(i);
      const char c = text[i];
      if (i > 0 && IsSpaceOrTab(text[i - 1])) {
        size_t begin = i - 1;
        while (begin > 0 && IsSpaceOrTab(text[begin - 1])) --begin;
        out->push_back({kSpaceBefore, begin, i + 1});
      }
      if (c != ':') {
        if (i + 1 < n && text[i + 1] == c) out->push_back({kPunctuationRun, i, i + 2});
        // After a comma or semicolon: two lowercase letters before the
        // mark, two letters after it.
        if (c == ',' || c == ';') {
          size_t begin = i;
          size_t end = i + 1;
          auto before = [&](bool (*is)(char32_t)) {
            return begin > 0 && is(PreviousCodePoint(text, begin));
          };
          auto after = [&](bool (*is)(char32_t)) {
            return end < n && is(NextCodePoint(text, end));
          };
          if (before(IsLowerCandidate) && before(IsLowerCandidate) &&
              after(IsLetterCandidate) && after(IsLetterCandidate)) {
            out->push_back({kMissingAfterComma, begin, end});
          }
        }
      }
    }
    doubled_spaces_before(n);
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    size_t last_space_run = 0;
    size_t last_punctuation_run = 0;
    for (const RuleMatch& m : context.candidates) {
      if (context.doc.IsProtected(m.begin, m.end)) continue;
      switch (m.pattern) {
        case kSpaceBefore:
          SpaceBefore(context, m.begin, m.end, out);
          break;
        case kMissingAfterComma:
          MissingAfter(context, m.begin, m.end, out);
          break;
        case kDoubledSpace:
          if (m.begin >= last_space_run) last_space_run = DoubledSpace(context, m.begin, out);
          break;
        case kPunctuationRun:
          if (m.begin >= last_punctuation_run) {
            last_punctuation_run = PunctuationRun(context, m.begin, out);
          }
          break;
        default:
          break;
      }
    }
  }

 private:
  // True when the text ending at `end` is prose the dictionary confirms:
  // a dictionary word, a number, or a closing quote or bracket.
  static bool ConfirmedBefore(const RuleContext& context, size_t floor, size_t end) {
    const std::string_view text = context.doc.text();
    if (end <= floor) return false;
    size_t p = end;
    const char32_t last = PreviousCodePoint(text, p);
    if (IsClosing(last)) return true;
    const size_t begin = WordBegin(text, end, floor);
    const std::string_view word = text.substr(begin, end - begin);
    if (word.empty()) return false;
    size_t token_begin = begin;
    while (token_begin > floor && (IsDigit(static_cast<unsigned char>(text[token_begin - 1])) ||
                                   text[token_begin - 1] == '.' || text[token_begin - 1] == ',')) {
      --token_begin;
    }
    if (IsNumber(text.substr(token_begin, end - token_begin))) return true;
    return HasLetter(word) && OutputLanguageAccepts(context, word);
  }

  static bool ConfirmedAfter(const RuleContext& context, size_t begin, size_t ceiling) {
    const std::string_view text = context.doc.text();
    const size_t end = WordEnd(text, begin, ceiling);
    const std::string_view word = text.substr(begin, end - begin);
    if (word.empty()) return false;
    if (IsNumber(TokenAround(text, begin, end))) return true;
    return HasLetter(word) && OutputLanguageAccepts(context, word);
  }

  void SpaceBefore(const RuleContext& context, size_t begin, size_t end,
                   std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const size_t mark = end - 1;
    const char c = text[mark];
    if (context.language == "fr" && (c == ';' || c == ':' || c == '!' || c == '?')) return;
    const Line& line = doc.lines()[doc.LineIndexAt(begin)];
    if (begin <= line.begin) return;  // starts the line
    // The mark must end a token: `.NET`, `.45`, `:)` and `...` are not.
    const size_t after = mark + 1;
    if (after < line.end) {
      size_t n = after;
      const char32_t next = NextCodePoint(text, n);
      const bool ends_token = IsWhitespace(next) || IsClosing(next) ||
                              ((c == '?' || c == '!') && (next == '!' || next == '?'));
      if (!ends_token) return;
      // Emoticons: ` :)`, ` ;-)`.
      if ((c == ':' || c == ';') && (next == ')' || next == '(' || next == '-')) return;
      // A spaced ellipsis: ` . . .`
      if (c == '.' && after + 1 < line.end && text[after + 1] == '.') return;
    }
    size_t p = begin;
    const char32_t before = PreviousCodePoint(text, p);
    if (!IsWordChar(before) && !IsClosing(before)) return;
    Finding f = MakeFinding(begin, end);
    if (ConfirmedBefore(context, line.begin, begin)) {
      f.message = absl::StrCat("Space before `", std::string(1, c), "`: removed");
      f.edits.push_back({begin, mark, ""});
    } else {
      f.message = absl::StrCat("Space before `", std::string(1, c),
                               "` after a word no dictionary confirms: left as it is");
    }
    out->push_back(std::move(f));
  }

  void MissingAfter(const RuleContext& context, size_t begin, size_t end,
                    std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    // The mark sits after the two lower-case letters the pattern starts with.
    size_t mark = begin;
    while (mark < end && !(text[mark] == ',' || text[mark] == ';')) ++mark;
    if (mark >= end) return;
    const Line& line = doc.lines()[doc.LineIndexAt(mark)];
    const size_t left = WordBegin(text, mark, line.begin);
    const size_t right_end = WordEnd(text, mark + 1, line.end);
    const std::string_view first = text.substr(left, mark - left);
    const std::string_view second = text.substr(mark + 1, right_end - mark - 1);
    // Abbreviations and addresses: a mark or digit elsewhere in the token.
    std::string_view token = TokenAround(text, mark, mark + 1);
    while (!token.empty() && (IsPunctuationOrSymbol(static_cast<unsigned char>(token.back())) ||
                              token.back() == ')' || token.back() == '"')) {
      token.remove_suffix(1);
    }
    if (LooksLikeAddress(token)) return;
    for (size_t k = 0; k < token.size(); ++k) {
      const char t = token[k];
      const bool mark_or_digit = (t >= '0' && t <= '9') || t == '.' || t == ',' || t == ';' ||
                                 t == '!' || t == '?' || t == ':';
      if (mark_or_digit && token.data() + k != text.data() + mark) return;
    }
    if (!IsAllLetters(first) || !IsAllLetters(second)) return;
    // Mixed case inside a word (`iPhone`, `NeXT`) is a name or identifier.
    if (HasInnerCapital(first) || HasInnerCapital(second)) return;
    Finding f = MakeFinding(left, right_end);
    const std::string mark_text(1, text[mark]);
    if (OutputLanguageAccepts(context, first) && OutputLanguageAccepts(context, second)) {
      f.message = absl::StrCat("No space after `", mark_text, "` in `",
                               std::string(text.substr(left, right_end - left)), "`: added");
      f.edits.push_back({mark + 1, mark + 1, " "});
    } else {
      f.message = absl::StrCat("No space after `", mark_text, "` in `",
                               std::string(text.substr(left, right_end - left)),
                               "`, but no dictionary confirms both words: left as it is");
    }
    out->push_back(std::move(f));
  }

  // Returns the end of the run of spaces that starts at or before `at`.
  size_t DoubledSpace(const RuleContext& context, size_t at, std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const Line& line = doc.lines()[doc.LineIndexAt(at)];
    size_t begin = at;
    while (begin > line.begin && text[begin - 1] == ' ') --begin;
    size_t end = at;
    while (end < line.end && text[end] == ' ') ++end;
    if (end - begin < 2) return end;
    // Indentation (a run that starts before the line's content, which in
    // Markdown begins after its markup and indentation), trailing spaces.
    if (begin <= line.begin || end >= line.end) return end;
    if (IsSpaceOrTab(text[begin - 1]) || IsSpaceOrTab(text[end])) return end;
    if (text[begin - 1] == '|' || text[end] == '|') return end;  // table cell padding
    // Two spaces after a full stop, `!` or `?` are a typist's habit, not a
    // slip: the sentence break is right.
    if (text[begin - 1] == '.' || text[begin - 1] == '!' || text[begin - 1] == '?') return end;
    if (AlignedInColumns(doc.LineText(doc.LineIndexAt(at)))) return end;
    Finding f = MakeFinding(begin, end);
    if (ConfirmedBefore(context, line.begin, begin) || ConfirmedAfter(context, end, line.end)) {
      f.message = "Doubled space: collapsed to one";
      f.edits.push_back({begin + 1, end, ""});
    } else {
      f.message = "Doubled space between words no dictionary confirms: left as it is";
    }
    out->push_back(std::move(f));
    return end;
  }

  // Lines set in columns with runs of spaces (results tables).
  static bool AlignedInColumns(std::string_view line) {
    int runs = 0;
    size_t i = 0;
    while (i < line.size()) {
      if (line[i] != ' ') {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < line.size() && line[j] == ' ') ++j;
      if (j - i >= 3 && i > 0) ++runs;
      i = j;
    }
    return runs >= 2;
  }

  // Returns the end of the run of marks that starts at or before `at`.
  size_t PunctuationRun(const RuleContext& context, size_t at, std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const char c = text[at];
    const Line& line = doc.lines()[doc.LineIndexAt(at)];
    size_t begin = at;
    while (begin > line.begin && text[begin - 1] == c) --begin;
    size_t end = at;
    while (end < line.end && text[end] == c) ++end;
    if (c == '.') {
      if (end - begin != 2) return end;  // an ellipsis
      // `../`, `1..10`, and spaced ellipses (`. ..`) are not slips.
      if (end < line.end && (text[end] == '/' || text[end] == '\\' || IsDigit(text[end]))) {
        return end;
      }
      if (begin > line.begin && text[begin - 1] == ' ' && begin >= line.begin + 2 &&
          text[begin - 2] == '.') {
        return end;
      }
      if (end + 1 < line.end && text[end] == ' ' && text[end + 1] == '.') return end;
      if (LooksLikeAddress(TokenAround(text, begin, end))) return end;
    }
    Finding f = MakeFinding(begin, end);
    const std::string run(text.substr(begin, end - begin));
    if (ConfirmedBefore(context, line.begin, begin)) {
      f.message = absl::StrCat("Repeated `", run, "`: one kept");
      f.edits.push_back({begin + 1, end, ""});
    } else {
      f.message = absl::StrCat("Repeated `", run, "` after a word no dictionary confirms");
    }
    out->push_back(std::move(f));
    return end;
  }
};

}  // namespace

std::unique_ptr<StructuralRule> MakeSpacingRule() { return std::make_unique<SpacingRule>(); }

}  // namespace mtclean::internal
