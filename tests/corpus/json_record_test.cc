// Reading JSON Lines records in place: the span of the field to clean, and
// the records the grammar refuses.
#include "cleaner/corpus/json_record.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

std::string FieldOf(std::string_view record, const std::vector<std::string>& path) {
  absl::StatusOr<RecordLayout> layout = ScanRecord(record, path);
  EXPECT_TRUE(layout.ok()) << layout.status();
  if (!layout.ok()) return "";
  return std::string(record.substr(layout->field.begin, layout->field.end - layout->field.begin));
}

TEST(ScanRecordTest, FindsTopLevelField) {
  EXPECT_EQ(FieldOf(R"({"id":3,"text":"Port reopens.","lang":"en"})", {"text"}),
            R"("Port reopens.")");
}

TEST(ScanRecordTest, FindsNestedFieldAndIgnoresSameKeyElsewhere) {
  const std::string record =
      R"({"text":"headline only","doc":{"meta":{"text":"no"},"text":"Ferry strike ends.","x":[{"text":"in array"}]}})";
  EXPECT_EQ(FieldOf(record, {"doc", "text"}), R"("Ferry strike ends.")");
}

TEST(ScanRecordTest, MatchesEscapedKeys) {
  EXPECT_EQ(FieldOf(R"({"t\u0065xt":"Rain delays the harvest."})", {"text"}),
            R"("Rain delays the harvest.")");
}

TEST(ScanRecordTest, ReportsEscapesAndWhitespace) {
  const std::string record = " { \"text\" : \"Line one.\\nLine two.\" , \"n\" : -1.5e3 } ";
  absl::StatusOr<RecordLayout> layout = ScanRecord(record, {"text"});
  ASSERT_TRUE(layout.ok()) << layout.status();
  EXPECT_TRUE(layout->field_escaped);
  EXPECT_EQ(record[layout->object_close], '}');
  EXPECT_FALSE(layout->object_empty);
}

TEST(ScanRecordTest, LocatesAnAnnotationMember) {
  const std::string record = R"({"text":"Calm seas.","mtclean":{"edits":[]}})";
  absl::StatusOr<RecordLayout> layout = ScanRecord(record, {"text"}, "mtclean");
  ASSERT_TRUE(layout.ok()) << layout.status();
  ASSERT_TRUE(layout->annotation.has_value());
  EXPECT_EQ(record.substr(layout->annotation->begin,
                          layout->annotation->end - layout->annotation->begin),
            R"({"edits":[]})");
}

