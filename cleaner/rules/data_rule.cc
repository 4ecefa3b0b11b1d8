#include "cleaner/rules/data_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/document/unicode_text.h"
#include "re2/re2.h"

namespace mtclean::internal {
namespace {

bool WordCharBefore(std::string_view text, size_t offset) {
  if (offset == 0) return false;
  size_t i = offset;
  return IsWordChar(PreviousCodePoint(text, i));
}

bool WordCharAfter(std::string_view text, size_t offset) {
  if (offset >= text.size()) return false;
  size_t i = offset;
  return IsWordChar(NextCodePoint(text, i));
}

bool FirstIsWordChar(std::string_view text, size_t begin, size_t end) {
  if (begin >= end) return false;
  size_t i = begin;
  return IsWordChar(NextCodePoint(text, i));
}

bool LastIsWordChar(std::string_view text, size_t begin, size_t end) {
  if (begin >= end) return false;
  size_t i = end;
  return IsWordChar(PreviousCodePoint(text, i));
}

// True when a literal match [b, e) does not cut a word in two.
bool AtWordBoundaries(std::string_view text, size_t b, size_t e) {
  if (FirstIsWordChar(text, b, e) && WordCharBefore(text, b)) return false;
  if (LastIsWordChar(text, b, e) && WordCharAfter(text, e)) return false;
  return true;
}

// True when the line content [begin, end) is wholly made of `matches`
// (sorted by begin) with only whitespace, punctuation and symbols around and
// between them.
bool CoversLine(std::string_view text, size_t begin, size_t end,
                const std::vector<Span>& matches) {
  std::vector<size_t> reachable = {begin};  // sorted ascending
  auto separator = [&](size_t a, size_t b) {
    return a <= b && IsSeparatorOnly(text.substr(a, b - a));
  };
  for (const Span& m : matches) {
    auto it = std::upper_bound(reachable.begin(), reachable.end(), m.begin);
    if (it == reachable.begin()) continue;
    if (!separator(*(it - 1), m.begin)) continue;
    auto pos = std::lower_bound(reachable.begin(), reachable.end(), m.end);
    if (pos == reachable.end() || *pos != m.end) reachable.insert(pos, m.end);
  }
  // The line needs at least one match: `begin` alone does not count.
  for (auto it = reachable.rbegin(); it != reachable.rend(); ++it) {
    if (*it == begin) break;
    if (separator(*it, end)) return true;
  }
  return false;
}

}  // namespace

DataRule::DataRule(Spec spec) : Rule(spec.description), spec_(std::move(spec)) {}
DataRule::~DataRule() = default;

absl::StatusOr<std::unique_ptr<DataRule>> DataRule::Create(Spec spec) {
  std::vector<std::string> alternatives;
  for (size_t i = 0; i < spec.patterns.size(); ++i) {
    const PatternSpec& p = spec.patterns[i];
    RE2::Options options;
    options.set_case_sensitive(!p.caseless);
    options.set_log_errors(false);
    RE2 re(PatternExpression(p), options);
    if (!re.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("pattern ", i, " is not a valid regular expression: ",
                       re.error()));
    }
    alternatives.push_back(absl::StrCat("(?:", PatternExpression(p), ")"));
  }
  spec.description.fixable = spec.action != Action::kFlag;
  std::unique_ptr<DataRule> rule(new DataRule(std::move(spec)));
  if (rule->spec_.action == Action::kReplace) {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_longest_match(true);
    options.set_log_errors(false);
    rule->replace_re_ = std::make_unique<RE2>(
        absl::StrCat("(?:", absl::StrJoin(alternatives, "|"), ")"), options);
    std::string error;
    if (!rule->replace_re_->ok() ||
        !rule->replace_re_->CheckRewriteString(rule->spec_.replacement, &error)) {
      return absl::InvalidArgumentError(
          absl::StrCat("replacement does not fit the patterns: ", error));
    }
  }
  return rule;
}

bool DataRule::LineQualifies(std::string_view text, const Line& line,
                              const std::vector<Span>& matches) const {
  auto separator = [&](size_t a, size_t b) {
    return a <= b && IsSeparatorOnly(text.substr(a, b - a));
  };
  switch (spec_.scope) {
    case Scope::kLine:
      return CoversLine(text, line.begin, line.end, matches);
    case Scope::kLineStart:
      return std::any_of(matches.begin(), matches.end(),
                         [&](const Span& m) { return separator(line.begin, m.begin); });
    case Scope::kLineEnd:
      return std::any_of(matches.begin(), matches.end(),
                         [&](const Span& m) { return separator(m.end, line.end); });
    case Scope::kAnywhere:
      break;
  }
  return false;
}

