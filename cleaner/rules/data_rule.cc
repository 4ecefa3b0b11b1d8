#include "cleaner/rules/data_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/document/line_shape.h"
#include "cleaner/document/unicode_text.h"
#include "re2/re2.h"
#include "re2/set.h"

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

// The lengths of the common prefix and suffix of `before` and `after`,
// each ending on a code point boundary of both and not overlapping, so that
// [prefix, size - suffix) of each is the part a rewrite changed.
std::pair<size_t, size_t> ChangedMiddle(std::string_view before, std::string_view after) {
  // True when offset i of s falls inside a code point.
  auto inside = [](std::string_view s, size_t i) {
    return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  };
  const size_t shorter = std::min(before.size(), after.size());
  size_t prefix = 0;
  while (prefix < shorter && before[prefix] == after[prefix]) ++prefix;
  while (prefix > 0 && (inside(before, prefix) || inside(after, prefix))) --prefix;
  size_t suffix = 0;
  while (suffix < shorter - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  while (suffix > 0 &&
         (inside(before, before.size() - suffix) || inside(after, after.size() - suffix))) {
    --suffix;
  }
  return {prefix, suffix};
}

// The non-blank line before `line` does not end a sentence, or is a list
// item, or there is none: `line` is what that line announces.
bool IntroducedByLineBefore(const Document& doc, const BlockPositions& positions, size_t line) {
  while (line > 0) {
    --line;
    if (doc.lines()[line].blank) continue;
    const LineShape& before = positions.shape(line);
    return before.list_item || !EndsAsSentence(before);
  }
  return true;
}

}  // namespace

DataRule::DataRule(Spec spec) : Rule(spec.description), spec_(std::move(spec)) {}
DataRule::~DataRule() = default;

