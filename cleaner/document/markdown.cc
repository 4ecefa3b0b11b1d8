#include "cleaner/document/markdown.h"

#include <algorithm>
#include <map>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace mtclean::internal {
namespace {

// Destinations, titles and labels longer than this are not looked for; it
// keeps the inline scan linear on hostile input.
constexpr size_t kMaxLinkTail = 4096;
constexpr size_t kMaxLabel = 999;

// Debian's Abseil has its own absl::string_view: convert at the call.
absl::string_view Absl(std::string_view s) { return absl::string_view(s.data(), s.size()); }

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

bool IsAsciiPunct(char c) {
  return absl::ascii_ispunct(static_cast<unsigned char>(c));
}

bool RestIsBlank(std::string_view text, size_t from, size_t end) {
  for (size_t i = from; i < end; ++i) {
    if (!IsSpaceOrTab(text[i])) return false;
  }
  return true;
}

// The tag names of CommonMark's HTML blocks of type 6 (they end at a blank
// line).
bool IsBlockTagName(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "address", "article", "aside", "base", "basefont", "blockquote", "body",
      "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir",
      "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
      "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
      "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem",
      "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search",
      "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
      "title", "tr", "track", "ul"};
  const std::string lower = absl::AsciiStrToLower(std::string(name));
  return std::find(std::begin(kNames), std::end(kNames), lower) != std::end(kNames);
}

// HTML blocks of type 1: they end at their closing tag.
bool IsRawTagName(std::string_view name) {
  const std::string lower = absl::AsciiStrToLower(std::string(name));
  return lower == "pre" || lower == "script" || lower == "style" || lower == "textarea";
}

enum class Html { kNone, kComment, kRaw, kUntilBlank };

// Which HTML block starts at text[q, end), if any; `raw_tag` gets the
// closing tag to wait for (type 1).
Html HtmlBlockStart(std::string_view text, size_t q, size_t end, std::string* raw_tag) {
  std::string_view rest = text.substr(q, end - q);
  if (absl::StartsWith(Absl(rest), "<!--")) return Html::kComment;
  if (rest.empty() || rest[0] != '<') return Html::kNone;
  size_t k = 1;
  const bool closing = k < rest.size() && rest[k] == '/';
  if (closing) ++k;
  size_t name_end = k;
  while (name_end < rest.size() &&
         absl::ascii_isalnum(static_cast<unsigned char>(rest[name_end]))) {
    ++name_end;
  }
  if (name_end == k) return Html::kNone;
  const std::string_view name = rest.substr(k, name_end - k);
  const bool boundary = name_end == rest.size() || IsSpaceOrTab(rest[name_end]) ||
                        rest[name_end] == '>' || rest.substr(name_end, 2) == "/>";
  if (!boundary) return Html::kNone;
  if (!closing && IsRawTagName(name)) {
    *raw_tag = absl::StrCat("</", absl::AsciiStrToLower(std::string(name)), ">");
    return Html::kRaw;
  }
  return IsBlockTagName(name) ? Html::kUntilBlank : Html::kNone;
}

bool HtmlBlockEnds(Html html, std::string_view line, const std::string& raw_tag) {
  switch (html) {
    case Html::kComment:
      return absl::StrContains(Absl(line), "-->");
    case Html::kRaw:
      return absl::StrContains(absl::AsciiStrToLower(std::string(line)), raw_tag);
    default:
      return false;
  }
}

// A link reference definition `[label]: destination` at text[q, end).
bool IsReferenceDefinition(std::string_view text, size_t q, size_t end) {
  if (q >= end || text[q] != '[') return false;
  size_t i = q + 1;
  bool has_content = false;
  while (i < end && text[i] != ']') {
    if (text[i] == '[' || i - q > kMaxLabel) return false;
    if (text[i] == '\\') ++i;
    if (!IsSpaceOrTab(text[i])) has_content = true;
    ++i;
  }
  if (i + 1 >= end || text[i] != ']' || text[i + 1] != ':' || !has_content) return false;
  return !RestIsBlank(text, i + 2, end);
}

// A fence opening at text[q, end): its character and length, or 0.
size_t FenceOpening(std::string_view text, size_t q, size_t end, char* fence_char) {
  if (q >= end || (text[q] != '`' && text[q] != '~')) return 0;
  size_t n = 0;
  while (q + n < end && text[q + n] == text[q]) ++n;
  if (n < 3) return 0;
  if (text[q] == '`' && text.substr(q + n, end - q - n).find('`') != std::string_view::npos) {
    return 0;  // a backtick fence's info string holds no backtick
  }
  *fence_char = text[q];
  return n;
}

