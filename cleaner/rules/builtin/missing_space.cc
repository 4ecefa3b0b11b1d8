// text.missing-space
//
// What it does: finds a sentence that runs into the next one without a
// space (`the government.As a result`, `dijo.Los precios`, `said.A
// spokesman`): a word that ends in two lower-case letters, then `.`, `!`
// or `?`, then at once a word that starts with a capital. Scrapers lose
// the break when they join two paragraphs or lines, machine translation
// when it drops the space it was given. The space is put back.
//
// Confirmation: the dictionary of the document's language must accept
// both words, the one after the mark as written or with its capital
// lowered; a word of one capital letter (`A`, Spanish `Y`, Portuguese `O`)
// must be one of the language's function words
// (dictionaries/<lang>/function-words.txt). Two words of letters the
// dictionary does not confirm are reported without an edit. Left alone,
// not even reported: what has the shape of a name, an address or code
// rather than two sentences. That is a token (the run of text between
// spaces) that holds another mark or a digit (`U.S.Army`, `e.g.The`,
// `9 a.m.Sharp`, `v2.Beta`, `news.Example.com`), an address or path
// (`://`, `www.`, `@`, `/`, `\`) or an identifier's `_`, `=` or `#`; a
// word in mixed case (`iPhone.Next`, `eBay.Com`); a capitalised ending of
// file and host names (`Report.Pdf`, `Amazon.Com`,
// dictionaries/file-and-host-endings.txt); a word followed by `(` (a call,
// `file.Close()`); and the Document's protected regions (Markdown code,
// links, URLs, front matter). A lower-case word after the mark
// (`example.com`, `Node.js`) is no candidate at all.
//
// Why: a lost sentence break reads as a typo, and it hides both words from
// every later check that works on words or sentences.
#include <cstdint>
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
  d.id = "text.missing-space";
  d.severity = Severity::kWarning;
  d.message = "No space after the end of a sentence";
  d.description =
      "A word, then `.`, `!` or `?`, then at once a capitalised word "
      "(`government.As`): the space is added when the dictionary accepts "
      "both words. Abbreviations, numbers, addresses, file names and names "
      "in mixed case (`U.S.Army`, `example.Com`, `Report.Pdf`, `iPhone.Next`) "
      "are left alone.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "The plan was approved by the government.As a result, prices fell.\n",
       "The plan was approved by the government. As a result, prices fell.\n"},
      {RuleExample::Kind::kBad, "Talks resumed on Monday.Nobody expected it!Then he said.A deal.\n",
       "Talks resumed on Monday. Nobody expected it! Then he said. A deal.\n"},
      {RuleExample::Kind::kOk,
       "The U.S.Army and e.g.The case, at 9 a.m.Sharp, version 2.Beta and the iPhone.Next.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Download Report.Pdf from www.example.org/News.Html, see Amazon.Com or mail "
       "press@Example.org; node.js and file_name.Txt stay.\n",
       ""},
      {RuleExample::Kind::kBad, "El plan fue aprobado por el gobierno.Los precios bajaron.\n",
       "El plan fue aprobado por el gobierno. Los precios bajaron.\n", "es"},
      {RuleExample::Kind::kOk,
       "En EE.UU.Después lo confirmó el Dr.Pérez; el archivo Informe.Pdf sigue igual.\n", "",
       "es"},
      {RuleExample::Kind::kBad, "Le projet a été adopté par le conseil.Les prix ont baissé.\n",
       "Le projet a été adopté par le conseil. Les prix ont baissé.\n", "fr"},
      {RuleExample::Kind::kOk, "Le site Example.Com et le fichier Rapport.Pdf restent.\n", "",
       "fr"},
      {RuleExample::Kind::kBad, "Der Plan wurde von der Regierung beschlossen.Die Preise sanken.\n",
       "Der Plan wurde von der Regierung beschlossen. Die Preise sanken.\n", "de"},
      {RuleExample::Kind::kOk,
       "Das gilt z.B.Für die Bahn; die Datei Bericht.Pdf und der Dienst Web.Net bleiben.\n", "",
       "de"},
      {RuleExample::Kind::kBad,
       "Il piano è stato approvato dal governo.La decisione è arrivata ieri.\n",
       "Il piano è stato approvato dal governo. La decisione è arrivata ieri.\n", "it"},
      {RuleExample::Kind::kOk, "Il file Bilancio.Xlsx e il sito Comune.Net restano.\n", "",
       "it"},
      {RuleExample::Kind::kBad, "O plano foi aprovado pelo governo.Os preços caíram.\n",
       "O plano foi aprovado pelo governo. Os preços caíram.\n", "pt"},
      {RuleExample::Kind::kOk, "O relatório Contas_2024.Pdf e o site Governo.Gov ficam.\n", "",
       "pt"},
  };
  return d;
}

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }
bool IsSentenceMark(char c) { return c == '.' || c == '!' || c == '?'; }
// The letter classes of the candidates (see FindCandidates()).
bool IsLowerCandidate(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0x24F); }