std::vector<Span> DataRule::Locate(const Document& doc,
                                   std::vector<RuleMatch> matches) const {
  const std::string_view text = doc.text();
  std::vector<Span> spans;
  spans.reserve(matches.size());
  for (const RuleMatch& m : matches) {
    if (m.begin >= m.end) continue;
    if (spec_.patterns[m.pattern].literal && !AtWordBoundaries(text, m.begin, m.end))
      continue;
    if (doc.IsProtected(m.begin, m.end)) continue;
    spans.push_back({m.begin, m.end});
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });

  std::vector<Span> sites;
  if (IsLineScope(spec_.scope)) {
    // Group the matches by line; a match spanning a line break never covers
    // a line.
    size_t i = 0;
    while (i < spans.size()) {
      const size_t line = doc.LineIndexAt(spans[i].begin);
      const Line& l = doc.lines()[line];
      std::vector<Span> in_line;
      for (; i < spans.size() && spans[i].begin < l.next; ++i) {
        if (spans[i].end <= l.end) in_line.push_back(spans[i]);
      }
      if (!l.blank && LineQualifies(text, l, in_line)) sites.push_back({l.begin, l.end});
    }
    return sites;
  }
  size_t last_end = 0;
  for (const Span& s : spans) {
    if (!sites.empty() && s.begin < last_end) continue;
    sites.push_back(s);
    last_end = s.end;
  }
  return sites;
}

bool DataRule::InPosition(const Document& doc, const BlockPositions& positions,
                          size_t offset) const {
  const size_t block = doc.BlockOfLine(doc.LineIndexAt(offset));
  if (block == Document::kNoBlock) return false;
  switch (spec_.position) {
    case Position::kAnywhere:
      return true;
    // The head is before the story and the tail after it: a block with no
    // content on the other side (a one-block text, a headline) is neither.
    case Position::kHead:
      return positions.content_before[block] < spec_.within &&
             positions.content_after[block] > 0;
    case Position::kTail:
      return positions.content_after[block] < spec_.within &&
             positions.content_before[block] > 0;
  }
  return false;
}

void DataRule::Emit(const Document& doc, const std::vector<Span>& sites,
                    const BlockPositions& positions,
                    std::vector<Finding>* out) const {
  const std::string_view text = doc.text();
  constexpr size_t kNoRun = static_cast<size_t>(-1);
  size_t run = kNoRun;  // index in `out` of the open run of deleted lines
  size_t run_last_line = 0;
  for (const Span& site : sites) {
    if (!InPosition(doc, positions, site.begin)) continue;
    switch (spec_.action) {
      case Action::kFlag:
        out->push_back(MakeFinding(site.begin, site.end));
        break;
      case Action::kDeleteMatch: {
        Finding f = MakeFinding(site.begin, site.end);
        size_t begin = site.begin;
        // Take one neighbouring space along so no double space remains.
        if (begin > 0 && text[begin - 1] == ' ' &&
            (site.end == text.size() || text[site.end] == ' ' ||
             text[site.end] == '\n' || text[site.end] == '\r' ||
             IsSeparatorOnly(text.substr(site.end, 1)))) {
          --begin;
        }
        f.edits.push_back({begin, site.end, ""});
        out->push_back(std::move(f));
        break;
      }
      case Action::kReplace: {
        std::string replaced(text.substr(site.begin, site.end - site.begin));
        if (RE2::Replace(&replaced, *replace_re_, spec_.replacement)) {
          Finding f = MakeFinding(site.begin, site.end);
          f.edits.push_back({site.begin, site.end, std::move(replaced)});
          out->push_back(std::move(f));
        }
        break;
      }
      case Action::kDeleteLine:
      case Action::kDeleteBlock: {
        size_t first = doc.LineIndexAt(site.begin);
        size_t last = doc.LineIndexAt(site.end > site.begin ? site.end - 1 : site.end);
        if (spec_.action == Action::kDeleteBlock) {
          const Block& b = doc.blocks()[doc.BlockOfLine(first)];
          first = b.first_line;
          last = std::max(last, b.last_line);
        }
        bool extends_run = run != kNoRun && first <= run_last_line + 1;
        if (run != kNoRun && !extends_run && first > run_last_line) {
          // Blank lines between the run and this site keep it one run.
          extends_run = true;
          for (size_t l = run_last_line + 1; l < first; ++l) {
            if (!doc.lines()[l].blank) {
              extends_run = false;
              break;
            }
          }
        }
        if (extends_run) {
          if (last > run_last_line) {
            (*out)[run].end = doc.lines()[last].end;
            run_last_line = last;
          }
        } else {
          Finding f = MakeFinding(doc.lines()[first].begin, doc.lines()[last].end);
          f.delete_lines = true;
          out->push_back(std::move(f));
          run = out->size() - 1;
          run_last_line = last;
        }
        break;
      }
    }
  }
}

BlockPositions ComputeBlockPositions(const Document& doc,
                                     const std::vector<bool>& boilerplate_line) {
  const auto& blocks = doc.blocks();
  std::vector<bool> content(blocks.size(), false);
  for (size_t b = 0; b < blocks.size(); ++b) {
    for (size_t l = blocks[b].first_line; l <= blocks[b].last_line; ++l) {
      if (!boilerplate_line[l]) {
        content[b] = true;
        break;
      }
    }
  }
  BlockPositions p;
  p.content_before.resize(blocks.size());
  p.content_after.resize(blocks.size());
  size_t count = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    p.content_before[b] = count;
    if (content[b]) ++count;
  }
  count = 0;
  for (size_t b = blocks.size(); b-- > 0;) {
    p.content_after[b] = count;
    if (content[b]) ++count;
  }
  return p;
}

}  // namespace mtclean::internal
