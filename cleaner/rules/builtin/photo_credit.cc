// scrape.photo-credit
//
// What it does: removes photo credits that the scraper turned into text:
//  - a line that is only a credit: `Photo: Reuters`, `(Photo: VCG)`,
//    `/Xinhua Photo`, `Image: handout`, `Foto: EFE`, `Photo credit: Jane
//    Doe`, `REUTERS/Jane Doe`, `Jane Doe/AFP`, `Getty Images`: the line goes;
//  - a credit glued to the end of a caption line, in brackets (`... on
//    Monday (Photo: Reuters)`), after the caption's final stop (`... in
//    Kyiv. Foto: EFE`), after a dash or bar, or after a slash (`... on
//    Monday /Xinhua Photo`): the caption goes with it when the line has a
//    caption's shape (short, one or two sentences), as the real-page labels
//    delete captions (bench/wild/README.md); from a longer line only the
//    tag goes.
//
// Why: a credit belongs under the photo; in the text it is noise between
// paragraphs or at the end of a caption.
//
// A credit is a label (Photo, Foto, Image, Bild, Crédit photo, Imagem...,
// with a capital, in en, es, fr, de, it, pt), an optional `by`/`por`/`par`/
// `von`/`di`..., a separator, and a name: capitalised words, connectors
// (`of`, `de`, `via`...), handout words (`handout`, `archivo`, `file`...),
// agencies (dictionaries/agencies.txt) and stock sources; or a source
// followed by a label word (`Xinhua Photo`) or joined to a name by a slash
// or a dash (`REUTERS/Jane Doe/File`, `Keystone - Jane Doe`); or a name
// after a copyright sign (`© Jane Doe`). At the end of a caption, after
// its stop, a label needs no separator before a person's name (`... at
// dawn. Photo Jane Doe`), and a label with a colon needs no stop before it
// (`... the new ward Foto: Ana Lima`).
// The words are data, every language's at once: dictionaries/<lang>/
// credit-labels.txt, credit-by-words.txt, credit-name-words.txt and
// dictionaries/stock-sources.txt.
// Telling a name from a caption (`Photo: the mayor cuts the ribbon`, which
// stays) needs the capitalisation and the agency list, so this is code, not
// a pattern.
#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"

