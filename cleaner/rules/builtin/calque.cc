// mt.calque
//
// What it does: flags phrases that betray a literal translation, from the
// glossary dictionaries/<lang>/calques.txt: `In this sense,` and `In this
// regard,` opening a paragraph (Spanish `En este sentido,`, `En este
// sentido,`), `the new management` for a government (`la nueva gestión`),
// `the first mandatary` for a president. Each finding carries the usual
// English phrasing as its suggestion. Nothing is edited: rewording is an
// editor's call.
//
// Why: a calque is grammatical and spelled right, so no other check sees
// it, yet it marks the text as machine-translated and reads oddly; an
// editor wants them listed.
//
// Matching: at each word whose lowercased form starts a glossary phrase,
// the phrase is compared exactly except for the case of its first letter
// (a space in it matches spaces or a line break); then its place is
// checked: paragraph opener, sentence opener, anywhere, or a sentence that
// holds one of the entry's context words. One hash lookup per word.
#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "mt.calque";
  d.severity = Severity::kInfo;
  d.message = "Calque of a literal translation";
  d.description =
      "A phrase from the calque glossary (dictionaries/<lang>/calques.txt) "
      "in the place where it betrays a literal translation: `In this sense,` "
      "or `In this regard,` opening a paragraph, `the new management` for a "
      "government. Flagged with the usual phrasing as the suggestion; never "
      "edited.";
  d.languages = {"en"};
  d.fixable = false;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Officials said the plan would be ready by June.\n\nIn this regard, the "
       "ministry has asked the regions for their figures.\n",
       "Officials said the plan would be ready by June.\n\nIn this regard, the "
       "ministry has asked the regions for their figures.\n"},
      {RuleExample::Kind::kBad,
       "The first mandatary arrived in Lima on Sunday for a two-day visit.\n",
       "The first mandatary arrived in Lima on Sunday for a two-day visit.\n"},
      {RuleExample::Kind::kBad,
       "Unions have not met the new management since the president took office.\n",
       "Unions have not met the new management since the president took office.\n"},
      {RuleExample::Kind::kOk,
       "The report is thorough. In this regard, at least, it improves on last "
       "year's.\n", ""},
      {RuleExample::Kind::kOk,
       "The club said the new management would keep the coaching staff.\n", ""},
      {RuleExample::Kind::kOk,
       "In this case, the court sided with the tenants.\n", ""},
  };
  return d;
}

bool IsAsciiWordByte(unsigned char c) { return absl::ascii_isalnum(c); }

// True when the code point at text[i] is a word character; `next` is set
// past it. ASCII takes a fast path.
bool WordCharAt(std::string_view text, size_t i, size_t* next) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *next = i + 1;
    return absl::ascii_isalnum(c) || c == '_';
  }
  *next = i;
  return IsWordChar(NextCodePoint(text, *next));
}

// The end of the word starting at `pos`: word characters, with apostrophes
// or hyphens inside; no further than `end`.
size_t WordEnd(std::string_view text, size_t pos, size_t end) {
  size_t i = pos;
  while (i < end) {
    size_t next = i;
    if (WordCharAt(text, i, &next)) {
      i = next;
      continue;
    }
    size_t after = i;
    const char32_t c = NextCodePoint(text, after);
    if ((c == '\'' || c == '-' || c == U'\u2019') && i > pos && after < end) {
      size_t beyond = after;
      if (WordCharAt(text, after, &beyond)) {
        i = after;
        continue;
      }
    }
    break;
  }
  return i;
}

bool IsWordAt(std::string_view text, size_t offset) {
  if (offset >= text.size()) return false;
  size_t i = offset;
  return IsWordChar(NextCodePoint(text, i));
}

bool IsWordBefore(std::string_view text, size_t offset) {
  if (offset == 0) return false;
  size_t i = offset;
  return IsWordChar(PreviousCodePoint(text, i));
}

