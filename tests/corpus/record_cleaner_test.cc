// RecordCleaner::Clean: one JSON Lines record, as `fix|check --jsonl`
// writes it.
#include <string>

#include "absl/strings/str_cat.h"
#include "mtclean/corpus.h"
#include "nlohmann/json.hpp"
#include "tests/corpus/corpus_engine_test.h"
#include "tests/corpus/corpus_fixture.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::kCleanedToken;
using ::mtclean::testing::kCleanToken;
using ::mtclean::testing::kDirtyToken;
using nlohmann::json;

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

std::string Decoded(const char* token) { return json::parse(token).get<std::string>(); }

class RecordCleanerTest : public testing::CorpusEngineTest {};

TEST_F(RecordCleanerTest, FixChangesOnlyTheFieldAndCountsTheRecord) {
  ASSERT_NE(engine_, nullptr);
  const std::string record = absl::StrCat(R"({"id":7, "meta" : {"n":1.50,"z":null},"text":)",
                                          kDirtyToken, R"(,"tags":["port",{"b":true}]})");
  absl::StatusOr<CleanedRecord> cleaned =
      Cleaner({.rejects = true}).Clean(*engine_, record, "in.jsonl", 12);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status();
  EXPECT_EQ(cleaned->output, Replace(record, kDirtyToken, kCleanedToken));
  EXPECT_TRUE(cleaned->bad_record.ok());

  const std::string text = Decoded(kDirtyToken);
  const std::string out = Decoded(kCleanedToken);
  ASSERT_EQ(cleaned->result.findings.size(), 1u);
  EXPECT_EQ(cleaned->result.findings[0].rule_id, "scrape.comment-form");
  EXPECT_TRUE(cleaned->result.findings[0].fixed);
  EXPECT_EQ(cleaned->result.cleaned, out);

  const CorpusStats& stats = cleaned->stats;
  EXPECT_EQ(stats.documents, 1u);
  EXPECT_EQ(stats.documents_changed, 1u);
  EXPECT_EQ(stats.documents_with_findings, 1u);
  EXPECT_EQ(stats.bad_records, 0u);
  EXPECT_EQ(stats.bytes, record.size() + 1) << "the record and its newline";
  EXPECT_EQ(stats.text_bytes, text.size());
  EXPECT_EQ(stats.text_bytes_out, out.size());
  ASSERT_EQ(stats.rules.size(), 1u);
  const RuleStats& rule = stats.rules.at("scrape.comment-form");
  EXPECT_EQ(rule, (RuleStats{.findings = 1, .fixed = 1, .bytes_removed = text.size() - out.size()}));

  // What --rejects writes for it: one line naming input, line and rule.
  ASSERT_FALSE(cleaned->rejects.empty());
  EXPECT_EQ(cleaned->rejects.back(), '\n');
  EXPECT_EQ(cleaned->rejects.find('\n'), cleaned->rejects.size() - 1) << cleaned->rejects;
  const json reject = json::parse(cleaned->rejects);
  EXPECT_EQ(reject["input"], "in.jsonl");
  EXPECT_EQ(reject["line"], 12);
  EXPECT_EQ(reject["rule"], "scrape.comment-form");
  EXPECT_EQ(reject["removed"], "\n\nLeave a Reply");
  EXPECT_EQ(reject["replacement"], "");
}

TEST_F(RecordCleanerTest, CleanRecordIsWrittenBackByteForByteWithoutRejects) {
  ASSERT_NE(engine_, nullptr);
  const std::string record = absl::StrCat(R"({ "zeta":1e5,"text" : )", kCleanToken, R"( ,"a":[]} )");
  absl::StatusOr<CleanedRecord> cleaned =
      Cleaner({.rejects = true}).Clean(*engine_, record, "in.jsonl", 1);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status();
  EXPECT_EQ(cleaned->output, record);
  EXPECT_EQ(cleaned->rejects, "");
  EXPECT_EQ(cleaned->stats.documents, 1u);
  EXPECT_EQ(cleaned->stats.documents_changed, 0u);
  EXPECT_EQ(cleaned->stats.text_bytes, cleaned->stats.text_bytes_out);
  EXPECT_TRUE(cleaned->stats.rules.empty());
}