namespace mtclean::internal {
namespace {

// A credit's name has at most this many words and bytes.
constexpr size_t kMaxCreditWords = 8;
constexpr size_t kMaxCreditBytes = 80;
// A glued credit starts within this many bytes of the line's end.
constexpr size_t kTailWindow = 160;
// A line ending in a credit is a caption, deleted whole, when the text
// before the credit is at most this long and holds fewer sentence ends
// than this (inside it; its final stop not counted); a longer line keeps
// its text and loses only the credit.
constexpr size_t kMaxCaptionBytes = 320;
constexpr size_t kMaxCaptionSentences = 2;

RuleDescription Describe() {
  RuleDescription d;
  d.id = "scrape.photo-credit";
  d.severity = Severity::kWarning;
  d.message = "Photo credit left in the text";
  d.description =
      "A line that is only a photo credit (a label such as Photo, Foto, "
      "Image, Bild, Crédit photo or Imagem and a name, an agency with a "
      "slash or a label word, a stock source), or such a credit glued to "
      "the end of a caption line, in brackets, after the final stop, a dash "
      "or a slash, after a closing bracket, or (a label with a colon) after "
      "any word; credits of a source and a name joined by a slash or a dash, "
      "with a handout word (`REUTERS/Jane Doe/File Photo`), after a copyright "
      "sign. Credit lines go, and so do captions ending in a credit "
      "(short lines of one or two sentences); from a longer line only the "
      "credit is cut.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Flooded streets in the north\n\n"
       "Photo: Reuters\n\n"
       "Rescue teams evacuated two hundred people on Sunday.\n",
       "Flooded streets in the north\n\n"
       "Rescue teams evacuated two hundred people on Sunday.\n"},
      {RuleExample::Kind::kBad,
       "Vendimia en La Rioja\n\n"
       "Temporeros en un viñedo de Haro, el lunes. Foto: EFE\n\n"
       "La cosecha empezó dos semanas antes de lo habitual.\n",
       "Vendimia en La Rioja\n\n"
       "La cosecha empezó dos semanas antes de lo habitual.\n"},
      {RuleExample::Kind::kBad,
       "New bridge opens\n\n"
       "Cars cross the new bridge over the Yangtze on Monday /Xinhua Photo\n\n"
       "(Photo: VCG)\n\n"
       "The bridge cuts the crossing time to ten minutes.\n",
       "New bridge opens\n\n"
       "The bridge cuts the crossing time to ten minutes.\n"},
      {RuleExample::Kind::kBad,
       "Le tramway arrive à Nantes\n\n"
       "Crédit photo : Jean Dupont / AFP\n\n"
       "Les premières rames circuleront en juin.\n",
       "Le tramway arrive à Nantes\n\n"
       "Les premières rames circuleront en juin.\n"},
      {RuleExample::Kind::kBad,
       "Hafen erhält neue Kräne\n\n"
       "Die neuen Kräne im Hamburger Hafen (Foto: dpa)\n\n"
       "Sie sollen ab Juli arbeiten.\n",
       "Hafen erhält neue Kräne\n\n"
       "Sie sollen ab Juli arbeiten.\n"},
      {RuleExample::Kind::kBad,
       "Harbour reopens\n\n"
       "The harbour reopened on Monday. Fishing boats returned at dawn. The "
       "first catch was sold by noon. Traders said prices held (Photo: Reuters)\n\n"
       "The council will review the repairs in May.\n",
       "Harbour reopens\n\n"
       "The harbour reopened on Monday. Fishing boats returned at dawn. The "
       "first catch was sold by noon. Traders said prices held\n\n"
       "The council will review the repairs in May.\n"},
      {RuleExample::Kind::kBad,
       "Il museo riapre\n\nFoto d'archivio: ANSA\n\nI lavori sono costati due milioni.\n",
       "Il museo riapre\n\nI lavori sono costati due milioni.\n"},
      {RuleExample::Kind::kBad,
       "Porto reabre\n\nImagem: Divulgação\n\nOs navios voltaram a atracar.\n",
       "Porto reabre\n\nOs navios voltaram a atracar.\n"},
      {RuleExample::Kind::kBad,
       "Appeal heard in Lisbon\n\n"
       "FILE PHOTO: Marchers carry banners past the parliament in Lisbon, May 3, "
       "2021. REUTERS/Ana Costa/File Photo\n\n"
       "The court will rule on the appeal on Friday.\n",
       "Appeal heard in Lisbon\n\n"
       "The court will rule on the appeal on Friday.\n"},
      {RuleExample::Kind::kBad,
       "Neige sur Genève\n\n"
       "Les quais sous la neige, lundi 4 janvier. (KEYSTONE/Marc Vidal)\n\n"
       "Les transports publics circulent avec du retard.\n",
       "Neige sur Genève\n\n"
       "Les transports publics circulent avec du retard.\n"},
      {RuleExample::Kind::kBad,
       "Traduzioni automatiche\n\n"
       "Un programma di traduzione sullo schermo di un ufficio... © Keystone / Luca Ferri\n\n"
       "Le traduzioni sono servite al pubblico in tre lingue.\n",
       "Traduzioni automatiche\n\n"
       "Le traduzioni sono servite al pubblico in tre lingue.\n"},
      {RuleExample::Kind::kBad,
       "Régates d'automne\n\n"
       "Les voiliers quittent le port au lever du jour. Photo Paul Marchand\n\n"
       "La course reprend samedi.\n",
       "Régates d'automne\n\n"
       "La course reprend samedi.\n"},
      {RuleExample::Kind::kBad,
       "Hospital ganha nova ala\n\n"
       "A ministra visita a nova ala do hospital Foto: Ana Lima/Arquivo pessoal\n\n"
       "A ala terá quarenta leitos.\n",
       "Hospital ganha nova ala\n\n"
       "A ala terá quarenta leitos.\n"},
      {RuleExample::Kind::kBad,
       "Unfall am Bahnhof\n\n"
       "Helfer versorgen einen Verletzten am Bahnhof (Foto: dpa) Foto: dpa\n\n"
       "Der Zugverkehr lief am Abend wieder.\n",
       "Unfall am Bahnhof\n\n"
       "Der Zugverkehr lief am Abend wieder.\n"},
      {RuleExample::Kind::kOk,
       "Photo Finish Decides the Derby\n\n"
       "Two horses crossed the line together and the judges needed the camera.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Le musée de la ville\n\n"
       "Le musée présente une exposition intitulée Photo: la ville en noir et blanc\n\n"
       "Elle reste ouverte jusqu'en mars.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Vote in Geneva\n\n"
       "He spoke after the vote (in Geneva) Photo opportunities were few\n\n"
       "The count ends tonight.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Poll of the week\n\n"
       "The figures came out on Tuesday. Reuters - Ipsos\n\n"
       "The survey asked two thousand adults.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Ribbon cut at the station\n\n"
       "Photo: the mayor cuts the ribbon at the new station on Monday\n\n"
       "The line opens to passengers next week.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Award for a photographer\n\n"
       "The jury praised the photo by Ana Ruiz, a Reuters photographer, and "
       "the image of the flooded square that went round the world.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Poll results\n\nA Reuters/Ipsos poll published on Tuesday put the "
       "government six points ahead.\n",
       ""},
  };
  return d;
}

