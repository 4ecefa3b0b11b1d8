// scrape.markup-debris
//
// What it does: removes what is left of the page's markup once the tags are
// gone:
//  - stray backslash escapes before quotes (`China\’s`, `\"No\"`), from text
//    that was JSON- or SQL-escaped on its way out of the CMS: the
//    backslashes go, the quotes stay;
//  - attribute fragments with no tag around them (`class="wp-caption
//    aligncenter" style="width: 610px">`) and the WordPress shortcodes that
//    wrap captions and embeds (`[caption id="attachment_7" ...]`,
//    `[/caption]`): the markup goes, the caption text stays;
//  - automatic alt text (`Image may contain: 2 people, outdoor`, `May be an
//    image of ...`, `L’image contient peut-être : ...`, and the other
//    languages of the big social networks) at the start of a line or a
//    sentence: to the end of the line.
// A line left with nothing but separators goes whole. The names and
// phrases are data: dictionaries/html-attributes.txt, shortcodes.txt and
// <lang>/alt-text-openers.txt.
//
// Why: scrapers read the HTML, or the CMS's JSON, and leak pieces of it into
// the text.
//
// Whole tags (`<figure class="...">`) are not this rule's: an attribute run
// right after `<name` is left alone.
#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "re2/re2.h"

namespace mtclean::internal {
namespace {

// An attribute value or a shortcode is at most this long.
constexpr size_t kMaxMarkupBytes = 300;

RuleDescription Describe() {
  RuleDescription d;
  d.id = "scrape.markup-debris";
  d.severity = Severity::kWarning;
  d.message = "Markup debris left over from the scraped page";
  d.description =
      "Backslashes escaping quotes (`China\\’s`), attribute fragments "
      "without their tag (`class=\"wp-caption\"`), WordPress shortcodes "
      "(`[caption ...]`, `[/caption]`) and automatic alt text (`Image may "
      "contain: ...`, in en, es, fr, de, it and pt). The markup goes, the "
      "text it wrapped stays.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Trade talks resume\n\n"
       "China\\’s commerce ministry said the talks were \\\"constructive\\\".\n",
       "Trade talks resume\n\n"
       "China’s commerce ministry said the talks were \"constructive\".\n"},
      {RuleExample::Kind::kBad,
       "Ferry sinks off the coast\n\n"
       "class=\"wp-caption aligncenter\" style=\"width: 610px\">\n"
       "Rescue boats reach the ferry at dawn on Monday.\n\n"
       "All forty passengers were saved.\n",
       "Ferry sinks off the coast\n\n"
       "Rescue boats reach the ferry at dawn on Monday.\n\n"
       "All forty passengers were saved.\n"},
      {RuleExample::Kind::kBad,
       "Inundaciones en Valencia\n\n"
       "[caption id=\"attachment_512\" align=\"alignnone\" width=\"640\"] Vecinos "
       "achican agua en Paiporta.[/caption]\n\n"
       "La lluvia cesó el jueves.\n",
       "Inundaciones en Valencia\n\n"
       "Vecinos achican agua en Paiporta.\n\n"
       "La lluvia cesó el jueves.\n"},
      {RuleExample::Kind::kBad,
       "Inondations dans le Gard\n\n"
       "Les pompiers sont intervenus toute la nuit.\n\n"
       "L’image contient peut-être : 3 personnes, personnes debout et plein air\n\n"
       "Aucun blessé n'est à déplorer.\n",
       "Inondations dans le Gard\n\n"
       "Les pompiers sont intervenus toute la nuit.\n\n"
       "Aucun blessé n'est à déplorer.\n"},
      {RuleExample::Kind::kBad,
       "Hochwasser an der Elbe\n\n"
       "Helfer füllen Sandsäcke in Dresden. Das Bild enthält möglicherweise: 4 Personen\n\n"
       "Der Pegel soll am Abend sinken.\n",
       "Hochwasser an der Elbe\n\n"
       "Helfer füllen Sandsäcke in Dresden.\n\n"
       "Der Pegel soll am Abend sinken.\n"},
      {RuleExample::Kind::kBad,
       "Festa a Napoli\n\nImage may contain: 5 people, people smiling\n\n"
       "I tifosi hanno festeggiato fino all'alba.\n",
       "Festa a Napoli\n\nI tifosi hanno festeggiato fino all'alba.\n"},
      {RuleExample::Kind::kOk,
       "Web designers meet\n\n"
       "Speakers explained that writing class=\"note\" in a page's code gives the "
       "paragraph a style, and that a backslash (\\) escapes a character in many "
       "programming languages.\n",
       ""},
      {RuleExample::Kind::kOk,
       "Museum digitises its archive\n\n"
       "Curators said the new catalogue may be an image of the collection as it "
       "was in 1900, and that no photo description is available for some "
       "plates.\n",
       ""},
  };
  return d;
}