TEST(ScanRecordTest, MissingFieldIsNotFound) {
  EXPECT_EQ(ScanRecord(R"({"body":"Markets rally."})", {"text"}).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(ScanRecord(R"({"doc":"flat"})", {"doc", "text"}).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(ScanRecordTest, NonStringFieldIsRefused) {
  for (const std::string record :
       {R"({"text":null})", R"({"text":42})", R"({"text":{"a":"b"}})", R"({"text":["x"]})"}) {
    EXPECT_EQ(ScanRecord(record, {"text"}).status().code(),
              absl::StatusCode::kFailedPrecondition)
        << record;
  }
}

TEST(ScanRecordTest, MalformedRecordsNameTheColumn) {
  struct Case {
    std::string record;
    std::string column;
  };
  const std::vector<Case> cases = {
      {R"({"text":"Unclosed)", "column 18"},
      {R"({"text":"a",})", "column 13"},
      {R"({"text":"a" "b":1})", "column 13"},
      {R"(["text","a"])", "column 1"},
      {R"({"text":"a"} {})", "column 14"},
      {R"({"text":"a","n":01})", "column 18"},
      {R"({"text":"a","n":tru})", "column 17"},
      {R"({"text":"bad \x escape"})", "column 14"},
      {"{\"text\":\"tab\there\"}", "column 13"},
      {R"({text:"a"})", "column 2"},
      {"", "column 1"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<RecordLayout> layout = ScanRecord(c.record, {"text"});
    ASSERT_FALSE(layout.ok()) << c.record;
    EXPECT_EQ(layout.status().code(), absl::StatusCode::kInvalidArgument) << c.record;
    EXPECT_NE(layout.status().message().find(c.column), std::string::npos)
        << c.record << ": " << layout.status().message();
  }
}

// Strings are scanned sixteen bytes at a time: a quote, an escape or a
// control character is found wherever it stands in the run.
TEST(ScanRecordTest, StringEndsAndControlCharactersAtEveryPlace) {
  for (size_t at = 0; at < 40; ++at) {
    const std::string before(at, 'a');
    const std::string after(40 - at, '\xC3');  // bytes beyond ASCII around it
    SCOPED_TRACE(at);
    // The closing quote.
    const std::string plain = "{\"text\":\"" + before + "\",\"n\":1}";
    EXPECT_EQ(FieldOf(plain, {"text"}), "\"" + before + "\"");
    // An escaped quote, then more text.
    const std::string escaped = "{\"text\":\"" + before + "\\\"x\"}";
    absl::StatusOr<RecordLayout> layout = ScanRecord(escaped, {"text"});
    ASSERT_TRUE(layout.ok()) << layout.status();
    EXPECT_TRUE(layout->field_escaped);
    EXPECT_EQ(layout->field.end, escaped.size() - 1);
    // A control character (a raw line feed; a byte 0x1F) is refused at its
    // column.
    for (char control : {'\n', '\x1F'}) {
      const std::string bad = "{\"text\":\"" + before + control + after + "\"}";
      absl::StatusOr<RecordLayout> refused = ScanRecord(bad, {"text"});
      ASSERT_FALSE(refused.ok());
      EXPECT_NE(refused.status().message().find("column " + std::to_string(10 + at)),
                std::string::npos)
          << refused.status().message();
    }
  }
}

TEST(ScanRecordTest, DeepNestingIsRefusedNotCrashed) {
  const std::string record = "{\"text\":\"a\",\"x\":" + std::string(100000, '[') +
                             std::string(100000, ']') + "}";
  EXPECT_EQ(ScanRecord(record, {"text"}).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(DecodeStringTest, DecodesEscapesAndSurrogatePairs) {
  absl::StatusOr<std::string> s =
      DecodeString(R"("Caf\u00e9 \"Sol\"\n\ud83d\udcf0 \/ end")", true);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(*s, "Café \"Sol\"\n\xF0\x9F\x93\xB0 / end");
  EXPECT_FALSE(DecodeString(R"("lone \ud83d here")", true).ok());
}

TEST(DecodeStringTest, RefusesInvalidUtf8WithOrWithoutEscapes) {
  // A lead byte without its continuation (found by json_record_fuzzer).
  EXPECT_EQ(DecodeString("\"\xC6" "erly\"", false).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodeString("\"\xC6" "erly \\n\"", true).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(*DecodeString("\"Caf\xC3\xA9\"", false), "Caf\xC3\xA9");
}

TEST(EncodeStringTest, RoundTripsAndKeepsAsciiStyle) {
  const std::string text = "Café \"Sol\"\n\ttab \x01 and \xF0\x9F\x93\xB0";
  for (const bool ascii : {false, true}) {
    const std::string token = EncodeString(text, ascii);
    absl::StatusOr<std::string> back = DecodeString(token, true);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, text);
    bool raw_non_ascii = false;
    for (const char c : token) raw_non_ascii = raw_non_ascii || static_cast<unsigned char>(c) >= 0x80;
    EXPECT_EQ(raw_non_ascii, !ascii) << token;
  }
}

TEST(UsesAsciiEscapesTest, TellsAsciiOnlyEncoders) {
  EXPECT_TRUE(UsesAsciiEscapes(R"("Caf\u00e9")"));
  EXPECT_FALSE(UsesAsciiEscapes("\"Caf\xC3\xA9\""));
  EXPECT_FALSE(UsesAsciiEscapes(R"("plain \u0001 control")"));
  EXPECT_FALSE(UsesAsciiEscapes(R"("plain")"));
}

TEST(ParseFieldPathTest, SplitsDotsAndRefusesEmptyKeys) {
  absl::StatusOr<std::vector<std::string>> path = ParseFieldPath("doc.body.text");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(*path, (std::vector<std::string>{"doc", "body", "text"}));
  EXPECT_FALSE(ParseFieldPath("doc..text").ok());
  EXPECT_FALSE(ParseFieldPath("").ok());
}

}  // namespace
}  // namespace mtclean::internal
