// Throughput of each stage of the pipeline, in bytes of document text per
// second, over the same generated news-like documents (bench/
// corpus_generator.h, seed 42, about 2 MB, artifacts at the default rates):
//
//   BM_DocumentIndex          UTF-8 check, lines, blocks, protected regions
//   BM_Scan                   the one Hyperscan database of every data-rule
//                             pattern and structural-rule candidate pattern
//   BM_ScanEndsOnly/0         the same database without start-of-match
//                             tracking (HS_FLAG_SOM_LEFTMOST)
//   BM_ScanEndsOnly/1         and with phrases' spaces as one literal space
//                             instead of `[ \t]+` (a bound, not mtclean's
//                             matching)
//   BM_ScanRule/<id>          a database of one rule's patterns only (a
//                             data rule's, or a structural rule's candidate
//                             patterns): which are costly (a word-boundary
//                             alternation can slow the whole database)
//   BM_ScanWithout/<id>       the whole database less one rule's patterns
//   BM_ScanKind/0, /1         the regular expressions only, the phrases only
//   BM_FunctionWordCount      the function words of each document counted
//                             against every language's profile
//   BM_GuessLanguage          the language guess of each document (its
//                             dictionaries' answers cached after the first)
//   BM_MeasureLine            the shape of every line (the page model
//                             measures each line of each document once)
//   BM_StructuralRule/<id>    one structural rule's Check, its candidates
//                             found beforehand (not timed)
//   BM_RuleSetCheck           scan + every rule, one round
//   BM_Resolve                ordering and applying the findings' edits
//   BM_Diff                   the unified diff from the edits
//   BM_EngineClean            Engine::Clean, the whole library call
//
// Run: cmake -S . -B build -DMTCLEAN_BUILD_BENCH=ON && cmake --build build
//      --target stages_benchmark && build/bench/stages_benchmark
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <hs.h>

#include "bench/corpus_generator.h"
#include "benchmark/benchmark.h"
#include "cleaner/dict/language_profile.h"
#include "cleaner/dict/spell_checker.h"
#include "cleaner/dict/word_lists.h"
#include "cleaner/document/document.h"
#include "cleaner/document/line_shape.h"
#include "cleaner/match/scanner.h"
#include "cleaner/report/diff.h"
#include "cleaner/resolve/resolve.h"
#include "cleaner/rules/block_positions.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "cleaner/rules/registry.h"
#include "mtclean/engine.h"

namespace mtclean::internal {
namespace {

constexpr char kLanguage[] = "en";

std::string DictionariesDir() {
  return (std::filesystem::path(MTCLEAN_SOURCE_DIR) / "dictionaries").string();
}

// Everything the stages need, built once.
struct Fixture {
  std::vector<std::string> texts;
  size_t bytes = 0;
  std::vector<Document> docs;
  WordLists words;
  LanguageProfiles profiles;
  std::unique_ptr<Dictionaries> dictionaries;
  std::unique_ptr<RuleSet> rules;
  std::vector<std::unique_ptr<StructuralRule>> structural;
  std::vector<PatternSpec> all_patterns;
  std::unique_ptr<Engine> engine;

