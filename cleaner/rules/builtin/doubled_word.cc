// text.doubled-word
//
// What it does: finds a word written twice in a row with only spaces or a
// line break between (`the the`, `to\nto`, `el el`, `in\nin`),
// case-insensitively, and removes the second one.
//
// Confirmation: the word must be one the dictionary of the document's
// language accepts (a doubled unknown word is reported without an edit),
// and the allow-list dictionaries/<lang>/doubled-words.txt must not allow
// it: `had had` and `that that` anywhere, `is is` only after `what` or `all`
// earlier in the sentence (`What it is is a delay`), and particles such as
// `in in` (`brought in in May`) are reported but never removed. Every
// language mtclean has a dictionary for has such a list (en, es, fr, de,
// it, pt): the reflexive `nous nous`, the German relative pronoun before
// an article (`die die`), Italian `piano piano` are allowed. A second
// word that starts with a capital (`Bora Bora`, `Duran Duran`) is a name
// and is left alone, as are numbers. A word written three or more times
// in a row (`la la la`, `ha ha ha`) is a chant or a sound more often than
// a slip: it is reported, never cut.
//
// Why: machine translation and editing in a hurry both leave doubled
// function words, which a reader sees at once.
#include <array>
#include <memory>
#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "cleaner/rules/word_evidence.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "text.doubled-word";
  d.severity = Severity::kWarning;
  d.message = "Word written twice in a row";
  d.description =
      "A dictionary word repeated with only whitespace between (also across "
      "a line break): the repeat is removed unless "
      "dictionaries/<lang>/doubled-words.txt allows it (`had had`, `that "
      "that`, `is is` after `what`, French `nous nous`, German `die die`). "
      "Three or more in a row (`la la la`) are only reported.";
  d.languages = {"de", "en", "es", "fr", "it", "pt"};
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad, "The the council voted to to approve the plan.\n",
       "The council voted to approve the plan.\n"},
      {RuleExample::Kind::kBad, "Officials said the\nthe bridge would reopen.\n",
       "Officials said the\nbridge would reopen.\n"},
      {RuleExample::Kind::kBad, "The problem is is that nobody came.\n",
       "The problem is that nobody came.\n"},
      {RuleExample::Kind::kOk,
       "She had had enough. He said that that was final. What it is is a delay.\n", ""},
      {RuleExample::Kind::kOk, "They flew to Bora Bora and then to Baden-Baden.\n", ""},
      {RuleExample::Kind::kOk, "Scores were 2 2 and 1 1 in the group.\n", ""},
      {RuleExample::Kind::kBad, "El el ministro dijo que la la reforma llegará en marzo.\n",
       "El ministro dijo que la reforma llegará en marzo.\n", "es"},
      {RuleExample::Kind::kOk, "Lo que ella es es una promesa. Muy muy pronto, sí sí.\n", "",
       "es"},
      {RuleExample::Kind::kBad, "El público cantó la la la hasta el final.\n",
       "El público cantó la la la hasta el final.\n", "es"},
      {RuleExample::Kind::kBad, "Le le conseil a voté de de nouvelles règles.\n",
       "Le conseil a voté de nouvelles règles.\n", "fr"},
      {RuleExample::Kind::kOk,
       "Nous nous sommes vus, et vous vous êtes trompés. Oh la la, très très loin.\n", "",
       "fr"},
      {RuleExample::Kind::kBad, "Die Regierung will und und kann das Gesetz im im Mai ändern.\n",
       "Die Regierung will und kann das Gesetz im Mai ändern.\n", "de"},
      {RuleExample::Kind::kOk,
       "Die Frau, die die Zeitung liest, sagte, dass sie sie gesehen hat. Das Kind, das das "
       "Buch hat, lacht.\n",
       "", "de"},
      {RuleExample::Kind::kBad, "Il il museo ha riaperto di di nuovo in\nin primavera.\n",
       "Il museo ha riaperto di nuovo in\nprimavera.\n", "it"},
      {RuleExample::Kind::kOk,
       "Piano piano la mostra cresce, e via via che arrivano i visitatori la sala è quasi "
       "quasi piena.\n",
       "", "it"},
      {RuleExample::Kind::kBad, "O o governo entregou a a proposta ao ao parlamento.\n",
       "O governo entregou a proposta ao parlamento.\n", "pt"},
      {RuleExample::Kind::kOk,
       "Não sei se se trata de um erro, mas volto já já. Muito muito obrigado.\n", "", "pt"},
  };
  return d;
}

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

