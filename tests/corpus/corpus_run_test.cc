// CleanCorpus, CleanStream and CleanBatch: streams of records on several
// threads, in input order, with the CLI's bytes.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "mtclean/corpus.h"
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
using ::mtclean::testing::StringSource;

class CorpusRunTest : public testing::CorpusEngineTest {
 protected:
  // An input over `bytes`, read `step` bytes at a time.
  static CorpusInput FromString(std::string name, std::string bytes, size_t step,
                                std::optional<size_t> fail_at = std::nullopt) {
    CorpusInput input;
    input.name = name;
    input.engine = engine_;
    input.open = [=]() -> absl::StatusOr<std::unique_ptr<ByteSource>> {
      return std::make_unique<StringSource>(name, bytes, step, fail_at);
    };
    return input;
  }

  // What CleanStream makes of `corpus`.
  static CorpusRun Stream(const RecordCleaner& cleaner, const std::string& corpus,
                          KeepingSink* sink, int jobs, const std::string& name = "s.jsonl") {
    std::istringstream in(corpus);
    return CleanStream(cleaner, *engine_, in, name, *sink, jobs);
  }
};

// The generated corpus with some `\r\n` line ends and a last line without
// a newline.
std::string MixedLineEnds(int records) {
  std::string corpus;
  const std::vector<std::string> lines = LinesOf(MakeCorpus(records));
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (i % 5 == 2) line.insert(line.size() - 1, "\r");
    if (i + 1 == lines.size()) line.pop_back();
    corpus += line;
  }
  return corpus;
}

TEST_F(CorpusRunTest, StreamWritesTheCliBytesInFixAndCheck) {
  ASSERT_NE(engine_, nullptr);
  Scratch scratch;
  // About 2 MB: several units of work for three workers.
  const std::string corpus = MixedLineEnds(2500);
  scratch.Write("c.jsonl", corpus);
  const RunOutput fix =
      Shell("$MTCLEAN fix --jsonl --annotate --rejects r.jsonl --jobs 2 c.jsonl",
            scratch.dir().string());
  ASSERT_EQ(fix.exit_code, 0) << fix.err;
  const RunOutput check = Shell("$MTCLEAN check --jsonl c.jsonl", scratch.dir().string());
  ASSERT_EQ(check.exit_code, 1) << check.err;

  KeepingSink fixed;
  std::ifstream file(scratch.Path("c.jsonl"), std::ios::binary);
  const CorpusRun run = CleanStream(Cleaner({.annotate = true, .rejects = true}), *engine_, file,
                                    "c.jsonl", fixed, 3);
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_TRUE(fixed.out == fix.out) << "the output differs from mtclean fix --jsonl --annotate";
  EXPECT_TRUE(fixed.rejects == ReadFile(scratch.Path("r.jsonl")))
      << "the rejects differ from --rejects";
  EXPECT_NE(fixed.out, corpus);
  EXPECT_EQ(run.stats.documents, 2500u);
  EXPECT_EQ(run.stats.bytes, corpus.size());

  KeepingSink checked;
  const CorpusRun check_run = Stream(Cleaner({.fix = false}), corpus, &checked, 3, "c.jsonl");
  ASSERT_TRUE(check_run.status.ok()) << check_run.status;
  EXPECT_FALSE(checked.out.empty());
  EXPECT_TRUE(checked.out == check.out) << "the output differs from mtclean check --jsonl";
}

