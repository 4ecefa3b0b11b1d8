// text.html-entity
//
// What it does: finds HTML character references (`&amp;`, `&nbsp;`,
// `&#8217;`, `&#x2014;`) and tags (`<br>`, `</p>`, `<a href="...">`) left in
// text by a scraper, and decodes or removes them.
//
// Confirmation: a named reference is decoded only when its name is in the
// HTML5 table (dictionaries/html-entities.txt, generated from the WHATWG
// list; never a short hand-made list); a numeric one only when it stands
// for a character text may hold (HTML5's rule that 128..159 mean the
// Windows-1252 characters is applied with ICU's converter; control
// characters and invalid numbers stay findings without an edit). A tag is
// removed only when its name is an HTML element (dictionaries/
// html-elements.txt) and its attributes are well formed; a tag that
// separates words (`<br>`, `</p>`) leaves one space between two words,
// an inline one (`<b>`) joins them, and a line made only of tags goes.
// Protected regions are never touched. In Markdown, HTML is part of the
// format: tags and references are left alone, and only a reference escaped
// twice (`&amp;amp;`, `&amp;#8217;`, which shows its own code) loses the
// extra `amp;`.
//
// Why: scrapers that take an element's inner HTML instead of its text, or
// that escape twice, leave markup in the article.
#include <algorithm>
#include <memory>
#include <optional>
#include <span>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "unicode/ucnv.h"

namespace mtclean::internal {
namespace {

RuleDescription Describe() {
  RuleDescription d;
  d.id = "text.html-entity";
  d.severity = Severity::kWarning;
  d.message = "HTML entity or tag left in the text";
  d.description =
      "Named and numeric character references (`&amp;`, `&nbsp;`, `&#8217;`) "
      "are decoded with the HTML5 table; tags of HTML elements (`<br>`, "
      "`</p>`, `<strong>`) are removed, leaving a space where the tag "
      "separated two words.";
  d.fixable = true;
  d.source = "built-in";
  d.examples = {
      {RuleExample::Kind::kBad,
       "Smith &amp; Sons put the cost at &#8364;5 million.\n",
       "Smith & Sons put the cost at €5 million.\n"},
      {RuleExample::Kind::kBad,
       "The mayor&#8217;s office confirmed it.<br>Talks resume on Monday.</p>\n",
       "The mayor’s office confirmed it. Talks resume on Monday.\n"},
      {RuleExample::Kind::kBad,
       "He called the vote <strong>historic</strong> and left.\n",
       "He called the vote historic and left.\n"},
      {RuleExample::Kind::kBad,
       "Read the full report <a href=\"/report\" class=\"link\">here</a>.\n",
       "Read the full report here.\n"},
      {RuleExample::Kind::kOk,
       "Profits at AT&T rose, while R&D spending fell; Q&A sessions follow.\n", ""},
      {RuleExample::Kind::kOk,
       "Fans held up signs reading <3, and the ballot said <Yes> or <No>.\n", ""},
      {RuleExample::Kind::kOk,
       "The &foo; placeholder in the memo was never filled in.\n", ""},
  };
  return d;
}

// Longest tag considered (attributes included).
constexpr size_t kMaxTagBytes = 1000;

// The character HTML5 makes of the numeric reference `number`, or nullopt
// for one that does not stand for a character text may hold.
std::optional<std::string> DecodeNumeric(uint32_t number) {
  if (number == 0 || number > 0x10FFFF || (number >= 0xD800 && number <= 0xDFFF)) {
    return std::nullopt;
  }
  if (number >= 0x80 && number <= 0x9F) {
    // HTML5 reads these as Windows-1252 bytes.
    UErrorCode status = U_ZERO_ERROR;
    UConverter* cp1252 = ucnv_open("windows-1252", &status);
    if (U_FAILURE(status)) return std::nullopt;
    const char byte = static_cast<char>(number);
    UChar unit = 0;
    status = U_ZERO_ERROR;
    const int32_t n = ucnv_toUChars(cp1252, &unit, 1, &byte, 1, &status);
    ucnv_close(cp1252);
    if (U_FAILURE(status) || n != 1 || (unit >= 0x80 && unit <= 0x9F)) return std::nullopt;
    number = unit;
  }
  // Control characters other than tab and line breaks have no place in text.
  if (number < 0x20 && number != '\t' && number != '\n' && number != '\r') return std::nullopt;
  if (number == 0x7F) return std::nullopt;
  std::string out;
  AppendUtf8(static_cast<char32_t>(number), &out);
  return out;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }
bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

struct Tag {
  size_t begin;
  size_t end;
  HtmlElementKind kind;
};

// Parses a tag of a known element at `begin` (`<`), ending before `limit`.
std::optional<Tag> ParseTag(const WordLists& words, std::string_view text, size_t begin,
                            size_t limit) {
  limit = std::min(limit, begin + kMaxTagBytes);
  size_t i = begin + 1;
  if (i < limit && text[i] == '/') ++i;
  const size_t name_begin = i;
  while (i < limit && IsAsciiAlnum(text[i])) ++i;
  if (i == name_begin || !IsAsciiAlpha(text[name_begin])) return std::nullopt;
  const std::string name = absl::AsciiStrToLower(
      absl::string_view(text.data() + name_begin, i - name_begin));
  const HtmlElementKind* kind = words.HtmlElement(name);
  if (kind == nullptr) return std::nullopt;
  // Attributes: name, optionally `=` and a quoted or bare value.
  while (true) {
    const size_t before_space = i;
    while (i < limit && IsAsciiSpace(text[i])) ++i;
    if (i >= limit) return std::nullopt;
    if (text[i] == '>') return Tag{begin, i + 1, *kind};
    if (text[i] == '/' && i + 1 < limit && text[i + 1] == '>') return Tag{begin, i + 2, *kind};
    if (i == before_space) return std::nullopt;  // attributes follow whitespace
    const size_t attribute = i;
    while (i < limit && (IsAsciiAlnum(text[i]) || text[i] == '-' || text[i] == '_' ||
                         text[i] == ':' || text[i] == '.')) {
      ++i;
    }
    if (i == attribute) return std::nullopt;
    if (i < limit && text[i] == '=') {
      ++i;
      if (i >= limit) return std::nullopt;
      if (text[i] == '"' || text[i] == '\'') {
        const char quote = text[i];
        const size_t close = text.find(quote, i + 1);
        if (close == std::string_view::npos || close >= limit) return std::nullopt;
        if (text.substr(i + 1, close - i - 1).find('<') != std::string_view::npos) {
          return std::nullopt;
        }
        i = close + 1;
      } else {
        const size_t value = i;
        while (i < limit && !IsAsciiSpace(text[i]) && text[i] != '>' && text[i] != '<' &&
               text[i] != '"' && text[i] != '\'') {
          ++i;
        }
        if (i == value) return std::nullopt;
      }
    }
  }
}

class HtmlEntityRule : public StructuralRule {
 public:
  HtmlEntityRule() : StructuralRule(Describe()) {}