bool IsFenceClosing(std::string_view text, size_t q, size_t end, char fence_char,
                    size_t fence_len) {
  size_t n = 0;
  while (q + n < end && text[q + n] == fence_char) ++n;
  return n >= fence_len && RestIsBlank(text, q + n, end);
}

// A thematic break: three or more of one of `*`, `-`, `_`, spaces between.
bool IsThematicBreak(std::string_view text, size_t q, size_t end) {
  const char c = text[q];
  if (c != '*' && c != '-' && c != '_') return false;
  size_t count = 0;
  for (size_t i = q; i < end; ++i) {
    if (text[i] == c) {
      ++count;
    } else if (!IsSpaceOrTab(text[i])) {
      return false;
    }
  }
  return count >= 3;
}

// A setext underline: only `=` or only `-`, trailing spaces allowed.
bool IsSetextUnderline(std::string_view text, size_t q, size_t end) {
  const char c = text[q];
  if (c != '=' && c != '-') return false;
  size_t i = q;
  while (i < end && text[i] == c) ++i;
  return RestIsBlank(text, i, end);
}

// A list item marker at text[q, end): returns the end of the marker (0 when
// there is none); `number` gets an ordered item's number.
size_t ListMarkerEnd(std::string_view text, size_t q, size_t end, long* number) {
  *number = -1;
  size_t i = q;
  if (text[i] == '-' || text[i] == '+' || text[i] == '*') {
    ++i;
  } else {
    long value = 0;
    while (i < end && i - q < 9 && absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      value = value * 10 + (text[i] - '0');
      ++i;
    }
    if (i == q || i >= end || (text[i] != '.' && text[i] != ')')) return 0;
    ++i;
    *number = value;
  }
  if (i < end && !IsSpaceOrTab(text[i])) return 0;
  return i;
}

}  // namespace

