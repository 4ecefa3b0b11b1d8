#include "cleaner/eval/metrics.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>

#include "cleaner/eval/sequence_diff.h"
#include "cleaner/report/diff.h"

namespace mtclean::internal {
namespace {

// What a byte of the input is to the metrics.
enum ByteClass : unsigned char {
  kGood = 0,       // text to keep as it is
  kGoldEdit = 1,   // inside a gold delete/replace span
  kTolerance = 2,  // whitespace around a whole-line gold deletion
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view TrimEndSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// [begin, end) of the original replaced by `replacement`, without the bytes
// at either end that the replacement keeps.
struct Change {
  size_t begin = 0;
  size_t end = 0;
  size_t inserted = 0;  // bytes of the replacement left after trimming
};

Change Trim(std::string_view text, size_t begin, size_t end,
            std::string_view replacement) {
  size_t r_begin = 0, r_end = replacement.size();
  while (begin < end && r_begin < r_end && text[begin] == replacement[r_begin])
    ++begin, ++r_begin;
  while (begin < end && r_begin < r_end &&
         text[end - 1] == replacement[r_end - 1])
    --end, --r_end;
  return {begin, end, r_end - r_begin};
}

// Whether [a, b) and [c, d) overlap; an empty range overlaps a range it
// touches (an insertion at either end of a span, or inside it).
bool Overlaps(size_t a, size_t b, size_t c, size_t d) {
  if (a < b && c < d) return std::max(a, c) < std::min(b, d);
  return a <= d && c <= b;
}

bool FindingOverlaps(const Finding& f, size_t start, size_t end) {
  if (Overlaps(f.begin, f.end, start, end)) return true;
  for (const Edit& e : f.edits) {
    if (Overlaps(e.begin, e.end, start, end)) return true;
  }
  return false;
}

// A gold deletion of whole lines: it starts at a line start and ends at a line
// end, before or after its line break.
bool IsWholeLineDeletion(std::string_view text, const GoldArtifact& a) {
  if (a.action != GoldArtifact::Action::kDelete || a.start == a.end)
    return false;
  const bool starts_line = a.start == 0 || text[a.start - 1] == '\n';
  const bool ends_line = a.end == text.size() || text[a.end - 1] == '\n' ||
                         text[a.end] == '\n' || text.substr(a.end, 2) == "\r\n";
  return starts_line && ends_line;
}

// What of `a` is the artifact itself: a whole-line deletion without the line
// breaks and blank lines at either end (they may stay or go, see the
// tolerance below; empty when the span holds nothing else), any other span
// as it is.
std::pair<size_t, size_t> GoldCore(std::string_view text,
                                   const GoldArtifact& a) {
  if (!IsWholeLineDeletion(text, a)) return {a.start, a.end};
  size_t begin = a.start, end = a.end;
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (begin < end && IsSpace(text[end - 1])) --end;
  return {begin, end};
}

// Whether `f` finds `a`: it overlaps the artifact itself, not only the
// white space that separates it from the text around it.
bool Finds(std::string_view text, const Finding& f, const GoldArtifact& a) {
  auto [begin, end] = GoldCore(text, a);
  if (begin == end) begin = a.start, end = a.end;
  return FindingOverlaps(f, begin, end);
}

std::vector<unsigned char> ClassifyBytes(const LabelledDoc& doc) {
  std::vector<unsigned char> cls(doc.text.size(), kGood);
  for (const GoldArtifact& a : doc.artifacts) {
    if (!a.is_edit()) continue;
    for (size_t i = a.start; i < a.end; ++i) cls[i] = kGoldEdit;
  }
  for (const GoldArtifact& a : doc.artifacts) {
    if (!IsWholeLineDeletion(doc.text, a)) continue;
    for (size_t i = a.start;
         i > 0 && IsSpace(doc.text[i - 1]) && cls[i - 1] == kGood; --i) {
      cls[i - 1] = kTolerance;
    }
    for (size_t i = a.end;
         i < doc.text.size() && IsSpace(doc.text[i]) && cls[i] == kGood; ++i) {
      cls[i] = kTolerance;
    }
  }
  return cls;
}

// Whether an insertion at `point` is inside or at the edge of a gold edit or
// its tolerance, where inserting is not damage.
bool InsertionExpected(const LabelledDoc& doc,
                       const std::vector<unsigned char>& cls, size_t point) {
  if (point < cls.size() && cls[point] != kGood) return true;
  if (point > 0 && cls[point - 1] != kGood) return true;
  for (const GoldArtifact& a : doc.artifacts) {
    if (a.is_edit() && a.start <= point && point <= a.end) return true;
  }
  return false;
}

size_t CountGood(const std::vector<unsigned char>& cls, size_t begin,
                 size_t end) {
  size_t n = 0;
  for (size_t i = begin; i < end; ++i) n += cls[i] == kGood;
  return n;
}

// A deletion can often be made at several places with the same result
// ("the the " loses either word; a blank line either side of a block). Of
// those, the one that removes the fewest good bytes (then the nearest to
// where the edit was made).
Change Slide(std::string_view text, const std::vector<unsigned char>& cls,
             Change c) {
  if (c.inserted > 0 || c.begin == c.end) return c;
  Change best = c;
  size_t best_good = CountGood(cls, c.begin, c.end);
  for (size_t b = c.begin, e = c.end;
       b > 0 && text[b - 1] == text[e - 1] && best_good > 0;) {
    --b, --e;
    const size_t good = CountGood(cls, b, e);
    if (good < best_good) best = {b, e, 0}, best_good = good;
  }
  for (size_t b = c.begin, e = c.end;
       e < text.size() && text[b] == text[e] && best_good > 0;) {
    ++b, ++e;
    const size_t good = CountGood(cls, b, e);
    if (good < best_good) best = {b, e, 0}, best_good = good;
  }
  return best;
}

// An applied edit as the bytes it really changes (trimmed, then slid).
Change Normalize(const LabelledDoc& doc, const std::vector<unsigned char>& cls,
                 const Edit& e) {
  return Slide(doc.text, cls, Trim(doc.text, e.begin, e.end, e.replacement));
}

// The damage of one edit: good bytes it changes, or the bytes it inserts
// where nothing was to be inserted.
size_t EditDamage(const LabelledDoc& doc, const std::vector<unsigned char>& cls,
                  const Edit& e) {
  const Change c = Normalize(doc, cls, e);
  if (c.begin < c.end) return CountGood(cls, c.begin, c.end);
  if (c.inserted > 0 && !InsertionExpected(doc, cls, c.begin))
    return c.inserted;
  return 0;
}

// The edit distance bound for comparing sequences of `a` and `b`
// elements: max_edit_cost, lowered so that the work stays within
// max_edit_work.
size_t CostBound(size_t a, size_t b, const EvalOptions& options) {
  return std::min(options.max_edit_cost, options.max_edit_work / (a + b + 1));
}

// The byte offset where each of `lines` starts, and one past the end.
std::vector<size_t> LineOffsets(const std::vector<std::string_view>& lines) {
  std::vector<size_t> offset(lines.size() + 1, 0);
  for (size_t i = 0; i < lines.size(); ++i)
    offset[i + 1] = offset[i] + lines[i].size();
  return offset;
}

// The unified diff from `output` to `gold`, by lines.
std::string DiffAgainstGold(const DocEvaluation& doc, std::string_view output,
                            std::string_view gold, const EvalOptions& options) {
  const std::vector<std::string_view> a = SplitKeepingNewlines(output);
  const std::vector<std::string_view> b = SplitKeepingNewlines(gold);
  std::optional<std::vector<DiffChange>> changes =
      DiffLines(a, b, CostBound(a.size(), b.size(), options));
  if (!changes) return "";
  const std::vector<size_t> a_offset = LineOffsets(a);
  const std::vector<size_t> b_offset = LineOffsets(b);
  std::vector<Edit> edits;
  for (const DiffChange& c : *changes) {
    edits.push_back(
        {a_offset[c.a_begin], a_offset[c.a_end],
         std::string(gold.substr(b_offset[c.b_begin],
                                 b_offset[c.b_end] - b_offset[c.b_begin]))});
  }
  return UnifiedDiff("output/" + doc.id + ".txt",
                     "gold/" + doc.id + ".clean.txt", output, edits,
                     options.diff_context);
}

std::optional<double> Ratio(size_t num, size_t den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

// One change from the input to another tool's output, and the input span
// it is about: for a deletion, every place the same deletion could have
// been made (identical lines for a deleted run of lines, identical bytes
// inside a changed run), so that which copy of a repeat the diff happened
// to remove does not decide what was found; then without the white space
// at its ends, as the engine's line findings cover the lines' content.
struct OutputChange {
  DiffChange change;
  size_t about_begin = 0;
  size_t about_end = 0;
};

// [begin, end) without white space at either end, unless that is all it is.
std::pair<size_t, size_t> TrimSpace(std::string_view text, size_t begin,
                                    size_t end) {
  size_t b = begin, e = end;
  while (b < e && IsSpace(text[b])) ++b;
  while (b < e && IsSpace(text[e - 1])) --e;
  if (b == e) return {begin, end};
  return {b, e};
}

// How far the deletion of `seq`[begin, end) slides within [lo, hi) and
// deletes the same elements: the union of those places.
template <typename Seq>
std::pair<size_t, size_t> SlideRange(const Seq& seq, size_t begin, size_t end,
                                     size_t lo, size_t hi) {
  size_t b = begin, e = end;
  while (b > lo && seq[b - 1] == seq[e - 1]) --b, --e;
  const size_t first = b;
  b = begin, e = end;
  while (e < hi && seq[b] == seq[e]) ++b, ++e;
  return {first, e};
}

// The changes from `a` to `b`: the runs of lines that differ, each refined
// to the bytes that differ inside it (the run is one change when that is
// over the bound). The whole text less its common ends is one change when
// even the lines are over the bound. Lines first: a tool that keeps or
// drops whole lines gets the lines it dropped as its edits, where a byte
// diff of the whole text may cut a dropped line into pieces aligned with
// the bytes around it (and costs far more on a long text).
std::vector<OutputChange> OutputChanges(std::string_view a, std::string_view b,
                                        const EvalOptions& options) {
  const std::vector<std::string_view> a_lines = SplitKeepingNewlines(a);
  const std::vector<std::string_view> b_lines = SplitKeepingNewlines(b);
  const std::vector<size_t> a_offset = LineOffsets(a_lines);
  const std::vector<size_t> b_offset = LineOffsets(b_lines);
  std::vector<OutputChange> runs;
  if (std::optional<std::vector<DiffChange>> lines =
          DiffLines(a_lines, b_lines,
                    CostBound(a_lines.size(), b_lines.size(), options))) {
    for (const DiffChange& c : *lines) {
      OutputChange run{{a_offset[c.a_begin], a_offset[c.a_end],
                        b_offset[c.b_begin], b_offset[c.b_end]},
                       a_offset[c.a_begin],
                       a_offset[c.a_end]};
      if (c.b_begin == c.b_end) {
        const auto [first, last] =
            SlideRange(a_lines, c.a_begin, c.a_end, 0, a_lines.size());
        run.about_begin = a_offset[first];
        run.about_end = a_offset[last];
      }
      runs.push_back(run);
    }
  } else {
    size_t head = 0, tail = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
      ++tail;
    runs.push_back({{head, a.size() - tail, head, b.size() - tail},
                    head,
                    a.size() - tail});
  }
  std::vector<OutputChange> changes;
  for (const OutputChange& run : runs) {
    const DiffChange& r = run.change;
    const std::string_view a_run = a.substr(r.a_begin, r.a_end - r.a_begin);
    const std::string_view b_run = b.substr(r.b_begin, r.b_end - r.b_begin);
    std::optional<std::vector<DiffChange>> bytes;
    if (!a_run.empty() && !b_run.empty()) {
      bytes = DiffBytes(a_run, b_run,
                        CostBound(a_run.size(), b_run.size(), options));
    }
    if (!bytes) {
      changes.push_back(run);
      continue;
    }
    for (const DiffChange& c : *bytes) {
      OutputChange change{{r.a_begin + c.a_begin, r.a_begin + c.a_end,
                           r.b_begin + c.b_begin, r.b_begin + c.b_end},
                          r.a_begin + c.a_begin,
                          r.a_begin + c.a_end};
      if (c.b_begin == c.b_end) {
        std::tie(change.about_begin, change.about_end) = SlideRange(
            a, change.change.a_begin, change.change.a_end, r.a_begin, r.a_end);
      }
      changes.push_back(change);
    }
  }
  for (OutputChange& c : changes) {
    std::tie(c.about_begin, c.about_end) =
        TrimSpace(a, c.about_begin, c.about_end);
  }
  return changes;
}

}  // namespace

Result OutputAsResult(const LabelledDoc& doc, std::string output,
                      std::string_view rule_id, const EvalOptions& options) {
  Result result;
  result.language = doc.lang;
  for (const OutputChange& c : OutputChanges(doc.text, output, options)) {
    Edit edit{
        c.change.a_begin, c.change.a_end,
        output.substr(c.change.b_begin, c.change.b_end - c.change.b_begin)};
    Finding finding;
    finding.rule_id = std::string(rule_id);
    finding.begin = c.about_begin;
    finding.end = c.about_end;
    finding.message = "changed by the other tool";
    finding.edits.push_back(edit);
    finding.fixed = true;
    result.findings.push_back(std::move(finding));
    result.edits.push_back(std::move(edit));
  }
  result.cleaned = std::move(output);
  return result;
}

DocEvaluation EvaluateDocument(const LabelledDoc& doc, const Result& result,
                               const EvalOptions& options) {
  DocEvaluation ev;
  ev.id = doc.id;
  ev.doc_path = doc.doc_path;
  ev.lang = doc.lang;
  ev.detected_lang = result.language;
  ev.bytes = doc.text.size();
  ev.text = doc.text;
  ev.unchanged = result.cleaned == doc.text;

  const std::vector<unsigned char> cls = ClassifyBytes(doc);
  for (unsigned char c : cls) ev.good_bytes += c == kGood;

  // Damage, and which input bytes the applied edits changed.
  std::vector<bool> covered(doc.text.size(), false);
  std::vector<Change> applied;
  for (const Edit& e : result.edits) {
    ev.damage_bytes += EditDamage(doc, cls, e);
    const Change c = Normalize(doc, cls, e);
    if (c.begin == c.end && c.inserted == 0) continue;  // changes nothing
    for (size_t i = c.begin; i < c.end; ++i) covered[i] = true;
    applied.push_back(c);
  }

  // Gold artifacts: found by a finding? edit bytes left in?
  std::vector<bool> counted(doc.text.size(), false);
  for (const GoldArtifact& a : doc.artifacts) {
    TypeCounts& t = ev.types[a.type];
    ++t.artifacts;
    ++ev.artifacts;
    bool found = false;
    for (const Finding& f : result.findings)
      found = found || Finds(doc.text, f, a);
    if (found) {
      ++t.found;
      ++ev.found;
    } else {
      ev.missed.push_back(a);
    }
    if (!a.is_edit()) continue;
    Change c = Trim(doc.text, a.start, a.end, a.replacement.value_or(""));
    if (IsWholeLineDeletion(doc.text, a)) {
      // Line breaks and blank lines at either end of the span may stay.
      std::tie(c.begin, c.end) = GoldCore(doc.text, a);
      if (c.begin == c.end) continue;
    }
    size_t edit = 0, missed = 0;
    if (c.begin < c.end) {
      for (size_t i = c.begin; i < c.end; ++i) {
        if (counted[i]) continue;  // overlapping gold spans count once
        counted[i] = true;
        ++edit;
        missed += !covered[i];
      }
    } else if (c.inserted > 0) {
      edit = c.inserted;
      bool touched = false;
      for (const Change& e : applied)
        touched = touched || Overlaps(e.begin, e.end, c.begin, c.begin);
      if (!touched) missed = edit;
    }
    t.edit_bytes += edit;
    t.missed_bytes += missed;
    ev.edit_bytes += edit;
    ev.missed_bytes += missed;
  }

  // Findings: on a gold artifact? damage of their own fixes.
  for (const Finding& f : result.findings) {
    RuleCounts& r = ev.rules[f.rule_id];
    ++r.findings;
    ++ev.findings;
    bool on_gold = false;
    for (const GoldArtifact& a : doc.artifacts)
      on_gold = on_gold || Finds(doc.text, f, a);
    if (on_gold) {
      ++r.on_gold;
      ++ev.findings_on_gold;
    } else {
      ev.stray.push_back({f.rule_id, f.begin, f.end, f.fixed});
    }
    if (f.fixed) {
      for (const Edit& e : f.edits) r.damage_bytes += EditDamage(doc, cls, e);
    }
  }

  const std::string_view output = TrimEndSpace(result.cleaned);
  const std::string_view gold = TrimEndSpace(doc.gold_clean);
  ev.exact_match = output == gold;
  const std::string_view input = TrimEndSpace(doc.text);
  ev.distance_before = ByteEditDistance(
      input, gold, CostBound(input.size(), gold.size(), options));
  ev.distance_after = ByteEditDistance(
      output, gold, CostBound(output.size(), gold.size(), options));
  if (!ev.exact_match)
    ev.diff = DiffAgainstGold(ev, result.cleaned, doc.gold_clean, options);
  return ev;
}

CorpusEvaluation SummarizeEvaluation(std::string dir,
                                     std::vector<DocEvaluation> docs) {
  CorpusEvaluation c;
  c.dir = std::move(dir);
  for (const DocEvaluation& d : docs) {
    for (const auto& [type, t] : d.types) {
      TypeCounts& sum = c.types[type];
      sum.artifacts += t.artifacts;
      sum.found += t.found;
      sum.edit_bytes += t.edit_bytes;
      sum.missed_bytes += t.missed_bytes;
    }
    for (const auto& [rule, r] : d.rules) {
      RuleCounts& sum = c.rules[rule];
      sum.findings += r.findings;
      sum.on_gold += r.on_gold;
      sum.damage_bytes += r.damage_bytes;
    }
    c.bytes += d.bytes;
    c.good_bytes += d.good_bytes;
    c.damage_bytes += d.damage_bytes;
    c.edit_bytes += d.edit_bytes;
    c.missed_bytes += d.missed_bytes;
    c.artifacts += d.artifacts;
    c.found += d.found;
    c.findings += d.findings;
    c.findings_on_gold += d.findings_on_gold;
    c.exact_matches += d.exact_match;
    if (d.artifacts == 0) {
      ++c.clean_docs;
      c.clean_docs_unchanged += d.unchanged;
    }
    if (d.distance_before && d.distance_after) {
      c.distance_before += *d.distance_before;
      c.distance_after += *d.distance_after;
    } else {
      ++c.distance_skipped;
    }
    c.language_agrees += d.lang == d.detected_lang;
  }
  c.docs = std::move(docs);
  return c;
}

std::optional<double> CorpusEvaluation::recall() const {
  return Ratio(found, artifacts);
}
TypeCounts CorpusEvaluation::catalogue() const {
  TypeCounts sum;
  for (const auto& [type, t] : types) {
    if (type == "other") continue;
    sum.artifacts += t.artifacts;
    sum.found += t.found;
    sum.edit_bytes += t.edit_bytes;
    sum.missed_bytes += t.missed_bytes;
  }
  return sum;
}
std::optional<double> CorpusEvaluation::catalogue_recall() const {
  const TypeCounts c = catalogue();
  return Ratio(c.found, c.artifacts);
}
std::optional<double> CorpusEvaluation::precision() const {
  return Ratio(findings_on_gold, findings);
}
std::optional<double> CorpusEvaluation::damage_rate() const {
  return Ratio(damage_bytes, good_bytes);
}
std::optional<double> CorpusEvaluation::miss_rate() const {
  return Ratio(missed_bytes, edit_bytes);
}
std::optional<double> CorpusEvaluation::exact_match_rate() const {
  return Ratio(exact_matches, docs.size());
}
std::optional<double> CorpusEvaluation::distance_closed() const {
  if (distance_before == 0) return std::nullopt;
  return 1.0 - static_cast<double>(distance_after) /
                   static_cast<double>(distance_before);
}

std::optional<double> CorpusEvaluation::clean_unchanged_rate() const {
  return Ratio(clean_docs_unchanged, clean_docs);
}

std::vector<const DocEvaluation*> WorstDocuments(
    const CorpusEvaluation& evaluation, size_t count) {
  std::vector<const DocEvaluation*> worst;
  for (const DocEvaluation& d : evaluation.docs) {
    if (!d.exact_match) worst.push_back(&d);
  }
  auto left = [](const DocEvaluation* d) {
    return d->distance_after ? *d->distance_after : SIZE_MAX;
  };
  std::sort(worst.begin(), worst.end(),
            [&](const DocEvaluation* x, const DocEvaluation* y) {
              if (left(x) != left(y)) return left(x) > left(y);
              if (x->damage_bytes != y->damage_bytes)
                return x->damage_bytes > y->damage_bytes;
              if (x->missed.size() != y->missed.size())
                return x->missed.size() > y->missed.size();
              return x->id < y->id;
            });
  if (worst.size() > count) worst.resize(count);
  return worst;
}

}  // namespace mtclean::internal
