// Dictionary lookups per second, with and without the per-thread cache.
//
// The word stream is every word of the clean-text corpus
// (tests/clean_text/*.txt) in reading order: news prose, so its word
// frequencies are as skewed as a real article's (`the`, `of`, `said` again
// and again, most words seen once or twice). Items are words looked up.
//
//   BM_LookupUncached      Hunspell behind the lock, every word
//   BM_LookupCachedWarm    the cache after it has seen the stream once (a
//                          long run over one language's corpus)
//   BM_LookupCachedCold    a fresh spell checker per pass, so the first
//                          occurrence of every word misses (one article's
//                          worth of locality; loading is not timed)
// The `/threads:2` variants run two threads over the same checker: the
// uncached one contends for the lock, the cached ones do not.
//
// Run: cmake -S . -B build -DMTCLEAN_BUILD_BENCH=ON && cmake --build build
//      --target dictionary_benchmark && build/bench/dictionary_benchmark
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "benchmark/benchmark.h"
#include "cleaner/dict/language_profile.h"
#include "cleaner/dict/spell_checker.h"

namespace mtclean::internal {
namespace {

constexpr char kSystemDir[] = "/usr/share/hunspell";

std::string ProjectPath(const std::string& relative) {
  return (std::filesystem::path(MTCLEAN_SOURCE_DIR) / relative).string();
}

// Every word of the clean-text corpus, in order.
const std::vector<std::string>& WordStream() {
  static const std::vector<std::string>* words = [] {
    auto* out = new std::vector<std::string>();
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(ProjectPath("tests/clean_text"))) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string text = buffer.str();
      ForEachWord(text, [&](const TextWord& w) {
        out->emplace_back(text.substr(w.begin, w.end - w.begin));
      });
    }
    return out;
  }();
  return *words;
}

// One English spell checker shared by every benchmark (and thread).
const SpellChecker& English() {
  static const SpellChecker* checker = [] {
    absl::StatusOr<std::unique_ptr<SpellChecker>> loaded =
        SpellChecker::Load("en", kSystemDir, ProjectPath("dictionaries"));
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", std::string(loaded.status().message()).c_str());
      std::abort();
    }
    return loaded->release();
  }();
  return *checker;
}

void SetCounters(benchmark::State& state) {
  const std::vector<std::string>& words = WordStream();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(words.size()));
  if (state.thread_index() == 0) {
    absl::flat_hash_set<std::string> distinct(words.begin(), words.end());
    state.counters["words"] = static_cast<double>(words.size());
    state.counters["distinct"] = static_cast<double>(distinct.size());
  }
}

void BM_LookupUncached(benchmark::State& state) {
  const SpellChecker& en = English();
  const std::vector<std::string>& words = WordStream();
  for (auto _ : state) {
    size_t accepted = 0;
    for (const std::string& w : words) accepted += en.AcceptsUncached(w) ? 1 : 0;
    benchmark::DoNotOptimize(accepted);
  }
  SetCounters(state);
}
BENCHMARK(BM_LookupUncached)->Unit(benchmark::kMillisecond)->Threads(1)->Threads(2);

void BM_LookupCachedWarm(benchmark::State& state) {
  const SpellChecker& en = English();
  const std::vector<std::string>& words = WordStream();
  for (const std::string& w : words) benchmark::DoNotOptimize(en.Accepts(w));
  for (auto _ : state) {
    size_t accepted = 0;
    for (const std::string& w : words) accepted += en.Accepts(w) ? 1 : 0;
    benchmark::DoNotOptimize(accepted);
  }
  SetCounters(state);
}
BENCHMARK(BM_LookupCachedWarm)->Unit(benchmark::kMillisecond)->Threads(1)->Threads(2);

void BM_LookupCachedCold(benchmark::State& state) {
  const std::vector<std::string>& words = WordStream();
  for (auto _ : state) {
    state.PauseTiming();
    absl::StatusOr<std::unique_ptr<SpellChecker>> fresh =
        SpellChecker::Load("en", kSystemDir, ProjectPath("dictionaries"));
    state.ResumeTiming();
    size_t accepted = 0;
    for (const std::string& w : words) accepted += (*fresh)->Accepts(w) ? 1 : 0;
    benchmark::DoNotOptimize(accepted);
    state.PauseTiming();
    fresh->reset();
    state.ResumeTiming();
  }
  SetCounters(state);
}
BENCHMARK(BM_LookupCachedCold)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace mtclean::internal
