// mt.stray-fragment
//
// What it does: finds a short verbless "sentence" made only of capitalised
// words that follows a sentence, the tail of a name the translation split in
// two (`...told the Nikkei newspaper. Asian Review ‘.`). When a name in the
// previous sentence plus the fragment is a known multi-word name
// (dictionaries/<lang>/publications.txt), the fragment is put back where
// the name stands (`...told the Nikkei Asian Review newspaper.`). When
// nothing confirms a rejoin but the fragment carries an unmatched quote, the
// fragment and its quote are deleted. Other short sentences (`He agreed.
// Twice.`) are left alone. The lowercase words a name may hold (`of`, `de`)
// are listed in dictionaries/title-connectors.txt.
//
// Why: machine translation reorders the words around a quoted foreign title
// and leaves its second half stranded after the full stop.
#include <algorithm>
#include <span>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/document/byte_search.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"

namespace mtclean::internal {
namespace {

constexpr size_t kMaxFragmentWords = 5;
// How far back in the previous sentence a name may stand.
constexpr size_t kMaxWordsBack = 8;

RuleDescription Describe() {
  RuleDescription d;
  d.id = "mt.stray-fragment";
  d.severity = Severity::kWarning;
  d.message = "Stray fragment of a split name";
  d.description =
      "A short sentence of capitalised words only, after a full stop, that "
      "is the tail of a name split by the translation. Rejoined where a "
      "known multi-word name confirms it; otherwise deleted with its "
      "unmatched quote.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "The minister gave an interview to the Financial newspaper. Times ‘.\n",
       "The minister gave an interview to the Financial Times newspaper.\n"},
      {RuleExample::Kind::kBad,
       "The figures were first reported by Le Monde. Diplomatique '.\n",
       "The figures were first reported by Le Monde Diplomatique.\n"},
      {RuleExample::Kind::kBad,
       "The plan was described to the regional daily. Northern Courier ‘. "
       "Officials did not comment.\n",
       "The plan was described to the regional daily. Officials did not "
       "comment.\n"},
      {RuleExample::Kind::kOk, "He agreed. Twice.\n"},
      {RuleExample::Kind::kOk,
       "The ceremony took place in Lisbon. Heads of State arrived by noon.\n"},
      {RuleExample::Kind::kOk,
       "She thanked the voters. “Thank you, Porto.”\n"},
  };
  return d;
}

// The lowercase words that may sit inside a capitalised name
// (dictionaries/title-connectors.txt), compared exactly.
using Connectors = std::span<const std::string>;

bool IsNameConnector(Connectors connectors, std::string_view w) {
  return std::find(connectors.begin(), connectors.end(), w) != connectors.end();
}

bool StartsUpper(std::string_view w) {
  size_t i = 0;
  return !w.empty() && IsUpper(NextCodePoint(w, i));
}

bool IsTerminator(char c) { return c == '.' || c == '!' || c == '?'; }

struct Word {
  size_t begin;  // byte offsets into the document text
  size_t end;
};

// Words of text[begin, end): runs of non-whitespace with quotes and
// punctuation stripped from both ends.
// Calls `visit(word)` for each word of [begin, end) (split at whitespace,
// punctuation trimmed at both ends) until it returns false.
template <typename Visit>
void VisitWords(std::string_view text, size_t begin, size_t end, Visit visit) {
  size_t i = begin;
  while (i < end) {
    size_t start = i;
    char32_t c = NextCodePoint(text, i);
    if (IsWhitespace(c)) continue;
    size_t stop = i;
    while (stop < end) {
      size_t next = stop;
      if (IsWhitespace(NextCodePoint(text, next))) break;
      stop = next;
    }
    i = stop;
    // Trim punctuation at both ends.
    size_t b = start, e = stop;
    while (b < e) {
      size_t n = b;
      char32_t ch = NextCodePoint(text, n);
      if (!IsPunctuationOrSymbol(ch) || ch == '&') break;
      b = n;
    }
    while (e > b) {
      size_t p = e;
      char32_t ch = PreviousCodePoint(text, p);
      if (!IsPunctuationOrSymbol(ch) || ch == '&') break;
      e = p;
    }
    if (b < e && !visit(Word{b, e})) return;
  }
}

std::vector<Word> SplitWords(std::string_view text, size_t begin, size_t end) {
  std::vector<Word> words;
  VisitWords(text, begin, end, [&](const Word& w) {
    words.push_back(w);
    return true;
  });
  return words;
}

// The cheap test every sentence takes: at most kMaxFragmentWords words, each
// capitalised or a name connector, the first capitalised. Stops at the first
// word that fails, without allocating.
bool MayBeFragment(std::string_view text, size_t begin, size_t end, Connectors connectors) {
  size_t count = 0;
  bool ok = true;
  VisitWords(text, begin, end, [&](const Word& w) {
    const std::string_view s = text.substr(w.begin, w.end - w.begin);
    ok = ++count <= kMaxFragmentWords &&
         (StartsUpper(s) || (count > 1 && IsNameConnector(connectors, s)));
    return ok;
  });
  return ok && count > 0;
}

size_t CountQuotes(std::string_view text, size_t begin, size_t end) {
  size_t n = 0;
  size_t i = begin;
  while (i < end) {
    if (IsQuote(NextCodePoint(text, i))) ++n;
  }
  return n;
}

