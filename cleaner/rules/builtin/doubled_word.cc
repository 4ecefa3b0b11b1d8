// text.doubled-word
//
// What it does: finds a word written twice in a row with only spaces or a
// line break between (`the the`, `to\nto`), case-insensitively, and removes
// the second one.
//
// Confirmation: the word must be one the dictionary of the document's
// language accepts (a doubled unknown word is reported without an edit),
// and the allow-list dictionaries/<lang>/doubled-words.txt must not allow
// it: `had had` and `that that` anywhere, `is is` only after `what` or `all`
// earlier in the sentence (`What it is is a delay`), and particles such as
// `in in` (`brought in in May`) are reported but never removed. A second
// word that starts with a capital (`Bora Bora`, `Duran Duran`) is a name
// and is left alone, as are numbers. The rule runs on languages that have
// an allow-list (English so far): without one, legitimate doublings
// (French `nous nous`, German `die die`) would be removed.
//
// Why: machine translation and editing in a hurry both leave doubled
// function words, which a reader sees at once.
#include <array>
#include <memory>

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
      "that`, `is is` after `what`).";
  d.languages = {"en"};
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
  // apostrophe or a character beyond ASCII.
  void CheckBlock(const RuleContext& context, const Block& block,
                  std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    bool have_previous = false;
    WordSpan previous{0, 0};
    // Where the current sentence starts: tracked as the words go by, so
    // that finding it costs nothing per pair.
    size_t sentence = block.begin;
    size_t i = block.begin;
    while (i < block.end) {
      const ByteClass kind = ClassOf(text[i]);
      if (kind == kWhitespace) {
        ++i;
        continue;
      }
      if (kind == kSentenceEnd) {
        have_previous = false;
        if (i + 1 < block.end && (text[i + 1] == ' ' || text[i + 1] == '\n')) sentence = i + 1;
        ++i;
        continue;
      }
      if (kind == kOther || kind == kUnderscore) {
        // Anything but whitespace between two words ends the chance.
        have_previous = false;
        ++i;
        continue;
      }
      if (kind == kBeyondAscii) {
        size_t next = i;
        if (!IsWordChar(NextCodePoint(text, next))) {
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
        CheckPair(context, block, sentence, previous, word, out);
      }
      previous = word;
      have_previous = true;
      i = word.end;
    }
  }

  void CheckPair(const RuleContext& context, const Block& block, size_t sentence,
                 const WordSpan& first, const WordSpan& second,
                 std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const std::string_view word = text.substr(second.begin, second.end - second.begin);
    if (!HasLetter(word) || StartsUpper(word)) return;  // numbers, names
    // The word before the pair, if joined by a hyphen, makes a compound
    // (`so-so so`): not a plain doubling.
    if (first.begin > block.begin && text[first.begin - 1] == '-') return;
    if (second.end < block.end && text[second.end] == '-') return;
    if (doc.IsProtected(first.begin, second.end)) return;

    // The sentence before the pair, for the allow-list's positions (`What
    // it is is`): its last kSentenceWindow bytes at most, so that a sentence
    // of many doubled words costs linear time.
    constexpr size_t kSentenceWindow = 300;
    if (first.begin - sentence > kSentenceWindow) {
      sentence = first.begin - kSentenceWindow;
      while (sentence < first.begin && (static_cast<unsigned char>(text[sentence]) & 0xC0) == 0x80) {
        ++sentence;  // not inside a UTF-8 sequence
      }
    }
    const Doubling judged =
        context.words.JudgeDoubled(word, text.substr(sentence, first.begin - sentence));
    if (judged == Doubling::kAllowed) return;

    const std::string pair(text.substr(first.begin, second.end - first.begin));
    Finding f = MakeFinding(first.begin, second.end);
    if (judged == Doubling::kUnsure) {
      f.message = absl::StrCat("Word written twice: `", pair,
                               "` (may be right after a phrasal verb; check it)");
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
