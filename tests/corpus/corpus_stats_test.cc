// CorpusStats: the stats of parts of a corpus, merged, are those of the
// whole, and serialise as the CLI's --stats file.
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "mtclean/corpus.h"
#include "nlohmann/json.hpp"
#include "tests/cli/shell.h"
#include "tests/corpus/corpus_engine_test.h"
#include "tests/corpus/corpus_fixture.h"
#include "tests/corpus/corpus_sink.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::KeepingSink;
using ::mtclean::testing::LinesOf;
using ::mtclean::testing::MakeCorpus;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::RunOutput;
using ::mtclean::testing::Scratch;
using ::mtclean::testing::Shell;

class CorpusStatsTest : public testing::CorpusEngineTest {
 protected:
  // The stats of a CleanStream run over `corpus`.
  static CorpusStats StreamStats(const RecordCleaner& cleaner, const std::string& corpus,
                                 int jobs) {
    std::istringstream in(corpus);
    KeepingSink sink;
    const CorpusRun run = CleanStream(cleaner, *engine_, in, "part", sink, jobs);
    EXPECT_TRUE(run.status.ok()) << run.status;
    return run.stats;
  }
};

TEST_F(CorpusStatsTest, ThreePartsMergedAreTheWholeAndItsCliStatsFile) {
  ASSERT_NE(engine_, nullptr);
  // The generated corpus with two bad records, and its lines cut in three
  // parts of unequal sizes.
  std::vector<std::string> lines = LinesOf(MakeCorpus(1500));
  lines.insert(lines.begin() + 100, "not a record\n");
  lines.insert(lines.begin() + 1200, "{\"title\":\"no text here\"}\n");
  std::string parts[3];
  std::string whole;
  for (size_t i = 0; i < lines.size(); ++i) {
    parts[i < 400 ? 0 : i < 1100 ? 1 : 2] += lines[i];
    whole += lines[i];
  }

  absl::StatusOr<RecordCleaner> cleaner =
      RecordCleaner::Create({.skip_bad_records = true});
  ASSERT_TRUE(cleaner.ok()) << cleaner.status();
  CorpusStats merged;
  for (const std::string& part : parts) merged.Merge(StreamStats(*cleaner, part, 2));
  CorpusStats backwards;
  for (int i = 2; i >= 0; --i) backwards.Merge(StreamStats(*cleaner, parts[i], 1));
  const CorpusStats all = StreamStats(*cleaner, whole, 3);
  EXPECT_EQ(merged, all);
  EXPECT_EQ(backwards, all);
  EXPECT_EQ(all.bad_records, 2u);
  EXPECT_EQ(all.documents, 1500u);
  EXPECT_EQ(all.bytes, whole.size());
  EXPECT_GE(all.rules.size(), 3u);

  // The CLI's --stats file of the whole, byte for byte, given the run
  // facts that are not counts (read back from that file).
  Scratch scratch;
  scratch.Write("c.jsonl", whole);
  const RunOutput r =
      Shell("$MTCLEAN fix --jsonl --skip-bad-records --jobs 2 --stats stats.json c.jsonl",
            scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string file = ReadFile(scratch.Path("stats.json"));
  const nlohmann::json cli = nlohmann::json::parse(file);
  const CorpusRunInfo info{.inputs = cli["inputs"].get<size_t>(),
                           .jobs = cli["jobs"].get<int>(),
                           .seconds = cli["seconds"].get<double>()};
  EXPECT_EQ(info.inputs, 1u);
  EXPECT_EQ(info.jobs, 2);
  EXPECT_EQ(CorpusStatsJson(merged, info), file);

  // Read back: every count but `failing`, which the file does not hold.
  absl::StatusOr<CorpusStats> parsed = ParseCorpusStats(file);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  CorpusStats without_failing = merged;
  without_failing.failing = 0;
  EXPECT_EQ(*parsed, without_failing);
  EXPECT_EQ(CorpusStatsJson(*parsed, info), file);
}

TEST(CorpusStatsMergeTest, EveryCountIsAdded) {
  CorpusStats a{.documents = 3, .documents_with_findings = 2, .documents_changed = 1,
                .bad_records = 1, .bytes = 100, .text_bytes = 80, .text_bytes_out = 70,
                .failing = 4,
                .rules = {{"scrape.comment-form", {.findings = 2, .fixed = 1, .bytes_removed = 10}}}};
  const CorpusStats b{
      .documents = 5, .documents_with_findings = 1, .documents_changed = 1, .bad_records = 0,
      .bytes = 200, .text_bytes = 150, .text_bytes_out = 149, .failing = 1,
      .rules = {{"scrape.comment-form", {.findings = 1, .fixed = 1, .bytes_removed = 1}},
                {"text.doubled-word", {.findings = 3, .fixed = 0, .bytes_removed = 0}}}};
  a.Merge(b);
  const CorpusStats sum{
      .documents = 8, .documents_with_findings = 3, .documents_changed = 2, .bad_records = 1,
      .bytes = 300, .text_bytes = 230, .text_bytes_out = 219, .failing = 5,
      .rules = {{"scrape.comment-form", {.findings = 3, .fixed = 2, .bytes_removed = 11}},
                {"text.doubled-word", {.findings = 3, .fixed = 0, .bytes_removed = 0}}}};
  EXPECT_EQ(a, sum);
  CorpusStats empty;
  empty.Merge(sum);
  EXPECT_EQ(empty, sum);
}

TEST(CorpusStatsJsonTest, WritesTheSchemaWithRunFactsAndSpeed) {
  const CorpusStats stats{.documents = 2, .bytes = 3'000'000,
                          .rules = {{"scrape.share-widget", {.findings = 1, .fixed = 1,
                                                             .bytes_removed = 30}}}};
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(
      CorpusStatsJson(stats, {.inputs = 4, .jobs = 3, .seconds = 1.5}));
  EXPECT_EQ(j["schema"], "mtclean-corpus-stats");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["inputs"], 4);
  EXPECT_EQ(j["jobs"], 3);
  EXPECT_EQ(j["documents"], 2);
  EXPECT_EQ(j["seconds"], 1.5);
  EXPECT_EQ(j["mb_per_s"], 2.0);
  EXPECT_EQ(j["rules"]["scrape.share-widget"]["bytes_removed"], 30);
  EXPECT_FALSE(j.contains("failing"));
  EXPECT_EQ(nlohmann::ordered_json::parse(CorpusStatsJson({}, {}))["mb_per_s"], 0.0)
      << "no time, no speed";
}

