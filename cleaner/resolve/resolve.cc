#include "cleaner/resolve/resolve.h"

#include <algorithm>
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

std::vector<Edit> LineDeletionEdits(const Document& doc, const std::vector<bool>& deleted) {
  const auto& lines = doc.lines();
  const size_t n = lines.size();
  auto removable = [&](size_t i) {
    return (deleted[i] || lines[i].blank) &&
           !doc.IsProtected(lines[i].start, std::max(lines[i].next, lines[i].start + 1));
  };
  std::vector<Edit> edits;
  size_t i = 0;
  while (i < n) {
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

  for (Finding& f : *findings) {
    if (f.delete_lines || f.edits.empty()) continue;
    bool ok = true;
    for (const Edit& e : f.edits) {
      if (e.end < e.begin || e.end > doc.text().size() || doc.IsProtected(e.begin, e.end)) {
        ok = false;
        break;
      }
      for (const Edit& a : accepted) {
        if (Overlaps(e, a)) {
          ok = false;
          break;
        }
      }
      if (!ok) break;
    }
    if (!ok) continue;
    accepted.insert(accepted.end(), f.edits.begin(), f.edits.end());
    f.fixed = true;
  }
  std::sort(accepted.begin(), accepted.end(), [](const Edit& a, const Edit& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  });
  return accepted;
}


size_t MapForward(const std::vector<Edit>& edits, size_t offset, bool as_end) {
  long long delta = 0;
  for (const Edit& e : edits) {
    if (e.begin > offset || (e.begin == offset && !as_end)) break;
    delta += static_cast<long long>(e.replacement.size()) -
             static_cast<long long>(e.end - e.begin);
  }
  return static_cast<size_t>(static_cast<long long>(offset) + delta);
}


void MapSpanBack(const std::vector<Edit>& first, size_t* begin, size_t* end) {
  long long delta = 0;  // offset in B minus offset in A, before the edit
  size_t a_begin = *begin, a_end = *end;
  bool begin_done = false, end_done = false;
  for (const Edit& e : first) {
    const size_t b_start = static_cast<size_t>(static_cast<long long>(e.begin) + delta);
    const size_t b_stop = b_start + e.replacement.size();
    if (!begin_done) {
      if (*begin < b_start) {
        a_begin = static_cast<size_t>(static_cast<long long>(*begin) - delta);
        begin_done = true;
      } else if (*begin <= b_stop) {
        a_begin = e.begin;
        begin_done = true;
      }
    }
    if (!end_done) {
      if (*end < b_start || (*end == b_start && e.begin != e.end)) {
        a_end = static_cast<size_t>(static_cast<long long>(*end) - delta);
        end_done = true;
      } else if (*end <= b_stop) {
        a_end = e.end;
        end_done = true;
      }
    }
    delta += static_cast<long long>(e.replacement.size()) -
             static_cast<long long>(e.end - e.begin);
  }
  if (!begin_done) a_begin = static_cast<size_t>(static_cast<long long>(*begin) - delta);
  if (!end_done) a_end = static_cast<size_t>(static_cast<long long>(*end) - delta);
  *begin = a_begin;
  *end = std::max(a_begin, a_end);
}

std::vector<Edit> ComposeEdits(const std::vector<Edit>& first, const std::vector<Edit>& second,
                               std::string_view c) {
  // The ranges of A that change: every first edit, and every second edit
  // mapped back; merged where they overlap or touch.
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const Edit& e : first) ranges.emplace_back(e.begin, e.end);
  for (const Edit& e : second) {
    size_t b = e.begin, en = e.end;
    MapSpanBack(first, &b, &en);
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
    const size_t c_begin = MapForward(second, MapForward(first, a_begin, false), false);
    const size_t c_end = MapForward(second, MapForward(first, a_end, true), true);
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
