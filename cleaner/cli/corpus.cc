#include "cleaner/cli/corpus.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cleaner/corpus/byte_source.h"
#include "cleaner/cli/commands.h"
#include "cleaner/corpus/json_record.h"
#include "cleaner/corpus/ordered_pool.h"
#include "nlohmann/json.hpp"

namespace mtclean::cli {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::ordered_json;
using internal::LineChunk;
using internal::LineReader;
using internal::OpenByteSource;
using internal::ByteSource;
using internal::RecordLayout;
using internal::ScanRecord;
using internal::DecodeString;
using internal::EncodeString;
using internal::UsesAsciiEscapes;
using internal::ParseFieldPath;
using internal::RunOrdered;

// Bytes of input lines per unit of work, and units in flight per worker:
// together they bound the memory of a run (about 2 MB a worker, plus the
// longest line).
constexpr size_t kBatchBytes = 512 * 1024;
constexpr size_t kBatchesPerWorker = 4;
// Bad records passed through with --skip-bad-records that are named on
// standard error (the rest are only counted).
constexpr uint64_t kNamedBadRecords = 10;
// The key of the annotation object --annotate adds to each record.
constexpr std::string_view kAnnotationKey = "mtclean";

struct RuleCounts {
  uint64_t findings = 0;
  uint64_t fixed = 0;
  uint64_t bytes_removed = 0;  // bytes of the original text the rule's fixes replaced
};

struct Totals {
  uint64_t documents = 0;
  uint64_t changed = 0;
  uint64_t with_findings = 0;
  uint64_t bad_records = 0;
  uint64_t bytes = 0;        // of the input lines, decompressed
  uint64_t text_bytes = 0;   // of the field, before cleaning
  uint64_t text_bytes_out = 0;
  uint64_t failing = 0;      // findings at or above --fail-on
  std::map<std::string, RuleCounts> rules;

  void Add(const Totals& o) {
    documents += o.documents;
    changed += o.changed;
    with_findings += o.with_findings;
    bad_records += o.bad_records;
    bytes += o.bytes;
    text_bytes += o.text_bytes;
    text_bytes_out += o.text_bytes_out;
    failing += o.failing;
    for (const auto& [id, c] : o.rules) {
      RuleCounts& r = rules[id];
      r.findings += c.findings;
      r.fixed += c.fixed;
      r.bytes_removed += c.bytes_removed;
    }
  }
};

struct CorpusInput {
  std::string path;   // "-" for standard input
  std::string shown;  // as messages name it
  const Engine* engine = nullptr;
  uint64_t size = 0;  // of the file, 0 when unknown
};

// A unit of work: whole lines of one input, or a piece of a line the reader
// refused (too large, or not a JSON object), and what became of them.
struct Batch {
  size_t input = 0;
  uint64_t first_line = 1;  // 1-based
  std::string bytes;
  std::vector<size_t> line_ends;
  bool refused = false;         // `bytes` is a piece of the refused line `first_line`
  std::string refused_message;  // on its last piece: why it was refused
  uint64_t consumed = 0;  // bytes of all inputs read when this batch was made
  std::string read_error;  // the input could not be read past this batch

  std::string out;      // records (fix) or finding lines (check)
  std::string rejects;  // JSON Lines for --rejects
  std::vector<std::string> bad;  // messages of records passed through
  std::string fatal;    // a bad record that ends the run
  Totals totals;
};

struct Run {
  const CliOptions& options;
  const CorpusOptions& corpus;
  bool fix = false;
  std::vector<std::string> path;
  std::vector<CorpusInput> inputs;
  std::optional<Severity> threshold;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsCorpusFile(const std::filesystem::path& p) {
  std::string name = p.filename().string();
  for (std::string_view z : {".gz", ".zst"}) {
    if (EndsWith(name, z)) name.resize(name.size() - z.size());
  }
  return EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson");
}

// Files as given; folders walked (sorted) for *.jsonl and *.ndjson, each
// possibly with .gz or .zst.
std::vector<std::string> ExpandCorpusPaths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                               ec),
           end;
           !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && IsCorpusFile(it->path())) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(path);
    }
  }
  return out;
}

