// A corpus run: the inputs read in units of work, cleaned on a pool of
// workers, handed to the sink in input order; and CleanBatch on the same
// pool.
#include <algorithm>
#include <istream>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cleaner/corpus/byte_source.h"
#include "cleaner/corpus/ordered_pool.h"
#include "cleaner/corpus/record_cleaner.h"
#include "mtclean/corpus.h"

namespace mtclean {
namespace {

// Bytes of input lines per unit of work, and units in flight per worker:
// together they bound the memory of a run (about 2 MB a worker, plus the
// longest line, plus the spare buffers of BufferPool: at most 1 MB a unit).
constexpr size_t kBatchBytes = 512 * 1024;
constexpr size_t kBatchesPerWorker = 4;

// Spare string buffers of finished batches, handed to new ones. Each batch
// needs two buffers of about kBatchBytes (its lines and its output); made
// afresh each time, they are over glibc's mmap threshold whenever that is
// fixed (as MALLOC_TRIM_THRESHOLD_, which Dask's workers set, fixes it), so
// every batch would fault in and zero a megabyte of new pages. Bounded:
// at most `limit` buffers of at most 2 kBatchBytes of capacity are kept.
class BufferPool {
 public:
  explicit BufferPool(size_t limit) : limit_(limit) {}

  std::string Take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.empty()) return std::string();
    std::string buffer = std::move(spare_.back());
    spare_.pop_back();
    return buffer;
  }

  void Give(std::string&& buffer) {
    if (buffer.capacity() < kBatchBytes / 2 || buffer.capacity() > 2 * kBatchBytes) {
      std::string().swap(buffer);
      return;
    }
    buffer.clear();
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.size() < limit_) spare_.push_back(std::move(buffer));
  }

 private:
  const size_t limit_;
  std::mutex mutex_;
  std::vector<std::string> spare_;
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
  uint64_t consumed = 0;        // bytes of all inputs read when this batch was made
  absl::Status read_error;      // the input could not be read past this batch

  std::string out;                 // records (fix) or finding lines (check)
  std::string rejects;             // JSON Lines of CorpusOptions::rejects
  std::vector<absl::Status> bad;   // records passed through
  absl::Status fatal;              // a bad record that ends the run
  CorpusStats stats;
};

// Cleans the line `line` (with its terminator, if it has one) into the
// batch's outputs; returns false when the record is bad and the run must
// stop (batch.fatal says why).
bool ProcessLine(const RecordCleaner& cleaner, const CorpusInput& input, uint64_t line_number,
                 std::string_view line, Batch* batch) {
  const CorpusOptions& options = cleaner.options();
  batch->stats.bytes += line.size();
  std::string_view record = line;
  std::string_view terminator = "\n";  // also for a last line that has none
  if (!record.empty() && record.back() == '\n') {
    record.remove_suffix(1);
    if (!record.empty() && record.back() == '\r') {
      record.remove_suffix(1);
      terminator = "\r\n";
    }
  }
  const absl::Status bad = internal::AppendCleanedRecord(
      cleaner, *input.engine, record, input.name, line_number,
      {&batch->out, &batch->rejects, &batch->stats, nullptr});
  if (bad.ok()) {
    if (options.fix) batch->out.append(terminator);
    return true;
  }
  absl::Status error = internal::BadRecordError(
      input.name, line_number, std::string_view(bad.message().data(), bad.message().size()));
  if (!options.skip_bad_records) {
    batch->fatal = std::move(error);
    return false;
  }
  ++batch->stats.bad_records;
  batch->bad.push_back(std::move(error));
  if (options.fix) {
    batch->out.append(record);
    batch->out.append(terminator);
  }
  return true;
}