class StrayFragmentRule : public StructuralRule {
 public:
  explicit StrayFragmentRule(std::vector<std::string> connectors)
      : StructuralRule(Describe()), connectors_(std::move(connectors)) {}

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const Document& doc = context.doc;
    for (const Block& block : doc.blocks()) CheckBlock(context, block, out);
  }

 private:
  void CheckBlock(const RuleContext& context, const Block& block,
                  std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    // Sentence ends, and the ends of a fragment, are searched for.
    static const ByteSet kTerminators(".!?");
    static const ByteSet kFragmentEnds(".!?\n\r");
    const std::string_view upto_end = text.substr(0, block.end);
    size_t sentence_begin = block.begin;
    size_t i = block.begin;
    while ((i = kTerminators.FindIn(upto_end, i)) < block.end) {
      const size_t terminator = i;  // the previous sentence's full stop
      size_t j = i + 1;
      while (j < block.end && IsTerminator(text[j])) ++j;
      // The next sentence starts after whitespace.
      size_t k = j;
      while (k < block.end && (text[k] == ' ' || text[k] == '\t')) ++k;
      if (k == j || k >= block.end) {
        i = j;
        continue;
      }
      // The fragment runs to the next terminator or the end of the block.
      const size_t fragment_end = kFragmentEnds.FindIn(upto_end, k);
      size_t with_stop = fragment_end;
      if (with_stop < block.end && IsTerminator(text[with_stop])) ++with_stop;
      CheckFragment(context, sentence_begin, terminator, k, fragment_end, with_stop, out);
      sentence_begin = k;
      // [j, fragment_end) holds no terminator: the next one, if any, is at
      // fragment_end (or after the line break it stopped at).
      i = fragment_end;
    }
  }

  // prev = [sentence_begin, terminator) is the previous sentence, the
  // fragment is [fragment_begin, fragment_end), `with_stop` includes its own
  // terminator when it has one.
  void CheckFragment(const RuleContext& context, size_t sentence_begin, size_t terminator,
                     size_t fragment_begin, size_t fragment_end, size_t with_stop,
                     std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    if (!MayBeFragment(text, fragment_begin, fragment_end, connectors_)) return;
    const std::vector<Word> words = SplitWords(text, fragment_begin, fragment_end);
    if (words.empty() || words.size() > kMaxFragmentWords) return;
    if (!StartsUpper(text.substr(words[0].begin, words[0].end - words[0].begin))) return;
    for (const Word& w : words) {
      std::string_view s = text.substr(w.begin, w.end - w.begin);
      if (!StartsUpper(s) && !IsNameConnector(connectors_, s)) return;
    }
    std::vector<std::string> fragment_words;
    for (const Word& w : words) {
      fragment_words.emplace_back(text.substr(w.begin, w.end - w.begin));
    }
    const std::string fragment = absl::StrJoin(fragment_words, " ");
    // The previous sentence's stop may be several characters (`?!`, `...`).
    size_t stop_end = terminator;
    while (stop_end < fragment_begin && IsTerminator(text[stop_end])) ++stop_end;

    // Rejoin: a run of capitalised words in the previous sentence that,
    // followed by the fragment, is a known name.
    const std::vector<Word> prev = SplitWords(text, sentence_begin, terminator);
    const size_t first_back = prev.size() > kMaxWordsBack ? prev.size() - kMaxWordsBack : 0;
    for (size_t end_word = prev.size(); end_word-- > first_back;) {
      for (size_t start_word = end_word + 1; start_word-- > 0;) {
        std::string_view w =
            text.substr(prev[start_word].begin, prev[start_word].end - prev[start_word].begin);
        if (!StartsUpper(w) && !(start_word < end_word && IsNameConnector(connectors_, w))) break;
        if (end_word - start_word + 1 + words.size() > context.words.max_name_words()) break;
        const std::string candidate =
            std::string(text.substr(prev[start_word].begin,
                                    prev[end_word].end - prev[start_word].begin)) +
            " " + fragment;
        if (!context.words.IsKnownName(candidate)) continue;
        Finding f = MakeFinding(fragment_begin, with_stop);
        f.message = absl::StrCat("Stray fragment `", fragment, "` of the split name `",
                                 candidate, "`: rejoined");
        const size_t name_end = prev[end_word].end;
        std::string replacement =
            " " + fragment + std::string(text.substr(name_end, stop_end - name_end));
        f.edits.push_back({name_end, with_stop, std::move(replacement)});
        out->push_back(std::move(f));
        return;
      }
    }

    // Delete: only with the evidence of an unmatched quote after the first
    // word (an opening quote before it starts a real quotation).
    const size_t quotes = CountQuotes(text, fragment_begin, with_stop);
    if (quotes % 2 == 0) return;
    if (CountQuotes(text, fragment_begin, words[0].end) > 0) return;
    Finding f = MakeFinding(fragment_begin, with_stop);
    f.message = absl::StrCat("Stray fragment `", fragment,
                             "` with an unmatched quote; no known name confirms a rejoin");
    f.edits.push_back({stop_end, with_stop, ""});
    out->push_back(std::move(f));
  }

  std::vector<std::string> connectors_;
};

}  // namespace

std::unique_ptr<StructuralRule> MakeStrayFragmentRule(const WordLists& words) {
  return std::make_unique<StrayFragmentRule>(words.lexicon(Lexicon::kTitleConnectors));
}

}  // namespace mtclean::internal