  std::vector<PatternSpec> CandidatePatterns() const override {
    PatternSpec entity;
    entity.text = "&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});";
    entity.literal = false;
    entity.caseless = false;
    entity.origin = "built-in rule text.html-entity (references)";
    PatternSpec tag;
    tag.text = "</?[A-Za-z][A-Za-z0-9]{0,9}[\\t\\n\\r />]";
    tag.literal = false;
    tag.caseless = false;
    tag.origin = "built-in rule text.html-entity (tags)";
    return {entity, tag};
  }

  void Check(const RuleContext& context, std::vector<Finding>* out) const override {
    if (context.candidates.empty()) return;
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const bool markdown = doc.syntax() == Syntax::kMarkdown;
    std::vector<Tag> tags;
    size_t entity_end = 0;
    for (const RuleMatch& m : context.candidates) {
      if (doc.IsProtected(m.begin, m.end)) continue;
      if (m.pattern == 0) {
        if (m.begin < entity_end) continue;
        entity_end = m.end;
        if (markdown) {
          CheckEscapedTwice(context, m.begin, m.end, out);
        } else {
          CheckEntity(context, m.begin, m.end, out);
        }
        continue;
      }
      if (markdown) continue;  // inline HTML is Markdown
      if (!tags.empty() && m.begin < tags.back().end) continue;
      const size_t block = doc.BlockOfLine(doc.LineIndexAt(m.begin));
      if (block == Document::kNoBlock) continue;
      std::optional<Tag> tag = ParseTag(context.words, text, m.begin, doc.blocks()[block].end);
      if (tag.has_value() && !doc.IsProtected(tag->begin, tag->end)) tags.push_back(*tag);
    }
    // Tags next to each other (or with only spaces between) go together.
    size_t first = 0;
    while (first < tags.size()) {
      size_t last = first;
      while (last + 1 < tags.size()) {
        const std::string_view between =
            text.substr(tags[last].end, tags[last + 1].begin - tags[last].end);
        if (!std::all_of(between.begin(), between.end(), IsSpaceOrTab)) break;
        ++last;
      }
      RemoveTags(context, std::span<const Tag>(tags).subspan(first, last - first + 1), out);
      first = last + 1;
    }
  }

