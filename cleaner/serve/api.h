// The JSON API of `mtclean serve`, apart from the sockets: request bodies
// parsed and checked, answers built. Every function is pure and safe to call
// from many threads at once.
//
//   POST /v1/check, POST /v1/fix
//     {"text": "...", "format": "plain"|"markdown", "lang": "fr", "name": "a.txt"}
//     `text` is required; the others are optional. Answer: the JSON findings
//     report of the text (docs/report-formats.md) with its `language` and, for
//     fix, the cleaned text and the applied edits.
//   Any failure: {"error": "MESSAGE", "status": CODE}.
#ifndef MTCLEAN_SERVE_API_H_
#define MTCLEAN_SERVE_API_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mtclean/engine.h"

namespace mtclean::serve {

// An HTTP answer: status code and JSON body (one line, ending in "\n").
struct Reply {
  int status = 200;
  std::string body;
};

// {"error": message, "status": status} with that status.
Reply ErrorReply(int status, absl::string_view message);

// A parsed body of POST /v1/check or /v1/fix.
struct CleanRequest {
  std::string text;
  // `format` when the request gave one; else, as for unnamed standard
  // input in the CLI, Markdown when the text opens with front matter.
  TextFormat format = TextFormat::kPlain;
  // `lang`; empty when the request gave none (or null): the server's own.
  std::string language;
  // `name`, shown as the findings' `file`; default "<text>".
  std::string name = "<text>";
};

// Parses `body`. Errors, all InvalidArgument with a message for the client:
// the body is not valid UTF-8 (names the byte), not JSON (names the byte and
// what was wrong), not an object, `text` missing or not a string, `format`
// not "plain" or "markdown", `lang` or `name` not a string. Fields it does
// not know are ignored, so that clients may send more than this version
// reads.
absl::StatusOr<CleanRequest> ParseCleanRequest(std::string_view body);

// The answer to a cleaned request: JsonDocumentReport of `result` (with the
// cleaned text and the edits when `with_fix`).
std::string CleanAnswer(const CleanRequest& request, const Result& result, bool with_fix);

}  // namespace mtclean::serve

#endif  // MTCLEAN_SERVE_API_H_
