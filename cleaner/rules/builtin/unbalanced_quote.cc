// mt.unbalanced-quote
//
// What it does: finds quotation marks and brackets that are not matched
// within their paragraph: an opening `“` (or `«`, `‘`, `(`, `[`, `{`) that
// is never closed, a closing one with no opening, an odd number of straight
// `"`. It only reports them: which side is wrong is for an editor to say.
//
// Not reported: a quotation that runs over several paragraphs in news
// style, where each paragraph opens with a quotation mark and only the last
// one closes (an opening quote left open is fine when the next paragraph
// starts with an opening quote of the same kind); apostrophes (`’` between
// letters, and any `’` when no `‘` is open), `‘90s`, inch marks (`6"`),
// list enumerators (`a)`, `2)`), emoticons (`:)`); and the unmatched quote
// of a stray fragment, which mt.stray-fragment removes with the fragment.
// Quotation marks follow the language: German opens with `„` and `‚` and
// closes with `“` and `‘`, and uses `»…«`; the others open with `“`, `‘`
// and `«`.
//
// Why: machine translation drops or moves quotation marks around reordered
// names, and scraping loses the closing half of a quote split across
// elements.
#include <algorithm>
#include <memory>

#include "absl/strings/str_cat.h"
#include "cleaner/document/byte_search.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "mt.unbalanced-quote";
  d.severity = Severity::kWarning;
  d.message = "Unmatched quotation mark or bracket in the paragraph";
  d.description =
      "An opening quotation mark or bracket never closed in its paragraph, "
      "or a closing one never opened. A quotation that goes on in the next "
      "paragraph (which opens with a quotation mark, in news style) is not "
      "reported. Flag only.";
  d.fixable = false;
  d.source = "built-in";
  // A flag-only rule has no bad→good pair that changes text: its `bad`
  // examples stay as they are and must be reported.
  d.examples = {
      {RuleExample::Kind::kBad, "“We will not sign, the minister said on Tuesday.\n",
       "“We will not sign, the minister said on Tuesday.\n"},
      {RuleExample::Kind::kBad, "The plan (approved in May was dropped.\n",
       "The plan (approved in May was dropped.\n"},
      {RuleExample::Kind::kOk,
       "“We will not sign,” she said (in Rome). Fans wore ‘90s shirts and "
       "didn’t mind the players’ delay.\n",
       ""},
      {RuleExample::Kind::kOk,
       "“The first part of the statement runs here.\n\n“The second part goes on,\n\n"
       "“and the last part ends it,” he said.\n",
       ""},
      {RuleExample::Kind::kOk, "The options were a) wait or b) leave :)\n", ""},
  };
  return d;
}

struct Pair {
  char32_t open;
  char32_t close;
};

// One open mark on the stack.
struct Open {
  char32_t close;   // the mark that closes it
  size_t begin;
  size_t end;
  bool quote;       // a quotation mark (may run on into the next paragraph)
  char32_t open;    // the mark itself
};