std::string AnnotationJson(const Result& result) {
  ordered_json findings = ordered_json::array();
  for (const Finding& f : result.findings) {
    findings.push_back({{"rule", f.rule_id},
                        {"severity", std::string(SeverityName(f.severity))},
                        {"begin", f.begin},
                        {"end", f.end},
                        {"fixed", f.fixed}});
  }
  ordered_json edits = ordered_json::array();
  for (const Edit& e : result.edits) {
    edits.push_back({{"begin", e.begin}, {"end", e.end}, {"replacement", e.replacement}});
  }
  ordered_json annotation = {{"findings", std::move(findings)}, {"edits", std::move(edits)}};
  return annotation.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// Cleans one record. Appends to the batch's outputs; returns false when the
// record is bad and the run must stop (batch.fatal says why).
bool ProcessRecord(const Run& run, const CorpusInput& input, uint64_t line_number,
                   std::string_view line, Batch* batch) {
  Totals& totals = batch->totals;
  totals.bytes += line.size();
  std::string_view record = line;
  std::string_view terminator;
  if (!record.empty() && record.back() == '\n') {
    record.remove_suffix(1);
    terminator = "\n";
    if (!record.empty() && record.back() == '\r') {
      record.remove_suffix(1);
      terminator = "\r\n";
    }
  }
  auto bad = [&](const std::string& why) {
    const std::string message =
        absl::StrCat(input.shown, ":", line_number, ": bad record: ", why);
    if (!run.corpus.skip_bad_records) {
      batch->fatal = message;
      return false;
    }
    ++totals.bad_records;
    batch->bad.push_back(message);
    if (run.fix) {
      batch->out.append(record);
      batch->out.append(terminator.empty() ? std::string_view("\n") : terminator);
    }
    return true;
  };
  // A record that arrived whole in one read may still be over the limit
  // (the reader refuses the ones it has to wait for).
  if (record.size() > run.options.read.max_bytes) {
    return bad(absl::StrCat(record.size(), " bytes is more than --max-bytes ",
                            run.options.read.max_bytes));
  }
  absl::StatusOr<RecordLayout> layout =
      ScanRecord(record, run.path, run.corpus.annotate ? kAnnotationKey : "");
  if (!layout.ok()) return bad(std::string(layout.status().message()));
  const std::string_view token =
      record.substr(layout->field.begin, layout->field.end - layout->field.begin);
  absl::StatusOr<std::string> text = DecodeString(token, layout->field_escaped);
  if (!text.ok()) {
    return bad(absl::StrCat("column ", layout->field.begin + 1, ": ", std::string(text.status().message())));
  }
  absl::StatusOr<Result> result =
      input.engine->Clean(absl::StrCat(input.shown, ":", line_number), *text,
                          run.options.markdown ? TextFormat::kMarkdown : TextFormat::kPlain);
  if (!result.ok()) return bad(std::string(result.status().message()));

  ++totals.documents;
  totals.text_bytes += text->size();
  totals.text_bytes_out += result->cleaned.size();
  if (!result->edits.empty()) ++totals.changed;
  if (!result->findings.empty()) ++totals.with_findings;
  for (const Finding& f : result->findings) {
    RuleCounts& counts = totals.rules[f.rule_id];
    ++counts.findings;
    if (run.threshold && f.severity >= *run.threshold) ++totals.failing;
    if (!f.fixed) continue;
    ++counts.fixed;
    for (const Edit& e : f.edits) counts.bytes_removed += e.end - e.begin;
  }

  if (!run.fix) {
    for (const Finding& f : result->findings) {
      absl::StrAppend(&batch->out, input.shown, ":", line_number, ": ",
                      std::string(SeverityName(f.severity)), ": ", f.message, " [", f.rule_id,
                      "] (", run.corpus.field, " bytes ", f.begin, "-", f.end, ")\n");
    }
    return true;
  }

  // The record, with the cleaned string and the annotation spliced in.
  struct Splice {
    size_t begin, end;
    std::string text;
  };
  std::vector<Splice> splices;
  if (!result->edits.empty()) {
    splices.push_back({layout->field.begin, layout->field.end,
                       EncodeString(result->cleaned, UsesAsciiEscapes(token))});
  }
  if (run.corpus.annotate) {
    std::string annotation = AnnotationJson(*result);
    if (layout->annotation) {
      // An earlier run's annotation is replaced (unless the field lies in it).
      if (!splices.empty() && splices[0].begin >= layout->annotation->begin &&
          splices[0].end <= layout->annotation->end) {
        splices.clear();
      }
      splices.push_back({layout->annotation->begin, layout->annotation->end, std::move(annotation)});
    } else {
      splices.push_back({layout->object_close, layout->object_close,
                         absl::StrCat(layout->object_empty ? "" : ",", "\"", std::string(kAnnotationKey),
                                      "\":", annotation)});
    }
  }
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.begin < b.begin; });
  size_t at = 0;
  for (const Splice& s : splices) {
    batch->out.append(record.substr(at, s.begin - at));
    batch->out.append(s.text);
    at = s.end;
  }
  batch->out.append(record.substr(at));
  batch->out.append(terminator.empty() ? std::string_view("\n") : terminator);

  if (!run.corpus.rejects_path.empty()) {
    for (const Finding& f : result->findings) {
      if (!f.fixed) continue;
      for (const Edit& e : f.edits) {
        if (e.begin == e.end) continue;
        ordered_json reject = {{"input", input.shown},
                               {"line", line_number},
                               {"rule", f.rule_id},
                               {"begin", e.begin},
                               {"end", e.end},
                               {"removed", text->substr(e.begin, e.end - e.begin)},
                               {"replacement", e.replacement}};
        batch->rejects.append(reject.dump(-1, ' ', false, ordered_json::error_handler_t::replace));
        batch->rejects.push_back('\n');
      }
    }
  }
  return true;
}