// The lexicons of the rule (dictionaries/README.md), folded as the rule
// folds the words of a line.
struct CreditLexicons {
  // Matched against the first one to three words of a candidate, which
  // must start with a capital.
  absl::flat_hash_set<std::string> labels;
  // The first words of the labels: a candidate that starts otherwise has
  // no label, and no longer phrase need be tried.
  absl::flat_hash_set<std::string> label_first_words;
  // Labels that are a credit on their own: `File photo`, `Foto de archivo`.
  absl::flat_hash_set<std::string> alone_labels;
  // Label words that may follow a source: `Xinhua Photo`, `EFE Foto`.
  absl::flat_hash_set<std::string> suffix_labels;
  // Words between a label and the name: `Photo by`, `Foto de`, `Courtesy of`.
  absl::flat_hash_set<std::string> by_words;
  // Lowercase words a credit's name may hold: connectors and handout words.
  absl::flat_hash_set<std::string> name_words;
  // Picture agencies and stock libraries: a credit even alone on a line.
  absl::flat_hash_set<std::string> stock;
};

CreditLexicons MakeLexicons(const WordLists& words) {
  CreditLexicons lexicons;
  for (const CreditLabel& l : words.credit_labels()) {
    std::string label = FoldForCompare(l.label);
    lexicons.label_first_words.insert(label.substr(0, label.find(' ')));
    if (l.alone) lexicons.alone_labels.insert(label);
    if (l.suffix) lexicons.suffix_labels.insert(label);
    lexicons.labels.insert(std::move(label));
  }
  for (const std::string& w : words.lexicon(Lexicon::kCreditByWords)) {
    lexicons.by_words.insert(FoldWord(w));
  }
  for (const std::string& w : words.lexicon(Lexicon::kCreditNameWords)) {
    lexicons.name_words.insert(FoldWord(w));
  }
  for (const std::string& s : words.lexicon(Lexicon::kStockSources)) {
    lexicons.stock.insert(FoldForCompare(s));
  }
  return lexicons;
}

enum class Kind { kWord, kSlash, kColon, kBar, kDash };

struct Token {
  std::string_view text;
  Kind kind;
};

// The token of `s` at or after `*i` (words and separators: `/`, `:`, `|`
// and dashes standing alone; trailing commas and full stops cut from
// words); false at the end. Moves `*i` past it.
bool NextToken(std::string_view s, size_t* i, Token* out) {
  while (*i < s.size()) {
    const char c = s[*i];
    if (c == ' ' || c == '\t') {
      ++*i;
      continue;
    }
    if (c == '/' || c == ':' || c == '|') {
      *out = {s.substr(*i, 1), c == '/' ? Kind::kSlash : c == ':' ? Kind::kColon : Kind::kBar};
      ++*i;
      return true;
    }
    size_t j = *i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '/' && s[j] != ':' &&
           s[j] != '|') {
      ++j;
    }
    std::string_view word = s.substr(*i, j - *i);
    *i = j;
    if (word == "-" || word == "\u2013" || word == "\u2014") {
      *out = {word, Kind::kDash};
      return true;
    }
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    if (!word.empty()) {
      *out = {word, Kind::kWord};
      return true;
    }
  }
  return false;
}

