// text.hyphen-split
//
// What it does: finds a word split by a hyphen followed by a space
// (`inter- national`, from a line break that a later step flattened) or by
// a hyphen at the end of a line (`transla-` / `tion`, from print or PDF
// hyphenation), and joins it.
//
// Confirmation: the halves are joined (`translation`) only when the joined
// word is in the dictionary of the document's language and the two halves
// are not both words; `well- known` becomes `well-known` when the compound
// is in dictionaries/<lang>/hyphenated.txt (Hunspell accepts any two words
// joined by a hyphen, so it cannot say which compounds take one). Two words
// that also join into a word (`inter- national`: `inter` is a verb) are
// reported without an edit, as is a space after the hyphen between two
// words that no list confirms. Suspended hyphens (`pre- and post-war`,
// `small- to medium-sized`), unknown words and names are left alone, and so
// is a compound wrapped at its own hyphen (`well-` / `known`).
//
// Why: hyphenation of the printed or paginated source survives scraping and
// machine translation, splitting words that then fail every later check.
#include <memory>

#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "cleaner/rules/word_evidence.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "text.hyphen-split";
  d.severity = Severity::kWarning;
  d.message = "Word split by a hyphen";
  d.description =
      "A hyphen followed by a space or a line break inside a word "
      "(`transla- tion`): joined when the dictionary knows the joined word "
      "and the halves are not both words; `well- known` becomes `well-known` "
      "when the compound is in dictionaries/<lang>/hyphenated.txt.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad, "The transla- tion was approved by the govern- ment.\n",
       "The translation was approved by the government.\n"},
      {RuleExample::Kind::kBad, "The minister called for nego-\ntiations on Friday.\n",
       "The minister called for negotiations on Friday.\n"},
      {RuleExample::Kind::kBad, "A well- known economist and a so- called expert spoke.\n",
       "A well-known economist and a so-called expert spoke.\n"},
      {RuleExample::Kind::kOk,
       "Both pre- and post-war records, and small- to medium-sized firms.\n", ""},
      {RuleExample::Kind::kOk, "The long-\nawaited report on the state-\nowned bank.\n", ""},
      {RuleExample::Kind::kOk, "Jean- Pierre and COVID- 19 are not split words.\n", ""},
  };
  return d;
}

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

// Words after `from` to look at for a suspended hyphen.
constexpr int kSuspendedLookahead = 4;

class HyphenSplitRule : public StructuralRule {
 public:
  HyphenSplitRule() : StructuralRule(Describe()) {}

  std::vector<PatternSpec> CandidatePatterns() const override {
    // A letter, a hyphen, then spaces (or a line break) and a lower-case
    // letter. Latin letters with diacritics are in the classes too.
    PatternSpec split;
    split.text =
        "[A-Za-z\\x{C0}-\\x{24F}]-(?:[ \\t]+|[ \\t]*\\r?\\n[ \\t]*)[a-z\\x{DF}-\\x{24F}]";
    split.literal = false;
    split.caseless = false;
    split.origin = "built-in rule text.hyphen-split";
    return {split};
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const std::string_view text = context.doc.text();
    for (const RuleMatch& m : context.candidates) {
      const size_t hyphen = text.find('-', m.begin);
      if (hyphen == std::string_view::npos || hyphen >= m.end) continue;
      CheckSplit(context, hyphen, out);
    }
  }

 private:
  void CheckSplit(const RuleContext& context, size_t hyphen, std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const size_t line_index = doc.LineIndexAt(hyphen);
    const size_t block = doc.BlockOfLine(line_index);
    if (block == Document::kNoBlock) return;
    const Line& line = doc.lines()[line_index];
    // The left half: letters up to the hyphen, not itself part of a
    // hyphenated compound.
    const size_t left = WordBegin(text, hyphen, line.begin);
    if (left > line.begin && text[left - 1] == '-') return;
    const std::string_view first = text.substr(left, hyphen - left);
    if (!IsAllLetters(first)) return;
    // The gap and the right half.
    size_t right = hyphen + 1;
    bool line_break = false;
    while (right < doc.blocks()[block].end &&
           (IsSpaceOrTab(text[right]) || text[right] == '\r' || text[right] == '\n')) {
      line_break = line_break || text[right] == '\n';
      ++right;
    }
    if (line_break && doc.BlockOfLine(doc.LineIndexAt(right)) != block) return;
    const size_t right_end = WordEnd(text, right, doc.blocks()[block].end);
    const std::string_view second = text.substr(right, right_end - right);
    if (!IsAllLetters(second) || !StartsLower(second)) return;
    if (right_end < text.size() && text[right_end] == '-') return;  // `long- term-care`
    if (doc.IsProtected(left, right_end)) return;
    if (!line_break && SuspendedHyphen(text, right_end, doc.blocks()[block].end)) return;

    const std::string joined = absl::StrCat(std::string(first), std::string(second));
    const std::string compound = absl::StrCat(std::string(first), "-", std::string(second));
    const bool joined_is_word = OutputLanguageAccepts(context, joined);
    const bool both_words =
        OutputLanguageAccepts(context, first) && OutputLanguageAccepts(context, second);
    const std::string shown(text.substr(left, right_end - left));
    Finding f = MakeFinding(left, right_end);
    if (joined_is_word && !both_words) {
      f.message = absl::StrCat("Word split by a hyphen: `", shown, "` joined to `", joined, "`");
      f.edits.push_back({hyphen, right, ""});
    } else if (line_break) {
      return;  // a compound wrapped at its hyphen, or unknown words
    } else if (context.words.IsHyphenatedCompound(compound)) {
      f.message = absl::StrCat("Space after the hyphen of `", compound, "`: removed");
      f.edits.push_back({hyphen + 1, right, ""});
    } else if (joined_is_word) {
      f.message = absl::StrCat("Split word? `", shown, "` may be `", joined, "` or `",
                               compound, "`; both halves are words, so it is left as it is");
    } else if (both_words) {
      f.message = absl::StrCat("Space after a hyphen: `", shown, "` may be `", compound,
                               "`, which no word list confirms");
    } else {
      return;  // unknown words, names
    }
    out->push_back(std::move(f));
  }

  // True when a hyphenated word follows within a few words (`pre- and
  // post-war`): the hyphen before is a suspended one.
  static bool SuspendedHyphen(std::string_view text, size_t from, size_t limit) {
    int words = 0;
    size_t i = from;
    while (i < limit && words < kSuspendedLookahead) {
      while (i < limit && (IsSpaceOrTab(text[i]) || text[i] == '\n' || text[i] == '\r')) ++i;
      const size_t start = i;
      while (i < limit && !IsSpaceOrTab(text[i]) && text[i] != '\n' && text[i] != '\r') ++i;
      if (i == start) break;
      const std::string_view token = text.substr(start, i - start);
      const size_t dash = token.find('-');
      if (dash != std::string_view::npos && dash > 0 && dash + 1 < token.size()) return true;
      ++words;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<StructuralRule> MakeHyphenSplitRule() {
  return std::make_unique<HyphenSplitRule>();
}

}  // namespace mtclean::internal
