// clean_jsonl: a JSON Lines filter built on the mtclean library, doing what
// `mtclean fix --jsonl --annotate -` does: records from standard input, each
// written to standard output with its field cleaned and an `mtclean`
// annotation, in input order, on one worker thread per core; the `--stats`
// JSON to standard error.
//
//   clean_jsonl [FIELD] < corpus.jsonl > clean.jsonl 2> stats.json
//
// The README's corpus-mode section shows the part between the [readme]
// marks; a test checks that it is this file's.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "mtclean/corpus.h"
#include "mtclean/engine.h"

// [readme]
// Receives the cleaned records in input order, many at a time.
class StdoutSink : public mtclean::CorpusSink {
 public:
  absl::Status Write(std::string_view records) override {
    std::cout.write(records.data(), static_cast<std::streamsize>(records.size()));
    return std::cout ? absl::OkStatus() : absl::UnavailableError("cannot write the output");
  }
};

int CleanStandardInput(const char* field) {
  mtclean::Options options;
  if (const char* cache = std::getenv("MTCLEAN_CACHE_DIR")) options.cache_dir = cache;
  absl::StatusOr<std::unique_ptr<mtclean::Engine>> engine = mtclean::Engine::Create(options);
  absl::StatusOr<mtclean::RecordCleaner> cleaner =
      mtclean::RecordCleaner::Create({.field = field, .annotate = true});
  if (!engine.ok() || !cleaner.ok()) {
    std::cerr << (engine.ok() ? cleaner.status() : engine.status()).message() << "\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  StdoutSink sink;
  const int jobs = mtclean::WorkerCount(0);  // one per core
  const mtclean::CorpusRun run =
      mtclean::CleanStream(*cleaner, **engine, std::cin, "<stdin>", sink, jobs);
  std::cout.flush();
  if (!run.status.ok()) {  // "<stdin>:7: bad record: column 12: ..."
    std::cerr << run.status.message() << "\n";
    return 3;
  }
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::cerr << mtclean::CorpusStatsJson(
      run.stats, {.inputs = 1, .jobs = jobs, .seconds = seconds.count()});
  return 0;
}
// [/readme]

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return CleanStandardInput(argc > 1 ? argv[1] : "text");
}
