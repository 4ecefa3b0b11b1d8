// Corpus mode: cleaning JSON Lines corpora, one string field per record.
//
// A corpus is a stream of JSON Lines records, one JSON object a line. The
// string at a field of each record ("text", or a dotted path such as
// "meta.body") is cleaned by an Engine. Fixing writes each record back with
// only that string changed: every other byte of the line (the other fields,
// key order, number spellings, escapes, spacing, the line terminator) stays
// as it was. This is what `mtclean check|fix --jsonl` runs; other clients
// (the Python package, a job of a distributed engine) use the same code, so
// they write the CLI's bytes.
//
// The entry points:
//   - RecordCleaner::Clean: one record, on the calling thread.
//   - CleanCorpus and CleanStream: a stream of records on N worker threads,
//     the output in input order, memory bounded whatever the input (about
//     2 MB a worker plus the longest record, never the corpus).
//   - CleanBatch: N texts (not records) on N threads, results in order.
//   - CorpusStats: the totals `--stats` writes. They add up: the stats of
//     parts of a corpus cleaned separately (other threads, processes or
//     machines), merged, are those of the whole corpus.
//
// Example: a filter from standard input to standard output.
//
//   absl::StatusOr<mtclean::RecordCleaner> cleaner =
//       mtclean::RecordCleaner::Create({.field = "text", .annotate = true});
//   if (!cleaner.ok()) return cleaner.status();   // a malformed field path
//   class Stdout : public mtclean::CorpusSink {
//     absl::Status Write(std::string_view records) override {
//       std::cout << records;
//       return std::cout ? absl::OkStatus() : absl::UnavailableError("stdout");
//     }
//   } sink;
//   mtclean::CorpusRun run =
//       mtclean::CleanStream(*cleaner, *engine, std::cin, "<stdin>", sink, 2);
//   if (!run.status.ok()) return run.status;   // "<stdin>:7: bad record: ..."
//   std::cerr << mtclean::CorpusStatsJson(run.stats, {.inputs = 1, .jobs = 2});
//
// examples/clean_jsonl.cc is this as a whole program.
//
// Thread-safety: a RecordCleaner is an immutable value; Clean may run on
// many threads at once, as Engine::Clean may. A run calls its sink on the
// calling thread only.
//
// The library never prints, exits or throws; every failure is a Status.
#ifndef MTCLEAN_CORPUS_H_
#define MTCLEAN_CORPUS_H_

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "mtclean/engine.h"
#include "mtclean/finding.h"

namespace mtclean {

// The top-level key of the object CorpusOptions::annotate adds to a record.
inline constexpr char kAnnotationKey[] = "mtclean";

struct CorpusOptions {
  // The string to clean: a key of the record, or a dotted path of keys into
  // nested objects ("meta.body"). Default: "text".
  std::string field = "text";

  // true: fix (`fix --jsonl`): each record is written back with its field
  // cleaned. false: check (`check --jsonl`): each finding is written as a
  // line `INPUT:LINE: SEVERITY: MESSAGE [RULE] (FIELD bytes BEGIN-END)` and
  // the records are not. Default: true.
  bool fix = true;

  // Fix only: adds a top-level `mtclean` object to each record, holding
  // `findings` (rule, severity, begin, end, fixed) and the `edits` applied
  // (begin, end, replacement), in byte offsets into the field's text. An
  // `mtclean` object the record already has is replaced. Default: false.
  bool annotate = false;

  // Fix only: lists what each fix removed, as JSON Lines (`--rejects`): one
  // object per edit that replaced text, {input, line, rule, begin, end,
  // removed, replacement}. Default: false.
  bool rejects = false;

  // A bad record (not one JSON object; no string at the field; a string
  // that is not valid UTF-8; larger than max_record_bytes). false: the run
  // stops at it with its error. true: it is passed through unchanged (fix)
  // or dropped (check), and counted in CorpusStats::bad_records.
  // Default: false.
  bool skip_bad_records = false;

  // How the field's text is marked up. Default: plain text.
  TextFormat format = TextFormat::kPlain;

  // Records larger than this many bytes (their line terminator not counted)
  // are bad records; a stream never holds more of one in memory than this
  // and one read. Messages call it `--max-bytes`, as the CLI does.
  // Default: 128 MiB.
  uint64_t max_record_bytes = uint64_t{128} << 20;

  // Findings at or above this severity are counted in CorpusStats::failing
  // (the CLI's `--fail-on`); nullopt: none are. Default: every finding.
  std::optional<Severity> fail_on = Severity::kInfo;
};

// Counts of one rule.
struct RuleStats {
  uint64_t findings = 0;
  uint64_t fixed = 0;          // findings whose fix was applied
  uint64_t bytes_removed = 0;  // bytes of the original text the applied fixes replaced

