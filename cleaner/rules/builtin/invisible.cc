// text.invisible
//
// What it does: finds characters that render as nothing but break words for
// search, spelling and translation: control characters (other than tab and
// line breaks), Unicode's default-ignorable format characters (soft hyphen,
// zero-width space and joiners, word joiner, byte-order mark inside the
// text, direction marks and embeddings), and no-break spaces inside a word;
// and text that is not in Unicode Normalization Form C (a letter followed
// by a combining accent that has a precomposed form). Such characters are
// removed, and non-NFC text is composed (ICU's Normalizer2; each edit covers
// only the span that changes).
//
// Confirmation: removing an invisible character between two letters makes
// one word of them, so it is done only when the dictionary of the
// document's language accepts the joined word and, unless the character is
// a soft hyphen or a word joiner (which mark a point inside one word by
// definition), the two parts are not both words (`govern\u200Bment`);
// two words joined by an invisible character (`the\u200Bminister`) or an
// unknown word stay findings without an edit. A no-break space between two
// whole words is legitimate (it keeps `Louis XIV` on one line) and is not
// reported. Next to a space, punctuation or the end of a line nothing is
// joined, so the character is simply removed. Zero-width joiners count only
// between Latin letters (elsewhere they shape emoji and Indic scripts), and
// direction marks only on lines without right-to-left text. Characters that
// are part of mojibake (`Ã` + soft hyphen is `í`) are left to text.mojibake.
// NFC composition changes no word (the text is canonically equivalent), so
// it needs no dictionary.
//
// Why: copy from PDFs, CMS editors and machine translation carries
// invisible formatting characters that survive scraping.
#include <algorithm>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cleaner/document/code_page.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "cleaner/rules/word_evidence.h"
#include "unicode/bytestream.h"
#include "unicode/edits.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/uniset.h"
#include "unicode/uscript.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "text.invisible";
  d.severity = Severity::kWarning;
  d.message = "Invisible or control character in the text";
  d.description =
      "Control characters, default-ignorable format characters (soft "
      "hyphen, zero-width space and joiners, word joiner, stray byte-order "
      "mark, direction marks) and no-break spaces inside a word are removed; "
      "text is composed to Unicode NFC. Inside a word, removal needs the "
      "dictionary to accept the joined word.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad, "The govern\u00ADment met on Wednes\u200Bday.\n",
       "The government met on Wednesday.\n"},
      {RuleExample::Kind::kBad, "Prices rose\u200B, the bank said.\u0007\n",
       "Prices rose, the bank said.\n"},
      {RuleExample::Kind::kBad, "The cafe\u0301 reopened.\n", "The café reopened.\n"},
      {RuleExample::Kind::kBad, "The trans\u00A0lation was late.\n",
       "The translation was late.\n"},
      {RuleExample::Kind::kOk,
       "King Louis\u00A0XIV and 5\u00A0km; the emoji \U0001F469\u200D\U0001F4BB stays.\n", ""},
      {RuleExample::Kind::kOk, "Tabs\tand line\r\nbreaks are text.\n", ""},
  };
  return d;
}

constexpr char32_t kNoBreakSpace = 0x00A0;

// Soft hyphen, word joiner and the byte-order mark (a word joiner when
// inside text): they sit inside one word by definition.
bool JoinsOneWord(char32_t c) { return c == 0x00AD || c == 0x2060 || c == 0xFEFF; }

bool IsJoiner(char32_t c) { return c == 0x200C || c == 0x200D; }

bool IsDirectionControl(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

bool IsLatinLetter(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return IsLetter(c) &&
         uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN;
}

bool HasRightToLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const UCharDirection d = u_charDirection(static_cast<UChar32>(NextCodePoint(s, i)));
    if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC) return true;
  }
  return false;
}

// The characters this rule removes: controls but tab and line breaks, and
// the default-ignorable format characters, without variation selectors
// (they are marks), fillers (letters), unassigned code points and the tag
// characters of emoji flags.
const icu::UnicodeSet& InvisibleSet() {
  static const icu::UnicodeSet* set = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto* s = new icu::UnicodeSet(
        icu::UnicodeString::fromUTF8(
            "[[[:Cc:][:Default_Ignorable_Code_Point:]]-[\\t\\n\\r]-[:Mn:]-[:Lo:]-[:Cn:]"
            "-[\\U000E0000-\\U000E0FFF]]"),
        status);
    if (U_FAILURE(status)) s->clear();
    s->freeze();
    return s;
  }();
  return *set;
}

