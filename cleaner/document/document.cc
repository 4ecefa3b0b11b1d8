#include "cleaner/document/document.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
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
        text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    while (!content.empty() && (content.back() == ' ' || content.back() == '\t'))
      content.remove_suffix(1);
    if (content == fence || (fence == "---" && content == "...")) return i;
  }
  return std::string_view::npos;
}

}  // namespace

absl::Status ValidateUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t n = static_cast<int64_t>(text.size());
  int64_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {  // ASCII fast path
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

absl::StatusOr<Document> Document::Create(std::string text) {
  if (absl::Status s = ValidateUtf8(text); !s.ok()) return s;
  Document doc(std::move(text));
  doc.Index();
  return doc;
}

void Document::Index() {
  const std::string_view t = text_;
  size_t pos = t.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  if (pos > 0) protected_.push_back({0, pos});
  bool first_break = true;
  while (pos < t.size()) {
    size_t nl = t.find('\n', pos);
    Line line;
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
  size_t body_first_line = 0;
  if (!lines_.empty()) {
    std::string_view first = LineText(0);
    if (first == "---" || first == "+++") {
      size_t close = FindClosingFence(lines_, t, 0, first);
      if (close != std::string_view::npos) {
        protected_.push_back({lines_[0].begin, lines_[close].next});
        body_first_line = close + 1;
      }
    }
  }

  block_of_line_.assign(lines_.size(), kNoBlock);
  for (size_t i = body_first_line; i < lines_.size(); ++i) {
    if (lines_[i].blank) continue;
    if (blocks_.empty() || blocks_.back().last_line + 1 != i ||
        block_of_line_[i - 1] == kNoBlock) {
      blocks_.push_back({i, i, lines_[i].begin, lines_[i].end});
    } else {
      blocks_.back().last_line = i;
      blocks_.back().end = lines_[i].end;
    }
    block_of_line_[i] = blocks_.size() - 1;
  }
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
      [](size_t off, const Line& l) { return off < l.begin; });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
}

bool Document::IsProtected(size_t begin, size_t end) const {
  for (const Region& r : protected_) {
    if (begin == end) {
      if (begin > r.begin && begin < r.end) return true;
    } else if (begin < r.end && r.begin < end) {
      return true;
    }
  }
  return false;
}

}  // namespace mtclean::internal