// The names the rule knows: dictionaries/html-attributes.txt and
// shortcodes.txt.
struct MarkupNames {
  absl::flat_hash_set<std::string> attributes;  // lower case
  absl::flat_hash_set<std::string> shortcodes;  // as written
};

// `data-*` and `aria-*` attributes, whatever their name.
bool IsAttributeName(const MarkupNames& names, std::string_view name) {
  const std::string lower = absl::AsciiStrToLower(absl::string_view(name.data(), name.size()));
  if (lower.rfind("data-", 0) == 0 || lower.rfind("aria-", 0) == 0) return lower.size() > 5;
  return names.attributes.contains(lower);
}

bool IsShortcodeName(const MarkupNames& names, std::string_view name) {
  return names.shortcodes.contains(absl::string_view(name.data(), name.size()));
}

bool IsAsciiNameChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

// The quote opening an attribute value at `i` ("\"", "'", curly double
// quotes, or one of those after a backslash) and its length in bytes; 0 for
// none.
size_t OpeningQuote(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '\\') {
    const size_t q = OpeningQuote(s, i + 1);
    return q == 0 ? 0 : q + 1;
  }
  if (i >= s.size()) return 0;
  if (s[i] == '"' || s[i] == '\'') return 1;
  for (std::string_view q : {"\u201C", "\u201D", "\u2033"}) {
    if (s.substr(i, q.size()) == q) return q.size();
  }
  return 0;
}

// A piece of debris in a line: byte span (line-relative) and what it is.
struct Piece {
  size_t begin;
  size_t end;
  const char* what;
};

class MarkupDebrisRule : public StructuralRule {
 public:
  MarkupDebrisRule(MarkupNames names, std::vector<std::string> alt_text_words,
                   std::unique_ptr<RE2> alt_text)
      : StructuralRule(Describe()),
        names_(std::move(names)),
        alt_text_words_(std::move(alt_text_words)),
        alt_text_(std::move(alt_text)) {}

  // A piece of each alt-text opener, for the one scan: the expression runs
  // only over a document that has one. The scan folds case as the
  // expression does, the Kelvin sign and the long s included (a scanner
  // test pins it).
  std::vector<PatternSpec> CandidatePatterns() const override {
    return PatternsFor(alt_text_words_,
                       {.text = "", .literal = true, .caseless = true,
                        .origin = "built-in rule scrape.markup-debris (alt text)"});
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    const Document& doc = context.doc;
    const std::string_view all = doc.text();
    // Cheap triggers first: most text has none of these.
    const bool backslash = all.find('\\') != std::string_view::npos;
    const bool equals = all.find('=') != std::string_view::npos;
    const bool bracket = all.find('[') != std::string_view::npos;
    std::vector<std::vector<Piece>> by_line(doc.lines().size());
    if (backslash || equals || bracket) {
      for (size_t l = 0; l < doc.lines().size(); ++l) {
        if (doc.BlockOfLine(l) == Document::kNoBlock) continue;
        const std::string_view line = doc.LineText(l);
        if (equals) FindAttributes(line, &by_line[l]);
        if (bracket) FindShortcodes(line, &by_line[l]);
        if (backslash) FindBackslashes(line, &by_line[l]);
      }
    }
    if (!context.candidates.empty()) FindAltText(doc, &by_line);

    for (size_t l = 0; l < by_line.size(); ++l) {
      if (by_line[l].empty()) continue;
      Emit(doc, l, std::move(by_line[l]), out);
    }
  }

 private:
  // Runs of `name="value"` with no tag before them, with a closing `>` or
  // `/>` after. A lone attribute inside a sentence (`writing class="note"
  // in the code`) is prose about markup: a fragment opens its line, holds
  // two attributes or more, or ends a tag.
  void FindAttributes(std::string_view line, std::vector<Piece>* pieces) const {
    size_t from = 0;
    while (true) {
      const size_t eq = line.find('=', from);
      if (eq == std::string_view::npos) return;
      from = eq + 1;
      size_t begin = eq;
      while (begin > 0 && IsAsciiNameChar(line[begin - 1])) --begin;
      if (begin == eq || !IsAttributeName(names_, line.substr(begin, eq - begin))) continue;
      if (begin > 0 && line[begin - 1] != ' ' && line[begin - 1] != '\t' &&
          line[begin - 1] != '[') {
        continue;
      }
      size_t end = AttributeEnd(line, begin);
      if (end == 0) continue;
      // More attributes after it.
      size_t count = 1;
      bool closes_tag = false;
      for (size_t next = end;;) {
        while (next < line.size() && line[next] == ' ') ++next;
        if (line.substr(next, 2) == "/>" || (next < line.size() && line[next] == '>')) {
          end = next + (line[next] == '/' ? 2 : 1);
          closes_tag = true;
          break;
        }
        const size_t after = AttributeEnd(line, next);
        if (after == 0) break;
        end = after;
        next = after;
        ++count;
      }
      from = end;
      const bool opens_line =
          line.find_first_not_of(" \t") == begin;
      if (!opens_line && count < 2 && !closes_tag) continue;
      // Inside a tag (`<img src="...">`) or a shortcode: not a fragment.
      size_t before = begin;
      while (before > 0 && line[before - 1] == ' ') --before;
      size_t word = before;
      while (word > 0 && IsAsciiNameChar(line[word - 1])) --word;
      if (word > 0 && word < before && (line[word - 1] == '<' || line[word - 1] == '[')) continue;
      if (begin > 0 && line[begin - 1] == '[') continue;
      pieces->push_back({begin, end, "an attribute fragment"});
    }
  }

