// Streaming input for corpus mode: a file or standard input, decompressed on
// the fly when it is gzip (zlib) or Zstandard (libzstd) data, and cut into
// batches of whole lines. Memory is bounded by the batch size plus the
// longest line, never by the size of the input.
#ifndef MTCLEAN_CLI_BYTE_SOURCE_H_
#define MTCLEAN_CLI_BYTE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace mtclean::cli {

// A stream of bytes. Not thread-safe.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` bytes into `buffer`; 0 at the end. Error:
  // Unavailable (read error) or DataLoss (corrupt compressed data), the
  // message naming the input.
  virtual absl::StatusOr<size_t> Read(char* buffer, size_t capacity) = 0;
  // Bytes taken from the underlying file so far (compressed bytes for
  // compressed input), for progress against the file's size.
  virtual uint64_t consumed() const = 0;
};

// Opens `path` ("-": standard input, which messages call `name` when it is
// not empty, else "<stdin>"). The kind is told by the first bytes, not the
// name: gzip (1f 8b, concatenated members too), Zstandard (28 b5 2f fd,
// several frames too), else plain. Error: NotFound or PermissionDenied
// naming the path; InvalidArgument for a folder.
absl::StatusOr<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path,
                                                           const std::string& name = "");

// Whole lines of a ByteSource, a batch at a time.
class LineReader {
 public:
  explicit LineReader(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}

  // Replaces `bytes` with the next whole lines (each with its `\n`, the last
  // line of the input possibly without) totalling about `target` bytes or
  // one line longer than that, and `line_ends` with the offset just past each
  // line. Returns false at the end of the input (`bytes` empty).
  absl::StatusOr<bool> Next(size_t target, std::string* bytes, std::vector<size_t>* line_ends);

  const ByteSource& source() const { return *source_; }

 private:
  std::unique_ptr<ByteSource> source_;
  std::string carry_;  // the start of a line not yet complete
  bool eof_ = false;
};

}  // namespace mtclean::cli

#endif  // MTCLEAN_CLI_BYTE_SOURCE_H_
