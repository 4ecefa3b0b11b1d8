#include "cleaner/report/text_report.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"

namespace mtclean::internal {

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

std::string FormatFindingText(std::string_view path, const LineIndex& index,
                              const Finding& finding) {
  const LineIndex::Position p = index.At(finding.begin);
  return std::string(path) + absl::StrCat(":", p.line, ":", p.column, ": ") +
         std::string(SeverityName(finding.severity)) + ": " + finding.message + " [" +
         finding.rule_id + "]\n";
}

}  // namespace mtclean::internal