  // The end of the attribute `name="value"` starting at `i`, or 0.
  size_t AttributeEnd(std::string_view line, size_t i) const {
    const size_t name_begin = i;
    while (i < line.size() && IsAsciiNameChar(line[i])) ++i;
    if (i == name_begin || i >= line.size() || line[i] != '=') return 0;
    if (!IsAttributeName(names_, line.substr(name_begin, i - name_begin))) return 0;
    ++i;
    const size_t open = OpeningQuote(line, i);
    if (open == 0) return 0;
    const std::string_view quote = line.substr(i, open);
    i += open;
    // The same quote closes it; a curly opening quote may close with its
    // partner.
    size_t close = line.find(quote, i);
    if (quote == "\u201C") close = std::min(close, line.find("\u201D", i));
    if (close == std::string_view::npos || close - i > kMaxMarkupBytes) return 0;
    return close + (quote == "\u201C" ? std::string_view("\u201D").size() : quote.size());
  }

  // `[caption ...]`, `[/caption]` and the other shortcodes.
  void FindShortcodes(std::string_view line, std::vector<Piece>* pieces) const {
    size_t from = 0;
    while (true) {
      const size_t open = line.find('[', from);
      if (open == std::string_view::npos) return;
      from = open + 1;
      size_t i = open + 1;
      if (i < line.size() && line[i] == '/') ++i;
      const size_t name_begin = i;
      while (i < line.size() && IsAsciiNameChar(line[i])) ++i;
      if (!IsShortcodeName(names_, line.substr(name_begin, i - name_begin))) continue;
      if (i >= line.size() || (line[i] != ']' && line[i] != ' ')) continue;
      const size_t close = line.find(']', i);
      if (close == std::string_view::npos || close - open > kMaxMarkupBytes) continue;
      pieces->push_back({open, close + 1, "a shortcode"});
      from = close + 1;
    }
  }

  // Runs of backslashes right before a quote (not in `C:\"`, not in inline
  // code).
  static void FindBackslashes(std::string_view line, std::vector<Piece>* pieces) {
    size_t from = 0;
    while (true) {
      const size_t start = line.find('\\', from);
      if (start == std::string_view::npos) return;
      size_t end = start;
      while (end < line.size() && line[end] == '\\') ++end;
      from = end;
      size_t q = end;
      if (end >= line.size() || !IsQuote(NextCodePoint(line, q))) continue;
      if (start > 0 && line[start - 1] == ':') continue;
      if (std::count(line.begin(), line.begin() + start, '`') % 2 == 1) continue;
      pieces->push_back({start, end, "a backslash before a quote"});
    }
  }

  // Alt text written by a social network, to the end of its line.
  void FindAltText(const Document& doc, std::vector<std::vector<Piece>>* by_line) const {
    const std::string_view text = doc.text();
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece phrase;
    while (RE2::FindAndConsume(&input, *alt_text_, &phrase)) {
      const size_t begin = static_cast<size_t>(phrase.data() - text.data());
      const size_t l = doc.LineIndexAt(begin);
      if (doc.BlockOfLine(l) == Document::kNoBlock) continue;
      size_t start = begin - doc.lines()[l].begin;
      (*by_line)[l].push_back({start, doc.lines()[l].end - doc.lines()[l].begin,
                               "automatic alt text"});
    }
  }