bool IsInvisible(char32_t c) {
  return c == kNoBreakSpace || InvisibleSet().contains(static_cast<UChar32>(c));
}

std::string CharacterName(char32_t c) {
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, name, sizeof(name), &status);
  if (U_FAILURE(status) || name[0] == '\0') {
    // Controls have no name, only an alias.
    status = U_ZERO_ERROR;
    u_charName(static_cast<UChar32>(c), U_CHAR_NAME_ALIAS, name, sizeof(name), &status);
  }
  std::string out = absl::StrFormat("U+%04X", static_cast<uint32_t>(c));
  if (U_SUCCESS(status) && name[0] != '\0') absl::StrAppend(&out, " ", name);
  return out;
}

class InvisibleRule : public StructuralRule {
 public:
  InvisibleRule() : StructuralRule(Describe()) {}

  std::vector<PatternSpec> CandidatePatterns() const override {
    // The set above as a Hyperscan class, plus the no-break space.
    std::string klass = "[\\x{A0}";
    const icu::UnicodeSet& set = InvisibleSet();
    for (int32_t i = 0; i < set.getRangeCount(); ++i) {
      absl::StrAppend(&klass, absl::StrFormat("\\x{%X}-\\x{%X}", set.getRangeStart(i),
                                              set.getRangeEnd(i)));
    }
    klass += "]";
    PatternSpec spec;
    spec.text = klass;
    spec.literal = false;
    spec.caseless = false;
    spec.origin = "built-in rule text.invisible";
    return {spec};
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    CheckInvisible(context, out);
    CheckNormalization(context, out);
  }

 private:
  void CheckInvisible(const RuleContext& context, std::vector<Finding>* out) const {
    if (context.candidates.empty()) return;
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    std::unique_ptr<SingleByteEncoder> encoder;  // made on first need
    size_t done = 0;  // candidates before this were handled with their word
    for (const RuleMatch& m : context.candidates) {
      if (m.begin < done || doc.IsProtected(m.begin, m.end)) continue;
      size_t i = m.begin;
      const char32_t c = NextCodePoint(text, i);
      const Line& line = doc.lines()[doc.LineIndexAt(m.begin)];
      if (c >= 0x80 && c <= 0xBF) {
        if (encoder == nullptr) encoder = std::make_unique<SingleByteEncoder>();
        if (InsideMojibake(*encoder, text, m.begin, m.end, line.begin, line.end)) continue;
      }
      // The visible characters on either side, skipping other invisible ones.
      size_t left = m.begin;
      char32_t before = 0;
      while (left > line.begin) {
        size_t p = left;
        const char32_t x = PreviousCodePoint(text, p);
        if (!IsInvisible(x) || x == kNoBreakSpace) {
          before = x;
          break;
        }
        left = p;
      }
      size_t right = m.end;
      char32_t after = 0;
      while (right < line.end) {
        size_t n = right;
        const char32_t x = NextCodePoint(text, n);
        if (!IsInvisible(x) || x == kNoBreakSpace) {
          after = x;
          break;
        }
        right = n;
      }
      if (IsJoiner(c) && !(IsLatinLetter(before) && IsLatinLetter(after))) continue;
      if (IsDirectionControl(c) && HasRightToLeft(doc.LineText(doc.LineIndexAt(m.begin)))) {
        continue;
      }
      const bool inside_word = IsLetter(before) && IsLetter(after);
      if (c == kNoBreakSpace && !inside_word) continue;  // `5 km`, `« Oui »`
      if (!inside_word) {
        Finding f = MakeFinding(m.begin, m.end);
        f.message = absl::StrCat("Invisible character ", CharacterName(c), ": removed");
        f.edits.push_back({m.begin, m.end, ""});
        out->push_back(std::move(f));
        continue;
      }
      done = CheckInsideWord(context, line, m.begin, c, out);
    }
  }