// Splits a candidate into its tokens (NextToken).
void Tokenize(std::string_view s, std::vector<Token>* out) {
  out->clear();
  size_t i = 0;
  Token token;
  while (NextToken(s, &i, &token)) out->push_back(token);
}

bool StartsCapital(std::string_view word) {
  size_t i = 0;
  const char32_t c = NextCodePoint(word, i);
  return IsUpper(c) || IsDigit(c) || c == U'\u00A9';
}

class PhotoCreditRule : public StructuralRule {
 public:
  PhotoCreditRule(CreditLexicons lexicons, absl::flat_hash_set<std::string> sources)
      : StructuralRule(Describe()), lexicons_(std::move(lexicons)), sources_(std::move(sources)) {
    for (const std::string& s : sources_) {
      size_t b = 0;
      while (b < s.size()) {
        size_t e = s.find(' ', b);
        if (e == std::string::npos) e = s.size();
        source_words_.insert(s.substr(b, e - b));
        b = e + 1;
      }
    }
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const Document& doc = context.doc;
    for (size_t l = 0; l < doc.lines().size(); ++l) {
      if (doc.BlockOfLine(l) == Document::kNoBlock) continue;
      const Line& line = doc.lines()[l];
      const std::string_view text = doc.LineText(l);
      if (IsCreditLine(text)) {
        if (doc.IsProtected(line.begin, line.end)) continue;
        Finding f = MakeFinding(line.begin, line.end,
                                absl::StrCat("removed ", QuoteExcerpt(text),
                                             " (a credit alone on its line)"));
        f.delete_lines = true;
        out->push_back(std::move(f));
        continue;
      }
      if (const std::optional<std::pair<size_t, size_t>> tag = GluedTag(text)) {
        const size_t begin = line.begin + tag->first;
        const size_t end = line.begin + tag->second;
        if (doc.IsProtected(begin, end)) continue;
        // A credit marks its line as a caption; a caption's shape (short,
        // one or two sentences) is the second piece of evidence that the
        // whole line is the photo's, not the story's: it goes with it.
        if (IsCaptionShaped(text.substr(0, tag->first)) &&
            !doc.IsProtected(line.begin, line.end)) {
          Finding f = MakeFinding(
              line.begin, line.end,
              absl::StrCat("removed the caption ", QuoteExcerpt(text),
                           " (a short line ending in a photo credit)"));
          f.delete_lines = true;
          out->push_back(std::move(f));
          continue;
        }
        Finding f = MakeFinding(
            begin, end,
            absl::StrCat("removed ", QuoteExcerpt(doc.text().substr(begin, end - begin)),
                         " (a credit glued to the end of a caption line)"));
        f.edits.push_back({begin, end, ""});
        out->push_back(std::move(f));
      }
    }
  }

 private:
  // A lowercase word a credit's name may hold (folded).
  bool IsCreditLowercase(std::string_view lower) const {
    return lexicons_.name_words.contains(absl::string_view(lower.data(), lower.size()));
  }

  // A handout word (`handout`, `archivo`): a credit's name word of four
  // bytes or more, which makes a name a credit's on its own; the shorter
  // ones are connectors.
  bool IsHandoutWord(std::string_view lower) const {
    return IsCreditLowercase(lower) && lower.size() > 3;
  }

  // A word a credit's name may hold.
  bool IsNameWord(std::string_view word) const {
    if (StartsCapital(word)) return true;
    const std::string lower = FoldWord(word);
    return IsCreditLowercase(lower) || source_words_.contains(lower);
  }

  bool IsStrongWord(std::string_view word) const {
    const std::string lower = FoldWord(word);
    return (StartsCapital(word) && !IsCreditLowercase(lower)) || IsHandoutWord(lower) ||
           source_words_.contains(lower);
  }

  // The name after a label: words (and slashes, bars, dashes between them),
  // at least one of them a capitalised, handout or source word.
  bool IsName(const std::vector<Token>& t, size_t from) const {
    size_t words = 0;
    bool strong = false;
    for (size_t i = from; i < t.size(); ++i) {
      if (t[i].kind == Kind::kColon) return false;
      if (t[i].kind != Kind::kWord) continue;
      if (!IsNameWord(t[i].text)) return false;
      strong = strong || IsStrongWord(t[i].text);
      ++words;
    }
    return words > 0 && words <= kMaxCreditWords && strong && t.back().kind == Kind::kWord;
  }