void ProcessBatch(const RecordCleaner& cleaner, const std::vector<CorpusInput>& inputs,
                  BufferPool& buffers, Batch* batch) {
  const CorpusInput& input = inputs[batch->input];
  const bool fix = cleaner.options().fix;
  if (batch->refused) {
    // Passed through as it came (check: dropped), and counted once.
    batch->stats.bytes += batch->bytes.size();
    if (fix) batch->out = std::move(batch->bytes);
    if (!batch->refused_message.empty()) {
      // A last line without a newline gets one, as every record does.
      if (fix && (batch->out.empty() || batch->out.back() != '\n')) batch->out.push_back('\n');
      ++batch->stats.bad_records;
      batch->bad.push_back(
          internal::BadRecordError(input.name, batch->first_line, batch->refused_message));
    }
    buffers.Give(std::move(batch->bytes));
    return;
  }
  batch->out = buffers.Take();
  size_t start = 0;
  for (size_t i = 0; i < batch->line_ends.size(); ++i) {
    const size_t end = batch->line_ends[i];
    if (!ProcessLine(cleaner, input, batch->first_line + i,
                     std::string_view(batch->bytes).substr(start, end - start), batch)) {
      break;
    }
    start = end;
  }
  // The lines are not needed any more: free them before the batch waits
  // for its turn to be written.
  buffers.Give(std::move(batch->bytes));
  std::vector<size_t>().swap(batch->line_ends);
}

// The inputs in order, a batch of lines (or a piece of a refused line) at
// a time. Runs on the calling thread only.
class BatchReader {
 public:
  BatchReader(const RecordCleaner& cleaner, const std::vector<CorpusInput>& inputs,
              BufferPool& buffers)
      : options_(cleaner.options()), inputs_(inputs), buffers_(buffers) {}

  std::optional<Batch> Next() {
    using internal::LineChunk;
    const uint64_t max_record = options_.max_record_bytes;
    while (!stopped_ && current_ < inputs_.size()) {
      if (!reader_) {
        absl::StatusOr<std::unique_ptr<ByteSource>> source = inputs_[current_].open();
        if (!source.ok() || *source == nullptr) {
          Batch b;
          b.input = current_++;
          b.read_error = source.ok() ? absl::InternalError(absl::StrCat(
                                           inputs_[b.input].name, ": opened as nothing"))
                                     : source.status();
          return b;
        }
        reader_.emplace(std::move(*source), max_record);
        next_line_ = 1;
      }
      Batch b;
      b.input = current_;
      b.first_line = next_line_;
      LineChunk chunk;
      chunk.bytes = buffers_.Take();
      absl::StatusOr<bool> more = reader_->Next(kBatchBytes, &chunk);
      b.consumed = consumed_before_ + reader_->source().consumed();
      if (!more.ok() || !*more) {
        consumed_before_ += reader_->source().consumed();
        reader_.reset();
        ++current_;
        if (more.ok()) continue;
        b.read_error = more.status();
        return b;
      }
      const std::string& name = inputs_[current_].name;
      if (chunk.kind == LineChunk::Kind::kRefused) {
        if (chunk.starts_line) {
          refused_reason_ = chunk.reason;
          refused_column_ = chunk.column;
        }
        const bool too_large = refused_reason_ == LineChunk::Reason::kTooLarge;
        if (!options_.skip_bad_records) {
          // The run stops here: the rest of the line is not read.
          b.fatal = internal::BadRecordError(
              name, next_line_,
              too_large ? absl::StrCat("more than --max-bytes ", max_record, " bytes")
                        : absl::StrCat("column ", refused_column_, ": expected a JSON object"));
          stopped_ = true;
          return b;
        }
        b.refused = true;
        b.bytes = std::move(chunk.bytes);
        if (chunk.ends_line) {
          b.refused_message =
              too_large ? absl::StrCat(chunk.line_bytes, " bytes is more than --max-bytes ",
                                       max_record)
                        : absl::StrCat("column ", refused_column_, ": expected a JSON object");
          ++next_line_;
        }
        return b;
      }
      b.bytes = std::move(chunk.bytes);
      b.line_ends = std::move(chunk.line_ends);
      next_line_ += b.line_ends.size();
      return b;
    }
    return std::nullopt;
  }