void ProcessBatch(const Run& run, Batch* batch) {
  const CorpusInput& input = run.inputs[batch->input];
  if (batch->refused) {
    // Passed through as it came (check: dropped), and counted once.
    batch->totals.bytes += batch->bytes.size();
    if (run.fix) batch->out = std::move(batch->bytes);
    if (!batch->refused_message.empty()) {
      // A last line without a newline gets one, as every record does.
      if (run.fix && (batch->out.empty() || batch->out.back() != '\n')) batch->out.push_back('\n');
      ++batch->totals.bad_records;
      batch->bad.push_back(absl::StrCat(input.shown, ":", batch->first_line,
                                        ": bad record: ", batch->refused_message));
    }
    std::string().swap(batch->bytes);
    return;
  }
  size_t start = 0;
  for (size_t i = 0; i < batch->line_ends.size(); ++i) {
    const size_t end = batch->line_ends[i];
    if (!ProcessRecord(run, input, batch->first_line + i,
                       std::string_view(batch->bytes).substr(start, end - start), batch)) {
      break;
    }
    start = end;
  }
  // The lines are not needed any more: free them before the batch waits
  // for its turn to be written.
  std::string().swap(batch->bytes);
  std::vector<size_t>().swap(batch->line_ends);
}

std::string StatsJson(const Totals& totals, double seconds, size_t inputs, int jobs) {
  ordered_json rules = ordered_json::object();
  for (const auto& [id, c] : totals.rules) {
    rules[id] = {{"findings", c.findings}, {"fixed", c.fixed}, {"bytes_removed", c.bytes_removed}};
  }
  const double mb = static_cast<double>(totals.bytes) / 1e6;
  ordered_json stats = {
      {"schema", "mtclean-corpus-stats"},
      {"version", 1},
      {"inputs", inputs},
      {"jobs", jobs},
      {"documents", totals.documents},
      {"documents_with_findings", totals.with_findings},
      {"documents_changed", totals.changed},
      {"bad_records", totals.bad_records},
      {"bytes", totals.bytes},
      {"text_bytes", totals.text_bytes},
      {"text_bytes_out", totals.text_bytes_out},
      {"seconds", seconds},
      {"mb_per_s", seconds > 0 ? mb / seconds : 0.0},
      {"rules", std::move(rules)},
  };
  return stats.dump(2) + "\n";
}

bool WriteAll(std::FILE* file, std::string_view bytes) {
  return bytes.empty() || std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
}

class Progress {
 public:
  Progress(bool on, uint64_t total) : on_(on), total_(total), start_(Clock::now()) {}

  void Update(uint64_t documents, uint64_t bytes, uint64_t consumed, bool last) {
    if (!on_) return;
    const Clock::time_point now = Clock::now();
    if (!last && now - shown_ < std::chrono::milliseconds(250)) return;
    shown_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    std::string line = absl::StrFormat("mtclean: %d documents, %.1f MB, %.1f MB/s", documents, mb,
                                       seconds > 0 ? mb / seconds : 0.0);
    if (total_ > 0 && consumed > 0) {
      const double share = std::min(1.0, static_cast<double>(consumed) / static_cast<double>(total_));
      const double eta = share > 0 ? seconds / share - seconds : 0;
      absl::StrAppendFormat(&line, ", %.0f%%, ETA %d:%02d", share * 100,
                            static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
    }
    std::cerr << "\r" << line << "\x1b[K" << (last ? "\n" : "") << std::flush;
  }

 private:
  bool on_;
  uint64_t total_;
  Clock::time_point start_;
  Clock::time_point shown_{};
};

}  // namespace