// True when every character of `word` is a letter or an apostrophe (which
// WordBegin and WordEnd keep only between letters), and there is one.
bool IsLettersAndApostrophes(std::string_view word) {
  if (word.empty()) return false;
  size_t i = 0;
  while (i < word.size()) {
    const char32_t c = NextCodePoint(word, i);
    if (!IsLetter(c) && !IsApostrophe(c)) return false;
  }
  return true;
}

// True when a capital letter follows the first character of `word`, other
// than the one after an apostrophe (French `L'État` is one word).
bool HasInnerCapital(std::string_view word) {
  size_t i = 0;
  if (!word.empty()) NextCodePoint(word, i);
  bool after_apostrophe = false;
  while (i < word.size()) {
    const char32_t c = NextCodePoint(word, i);
    if (IsUpper(c) && !after_apostrophe) return true;
    after_apostrophe = IsApostrophe(c);
  }
  return false;
}

// `word` with its first letter lowered, for the capitals of Latin-1
// (`As` -> `as`, `Über` -> `über`): their lower case is the same in every
// language mtclean checks.
std::string LowerFirst(std::string_view word) {
  size_t i = 0;
  const char32_t c = NextCodePoint(word, i);
  std::string out;
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
    AppendUtf8(c + 0x20, &out);
  } else {
    AppendUtf8(c, &out);
  }
  out.append(word.substr(i));
  return out;
}

class MissingSpaceRule : public StructuralRule {
 public:
  MissingSpaceRule() : StructuralRule(Describe()) {}

  // One pass over the bytes finds what this regular expression would (each
  // end with its leftmost start, as the scanner reports):
  //   [a-z\x{DF}-\x{24F}][a-z\x{DF}-\x{24F}][.!?][A-Z\x{C0}-\x{DE}]
  // As a scanner pattern, a sequence of classes with no literal to anchor
  // on slows the one scan of every rule. Here only the marks are looked
  // at: a mark followed by an ASCII capital or by 0xC3 (the first byte of
  // U+00C0 to U+00FF), and then the two letters before it.
  void FindCandidates(std::string_view text, std::vector<RuleMatch>* out) const override {
    static const ByteSet kMarks(".!?");
    const size_t n = text.size();
    for (size_t i = kMarks.FindIn(text, 0); i + 1 < n; i = kMarks.FindIn(text, i + 1)) {
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      size_t end = i + 1;
      if (next >= 'A' && next <= 'Z') {
        end = i + 2;
      } else if (next == 0xC3 && i + 2 < n &&
                 static_cast<unsigned char>(text[i + 2]) >= 0x80 &&
                 static_cast<unsigned char>(text[i + 2]) <= 0x9E) {
        end = i + 3;  // U+00C0 to U+00DE
      } else {
        continue;
      }
      size_t begin = i;
      if (begin == 0 || !IsLowerCandidate(PreviousCodePoint(text, begin))) continue;
      if (begin == 0 || !IsLowerCandidate(PreviousCodePoint(text, begin))) continue;
      out->push_back({0, begin, end});
    }
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const std::string_view text = context.doc.text();
    for (const RuleMatch& m : context.candidates) {
      size_t mark = m.begin;
      while (mark < m.end && !IsSentenceMark(text[mark])) ++mark;
      if (mark < m.end) CheckMark(context, mark, out);
    }
  }