class UnbalancedQuoteRule : public StructuralRule {
 public:
  explicit UnbalancedQuoteRule(const WordLists& words)
      : StructuralRule(Describe()), stray_fragment_(MakeStrayFragmentRule(words)) {}

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const Document& doc = context.doc;
    const bool german = context.language == "de";
    std::vector<Finding> found;
    Marks marks;
    for (size_t b = 0; b < doc.blocks().size(); ++b) CheckBlock(context, b, german, &marks, &found);
    if (found.empty()) return;
    // The stray-fragment rule removes its fragment with the quote: do not
    // report that quote a second time.
    std::vector<Finding> fragments;
    RuleContext plain = context;
    plain.candidates = {};
    stray_fragment_->Check(plain, &fragments);
    for (Finding& f : found) {
      const bool owned = std::any_of(fragments.begin(), fragments.end(), [&](const Finding& g) {
        return g.has_fix() && g.begin <= f.begin && f.end <= g.end;
      });
      if (!owned) out->push_back(std::move(f));
    }
  }

 private:
  // The marks of one paragraph, kept from one to the next so that a
  // document's paragraphs share one allocation.
  struct Marks {
    std::vector<Open> open;
    std::vector<std::pair<size_t, size_t>> straight;  // straight double quotes
  };

  static const std::vector<Pair>& Quotes(bool german) {
    static const std::vector<Pair> kGerman = {
        {U'\u201E', U'\u201C'}, {U'\u201A', U'\u2018'}, {U'\u00BB', U'\u00AB'}};
    static const std::vector<Pair> kOthers = {
        {U'\u201C', U'\u201D'}, {U'\u2018', U'\u2019'}, {U'\u00AB', U'\u00BB'}};
    return german ? kGerman : kOthers;
  }

  static bool IsBracketOpen(char32_t c) { return c == '(' || c == '[' || c == '{'; }
  static char32_t BracketClose(char32_t c) { return c == '(' ? ')' : c == '[' ? ']' : '}'; }
  static bool IsBracketClose(char32_t c) { return c == ')' || c == ']' || c == '}'; }

  // The opening mark of the quote pair that `c` opens, if any.
  static const Pair* OpensQuote(char32_t c, bool german) {
    for (const Pair& p : Quotes(german)) {
      if (p.open == c) return &p;
    }
    return nullptr;
  }
  static const Pair* ClosesQuote(char32_t c, bool german) {
    for (const Pair& p : Quotes(german)) {
      if (p.close == c) return &p;
    }
    return nullptr;
  }

  // True for the single closing quote that doubles as the apostrophe (`’`;
  // German closes single quotes with `‘`, which is not one).
  static bool IsApostropheLike(char32_t c, bool german) { return !german && c == U'\u2019'; }

  // The first character of block `b` (after spaces), or 0.
  static char32_t FirstCharacter(const Document& doc, size_t b) {
    const std::string_view text = doc.BlockText(b);
    size_t i = 0;
    while (i < text.size()) {
      const char32_t c = NextCodePoint(text, i);
      if (!IsWhitespace(c)) return c;
    }
    return 0;
  }

  void CheckBlock(const RuleContext& context, size_t b, bool german, Marks* marks,
                  std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const Block& block = doc.blocks()[b];
    std::vector<Open>& stack = marks->open;
    std::vector<std::pair<size_t, size_t>>& straight = marks->straight;
    stack.clear();
    straight.clear();
    auto report = [&](size_t begin, size_t end, const std::string& message) {
      Finding f = MakeFinding(begin, end);
      f.message = message;
      out->push_back(std::move(f));
    };
    // Only a few ASCII marks and the quotation marks (lead bytes C2, E2,
    // never inside a sequence) matter: the text between is stepped over.
    static const ByteSet kMayMatter("\"()[]{}\xC2\xE2");
    const std::string_view upto_end = text.substr(0, block.end);
    size_t i = block.begin;
    while ((i = kMayMatter.FindIn(upto_end, i)) < block.end) {
      // The character before, in this paragraph.
      size_t previous = i;
      const char32_t before = i > block.begin ? PreviousCodePoint(text, previous) : 0;
      const size_t start = i;
      const char32_t c = NextCodePoint(text, i);
      if (doc.IsProtected(start, i)) continue;
      size_t peek = i;
      const char32_t after = i < block.end ? NextCodePoint(text, peek) : 0;
      const std::string_view mark = text.substr(start, i - start);
      if (c == '"') {
        if (!IsDigit(before)) straight.emplace_back(start, i);  // not `6"`
      } else if (IsBracketOpen(c)) {
        stack.push_back({BracketClose(c), start, i, false, c});
      } else if (IsBracketClose(c)) {
        const bool emoticon = before == ':' || before == ';' || before == '=' ||
                              (before == '-' && start >= 2 &&
                               (text[start - 2] == ':' || text[start - 2] == ';'));
        auto it = std::find_if(stack.rbegin(), stack.rend(),
                               [&](const Open& o) { return !o.quote; });
        if (it != stack.rend() && it->close == c) {
          stack.erase(std::next(it).base());
        } else if (!emoticon && !(c == ')' && IsEnumerator(text, block.begin, start))) {
          report(start, i, absl::StrCat("Closing `", std::string(mark), "` with no opening one"));
        }
      } else if (const Pair* open = OpensQuote(c, german);
                 open != nullptr && !(open->open == U'\u2018' && !german && IsDigit(after)) &&
                 !(IsApostropheLike(open->close, german) && IsLetter(before))) {
        stack.push_back({open->close, start, i, true, c});
      } else if (const Pair* close = ClosesQuote(c, german); close != nullptr) {
        const bool apostrophe_like = IsApostropheLike(c, german);
        if (apostrophe_like && IsLetter(before) && IsLetter(after)) {
          // `don’t`: an apostrophe.
        } else {
          auto it = std::find_if(stack.rbegin(), stack.rend(),
                                 [&](const Open& o) { return o.close == c; });
          if (it != stack.rend()) {
            stack.erase(std::next(it).base());
          } else if (!apostrophe_like) {
            report(start, i, absl::StrCat("Closing `", std::string(mark), "` with no opening one"));
          }
        }
      }
    }
    // Left open at the end of the paragraph.
    const char32_t next_first = b + 1 < doc.blocks().size() ? FirstCharacter(doc, b + 1) : 0;
    for (const Open& o : stack) {
      if (o.quote && o.open == next_first) continue;  // goes on in the next paragraph
      report(o.begin, o.end,
             absl::StrCat("Opening `", std::string(text.substr(o.begin, o.end - o.begin)),
                          "` never closed in this paragraph"));
    }
    if (straight.size() % 2 == 1) {
      const bool runs_on = FirstCharacter(doc, b) == '"' && next_first == '"';
      if (!runs_on) {
        const auto& last = straight.back();
        report(last.first, last.second,
               "Odd number of straight quotation marks `\"` in this paragraph");
      }
    }
  }

  // True when the `)` at `at` ends a list enumerator: one to three letters
  // or digits that start a line or follow a space (`a)`, `2)`, `iv)`).
  static bool IsEnumerator(std::string_view text, size_t floor, size_t at) {
    size_t k = at;
    while (k > floor && k + 3 >= at &&
           ((text[k - 1] >= 'a' && text[k - 1] <= 'z') ||
            (text[k - 1] >= 'A' && text[k - 1] <= 'Z') ||
            (text[k - 1] >= '0' && text[k - 1] <= '9'))) {
      --k;
    }
    if (k == at || at - k > 3) return false;
    return k == floor || text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\n';
  }

  std::unique_ptr<StructuralRule> stray_fragment_;
};

}  // namespace

std::unique_ptr<StructuralRule> MakeUnbalancedQuoteRule(const WordLists& words) {
  return std::make_unique<UnbalancedQuoteRule>(words);
}

}  // namespace mtclean::internal
