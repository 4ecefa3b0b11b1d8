// scrape.author-box
//
// What it does: removes the author furniture scraped above or below a
// story, in the head or the tail (within three content blocks of either
// end):
//  - author archive links: `All posts by Jane Doe`, `Ver todas las entradas
//    de ...`, `Tous les articles de ...`, `Alle Beiträge von ...`, `Tutti
//    gli articoli di ...`, `Todos os posts de ...`;
//  - an `About the author` header (and its translations) with the name line
//    and the short bio under it;
//  - a short bio as a block of its own: a name, then `is a reporter at`,
//    `es periodista de`, `est journaliste à`, `ist Redakteurin bei`, `è
//    giornalista di`, `é jornalista do`, `covers` ... in at most 80 words,
//    when the surname appears nowhere in the story (a story about a reporter
//    names her again; a bio names nobody else);
//  - a byline (`By Jane Doe`, `Por ...`, `Par ...`, `Von ...`, `Di ...`,
//    `Written by ...`, `Author: ...`) printed again when the same name had
//    a byline before: the first one stays. A single byline always stays.
// Lines next to each other (blank lines between) go as one finding. The
// words and phrases are data, every language's at once:
// dictionaries/<lang>/author-*.txt and byline-openers.txt, and
// dictionaries/name-particles.txt (see dictionaries/README.md).
//
// Why: CMS themes print an author box under each post and a byline above
// it; a scraper takes them along with the text.
#include <algorithm>
#include <map>
#include <optional>
#include <span>

#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/document/line_shape.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "re2/re2.h"

namespace mtclean::internal {
namespace {

// Author furniture stands within this many content blocks of either end.
constexpr size_t kEdgeBlocks = 3;
// A bio has at most this many words.
constexpr size_t kMaxBioWords = 80;
// A name has one to this many words.
constexpr size_t kMaxNameWords = 5;

RuleDescription Describe() {
  RuleDescription d;
  d.id = "scrape.author-box";
  d.severity = Severity::kWarning;
  d.message = "Author box left over from the scraped page";
  d.description =
      "Author archive links (`All posts by ...`), an `About the author` "
      "header with the bio under it, a short bio block of its own (`Jane Doe "
      "is a reporter at ...`) whose name the story does not mention, in the "
      "head or tail; and a byline printed again for a name that already had "
      "one (the first byline stays). In en, es, fr, de, it and pt.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Port strike ends after three days\n\n"
       "By Jane Doe\n\n"
       "Dock workers returned to the terminals on Friday after the union "
       "accepted a pay offer.\n\n"
       "The port authority said the backlog would be cleared within a week.\n\n"
       "By Jane Doe\n\n"
       "Jane Doe is a reporter at the Coastal Herald covering shipping and "
       "labour.\n\n"
       "All posts by Jane Doe\n",
       "Port strike ends after three days\n\n"
       "By Jane Doe\n\n"
       "Dock workers returned to the terminals on Friday after the union "
       "accepted a pay offer.\n\n"
       "The port authority said the backlog would be cleared within a week.\n"},
      {RuleExample::Kind::kBad,
       "El Gobierno aprueba el plan de vivienda\n\n"
       "El Consejo de Ministros aprobó este martes un plan para construir "
       "veinte mil viviendas de alquiler.\n\n"
       "La oposición criticó que no haya calendario.\n\n"
       "Sobre el autor\n\n"
       "María López\n\n"
       "Periodista especializada en economía y vivienda.\n\n"
       "Ver todas las entradas de María López\n",
       "El Gobierno aprueba el plan de vivienda\n\n"
       "El Consejo de Ministros aprobó este martes un plan para construir "
       "veinte mil viviendas de alquiler.\n\n"
       "La oposición criticó que no haya calendario.\n"},
      {RuleExample::Kind::kBad,
       "Le tramway de Nantes prolongé\n\n"
       "Tous les articles de Jean Dupont\n\n"
       "La métropole a voté lundi le prolongement de la ligne 1 jusqu'à "
       "l'aéroport.\n\n"
       "Les travaux dureront trois ans.\n",
       "Le tramway de Nantes prolongé\n\n"
       "La métropole a voté lundi le prolongement de la ligne 1 jusqu'à "
       "l'aéroport.\n\n"
       "Les travaux dureront trois ans.\n"},
      {RuleExample::Kind::kBad,
       "Neue Brücke in Köln\n\n"
       "Die Stadt hat am Montag die neue Rheinbrücke eröffnet.\n\n"
       "Der Verkehr soll ab Mittwoch rollen.\n\n"
       "Anna Schmidt ist Redakteurin bei der Rheinischen Rundschau.\n\n"
       "Alle Beiträge von Anna Schmidt\n",
       "Neue Brücke in Köln\n\n"
       "Die Stadt hat am Montag die neue Rheinbrücke eröffnet.\n\n"
       "Der Verkehr soll ab Mittwoch rollen.\n"},
      {RuleExample::Kind::kBad,
       "Il porto di Genova riapre\n\n"
       "Le navi sono tornate in porto lunedì dopo la tempesta.\n\n"
       "I danni sono stimati in due milioni.\n\n"
       "Tutti gli articoli di Marco Rossi\n",
       "Il porto di Genova riapre\n\n"
       "Le navi sono tornate in porto lunedì dopo la tempesta.\n\n"
       "I danni sono stimati in due milioni.\n"},
      {RuleExample::Kind::kBad,
       "Porto de Santos bate recorde\n\n"
       "O porto movimentou mais contêineres do que nunca em março.\n\n"
       "A administração prevê novo recorde em abril.\n\n"
       "Sobre o autor\n"
       "Ana Souza é jornalista do Diário do Litoral.\n",
       "Porto de Santos bate recorde\n\n"
       "O porto movimentou mais contêineres do que nunca em março.\n\n"
       "A administração prevê novo recorde em abril.\n"},
      {RuleExample::Kind::kOk,
       "Reporter freed after a week\n\n"
       "By John Roe\n\n"
       "Ana Ruiz is a reporter at El Diario who was detained on Monday while "
       "covering a protest.\n\n"
       "Ruiz was released on Sunday, her editor said.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Book prize announced\n\n"
       "The jury said the winning novel was written by a former teacher.\n\n"
       "All posts by the jury are published on the prize's website, the "
       "organisers added.\n",
       ""},
  };
  return d;
}