 private:
  void CheckMark(const RuleContext& context, size_t mark, std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const Line& line = doc.lines()[doc.LineIndexAt(mark)];
    const size_t left = WordBegin(text, mark, line.begin);
    const size_t right_end = WordEnd(text, mark + 1, line.end);
    if (doc.IsProtected(left, right_end)) return;
    const std::string_view first = text.substr(left, mark - left);
    const std::string_view second = text.substr(mark + 1, right_end - mark - 1);
    if (!IsLettersAndApostrophes(first) || !IsLettersAndApostrophes(second)) return;
    if (HasInnerCapital(first) || HasInnerCapital(second)) return;
    if (!TokenIsProse(text, mark, line)) return;
    // A call (`file.Close()`).
    if (right_end < line.end && text[right_end] == '(') return;
    if (context.words.IsFileOrHostEnding(second)) return;
    // One capital letter: a word only as one of the language's function
    // words, and then followed by a space (`said.A spokesman`; not
    // `Plan.B` or `vitamin.C`).
    if (CodePointCount(second) == 1) {
      if (right_end >= line.end || !IsSpaceOrTab(text[right_end])) return;
      const int language = context.profiles.IndexOf(context.language);
      if (language < 0 ||
          (context.profiles.Mask(LowercaseHash(second)) & (uint32_t{1} << language)) == 0) {
        return;
      }
    }

    const std::string shown(text.substr(left, right_end - left));
    const std::string mark_text(1, text[mark]);
    Finding f = MakeFinding(left, right_end);
    if (OutputLanguageAccepts(context, first) &&
        (OutputLanguageAccepts(context, second) ||
         OutputLanguageAccepts(context, LowerFirst(second)))) {
      f.message = absl::StrCat("No space after `", mark_text, "` in `", shown, "`: added");
      f.edits.push_back({mark + 1, mark + 1, " "});
    } else {
      f.message = absl::StrCat("No space after `", mark_text, "` in `", shown,
                               "`, but no dictionary confirms both words: left as it is");
    }
    out->push_back(std::move(f));
  }

  // False when the token around the mark has the shape of an abbreviation,
  // a number, an address, a path or an identifier rather than two words:
  // another mark or a digit in it (closing punctuation at its end aside),
  // or one of `://`, `www.`, `@`, `/`, `\`, `_`, `=`, `#`.
  static bool TokenIsProse(std::string_view text, size_t mark, const Line& line) {
    std::string_view token = TokenAround(text, mark, mark + 1);
    // Not beyond the line (a token never holds a line break, but the
    // line's content may start after Markdown markup).
    const size_t token_begin = static_cast<size_t>(token.data() - text.data());
    if (token_begin < line.begin) token.remove_prefix(line.begin - token_begin);
    while (!token.empty() && (IsPunctuationOrSymbol(static_cast<unsigned char>(token.back())) ||
                              token.back() == ')' || token.back() == '"')) {
      token.remove_suffix(1);
    }
    if (LooksLikeAddress(token)) return false;
    for (size_t k = 0; k < token.size(); ++k) {
      const char t = token[k];
      if (token.data() + k == text.data() + mark) continue;
      if ((t >= '0' && t <= '9') || t == '.' || t == ',' || t == ';' || t == '!' || t == '?' ||
          t == ':' || t == '_' || t == '=' || t == '#') {
        return false;
      }
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<StructuralRule> MakeMissingSpaceRule() {
  return std::make_unique<MissingSpaceRule>();
}

}  // namespace mtclean::internal