// The end of `phrase` matched at `pos`, or npos. The first letter's case is
// free; a space matches a run of spaces and tabs with at most one line
// break.
size_t MatchPhrase(std::string_view text, size_t pos, size_t end, std::string_view phrase) {
  size_t i = pos;
  for (size_t p = 0; p < phrase.size(); ++p) {
    if (phrase[p] == ' ') {
      size_t j = i;
      int breaks = 0;
      while (j < end && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' ||
                         text[j] == '\n')) {
        if (text[j] == '\n') ++breaks;
        ++j;
      }
      if (j == i || breaks > 1) return std::string_view::npos;
      i = j;
      while (p + 1 < phrase.size() && phrase[p + 1] == ' ') ++p;
      continue;
    }
    if (i >= end) return std::string_view::npos;
    const char want = phrase[p];
    const char got = text[i];
    const bool same = p == 0 ? absl::ascii_tolower(static_cast<unsigned char>(want)) ==
                                   absl::ascii_tolower(static_cast<unsigned char>(got))
                             : want == got;
    if (!same) return std::string_view::npos;
    ++i;
  }
  // A phrase that ends inside a word is no match (`the new managements`).
  if (IsWordBefore(phrase, phrase.size()) && IsWordAt(text, i)) return std::string_view::npos;
  return i;
}

