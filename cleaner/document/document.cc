#include "cleaner/document/document.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "cleaner/document/front_matter.h"
#include "cleaner/document/markdown.h"
#include "unicode/utf8.h"

namespace mtclean::internal {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t'; });
}

// Line index of the closing fence of front matter opened by `fence` on line
// `first`, or npos.
size_t FindClosingFence(const std::vector<Line>& lines, std::string_view text,
                        size_t first, std::string_view fence) {
  for (size_t i = first + 1; i < lines.size(); ++i) {
    std::string_view content =
        text.substr(lines[i].start, lines[i].end - lines[i].start);
    while (!content.empty() && (content.back() == ' ' || content.back() == '\t'))
      content.remove_suffix(1);
    if (content == fence || (fence == "---" && content == "...")) return i;
  }
  return std::string_view::npos;
}

// Sorts `regions` and merges the overlapping ones.
void SortAndMerge(std::vector<Region>* regions) {
  std::sort(regions->begin(), regions->end(), [](const Region& a, const Region& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Region> merged;
  for (const Region& r : *regions) {
    if (r.begin >= r.end) continue;
    if (!merged.empty() && r.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  *regions = std::move(merged);
}

}  // namespace

absl::Status ValidateUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t n = static_cast<int64_t>(text.size());
  int64_t i = 0;
  while (i < n) {
    // ASCII eight bytes at a time: most of the text.
    uint64_t eight;
    if (i + 8 <= n && (std::memcpy(&eight, s + i, 8), (eight & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("invalid UTF-8 at byte ", start));
    }
  }
  return absl::OkStatus();
}

std::string RepairUtf8(std::string_view text, size_t* replaced) {
  *replaced = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t n = static_cast<int64_t>(text.size());
  std::string out;
  out.reserve(text.size());
  int64_t i = 0;
  while (i < n) {
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++*replaced;
    } else {
      out.append(text.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

bool OpensWithFrontMatter(std::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  // The lines of `text`, without their `\n` and a `\r` before it (a last
  // line without `\n` keeps its `\r`), as Document::Index cuts them.
  size_t pos = 0;
  auto next_line = [&](std::string_view* line) {
    if (pos >= text.size()) return false;
    const size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      *line = text.substr(pos);
      pos = text.size();
      return true;
    }
    *line = text.substr(pos, nl - pos);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos = nl + 1;
    return true;
  };
  std::string_view fence;
  if (!next_line(&fence) || (fence != "---" && fence != "+++")) return false;
  for (std::string_view line; next_line(&line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line == fence || (fence == "---" && line == "...")) return true;
  }
  return false;
}

absl::StatusOr<Document> Document::Create(std::string text, Syntax syntax,
                                          const std::vector<Region>& also_protected) {
  if (absl::Status s = ValidateUtf8(text); !s.ok()) return s;
  Document doc(std::move(text), syntax);
  doc.Index();
  if (!also_protected.empty()) {
    doc.protected_.insert(doc.protected_.end(), also_protected.begin(), also_protected.end());
    SortAndMerge(&doc.protected_);
  }
  return doc;
}

void Document::Index() {
  const std::string_view t = text_;
  size_t pos = t.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  if (pos > 0) protected_.push_back({0, pos});
  // One allocation for the lines rather than one per doubling.
  lines_.reserve(static_cast<size_t>(std::count(t.begin() + pos, t.end(), '\n')) + 1);
  bool first_break = true;
  while (pos < t.size()) {
    size_t nl = t.find('\n', pos);
    Line line;
    line.start = pos;
    line.begin = pos;
    if (nl == std::string_view::npos) {
      line.end = t.size();
      line.next = t.size();
    } else {
      line.end = (nl > pos && t[nl - 1] == '\r') ? nl - 1 : nl;
      line.next = nl + 1;
      if (first_break) {
        crlf_ = line.end != nl;
        first_break = false;
      }
    }
    line.blank = IsBlank(t.substr(line.begin, line.end - line.begin));
    lines_.push_back(line);
    pos = line.next;
  }

  // Front matter: a first line of exactly "---" (YAML) or "+++" (TOML) and
  // a matching closing line.
  if (!lines_.empty()) {
    std::string_view first = LineText(0);
    if (first == "---" || first == "+++") {
      size_t close = FindClosingFence(lines_, t, 0, first);
      if (close != std::string_view::npos) {
        protected_.push_back({lines_[0].start, lines_[close].next});
        first_body_line_ = close + 1;
        title_ = FrontMatterTitle(
            t.substr(lines_[0].next, lines_[close].start - lines_[0].next), first == "+++");
      }
    }
  }

  block_of_line_.assign(lines_.size(), kNoBlock);
  auto add_to_block = [&](size_t i, bool starts_block) {
    if (starts_block || blocks_.empty() || blocks_.back().last_line + 1 != i ||
        block_of_line_[i - 1] == kNoBlock) {
      blocks_.push_back({i, i, lines_[i].begin, lines_[i].end});
    } else {
      blocks_.back().last_line = i;
      blocks_.back().end = lines_[i].end;
    }
    block_of_line_[i] = blocks_.size() - 1;
  };
  if (syntax_ == Syntax::kPlain) {
    for (size_t i = first_body_line_; i < lines_.size(); ++i) {
      if (!lines_[i].blank) add_to_block(i, false);
    }
    return;
  }

  const MarkdownBlocks markdown = ScanMarkdownBlocks(t, lines_, first_body_line_);
  for (size_t i = first_body_line_; i < lines_.size(); ++i) {
    const LineMarkup& m = markdown.lines[i - first_body_line_];
    Line& line = lines_[i];
    line.blank = m.role == LineRole::kBlank;
    if (m.role != LineRole::kText) continue;
    line.begin = m.content_begin;
    add_to_block(i, m.starts_block);
  }
  protected_.insert(protected_.end(), markdown.protected_lines.begin(),
                    markdown.protected_lines.end());
  for (const Region& html : markdown.html_blocks) {
    FindHtmlComments(t, html.begin, html.end, &comments_);
  }
  for (const Block& b : blocks_) {
    ScanMarkdownInline(t, b.begin, b.end, &protected_, &comments_);
  }
  SortAndMerge(&protected_);
  std::sort(comments_.begin(), comments_.end(),
            [](const Region& a, const Region& b) { return a.begin < b.begin; });
}

std::string_view Document::LineText(size_t line) const {
  const Line& l = lines_[line];
  return std::string_view(text_).substr(l.begin, l.end - l.begin);
}

std::string_view Document::BlockText(size_t block) const {
  const Block& b = blocks_[block];
  return std::string_view(text_).substr(b.begin, b.end - b.begin);
}

size_t Document::LineIndexAt(size_t offset) const {
  if (lines_.empty()) return 0;
  auto it = std::upper_bound(
      lines_.begin(), lines_.end(), offset,
      [](size_t off, const Line& l) { return off < l.start; });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
}

bool Document::ParagraphPerLine(size_t block) const {
  // Longer than the 72 to 80 columns of wrapped text, with room for a long
  // URL or a line of wide characters.
  constexpr size_t kUnwrappedLineBytes = 160;
  const Block& b = blocks_[block];
  for (size_t l = b.first_line; l <= b.last_line; ++l) {
    if (lines_[l].end - lines_[l].begin > kUnwrappedLineBytes) return true;
  }
  return false;
}

bool Document::IsProtected(size_t begin, size_t end) const {
  // The first region that ends after `begin` is the only one that can touch
  // [begin, end) first; the regions are sorted and do not overlap.
  auto it = std::upper_bound(protected_.begin(), protected_.end(), begin,
                             [](size_t off, const Region& r) { return off < r.end; });
  if (it == protected_.end()) return false;
  if (begin == end) return begin > it->begin;
  return it->begin < end;
}

bool Document::IsInsideProtected(size_t begin, size_t end) const {
  auto it = std::upper_bound(protected_.begin(), protected_.end(), begin,
                             [](size_t off, const Region& r) { return off < r.end; });
  return it != protected_.end() && it->begin <= begin && end <= it->end &&
         (begin < end || begin > it->begin);
}

}  // namespace mtclean::internal