TEST_F(RecordCleanerTest, AnnotationIsAddedOrReplacesAnEarlierOne) {
  ASSERT_NE(engine_, nullptr);
  const RecordCleaner cleaner = Cleaner({.annotate = true});
  // A record without findings: an empty annotation before the closing brace.
  const std::string clean = absl::StrCat(R"({"text":)", kCleanToken, "}");
  absl::StatusOr<CleanedRecord> plain = cleaner.Clean(*engine_, clean, "a.jsonl", 1);
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(plain->output,
            absl::StrCat(R"({"text":)", kCleanToken, R"(,"mtclean":{"findings":[],"edits":[]}})"));

  // An earlier run's annotation is replaced where it stands.
  const std::string old = absl::StrCat(R"({"mtclean":{"old":1},"text":)", kDirtyToken, "}");
  absl::StatusOr<CleanedRecord> again = cleaner.Clean(*engine_, old, "a.jsonl", 2);
  ASSERT_TRUE(again.ok()) << again.status();
  const nlohmann::ordered_json out = nlohmann::ordered_json::parse(again->output);
  EXPECT_EQ(out.begin().key(), "mtclean") << again->output;
  EXPECT_EQ(out["text"], Decoded(kCleanedToken));
  ASSERT_EQ(out["mtclean"]["findings"].size(), 1u);
  const nlohmann::ordered_json& f = out["mtclean"]["findings"][0];
  const std::string text = Decoded(kDirtyToken);
  EXPECT_EQ(f["rule"], "scrape.comment-form");
  EXPECT_EQ(f["severity"], "error");
  EXPECT_EQ(f["begin"], text.find("Leave a Reply"));
  EXPECT_EQ(f["fixed"], true);
  ASSERT_EQ(out["mtclean"]["edits"].size(), 1u);
  EXPECT_EQ(out["mtclean"]["edits"][0]["replacement"], "");
  EXPECT_EQ(again->output.find("old"), std::string::npos) << again->output;
}

TEST_F(RecordCleanerTest, NestedFieldWithAsciiEscapesStaysAscii) {
  ASSERT_NE(engine_, nullptr);
  const std::string body =
      R"("Le march\u00e9 couvert rouvre samedi apr\u00e8s deux ans de travaux \ud83c\udf4e.\n\nLes \u00e9tals seront plus larges.\n\nLaisser un commentaire\n")";
  const std::string record =
      absl::StrCat(R"({"text":"a short title","doc":{"lang":"fr","body":)", body, R"(},"n":2})");
  absl::StatusOr<CleanedRecord> cleaned =
      Cleaner({.field = "doc.body"}).Clean(*engine_, record, "fr.jsonl", 3);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status();
  const json out = json::parse(cleaned->output);
  EXPECT_EQ(out["doc"]["body"],
            "Le marché couvert rouvre samedi après deux ans de travaux \xF0\x9F\x8D\x8E.\n\n"
            "Les étals seront plus larges.\n");
  EXPECT_EQ(out["text"], "a short title");
  for (const char c : cleaned->output) ASSERT_LT(static_cast<unsigned char>(c), 0x80);
  EXPECT_TRUE(cleaned->output.ends_with(R"(},"n":2})")) << cleaned->output;
}

TEST_F(RecordCleanerTest, CheckWritesOneLinePerFindingAndNoRecord) {
  ASSERT_NE(engine_, nullptr);
  const std::string record = absl::StrCat(R"({"body":)", kDirtyToken, "}");
  absl::StatusOr<CleanedRecord> cleaned =
      Cleaner({.field = "body", .fix = false}).Clean(*engine_, record, "c.jsonl", 4);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status();
  ASSERT_EQ(cleaned->result.findings.size(), 1u);
  const Finding& f = cleaned->result.findings[0];
  EXPECT_EQ(cleaned->output, absl::StrCat("c.jsonl:4: error: ", f.message,
                                          " [scrape.comment-form] (body bytes ", f.begin, "-",
                                          f.end, ")\n"));
  EXPECT_EQ(f.begin, Decoded(kDirtyToken).find("Leave a Reply"));
  EXPECT_EQ(cleaned->stats.failing, 1u);

  absl::StatusOr<CleanedRecord> quiet = Cleaner({.fix = false, .fail_on = std::nullopt})
                                            .Clean(*engine_, R"({"text":"Short note."})", "c", 1);
  ASSERT_TRUE(quiet.ok()) << quiet.status();
  EXPECT_EQ(quiet->output, "");
  EXPECT_EQ(quiet->stats.failing, 0u);
}

