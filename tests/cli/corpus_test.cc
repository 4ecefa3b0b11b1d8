// End-to-end tests of corpus mode (`check|fix --jsonl`) on real files.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"
#include "tests/cli/shell.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::ReadFile;
using ::mtclean::testing::RunOutput;
using ::mtclean::testing::Scratch;
using ::mtclean::testing::Shell;
using nlohmann::json;

// A story with a comment-form footer, as a JSON string token, and the same
// story cleaned.
constexpr char kDirtyToken[] =
    R"("The harbour authority reopened the northern pier on Monday after three weeks of repairs.\n\nFishing boats were back at their moorings by the afternoon.\n\nLeave a Reply\n")";
constexpr char kCleanToken[] =
    R"("The harbour authority reopened the northern pier on Monday after three weeks of repairs.\n\nFishing boats were back at their moorings by the afternoon.\n")";
constexpr char kCleanStory[] =
    R"("The regional council approved the new budget for rural bus lines on Tuesday.\n\nThe first routes start in March.\n")";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(CorpusTest, OnlyTheFieldChangesAndKeyOrderIsKept) {
  Scratch scratch;
  const std::string dirty =
      absl::StrCat(R"({"url":"https://example.org/a","id":7, "meta" : {"n":1.50,"z":null},"text":)",
                   kDirtyToken, R"(,"tags":["port",{"b":true}],"lang":"en"})");
  const std::string clean = absl::StrCat(R"({ "zeta":1e5,"text" : )", kCleanStory, R"( ,"a":[]})");
  scratch.Write("in.jsonl", dirty + "\n" + clean + "\n");
  const RunOutput r = Shell("$MTCLEAN fix --jsonl --jobs 1 in.jsonl", scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Replace(dirty, kDirtyToken, kCleanToken) + "\n" + clean + "\n");
}

TEST(CorpusTest, LineEndingsAndAMissingFinalNewline) {
  Scratch scratch;
  const std::string a = absl::StrCat(R"({"text":)", kDirtyToken, "}");
  const std::string b = absl::StrCat(R"({"text":)", kCleanStory, "}");
  scratch.Write("in.jsonl", a + "\r\n" + b);
  const RunOutput r = Shell("$MTCLEAN fix --jsonl in.jsonl", scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Replace(a, kDirtyToken, kCleanToken) + "\r\n" + b + "\n");
}

