// One JSON Lines record, read without rebuilding it: the record is checked
// against the JSON grammar (RFC 8259) in one pass, and the byte span of the
// string to clean is located so that the cleaned string can be spliced into
// the original bytes. Every other byte of the record (other fields, key
// order, number spellings, escapes, spacing) is written back as it was.
//
// Example:
//
//   absl::StatusOr<RecordLayout> layout = ScanRecord(line, {"meta", "body"});
//   if (!layout.ok()) ...;                 // malformed: the message names the column
//   std::string text = DecodeString(line.substr(layout->field.begin, ...));
#ifndef MTCLEAN_CORPUS_JSON_RECORD_H_
#define MTCLEAN_CORPUS_JSON_RECORD_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace mtclean::internal {

// A span of bytes of the record, [begin, end).
struct ByteSpan {
  size_t begin = 0;
  size_t end = 0;
};

struct RecordLayout {
  // The string token (with its quotes) at the field path.
  ByteSpan field;
  // The token holds a backslash escape.
  bool field_escaped = false;
  // The offset of the top-level object's closing `}`.
  size_t object_close = 0;
  // The top-level object has no member.
  bool object_empty = true;
  // The value of an existing top-level `annotation_key` member.
  std::optional<ByteSpan> annotation;
};

// Splits a dotted field path ("meta.body") into its keys. Error:
// InvalidArgument for an empty path or an empty key.
absl::StatusOr<std::vector<std::string>> ParseFieldPath(std::string_view path);

// Reads `record` (one line without its line terminator) as a JSON object
// and locates the string at `path`. `annotation_key`, when not empty, is a
// top-level key whose value is located too. Errors (messages say
// "column N: ..." with a 1-based byte column): InvalidArgument for text that
// is not one JSON object, NotFound when the path is missing,
// FailedPrecondition when its value is not a string.
absl::StatusOr<RecordLayout> ScanRecord(std::string_view record,
                                        const std::vector<std::string>& path,
                                        std::string_view annotation_key = "");

// The value of a JSON string token (with its quotes) that ScanRecord
// accepted. Error: InvalidArgument for an escape that is not valid UTF-16
// (a lone surrogate) or text that is not valid UTF-8.
absl::StatusOr<std::string> DecodeString(std::string_view token, bool escaped);

// `value` (valid UTF-8) as a JSON string token. With `ascii`, every
// non-ASCII character is written as a \u escape (as the record had it).
std::string EncodeString(std::string_view value, bool ascii);

// True when `token` writes a non-ASCII character as a \u escape and holds no
// raw non-ASCII byte (a record written with an ASCII-only encoder).
bool UsesAsciiEscapes(std::string_view token);

}  // namespace mtclean::internal

#endif  // MTCLEAN_CORPUS_JSON_RECORD_H_