  void Emit(const Document& doc, size_t l, std::vector<Piece> pieces,
            std::vector<Finding>* out) const {
    const Line& line = doc.lines()[l];
    const std::string_view text = doc.LineText(l);
    std::sort(pieces.begin(), pieces.end(),
              [](const Piece& a, const Piece& b) { return a.begin < b.begin; });
    // Drop pieces in protected text (inline code, HTML comments) and pieces
    // inside an earlier one (a backslash inside an attribute).
    std::vector<Piece> kept;
    for (const Piece& p : pieces) {
      if (doc.IsProtected(line.begin + p.begin, line.begin + p.end)) continue;
      if (!kept.empty() && p.begin < kept.back().end) {
        kept.back().end = std::max(kept.back().end, p.end);
        continue;
      }
      kept.push_back(p);
    }
    // What stays: if only separators, the whole line goes.
    std::string rest;
    size_t pos = 0;
    for (const Piece& p : kept) {
      rest.append(text.substr(pos, p.begin - pos));
      pos = p.end;
    }
    rest.append(text.substr(pos));
    if (kept.empty()) return;
    if (IsSeparatorOnly(rest) && !doc.IsProtected(line.begin, line.end)) {
      Finding f = MakeFinding(line.begin, line.end,
                              absl::StrCat("removed ", QuoteExcerpt(text), " (", kept[0].what,
                                           " alone on its line)"));
      f.delete_lines = true;
      out->push_back(std::move(f));
      return;
    }
    for (const Piece& p : kept) {
      size_t begin = p.begin;
      size_t end = p.end;
      const bool backslash = text[begin] == '\\';
      if (!backslash) {
        // Take one neighbouring space along: the one before when the piece
        // ends the line or is followed by a space, else the one after.
        if (begin > 0 && text[begin - 1] == ' ' && (end == text.size() || text[end] == ' ')) {
          --begin;
          while (end == text.size() && begin > 0 && text[begin - 1] == ' ') --begin;
        } else if (end < text.size() && text[end] == ' ' && (begin == 0 || text[begin - 1] == ' ' ||
                                                              text[begin - 1] == ']')) {
          ++end;
        }
      }
      Finding f = MakeFinding(
          line.begin + begin, line.begin + end,
          absl::StrCat("removed ", QuoteExcerpt(text.substr(p.begin, p.end - p.begin)), " (",
                       p.what, ")"));
      f.edits.push_back({line.begin + begin, line.begin + end, ""});
      out->push_back(std::move(f));
    }
  }

  MarkupNames names_;
  std::vector<std::string> alt_text_words_;
  std::unique_ptr<RE2> alt_text_;
};

// A piece for the scan shorter than this would be found in most documents.
constexpr size_t kMinScanPiece = 4;

// The longest run of ASCII in `phrase` (ends trimmed of spaces): where the
// expression matches the phrase, the caseless scan finds this piece of it.
std::string AsciiPiece(std::string_view phrase) {
  std::string_view best;
  size_t i = 0;
  while (i < phrase.size()) {
    size_t j = i;
    while (j < phrase.size() && static_cast<unsigned char>(phrase[j]) < 0x80) ++j;
    std::string_view run = phrase.substr(i, j - i);
    while (!run.empty() && run.front() == ' ') run.remove_prefix(1);
    while (!run.empty() && run.back() == ' ') run.remove_suffix(1);
    if (run.size() > best.size()) best = run;
    i = j;
    while (i < phrase.size() && static_cast<unsigned char>(phrase[i]) >= 0x80) ++i;
  }
  return std::string(best);
}

}  // namespace

absl::StatusOr<std::unique_ptr<StructuralRule>> MakeMarkupDebrisRule(const WordLists& words) {
  MarkupNames names;
  for (const std::string& a : words.lexicon(Lexicon::kHtmlAttributes)) names.attributes.insert(a);
  for (const std::string& c : words.lexicon(Lexicon::kShortcodes)) names.shortcodes.insert(c);
  // The openers of the alt text that Facebook, Instagram and others write,
  // at the start of a line or after a sentence's end, then to the line's
  // end. The phrase is the first capture group.
  const std::vector<std::string>& openers = words.lexicon(Lexicon::kAltTextOpeners);
  std::vector<std::string> pieces;
  for (const std::string& opener : openers) {
    // An ASCII piece keeps the scan's database small and fast; a phrase
    // with too little ASCII (another script) is looked for whole, its case
    // folded with Unicode's tables.
    std::string piece = AsciiPiece(opener);
    if (piece.size() < kMinScanPiece) piece = opener;
    if (std::find(pieces.begin(), pieces.end(), piece) == pieces.end()) {
      pieces.push_back(std::move(piece));
    }
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_never_nl(false);
  auto alt = std::make_unique<RE2>(
      absl::StrCat("(?m)(?:^|[.!?…] )[ \\t]*((?i:", LiteralAlternation(openers), ")[^\\n\\r]*)"),
      options);
  if (!alt->ok()) {
    return absl::InternalError(
        absl::StrCat("scrape.markup-debris: bad alt-text expression: ", alt->error()));
  }
  return std::make_unique<MarkupDebrisRule>(std::move(names), std::move(pieces), std::move(alt));
}

}  // namespace mtclean::internal
