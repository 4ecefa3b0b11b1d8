#include "cleaner/rules/suppression.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cleaner/rules/rule_pattern.h"

namespace mtclean::internal {
namespace {

constexpr absl::string_view kDisableNextLine = "mtclean-disable-next-line";
constexpr absl::string_view kDisable = "mtclean-disable";
constexpr absl::string_view kEnable = "mtclean-enable";

absl::string_view KindName(Suppression::Kind kind) {
  switch (kind) {
    case Suppression::Kind::kDisableNextLine:
      return kDisableNextLine;
    case Suppression::Kind::kDisable:
      return kDisable;
    case Suppression::Kind::kEnable:
      return kEnable;
  }
  return kDisable;
}

// Parses the inside of one HTML comment; nullopt when it is not ours.
std::optional<Suppression> Parse(std::string_view comment) {
  absl::string_view body(comment.data(), comment.size());
  if (!absl::ConsumePrefix(&body, "<!--") || !absl::ConsumeSuffix(&body, "-->")) {
    return std::nullopt;
  }
  body = absl::StripAsciiWhitespace(body);
  Suppression s;
  if (absl::ConsumePrefix(&body, kDisableNextLine)) {
    s.kind = Suppression::Kind::kDisableNextLine;
  } else if (absl::ConsumePrefix(&body, kDisable)) {
    s.kind = Suppression::Kind::kDisable;
  } else if (absl::ConsumePrefix(&body, kEnable)) {
    s.kind = Suppression::Kind::kEnable;
  } else {
    return std::nullopt;
  }
  // The keyword must end there (`mtclean-disabled` is not ours).
  if (!body.empty() && !absl::ascii_isspace(static_cast<unsigned char>(body[0])) &&
      body[0] != ',') {
    return std::nullopt;
  }
  for (absl::string_view name :
       absl::StrSplit(body, absl::ByAnyChar(" \t\r\n,"), absl::SkipEmpty())) {
    s.patterns.emplace_back(name.data(), name.size());
  }
  return s;
}

}  // namespace

Suppressions Suppressions::Find(const Document& doc) {
  Suppressions out;
  const std::string_view text = doc.text();
  for (const Region& c : doc.html_comments()) {
    std::optional<Suppression> s = Parse(text.substr(c.begin, c.end - c.begin));
    if (!s) continue;
    s->comment = c;
    out.directives_.push_back(std::move(*s));
  }
  auto& all = out.directives_;
  for (size_t d = 0; d < all.size(); ++d) {
    Suppression& s = all[d];
    if (s.kind == Suppression::Kind::kEnable) continue;
    const size_t count = std::max<size_t>(1, s.patterns.size());
    if (s.kind == Suppression::Kind::kDisableNextLine) {
      const size_t line = doc.LineIndexAt(s.comment.end > 0 ? s.comment.end - 1 : 0) + 1;
      const Region next = line < doc.lines().size()
                              ? Region{doc.lines()[line].start, doc.lines()[line].next}
                              : Region{text.size(), text.size()};
      s.covers.assign(count, next);
      continue;
    }
    for (size_t p = 0; p < count; ++p) {
      Region covered{s.comment.end, text.size()};
      for (size_t e = d + 1; e < all.size(); ++e) {
        const Suppression& enable = all[e];
        if (enable.kind != Suppression::Kind::kEnable) continue;
        const bool ends =
            enable.patterns.empty() ||
            (!s.patterns.empty() &&
             std::find(enable.patterns.begin(), enable.patterns.end(), s.patterns[p]) !=
                 enable.patterns.end());
        if (ends) {
          covered.end = enable.comment.begin;
          break;
        }
      }
      s.covers.push_back(covered);
    }
  }
  return out;
}

std::optional<Suppressions::Use> Suppressions::Match(std::string_view rule_id,
                                                      size_t offset) const {
  for (size_t d = 0; d < directives_.size(); ++d) {
    const Suppression& s = directives_[d];
    for (size_t p = 0; p < s.covers.size(); ++p) {
      const Region& r = s.covers[p];
      if (offset < r.begin || offset >= r.end) continue;
      if (s.patterns.empty() || RulePatternMatches(s.patterns[p], rule_id)) return Use{d, p};
    }
  }
  return std::nullopt;
}

std::string Suppressions::Describe(const Suppression& s, size_t pattern) {
  std::string out(KindName(s.kind));
  if (pattern < s.patterns.size()) absl::StrAppend(&out, " ", s.patterns[pattern]);
  return out;
}

}  // namespace mtclean::internal
