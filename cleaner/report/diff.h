// Unified diffs built from edits: the edits already say what changed where,
// so no text comparison is needed.
#ifndef MTCLEAN_REPORT_DIFF_H_
#define MTCLEAN_REPORT_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

#include "mtclean/finding.h"

namespace mtclean::internal {

// The unified diff that turns `original` into `original` with `edits`
// (sorted, non-overlapping) applied, with `context` lines around each change,
// headed `--- old_path` / `+++ new_path`. Lines keep their own terminators
// (a CRLF file's lines end in "\r\n"); a last line without a line break is
// followed by "\ No newline at end of file", as patch and git apply expect.
// Empty when `edits` change nothing.
std::string UnifiedDiff(std::string_view old_path, std::string_view new_path,
                        std::string_view original, const std::vector<Edit>& edits,
                        int context = 3);

// The lines of `text`, each with its own line break (the last one may have
// none): the units a unified diff works in.
std::vector<std::string_view> SplitKeepingNewlines(std::string_view text);

}  // namespace mtclean::internal

#endif  // MTCLEAN_REPORT_DIFF_H_