  // A person's name: two to four capitalised words (`Jane Doe`,
  // `Jean-Marie Liot`), nothing else.
  static bool IsPersonName(const std::vector<Token>& t, size_t from) {
    const size_t words = t.size() - from;
    if (words < 2 || words > 4) return false;
    for (size_t i = from; i < t.size(); ++i) {
      if (t[i].kind != Kind::kWord || !StartsCapital(t[i].text)) return false;
    }
    return true;
  }

  // Label form: `Photo: Reuters`, `Photo by Jane Doe`, `Foto EFE`; at the
  // end of a caption (`tail`) also `Photo Jane Doe`.
  bool IsLabelledCredit(const std::vector<Token>& t, bool tail) const {
    if (t.empty() || t[0].kind != Kind::kWord || !StartsCapital(t[0].text) ||
        !lexicons_.label_first_words.contains(FoldWord(t[0].text))) {
      return false;
    }
    // The longest label of up to three words.
    size_t label_end = 0;
    std::string phrase;
    for (size_t i = 0; i < t.size() && i < 3 && t[i].kind == Kind::kWord; ++i) {
      if (i > 0) phrase += ' ';
      phrase += FoldWord(t[i].text);
      if (lexicons_.labels.contains(phrase)) label_end = i + 1;
    }
    if (label_end == 0) return false;
    if (label_end == t.size()) return lexicons_.alone_labels.contains(phrase);
    size_t i = label_end;
    bool joined = false;  // a by-word or a separator links label and name
    if (i < t.size() && t[i].kind == Kind::kWord &&
        lexicons_.by_words.contains(FoldWord(t[i].text))) {
      ++i;
      joined = true;
    }
    if (i < t.size() && t[i].kind != Kind::kWord) {
      ++i;
      joined = true;
    }
    if (i >= t.size()) return false;
    // `Foto EFE`: without a separator the name must be a source, or, at
    // the end of a caption, a person's name (a line of its own could be a
    // headline: `Photo Finish Decides Derby`).
    if (!joined && !source_words_.contains(FoldWord(t[i].text))) {
      return tail && IsPersonName(t, i);
    }
    return IsName(t, i);
  }

  // Source form: `/Xinhua Photo`, `Xinhua Photo`, `REUTERS/Jane Doe`,
  // `Jane Doe/AFP`, `AFP via Getty Images`, `Getty Images`,
  // `REUTERS/Jane Doe/File Photo`, `Keystone - Jane Doe`.
  bool IsSourceCredit(const std::vector<Token>& t) const {
    size_t i = 0;
    const bool leading_slash = !t.empty() && t[0].kind == Kind::kSlash;
    if (leading_slash) ++i;
    size_t end = t.size();
    bool suffix = false;
    if (end > i + 1 && t[end - 1].kind == Kind::kWord && StartsCapital(t[end - 1].text) &&
        lexicons_.suffix_labels.contains(FoldWord(t[end - 1].text))) {
      --end;
      suffix = true;
    }
    // Every word must be a name word (or `via`): most candidates fail here,
    // before any group is built.
    for (size_t k = i; k < end; ++k) {
      if (t[k].kind == Kind::kSlash || t[k].kind == Kind::kDash) continue;
      if (t[k].kind != Kind::kWord) return false;
      if (!IsNameWord(t[k].text) && FoldWord(t[k].text) != "via") return false;
    }
    // Groups of words split by slashes, dashes and `via`: sources, names of
    // people of two words or more (`Reuters/Ipsos` is a poll, not a
    // credit), and after the first, a handout word (`/File`, `/Handout`).
    std::vector<std::string> groups(1);
    size_t words = 0;
    size_t group_words = 0;
    bool any_source = false;
    bool only_stock = true;
    auto close_group = [&]() {
      if (groups.back().empty()) return false;
      if (sources_.contains(groups.back())) {
        any_source = true;
        if (!IsStock(groups.back())) only_stock = false;
      } else {
        if (group_words < 2 && !(groups.size() > 1 && IsHandoutWord(groups.back()))) {
          return false;
        }
        only_stock = false;
      }
      group_words = 0;
      return true;
    };
    for (; i < end; ++i) {
      if (t[i].kind == Kind::kSlash || t[i].kind == Kind::kDash ||
          (t[i].kind == Kind::kWord && FoldWord(t[i].text) == "via")) {
        if (!close_group()) return false;
        groups.emplace_back();
        continue;
      }
      // A name word: checked above.
      if (!groups.back().empty()) groups.back() += ' ';
      groups.back() += FoldWord(t[i].text);
      ++words;
      ++group_words;
    }
    if (!close_group() || words == 0 || words > kMaxCreditWords || !any_source) return false;
    return leading_slash || suffix || groups.size() > 1 || only_stock;
  }

