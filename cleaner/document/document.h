// The Document: the original bytes of one input and an index over them.
//
// A Document owns a copy of the text. Lines, blocks and protected regions are
// byte spans into that copy; every view it returns lives as long as the
// Document. It is immutable after Create() and safe to share between threads.
#ifndef MTCLEAN_DOCUMENT_DOCUMENT_H_
#define MTCLEAN_DOCUMENT_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace mtclean::internal {

// One line. [begin, end) is its content without the line terminator ("\n" or
// "\r\n"); `next` is where the following line starts (the text size for the
// last line).
struct Line {
  size_t begin = 0;
  size_t end = 0;
  size_t next = 0;
  bool blank = false;  // only spaces and tabs
};

// A block (paragraph): a maximal run of non-blank lines outside protected
// regions. [begin, end) runs from the first line's start to the last line's
// content end.
struct Block {
  size_t first_line = 0;
  size_t last_line = 0;  // inclusive
  size_t begin = 0;
  size_t end = 0;
};

// A span no rule may edit (front matter, ...).
struct Region {
  size_t begin = 0;
  size_t end = 0;
};

class Document {
 public:
  // Validates `text` as UTF-8 and indexes it. Error: InvalidArgument naming
  // the byte offset of the first invalid sequence.
  static absl::StatusOr<Document> Create(std::string text);

  std::string_view text() const { return text_; }
  const std::vector<Line>& lines() const { return lines_; }
  // Body blocks in document order (front matter excluded).
  const std::vector<Block>& blocks() const { return blocks_; }
  const std::vector<Region>& protected_regions() const { return protected_; }

  std::string_view LineText(size_t line) const;
  std::string_view BlockText(size_t block) const;
  // The index of the line holding byte `offset` (the last line for the end
  // of the text).
  size_t LineIndexAt(size_t offset) const;
  // The index of the block holding `line`, or kNoBlock.
  size_t BlockOfLine(size_t line) const { return block_of_line_[line]; }
  static constexpr size_t kNoBlock = static_cast<size_t>(-1);

  // True when [begin, end) touches a protected region (an insertion at the
  // boundary of one does not).
  bool IsProtected(size_t begin, size_t end) const;

  // The line terminator the document uses ("\r\n" when its first line
  // break is one, "\n" otherwise).
  std::string_view newline() const { return crlf_ ? "\r\n" : "\n"; }

 private:
  explicit Document(std::string text) : text_(std::move(text)) {}
  void Index();

  std::string text_;
  std::vector<Line> lines_;
  std::vector<Block> blocks_;
  std::vector<size_t> block_of_line_;
  std::vector<Region> protected_;
  bool crlf_ = false;
};

// Returns OK when `text` is valid UTF-8, else InvalidArgument
// "invalid UTF-8 at byte N".
absl::Status ValidateUtf8(std::string_view text);

}  // namespace mtclean::internal

#endif  // MTCLEAN_DOCUMENT_DOCUMENT_H_
