#include "cleaner/resolve/resolve.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <tuple>

namespace mtclean::internal {
namespace {

bool Overlaps(const Edit& a, const Edit& b) {
  if (a.begin == a.end || b.begin == b.end) {
    // An insertion conflicts with an edit that covers its point or with
    // another insertion at the same point.
    if (a.begin == a.end && b.begin == b.end) return a.begin == b.begin;
    const Edit& ins = a.begin == a.end ? a : b;
    const Edit& other = a.begin == a.end ? b : a;
    return ins.begin > other.begin && ins.begin < other.end;
  }
  return a.begin < b.end && b.begin < a.end;
}

}  // namespace

std::vector<Edit> LineDeletionEdits(const Document& doc, const std::vector<bool>& deleted,
                                    size_t from, size_t to) {
  const auto& lines = doc.lines();
  const size_t n = lines.size();
  auto removable = [&](size_t i) {
    return (deleted[i] || lines[i].blank) &&
           !doc.IsProtected(lines[i].start, std::max(lines[i].next, lines[i].start + 1));
  };
  std::vector<Edit> edits;
  size_t i = from;
  while (i < n && i <= to) {
    if (!deleted[i]) {
      ++i;
      continue;
    }
    size_t s = i;
    while (s > 0 && removable(s - 1) && !deleted[s - 1]) --s;
    size_t e = i;
    while (e + 1 < n && removable(e + 1)) ++e;
    // A protected line before the run (front matter, code) counts as the
    // start of the text: its bytes, line break included, stay as they are.
    const bool has_prev =
        s > 0 && !doc.IsProtected(lines[s - 1].start, lines[s - 1].next);
    const bool has_next = e + 1 < n;
    size_t first_deleted = s, last_deleted = e;
    while (!deleted[first_deleted]) ++first_deleted;
    while (!deleted[last_deleted]) --last_deleted;
    size_t blank = n;
    for (size_t k = s; k <= e; ++k) {
      if (lines[k].blank) {
        blank = k;
        break;
      }
    }
    auto add = [&](size_t b, size_t en) {
      if (b < en) edits.push_back({b, en, ""});
    };
    if (has_prev && has_next) {
      if (blank == n) {
        add(lines[s].start, lines[e + 1].start);
      } else {
        // Keep one blank line: the first one of the run.
        add(lines[s].start, lines[blank].start);
        add(lines[blank].next, lines[e + 1].start);
      }
    } else if (has_prev) {
      // The run reaches the end: the last kept line takes over the ending of
      // the run's last line (its newline, or none).
      add(lines[s - 1].end, lines[e].end);
    } else if (has_next) {
      add(lines[first_deleted].start, lines[e + 1].start);
    } else if (s > 0) {
      // A protected line (code, a reference definition) before a run that
      // reaches the end: it keeps its own line break, the blank lines go.
      add(lines[s].start, lines[e].next);
    } else {
      add(lines[first_deleted].start, lines[last_deleted].next);
    }
    i = e + 1;
  }
  return edits;
}

std::vector<Edit> ResolveEdits(const Document& doc, std::vector<Finding>* findings) {
  std::sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.begin, a.end, a.rule_id) < std::tie(b.begin, b.end, b.rule_id);
  });

  std::vector<bool> deleted(doc.lines().size(), false);
  bool any_deleted = false;
  for (Finding& f : *findings) {
    f.fixed = false;
    if (!f.delete_lines || doc.lines().empty()) continue;
    const size_t first = doc.LineIndexAt(f.begin);
    const size_t last = doc.LineIndexAt(f.end > f.begin ? f.end - 1 : f.end);
    if (doc.IsProtected(doc.lines()[first].start, doc.lines()[last].end)) continue;
    for (size_t l = first; l <= last; ++l) {
      if (!doc.lines()[l].blank) deleted[l] = true;
    }
    any_deleted = true;
    f.fixed = true;
  }
  std::vector<Edit> accepted;
  if (any_deleted) accepted = LineDeletionEdits(doc, deleted);
  // The accepted edits by position, for an overlap test in logarithmic
  // time (as Overlaps decides): spans that replace text do not overlap one
  // another, so only their neighbours can overlap a candidate; insertions
  // are kept apart, as points.
  std::map<size_t, size_t> spans;  // begin -> end, begin < end
  std::set<size_t> insertions;
  auto take = [&](const Edit& e) {
    if (e.begin == e.end) {
      insertions.insert(e.begin);
    } else {
      spans.emplace(e.begin, e.end);
    }
  };
  for (const Edit& a : accepted) take(a);
  auto overlaps_taken = [&](const Edit& e) {
    auto next = spans.lower_bound(e.begin);
    if (next != spans.begin() && std::prev(next)->second > e.begin) return true;
    if (e.begin == e.end) return insertions.contains(e.begin);
    if (next != spans.end() && next->first < e.end) return true;
    auto point = insertions.upper_bound(e.begin);
    return point != insertions.end() && *point < e.end;
  };

  for (Finding& f : *findings) {
    if (f.delete_lines || f.edits.empty()) continue;
    bool ok = true;
    for (size_t k = 0; k < f.edits.size() && ok; ++k) {
      const Edit& e = f.edits[k];
      ok = e.end >= e.begin && e.end <= doc.text().size() && !doc.IsProtected(e.begin, e.end) &&
           !overlaps_taken(e);
      // A finding's own edits must not overlap one another either.
      for (size_t j = 0; j < k && ok; ++j) ok = !Overlaps(e, f.edits[j]);
    }
    if (!ok) continue;
    for (const Edit& e : f.edits) take(e);
    accepted.insert(accepted.end(), f.edits.begin(), f.edits.end());
    f.fixed = true;
  }
  std::sort(accepted.begin(), accepted.end(), [](const Edit& a, const Edit& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  });
  return accepted;
}