 private:
  // Markdown: `&amp;` right before another reference is one escape too many.
  void CheckEscapedTwice(const RuleContext& context, size_t begin, size_t end,
                         std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    if (text.substr(begin, end - begin) != "&amp;") return;
    size_t close = end;
    while (close < text.size() && close < end + 34 && text[close] != ';' &&
           !IsAsciiSpace(text[close]) && text[close] != '&') {
      ++close;
    }
    if (close >= text.size() || text[close] != ';' || close == end) return;
    const std::string_view body = text.substr(end, close - end);
    bool reference = false;
    if (body[0] == '#') {
      uint32_t number = 0;
      const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
      const absl::string_view digits(body.data() + (hex ? 2 : 1), body.size() - (hex ? 2 : 1));
      reference = (hex ? absl::SimpleHexAtoi(digits, &number) : absl::SimpleAtoi(digits, &number)) &&
                  DecodeNumeric(number).has_value();
    } else {
      reference = context.words.HtmlEntity(body) != nullptr;
    }
    if (!reference) return;
    Finding f = MakeFinding(begin, close + 1);
    f.message = absl::StrCat("HTML character reference escaped twice: `",
                             std::string(text.substr(begin, close + 1 - begin)),
                             "` shows its own code; one `amp;` removed");
    f.edits.push_back({begin + 1, end, ""});
    out->push_back(std::move(f));
  }

  void CheckEntity(const RuleContext& context, size_t begin, size_t end,
                   std::vector<Finding>* out) const {
    const std::string_view text = context.doc.text();
    const std::string_view reference = text.substr(begin, end - begin);
    const std::string_view body = reference.substr(1, reference.size() - 2);
    std::optional<std::string> decoded;
    if (body[0] == '#') {
      uint32_t number = 0;
      const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
      const absl::string_view digits(body.data() + (hex ? 2 : 1), body.size() - (hex ? 2 : 1));
      const bool parsed = hex ? absl::SimpleHexAtoi(digits, &number)
                              : absl::SimpleAtoi(digits, &number);
      if (parsed) decoded = DecodeNumeric(number);
    } else {
      const std::string* named = context.words.HtmlEntity(body);
      if (named == nullptr) return;  // not a reference: `&foo;` is text
      decoded = *named;
    }
    Finding f = MakeFinding(begin, end);
    if (decoded.has_value()) {
      f.message = absl::StrCat("HTML character reference `", std::string(reference),
                               "` left in the text: decoded");
      f.edits.push_back({begin, end, std::move(*decoded)});
    } else {
      f.message = absl::StrCat("HTML character reference `", std::string(reference),
                               "` stands for no character text may hold");
    }
    out->push_back(std::move(f));
  }

  void RemoveTags(const RuleContext& context, std::span<const Tag> tags,
                  std::vector<Finding>* out) const {
    const Document& doc = context.doc;
    const std::string_view text = doc.text();
    const size_t begin = tags.front().begin;
    const size_t end = tags.back().end;
    bool separates = false;
    for (const Tag& t : tags) separates = separates || t.kind == HtmlElementKind::kBlock;

    Finding f = MakeFinding(begin, end);
    f.message = absl::StrCat(tags.size() == 1 ? "HTML tag `" : "HTML tags `",
                             std::string(text.substr(begin, end - begin)),
                             "` left in the text: removed");
    const Line& line = doc.lines()[doc.LineIndexAt(begin)];
    // Spaces and tabs on either side, within the line.
    size_t left = begin;
    while (left > line.begin && IsSpaceOrTab(text[left - 1])) --left;
    size_t right = end;
    while (right < line.end && IsSpaceOrTab(text[right])) ++right;
    const bool text_before = left > line.begin;
    const bool text_after = right < line.end;
    if (!text_before && !text_after && doc.LineIndexAt(end) == doc.LineIndexAt(begin)) {
      f.delete_lines = true;  // a line of tags only
    } else if (text_before && text_after) {
      if (left == begin && right == end) {
        // Between two characters: a tag that separates words leaves a space.
        f.edits.push_back({begin, end, separates ? " " : ""});
      } else {
        // A space already separates the words: drop the tags, and the spaces
        // after them when there are spaces before them too.
        f.edits.push_back({begin, left < begin ? right : end, ""});
      }
    } else if (text_before) {
      f.edits.push_back({left, end, ""});  // the tags end the line
    } else {
      f.edits.push_back({begin, right, ""});  // the tags start the line
    }
    out->push_back(std::move(f));
  }
};

}  // namespace

std::unique_ptr<StructuralRule> MakeHtmlEntityRule() {
  return std::make_unique<HtmlEntityRule>();
}

}  // namespace mtclean::internal
