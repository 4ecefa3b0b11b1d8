// The multi-pattern scanner: every data-rule pattern of every enabled rule
// compiled into one Hyperscan database, scanned once per document. (Twice
// compiled, in fact: a document without tabs and doubled spaces is scanned
// with a copy in which each phrase's space is one space, which finds the
// same matches there, faster.)
//
// A Scanner is immutable after Compile() and safe to share between threads;
// the Hyperscan scratch space each scan needs comes from an internal pool,
// so concurrent scans never share one.
#ifndef MTCLEAN_MATCH_SCANNER_H_
#define MTCLEAN_MATCH_SCANNER_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

struct hs_database;
struct hs_scratch;

namespace mtclean::internal {

struct PatternSpec {
  // A literal phrase (matched case-insensitively, a space matching any run
  // of spaces and tabs) or a regular expression in the Hyperscan/RE2 common
  // syntax.
  std::string text;
  bool literal = true;
  bool caseless = true;
  // Where the pattern was written ("file:line:column"), for errors.
  std::string origin;
};

// One pattern per text of `texts`, each otherwise like `like` (a rule's
// candidate words, all with the same flags and origin).
template <typename Texts>
std::vector<PatternSpec> PatternsFor(const Texts& texts, const PatternSpec& like) {
  std::vector<PatternSpec> out;
  for (const auto& text : texts) {
    out.push_back(like);
    out.back().text = std::string(text);
  }
  return out;
}

// One match: pattern index into the Compile() input, byte span.
struct RawMatch {
  uint32_t pattern = 0;
  size_t begin = 0;
  size_t end = 0;
};

// The expression a PatternSpec compiles to (also what the RE2 reference of
// the differential test uses).
std::string PatternExpression(const PatternSpec& spec);

// Keeps the pattern cache `dir` within `budget_bytes`: removes its least
// recently used databases (a load marks a database used) beyond the budget,
// except those used within the last hour, so that a run of many sets of
// patterns at once (a test suite, a CI job over several configurations)
// never evicts what it is about to load again; and removes temporary files
// a process left more than an hour ago. Other files are left alone. Best
// effort, like the cache itself: a database another process is loading at
// that moment is only compiled again.
void PruneCache(const std::string& dir, uint64_t budget_bytes);

class Scanner {
 public:
  // Compiles `patterns` into one database. Error: InvalidArgument naming the
  // index of the pattern Hyperscan rejected and why.
  //
  // Compiling a few hundred patterns takes Hyperscan a noticeable fraction
  // of a second, paid at every start of the CLI; with a non-empty
  // `cache_dir` the compiled database is kept there, named by a hash of the
  // patterns, their flags, the Hyperscan version and the processor, and
  // later calls load it instead; storing one prunes the folder (see
  // PruneCache; 64 MB, about nine sets of the default rules). A cache that
  // cannot be read or written is ignored.
  static absl::StatusOr<std::unique_ptr<Scanner>> Compile(
      const std::vector<PatternSpec>& patterns, const std::string& cache_dir = "");

  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Appends every match in `text` to `out`: for each pattern and each end
  // offset, the leftmost start. Error: Internal if Hyperscan fails.
  absl::Status Scan(std::string_view text, std::vector<RawMatch>* out) const;

  size_t pattern_count() const { return pattern_count_; }

 private:
  Scanner() = default;
  hs_scratch* AcquireScratch() const;
  void ReleaseScratch(hs_scratch* scratch) const;

  hs_database* database_ = nullptr;
  // The same patterns with each phrase's space as one space, for text
  // without tabs and doubled spaces (null when no phrase has a space).
  hs_database* single_space_database_ = nullptr;
  hs_scratch* prototype_ = nullptr;
  size_t pattern_count_ = 0;
  mutable std::mutex pool_mutex_;
  mutable std::vector<hs_scratch*> pool_;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_MATCH_SCANNER_H_