  friend bool operator==(const RuleStats&, const RuleStats&) = default;
};

// The totals of a run, or of part of one. Every field is a count, so that
// Merge over the parts of a corpus, in any order, gives the whole's.
struct CorpusStats {
  uint64_t documents = 0;                // records cleaned (bad records are not)
  uint64_t documents_with_findings = 0;
  uint64_t documents_changed = 0;        // with at least one edit applied
  uint64_t bad_records = 0;              // passed through (skip_bad_records)
  uint64_t bytes = 0;            // of the input lines with their terminators, decompressed
  uint64_t text_bytes = 0;       // of the fields' texts, before cleaning
  uint64_t text_bytes_out = 0;   // of the fields' texts, after cleaning
  uint64_t failing = 0;          // findings at or above CorpusOptions::fail_on
  std::map<std::string, RuleStats> rules;  // by rule id: the rules that found something

  // Counts one document (not its record's `bytes`): `text` before
  // cleaning, `result` of cleaning it; findings at or above `fail_on` are
  // `failing`.
  void AddDocument(std::string_view text, const Result& result,
                   std::optional<Severity> fail_on = Severity::kInfo);

  // Adds `other`'s counts to these.
  void Merge(const CorpusStats& other);

  friend bool operator==(const CorpusStats&, const CorpusStats&) = default;
};

// What the stats JSON says about a run as a whole, which none of its parts
// knows: these are not counts and are not merged.
struct CorpusRunInfo {
  size_t inputs = 1;    // files or streams read
  int jobs = 1;         // worker threads
  double seconds = 0;   // wall-clock time of the run; also gives `mb_per_s`
};

// The stats as the CLI's `--stats` file holds them: a JSON object (schema
// "mtclean-corpus-stats", version 1) indented by two spaces, with a final
// newline. `failing` is not part of it.
std::string CorpusStatsJson(const CorpusStats& stats, const CorpusRunInfo& run);

// The counts of a CorpusStatsJson text, so that the stats of parts cleaned
// in other processes can be merged: CorpusStatsJson(ParseCorpusStats(j), r)
// is `j` again when `r` is the run info `j` was written with. `failing` is
// 0 (the JSON does not hold it). Error: InvalidArgument when `json` is not
// such a text (the message says what is wrong).
absl::StatusOr<CorpusStats> ParseCorpusStats(std::string_view json);

// One record, cleaned.
struct CleanedRecord {
  // Fix: the record as `fix --jsonl` writes it, without a line terminator
  // (for a bad record passed through: the record unchanged). Check: the
  // finding lines, each ending in `\n` (none for a bad record).
  std::string output;
  // The engine's result for the field's text; empty for a bad record.
  Result result;
  // With CorpusOptions::rejects: the record's rejects, JSON Lines, each line
  // ending in `\n` (empty when no fix removed anything).
  std::string rejects;
  // The record's part of the run's stats. `bytes` counts the record and one
  // line terminator, as a line of a JSON Lines file ending in `\n`.
  CorpusStats stats;
  // With skip_bad_records, for a bad record: why it is bad, as Clean would
  // have returned it; OK otherwise.
  absl::Status bad_record;
};

// Cleans records as CorpusOptions say. A copyable, immutable value.
class RecordCleaner {
 public:
  // Error: InvalidArgument for a field path with an empty key ("a..b"),
  // the message quoting the path.
  static absl::StatusOr<RecordCleaner> Create(CorpusOptions options);

  // Cleans `record`, one line of a corpus without its line terminator, with
  // `engine`. `input` and `line` (1-based) name the record in messages, in
  // rejects and in check lines. Error, unless skip_bad_records is set:
  // InvalidArgument for a bad record, the message reading
  // "INPUT:LINE: bad record: WHY" (WHY names the byte column where there is
  // one: "column 21: unterminated string"; "no field `text`").
  absl::StatusOr<CleanedRecord> Clean(const Engine& engine, std::string_view record,
                                      std::string_view input, uint64_t line) const;

  const CorpusOptions& options() const { return options_; }
  // CorpusOptions::field split into its keys.
  const std::vector<std::string>& field_keys() const { return field_keys_; }

 private:
  RecordCleaner(CorpusOptions options, std::vector<std::string> keys)
      : options_(std::move(options)), field_keys_(std::move(keys)) {}

  CorpusOptions options_;
  std::vector<std::string> field_keys_;
};

// A stream of bytes: a file, a pipe, a buffer. Not thread-safe: a run reads
// it from one thread. Implement it to feed a run from any source.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` (> 0) bytes into `buffer` and returns how many;
  // 0 only at the end. Error: the stream cannot be read further, the
  // message naming it (Unavailable for a read error, DataLoss for corrupt
  // compressed data).
  virtual absl::StatusOr<size_t> Read(char* buffer, size_t capacity) = 0;
  // Bytes taken from the underlying file so far (compressed bytes for
  // compressed data), for progress against the file's size; 0: unknown.
  virtual uint64_t consumed() const { return 0; }
};

