#include "cleaner/cli/corpus.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>

#include "CLI/CLI.hpp"
#include "absl/strings/str_format.h"
#include "cleaner/cli/commands.h"
#include "mtclean/corpus.h"

namespace mtclean::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Bad records passed through with --skip-bad-records that are named on
// standard error (the rest are only counted).
constexpr uint64_t kNamedBadRecords = 10;

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

// Where a run's output goes: the records or finding lines to standard
// output, the rejects to their file, and what went wrong to standard error.
class TerminalSink : public CorpusSink {
 public:
  TerminalSink(std::FILE* rejects, Progress* progress) : rejects_(rejects), progress_(progress) {}

  absl::Status Write(std::string_view output) override {
    return Check(WriteAll(stdout, output));
  }
  absl::Status WriteRejects(std::string_view rejects) override {
    return Check(rejects_ == nullptr || WriteAll(rejects_, rejects));
  }
  void OnBadRecord(const absl::Status& error) override {
    if (bad_named_++ < kNamedBadRecords) {
      std::cerr << "mtclean: warning: " << error.message() << " (passed through)\n";
    }
  }
  void OnProgress(const CorpusStats& so_far, uint64_t consumed) override {
    progress_->Update(so_far.documents, so_far.bytes, consumed, false);
  }
  void OnInputError(const absl::Status& error) override {
    std::cerr << "mtclean: error: " << error.message() << "\n";
  }

  bool write_error() const { return write_error_; }

 private:
  absl::Status Check(bool written) {
    if (written) return absl::OkStatus();
    write_error_ = true;
    return absl::UnavailableError("cannot write the output");
  }

  std::FILE* rejects_;
  Progress* progress_;
  uint64_t bad_named_ = 0;
  bool write_error_ = false;
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
  if (fix && options.format == "html") {
    std::cerr << "mtclean: error: --jsonl writes records, not --format html\n";
    return kExitUsage;
  }
  mtclean::CorpusOptions record_options;
  record_options.field = corpus.field;
  record_options.fix = fix;
  record_options.annotate = corpus.annotate;
  record_options.rejects = !corpus.rejects_path.empty();
  record_options.skip_bad_records = corpus.skip_bad_records;
  record_options.format = options.markdown ? TextFormat::kMarkdown : TextFormat::kPlain;
  record_options.max_record_bytes = options.read.max_bytes;
  record_options.fail_on =
      options.fail_on == "never" ? std::nullopt : ParseSeverity(options.fail_on);
  absl::StatusOr<RecordCleaner> cleaner = RecordCleaner::Create(std::move(record_options));
  if (!cleaner.ok()) {
    std::cerr << "mtclean: error: --field: " << cleaner.status().message() << "\n";
    return kExitUsage;
  }
  std::vector<CorpusInput> inputs;
  uint64_t total_size = 0;
  bool size_known = true;
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
    input.name = DisplayPath(p, options.stdin_filename);
    input.engine = selection->engine;
    input.open = [p, shown = input.name] { return OpenByteSource(p, shown); };
    uint64_t size = 0;  // of the file, 0 when unknown
    struct stat st {};
    if (p != "-" && ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      size = static_cast<uint64_t>(st.st_size);
    }
    total_size += size;
    size_known = size_known && size > 0;
    stdin_count += p == "-";
    inputs.push_back(std::move(input));
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

  const int jobs = WorkerCount(options.jobs);
  const bool progress_on =
      corpus.progress == "always" || (corpus.progress == "auto" && ::isatty(STDERR_FILENO) == 1);
  Progress progress(progress_on, size_known ? total_size : 0);
  TerminalSink sink(rejects, &progress);
  const Clock::time_point start = Clock::now();
  const CorpusRun run = CleanCorpus(*cleaner, inputs, sink, jobs);
  // A bad record is InvalidArgument; the sink's own errors (writing) are not.
  const bool stopped = absl::IsInvalidArgument(run.status);
  if (stopped) {
    std::cerr << "mtclean: error: " << run.status.message()
              << " (use --skip-bad-records to pass such records through)\n";
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const CorpusStats& totals = run.stats;
  progress.Update(totals.documents, totals.bytes, total_size, true);

  bool write_error = sink.write_error();
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) write_error = true;
  if (rejects != nullptr && std::fclose(rejects) != 0) write_error = true;
  if (write_error) std::cerr << "mtclean: error: cannot write the output\n";
  if (totals.bad_records > 0) {
    std::cerr << "mtclean: " << totals.bad_records
              << (totals.bad_records == 1 ? " bad record" : " bad records")
              << " passed through unchanged\n";
  }
  if (!corpus.stats_path.empty()) {
    const CorpusRunInfo info{.inputs = inputs.size(), .jobs = jobs, .seconds = seconds};
    std::FILE* stats = std::fopen(corpus.stats_path.c_str(), "wb");
    if (stats == nullptr || !WriteAll(stats, CorpusStatsJson(totals, info)) ||
        std::fclose(stats) != 0) {
      std::cerr << "mtclean: error: " << corpus.stats_path << ": cannot write the statistics\n";
      write_error = true;
    }
  }
  if (!fix && totals.documents_with_findings > 0) {
    std::cerr << "mtclean: findings in " << totals.documents_with_findings << " of "
              << totals.documents << (totals.documents == 1 ? " document" : " documents") << "\n";
  }
  if (stopped || run.failed_inputs > 0 || write_error) return kExitInputError;
  if (!fix && totals.failing > 0) return kExitFindings;
  return kExitClean;
}

}  // namespace mtclean::cli
