#include "cleaner/rules/rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"

namespace mtclean {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

namespace internal {

bool Rule::AppliesTo(std::string_view language) const {
  const auto& langs = description_.languages;
  return langs.empty() || std::find(langs.begin(), langs.end(), language) != langs.end();
}

Finding Rule::MakeFinding(size_t begin, size_t end) const {
  Finding f;
  f.rule_id = description_.id;
  f.severity = description_.severity;
  f.message = description_.message;
  f.begin = begin;
  f.end = end;
  return f;
}

Finding Rule::MakeFinding(size_t begin, size_t end, std::string_view detail) const {
  Finding f = MakeFinding(begin, end);
  if (!detail.empty()) f.message = absl::StrCat(f.message, ": ", std::string(detail));
  return f;
}

std::string QuoteExcerpt(std::string_view text, size_t max_chars) {
  std::string out = "\u201C";
  size_t chars = 0;
  size_t i = 0;
  bool space = false;
  while (i < text.size()) {
    const size_t start = i;
    const char32_t c = NextCodePoint(text, i);
    if (IsWhitespace(c)) {
      space = chars > 0;
      continue;
    }
    if (chars >= max_chars) {
      out += "\u2026";
      break;
    }
    if (space) {
      out += ' ';
      ++chars;
      space = false;
    }
    out.append(text.substr(start, i - start));
    ++chars;
  }
  out += "\u201D";
  return out;
}

}  // namespace internal
}  // namespace mtclean