TEST(ParseCorpusStatsTest, RefusesWhatIsNotAStatsFile) {
  const std::string good = CorpusStatsJson(
      {.documents = 1, .rules = {{"a.b", {.findings = 1}}}}, {.seconds = 0.25});
  ASSERT_TRUE(ParseCorpusStats(good).ok());
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"", "corpus stats: not a JSON object"},
      {"[1, 2]", "corpus stats: not a JSON object"},
      {R"({"schema":"other","version":1})", "corpus stats: not mtclean-corpus-stats version 1"},
      {R"({"schema":"mtclean-corpus-stats","version":2})",
       "corpus stats: not mtclean-corpus-stats version 1"},
      {absl::StrCat(good.substr(0, good.find("\"documents\":")), "\"documents\": -1}"),
       "corpus stats: `documents` is not a count"},
      {R"({"schema":"mtclean-corpus-stats","version":1,"documents":1,"documents_with_findings":0,
          "documents_changed":0,"bad_records":0,"bytes":1,"text_bytes":1,"text_bytes_out":1})",
       "corpus stats: `rules` is not an object"},
      {R"({"schema":"mtclean-corpus-stats","version":1,"documents":1,"documents_with_findings":0,
          "documents_changed":0,"bad_records":0,"bytes":1,"text_bytes":1,"text_bytes_out":1,
          "rules":{"a.b":{"findings":1,"fixed":"one","bytes_removed":0}}})",
       "corpus stats: rule `a.b`: `fixed` is not a count"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<CorpusStats> parsed = ParseCorpusStats(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_EQ(parsed.status().message(), c.message) << c.text;
  }
}

TEST_F(CorpusStatsTest, TextsAddedOneByOneCountAsTheirRecordsDo) {
  ASSERT_NE(engine_, nullptr);
  // What a client without records (the Python package's clean_batch) counts
  // is what corpus mode counts for the same texts, but the records' bytes.
  const std::vector<std::string> lines = LinesOf(MakeCorpus(200));
  const RecordCleaner cleaner = Cleaner();
  CorpusStats from_records;
  CorpusStats from_texts;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view record = std::string_view(lines[i]).substr(0, lines[i].size() - 1);
    absl::StatusOr<CleanedRecord> cleaned = cleaner.Clean(*engine_, record, "part", i + 1);
    ASSERT_TRUE(cleaned.ok()) << cleaned.status();
    from_records.Merge(cleaned->stats);
    const nlohmann::json parsed = nlohmann::json::parse(record);
    const std::string text = parsed["text"].get<std::string>();
    absl::StatusOr<Result> result = engine_->Clean("text", text);
    ASSERT_TRUE(result.ok()) << result.status();
    from_texts.AddDocument(text, *result);
  }
  ASSERT_GT(from_records.documents_changed, 0u);
  from_texts.bytes = from_records.bytes;
  EXPECT_EQ(from_texts, from_records);
}

}  // namespace
}  // namespace mtclean
