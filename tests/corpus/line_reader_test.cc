// Cutting a byte stream into JSON Lines records with a bounded buffer: whole
// lines in batches, and the lines the reader refuses handed out in pieces.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "cleaner/corpus/byte_source.h"
#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

// `prefix`, then `fill` repeated `count` times (generated as it is read,
// never held), then `suffix`, handed out at most `step` bytes a read.
class GeneratedSource : public ByteSource {
 public:
  GeneratedSource(std::string prefix, char fill, uint64_t count, std::string suffix, size_t step)
      : prefix_(std::move(prefix)), fill_(fill), count_(count), suffix_(std::move(suffix)),
        step_(step) {}

  absl::StatusOr<size_t> Read(char* buffer, size_t capacity) override {
    const uint64_t total = prefix_.size() + count_ + suffix_.size();
    const size_t n = static_cast<size_t>(std::min<uint64_t>({capacity, step_, total - pos_}));
    for (size_t i = 0; i < n;) {
      if (pos_ < prefix_.size()) {
        buffer[i++] = prefix_[pos_++];
      } else if (pos_ < prefix_.size() + count_) {
        const size_t run =
            static_cast<size_t>(std::min<uint64_t>(n - i, prefix_.size() + count_ - pos_));
        std::memset(buffer + i, fill_, run);
        i += run;
        pos_ += run;
      } else {
        buffer[i++] = suffix_[pos_++ - prefix_.size() - count_];
      }
    }
    return n;
  }
  uint64_t consumed() const override { return pos_; }

 private:
  std::string prefix_;
  char fill_;
  uint64_t count_;
  std::string suffix_;
  size_t step_;
  uint64_t pos_ = 0;
};

std::unique_ptr<ByteSource> Bytes(const std::string& text, size_t step = 1 << 20) {
  return std::make_unique<GeneratedSource>(text, ' ', 0, "", step);
}

// What a reader hands out, each refused line's pieces joined.
struct Reading {
  std::vector<std::string> lines;  // whole lines
  struct Refused {
    std::string bytes;
    LineChunk::Reason reason = LineChunk::Reason::kNone;
    size_t column = 0;
    uint64_t line_bytes = 0;
    size_t pieces = 0;
    size_t largest_piece = 0;
  };
  std::vector<Refused> refused;
  std::vector<std::string> order;  // "line" or "refused", as handed out
};

Reading ReadAll(std::unique_ptr<ByteSource> source, uint64_t max_line, size_t target = 64) {
  LineReader reader(std::move(source), max_line);
  Reading reading;
  LineChunk chunk;
  for (;;) {
    absl::StatusOr<bool> more = reader.Next(target, &chunk);
    EXPECT_TRUE(more.ok()) << more.status();
    if (!more.ok() || !*more) break;
    if (chunk.kind == LineChunk::Kind::kLines) {
      size_t start = 0;
      for (const size_t end : chunk.line_ends) {
        reading.lines.push_back(chunk.bytes.substr(start, end - start));
        reading.order.push_back("line");
        start = end;
      }
      EXPECT_EQ(start, chunk.bytes.size());
      continue;
    }
    if (chunk.starts_line) {
      reading.refused.emplace_back();
      reading.refused.back().reason = chunk.reason;
      reading.refused.back().column = chunk.column;
      reading.order.push_back("refused");
    }
    EXPECT_FALSE(reading.refused.empty());
    if (reading.refused.empty()) break;
    Reading::Refused& r = reading.refused.back();
    r.bytes += chunk.bytes;
    ++r.pieces;
    r.largest_piece = std::max(r.largest_piece, chunk.bytes.size());
    if (chunk.ends_line) r.line_bytes = chunk.line_bytes;
  }
  return reading;
}

TEST(LineReaderTest, WholeLinesInBatchesAndALastLineWithoutNewline) {
  // Every read size, so that lines end at every place of a read.
  const std::string text = "{\"a\":1}\n{\"b\":2}\r\n\n{\"c\":3}";
  for (size_t step = 1; step <= text.size(); ++step) {
    const Reading r = ReadAll(Bytes(text, step), 100, 4);
    EXPECT_EQ(r.lines, (std::vector<std::string>{"{\"a\":1}\n", "{\"b\":2}\r\n", "\n", "{\"c\":3}"}))
        << step;
    EXPECT_TRUE(r.refused.empty()) << step;
  }
}