TEST_F(CorpusRunTest, SeveralThreadsKeepTheOrderOfOneRecordAtATime) {
  ASSERT_NE(engine_, nullptr);
  const std::string corpus = MixedLineEnds(2500);
  const RecordCleaner cleaner = Cleaner({.annotate = true});
  // One record at a time, with RecordCleaner::Clean: each output line ends
  // as its input line did (`\r\n`, `\n`, or `\n` for the last line, which
  // has none), and counts the bytes it had.
  std::string expected;
  CorpusStats expected_stats;
  uint64_t line = 0;
  for (const std::string& l : LinesOf(corpus)) {
    const std::string_view terminator = l.ends_with("\r\n") ? "\r\n" : l.ends_with("\n") ? "\n" : "";
    absl::StatusOr<CleanedRecord> r = cleaner.Clean(
        *engine_, std::string_view(l).substr(0, l.size() - terminator.size()), "s.jsonl", ++line);
    ASSERT_TRUE(r.ok()) << r.status();
    expected += r->output;
    expected += terminator.empty() ? std::string_view("\n") : terminator;
    r->stats.bytes = l.size();
    expected_stats.Merge(r->stats);
  }
  EXPECT_EQ(line, 2500u);
  for (const int jobs : {1, 4}) {
    KeepingSink sink;
    const CorpusRun run = Stream(cleaner, corpus, &sink, jobs);
    ASSERT_TRUE(run.status.ok()) << run.status;
    EXPECT_TRUE(sink.out == expected) << "jobs " << jobs;
    EXPECT_EQ(run.stats, expected_stats) << "jobs " << jobs;
    EXPECT_EQ(run.failed_inputs, 0u);
    // Progress after every unit of work, rising to the whole.
    ASSERT_GT(sink.documents.size(), 2u) << "several units of work";
    EXPECT_TRUE(std::is_sorted(sink.documents.begin(), sink.documents.end()));
    EXPECT_EQ(sink.documents.back(), 2500u);
    EXPECT_EQ(sink.consumed.back(), corpus.size());
  }
}

TEST_F(CorpusRunTest, BadRecordStopsTheRunAfterTheRecordsBeforeIt) {
  ASSERT_NE(engine_, nullptr);
  const std::vector<std::string> lines = LinesOf(MakeCorpus(8));
  std::string corpus;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == 4) corpus += "{broken\n";
    corpus += lines[i];
  }
  const RecordCleaner cleaner = Cleaner();
  std::string before;
  for (size_t i = 0; i < 4; ++i) {
    absl::StatusOr<CleanedRecord> r =
        cleaner.Clean(*engine_, std::string_view(lines[i]).substr(0, lines[i].size() - 1), "s", 1);
    ASSERT_TRUE(r.ok()) << r.status();
    absl::StrAppend(&before, r->output, "\n");
  }

  KeepingSink sink;
  const CorpusRun run = Stream(cleaner, corpus, &sink, 2);
  EXPECT_EQ(run.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(run.status.message(), "s.jsonl:5: bad record: column 2: expected a key");
  EXPECT_EQ(sink.out, before);
  EXPECT_EQ(run.stats.documents, 4u);

  // Passed through and counted instead, every bad record named in order.
  const std::string more = absl::StrReplaceAll(corpus, {{"\"id\":6,", "\"id\":6"}});
  KeepingSink skipping;
  const CorpusRun skipped = Stream(Cleaner({.skip_bad_records = true}), more, &skipping, 2);
  ASSERT_TRUE(skipped.status.ok()) << skipped.status;
  EXPECT_EQ(skipped.stats.bad_records, 2u);
  EXPECT_EQ(skipped.stats.documents, 7u);
  ASSERT_EQ(skipping.bad.size(), 2u);
  EXPECT_EQ(skipping.bad[0], "s.jsonl:5: bad record: column 2: expected a key");
  EXPECT_EQ(skipping.bad[1], "s.jsonl:8: bad record: column 9: expected `,` or `}`");
  const std::vector<std::string> out = LinesOf(skipping.out);
  ASSERT_EQ(out.size(), 9u);
  EXPECT_EQ(out[4], "{broken\n");
  EXPECT_EQ(out[7], LinesOf(more)[7]) << "passed through unchanged";
}

TEST_F(CorpusRunTest, InputsRunInOrderAndOnesThatFailAreReported) {
  ASSERT_NE(engine_, nullptr);
  const std::string a = MakeCorpus(30);
  const std::string d = MakeCorpus(12);
  std::vector<CorpusInput> inputs;
  inputs.push_back(FromString("a.jsonl", a, 7));  // 7 bytes a read: lines cross reads
  CorpusInput missing;
  missing.name = "b.jsonl";
  missing.engine = engine_;
  missing.open = []() -> absl::StatusOr<std::unique_ptr<ByteSource>> {
    return absl::NotFoundError("b.jsonl: cannot read: No such file or directory");
  };
  inputs.push_back(std::move(missing));
  inputs.push_back(FromString("c.jsonl", MakeCorpus(5), 64, /*fail_at=*/100));
  inputs.push_back(FromString("d.jsonl", d, 1 << 20));

  const RecordCleaner cleaner = Cleaner({.fix = false});
  KeepingSink sink;
  const CorpusRun run = CleanCorpus(cleaner, inputs, sink, 2);
  ASSERT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.failed_inputs, 2u);
  EXPECT_EQ(sink.input_errors, (std::vector<std::string>{
                                   "b.jsonl: cannot read: No such file or directory",
                                   "c.jsonl: connection lost"}));
  // Check lines of a.jsonl, then of d.jsonl, each naming its input.
  KeepingSink only_a;
  KeepingSink only_d;
  ASSERT_TRUE(Stream(cleaner, a, &only_a, 1, "a.jsonl").status.ok());
  ASSERT_TRUE(Stream(cleaner, d, &only_d, 1, "d.jsonl").status.ok());
  EXPECT_FALSE(only_a.out.empty());
  EXPECT_FALSE(only_d.out.empty());
  EXPECT_EQ(sink.out, only_a.out + only_d.out);
  EXPECT_EQ(run.stats.documents, 42u);
}