bool StartsCapital(std::string_view w) {
  size_t i = 0;
  return !w.empty() && IsUpper(NextCodePoint(w, i));
}

// Headers, bylines and names are short lines that open with a capital: a
// cheap test before any folding.
constexpr size_t kMaxFurnitureBytes = 160;
bool MaybeFurniture(std::string_view trimmed) {
  return !trimmed.empty() && trimmed.size() <= kMaxFurnitureBytes && StartsCapital(trimmed);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A line's words: most lines asked about are short, and their words stay
// off the heap.
using WordList = absl::InlinedVector<std::string_view, 16>;

// Words split at spaces, with trailing commas and colons cut.
WordList Words(std::string_view s) {
  WordList words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// The name at the start of `words` (from `from`): capitalised words with
// `particles` (name-particles.txt) between them; returns the number of
// words, 0 for none. A trailing comma or separator ends it.
size_t NameLength(std::span<const std::string_view> words, size_t from,
                  std::span<const std::string> particles) {
  size_t n = 0;
  size_t last_capital = 0;
  for (size_t i = from; i < words.size() && n < kMaxNameWords + 2; ++i) {
    std::string_view w = words[i];
    const bool ends = !w.empty() && (w.back() == ',' || w.back() == ';');
    while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == '.')) {
      w.remove_suffix(1);
    }
    if (StartsCapital(w)) {
      ++n;
      last_capital = n;
    } else if (n > 0 && std::find(particles.begin(), particles.end(), w) != particles.end()) {
      ++n;
    } else {
      break;
    }
    if (ends) break;
  }
  return last_capital <= kMaxNameWords ? last_capital : 0;
}

// The last word of a name, without trailing punctuation.
std::string_view Surname(std::span<const std::string_view> words, size_t from, size_t n) {
  std::string_view w = words[from + n - 1];
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':')) {
    w.remove_suffix(1);
  }
  return w;
}

// One piece of furniture found: lines [first, last] and why.
struct Piece {
  size_t first_line;
  size_t last_line;
  std::string evidence;
};