// What a byte is to CheckBlock.
enum ByteClass : unsigned char {
  kOther,        // ASCII between words that is not whitespace
  kWhitespace,   // space, tab, line break
  kSentenceEnd,  // . ! ?
  kUnderscore,   // goes on with a word (IsWordChar) but does not start one
  kWordStart,    // ASCII letters and digits
  kBeyondAscii,  // a byte of a multi-byte character
};
constexpr std::array<ByteClass, 256> kByteClass = [] {
  std::array<ByteClass, 256> table{};
  for (int c = 0x80; c < 0x100; ++c) table[c] = kBeyondAscii;
  for (int c : {' ', '\t', '\n', '\r'}) table[c] = kWhitespace;
  for (int c : {'.', '!', '?'}) table[c] = kSentenceEnd;
  table['_'] = kUnderscore;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kWordStart;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kWordStart;
  for (int c = '0'; c <= '9'; ++c) table[c] = kWordStart;
  return table;
}();
ByteClass ClassOf(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

struct WordSpan {
  size_t begin;
  size_t end;
};

class DoubledWordRule : public StructuralRule {
 public:
  DoubledWordRule() : StructuralRule(Describe()) {}

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    for (const Block& block : context.doc.blocks()) CheckBlock(context, block, out);
  }

 private:
  // One pass over the block's words; a doubling is two neighbours with only
  // spaces, tabs and line breaks between them. ASCII words are read here
  // byte by byte; WordEnd() takes over where a word goes on with an
  // apostrophe or a character beyond ASCII. Equal neighbours make a run,
  // judged when it ends: two words as a pair, more as a chant.
  void CheckBlock(const RuleContext& context, const Block& block,
                  std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    bool have_previous = false;
    WordSpan previous{0, 0};
    // The current run of equal words: its first word and its length.
    WordSpan run_first{0, 0};
    size_t run_length = 0;
    // Where the current sentence starts: tracked as the words go by, so
    // that finding it costs nothing per pair.
    size_t sentence = block.begin;
    auto end_run = [&] {
      if (run_length == 2) {
        CheckPair(context, block, sentence, run_first, previous, out);
      } else if (run_length > 2) {
        CheckRun(context, block, sentence, run_first, previous, run_length, out);
      }
      run_length = 0;
    };
    size_t i = block.begin;
    while (i < block.end) {
      const ByteClass kind = ClassOf(text[i]);
      if (kind == kWhitespace) {
        ++i;
        continue;
      }
      if (kind == kSentenceEnd) {
        end_run();
        have_previous = false;
        if (i + 1 < block.end && (text[i + 1] == ' ' || text[i + 1] == '\n')) sentence = i + 1;
        ++i;
        continue;
      }
      if (kind == kOther || kind == kUnderscore) {
        // Anything but whitespace between two words ends the chance.
        end_run();
        have_previous = false;
        ++i;
        continue;
      }
      if (kind == kBeyondAscii) {
        size_t next = i;
        if (!IsWordChar(NextCodePoint(text, next))) {
          end_run();
          have_previous = false;
          i = next;
          continue;
        }
      }
      size_t end = i + 1;
      while (end < block.end && (ClassOf(text[end]) == kWordStart ||
                                 ClassOf(text[end]) == kUnderscore)) {
        ++end;
      }
      if (end < block.end && (ClassOf(text[end]) == kBeyondAscii || text[end] == '\'')) {
        end = WordEnd(text, i, block.end);
      }
      const WordSpan word{i, end};
      if (have_previous && previous.end - previous.begin == word.end - word.begin &&
          absl::EqualsIgnoreCase(
              absl::string_view(text.data() + previous.begin, previous.end - previous.begin),
              absl::string_view(text.data() + word.begin, word.end - word.begin))) {
        if (run_length == 0) {
          run_first = previous;
          run_length = 1;
        }
        ++run_length;
      } else {
        end_run();
      }
      previous = word;
      have_previous = true;
      i = word.end;
    }
    end_run();
  }

  // How the allow-list judges the run that starts with `first` and repeats
  // `word`, or nullopt when the run is no doubling to judge: numbers,
  // names (the repeat starts with a capital), compounds (`so-so so`),
  // protected text. `last` is the run's last word.
  static std::optional<Doubling> Judge(const RuleContext& context, const Block& block,
                                       size_t sentence, const WordSpan& first,
                                       const WordSpan& second, const WordSpan& last) {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const std::string_view word = text.substr(second.begin, second.end - second.begin);
    if (!HasLetter(word) || StartsUpper(word)) return std::nullopt;  // numbers, names
    // The word before the run, if joined by a hyphen, makes a compound
    // (`so-so so`): not a plain doubling.
    if (first.begin > block.begin && text[first.begin - 1] == '-') return std::nullopt;
    if (last.end < block.end && text[last.end] == '-') return std::nullopt;
    if (doc.IsProtected(first.begin, last.end)) return std::nullopt;

    // The sentence before the run, for the allow-list's positions (`What
    // it is is`): its last kSentenceWindow bytes at most, so that a sentence
    // of many doubled words costs linear time.
    constexpr size_t kSentenceWindow = 300;
    if (first.begin - sentence > kSentenceWindow) {
      sentence = first.begin - kSentenceWindow;
      while (sentence < first.begin && (static_cast<unsigned char>(text[sentence]) & 0xC0) == 0x80) {
        ++sentence;  // not inside a UTF-8 sequence
      }
    }
    return context.words.JudgeDoubled(word, text.substr(sentence, first.begin - sentence));
  }

  // Three or more equal words in a row (`la la la`, `ha ha ha`): a chant
  // or a sound more often than a slip, so never cut; reported unless the
  // allow-list allows the word.
  void CheckRun(const RuleContext& context, const Block& block, size_t sentence,
                const WordSpan& first, const WordSpan& last, size_t length,
                std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    // The second word of the run: the first one after `first`.
    size_t second_begin = first.end;
    while (ClassOf(text[second_begin]) == kWhitespace) ++second_begin;
    const WordSpan second{second_begin, second_begin + (first.end - first.begin)};
    const std::optional<Doubling> judged = Judge(context, block, sentence, first, second, last);
    if (!judged.has_value() || *judged == Doubling::kAllowed) return;
    Finding f = MakeFinding(first.begin, last.end);
    f.message = absl::StrCat("Word written ", length, " times in a row: ",
                             QuoteExcerpt(text.substr(first.begin, last.end - first.begin)),
                             " (a chant or a sound? left as it is)");
    out->push_back(std::move(f));
  }

  void CheckPair(const RuleContext& context, const Block& block, size_t sentence,
                 const WordSpan& first, const WordSpan& second,
                 std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const std::string_view word = text.substr(second.begin, second.end - second.begin);
    const std::optional<Doubling> found = Judge(context, block, sentence, first, second, second);
    if (!found.has_value()) return;
    const Doubling judged = *found;
    if (judged == Doubling::kAllowed) return;

    const std::string pair(text.substr(first.begin, second.end - first.begin));
    Finding f = MakeFinding(first.begin, second.end);
    if (judged == Doubling::kUnsure) {
      f.message = absl::StrCat("Word written twice: `", pair,
                               "` (may be legitimate here: check it)");
      out->push_back(std::move(f));
      return;
    }
    if (!OutputLanguageAccepts(context, word)) {
      f.message = absl::StrCat("Word written twice: `", pair,
                               "` (not a dictionary word: left as it is)");
      out->push_back(std::move(f));
      return;
    }
    f.message = absl::StrCat("Word written twice: `", pair, "`: the repeat removed");
    // Remove the second word with the spaces after it when more text follows
    // on its line, else with the whitespace before it.
    const size_t line_end = doc.lines()[doc.LineIndexAt(second.begin)].end;
    size_t after = second.end;
    while (after < line_end && IsSpaceOrTab(text[after])) ++after;
    if (after > second.end && after < line_end) {
      f.edits.push_back({second.begin, after, ""});
    } else {
      f.edits.push_back({first.end, second.end, ""});
    }
    out->push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<StructuralRule> MakeDoubledWordRule() {
  return std::make_unique<DoubledWordRule>();
}

}  // namespace mtclean::internal