TEST(LineReaderTest, LineThatIsNotAnObjectIsRefusedAtItsFirstByte) {
  // Endless bytes after the first one: the reader must not wait for more.
  LineReader reader(std::make_unique<GeneratedSource>("  \t", '\0', uint64_t{1} << 40, "", 16),
                    1 << 20);
  LineChunk chunk;
  absl::StatusOr<bool> more = reader.Next(1 << 19, &chunk);
  ASSERT_TRUE(more.ok() && *more) << more.status();
  EXPECT_EQ(chunk.kind, LineChunk::Kind::kRefused);
  EXPECT_TRUE(chunk.starts_line);
  EXPECT_FALSE(chunk.ends_line);
  EXPECT_EQ(chunk.reason, LineChunk::Reason::kNotAnObject);
  EXPECT_EQ(chunk.column, 4u);
  EXPECT_EQ(reader.source().consumed(), 16u) << "one read";
  // The rest comes in pieces of at most a read.
  for (int i = 0; i < 100; ++i) {
    more = reader.Next(1 << 19, &chunk);
    ASSERT_TRUE(more.ok() && *more);
    EXPECT_EQ(chunk.kind, LineChunk::Kind::kRefused);
    EXPECT_FALSE(chunk.starts_line);
    EXPECT_LE(chunk.bytes.size(), 16u);
  }
}

TEST(LineReaderTest, LineOverTheLimitIsHandedOutInPiecesAndTheNextLinesStillCome) {
  // 50 MB in one line, limit 1,000 bytes: no piece holds more than the limit
  // and a read.
  const uint64_t kFill = 50'000'000;
  const Reading r =
      ReadAll(std::make_unique<GeneratedSource>("{\"n\":1}\n{\"text\":\"", 'a', kFill,
                                                "\"}\r\n{\"n\":3}\n", 4096),
              1000);
  ASSERT_EQ(r.refused.size(), 1u);
  const Reading::Refused& huge = r.refused[0];
  EXPECT_EQ(huge.reason, LineChunk::Reason::kTooLarge);
  EXPECT_EQ(huge.line_bytes, kFill + 11) << "the terminator is not counted";
  EXPECT_EQ(huge.bytes.size(), kFill + 13);
  EXPECT_TRUE(huge.bytes.starts_with("{\"text\":\"aaa"));
  EXPECT_TRUE(huge.bytes.ends_with("aaa\"}\r\n"));
  EXPECT_LE(huge.largest_piece, size_t{1000} + (1 << 20));
  EXPECT_EQ(r.lines, (std::vector<std::string>{"{\"n\":1}\n", "{\"n\":3}\n"}));
  EXPECT_EQ(r.order, (std::vector<std::string>{"line", "refused", "line"}));
}

TEST(LineReaderTest, TheLimitCountsTheRecordWithoutItsTerminator) {
  // A record of exactly the limit, arriving a byte at a time.
  const std::string record = "{\"t\":\"" + std::string(10, 'x') + "\"}";
  for (const std::string end : {"\n", "\r\n"}) {
    const Reading r = ReadAll(Bytes(record + end + "{}\n", 1), record.size());
    EXPECT_TRUE(r.refused.empty()) << end.size();
    EXPECT_EQ(r.lines, (std::vector<std::string>{record + end, "{}\n"}));
  }
  EXPECT_EQ(ReadAll(Bytes(record, 1), record.size()).lines, std::vector<std::string>{record});
  // One byte more is refused; its `\r\n` comes in pieces of its own.
  const Reading r = ReadAll(Bytes(record + "x\r\n{}\n", 1), record.size());
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_EQ(r.refused[0].reason, LineChunk::Reason::kTooLarge);
  EXPECT_EQ(r.refused[0].bytes, record + "x\r\n");
  EXPECT_EQ(r.refused[0].line_bytes, record.size() + 1);
  EXPECT_EQ(r.lines, std::vector<std::string>{"{}\n"});
}

TEST(LineReaderTest, RefusedLineAtTheEndOfTheInputWithoutNewline) {
  const Reading r =
      ReadAll(std::make_unique<GeneratedSource>("{}\n", '\0', 5000, "", 1000), 100);
  EXPECT_EQ(r.lines, std::vector<std::string>{"{}\n"});
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_EQ(r.refused[0].reason, LineChunk::Reason::kNotAnObject);
  EXPECT_EQ(r.refused[0].column, 1u);
  EXPECT_EQ(r.refused[0].bytes, std::string(5000, '\0'));
  EXPECT_EQ(r.refused[0].line_bytes, 5000u);
}

TEST(LineReaderTest, ShortBadLinesThatArriveWholeAreLeftToTheRecordReader) {
  // A line that arrives whole in one read is handed out as a line, even
  // when it is not an object or over the limit: the record reader refuses
  // it with the same words, and holding it costs no more than the read.
  const Reading r = ReadAll(Bytes("not json\n{\"a\":\"" + std::string(50, 'y') + "\"}\n"), 10);
  EXPECT_EQ(r.lines.size(), 2u);
  EXPECT_TRUE(r.refused.empty());
}

}  // namespace
}  // namespace mtclean::internal
