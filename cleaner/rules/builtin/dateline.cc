// newswire.dateline
//
// What it does: removes agency datelines: a line that is only a dateline
// (`MADRID, 26 (EUROPA PRESS)`, `Madrid, 26 (Europe Press)`), and a
// dateline that opens a paragraph (`WASHINGTON (Reuters) - The ...`: only
// the prefix goes). Near the top of the story every such line counts; further
// down (the items of a listing page, a second story reposted below the
// first) a dateline must open its paragraph, found where the one scan saw
// an agency name in brackets or between slashes.
//
// Why: agency copy carries the dateline for the wire; a republished and
// machine-translated story keeps it, often mistranslated, as a stray line.
//
// In a block that holds one paragraph per line (a page that lost its blank
// lines), every line is a paragraph a dateline may open. A dateline of the
// same shape whose agency is an acronym no list names (`Hanoi (XYZ) - `)
// is reported, not removed: the shape is its only evidence.
//
// The agencies, with their translated forms, come from
// dictionaries/agencies.txt; the shape (city, optional date, agency in
// brackets, optional dash) is one RE2 expression built from that list.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "re2/re2.h"

namespace mtclean::internal {
namespace {

// Datelines sit before the story: look at the first few blocks only.
constexpr size_t kHeadBlocks = 4;

RuleDescription Describe() {
  RuleDescription d;
  d.id = "newswire.dateline";
  d.severity = Severity::kWarning;
  d.message = "Agency dateline left in the text";
  d.description =
      "A line that is only an agency dateline (city, optional date, agency "
      "in brackets, optional dash), in the agency's own form or machine-"
      "translated, near the top of the story; or such a dateline opening the "
      "first paragraph, or any paragraph further down (the items of a listing, "
      "each line of a page that lost its blank lines), of which only the "
      "prefix is removed. The same shape with an acronym no agency list names "
      "is reported, not removed.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Port strike enters third day\n\nBilbao, 14 (Europe Press)\n\n"
       "Dock workers kept the gates closed on Thursday.\n",
       "Port strike enters third day\n\n"
       "Dock workers kept the gates closed on Thursday.\n"},
      {RuleExample::Kind::kBad,
       "Rates held steady\n\nFRANKFURT (Reuters) - The central bank left its "
       "main rate unchanged on Thursday.\n",
       "Rates held steady\n\nThe central bank left its main rate unchanged on "
       "Thursday.\n"},
      {RuleExample::Kind::kBad,
       "Quake shakes the north\n\nSantiago, Feb. 3 (EFE).- A strong earthquake "
       "shook northern Chile on Monday.\n",
       "Quake shakes the north\n\nA strong earthquake shook northern Chile on "
       "Monday.\n"},
      {RuleExample::Kind::kBad,
       "Latest news\n\nBridge toll rises\n\nThe toll on the river bridge goes up "
       "in May, the operator said.\n\nFloods in the south\n\nVALENCIA, 3 "
       "(EFE) - Heavy rain flooded roads around the city on Sunday.\n",
       "Latest news\n\nBridge toll rises\n\nThe toll on the river bridge goes up "
       "in May, the operator said.\n\nFloods in the south\n\nHeavy rain "
       "flooded roads around the city on Sunday.\n"},
      {RuleExample::Kind::kBad,
       "Ferry fares frozen\nIsland residents had asked for cheaper crossings all winter, "
       "and the shipping ministry had backed them in a letter sent to the operator in the "
       "first week of March.\nPIRAEUS "
       "(Reuters) - The ferry operator will keep its fares at last year's level until the "
       "end of the summer season.\n",
       "Ferry fares frozen\nIsland residents had asked for cheaper crossings all winter, "
       "and the shipping ministry had backed them in a letter sent to the operator in the "
       "first week of March.\nThe ferry "
       "operator will keep its fares at last year's level until the end of the summer "
       "season.\n"},
      // An acronym no list names: reported, kept.
      {RuleExample::Kind::kBad,
       "Dam repairs begin\n\nSKOPJE (QRX) - Engineers began repairing the old dam on "
       "Tuesday.\n",
       "Dam repairs begin\n\nSKOPJE (QRX) - Engineers began repairing the old dam on "
       "Tuesday.\n"},
      {RuleExample::Kind::kOk,
       "Talks in Brussels\n\nDiplomats of the alliance (NATO) - and of the union - met "
       "on Monday.\n"},
      {RuleExample::Kind::kOk,
       "Agency marks anniversary\n\nThe agency said its Madrid (Europa Press) "
       "bureau opened in 1957 and now employs forty reporters.\n"},
      {RuleExample::Kind::kOk,
       "Press freedom report\n\nReporters from AFP, Reuters and AP signed the "
       "letter on Monday.\n"},
  };
  return d;
}

