// The record step of corpus mode, shared by RecordCleaner::Clean (one
// record, its own buffers) and the stream (many records appended to one
// buffer per unit of work, so that a record costs no buffer of its own).
#ifndef MTCLEAN_CORPUS_RECORD_CLEANER_H_
#define MTCLEAN_CORPUS_RECORD_CLEANER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "mtclean/corpus.h"

namespace mtclean::internal {

// Where AppendCleanedRecord puts what it makes (`result` may be null).
struct RecordOutputs {
  std::string* output = nullptr;   // fix: the record; check: its finding lines
  std::string* rejects = nullptr;  // with CorpusOptions::rejects
  CorpusStats* stats = nullptr;    // every count but `bytes`
  Result* result = nullptr;        // the engine's result, when wanted
};

// Cleans `record` (one line without its terminator) and appends to `out`.
// A bad record appends nothing and returns why (InvalidArgument, WHY of
// "INPUT:LINE: bad record: WHY").
absl::Status AppendCleanedRecord(const RecordCleaner& cleaner, const Engine& engine,
                                 std::string_view record, std::string_view input, uint64_t line,
                                 const RecordOutputs& out);

// The error of a bad record: InvalidArgument "INPUT:LINE: bad record: WHY".
absl::Status BadRecordError(std::string_view input, uint64_t line, std::string_view why);

}  // namespace mtclean::internal

#endif  // MTCLEAN_CORPUS_RECORD_CLEANER_H_