 private:
  const CorpusOptions& options_;
  const std::vector<CorpusInput>& inputs_;
  BufferPool& buffers_;
  size_t current_ = 0;
  std::optional<internal::LineReader> reader_;
  uint64_t next_line_ = 1;
  uint64_t consumed_before_ = 0;  // of the inputs finished
  bool stopped_ = false;          // a refused line ended the run
  internal::LineChunk::Reason refused_reason_ = internal::LineChunk::Reason::kNone;
  size_t refused_column_ = 0;
};

}  // namespace

absl::Status CorpusSink::WriteRejects(std::string_view) { return absl::OkStatus(); }
void CorpusSink::OnBadRecord(const absl::Status&) {}
void CorpusSink::OnProgress(const CorpusStats&, uint64_t) {}
void CorpusSink::OnInputError(const absl::Status&) {}

int WorkerCount(int jobs) {
  if (jobs > 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

CorpusRun CleanCorpus(const RecordCleaner& cleaner, const std::vector<CorpusInput>& inputs,
                      CorpusSink& sink, int jobs) {
  CorpusRun run;
  const int workers = WorkerCount(jobs);
  const size_t window = static_cast<size_t>(workers) * kBatchesPerWorker;
  BufferPool buffers(window + 2);
  BatchReader reader(cleaner, inputs, buffers);
  const bool rejects = cleaner.options().fix && cleaner.options().rejects;
  auto emit = [&](Batch& b) -> bool {
    run.stats.Merge(b.stats);
    absl::Status sink_error;
    if (!b.out.empty()) sink_error = sink.Write(b.out);
    if (rejects && !b.rejects.empty()) {
      absl::Status s = sink.WriteRejects(b.rejects);
      if (sink_error.ok()) sink_error = std::move(s);
    }
    buffers.Give(std::move(b.out));
    for (const absl::Status& bad : b.bad) sink.OnBadRecord(bad);
    sink.OnProgress(run.stats, b.consumed);
    if (!b.read_error.ok()) {
      sink.OnInputError(b.read_error);
      ++run.failed_inputs;
    }
    if (!b.fatal.ok()) {
      run.status = std::move(b.fatal);
      return false;
    }
    if (!sink_error.ok()) {
      run.status = std::move(sink_error);
      return false;
    }
    return true;
  };
  internal::RunOrdered<Batch>(
      workers, window, [&] { return reader.Next(); },
      [&](Batch& b) { ProcessBatch(cleaner, inputs, buffers, &b); }, emit);
  return run;
}

CorpusRun CleanStream(const RecordCleaner& cleaner, const Engine& engine, std::istream& in,
                      std::string_view name, CorpusSink& sink, int jobs) {
  CorpusInput input;
  input.name = std::string(name);
  input.engine = &engine;
  input.open = [&in, name = input.name]() -> absl::StatusOr<std::unique_ptr<ByteSource>> {
    return IstreamByteSource(in, name);
  };
  return CleanCorpus(cleaner, {std::move(input)}, sink, jobs);
}

std::vector<absl::StatusOr<Result>> CleanBatch(const Engine& engine,
                                               absl::Span<const std::string_view> texts,
                                               int jobs, TextFormat format,
                                               absl::Span<const std::string_view> names) {
  struct Item {
    size_t index = 0;
    absl::StatusOr<Result> result = absl::UnknownError("not cleaned");
  };
  std::vector<absl::StatusOr<Result>> results;
  results.reserve(texts.size());
  // No more threads than texts.
  const int workers =
      static_cast<int>(std::max<size_t>(1, std::min<size_t>(WorkerCount(jobs), texts.size())));
  size_t next = 0;
  internal::RunOrdered<Item>(
      workers, static_cast<size_t>(workers) * kBatchesPerWorker,
      [&]() -> std::optional<Item> {
        if (next == texts.size()) return std::nullopt;
        Item item;
        item.index = next++;
        return item;
      },
      [&](Item& item) {
        const std::string name = item.index < names.size()
                                     ? std::string(names[item.index])
                                     : absl::StrCat("texts[", item.index, "]");
        item.result = engine.Clean(name, texts[item.index], format);
      },
      [&](Item& item) {
        results.push_back(std::move(item.result));
        return true;
      });
  return results;
}

}  // namespace mtclean