TEST(CorpusTest, UnicodeEscapesAndNestedField) {
  Scratch scratch;
  // Written by an ASCII-only encoder: accents and the emoji as \u escapes.
  const std::string body =
      R"("Le conseil r\u00e9gional a vot\u00e9 le budget des lignes de bus mardi \ud83d\ude8c.\n\nLes premi\u00e8res lignes ouvriront en mars.\n\nLaisser un commentaire\n")";
  const std::string record = absl::StrCat(R"({"text":"a headline field","doc":{"lang":"fr","body":)",
                                          body, R"(},"n":2})");
  scratch.Write("in.jsonl", record + "\n");
  const RunOutput r =
      Shell("$MTCLEAN fix --jsonl --field doc.body in.jsonl", scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json out = json::parse(r.out);
  EXPECT_EQ(out["doc"]["body"].get<std::string>(),
            "Le conseil régional a voté le budget des lignes de bus mardi \xF0\x9F\x9A\x8C.\n\n"
            "Les premières lignes ouvriront en mars.\n");
  EXPECT_EQ(out["text"], "a headline field");
  // Still ASCII-only, and everything around the field is as it was.
  for (const char c : r.out) ASSERT_LT(static_cast<unsigned char>(c), 0x80) << r.out;
  EXPECT_EQ(r.out.substr(0, r.out.find(R"("body":)")),
            record.substr(0, record.find(R"("body":)")));
  EXPECT_TRUE(r.out.ends_with("},\"n\":2}\n")) << r.out;
}

TEST(CorpusTest, GzipAndZstdInputsGiveThePlainOutput) {
  Scratch scratch;
  std::string corpus;
  for (int i = 0; i < 50; ++i) {
    absl::StrAppend(&corpus, R"({"id":)", i, R"(,"text":)", i % 3 == 0 ? kDirtyToken : kCleanStory,
                    "}\n");
  }
  scratch.Write("c.jsonl", corpus);
  // Two gzip members one after the other, as `cat a.gz b.gz` makes.
  const RunOutput pack = Shell(
      "head -n 20 c.jsonl | gzip -c > c.jsonl.gz && tail -n +21 c.jsonl | gzip -c >> c.jsonl.gz "
      "&& zstd -q c.jsonl -o c.jsonl.zst",
      scratch.dir().string());
  ASSERT_EQ(pack.exit_code, 0) << pack.err;
  const RunOutput plain = Shell("$MTCLEAN fix --jsonl c.jsonl", scratch.dir().string());
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(Lines(plain.out).size(), 50u);
  EXPECT_NE(plain.out, corpus);
  for (const std::string command : {"$MTCLEAN fix --jsonl c.jsonl.gz",
                                    "$MTCLEAN fix --jsonl c.jsonl.zst",
                                    "$MTCLEAN fix --jsonl - < c.jsonl.gz",
                                    "zstd -dc c.jsonl.zst | $MTCLEAN fix --jsonl -"}) {
    const RunOutput r = Shell(command, scratch.dir().string());
    EXPECT_EQ(r.exit_code, 0) << command << ": " << r.err;
    EXPECT_EQ(r.out, plain.out) << command;
  }
}

TEST(CorpusTest, CorruptCompressedInputIsAnErrorNamingIt) {
  Scratch scratch;
  scratch.Write("c.jsonl", absl::StrCat(R"({"text":)", kCleanStory, "}\n"));
  const RunOutput r = Shell(
      "gzip -c c.jsonl | head -c 30 > cut.jsonl.gz && $MTCLEAN fix --jsonl cut.jsonl.gz",
      scratch.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("cut.jsonl.gz"), std::string::npos) << r.err;
}

TEST(CorpusTest, OrderIsKeptUnderFourJobs) {
  Scratch scratch;
  // Enough records for many units of work, dirty and clean ones mixed.
  std::string corpus;
  const std::string filler =
      R"(The ministry said the new timetable would add two evening trains between the coast and the capital. )";
  const int kRecords = 3000;
  for (int i = 0; i < kRecords; ++i) {
    std::string text = "\"Report number " + std::to_string(i) + ".\\n\\n";
    for (int k = 0; k < 4 + i % 7; ++k) text += filler;
    text += i % 4 == 0 ? "\\n\\nShare this:\\nClick to share on Twitter\\n\"" : "\\n\"";
    absl::StrAppend(&corpus, R"({"id":)", i, R"(,"text":)", text, "}\n");
  }
  scratch.Write("c.jsonl", corpus);
  const RunOutput one = Shell("$MTCLEAN fix --jsonl --jobs 1 c.jsonl", scratch.dir().string());
  const RunOutput four = Shell("$MTCLEAN fix --jsonl --jobs 4 c.jsonl", scratch.dir().string());
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(four.exit_code, 0) << four.err;
  const std::vector<std::string> lines = Lines(four.out);
  ASSERT_EQ(lines.size(), static_cast<size_t>(kRecords));
  for (int i = 0; i < kRecords; ++i) {
    ASSERT_TRUE(lines[i].starts_with(R"({"id":)" + std::to_string(i) + ",")) << i;
  }
  EXPECT_EQ(four.out, one.out);
  EXPECT_EQ(four.out.find("Share this"), std::string::npos);
}

TEST(CorpusTest, AnnotateAddsFindingsAndEdits) {
  Scratch scratch;
  scratch.Write("in.jsonl", absl::StrCat(R"({"id":1,"text":)", kDirtyToken, "}\n",
                                         R"({"text":)", kCleanStory, R"(,"mtclean":{"old":1}})",
                                         "\n{\"text\":\"Short note.\"}\n"));
  const RunOutput r = Shell("$MTCLEAN fix --jsonl --annotate in.jsonl", scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  const json first = json::parse(lines[0]);
  const std::string original = json::parse(kDirtyToken).get<std::string>();
  const size_t footer = original.find("Leave a Reply");
  ASSERT_EQ(first["mtclean"]["findings"].size(), 1u) << lines[0];
  const json& f = first["mtclean"]["findings"][0];
  EXPECT_EQ(f["rule"], "scrape.comment-form");
  EXPECT_EQ(f["severity"], "error");
  EXPECT_EQ(f["begin"], footer);
  EXPECT_EQ(f["end"], footer + std::string("Leave a Reply").size());
  EXPECT_EQ(f["fixed"], true);
  ASSERT_EQ(first["mtclean"]["edits"].size(), 1u);
  const json& e = first["mtclean"]["edits"][0];
  EXPECT_EQ(original.substr(e["begin"].get<size_t>(),
                            e["end"].get<size_t>() - e["begin"].get<size_t>()),
            "\n\nLeave a Reply");
  EXPECT_EQ(e["replacement"], "");
  EXPECT_TRUE(lines[0].starts_with(R"({"id":1,"text":)")) << lines[0];
  // An earlier annotation is replaced, not repeated.
  EXPECT_EQ(lines[1], absl::StrCat(R"({"text":)", kCleanStory,
                                   R"(,"mtclean":{"findings":[],"edits":[]}})"));
  EXPECT_EQ(json::parse(lines[2])["mtclean"]["findings"], json::array());
}

TEST(CorpusTest, RejectsListWhatWasRemovedWithTheRule) {
  Scratch scratch;
  scratch.Write("in.jsonl", absl::StrCat(R"({"text":)", kCleanStory, "}\n", R"({"text":)",
                                         kDirtyToken, "}\n"));
  const RunOutput r =
      Shell("$MTCLEAN fix --jsonl --rejects rejects.jsonl in.jsonl > out.jsonl",
            scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> rejects = Lines(ReadFile(scratch.Path("rejects.jsonl")));
  ASSERT_EQ(rejects.size(), 1u);
  const json reject = json::parse(rejects[0]);
  EXPECT_EQ(reject["input"], "in.jsonl");
  EXPECT_EQ(reject["line"], 2);
  EXPECT_EQ(reject["rule"], "scrape.comment-form");
  EXPECT_EQ(reject["removed"], "\n\nLeave a Reply");
  EXPECT_EQ(reject["replacement"], "");
}

TEST(CorpusTest, StatsCountDocumentsBytesAndRules) {
  Scratch scratch;
  const std::string corpus = absl::StrCat(R"({"text":)", kCleanStory, "}\n", R"({"text":)",
                                          kDirtyToken, "}\n", "not json\n", R"({"text":)",
                                          kDirtyToken, "}\n");
  scratch.Write("in.jsonl", corpus);
  const RunOutput r = Shell(
      "$MTCLEAN fix --jsonl --skip-bad-records --stats stats.json in.jsonl > /dev/null",
      scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json stats = json::parse(ReadFile(scratch.Path("stats.json")));
  EXPECT_EQ(stats["schema"], "mtclean-corpus-stats");
  EXPECT_EQ(stats["documents"], 3);
  EXPECT_EQ(stats["documents_changed"], 2);
  EXPECT_EQ(stats["bad_records"], 1);
  EXPECT_EQ(stats["bytes"], corpus.size());
  const size_t story = json::parse(kDirtyToken).get<std::string>().size();
  const size_t cleaned = json::parse(kCleanToken).get<std::string>().size();
  const size_t other = json::parse(kCleanStory).get<std::string>().size();
  EXPECT_EQ(stats["text_bytes"], 2 * story + other);
  EXPECT_EQ(stats["text_bytes_out"], 2 * cleaned + other);
  EXPECT_EQ(stats["rules"]["scrape.comment-form"]["findings"], 2);
  EXPECT_EQ(stats["rules"]["scrape.comment-form"]["fixed"], 2);
  EXPECT_EQ(stats["rules"]["scrape.comment-form"]["bytes_removed"], 2 * (story - cleaned));
  EXPECT_GE(stats["seconds"].get<double>(), 0.0);
  EXPECT_TRUE(stats["mb_per_s"].is_number());
}

TEST(CorpusTest, MalformedRecordStopsTheRunNamingInputAndLine) {
  Scratch scratch;
  const std::string good = absl::StrCat(R"({"text":)", kCleanStory, "}");
  scratch.Write("in.jsonl", good + "\n{\"text\": \"unfinished\n" + good + "\n");
  const RunOutput r = Shell("$MTCLEAN fix --jsonl in.jsonl", scratch.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("in.jsonl:2: bad record: column 21"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, good + "\n");
}

TEST(CorpusTest, SkipBadRecordsPassesThemThroughAndCounts) {
  Scratch scratch;
  const std::string good = absl::StrCat(R"({"text":)", kDirtyToken, "}");
  const std::string no_field = R"({"title":"Budget passes"})";
  scratch.Write("in.jsonl", good + "\n{broken\n" + no_field + "\n" + good + "\n");
  const RunOutput r =
      Shell("$MTCLEAN fix --jsonl --skip-bad-records in.jsonl", scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string fixed = Replace(good, kDirtyToken, kCleanToken);
  EXPECT_EQ(r.out, fixed + "\n{broken\n" + no_field + "\n" + fixed + "\n");
  EXPECT_NE(r.err.find("in.jsonl:2: bad record"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("in.jsonl:3: bad record: no field `text`"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 bad records"), std::string::npos) << r.err;
}

TEST(CorpusTest, CheckReportsFindingsPerRecord) {
  Scratch scratch;
  scratch.Write("in.jsonl", absl::StrCat(R"({"text":)", kCleanStory, "}\n", R"({"text":)",
                                         kDirtyToken, "}\n"));
  const RunOutput r = Shell("$MTCLEAN check --jsonl in.jsonl", scratch.dir().string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.starts_with("in.jsonl:2: error: ")) << r.out;
  EXPECT_NE(r.out.find("[scrape.comment-form]"), std::string::npos) << r.out;
  EXPECT_EQ(Lines(r.out).size(), 1u) << r.out;
  const RunOutput clean = Shell("head -n 1 in.jsonl | $MTCLEAN check --jsonl -",
                                scratch.dir().string());
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_EQ(clean.out, "");
}

TEST(CorpusTest, SeveralInputsInOrderAndFolders) {
  Scratch scratch;
  scratch.Write("d/b.jsonl", absl::StrCat(R"({"n":2,"text":)", kCleanStory, "}\n"));
  scratch.Write("d/a.jsonl", absl::StrCat(R"({"n":1,"text":)", kCleanStory, "}\n"));
  scratch.Write("d/notes.txt", "not a corpus file\n");
  const RunOutput r = Shell("$MTCLEAN fix --jsonl d", scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_TRUE(lines[0].starts_with(R"({"n":1,)"));
  EXPECT_TRUE(lines[1].starts_with(R"({"n":2,)"));
  const RunOutput missing =
      Shell("$MTCLEAN fix --jsonl nowhere.jsonl d/a.jsonl", scratch.dir().string());
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("nowhere.jsonl"), std::string::npos) << missing.err;
  EXPECT_EQ(Lines(missing.out).size(), 1u) << "the other inputs still run";
}

}  // namespace
}  // namespace mtclean