  static Fixture& Get() {
    static Fixture* fixture = [] {
      auto* f = new Fixture();
      bench::CorpusGenerator generator(42);
      while (f->bytes < 2'000'000) {
        f->texts.push_back(generator.Document());
        f->bytes += f->texts.back().size();
      }
      for (const std::string& t : f->texts) f->docs.push_back(*Document::Create(t));
      f->words = *WordLists::Load(DictionariesDir(), kLanguage);
      f->profiles = *LanguageProfiles::Load(DictionariesDir());
      f->dictionaries = std::make_unique<Dictionaries>("/usr/share/hunspell", DictionariesDir());
      Options options;
      options.language = kLanguage;
      f->rules = *RuleSet::Create(options, MTCLEAN_SOURCE_DIR, f->words);
      f->structural = std::move(*MakeBuiltinRules(f->words, options));
      for (const auto& rule : f->rules->data_rules()) {
        f->all_patterns.insert(f->all_patterns.end(), rule->patterns().begin(),
                               rule->patterns().end());
      }
      for (const auto& rule : f->structural) {
        const std::vector<PatternSpec> p = rule->CandidatePatterns();
        f->all_patterns.insert(f->all_patterns.end(), p.begin(), p.end());
      }
      options.data_dir = MTCLEAN_SOURCE_DIR;
      f->engine = std::move(*Engine::Create(options));
      return f;
    }();
    return *fixture;
  }
};

void BM_DocumentIndex(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  for (auto _ : state) {
    for (const std::string& t : f.texts) benchmark::DoNotOptimize(Document::Create(t));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_DocumentIndex)->Unit(benchmark::kMillisecond);

void ScanAll(benchmark::State& state, const std::vector<PatternSpec>& patterns) {
  const Fixture& f = Fixture::Get();
  absl::StatusOr<std::unique_ptr<Scanner>> scanner = Scanner::Compile(patterns);
  if (!scanner.ok()) {
    state.SkipWithError(std::string(scanner.status().message()).c_str());
    return;
  }
  std::vector<RawMatch> matches;
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& t : f.texts) {
      matches.clear();
      benchmark::DoNotOptimize((*scanner)->Scan(t, &matches));
      found += matches.size();
    }
  }
  state.counters["matches/doc"] = benchmark::Counter(
      static_cast<double>(found) / static_cast<double>(state.iterations() * f.texts.size()));
  state.counters["patterns"] = static_cast<double>(patterns.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}

void BM_Scan(benchmark::State& state) { ScanAll(state, Fixture::Get().all_patterns); }
BENCHMARK(BM_Scan)->Unit(benchmark::kMillisecond);

// The patterns of one kind: regular expressions (0) or phrases (1). Each
// kind alone scans much faster than both together.
void BM_ScanKind(benchmark::State& state) {
  std::vector<PatternSpec> kind;
  for (const PatternSpec& p : Fixture::Get().all_patterns) {
    if (p.literal == (state.range(0) == 1)) kind.push_back(p);
  }
  ScanAll(state, kind);
}
BENCHMARK(BM_ScanKind)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The same database compiled without HS_FLAG_SOM_LEFTMOST: Hyperscan then
// reports only where matches end, which is what tells a clean document from
// one with candidates. The gap to BM_Scan is the price of tracking starts.
void BM_ScanEndsOnly(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  std::vector<std::string> expressions;
  std::vector<const char*> pointers;
  std::vector<unsigned int> flags, ids;
  // Argument 1: phrases with one literal space instead of `[ \t]+` (what
  // the literal matcher could take whole; not mtclean's semantics).
  // Argument 2: the same, with start-of-match tracking (what the scanner
  // uses for a document without tabs or doubled spaces).
  const bool literal_spaces = state.range(0) >= 1;
  const bool starts = state.range(0) == 2;
  for (size_t i = 0; i < f.all_patterns.size(); ++i) {
    expressions.push_back(PatternExpression(f.all_patterns[i]));
    if (literal_spaces && f.all_patterns[i].literal) {
      std::string& e = expressions.back();
      for (size_t at; (at = e.find("[ \\t]+")) != std::string::npos;) e.replace(at, 6, " ");
    }
    unsigned int flag = HS_FLAG_UTF8;
    if (starts) flag |= HS_FLAG_SOM_LEFTMOST;
    if (f.all_patterns[i].caseless) flag |= HS_FLAG_CASELESS;
    for (char c : expressions.back()) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        flag |= HS_FLAG_UCP;
        break;
      }
    }
    flags.push_back(flag);
    ids.push_back(static_cast<unsigned int>(i));
  }
  for (const std::string& e : expressions) pointers.push_back(e.c_str());
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                       static_cast<unsigned int>(pointers.size()), HS_MODE_BLOCK, nullptr, &db,
                       &error) != HS_SUCCESS) {
    state.SkipWithError(error->message);
    hs_free_compile_error(error);
    return;
  }
  hs_scratch_t* scratch = nullptr;
  hs_alloc_scratch(db, &scratch);
  size_t found = 0;
  auto on_match = [](unsigned int, unsigned long long, unsigned long long, unsigned int,
                     void* context) -> int {
    ++*static_cast<size_t*>(context);
    return 0;
  };
  for (auto _ : state) {
    for (const std::string& t : f.texts) {
      hs_scan(db, t.data(), static_cast<unsigned int>(t.size()), 0, scratch, on_match, &found);
    }
  }
  benchmark::DoNotOptimize(found);
  hs_free_scratch(scratch);
  hs_free_database(db);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_ScanEndsOnly)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_RuleSetCheck(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  for (auto _ : state) {
    for (const Document& doc : f.docs) {
      std::vector<Finding> out;
      const RuleContext context{doc, f.words, *f.dictionaries, kLanguage, f.profiles};
      benchmark::DoNotOptimize(f.rules->Check(context, &out));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_RuleSetCheck)->Unit(benchmark::kMillisecond);

// The findings of one round on every document, for the later stages.
const std::vector<std::vector<Finding>>& Findings() {
  static const auto* findings = [] {
    const Fixture& f = Fixture::Get();
    auto* out = new std::vector<std::vector<Finding>>();
    for (const Document& doc : f.docs) {
      out->emplace_back();
      const RuleContext context{doc, f.words, *f.dictionaries, kLanguage, f.profiles};
      (void)f.rules->Check(context, &out->back());
    }
    return out;
  }();
  return *findings;
}

void BM_Resolve(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  const auto& findings = Findings();
  for (auto _ : state) {
    for (size_t i = 0; i < f.docs.size(); ++i) {
      std::vector<Finding> copy = findings[i];
      const std::vector<Edit> edits = ResolveEdits(f.docs[i], &copy);
      benchmark::DoNotOptimize(ApplyEdits(f.docs[i].text(), edits));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_Resolve)->Unit(benchmark::kMillisecond);

void BM_Diff(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  std::vector<std::vector<Edit>> edits;
  for (size_t i = 0; i < f.docs.size(); ++i) {
    std::vector<Finding> copy = Findings()[i];
    edits.push_back(ResolveEdits(f.docs[i], &copy));
  }
  for (auto _ : state) {
    for (size_t i = 0; i < f.docs.size(); ++i) {
      benchmark::DoNotOptimize(UnifiedDiff("a.txt", "a.txt", f.texts[i], edits[i]));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_Diff)->Unit(benchmark::kMillisecond);

void BM_EngineClean(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  for (auto _ : state) {
    for (const std::string& t : f.texts) benchmark::DoNotOptimize(f.engine->Clean("doc", t));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_EngineClean)->Unit(benchmark::kMillisecond);

void BM_FunctionWordCount(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  size_t function_words = 0;
  for (auto _ : state) {
    for (const std::string& t : f.texts) {
      const FunctionWordCounts counts = f.profiles.Count(t);
      function_words += counts.words - counts.by_mask[0];
    }
  }
  benchmark::DoNotOptimize(function_words);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_FunctionWordCount)->Unit(benchmark::kMillisecond);

void BM_GuessLanguage(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  for (auto _ : state) {
    for (const std::string& t : f.texts) {
      benchmark::DoNotOptimize(GuessLanguage(t, f.profiles, *f.dictionaries, kLanguage));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_GuessLanguage)->Unit(benchmark::kMillisecond);

void BM_MeasureLine(benchmark::State& state) {
  const Fixture& f = Fixture::Get();
  size_t words = 0;
  for (auto _ : state) {
    for (const Document& doc : f.docs) {
      for (size_t l = 0; l < doc.lines().size(); ++l) words += MeasureLine(doc.LineText(l)).words;
    }
  }
  benchmark::DoNotOptimize(words);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_MeasureLine)->Unit(benchmark::kMillisecond);

void StructuralRuleCheck(benchmark::State& state, const StructuralRule* rule) {
  const Fixture& f = Fixture::Get();
  // The rule's candidates and the block positions, per document, untimed.
  std::vector<std::vector<RuleMatch>> candidates(f.docs.size());
  const std::vector<PatternSpec> patterns = rule->CandidatePatterns();
  if (!patterns.empty()) {
    std::unique_ptr<Scanner> scanner = std::move(*Scanner::Compile(patterns));
    for (size_t i = 0; i < f.docs.size(); ++i) {
      std::vector<RawMatch> raw;
      (void)scanner->Scan(f.docs[i].text(), &raw);
      for (const RawMatch& m : raw) candidates[i].push_back({m.pattern, m.begin, m.end});
    }
  }
  for (size_t i = 0; i < f.docs.size(); ++i) {
    rule->FindCandidates(f.docs[i].text(), &candidates[i]);
    std::sort(candidates[i].begin(), candidates[i].end(),
              [](const RuleMatch& a, const RuleMatch& b) {
                return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
              });
  }
  std::vector<BlockPositions> positions;
  for (const Document& doc : f.docs) {
    positions.emplace_back(doc, std::vector<bool>(doc.lines().size(), false),
                           std::vector<size_t>(doc.lines().size(), 0));
  }
  size_t findings = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < f.docs.size(); ++i) {
      std::vector<Finding> out;
      RuleContext context{f.docs[i], f.words, *f.dictionaries, kLanguage, f.profiles};
      context.positions = &positions[i];
      context.candidates = candidates[i];
      rule->Check(context, &out);
      findings += out.size();
    }
  }
  state.counters["findings/doc"] = benchmark::Counter(
      static_cast<double>(findings) / static_cast<double>(state.iterations() * f.docs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}

// One benchmark per structural rule and per data rule's patterns.
[[maybe_unused]] const bool kRegistered = [] {
  const Fixture& f = Fixture::Get();
  for (const auto& rule : f.structural) {
    benchmark::RegisterBenchmark(("BM_StructuralRule/" + rule->id()).c_str(), StructuralRuleCheck,
                                 rule.get())
        ->Unit(benchmark::kMillisecond);
  }
  // The rules that find (some of) their candidates with their own pass:
  // those that find some in the corpus or in a line of the shapes the
  // finders look for (the corpus may hold none of a rule's, as it holds no
  // lost sentence break).
  for (const auto& rule : f.structural) {
    std::vector<RuleMatch> probe;
    for (const std::string& t : f.texts) rule->FindCandidates(t, &probe);
    rule->FindCandidates("It ended , so  they left!! Then came.The rest,next.", &probe);
    if (probe.empty()) continue;
    benchmark::RegisterBenchmark(
        ("BM_FindCandidates/" + rule->id()).c_str(),
        [rule = rule.get()](benchmark::State& state) {
          const Fixture& f = Fixture::Get();
          size_t found = 0;
          for (auto _ : state) {
            for (const Document& doc : f.docs) {
              std::vector<RuleMatch> out;
              rule->FindCandidates(doc.text(), &out);
              found += out.size();
            }
          }
          state.counters["candidates/doc"] = benchmark::Counter(
              static_cast<double>(found) / static_cast<double>(state.iterations() * f.docs.size()));
          state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
        })
        ->Unit(benchmark::kMillisecond);
  }
  for (const auto& rule : f.structural) {
    std::vector<PatternSpec> patterns = rule->CandidatePatterns();
    if (patterns.empty()) continue;
    benchmark::RegisterBenchmark(
        ("BM_ScanRule/" + rule->id()).c_str(),
        [patterns = std::move(patterns)](benchmark::State& state) { ScanAll(state, patterns); })
        ->Unit(benchmark::kMillisecond);
  }
  // The whole database without one rule's patterns: how much that rule
  // drags the one scan down.
  auto without = [&f](const std::vector<PatternSpec>& left_out) {
    std::vector<PatternSpec> rest;
    for (const PatternSpec& p : f.all_patterns) {
      bool skip = false;
      for (const PatternSpec& q : left_out) skip = skip || (p.text == q.text && p.origin == q.origin);
      if (!skip) rest.push_back(p);
    }
    return rest;
  };
  for (const auto& rule : f.structural) {
    const std::vector<PatternSpec> patterns = rule->CandidatePatterns();
    if (patterns.empty()) continue;
    benchmark::RegisterBenchmark(
        ("BM_ScanWithout/" + rule->id()).c_str(),
        [rest = without(patterns)](benchmark::State& state) { ScanAll(state, rest); })
        ->Unit(benchmark::kMillisecond);
  }
  for (const auto& rule : f.rules->data_rules()) {
    benchmark::RegisterBenchmark(
        ("BM_ScanWithout/" + rule->id()).c_str(),
        [rest = without(rule->patterns())](benchmark::State& state) { ScanAll(state, rest); })
        ->Unit(benchmark::kMillisecond);
  }
  for (const auto& rule : f.rules->data_rules()) {
    benchmark::RegisterBenchmark(
        ("BM_ScanRule/" + rule->id()).c_str(),
        [patterns = rule->patterns()](benchmark::State& state) { ScanAll(state, patterns); })
        ->Unit(benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace
}  // namespace mtclean::internal