  // `tail`: `s` ends a caption line, after its stop.
  bool IsCredit(std::string_view s, bool tail = false) const {
    if (s.size() > kMaxCreditBytes + 24) return false;
    // `© Jane Doe`, `© Keystone / Jane Doe`: the sign makes any name a
    // credit's.
    constexpr std::string_view kCopyright = "\u00A9";
    const bool copyright = s.substr(0, kCopyright.size()) == kCopyright;
    if (copyright) s.remove_prefix(kCopyright.size());
    // Every caption line is tried at each sentence end near its end: the
    // tokens' storage is kept from one call to the next.
    if (!copyright && !MayBeCredit(s)) return false;
    thread_local std::vector<Token> t;
    Tokenize(s, &t);
    if (copyright && !t.empty() && t[0].kind == Kind::kWord && IsName(t, 0)) return true;
    return IsLabelledCredit(t, tail) || IsSourceCredit(t);
  }

  // False when `s` can be neither a labelled nor a source credit: its first
  // token is not a label's first word, and one of its tokens is a word no
  // source credit holds, a colon or a bar (what IsLabelledCredit and
  // IsSourceCredit would find after tokenizing it all). Most candidates are
  // caption or story text and fail at their first lowercase word.
  bool MayBeCredit(std::string_view s) const {
    size_t i = 0;
    Token token;
    bool first = true;
    while (NextToken(s, &i, &token)) {
      if (first) {
        first = false;
        if (token.kind == Kind::kWord && StartsCapital(token.text) &&
            lexicons_.label_first_words.contains(FoldWord(token.text))) {
          return true;
        }
      }
      if (token.kind == Kind::kColon || token.kind == Kind::kBar) return false;
      if (token.kind == Kind::kWord && !IsNameWord(token.text) && FoldWord(token.text) != "via") {
        return false;
      }
    }
    return true;
  }

  // `s` starts with a label and a colon (`Foto: ...`, `Crédit photo :`).
  bool StartsWithColonLabel(std::string_view s) const {
    const size_t colon = s.substr(0, 24).find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    std::string_view label = s.substr(0, colon);
    while (!label.empty() && label.back() == ' ') label.remove_suffix(1);
    return !label.empty() && StartsCapital(label) &&
           lexicons_.labels.contains(FoldForCompare(label));
  }

  // The whole line is a credit, maybe in brackets, maybe with a final stop.
  bool IsCreditLine(std::string_view text) const {
    std::string_view s = Trim(text);
    if (s.empty() || s.size() > kMaxCreditBytes + 24) return false;
    if (s.back() == '.') s.remove_suffix(1);
    if (s.size() >= 2 && ((s.front() == '(' && s.back() == ')') ||
                          (s.front() == '[' && s.back() == ']'))) {
      s = s.substr(1, s.size() - 2);
    }
    return IsCredit(s);
  }