bool IsTerminator(char c) { return c == '.' || c == '!' || c == '?'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// True when `pos` opens a sentence of the block starting at `block_begin`:
// only spaces before it in the block, or a sentence terminator (maybe
// followed by closing quotes or brackets) and whitespace.
bool OpensSentence(std::string_view text, size_t block_begin, size_t pos) {
  size_t i = pos;
  while (i > block_begin && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == block_begin) return true;
  if (i == pos && !IsSpace(text[i - 1])) return false;
  while (i > block_begin && IsSpace(text[i - 1])) --i;
  if (i == pos) return false;
  while (i > block_begin) {
    size_t j = i;
    const char32_t c = PreviousCodePoint(text, j);
    if (!IsQuote(c) && c != ')' && c != ']') break;
    i = j;
  }
  return i > block_begin && IsTerminator(text[i - 1]);
}

bool OpensParagraph(std::string_view text, size_t block_begin, size_t pos) {
  size_t i = block_begin;
  while (i < pos && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i == pos;
}

// The sentence around [begin, end) within [block_begin, block_end): from
// after the previous terminator that is followed by whitespace, to the next.
std::pair<size_t, size_t> SentenceAround(std::string_view text, size_t block_begin,
                                         size_t block_end, size_t begin, size_t end) {
  size_t s = begin;
  while (s > block_begin) {
    if (s - 1 > block_begin && IsSpace(text[s - 1]) && IsTerminator(text[s - 2])) break;
    --s;
  }
  size_t e = end;
  while (e < block_end && !(IsTerminator(text[e]) && (e + 1 == block_end || IsSpace(text[e + 1])))) {
    ++e;
  }
  return {s, std::min(block_end, e + 1)};
}

// True when the ASCII-lowercased `sentence` holds `word` as whole words.
bool HoldsWord(const std::string& sentence, const std::string& word) {
  for (size_t at = sentence.find(word); at != std::string::npos;
       at = sentence.find(word, at + 1)) {
    const bool start_ok =
        at == 0 || !IsAsciiWordByte(static_cast<unsigned char>(sentence[at - 1]));
    const size_t after = at + word.size();
    const bool end_ok = after == sentence.size() ||
                        !IsAsciiWordByte(static_cast<unsigned char>(sentence[after]));
    if (start_ok && end_ok) return true;
  }
  return false;
}

// The longest run of `phrase` without a space, leaving out its first
// character (matched in either case): every match of the phrase holds it
// as it is written. Empty when there is none.
std::string ExactPart(std::string_view phrase) {
  size_t begin = 0;
  if (!phrase.empty()) NextCodePoint(phrase, begin);
  std::string_view best;
  while (begin <= phrase.size()) {
    const size_t end = std::min(phrase.find(' ', begin), phrase.size());
    if (end - begin > best.size()) best = phrase.substr(begin, end - begin);
    begin = end + 1;
  }
  return std::string(best);
}

class CalqueRule : public StructuralRule {
 public:
  // `phrases`: the glossary of the language the rules are built for.
  explicit CalqueRule(std::vector<std::string> phrases)
      : StructuralRule(Describe()), phrases_(std::move(phrases)) {
    for (const std::string& p : phrases_) {
      exact_parts_.push_back(ExactPart(p));
      if (exact_parts_.back().empty()) exact_parts_.clear();
      if (exact_parts_.empty()) break;
    }
  }

  // A part of each phrase of the glossary the rules are built for: where
  // the one scan finds none, no phrase can match and the words are not
  // walked. (A document checked in another language has its own glossary,
  // which the scan does not know: there the words are always walked.)
  std::vector<PatternSpec> CandidatePatterns() const override {
    return PatternsFor(exact_parts_, {.text = "", .literal = true, .caseless = false,
                                      .origin = "built-in rule mt.calque (calques.txt)"});
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    if (context.words.calques().empty()) return;
    if (context.candidates.empty() && !exact_parts_.empty() && IsOwnGlossary(context.words)) {
      return;
    }
    // A cheap filter before the hash lookup: the first letters and the
    // longest first word of the glossary's phrases.
    std::array<bool, 256> first_byte{};
    size_t max_first_word = 0;
    for (const Calque& c : context.words.calques()) {
      const size_t len = WordEnd(c.phrase, 0, c.phrase.size());
      max_first_word = std::max(max_first_word, len);
      first_byte[static_cast<unsigned char>(
          absl::ascii_tolower(static_cast<unsigned char>(c.phrase[0])))] = true;
    }
    const std::string_view text = context.doc.text();
    std::string lowered;
    for (const Block& block : context.doc.blocks()) {
      size_t i = block.begin;
      bool after_word = false;
      while (i < block.end) {
        size_t next = i;
        const bool word = WordCharAt(text, i, &next);
        if (!word || after_word) {
          after_word = word;
          i = next;
          continue;
        }
        const size_t word_end = WordEnd(text, i, block.end);
        if (word_end - i > max_first_word ||
            !first_byte[static_cast<unsigned char>(
                absl::ascii_tolower(static_cast<unsigned char>(text[i])))]) {
          i = word_end;
          after_word = true;
          continue;
        }
        lowered.assign(text.substr(i, word_end - i));
        absl::AsciiStrToLower(&lowered);
        if (const std::vector<size_t>* candidates = context.words.CalquesStartingWith(lowered)) {
          for (size_t index : *candidates) {
            const Calque& calque = context.words.calques()[index];
            const size_t end = MatchPhrase(text, i, block.end, calque.phrase);
            if (end == std::string_view::npos || !InPlace(text, block, i, end, calque)) continue;
            Finding f = MakeFinding(i, end);
            f.message = absl::StrCat("Calque of a literal translation: `",
                                     std::string(text.substr(i, end - i)), "`",
                                     PlaceText(calque.where), "; usual phrasing: ", calque.usual);
            out->push_back(std::move(f));
            break;
          }
        }
        i = word_end;
        after_word = true;
      }
    }
  }

 private:
  static bool InPlace(std::string_view text, const Block& block, size_t begin, size_t end,
                      const Calque& calque) {
    switch (calque.where) {
      case Calque::Where::kAnywhere:
        return true;
      case Calque::Where::kParagraphOpener:
        return OpensParagraph(text, block.begin, begin);
      case Calque::Where::kSentenceOpener:
        return OpensSentence(text, block.begin, begin);
      case Calque::Where::kSentenceWith: {
        const auto [s, e] = SentenceAround(text, block.begin, block.end, begin, end);
        // ASCII-lowercased, every run of whitespace one space.
        std::string sentence;
        for (char ch : text.substr(s, e - s)) {
          if (IsSpace(ch)) {
            if (!sentence.empty() && sentence.back() != ' ') sentence.push_back(' ');
          } else {
            sentence.push_back(absl::ascii_tolower(static_cast<unsigned char>(ch)));
          }
        }
        return std::any_of(calque.context.begin(), calque.context.end(),
                           [&](const std::string& w) { return HoldsWord(sentence, w); });
      }
    }
    return false;
  }

  static absl::string_view PlaceText(Calque::Where where) {
    switch (where) {
      case Calque::Where::kParagraphOpener:
        return " opening a paragraph";
      case Calque::Where::kSentenceOpener:
        return " opening a sentence";
      case Calque::Where::kAnywhere:
      case Calque::Where::kSentenceWith:
        return "";
    }
    return "";
  }

  bool IsOwnGlossary(const WordLists& words) const {
    const std::vector<Calque>& calques = words.calques();
    if (calques.size() != phrases_.size()) return false;
    for (size_t i = 0; i < calques.size(); ++i) {
      if (calques[i].phrase != phrases_[i]) return false;
    }
    return true;
  }

  std::vector<std::string> phrases_;
  std::vector<std::string> exact_parts_;  // one per phrase, or none
};

}  // namespace

std::unique_ptr<StructuralRule> MakeCalqueRule(const WordLists& words) {
  std::vector<std::string> phrases;
  for (const Calque& c : words.calques()) phrases.push_back(c.phrase);
  return std::make_unique<CalqueRule>(std::move(phrases));
}

}  // namespace mtclean::internal