TEST_F(RecordCleanerTest, BadRecordsAreInvalidArgumentNamingInputLineAndColumn) {
  ASSERT_NE(engine_, nullptr);
  struct Case {
    std::string record;
    std::string message;
  };
  const Case cases[] = {
      {"not json", "in.jsonl:9: bad record: column 1: expected a JSON object"},
      {R"({"text": "unfinished)", "in.jsonl:9: bad record: column 21: unterminated string"},
      {R"({"title":"Budget passes"})", "in.jsonl:9: bad record: no field `text`"},
      {R"({"text":42})", "in.jsonl:9: bad record: column 9: the field is not a string"},
      {R"({"text":"half \ud800 a pair"})",
       "in.jsonl:9: bad record: column 9: invalid string (a lone surrogate)"},
      {"{\"text\":\"caf\xE9\"}", "in.jsonl:9: bad record: column 9: invalid string (invalid UTF-8)"},
      {R"({"text":"ok"} {"text":"two"})", "in.jsonl:9: bad record: column 15: text after the JSON object"},
  };
  const RecordCleaner cleaner = Cleaner();
  for (const Case& c : cases) {
    absl::StatusOr<CleanedRecord> cleaned = cleaner.Clean(*engine_, c.record, "in.jsonl", 9);
    ASSERT_FALSE(cleaned.ok()) << c.record;
    EXPECT_EQ(cleaned.status().code(), absl::StatusCode::kInvalidArgument) << c.record;
    EXPECT_EQ(cleaned.status().message(), c.message) << c.record;
  }
  const std::string big = absl::StrCat(R"({"text":)", kCleanToken, "}");
  absl::StatusOr<CleanedRecord> over =
      Cleaner({.max_record_bytes = 20}).Clean(*engine_, big, "big.jsonl", 1);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().message(),
            absl::StrCat("big.jsonl:1: bad record: ", big.size(), " bytes is more than --max-bytes 20"));
}

TEST_F(RecordCleanerTest, SkipBadRecordsPassesTheRecordThroughAndCountsIt) {
  ASSERT_NE(engine_, nullptr);
  const std::string record = R"({"title":"Budget passes"})";
  absl::StatusOr<CleanedRecord> fix =
      Cleaner({.skip_bad_records = true}).Clean(*engine_, record, "in.jsonl", 3);
  ASSERT_TRUE(fix.ok()) << fix.status();
  EXPECT_EQ(fix->output, record);
  EXPECT_EQ(fix->bad_record.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(fix->bad_record.message(), "in.jsonl:3: bad record: no field `text`");
  EXPECT_EQ(fix->stats, (CorpusStats{.bad_records = 1, .bytes = record.size() + 1}));

  absl::StatusOr<CleanedRecord> check =
      Cleaner({.fix = false, .skip_bad_records = true}).Clean(*engine_, record, "in.jsonl", 3);
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_EQ(check->output, "") << "check drops bad records";
  EXPECT_EQ(check->stats.bad_records, 1u);
}

TEST(RecordCleanerCreateTest, FieldPathWithAnEmptyKeyIsRefused) {
  for (const std::string field : {"", "a..b", ".text", "meta."}) {
    absl::StatusOr<RecordCleaner> cleaner = RecordCleaner::Create({.field = field});
    ASSERT_FALSE(cleaner.ok()) << field;
    EXPECT_EQ(cleaner.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(cleaner.status().message().find("`" + field + "`"), absl::string_view::npos)
        << cleaner.status();
  }
  absl::StatusOr<RecordCleaner> nested = RecordCleaner::Create({.field = "meta.body"});
  ASSERT_TRUE(nested.ok()) << nested.status();
  EXPECT_EQ(nested->field_keys(), (std::vector<std::string>{"meta", "body"}));
}

}  // namespace
}  // namespace mtclean
