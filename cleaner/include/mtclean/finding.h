// Findings and edits: what a rule reports about a document.
//
// Every offset is a UTF-8 byte offset into the original document text; spans
// are half-open [begin, end). These are plain values, safe to copy and to
// share between threads.
#ifndef MTCLEAN_FINDING_H_
#define MTCLEAN_FINDING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtclean {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

// Returns "info", "warning" or "error".
std::string_view SeverityName(Severity severity);
// Parses "info", "warning" or "error"; nullopt for anything else.
std::optional<Severity> ParseSeverity(std::string_view name);

// Replace the bytes [begin, end) of the original text with `replacement`.
// An insertion has begin == end; a deletion has an empty replacement.
struct Edit {
  size_t begin = 0;
  size_t end = 0;
  std::string replacement;

  friend bool operator==(const Edit&, const Edit&) = default;
};

// One artifact found by one rule.
struct Finding {
  std::string rule_id;
  Severity severity = Severity::kWarning;
  // The span the finding is about (for deleted lines: the lines' content).
  size_t begin = 0;
  size_t end = 0;
  std::string message;

  // The proposed fix. Either `delete_lines` is set, in which case the fix
  // removes the whole lines that [begin, end) touches (the resolver also
  // takes away the blank line that separated a removed block), or `edits`
  // holds byte edits. Both empty: a finding without a fix.
  bool delete_lines = false;
  std::vector<Edit> edits;

  // Set by the resolver: true when the fix became part of the applied edits.
  bool fixed = false;

  bool has_fix() const { return delete_lines || !edits.empty(); }
};

}  // namespace mtclean

#endif  // MTCLEAN_FINDING_H_