// The lexicons of the rule (dictionaries/README.md), as it compares them.
struct AuthorLexicons {
  // Every match of the bio expression holds one of these, in any case: the
  // shortest of the roles and the beat phrases (a word that holds another
  // is left out).
  std::vector<std::string> bio_words;
  std::vector<std::string> archive_headers;  // folded
  std::vector<std::string> about_headers;    // folded
  // The byline openers split into folded words, those of more words first.
  std::vector<std::vector<std::string>> byline_openers;
  std::vector<std::string> name_particles;  // as written
};

AuthorLexicons MakeLexicons(const WordLists& words) {
  AuthorLexicons lexicons;
  std::vector<std::string> bio_words = words.lexicon(Lexicon::kAuthorRoles);
  for (const std::string& beat : words.lexicon(Lexicon::kAuthorBeats)) {
    if (std::find(bio_words.begin(), bio_words.end(), beat) == bio_words.end()) {
      bio_words.push_back(beat);
    }
  }
  for (const std::string& w : bio_words) {
    const bool holds_another =
        std::any_of(bio_words.begin(), bio_words.end(), [&w](const std::string& u) {
          return u != w && w.find(u) != std::string::npos;
        });
    if (!holds_another) lexicons.bio_words.push_back(w);
  }
  for (const std::string& h : words.lexicon(Lexicon::kAuthorArchiveHeaders)) {
    lexicons.archive_headers.push_back(FoldWord(h));
  }
  for (const std::string& h : words.lexicon(Lexicon::kAuthorAboutHeaders)) {
    lexicons.about_headers.push_back(FoldWord(h));
  }
  for (const std::string& opener : words.lexicon(Lexicon::kBylineOpeners)) {
    std::vector<std::string> parts;
    for (std::string_view w : Words(opener)) parts.push_back(FoldWord(w));
    lexicons.byline_openers.push_back(std::move(parts));
  }
  // `Autrice : Marie Roux` is read with `autrice :`, not with `autrice`.
  std::stable_sort(lexicons.byline_openers.begin(), lexicons.byline_openers.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  lexicons.name_particles = words.lexicon(Lexicon::kNameParticles);
  return lexicons;
}

class AuthorBoxRule : public StructuralRule {
 public:
  AuthorBoxRule(AuthorLexicons lexicons, std::unique_ptr<RE2> bio,
                std::unique_ptr<RE2> bio_anywhere)
      : StructuralRule(Describe()),
        lexicons_(std::move(lexicons)),
        bio_(std::move(bio)),
        bio_anywhere_(std::move(bio_anywhere)) {}

  // The bio words, for the one scan, folding case as the bio expression
  // does (the Kelvin sign and the long s too), so that the expression runs
  // only on lines that have one.
  std::vector<PatternSpec> CandidatePatterns() const override {
    return PatternsFor(lexicons_.bio_words,
                       {.text = "", .literal = true, .caseless = true,
                        .origin = "built-in rule scrape.author-box (bio words)"});
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    if (context.positions == nullptr) return;
    const Document& doc = context.doc;
    const BlockPositions& positions = *context.positions;
    const auto& blocks = doc.blocks();
    std::vector<Piece> pieces;
    std::vector<bool> taken(doc.lines().size(), false);
    auto add = [&](size_t first, size_t last, std::string evidence) {
      // Protected text (inline code, an HTML comment) is never deleted.
      if (doc.IsProtected(doc.lines()[first].begin, doc.lines()[last].end)) return;
      for (size_t l = first; l <= last; ++l) taken[l] = true;
      pieces.push_back({first, last, std::move(evidence)});
    };

    // Bylines: the first of each name stays, later ones go, wherever they
    // are.
    std::map<std::string, size_t> byline_names;  // folded name -> first line
    std::vector<size_t> byline_lines;
    for (size_t l = 0; l < doc.lines().size(); ++l) {
      if (doc.BlockOfLine(l) == Document::kNoBlock) continue;
      std::optional<std::string> name = BylineName(doc.LineText(l));
      if (!name) continue;
      byline_lines.push_back(l);
      if (byline_names.emplace(*name, l).second) continue;
      // An identical line right above is scrape.repeated-block's.
      size_t prev = l;
      while (prev > 0 && doc.lines()[prev - 1].blank) --prev;
      if (prev > 0 && FoldForCompare(doc.LineText(prev - 1)) == FoldForCompare(doc.LineText(l))) {
        continue;
      }
      add(l, l, "a byline printed again");
    }
    const size_t bylines = pieces.size();

    // Candidates for the head and tail, found without looking at where they
    // are.
    for (size_t b = 0; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      for (size_t l = block.first_line; l <= block.last_line; ++l) {
        if (taken[l]) continue;
        const std::string_view text = Trim(doc.LineText(l));
        if (IsArchiveHeader(text)) {
          add(l, l, "an author archive link");
          continue;
        }
        if (IsAboutHeader(text)) {
          // The header takes the rest of its block, or the next block (a
          // name line first, then the bio).
          size_t last = block.last_line;
          if (l == block.last_line && b + 1 < blocks.size() &&
              Words(doc.BlockText(b + 1)).size() <= kMaxBioWords) {
            last = blocks[b + 1].last_line;
            if (blocks[b + 1].first_line == last && IsNameLine(doc.LineText(last)) &&
                b + 2 < blocks.size() && Words(doc.BlockText(b + 2)).size() <= kMaxBioWords) {
              last = blocks[b + 2].last_line;
            }
          }
          add(l, last, "an \u201Cabout the author\u201D header and the bio under it");
          break;
        }
      }
      if (taken[block.first_line]) continue;
      if (std::optional<std::string> evidence =
              BioEvidence(doc, b, byline_lines, context.candidates)) {
        add(block.first_line, block.last_line, *evidence);
      }
    }

    // The head and tail: fewer than kEdgeBlocks blocks of content before or
    // after, counting neither boilerplate nor the candidates themselves (an
    // author box of four blocks is still the tail).
    std::vector<bool> content(blocks.size(), false);
    for (size_t b = 0; b < blocks.size(); ++b) {
      for (size_t l = blocks[b].first_line; l <= blocks[b].last_line && !content[b]; ++l) {
        content[b] = !taken[l] && !positions.boilerplate(l);
      }
    }
    std::vector<size_t> before(blocks.size()), after(blocks.size());
    for (size_t b = 0, n = 0; b < blocks.size(); ++b) {
      before[b] = n;
      if (content[b]) ++n;
    }
    for (size_t b = blocks.size(), n = 0; b-- > 0;) {
      after[b] = n;
      if (content[b]) ++n;
    }
    std::vector<Piece> kept(pieces.begin(), pieces.begin() + bylines);
    for (size_t k = bylines; k < pieces.size(); ++k) {
      const size_t b = doc.BlockOfLine(pieces[k].first_line);
      if ((before[b] < kEdgeBlocks && after[b] > 0) || (after[b] < kEdgeBlocks && before[b] > 0)) {
        kept.push_back(std::move(pieces[k]));
      }
    }
    Emit(doc, std::move(kept), out);
  }

 private:
  bool IsArchiveHeader(std::string_view text) const {
    if (!MaybeFurniture(text)) return false;
    // Every short capitalised line is asked: an ASCII one (most) is compared
    // without folding it into a new string.
    const bool ascii = IsAscii(text);
    const std::string lower = ascii ? std::string() : FoldWord(text);
    for (std::string_view h : lexicons_.archive_headers) {
      const bool opens =
          ascii ? text.size() > h.size() &&
                      absl::EqualsIgnoreCase(absl::string_view(text.data(), h.size()),
                                             absl::string_view(h.data(), h.size()))
                : lower.size() > h.size() && lower.compare(0, h.size(), h) == 0;
      if (!opens) continue;
      // The name after the header, in the original case.
      const WordList words = Words(text);
      const size_t header_words = Words(h).size();
      if (words.size() <= header_words) continue;
      std::span<const std::string_view> tail(words.begin() + header_words, words.end());
      if (!tail.empty() && (tail[0] == ":" || tail[0] == "-")) tail = tail.subspan(1);
      if (tail.empty()) continue;
      // A trailing arrow or post count may follow the name.
      size_t n = NameLength(tail, 0, lexicons_.name_particles);
      size_t i = n;
      while (i < tail.size() && (tail[i] == "\u2192" || tail[i] == "\u00BB" || tail[i] == "\u203A" ||
                                 (tail[i].front() == '(' && tail[i].back() == ')'))) {
        ++i;
      }
      if (n > 0 && i == tail.size()) return true;
    }
    return false;
  }

  bool IsAboutHeader(std::string_view text) const {
    if (!MaybeFurniture(text) || text.size() > 40) return false;
    std::string lower = FoldWord(text);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
    return std::find(lexicons_.about_headers.begin(), lexicons_.about_headers.end(), lower) !=
           lexicons_.about_headers.end();
  }

  // A line that is only a name.
  bool IsNameLine(std::string_view text) const {
    const WordList words = Words(Trim(text));
    return !words.empty() && NameLength(words, 0, lexicons_.name_particles) == words.size();
  }

  // The folded name of a byline (`By Jane Doe`, `Por María López | EFE`), or
  // nullopt.
  std::optional<std::string> BylineName(std::string_view line) const {
    const std::string_view text = Trim(line);
    if (text.size() > 120 || !MaybeFurniture(text)) return std::nullopt;
    const WordList words = Words(text);
    if (words.size() < 2 || words.size() > 14) return std::nullopt;
    // The opener's words, folded as they are needed.
    absl::InlinedVector<std::string, 4> folded;
    auto word = [&](size_t i) -> const std::string& {
      while (folded.size() <= i) folded.push_back(FoldWord(words[folded.size()]));
      return folded[i];
    };
    for (const std::vector<std::string>& parts : lexicons_.byline_openers) {
      if (words.size() <= parts.size()) continue;
      bool same = true;
      for (size_t i = 0; i < parts.size() && same; ++i) same = word(i) == parts[i];
      if (!same) continue;
      const size_t n = parts.size();
      const size_t name = NameLength(words, n, lexicons_.name_particles);
      if (name == 0) continue;
      // After the name: nothing, or a separator and whatever the site adds.
      if (n + name < words.size()) {
        const std::string_view next = words[n + name];
        const char last = words[n + name - 1].back();
        if (last != ',' && next != "|" && next != "-" && next != "\u2013" && next != "\u00B7" &&
            next != "/") {
          continue;
        }
      }
      std::string key;
      for (size_t i = n; i < n + name; ++i) absl::StrAppend(&key, i > n ? " " : "", std::string(words[i]));
      while (!key.empty() && (key.back() == ',' || key.back() == '.')) key.pop_back();
      return FoldWord(key);
    }
    return std::nullopt;
  }

  // Why block `b` is an author bio, or nullopt.
  std::optional<std::string> BioEvidence(const Document& doc, size_t b,
                                         const std::vector<size_t>& byline_lines,
                                         std::span<const RuleMatch> bio_words) const {
    // Eighty words fit in well under this many bytes.
    constexpr size_t kMaxBioBytes = 1200;
    const Block& block = doc.blocks()[b];
    const std::string_view text = doc.BlockText(b);
    if (block.last_line - block.first_line >= 5 || text.size() > kMaxBioBytes ||
        !StartsCapital(text)) {
      return std::nullopt;
    }
    // The scan's bio words, then the expression: most paragraphs have none.
    const std::string_view first_line = doc.LineText(block.first_line);
    const size_t line_begin = static_cast<size_t>(first_line.data() - doc.text().data());
    const auto word = std::lower_bound(
        bio_words.begin(), bio_words.end(), line_begin,
        [](const RuleMatch& m, size_t offset) { return m.begin < offset; });
    if (word == bio_words.end() || word->begin >= line_begin + first_line.size()) {
      return std::nullopt;
    }
    if (!RE2::PartialMatch(first_line, *bio_anywhere_)) return std::nullopt;
    const WordList words = Words(doc.LineText(block.first_line));
    const size_t name = NameLength(words, 0, lexicons_.name_particles);
    if (name == 0 || name >= words.size()) return std::nullopt;
    // The words after the name.
    const size_t rest = static_cast<size_t>(words[name].data() - text.data());
    if (!RE2::PartialMatch(text.substr(rest), *bio_)) return std::nullopt;
    if (Words(text).size() > kMaxBioWords) return std::nullopt;
    // The surname must not appear in the story: other blocks, bylines left
    // out.
    const std::string_view surname = Surname(words, 0, name);
    if (surname.size() < 2) return std::nullopt;
    for (size_t o = 0; o < doc.blocks().size(); ++o) {
      if (o == b) continue;
      const Block& other = doc.blocks()[o];
      for (size_t l = other.first_line; l <= other.last_line; ++l) {
        if (std::binary_search(byline_lines.begin(), byline_lines.end(), l)) continue;
        const std::string_view line = doc.LineText(l);
        if (IsArchiveHeader(Trim(line))) continue;
        if (ContainsWord(line, surname)) return std::nullopt;
      }
    }
    return absl::StrCat("a short author bio; ", std::string(surname),
                        " is not mentioned in the story");
  }

  static bool ContainsWord(std::string_view text, std::string_view word) {
    size_t pos = 0;
    while ((pos = text.find(word, pos)) != std::string_view::npos) {
      size_t before = pos;
      size_t after = pos + word.size();
      const bool start = pos == 0 || !IsWordChar(PreviousCodePoint(text, before));
      const bool end = after >= text.size() || !IsWordChar(NextCodePoint(text, after));
      if (start && end) return true;
      pos += word.size();
    }
    return false;
  }

  // One finding per run of pieces with only blank lines between them.
  void Emit(const Document& doc, std::vector<Piece> pieces, std::vector<Finding>* out) const {
    std::sort(pieces.begin(), pieces.end(),
              [](const Piece& a, const Piece& b) { return a.first_line < b.first_line; });
    size_t i = 0;
    while (i < pieces.size()) {
      size_t first = pieces[i].first_line;
      size_t last = pieces[i].last_line;
      std::vector<std::string> evidence = {pieces[i].evidence};
      size_t j = i + 1;
      for (; j < pieces.size(); ++j) {
        bool joined = true;
        for (size_t l = last + 1; l < pieces[j].first_line; ++l) {
          if (!doc.lines()[l].blank) {
            joined = false;
            break;
          }
        }
        if (!joined) break;
        last = std::max(last, pieces[j].last_line);
        if (std::find(evidence.begin(), evidence.end(), pieces[j].evidence) == evidence.end()) {
          evidence.push_back(pieces[j].evidence);
        }
      }
      size_t more = 0;
      for (size_t l = first + 1; l <= last; ++l) {
        if (!doc.lines()[l].blank) ++more;
      }
      std::string detail = absl::StrCat("removed ", QuoteExcerpt(doc.LineText(first)));
      if (more > 0) absl::StrAppend(&detail, " and ", more, more == 1 ? " more line" : " more lines");
      absl::StrAppend(&detail, " (", absl::StrJoin(evidence, "; "), ")");
      Finding f = MakeFinding(doc.lines()[first].begin, doc.lines()[last].end, detail);
      f.delete_lines = true;
      out->push_back(std::move(f));
      i = j;
    }
  }

  AuthorLexicons lexicons_;
  std::unique_ptr<RE2> bio_;           // anchored after the name
  std::unique_ptr<RE2> bio_anywhere_;  // the same words anywhere in a line
};

}  // namespace

