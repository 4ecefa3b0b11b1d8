#include "cleaner/report/text_report.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "unicode/uchar.h"

namespace mtclean::internal {
namespace {

constexpr std::string_view kReset = "\033[0m";
constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kGutter = "\033[1;34m";
constexpr std::string_view kCaret = "\033[1;32m";

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\033[1;31m";
    case Severity::kWarning:
      return "\033[1;35m";
    case Severity::kInfo:
      return "\033[1;36m";
  }
  return "";
}

// Columns a code point takes on a terminal.
size_t DisplayWidth(char32_t c) {
  const UChar32 u = static_cast<UChar32>(c);
  const int8_t category = u_charType(u);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
      category == U_FORMAT_CHAR) {
    return 0;
  }
  const int width = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

struct Cell {
  size_t begin;  // byte offset in the line
  size_t end;
  size_t width;
  bool tab;
};

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

LineIndex::Position LineIndex::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const size_t line = static_cast<size_t>(it - starts_.begin()) - 1;
  const size_t start = starts_[line];
  return {line + 1, CodePointCount(text_.substr(start, offset - start)) + 1};
}

std::string_view LineIndex::Line(size_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  const size_t start = starts_[line - 1];
  size_t end = line < starts_.size() ? starts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, std::max(end, start) - start);
}

std::string FormatFindingText(std::string_view path, const LineIndex& index,
                              const Finding& finding) {
  return FormatFindingWithSource(path, index, finding, TextStyle{false, false});
}

std::string FormatFindingWithSource(std::string_view path, const LineIndex& index,
                                    const Finding& finding, const TextStyle& style) {
  const LineIndex::Position p = index.At(finding.begin);
  auto paint = [&](std::string_view color, std::string_view s) {
    return style.color ? absl::StrCat(std::string(color), std::string(s), std::string(kReset))
                       : std::string(s);
  };
  std::string out = absl::StrCat(
      paint(kBold, absl::StrCat(std::string(path), ":", p.line, ":", p.column, ":")), " ",
      paint(SeverityColor(finding.severity),
            absl::StrCat(std::string(SeverityName(finding.severity)), ":")),
      " ", paint(kBold, finding.message), " [", finding.rule_id, "]\n");
  if (!style.source) return out;

  const std::string_view line = index.Line(p.line);
  std::vector<Cell> cells;
  for (size_t i = 0; i < line.size();) {
    const size_t start = i;
    const char32_t c = NextCodePoint(line, i);
    cells.push_back({start, i, c == '\t' ? 1 : DisplayWidth(c), c == '\t'});
  }
  // The span on this line, in cells.
  const size_t first = std::min(p.column - 1, cells.size());
  const LineIndex::Position e = index.At(std::max(finding.end, finding.begin));
  const size_t last = e.line == p.line ? std::max(first, std::min(e.column - 1, cells.size()))
                                       : cells.size();
  // A window of at most kMaxColumns around the span's start.
  constexpr size_t kMaxColumns = 160, kLead = 40;
  size_t from = 0, to = cells.size(), columns = 0;
  for (const Cell& c : cells) columns += c.width;
  if (columns > kMaxColumns) {
    from = first > kLead ? first - kLead : 0;
    size_t width = 0;
    to = from;
    while (to < cells.size() && width + cells[to].width <= kMaxColumns) width += cells[to++].width;
  }
  const std::string number = absl::StrCat(p.line);
  const std::string pad(number.size(), ' ');
  std::string source_line = from > 0 ? "…" : "";
  std::string caret_line = from > 0 ? " " : "";
  for (size_t k = from; k < to; ++k) {
    const Cell& c = cells[k];
    source_line.append(line.substr(c.begin, c.end - c.begin));
    if (k < first) {
      caret_line.append(c.tab ? "\t" : std::string(c.width, ' '));
    } else if (k < std::max(last, first + 1)) {
      caret_line.append(k == first ? "^" : std::string(c.width, '~'));
      if (k == first && c.width > 1) caret_line.append(std::string(c.width - 1, '~'));
    }
  }
  if (first >= to) caret_line.append("^");  // the span starts at the line's end
  if (to < cells.size()) source_line.append("…");
  absl::StrAppend(&out, " ", paint(kGutter, absl::StrCat(number, " |")), " ", source_line, "\n",
                  " ", paint(kGutter, absl::StrCat(pad, " |")), " ", paint(kCaret, caret_line),
                  "\n");
  return out;
}

}  // namespace mtclean::internal