  // A credit at the end of a caption line: the byte span to delete.
  std::optional<std::pair<size_t, size_t>> GluedTag(std::string_view text) const {
    size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    if (end < 4) return std::nullopt;
    const size_t window = end > kTailWindow ? end - kTailWindow : 0;

    // In brackets: `caption (Photo: Reuters)`, maybe before a final stop.
    size_t close = end;
    if (text[close - 1] == '.') --close;
    if (close > 0 && (text[close - 1] == ')' || text[close - 1] == ']')) {
      const char open_char = text[close - 1] == ')' ? '(' : '[';
      const size_t open = text.rfind(open_char, close - 1);
      if (open != std::string_view::npos && open >= window && open > 0 &&
          IsCredit(text.substr(open + 1, close - 1 - open - 1))) {
        size_t begin = open;
        while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
        if (HasLetter(text.substr(0, begin))) return std::make_pair(begin, close);
      }
    }

    // After the caption's final stop, a dash, a bar or before a slash: the
    // leftmost boundary whose rest is a credit.
    for (size_t i = std::max<size_t>(window, 1); i < end; ++i) {
      if (text[i] != ' ') continue;
      size_t tag = i;
      while (tag < end && text[tag] == ' ') ++tag;
      if (tag >= end) break;
      // Only a slash after, or these before, make a boundary: most spaces
      // follow a letter.
      const char last = text[i - 1];
      const unsigned char first = static_cast<unsigned char>(text[tag]);
      const bool colon_label = (first >= 0x80 || (first >= 'A' && first <= 'Z')) &&
                               StartsWithColonLabel(text.substr(tag, end - tag));
      if (text[tag] != '/' && !colon_label && static_cast<unsigned char>(last) < 0x80 &&
          last != '.' && last != '!' && last != '?' && last != '"' && last != '-' &&
          last != '|' && last != ')' && last != ']') {
        continue;
      }
      size_t begin = i;  // the deletion keeps the text before the space
      size_t prev = i;
      const char32_t before = PreviousCodePoint(text, prev);
      bool boundary = false;
      bool after_stop = false;
      if (text[tag] == '/') {
        boundary = true;
      } else if (before == ')' || before == ']') {
        // `... (Foto: dpa) Foto: dpa`: a closing bracket ends a caption.
        boundary = true;
      } else if (before == '.' || before == '!' || before == '?' || before == U'\u2026' ||
                 ((before == U'\u201D' || before == '"' || before == U'\u00BB') && prev > 0 &&
                  IsSentenceEnd(text, prev))) {
        boundary = true;
        after_stop = true;
      } else if (before == '-' || before == '|' || before == U'\u2013' || before == U'\u2014') {
        // ` - Photo: X`: the dash goes with the tag.
        if (prev > 0 && text[prev - 1] == ' ') {
          begin = prev - 1;
          while (begin > 0 && text[begin - 1] == ' ') --begin;
          boundary = true;
        }
      }
      // `... the new ward Foto: Ana Lima`: a label and its colon need no
      // stop before them.
      if (!boundary && colon_label) boundary = true;
      if (!boundary) continue;
      if (!HasLetter(text.substr(0, begin))) return std::nullopt;
      if (IsCredit(text.substr(tag, end - tag), after_stop)) return std::make_pair(begin, end);
      i = tag - 1;
    }
    return std::nullopt;
  }

  // A caption before its credit: at most kMaxCaptionBytes, with at most
  // kMaxCaptionSentences sentence ends inside (a story paragraph that
  // happens to end with a credit-like tag is longer).
  static bool IsCaptionShaped(std::string_view caption) {
    if (caption.size() > kMaxCaptionBytes) return false;
    size_t sentences = 0;
    for (size_t i = 0; i + 1 < caption.size(); ++i) {
      const char c = caption[i];
      if ((c == '.' || c == '!' || c == '?') && caption[i + 1] == ' ') ++sentences;
    }
    return sentences < kMaxCaptionSentences;
  }

  // A closing quote at [.., prev] that follows sentence-ending punctuation.
  static bool IsSentenceEnd(std::string_view text, size_t quote_begin) {
    size_t j = quote_begin;
    const char32_t c = PreviousCodePoint(text, j);
    return c == '.' || c == '!' || c == '?' || c == U'\u2026';
  }

  static bool HasLetter(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      if (IsLetter(NextCodePoint(s, i))) return true;
    }
    return false;
  }

  static std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }

  bool IsStock(const std::string& source) const { return lexicons_.stock.contains(source); }

  CreditLexicons lexicons_;
  absl::flat_hash_set<std::string> sources_;       // folded names
  absl::flat_hash_set<std::string> source_words_;  // their words
};

}  // namespace

std::unique_ptr<StructuralRule> MakePhotoCreditRule(const WordLists& words) {
  CreditLexicons lexicons = MakeLexicons(words);
  absl::flat_hash_set<std::string> sources;
  for (const Agency& a : words.agencies()) {
    sources.insert(FoldForCompare(a.canonical));
    for (const std::string& v : a.variants) sources.insert(FoldForCompare(v));
  }
  sources.insert(lexicons.stock.begin(), lexicons.stock.end());
  return std::make_unique<PhotoCreditRule>(std::move(lexicons), std::move(sources));
}

}  // namespace mtclean::internal