std::vector<std::string> AgencyForms(const WordLists& words) {
  std::vector<std::string> forms;
  for (const Agency& a : words.agencies()) {
    forms.push_back(a.canonical);
    forms.insert(forms.end(), a.variants.begin(), a.variants.end());
  }
  return forms;
}

std::string AgencyAlternation(const WordLists& words) {
  std::vector<std::string> forms = AgencyForms(words);
  // Longest first so `Europa Press Agency` wins over `Europa Press`.
  std::sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::vector<std::string> escaped;
  for (const std::string& f : forms) {
    std::string e = RE2::QuoteMeta(f);
    // A space in a name matches any run of spaces.
    std::string spaced;
    for (size_t i = 0; i < e.size(); ++i) {
      if (e[i] == '\\' && i + 1 < e.size() && e[i + 1] == ' ') {
        spaced += "\\s+";
        ++i;
      } else {
        spaced += e[i];
      }
    }
    escaped.push_back(spaced);
  }
  return absl::StrJoin(escaped, "|");
}

// The first block, or a block repeating it, is the headline.
bool LooksLikeHeadline(const Document& doc, size_t block) {
  if (block == 0) return true;
  const std::string_view text = doc.BlockText(block);
  const std::string_view headline = doc.BlockText(0);
  return !FoldedOpeningsDiffer(text, headline) && FoldsTo(text, FoldForCompare(headline));
}

class DatelineRule : public StructuralRule {
 public:
  DatelineRule(std::unique_ptr<RE2> line, std::unique_ptr<RE2> prefix,
               std::unique_ptr<RE2> unknown, std::vector<std::string> forms)
      : StructuralRule(Describe()),
        line_(std::move(line)),
        prefix_(std::move(prefix)),
        unknown_(std::move(unknown)),
        forms_(std::move(forms)) {}

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const Document& doc = context.doc;
    const size_t head = CheckHead(doc, out);
    // Further down, only where the scan saw an agency tag near the start of
    // a paragraph: a block's first line, or any line of a block that holds
    // one paragraph per line.
    size_t last_line = static_cast<size_t>(-1);
    for (const RuleMatch& m : context.candidates) {
      const size_t line = doc.LineIndexAt(m.begin);
      const size_t b = doc.BlockOfLine(line);
      if (b == Document::kNoBlock || line == last_line) continue;
      const Block& block = doc.blocks()[b];
      if (m.begin - doc.lines()[line].begin > kMaxPrefixBytes) continue;
      if (line == block.first_line ? b < head : !doc.ParagraphPerLine(b)) continue;
      last_line = line;
      CheckLine(doc, line, out);
    }
  }

  std::vector<PatternSpec> CandidatePatterns() const override {
    std::vector<PatternSpec> patterns;
    for (const std::string& form : forms_) {
      for (const std::string& tag : {absl::StrCat("(", form, ")"), absl::StrCat("/", form, "/")}) {
        patterns.push_back({.text = tag, .literal = true, .caseless = true,
                            .origin = "built-in rule newswire.dateline (dictionaries/agencies.txt)"});
      }
    }
    // An acronym in brackets before a dash: a dateline with an agency no
    // list names.
    patterns.push_back({.text = "\\([A-Z]{2,6}\\)[ \\t]*(-|\\x{2013}|\\x{2014}|\\.-)",
                        .literal = false, .caseless = false,
                        .origin = "built-in rule newswire.dateline (an unlisted agency)"});
    return patterns;
  }

 private:
  // A dateline tag stands this close to the start of its paragraph
  // (`RIO DE JANEIRO, 26 de febrero de 2021 (EFE) -`).
  static constexpr size_t kMaxPrefixBytes = 100;

  // Walks the blocks before the story: the headline, its repeats and
  // dateline lines. The first other block starts the story; only its prefix
  // may still be a dateline. Stopping there keeps the rule idempotent:
  // removing a dateline never brings a later paragraph into view. Returns
  // the first block it did not judge.
  size_t CheckHead(const Document& doc, std::vector<Finding>* out) const {
    const size_t blocks = std::min(kHeadBlocks, doc.blocks().size());
    for (size_t b = 0; b < blocks; ++b) {
      const Block& block = doc.blocks()[b];
      switch (CheckLine(doc, block.first_line, out)) {
        case Verdict::kDatelineLine:
          if (block.first_line == block.last_line) continue;
          return b + 1;  // the story goes on in the same block
        case Verdict::kDatelinePrefix:
        case Verdict::kReported:
          return b + 1;
        case Verdict::kNone:
          break;
      }
      // The headline is a single line; anything else starts the story.
      if (block.first_line != block.last_line || !LooksLikeHeadline(doc, b)) return b + 1;
    }
    return blocks;
  }

  enum class Verdict { kNone, kDatelineLine, kDatelinePrefix, kReported };

  // A line that is a dateline, or opens with one; or opens with one whose
  // agency no list names (reported).
  Verdict CheckLine(const Document& doc, size_t line, std::vector<Finding>* out) const {
    const std::string_view text = doc.LineText(line);
    const size_t begin = doc.lines()[line].begin;
    if (text.size() <= 160 && RE2::FullMatch(text, *line_)) {
      Finding f = MakeFinding(begin, doc.lines()[line].end);
      f.delete_lines = true;
      out->push_back(std::move(f));
      return Verdict::kDatelineLine;
    }
    re2::StringPiece match;
    if (RE2::PartialMatch(text, *prefix_, &match) && match.size() < text.size()) {
      Finding f = MakeFinding(begin, begin + match.size());
      f.edits.push_back({begin, begin + match.size(), ""});
      out->push_back(std::move(f));
      return Verdict::kDatelinePrefix;
    }
    re2::StringPiece agency;
    if (RE2::PartialMatch(text, *unknown_, &match, &agency) && match.size() < text.size()) {
      Finding f = MakeFinding(
          begin, begin + match.size(),
          absl::StrCat("“", std::string(match.data(), match.size()),
                       "” has the shape of a dateline, but no agency list names ",
                       std::string(agency.data(), agency.size()),
                       " (dictionaries/agencies.txt); reported only"));
      f.severity = Severity::kInfo;
      out->push_back(std::move(f));
      return Verdict::kReported;
    }
    return Verdict::kNone;
  }

 private:
  std::unique_ptr<RE2> line_;
  std::unique_ptr<RE2> prefix_;
  std::unique_ptr<RE2> unknown_;  // the prefix shape with any acronym as the agency
  std::vector<std::string> forms_;  // every agency form, for the candidates
};

}  // namespace