MarkdownBlocks ScanMarkdownBlocks(std::string_view text, const std::vector<Line>& lines,
                                  size_t first_line) {
  MarkdownBlocks out;
  out.lines.resize(lines.size() - std::min(first_line, lines.size()));
  bool in_fence = false;
  char fence_char = 0;
  size_t fence_len = 0;
  Html html = Html::kNone;
  std::string raw_tag;
  bool paragraph_open = false;
  int previous_depth = 0;
  size_t list_indent = 0;  // content column of the open list item; 0: none
  size_t html_first = 0;   // first line of the open HTML block

  auto protect_line = [&](size_t i, bool is_html) {
    Region r{lines[i].start, lines[i].next};
    std::vector<Region>& runs = out.protected_lines;
    if (!runs.empty() && runs.back().end == r.begin) {
      runs.back().end = r.end;
    } else {
      runs.push_back(r);
    }
    if (is_html) {
      if (!out.html_blocks.empty() && out.html_blocks.back().end == r.begin &&
          html_first < i) {
        out.html_blocks.back().end = r.end;
      } else {
        out.html_blocks.push_back(r);
      }
    }
  };

  for (size_t i = first_line; i < lines.size(); ++i) {
    LineMarkup& m = out.lines[i - first_line];
    const size_t end = lines[i].end;
    // Block-quote markers: up to three spaces, `>`, one optional space.
    size_t pos = lines[i].start;
    int depth = 0;
    for (;;) {
      size_t k = pos;
      while (k < end && text[k] == ' ' && k - pos < 3) ++k;
      if (k < end && text[k] == '>') {
        ++k;
        if (k < end && IsSpaceOrTab(text[k])) ++k;
        pos = k;
        ++depth;
        continue;
      }
      break;
    }
    // Indentation, in columns (a tab goes to the next multiple of four).
    size_t q = pos;
    size_t indent = 0;
    while (q < end && IsSpaceOrTab(text[q])) {
      indent += text[q] == '\t' ? 4 - indent % 4 : 1;
      ++q;
    }
    const bool blank = q == end;
    const size_t relative =
        list_indent > 0 && indent >= list_indent ? indent - list_indent : indent;
    m.content_begin = q;

    if (in_fence) {
      m.role = LineRole::kProtected;
      protect_line(i, false);
      if (!blank && relative < 4 && IsFenceClosing(text, q, end, fence_char, fence_len)) {
        in_fence = false;
      }
      continue;
    }
    if (html != Html::kNone) {
      if (html == Html::kUntilBlank && blank) {
        html = Html::kNone;
      } else {
        m.role = LineRole::kProtected;
        protect_line(i, true);
        if (HtmlBlockEnds(html, text.substr(lines[i].start, end - lines[i].start), raw_tag)) {
          html = Html::kNone;
        }
        continue;
      }
    }
    if (blank) {
      m.role = LineRole::kBlank;
      paragraph_open = false;
      continue;
    }
    if (list_indent > 0 && indent < list_indent && !paragraph_open) list_indent = 0;
    if (relative >= 4) {
      if (!paragraph_open) {  // indented code
        m.role = LineRole::kProtected;
        protect_line(i, false);
        continue;
      }
      m.role = LineRole::kText;  // a paragraph's continuation line
      m.starts_block = depth > previous_depth;
      previous_depth = depth;
      continue;
    }
    if (size_t n = FenceOpening(text, q, end, &fence_char); n > 0) {
      in_fence = true;
      fence_len = n;
      m.role = LineRole::kProtected;
      protect_line(i, false);
      paragraph_open = false;
      continue;
    }
    if (Html h = HtmlBlockStart(text, q, end, &raw_tag); h != Html::kNone) {
      html_first = i;
      m.role = LineRole::kProtected;
      protect_line(i, true);
      html = HtmlBlockEnds(h, text.substr(q, end - q).substr(h == Html::kComment ? 4 : 0),
                           raw_tag)
                 ? Html::kNone
                 : h;
      paragraph_open = false;
      continue;
    }
    if (paragraph_open && depth <= previous_depth && IsSetextUnderline(text, q, end)) {
      m.role = LineRole::kMarkup;
      paragraph_open = false;
      continue;
    }
    if (IsThematicBreak(text, q, end)) {
      m.role = LineRole::kMarkup;
      paragraph_open = false;
      continue;
    }
    if (text[q] == '#') {
      size_t h = q;
      while (h < end && text[h] == '#') ++h;
      if (h - q <= 6 && (h == end || IsSpaceOrTab(text[h]))) {
        while (h < end && IsSpaceOrTab(text[h])) ++h;
        paragraph_open = false;
        previous_depth = depth;
        if (h == end) {
          m.role = LineRole::kMarkup;  // an empty heading
          continue;
        }
        m.role = LineRole::kText;
        m.content_begin = h;
        m.starts_block = true;
        continue;
      }
    }
    if (!paragraph_open && IsReferenceDefinition(text, q, end)) {
      m.role = LineRole::kProtected;
      protect_line(i, false);
      continue;
    }
    long number = -1;
    if (size_t marker_end = ListMarkerEnd(text, q, end, &number);
        marker_end > 0 && !(paragraph_open && (number > 1 || RestIsBlank(text, marker_end, end)))) {
      size_t c = marker_end;
      size_t column = indent + (marker_end - q);
      while (c < end && IsSpaceOrTab(text[c])) {
        column += text[c] == '\t' ? 4 - column % 4 : 1;
        ++c;
      }
      list_indent = column;
      previous_depth = depth;
      if (c == end) {
        m.role = LineRole::kMarkup;  // an empty item; its content follows
        paragraph_open = false;
        continue;
      }
      m.role = LineRole::kText;
      m.content_begin = c;
      m.starts_block = true;
      paragraph_open = true;
      continue;
    }
    m.role = LineRole::kText;
    m.starts_block = !paragraph_open || depth > previous_depth;
    paragraph_open = true;
    previous_depth = depth;
  }
  return out;
}

void FindHtmlComments(std::string_view text, size_t begin, size_t end,
                      std::vector<Region>* comments) {
  size_t i = begin;
  while (i < end) {
    const size_t open = text.substr(0, end).find("<!--", i);
    if (open == std::string_view::npos) return;
    const size_t close = text.substr(0, end).find("-->", open + 4);
    if (close == std::string_view::npos) return;
    comments->push_back({open, close + 3});
    i = close + 3;
  }
}

