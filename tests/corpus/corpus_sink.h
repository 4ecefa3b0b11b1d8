// A CorpusSink that keeps everything a run hands it, and a ByteSource over
// a string, for the corpus-mode tests.
#ifndef MTCLEAN_TESTS_CORPUS_CORPUS_SINK_H_
#define MTCLEAN_TESTS_CORPUS_CORPUS_SINK_H_

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "mtclean/corpus.h"

namespace mtclean::testing {

class KeepingSink : public CorpusSink {
 public:
  absl::Status Write(std::string_view output) override {
    out.append(output);
    ++writes;
    return writes == fail_on_write ? absl::DataLossError("disk full") : absl::OkStatus();
  }
  absl::Status WriteRejects(std::string_view json_lines) override {
    rejects.append(json_lines);
    return absl::OkStatus();
  }
  void OnBadRecord(const absl::Status& error) override {
    bad.emplace_back(error.message());
  }
  void OnProgress(const CorpusStats& so_far, uint64_t bytes_consumed) override {
    documents.push_back(so_far.documents);
    consumed.push_back(bytes_consumed);
  }
  void OnInputError(const absl::Status& error) override {
    input_errors.emplace_back(error.message());
  }

  int fail_on_write = 0;  // the Write call (1-based) that fails; 0: none
  int writes = 0;
  std::string out;
  std::string rejects;
  std::vector<std::string> bad;
  std::vector<std::string> input_errors;
  std::vector<uint64_t> documents;  // CorpusStats::documents at each progress call
  std::vector<uint64_t> consumed;
};

// The bytes of a string, at most `step` a read; with `fail_at`, reads fail
// (Unavailable, naming the source) once that many bytes were handed out.
class StringSource : public ByteSource {
 public:
  StringSource(std::string name, std::string bytes, size_t step,
               std::optional<size_t> fail_at = std::nullopt)
      : name_(std::move(name)), bytes_(std::move(bytes)), step_(step), fail_at_(fail_at) {}

  absl::StatusOr<size_t> Read(char* buffer, size_t capacity) override {
    size_t end = bytes_.size();
    if (fail_at_) {
      if (pos_ >= *fail_at_) return absl::UnavailableError(name_ + ": connection lost");
      end = std::min(end, *fail_at_);
    }
    const size_t n = std::min({step_, capacity, end - pos_});
    std::memcpy(buffer, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  uint64_t consumed() const override { return pos_; }

 private:
  std::string name_;
  std::string bytes_;
  size_t step_;
  std::optional<size_t> fail_at_;
  size_t pos_ = 0;
};

}  // namespace mtclean::testing

#endif  // MTCLEAN_TESTS_CORPUS_CORPUS_SINK_H_