absl::StatusOr<std::unique_ptr<DataRule>> DataRule::Create(Spec spec) {
  // A phrase's expression escapes every ASCII character but letters and
  // digits (and rule files are valid UTF-8), so only regular expressions
  // need checking. Parsing them is enough: an RE2::Set parses what it is
  // given and compiles nothing. Compiling every pattern here cost each start
  // of the CLI about 10 ms for nine hundred patterns.
  RE2::Options parse_options;
  parse_options.set_log_errors(false);
  RE2::Set parser(parse_options, RE2::UNANCHORED);
  for (size_t i = 0; i < spec.patterns.size(); ++i) {
    if (spec.patterns[i].literal) continue;
    std::string error;
    if (parser.Add(PatternExpression(spec.patterns[i]), &error) < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("pattern ", i, " is not a valid regular expression: ", error));
    }
  }
  spec.description.fixable = spec.action != Action::kFlag;
  std::unique_ptr<DataRule> rule(new DataRule(std::move(spec)));
  if (rule->spec_.action == Action::kReplace) {
    std::vector<std::string> alternatives;
    for (const PatternSpec& p : rule->spec_.patterns) {
      alternatives.push_back(absl::StrCat("(?:", PatternExpression(p), ")"));
    }
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

std::vector<Site> DataRule::Locate(const Document& doc, std::vector<RuleMatch> matches,
                                   std::vector<Span>* words) const {
  const std::string_view text = doc.text();
  struct Candidate {
    Span span;
    bool literal;
  };
  std::vector<Candidate> spans;
  spans.reserve(matches.size());
  for (const RuleMatch& m : matches) {
    if (m.begin >= m.end) continue;
    const bool literal = spec_.patterns[m.pattern].literal;
    if (literal && !AtWordBoundaries(text, m.begin, m.end)) continue;
    if (doc.IsProtected(m.begin, m.end)) continue;
    spans.push_back({{m.begin, m.end}, literal});
    if (words != nullptr) words->push_back({m.begin, m.end});
  }
  std::sort(spans.begin(), spans.end(), [](const Candidate& a, const Candidate& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });

  std::vector<Site> sites;
  if (IsLineScope(spec_.scope)) {
    // Group the matches by line; a match spanning a line break never covers
    // a line.
    size_t i = 0;
    while (i < spans.size()) {
      const size_t line = doc.LineIndexAt(spans[i].span.begin);
      const Line& l = doc.lines()[line];
      std::vector<Span> in_line;
      std::vector<Span> literal_in_line;
      for (; i < spans.size() && spans[i].span.begin < l.next; ++i) {
        if (spans[i].span.end > l.end) continue;
        in_line.push_back(spans[i].span);
        if (spans[i].literal) literal_in_line.push_back(spans[i].span);
      }
      if (!l.blank && LineQualifies(text, l, in_line)) {
        // A line of literal phrases alone is a bare header.
        Site site{l.begin, l.end, CoversLine(text, l.begin, l.end, literal_in_line), l.begin};
        for (const Span& m : in_line) {
          if (IsSeparatorOnly(text.substr(m.end, l.end - m.end))) {
            site.final_match = m.begin;
            break;
          }
        }
        sites.push_back(site);
      }
    }
    return sites;
  }
  size_t last_end = 0;
  for (const Candidate& c : spans) {
    if (!sites.empty() && c.span.begin < last_end) continue;
    sites.push_back({c.span.begin, c.span.end, false});
    last_end = c.span.end;
  }
  return sites;
}

bool DataRule::InPosition(const Document& doc, const BlockPositions& positions,
                          size_t offset) const {
  const size_t line = doc.LineIndexAt(offset);
  const size_t block = doc.BlockOfLine(line);
  if (block == Document::kNoBlock) return false;
  if (spec_.shape == ShapeFilter::kBoilerplate && !positions.short_line(line) &&
      !positions.AtHeadEdge(line) && !positions.AtTailEdge(line) &&
      !positions.NextToBoilerplate(line)) {
    return false;
  }
  if (spec_.unless == Unless::kIntroduced && IntroducedByLineBefore(doc, positions, line)) {
    return false;
  }
  switch (spec_.position) {
    case Position::kAnywhere:
      return true;
    // The head is before the story and the tail after it: a block with no
    // content on the other side (a one-block text, a headline) is neither.
    case Position::kHead:
      return positions.InHead(block, spec_.within);
    case Position::kTail:
      return positions.InTail(block, spec_.within);
    case Position::kStart:
      return doc.text().substr(0, offset).find_first_not_of(" \t\r\n") == std::string_view::npos;
  }
  return false;
}

std::string DataRule::Evidence(const BlockPositions& positions, size_t line) const {
  std::vector<std::string> parts;
  switch (spec_.scope) {
    case Scope::kLine:
      parts.push_back("the whole line is boilerplate");
      break;
    case Scope::kLineStart:
      parts.push_back("the line opens with boilerplate");
      break;
    case Scope::kLineEnd:
      parts.push_back("the line ends with boilerplate");
      break;
    case Scope::kAnywhere:
      parts.push_back("boilerplate phrase");
      break;
  }
  if (spec_.position == Position::kHead) parts.push_back("in the head");
  if (spec_.position == Position::kTail) parts.push_back("in the tail");
  if (spec_.position == Position::kStart) parts.push_back("at the start of the text");
  if (spec_.shape == ShapeFilter::kBoilerplate) {
    if (positions.short_line(line)) {
      parts.push_back("short, no sentence ending");
    } else if (positions.AtHeadEdge(line)) {
      parts.push_back("before the first sentence of the story");
    } else if (positions.AtTailEdge(line)) {
      parts.push_back("after the last sentence of the story");
    } else {
      parts.push_back("next to other boilerplate");
    }
  }
  return absl::StrJoin(parts, ", ");
}

// The next non-blank line after `line` is a story line.
bool LeadsIntoStory(const Document& doc, const BlockPositions& positions, size_t line) {
  for (size_t l = line + 1; l < doc.lines().size(); ++l) {
    if (doc.lines()[l].blank) continue;
    return positions.story(l);
  }
  return false;
}

size_t DataRule::LinkTitlesAfter(const Document& doc, const BlockPositions& positions,
                                 size_t line) const {
  // A related box lists a handful of titles, each maybe with a date or a
  // category line under it.
  constexpr size_t kMaxTitleLines = 12;
  const size_t block = doc.BlockOfLine(line);
  const bool at_edge = positions.InHead(block, spec_.within) ||
                       positions.InTail(block, spec_.within) ||
                       positions.AtHeadEdge(line) || positions.AtTailEdge(line);
  size_t last = line;
  size_t taken = 0;
  bool crossed_blank = false;
  for (size_t l = line + 1; l < doc.lines().size() && taken < kMaxTitleLines; ++l) {
    if (doc.BlockOfLine(l) == Document::kNoBlock) {
      if (!doc.lines()[l].blank) break;
      crossed_blank = true;
      continue;
    }
    // Another rule's (or this rule's next) boilerplate line ends the list.
    if (positions.boilerplate(l)) break;
    const LineShape& shape = positions.shape(l);
    if (!IsLinkTitleLike(shape)) break;
    // Past a blank line, a line right before a story line (the next item's
    // headline, date or kicker) opens what follows the list; a list item or
    // a link is a link title wherever it stands.
    if (crossed_blank && !shape.list_item && !shape.link &&
        !positions.InTail(block, spec_.within) && LeadsIntoStory(doc, positions, l)) {
      break;
    }
    if (crossed_blank && !at_edge && !shape.list_item && !shape.link) break;
    last = l;
    ++taken;
  }
  return last;
}

void DataRule::Emit(const Document& doc, const std::vector<Site>& sites,
                    const BlockPositions& positions,
                    std::vector<Finding>* out) const {
  const std::string_view text = doc.text();
  // An open run of deleted lines: the finding's index in `out`, its lines,
  // the evidence of its first site and the link titles it took along.
  struct Run {
    size_t finding;
    size_t first_line;
    size_t last_line;
    std::string evidence;
    size_t titles = 0;
  };
  std::vector<Run> runs;
  auto describe = [&](const Run& run) {
    Finding& f = (*out)[run.finding];
    size_t more_lines = 0;
    for (size_t l = run.first_line + 1; l <= run.last_line; ++l) {
      if (!doc.lines()[l].blank) ++more_lines;
    }
    std::string detail = absl::StrCat("removed ", QuoteExcerpt(doc.LineText(run.first_line)));
    if (more_lines > 0) {
      absl::StrAppend(&detail, " and ", more_lines, more_lines == 1 ? " more line" : " more lines");
    }
    absl::StrAppend(&detail, " (", run.evidence);
    if (run.titles > 0) {
      absl::StrAppend(&detail, "; with ", run.titles,
                      run.titles == 1 ? " link title" : " link titles", " under the header");
    }
    absl::StrAppend(&detail, ")");
    f.message = absl::StrCat(description().message, ": ", detail);
  };
  for (const Site& site : sites) {
    if (!InPosition(doc, positions, site.begin)) continue;
    const size_t site_line = doc.LineIndexAt(site.begin);
    const std::string_view matched = text.substr(site.begin, site.end - site.begin);
    switch (spec_.action) {
      case Action::kFlag:
        out->push_back(MakeFinding(site.begin, site.end, QuoteExcerpt(matched)));
        break;
      case Action::kDeleteMatch: {
        if (spec_.scope == Scope::kLineEnd) {
          // Only the match that ends the line goes, with the separators
          // after it and the space before it; the separators it opens
          // with (a teaser's cut mark "…") stay. A match that is the whole
          // line takes the line.
          size_t begin = site.final_match;
          while (begin < site.end) {
            size_t next = begin;
            NextCodePoint(text, next);
            if (!IsSeparatorOnly(text.substr(begin, next - begin))) break;
            begin = next;
          }
          const std::string detail =
              absl::StrCat("removed ", QuoteExcerpt(text.substr(begin, site.end - begin)), " (",
                           Evidence(positions, site_line), ")");
          if (begin == site.begin) {
            Finding f = MakeFinding(site.begin, site.end, detail);
            f.delete_lines = true;
            out->push_back(std::move(f));
            break;
          }
          while (begin > site.begin && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
          Finding f = MakeFinding(begin, site.end, detail);
          f.edits.push_back({begin, site.end, ""});
          out->push_back(std::move(f));
          break;
        }
        Finding f = MakeFinding(site.begin, site.end,
                                absl::StrCat("removed ", QuoteExcerpt(matched), " (",
                                             Evidence(positions, site_line), ")"));
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
        std::string replaced(matched);
        if (RE2::Replace(&replaced, *replace_re_, spec_.replacement) && replaced != matched) {
          // The edit and the finding cover only the bytes that change: a
          // line-scoped site is the whole line, and a rewrite that keeps a
          // captured letter changes less than its match.
          const auto [prefix, suffix] = ChangedMiddle(matched, replaced);
          const std::string_view removed =
              matched.substr(prefix, matched.size() - prefix - suffix);
          std::string inserted = replaced.substr(prefix, replaced.size() - prefix - suffix);
          const size_t begin = site.begin + prefix;
          const size_t end = site.end - suffix;
          Finding f = MakeFinding(
              begin, end,
              inserted.empty()
                  ? absl::StrCat("removed ", QuoteExcerpt(removed))
                  : absl::StrCat("replaced ", QuoteExcerpt(removed), " with ",
                                 QuoteExcerpt(inserted)));
          f.edits.push_back({begin, end, std::move(inserted)});
          out->push_back(std::move(f));
        }
        break;
      }
      case Action::kDeleteLine:
      case Action::kDeleteBlock: {
        size_t first = site_line;
        size_t last = doc.LineIndexAt(site.end > site.begin ? site.end - 1 : site.end);
        if (spec_.action == Action::kDeleteBlock) {
          const Block& b = doc.blocks()[doc.BlockOfLine(first)];
          first = b.first_line;
          last = std::max(last, b.last_line);
        }
        size_t titles = 0;
        if (spec_.takes == Takes::kLinkTitles && site.phrases_only && first == last) {
          const size_t through = LinkTitlesAfter(doc, positions, last);
          for (size_t l = last + 1; l <= through; ++l) {
            if (!doc.lines()[l].blank) ++titles;
          }
          last = through;
        }
        bool extends_run = false;
        if (!runs.empty()) {
          const size_t run_last_line = runs.back().last_line;
          extends_run = first <= run_last_line + 1;
          if (!extends_run && first > run_last_line) {
            // Blank lines between the run and this site keep it one run.
            extends_run = true;
            for (size_t l = run_last_line + 1; l < first; ++l) {
              if (!doc.lines()[l].blank) {
                extends_run = false;
                break;
              }
            }
          }
        }
        if (extends_run) {
          Run& run = runs.back();
          if (last > run.last_line) {
            (*out)[run.finding].end = doc.lines()[last].end;
            run.last_line = last;
          }
          run.titles += titles;
        } else {
          Finding f = MakeFinding(doc.lines()[first].begin, doc.lines()[last].end);
          f.delete_lines = true;
          out->push_back(std::move(f));
          runs.push_back({out->size() - 1, first, last, Evidence(positions, site_line), titles});
        }
        break;
      }
    }
  }
  for (const Run& run : runs) describe(run);
}

}  // namespace mtclean::internal