void ScanMarkdownInline(std::string_view text, size_t begin, size_t end,
                        std::vector<Region>* regions, std::vector<Region>* comments) {
  const std::string_view t = text.substr(0, end);
  // Backtick runs by length, to find a code span's closing run.
  std::map<size_t, std::vector<size_t>> runs;
  for (size_t i = begin; i < end;) {
    if (t[i] != '`') {
      ++i;
      continue;
    }
    size_t n = 0;
    while (i + n < end && t[i + n] == '`') ++n;
    runs[n].push_back(i);
    i += n;
  }
  struct Bracket {
    size_t pos;
    bool image;
  };
  std::vector<Bracket> brackets;
  bool comment_open_possible = true;
  size_t i = begin;
  while (i < end) {
    const char c = t[i];
    if (c == '\\' && i + 1 < end && IsAsciiPunct(t[i + 1])) {
      i += 2;
      continue;
    }
    if (c == '`') {
      size_t n = 0;
      while (i + n < end && t[i + n] == '`') ++n;
      const std::vector<size_t>& same = runs[n];
      auto it = std::upper_bound(same.begin(), same.end(), i + n - 1);
      if (it != same.end()) {
        regions->push_back({i, *it + n});
        i = *it + n;
      } else {
        i += n;
      }
      continue;
    }
    if (c == '<') {
      if (t.substr(i, 4) == "<!--" && comment_open_possible) {
        const size_t close = t.find("-->", i + 4);
        if (close != std::string_view::npos) {
          regions->push_back({i, close + 3});
          comments->push_back({i, close + 3});
          i = close + 3;
          continue;
        }
        comment_open_possible = false;
      }
      // An autolink: <scheme:...> or <user@host>, no spaces inside.
      size_t k = i + 1;
      bool scheme = false, at = false;
      while (k < end && k - i < kMaxLinkTail && t[k] != '>' && t[k] != '<' &&
             !absl::ascii_isspace(static_cast<unsigned char>(t[k]))) {
        if (t[k] == ':' && k > i + 2) scheme = true;
        if (t[k] == '@') at = true;
        ++k;
      }
      if (k < end && t[k] == '>' && (scheme || at) &&
          absl::ascii_isalpha(static_cast<unsigned char>(t[i + 1]))) {
        regions->push_back({i, k + 1});
        i = k + 1;
        continue;
      }
      ++i;
      continue;
    }
    if (c == '!' && i + 1 < end && t[i + 1] == '[') {
      brackets.push_back({i, true});
      i += 2;
      continue;
    }
    if (c == '[') {
      brackets.push_back({i, false});
      ++i;
      continue;
    }
    if (c == ']' && !brackets.empty()) {
      const Bracket open = brackets.back();
      brackets.pop_back();
      size_t tail_end = 0;
      if (i + 1 < end && t[i + 1] == '(') {
        // Inline link: destination (balanced parentheses, or <...>), an
        // optional title, then `)`.
        size_t k = i + 2;
        int depth = 0;
        bool in_angle = false, in_title = false;
        char title_close = 0;
        while (k < end && k - i < kMaxLinkTail) {
          const char d = t[k];
          if (d == '\\') {
            k += 2;
            continue;
          }
          if (in_title) {
            if (d == title_close) in_title = false;
          } else if (in_angle) {
            if (d == '>') in_angle = false;
          } else if (d == '<' && depth == 0) {
            in_angle = true;
          } else if ((d == '"' || d == '\'') && depth == 0) {
            in_title = true;
            title_close = d;
          } else if (d == '(') {
            ++depth;
          } else if (d == ')') {
            if (depth == 0) {
              tail_end = k + 1;
              break;
            }
            --depth;
          }
          ++k;
        }
      } else if (i + 1 < end && t[i + 1] == '[') {
        // Full or collapsed reference link: [text][label] or [text][].
        size_t k = i + 2;
        while (k < end && k - i < kMaxLabel && t[k] != ']' && t[k] != '[') {
          k += t[k] == '\\' ? 2 : 1;
        }
        if (k < end && t[k] == ']') tail_end = k + 1;
      }
      if (tail_end == 0) {
        ++i;
        continue;
      }
      if (open.image) {
        regions->push_back({open.pos, tail_end});
      } else {
        regions->push_back({open.pos, open.pos + 1});
        regions->push_back({i, tail_end});
        // Links do not nest: earlier open brackets can no longer be links.
        brackets.erase(std::remove_if(brackets.begin(), brackets.end(),
                                      [](const Bracket& b) { return !b.image; }),
                       brackets.end());
      }
      i = tail_end;
      continue;
    }
    if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') &&
        (i == begin || !absl::ascii_isalnum(static_cast<unsigned char>(t[i - 1])))) {
      const std::string_view rest = t.substr(i, 8);
      if (absl::StartsWithIgnoreCase(Absl(rest), "http://") ||
          absl::StartsWithIgnoreCase(Absl(rest), "https://") ||
          absl::StartsWithIgnoreCase(Absl(rest), "www.")) {
        size_t e = i;
        while (e < end && t[e] != '<' && !absl::ascii_isspace(static_cast<unsigned char>(t[e]))) {
          ++e;
        }
        // Trailing punctuation belongs to the sentence, and so does a closing
        // parenthesis without its opening one.
        for (;;) {
          if (e > i && std::string_view("?!.,:;*_~'\"").find(t[e - 1]) != std::string_view::npos) {
            --e;
            continue;
          }
          if (e > i && t[e - 1] == ')') {
            const std::string_view url = t.substr(i, e - i);
            if (std::count(url.begin(), url.end(), ')') > std::count(url.begin(), url.end(), '(')) {
              --e;
              continue;
            }
          }
          break;
        }
        regions->push_back({i, e});
        i = std::max(e, i + 1);
        continue;
      }
    }
    ++i;
  }
}

}  // namespace mtclean::internal
