// Streaming input for corpus mode: the lines of a ByteSource (see
// mtclean/corpus.h, which also opens files, decompressing gzip and
// Zstandard data on the fly), cut into batches of whole lines. Memory is
// bounded by the batch size plus the line limit, never by the size of the
// input or of its longest line.
#ifndef MTCLEAN_CORPUS_BYTE_SOURCE_H_
#define MTCLEAN_CORPUS_BYTE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mtclean/corpus.h"

namespace mtclean::internal {

// What LineReader::Next hands out: whole lines, or a piece of a line it
// refuses to hold.
struct LineChunk {
  enum class Kind {
    kLines,    // whole lines: `bytes`, `line_ends`
    kRefused,  // a piece of one refused line: `bytes`, `starts_line`, `ends_line`
  };
  // Why a line is refused (set on its first piece).
  enum class Reason {
    kNone,
    kNotAnObject,  // its first byte that is not JSON white space is not `{`
    kTooLarge,     // it holds more than the reader's line limit
  };

  Kind kind = Kind::kLines;
  // The lines (each with its `\n`, the last line of the input possibly
  // without), or the piece (with the line's `\n` when it ends the line).
  std::string bytes;
  // kLines: the offset just past each line in `bytes`.
  std::vector<size_t> line_ends;
  // kRefused: the piece is the first of its line / the last (the line's `\n`
  // or the end of the input was reached).
  bool starts_line = false;
  bool ends_line = false;
  Reason reason = Reason::kNone;
  size_t column = 0;        // kNotAnObject: 1-based byte column of the offending byte
  uint64_t line_bytes = 0;  // on the last piece: the line's size, its terminator not counted

  void Clear();
};

// The lines of a ByteSource, a batch at a time, holding a bounded buffer
// whatever the input: a line that cannot be a JSON object (its first byte
// after white space is not `{`) is refused as soon as that byte arrives, and
// a line longer than `max_line` bytes (its terminator, `\n` or `\r\n`, not
// counted) as soon as that many bytes have arrived without its end; a
// refused line is then handed out in pieces, in order (the first holds what
// had arrived, at most `max_line` and a read; the others at most a read), so
// that it can be passed on or dropped. Such lines that arrive
// whole within one read are handed out as ordinary lines: their reader sees
// them whole anyway, and they are no larger than `max_line` plus a read.
// Time is linear in the input: every byte is looked at a bounded number of
// times.
class LineReader {
 public:
  // `read_size`: the most bytes asked of the source at once (1 MB; smaller
  // in tests, where a large buffer per input costs more than the input).
  LineReader(std::unique_ptr<ByteSource> source, uint64_t max_line,
             size_t read_size = size_t{1} << 20)
      : source_(std::move(source)), max_line_(max_line), read_size_(read_size) {}

  // Replaces `chunk` with the next whole lines (about `target` bytes; the
  // last line may take it past that by `max_line` and a read at most) or the
  // next piece of a refused line. Returns false at the end of the input
  // (`chunk` empty). Memory: the buffer holds at most `target`, `max_line`
  // and one read.
  absl::StatusOr<bool> Next(size_t target, LineChunk* chunk);

  const ByteSource& source() const { return *source_; }

 private:
  // Appends up to one read to the buffer (first moving the unconsumed
  // bytes to its front). Sets eof_ at the end of the input.
  absl::Status Fill();
  // Whether the incomplete line [begin_ + from, end) is to be refused, and why.
  LineChunk::Reason Refuse(size_t from, size_t* column);

  std::unique_ptr<ByteSource> source_;
  uint64_t max_line_;
  size_t read_size_;
  std::string buffer_;  // holds bytes up to end_, and room for a read
  size_t end_ = 0;
  size_t begin_ = 0;    // buffer_[begin_, end_) is not handed out yet
  size_t scanned_ = 0;  // buffer_[begin_, begin_ + scanned_) has been searched for line ends
  size_t space_ = 0;    // buffer_[begin_ + line start, + space_): the incomplete line's white space
  bool object_ = false; // the incomplete line opens with `{`
  bool eof_ = false;
  bool refusing_ = false;  // inside a refused line
  uint64_t refused_bytes_ = 0;  // of the refused line so far
  bool last_cr_ = false;        // its last byte so far is `\r`
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_CORPUS_BYTE_SOURCE_H_
