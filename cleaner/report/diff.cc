#include "cleaner/report/diff.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace mtclean::internal {
namespace {

void AppendLine(std::string* out, char mark, std::string_view line) {
  out->push_back(mark);
  if (!line.empty() && line.back() == '\n') {
    out->append(line);
  } else {
    out->append(line);
    out->append("\n\\ No newline at end of file\n");
  }
}

// One changed region: old lines [first, last) become `new_lines`.
struct Change {
  size_t first = 0;
  size_t last = 0;
  std::string new_text;  // owns the bytes new_lines point into
  std::vector<std::string_view> new_lines;
};

}  // namespace

std::string UnifiedDiff(std::string_view old_path, std::string_view new_path,
                        std::string_view original, const std::vector<Edit>& edits,
                        int context) {
  const std::vector<std::string_view> old_lines = SplitKeepingNewlines(original);
  std::vector<size_t> starts;
  starts.reserve(old_lines.size() + 1);
  size_t pos = 0;
  for (std::string_view l : old_lines) {
    starts.push_back(pos);
    pos += l.size();
  }
  starts.push_back(original.size());
  auto line_of = [&](size_t offset) -> size_t {
    auto it = std::upper_bound(starts.begin(), starts.end() - 1, offset);
    size_t i = static_cast<size_t>(it - starts.begin());
    return i == 0 ? 0 : i - 1;
  };

  // Group edits by the old lines they touch.
  std::vector<Change> changes;
  std::vector<std::vector<const Edit*>> change_edits;
  for (const Edit& e : edits) {
    if (e.begin == e.end && e.replacement.empty()) continue;
    size_t first = old_lines.empty() ? 0 : line_of(e.begin);
    size_t last = old_lines.empty() ? 0
                  : e.end > e.begin ? line_of(e.end - 1) + 1
                                    : first + 1;
    if (old_lines.empty()) last = 0;
    if (!changes.empty() && first < changes.back().last) {
      changes.back().last = std::max(changes.back().last, last);
      change_edits.back().push_back(&e);
    } else {
      changes.push_back({first, last, "", {}});
      change_edits.push_back({&e});
    }
  }
  for (size_t c = 0; c < changes.size(); ++c) {
    Change& ch = changes[c];
    const size_t begin = starts[ch.first];
    const size_t end = starts[ch.last];
    size_t p = begin;
    for (const Edit* e : change_edits[c]) {
      ch.new_text.append(original.substr(p, e->begin - p));
      ch.new_text.append(e->replacement);
      p = e->end;
    }
    ch.new_text.append(original.substr(p, end - p));
  }
  for (Change& ch : changes) ch.new_lines = SplitKeepingNewlines(ch.new_text);
  // Drop changes that turned out to change nothing.
  changes.erase(std::remove_if(changes.begin(), changes.end(),
                               [&](const Change& ch) {
                                 return ch.new_text ==
                                        original.substr(starts[ch.first],
                                                        starts[ch.last] - starts[ch.first]);
                               }),
                changes.end());
  if (changes.empty()) return "";

  std::string out = "--- " + std::string(old_path) + "\n+++ " + std::string(new_path) + "\n";
  const size_t ctx = static_cast<size_t>(std::max(context, 0));
  long long delta = 0;  // new line number minus old, before the current hunk
  size_t c = 0;
  while (c < changes.size()) {
    // A hunk takes every change whose context touches the previous one's.
    size_t h_end = c + 1;
    while (h_end < changes.size() &&
           changes[h_end].first <= changes[h_end - 1].last + 2 * ctx) {
      ++h_end;
    }
    const size_t old_first = changes[c].first >= ctx ? changes[c].first - ctx : 0;
    const size_t old_last = std::min(old_lines.size(), changes[h_end - 1].last + ctx);
    std::string body;
    size_t old_count = 0, new_count = 0;
    size_t line = old_first;
    long long hunk_delta = 0;
    for (size_t k = c; k < h_end; ++k) {
      for (; line < changes[k].first; ++line, ++old_count, ++new_count) {
        AppendLine(&body, ' ', old_lines[line]);
      }
      for (; line < changes[k].last; ++line, ++old_count) {
        AppendLine(&body, '-', old_lines[line]);
      }
      for (std::string_view nl : changes[k].new_lines) {
        AppendLine(&body, '+', nl);
        ++new_count;
      }
      hunk_delta += static_cast<long long>(changes[k].new_lines.size()) -
                    static_cast<long long>(changes[k].last - changes[k].first);
    }
    for (; line < old_last; ++line, ++old_count, ++new_count) {
      AppendLine(&body, ' ', old_lines[line]);
    }
    const size_t old_start = old_count == 0 ? old_first : old_first + 1;
    const long long new_first = static_cast<long long>(old_first) + delta;
    const long long new_start = new_count == 0 ? new_first : new_first + 1;
    absl::StrAppend(&out, "@@ -", old_start, ",", old_count, " +", new_start, ",",
                    new_count, " @@\n", body);
    delta += hunk_delta;
    c = h_end;
  }
  return out;
}

std::vector<std::string_view> SplitKeepingNewlines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

}  // namespace mtclean::internal