TEST_F(CorpusRunTest, UnreadableStreamIsAnInputError) {
  ASSERT_NE(engine_, nullptr);
  std::ifstream nowhere("/nonexistent/corpus.jsonl");
  KeepingSink sink;
  const CorpusRun run = CleanStream(Cleaner(), *engine_, nowhere, "corpus.jsonl", sink, 1);
  EXPECT_TRUE(run.status.ok()) << run.status;
  EXPECT_EQ(run.failed_inputs, 1u);
  EXPECT_EQ(sink.input_errors, std::vector<std::string>{"corpus.jsonl: read error"});
  EXPECT_EQ(sink.out, "");
}

TEST_F(CorpusRunTest, SinkErrorStopsTheRun) {
  ASSERT_NE(engine_, nullptr);
  const std::string corpus = MakeCorpus(2500);
  KeepingSink sink;
  sink.fail_on_write = 1;
  const CorpusRun run = Stream(Cleaner(), corpus, &sink, 2);
  EXPECT_EQ(run.status, absl::DataLossError("disk full"));
  EXPECT_EQ(sink.writes, 1);
  EXPECT_GT(run.stats.documents, 0u);
  EXPECT_LT(run.stats.documents, 2500u) << "no unit of work after the failing one is handed out";
}

TEST_F(CorpusRunTest, BatchResultsComeInTheOrderOfTheTexts) {
  ASSERT_NE(engine_, nullptr);
  std::vector<std::string> texts;
  for (int i = 0; i < 80; ++i) {
    texts.push_back(absl::StrCat("Bulletin ", i, ".\n\nThe station opens a new platform in spring.",
                                 i % 3 == 0 ? "\n\nLeave a Reply\n" : "\n"));
  }
  texts[3] = "Invalid \xC3 byte.\n";
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  const std::vector<absl::StatusOr<Result>> results = CleanBatch(*engine_, views, 4);
  ASSERT_EQ(results.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    absl::StatusOr<Result> one = engine_->Clean(absl::StrCat("texts[", i, "]"), texts[i]);
    ASSERT_EQ(results[i].ok(), one.ok()) << i;
    if (!one.ok()) {
      EXPECT_EQ(results[i].status(), one.status());
      continue;
    }
    EXPECT_EQ(results[i]->cleaned, one->cleaned) << i;
    EXPECT_EQ(testing::RuleIds(*results[i]), testing::RuleIds(*one)) << i;
  }
  EXPECT_TRUE(results[0]->cleaned.ends_with("new platform in spring.\n"));
  ASSERT_FALSE(results[3].ok());
  EXPECT_EQ(results[3].status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(results[3].status().message(), "texts[3]: ")) << results[3].status();

  const std::vector<std::string_view> names = {"first", "second"};
  const std::vector<std::string_view> bad = {"Fine text.\n", "Bad \xFF text.\n"};
  const std::vector<absl::StatusOr<Result>> named =
      CleanBatch(*engine_, bad, 0, TextFormat::kPlain, names);
  ASSERT_EQ(named.size(), 2u);
  EXPECT_TRUE(named[0].ok()) << named[0].status();
  ASSERT_FALSE(named[1].ok());
  EXPECT_TRUE(absl::StartsWith(named[1].status().message(), "second: ")) << named[1].status();
  EXPECT_TRUE(CleanBatch(*engine_, {}, 2).empty());
}

TEST(WorkerCountTest, NonPositiveMeansOnePerCore) {
  EXPECT_EQ(WorkerCount(3), 3);
  EXPECT_GE(WorkerCount(0), 1);
  EXPECT_EQ(WorkerCount(-1), WorkerCount(0));
}

}  // namespace
}  // namespace mtclean