EditMap::EditMap(const std::vector<Edit>& edits) : edits_(edits) {
  delta_before_.reserve(edits.size() + 1);
  b_stop_.reserve(edits.size());
  long long delta = 0;
  for (const Edit& e : edits) {
    delta_before_.push_back(delta);
    b_stop_.push_back(static_cast<size_t>(static_cast<long long>(e.begin) + delta) +
                      e.replacement.size());
    delta += static_cast<long long>(e.replacement.size()) -
             static_cast<long long>(e.end - e.begin);
  }
  delta_before_.push_back(delta);
}

size_t EditMap::Forward(size_t offset, bool as_end) const {
  // The edits before `offset`: those that start before it, and with
  // `as_end` those that start at it.
  auto it = as_end ? std::upper_bound(edits_.begin(), edits_.end(), offset,
                                      [](size_t o, const Edit& e) { return o < e.begin; })
                   : std::lower_bound(edits_.begin(), edits_.end(), offset,
                                      [](const Edit& e, size_t o) { return e.begin < o; });
  return static_cast<size_t>(static_cast<long long>(offset) +
                             delta_before_[static_cast<size_t>(it - edits_.begin())]);
}

void EditMap::SpanBack(size_t* begin, size_t* end) const {
  // The first edit whose replacement ends at or after the offset in B
  // decides: before that replacement the offset maps back by the shift so
  // far, inside it to the edit's own bounds in A.
  auto map_back = [&](size_t b, bool is_end) {
    const size_t k = static_cast<size_t>(
        std::lower_bound(b_stop_.begin(), b_stop_.end(), b) - b_stop_.begin());
    if (k == edits_.size()) {
      return static_cast<size_t>(static_cast<long long>(b) - delta_before_.back());
    }
    const Edit& e = edits_[k];
    const size_t b_start = static_cast<size_t>(static_cast<long long>(e.begin) + delta_before_[k]);
    const bool before = is_end ? (b < b_start || (b == b_start && e.begin != e.end))
                               : b < b_start;
    if (before) return static_cast<size_t>(static_cast<long long>(b) - delta_before_[k]);
    return is_end ? e.end : e.begin;
  };
  const size_t a_begin = map_back(*begin, false);
  const size_t a_end = map_back(*end, true);
  *begin = a_begin;
  *end = std::max(a_begin, a_end);
}

std::vector<Edit> ComposeEdits(const std::vector<Edit>& first, const std::vector<Edit>& second,
                               std::string_view c) {
  // The ranges of A that change: every first edit, and every second edit
  // mapped back; merged where they overlap or touch.
  const EditMap first_map(first);
  const EditMap second_map(second);
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const Edit& e : first) ranges.emplace_back(e.begin, e.end);
  for (const Edit& e : second) {
    size_t b = e.begin, en = e.end;
    first_map.SpanBack(&b, &en);
    ranges.emplace_back(b, en);
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  std::vector<Edit> out;
  for (const auto& [a_begin, a_end] : merged) {
    const size_t c_begin = second_map.Forward(first_map.Forward(a_begin, false), false);
    const size_t c_end = second_map.Forward(first_map.Forward(a_end, true), true);
    out.push_back({a_begin, a_end, std::string(c.substr(c_begin, c_end - c_begin))});
  }
  return out;
}

std::string ApplyEdits(std::string_view text, const std::vector<Edit>& edits) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (const Edit& e : edits) {
    out.append(text.substr(pos, e.begin - pos));
    out.append(e.replacement);
    pos = e.end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace mtclean::internal