  // An invisible character at `at` between two letters: the word around it
  // (with any other invisible characters inside) is confirmed or reported.
  // Returns the end of the word.
  size_t CheckInsideWord(const RuleContext& context, const Line& line, size_t at, char32_t c,
                         std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    // Walk the word: letters, marks, digits, apostrophes and the invisible
    // characters of this kind (a no-break space joins only letters).
    auto part_of_word = [&](char32_t x) {
      return IsWordChar(x) || IsApostrophe(x) || (IsInvisible(x) && x != kNoBreakSpace) ||
             (x == kNoBreakSpace && c == kNoBreakSpace);
    };
    size_t begin = at;
    while (begin > line.begin) {
      size_t p = begin;
      if (!part_of_word(PreviousCodePoint(text, p))) break;
      begin = p;
    }
    size_t end = at;
    while (end < line.end) {
      size_t n = end;
      if (!part_of_word(NextCodePoint(text, n))) break;
      end = n;
    }
    // The joined word, the parts, and the edits that remove the characters.
    std::string joined;
    std::vector<std::string> parts(1);
    std::vector<Edit> edits;
    std::vector<char32_t> removed;
    size_t i = begin;
    while (i < end) {
      const size_t start = i;
      const char32_t x = NextCodePoint(text, i);
      if (IsInvisible(x) && (x != kNoBreakSpace || c == kNoBreakSpace)) {
        if (!edits.empty() && edits.back().end == start) {
          edits.back().end = i;
        } else {
          edits.push_back({start, i, ""});
          parts.emplace_back();
        }
        removed.push_back(x);
        continue;
      }
      joined.append(text.substr(start, i - start));
      parts.back().append(text.substr(start, i - start));
    }
    bool all_parts_words = true;
    for (const std::string& p : parts) {
      all_parts_words = all_parts_words && !p.empty() && OutputLanguageAccepts(context, p);
    }
    // A no-break space between two whole words is legitimate: done.
    if (c == kNoBreakSpace && all_parts_words) return end;
    const bool joined_is_word = HasLetter(joined) && OutputLanguageAccepts(context, joined);
    // A soft hyphen or a word joiner says by itself that its two sides are
    // one word (`inter\u00ADnational`); other characters may stand where a
    // space was, so two words on either side are not joined.
    const bool marks_one_word = std::all_of(removed.begin(), removed.end(), JoinsOneWord);
    const std::string what = CharacterName(removed.front());
    if (joined_is_word && (marks_one_word || !all_parts_words)) {
      Finding f = MakeFinding(begin, end);
      f.message = absl::StrCat("Invisible character ", what, " inside the word `", joined,
                               "`: removed");
      f.edits = std::move(edits);
      out->push_back(std::move(f));
    } else if (c != kNoBreakSpace) {
      Finding f = MakeFinding(begin, end);
      f.message =
          all_parts_words
              ? absl::StrCat("Invisible character ", what,
                             " between two words: a space may be missing")
              : absl::StrCat("Invisible character ", what,
                             " inside a word no dictionary confirms: `", joined, "`");
      out->push_back(std::move(f));
    }
    return end;
  }

  // Whether `text` is in NFC, asking ICU only about its runs beyond ASCII.
  // Every ASCII character starts a segment that normalizes on its own (it
  // composes with nothing before it), so the text is in NFC when each run
  // of other characters, with the ASCII character before it (which may
  // compose with a combining mark after it), is.
  static bool IsNfc(const icu::Normalizer2& nfc, std::string_view text, UErrorCode& status) {
    size_t i = 0;
    while (i < text.size()) {
      if (static_cast<unsigned char>(text[i]) < 0x80) {
        ++i;
        continue;
      }
      const size_t run_begin = i;
      while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) ++i;
      const size_t segment_begin = run_begin > 0 ? run_begin - 1 : 0;
      const icu::StringPiece segment(text.data() + segment_begin,
                                     static_cast<int32_t>(i - segment_begin));
      if (!nfc.isNormalizedUTF8(segment, status) || U_FAILURE(status)) return false;
    }
    return true;
  }

  void CheckNormalization(const RuleContext& context, std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return;
    if (IsNfc(*nfc, text, status) || U_FAILURE(status)) return;
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    icu::Edits edits;
    nfc->normalizeUTF8(0, piece, sink, &edits, status);
    if (U_FAILURE(status)) return;
    icu::Edits::Iterator it = edits.getFineChangesIterator();
    while (it.next(status)) {
      if (!it.hasChange()) continue;
      const size_t begin = static_cast<size_t>(it.sourceIndex());
      const size_t end = begin + static_cast<size_t>(it.oldLength());
      if (doc.IsProtected(begin, end)) continue;
      std::string composed =
          normalized.substr(static_cast<size_t>(it.destinationIndex()),
                            static_cast<size_t>(it.newLength()));
      Finding f = MakeFinding(begin, end);
      f.message = absl::StrCat("Text not in Unicode NFC: `", std::string(text.substr(begin, end - begin)),
                               "` composed to `", composed, "`");
      f.edits.push_back({begin, end, std::move(composed)});
      out->push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<StructuralRule> MakeInvisibleRule() { return std::make_unique<InvisibleRule>(); }

}  // namespace mtclean::internal