// Opens the file `path` ("-": standard input, which messages call `name`
// when it is not empty, else "<stdin>"). Compressed data is read
// decompressed; the kind is told by the first bytes, not the name: gzip
// (1f 8b, concatenated members too), Zstandard (28 b5 2f fd, several frames
// too), else plain. Error: NotFound or PermissionDenied naming the path;
// InvalidArgument for a folder.
absl::StatusOr<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path,
                                                           const std::string& name = "");

// The bytes of `in`, which must outlive the source. A read error is
// Unavailable, naming `name`. Reads fill the whole buffer unless the stream
// ends: for an interactive stream, prefer a ByteSource of its own.
std::unique_ptr<ByteSource> IstreamByteSource(std::istream& in, std::string name);

// One input of a run.
struct CorpusInput {
  // How messages, rejects and check lines name it ("in.jsonl", "<stdin>").
  std::string name;
  // The engine that cleans its records (not owned; it must outlive the run).
  const Engine* engine = nullptr;
  // Opens it. Called when the run reaches the input, so that one input at a
  // time is open; an error is reported to CorpusSink::OnInputError and the
  // run goes on with the next input.
  std::function<absl::StatusOr<std::unique_ptr<ByteSource>>()> open;
};

// Receives what a run makes, on the thread that called the run, in input
// order. Each unit of work (about 512 KB of input) makes one call of each
// method that has something to say, in the order they are declared here.
class CorpusSink {
 public:
  virtual ~CorpusSink() = default;
  // The output of the next records (fix: the records, each with its line
  // terminator, `\n` for a last line that had none; check: the finding
  // lines). An error stops the run: no more is made, and the run returns it
  // once this unit's other calls are made.
  virtual absl::Status Write(std::string_view output) = 0;
  // With CorpusOptions::rejects: the same records' rejects, JSON Lines.
  // An error stops the run as Write's does.
  virtual absl::Status WriteRejects(std::string_view rejects);
  // With skip_bad_records: a bad record of these, passed through (fix) or
  // dropped (check): InvalidArgument "INPUT:LINE: bad record: WHY".
  virtual void OnBadRecord(const absl::Status& error);
  // The totals so far, and the bytes taken from all inputs so far
  // (ByteSource::consumed), for a progress display.
  virtual void OnProgress(const CorpusStats& so_far, uint64_t consumed);
  // An input could not be opened, or read to its end; the run goes on with
  // the next input. (Of an input that failed midway, the records of the
  // units of work before the error were cleaned; those of the unit being
  // read are not.)
  virtual void OnInputError(const absl::Status& error);
};

// What a run did.
struct CorpusRun {
  // The totals of the records handed to the sink, also when the run stopped.
  CorpusStats stats;
  // OK, or why the run stopped early: the bad record that stopped it
  // (InvalidArgument, "INPUT:LINE: bad record: WHY"), or the first error a
  // sink method returned (as it was returned; when a unit of work had both,
  // the bad record).
  absl::Status status;
  // How many inputs could not be opened or read to their end.
  size_t failed_inputs = 0;
};

// Cleans `inputs`, one after the other, on WorkerCount(jobs) threads (with
// 1, all on the calling thread), and hands the output to `sink` in input
// order. Lines are read a unit of work at a time, at most 4 units a worker
// in flight. A line longer than max_record_bytes, or one whose first byte
// shows it is no JSON object, is never held whole: the run stops at it, or
// with skip_bad_records it is passed on in pieces as it is read (fix) or
// read past (check).
CorpusRun CleanCorpus(const RecordCleaner& cleaner, const std::vector<CorpusInput>& inputs,
                      CorpusSink& sink, int jobs);

// CleanCorpus on the one input `in`, named `name`, cleaned by `engine`.
CorpusRun CleanStream(const RecordCleaner& cleaner, const Engine& engine, std::istream& in,
                      std::string_view name, CorpusSink& sink, int jobs);

// Cleans `texts[i]` as engine.Clean(NAME, texts[i], format) would, on
// WorkerCount(jobs) threads, and returns the results in the order of
// `texts`. NAME, which errors start with, is `names[i]` when there is one,
// else "texts[i]" (with the index).
std::vector<absl::StatusOr<Result>> CleanBatch(const Engine& engine,
                                               absl::Span<const std::string_view> texts,
                                               int jobs,
                                               TextFormat format = TextFormat::kPlain,
                                               absl::Span<const std::string_view> names = {});

// The number of worker threads `jobs` asks for: `jobs` when it is
// positive, else one per core.
int WorkerCount(int jobs);

}  // namespace mtclean

#endif  // MTCLEAN_CORPUS_H_