absl::StatusOr<std::unique_ptr<StructuralRule>> MakeDatelineRule(const WordLists& words) {
  if (words.agencies().empty()) {
    return absl::NotFoundError("newswire.dateline: the agency list is empty");
  }
  // City: one to four capitalised words (an all-caps city too), linked by
  // short lowercase particles (`Rio de Janeiro`, `Frankfurt am Main`:
  // dictionaries/place-particles.txt).
  const std::string word = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*";
  const std::string city = absl::StrCat(
      word, "(?:\\s+(?:", LiteralAlternation(words.lexicon(Lexicon::kPlaceParticles)),
      "\\s+)?", word, "){0,3}");
  // Date: after a comma, up to 24 characters without brackets (`26`,
  // `Feb. 3`, `3 de febrero`, `26/02/2021`).
  const std::string date = "(?:\\s*,\\s*[^()\\n]{1,24}?)?";
  // The agency in brackets, or between slashes as TASS writes it
  // (`MOSCOW, March 17. /TASS/.`).
  const std::string names = absl::StrCat("(?i:", AgencyAlternation(words), ")");
  const std::string agency =
      absl::StrCat("(?:\\(\\s*", names, "\\s*\\)|/\\s*", names, "\\s*/)");
  const std::string dash = "(?:\\s*(?:[-–—]{1,2}|\\.-|:|\\.))";
  RE2::Options options;
  options.set_log_errors(false);
  auto line = std::make_unique<RE2>(
      absl::StrCat("\\s*", city, date, "\\s*", agency, dash, "?\\s*"), options);
  auto prefix = std::make_unique<RE2>(
      absl::StrCat("^(", city, date, "\\s*", agency, dash, "\\s*)\\S"), options);
  // An acronym no list names needs a dash after it (`HANOI (XYZ) - `):
  // brackets alone are as often an abbreviation in a sentence.
  auto unknown = std::make_unique<RE2>(
      absl::StrCat("^(", city, date, "\\s*\\(\\s*(\\p{Lu}{2,6})\\s*\\)\\s*(?:[-–—]{1,2}|\\.-)\\s*)\\S"),
      options);
  for (const RE2* re : {line.get(), prefix.get(), unknown.get()}) {
    if (!re->ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "newswire.dateline: cannot build the dateline expression from the agency list: ",
          re->error()));
    }
  }
  return std::make_unique<DatelineRule>(std::move(line), std::move(prefix), std::move(unknown),
                                        AgencyForms(words));
}

}  // namespace mtclean::internal