absl::StatusOr<std::unique_ptr<StructuralRule>> MakeAuthorBoxRule(const WordLists& words) {
  // After the name: a copula, an optional determiner and up to three
  // words, then a newsroom role; or a verb of the beat (`covers`,
  // `cubre`...).
  const std::string role = LiteralAlternation(words.lexicon(Lexicon::kAuthorRoles));
  const std::string copula = LiteralAlternation(words.lexicon(Lexicon::kAuthorCopulas));
  const std::string determiner = LiteralAlternation(words.lexicon(Lexicon::kAuthorDeterminers));
  const std::string beat = LiteralAlternation(words.lexicon(Lexicon::kAuthorBeats));
  const std::string bio_words =
      absl::StrCat("(?i:(?:", copula, "\\s+(?:", determiner, "\\s+)?(?:[\\pL'’-]+\\s+){0,3}",
                   role, "s?\\b)|(?:", beat, "\\b))");
  RE2::Options options;
  options.set_log_errors(false);
  auto bio = std::make_unique<RE2>(absl::StrCat("^,?\\s*", bio_words), options);
  auto anywhere = std::make_unique<RE2>(absl::StrCat("\\s", bio_words), options);
  if (!bio->ok() || !anywhere->ok()) {
    return absl::InternalError(absl::StrCat("scrape.author-box: bad bio expression: ",
                                            bio->ok() ? anywhere->error() : bio->error()));
  }
  return std::make_unique<AuthorBoxRule>(MakeLexicons(words), std::move(bio), std::move(anywhere));
}

}  // namespace mtclean::internal