void AddCorpusOptions(CLI::App* command, bool fix, CorpusOptions* options) {
  command->add_flag("--jsonl", options->jsonl,
                    "Read JSON Lines (files, folders of *.jsonl[.gz|.zst], or -) and clean "
                    "one string field of each record");
  command->add_option("--field", options->field,
                      "With --jsonl: the field to clean, a dotted path for nested objects")
      ->capture_default_str();
  command->add_option("--stats", options->stats_path,
                      "With --jsonl: write totals and per-rule counts as JSON to this file");
  command->add_flag("--skip-bad-records", options->skip_bad_records,
                    "With --jsonl: pass malformed records through unchanged and count them "
                    "(default: stop at the first)");
  command->add_option("--progress", options->progress,
                      "With --jsonl: a progress line on standard error: auto (when it is a "
                      "terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  if (fix) {
    command->add_flag("--annotate", options->annotate,
                      "With --jsonl: add an `mtclean` object (findings, edits) to each record");
    command->add_option("--rejects", options->rejects_path,
                        "With --jsonl: write the removed text with its rule as JSON Lines to "
                        "this file");
  }
}

int DefaultJobs() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

int RunCorpus(EngineSet& engines, const CliOptions& options, bool fix) {
  const CorpusOptions& corpus = options.corpus;
  if (!fix && options.format != "text") {
    std::cerr << "mtclean: error: --jsonl reports findings in the text format only\n";
    return kExitUsage;
  }
  if (fix && options.write) {
    std::cerr << "mtclean: error: --jsonl writes to standard output, not --write\n";
    return kExitUsage;
  }
  absl::StatusOr<std::vector<std::string>> path = ParseFieldPath(corpus.field);
  if (!path.ok()) {
    std::cerr << "mtclean: error: --field: " << path.status().message() << "\n";
    return kExitUsage;
  }
  Run run{options, corpus, fix, std::move(*path), {}, std::nullopt};
  if (options.fail_on != "never") run.threshold = ParseSeverity(options.fail_on);
  int stdin_count = 0;
  for (const std::string& p : ExpandCorpusPaths(options.paths)) {
    // Standard input is configured as its name (--stdin-filename) would be.
    absl::StatusOr<EngineSet::Selection> selection =
        engines.For(p == "-" && !options.stdin_filename.empty() ? options.stdin_filename : p);
    if (!selection.ok()) {
      std::cerr << "mtclean: error: " << selection.status().message() << "\n";
      return kExitUsage;
    }
    if (p != "-" && selection->config != nullptr && selection->config->Skips(p)) continue;
    CorpusInput input;
    input.path = p;
    input.shown = DisplayPath(p, options.stdin_filename);
    input.engine = selection->engine;
    struct stat st {};
    if (p != "-" && ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      input.size = static_cast<uint64_t>(st.st_size);
    }
    stdin_count += p == "-";
    run.inputs.push_back(std::move(input));
  }
  if (stdin_count > 1) {
    std::cerr << "mtclean: error: `-` (standard input) given more than once\n";
    return kExitUsage;
  }

  std::FILE* rejects = nullptr;
  if (!corpus.rejects_path.empty()) {
    rejects = std::fopen(corpus.rejects_path.c_str(), "wb");
    if (rejects == nullptr) {
      std::cerr << "mtclean: error: " << corpus.rejects_path << ": cannot write: "
                << std::strerror(errno) << "\n";
      return kExitInputError;
    }
  }
  static char out_buffer[1 << 20];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof(out_buffer));

  const int jobs = options.jobs > 0 ? options.jobs : DefaultJobs();
  uint64_t total_size = 0;
  bool size_known = true;
  for (const CorpusInput& input : run.inputs) {
    total_size += input.size;
    size_known = size_known && input.size > 0;
  }
  const bool progress_on =
      corpus.progress == "always" || (corpus.progress == "auto" && ::isatty(STDERR_FILENO) == 1);
  Progress progress(progress_on, size_known ? total_size : 0);
  const Clock::time_point start = Clock::now();

  // The reader: the inputs in order, a batch of lines (or a piece of a
  // refused line) at a time.
  const uint64_t max_record = options.read.max_bytes;
  size_t current = 0;
  std::optional<LineReader> reader;
  uint64_t next_line = 1;
  uint64_t consumed_before = 0;  // of the inputs finished
  bool input_error = false;
  bool reading_stopped = false;  // a refused line ended the run
  LineChunk::Reason refused_reason = LineChunk::Reason::kNone;
  size_t refused_column = 0;
  auto next = [&]() -> std::optional<Batch> {
    while (!reading_stopped && current < run.inputs.size()) {
      if (!reader) {
        absl::StatusOr<std::unique_ptr<ByteSource>> source =
            OpenByteSource(run.inputs[current].path, run.inputs[current].shown);
        if (!source.ok()) {
          Batch b;
          b.input = current++;
          b.read_error = std::string(source.status().message());
          return b;
        }
        reader.emplace(std::move(*source), max_record);
        next_line = 1;
      }
      Batch b;
      b.input = current;
      b.first_line = next_line;
      LineChunk chunk;
      absl::StatusOr<bool> more = reader->Next(kBatchBytes, &chunk);
      b.consumed = consumed_before + reader->source().consumed();
      if (!more.ok() || !*more) {
        consumed_before += reader->source().consumed();
        reader.reset();
        ++current;
        if (more.ok()) continue;
        b.read_error = std::string(more.status().message());
        return b;
      }
      if (chunk.kind == LineChunk::Kind::kRefused) {
        if (chunk.starts_line) {
          refused_reason = chunk.reason;
          refused_column = chunk.column;
        }
        const bool too_large = refused_reason == LineChunk::Reason::kTooLarge;
        if (!corpus.skip_bad_records) {
          // The run stops here: the rest of the line is not read.
          b.fatal = absl::StrCat(
              run.inputs[current].shown, ":", next_line, ": bad record: ",
              too_large ? absl::StrCat("more than --max-bytes ", max_record, " bytes")
                        : absl::StrCat("column ", refused_column, ": expected a JSON object"));
          reading_stopped = true;
          return b;
        }
        b.refused = true;
        b.bytes = std::move(chunk.bytes);
        if (chunk.ends_line) {
          b.refused_message =
              too_large ? absl::StrCat(chunk.line_bytes, " bytes is more than --max-bytes ",
                                       max_record)
                        : absl::StrCat("column ", refused_column, ": expected a JSON object");
          ++next_line;
        }
        return b;
      }
      b.bytes = std::move(chunk.bytes);
      b.line_ends = std::move(chunk.line_ends);
      next_line += b.line_ends.size();
      return b;
    }
    return std::nullopt;
  };

  Totals totals;
  uint64_t bad_named = 0;
  bool stopped = false;
  bool write_error = false;
  auto emit = [&](Batch& b) -> bool {
    totals.Add(b.totals);
    if (!WriteAll(stdout, b.out)) write_error = true;
    if (rejects != nullptr && !WriteAll(rejects, b.rejects)) write_error = true;
    for (const std::string& message : b.bad) {
      if (bad_named++ < kNamedBadRecords) {
        std::cerr << "mtclean: warning: " << message << " (passed through)\n";
      }
    }
    progress.Update(totals.documents, totals.bytes, b.consumed, false);
    if (!b.read_error.empty()) {
      std::cerr << "mtclean: error: " << b.read_error << "\n";
      input_error = true;
    }
    if (!b.fatal.empty()) {
      std::cerr << "mtclean: error: " << b.fatal
                << " (use --skip-bad-records to pass such records through)\n";
      stopped = true;
      return false;
    }
    return !write_error;
  };
  RunOrdered<Batch>(jobs, static_cast<size_t>(jobs) * kBatchesPerWorker, next,
                    [&](Batch& b) { ProcessBatch(run, &b); }, emit);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  progress.Update(totals.documents, totals.bytes, total_size, true);

  if (std::fflush(stdout) != 0 || std::ferror(stdout)) write_error = true;
  if (rejects != nullptr && std::fclose(rejects) != 0) write_error = true;
  if (write_error) std::cerr << "mtclean: error: cannot write the output\n";
  if (totals.bad_records > 0) {
    std::cerr << "mtclean: " << totals.bad_records
              << (totals.bad_records == 1 ? " bad record" : " bad records")
              << " passed through unchanged\n";
  }
  if (!corpus.stats_path.empty()) {
    std::FILE* stats = std::fopen(corpus.stats_path.c_str(), "wb");
    if (stats == nullptr || !WriteAll(stats, StatsJson(totals, seconds, run.inputs.size(), jobs)) ||
        std::fclose(stats) != 0) {
      std::cerr << "mtclean: error: " << corpus.stats_path << ": cannot write the statistics\n";
      write_error = true;
    }
  }
  if (!fix && totals.with_findings > 0) {
    std::cerr << "mtclean: findings in " << totals.with_findings << " of " << totals.documents
              << (totals.documents == 1 ? " document" : " documents") << "\n";
  }
  if (stopped || input_error || write_error) return kExitInputError;
  if (!fix && totals.failing > 0) return kExitFindings;
  return kExitClean;
}

}  // namespace mtclean::cli
