#include "cleaner/serve/api.h"

#include "absl/strings/str_cat.h"
#include "cleaner/document/document.h"
#include "cleaner/report/json_report.h"
#include "cleaner/report/report.h"
#include "nlohmann/json.hpp"

namespace mtclean::serve {
namespace {

using nlohmann::json;

// nlohmann's message without its "[json.exception.parse_error.101] " tag.
absl::string_view WithoutTag(absl::string_view what) {
  const size_t close = what.find("] ");
  return what.substr(0, 1) == "[" && close != absl::string_view::npos ? what.substr(close + 2)
                                                                      : what;
}

// The optional string field `key` of `object` into `*out`: absent or null
// leaves it; another type is an error.
absl::Status OptionalString(const json& object, const char* key, std::string* out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return absl::OkStatus();
  if (!it->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat("`", key, "` must be a string, not ", it->type_name()));
  }
  *out = it->get<std::string>();
  return absl::OkStatus();
}

}  // namespace

Reply ErrorReply(int status, absl::string_view message) {
  const json body = {{"error", std::string(message)}, {"status", status}};
  return {status, body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"};
}

absl::StatusOr<CleanRequest> ParseCleanRequest(std::string_view body) {
  if (absl::Status s = internal::ValidateUtf8(body); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("the body is not UTF-8: ", s.message()));
  }
  json parsed;
  // nlohmann reports syntax errors only by exception: it is caught here,
  // where the library is called.
  try {
    parsed = json::parse(body);
  } catch (const json::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("the body is not valid JSON: ", WithoutTag(e.what())));
  }
  if (!parsed.is_object()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the body must be a JSON object such as {\"text\": \"...\"}, not ", parsed.type_name()));
  }
  CleanRequest request;
  auto text = parsed.find("text");
  if (text == parsed.end()) {
    return absl::InvalidArgumentError("the body has no `text` (the text to check, a string)");
  }
  if (!text->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat("`text` must be a string, not ", text->type_name()));
  }
  request.text = text->get<std::string>();
  std::string format;
  if (absl::Status s = OptionalString(parsed, "format", &format); !s.ok()) return s;
  if (format.empty()) {
    request.format = internal::OpensWithFrontMatter(request.text) ? TextFormat::kMarkdown
                                                                   : TextFormat::kPlain;
  } else if (format == "plain") {
    request.format = TextFormat::kPlain;
  } else if (format == "markdown") {
    request.format = TextFormat::kMarkdown;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("`format` must be \"plain\" or \"markdown\", not \"", format, "\""));
  }
  if (absl::Status s = OptionalString(parsed, "lang", &request.language); !s.ok()) return s;
  if (absl::Status s = OptionalString(parsed, "name", &request.name); !s.ok()) return s;
  return request;
}

std::string CleanAnswer(const CleanRequest& request, const Result& result, bool with_fix) {
  const internal::CheckedFile file{request.name, request.text, &result};
  return internal::JsonDocumentReport(file, with_fix);
}

}  // namespace mtclean::serve
