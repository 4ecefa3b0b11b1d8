// The fuzz targets' bodies, shared by the libFuzzer binaries and by the
// regression test that replays the seeds and every input a fuzzer found.
#include "tests/fuzz/fuzz_targets.h"

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include "absl/strings/match.h"
#include "cleaner/cli/json_record.h"
#include "cleaner/config/config.h"
#include "cleaner/document/document.h"
#include "cleaner/resolve/resolve.h"
#include "cleaner/rules/loader.h"
#include "mtclean/engine.h"
#include "nlohmann/json.hpp"

namespace mtclean::fuzz {
namespace {

const Engine& TheEngine() {
  static const Engine* engine = [] {
    Options options;
    options.data_dir = MTCLEAN_SOURCE_DIR;
    options.cache_dir = MTCLEAN_FUZZ_CACHE_DIR;
    options.language = "en";
    absl::StatusOr<std::unique_ptr<Engine>> e = Engine::Create(options);
    if (!e.ok()) {
      std::cerr << e.status() << "\n";
      std::abort();
    }
    return e->release();
  }();
  return *engine;
}

}  // namespace

// The whole pipeline on arbitrary bytes. The first byte picks plain text or
// Markdown; the rest is the document. On every input the engine accepts:
// the output is valid UTF-8 and equals the input with the reported edits
// applied (sorted, non-overlapping, none touching a protected region), and
// cleaning it again changes nothing.
std::string CheckPipeline(const uint8_t* data, size_t size) {
  if (size == 0) return "";
  const bool markdown = (data[0] & 1) != 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const TextFormat format =
      markdown ? TextFormat::kMarkdown : TextFormat::kPlain;
  absl::StatusOr<Result> r = TheEngine().Clean("fuzz", text, format);
  if (!r.ok()) {
    // Only invalid UTF-8 may be refused.
    if (internal::ValidateUtf8(text).ok()) return "valid text refused";
    return "";
  }
  if (!internal::ValidateUtf8(r->cleaned).ok()) return "output is not valid UTF-8";
  for (size_t k = 1; k < r->edits.size(); ++k) {
    if (r->edits[k - 1].end > r->edits[k].begin) return "edits overlap or are out of order";
  }
  if (internal::ApplyEdits(text, r->edits) != r->cleaned) {
    return "output differs from the input with the reported edits applied";
  }
  absl::StatusOr<internal::Document> doc = internal::Document::Create(
      text, markdown ? internal::Syntax::kMarkdown : internal::Syntax::kPlain);
  if (!doc.ok()) return "document of accepted text refused";
  // Both sorted: one pass over regions and edits.
  size_t k = 0;
  for (const internal::Region& region : doc->protected_regions()) {
    while (k < r->edits.size() && r->edits[k].end <= region.begin) ++k;
    if (k < r->edits.size() && r->edits[k].begin < region.end) {
      return "edit inside a protected region";
    }
  }
  absl::StatusOr<Result> again = TheEngine().Clean("fuzz", r->cleaned, format);
  if (!again.ok() || again->cleaned != r->cleaned) return "not idempotent";
  return "";
}

// The rule-file loader: rules or an error naming the file.
std::string CheckRuleLoader(const uint8_t* data, size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  auto rules = internal::ParseRules(yaml, "fuzz.yaml");
  if (!rules.ok() && !absl::StartsWith(rules.status().message(), "fuzz.yaml")) {
    return "rule-file error without the file name: " + rules.status().ToString();
  }
  return "";
}

// The configuration loader: a configuration or an error naming the file.
std::string CheckConfig(const uint8_t* data, size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  auto config = internal::ParseConfig(yaml, "fuzz/.mtclean.yaml");
  if (!config.ok() && !absl::StartsWith(config.status().message(), "fuzz/.mtclean.yaml")) {
    return "configuration error without the file name: " + config.status().ToString();
  }
  return "";
}

namespace {

// True when `text` holds a `\\uD800`-`\\uDFFF` escape (either case).
bool HasSurrogateEscape(std::string_view text) {
  for (size_t i = text.find("\\u"); i != std::string_view::npos; i = text.find("\\u", i + 1)) {
    if (i + 3 < text.size() && (text[i + 2] == 'd' || text[i + 2] == 'D') &&
        std::string_view("89abcdefABCDEF").find(text[i + 3]) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// `record` with every run of digits outside strings cut to its first two
// digits. Whether JSON is well formed does not depend on how long a digit
// run is (a leading zero stays one), but nlohmann::json refuses a number
// that overflows a double (`1e999`), which RFC 8259's grammar allows.
std::string ShortenNumbers(std::string_view record) {
  std::string out;
  bool in_string = false;
  size_t run = 0;
  for (size_t i = 0; i < record.size(); ++i) {
    const char c = record[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < record.size()) {
        out += record[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run <= 2) out += c;
    in_string = c == '"';
  }
  return out;
}

}  // namespace

// The JSON Lines record reader: the first line of the input is a record.
// Whatever it reads as a record with a `text` string (or `meta.text`) must
// be JSON to an independent parser (nlohmann::json) when it is valid UTF-8,
// and the string it
// decodes must survive encoding (plain and ASCII-escaped) and reading back.
std::string CheckJsonRecord(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string_view record = input.substr(0, input.find('\n'));
  for (const std::vector<std::string>& path :
       {std::vector<std::string>{"text"}, std::vector<std::string>{"meta", "text"}}) {
    absl::StatusOr<cli::RecordLayout> layout = cli::ScanRecord(record, path, "mtclean");
    if (!layout.ok()) continue;
    const std::string_view token =
        record.substr(layout->field.begin, layout->field.end - layout->field.begin);
    absl::StatusOr<std::string> value = cli::DecodeString(token, layout->field_escaped);
    // The field's value is nlohmann::json's reading of its token, which
    // refuses the same strings (a lone surrogate, invalid UTF-8).
    const nlohmann::json reference = nlohmann::json::parse(token, nullptr, false);
    if (reference.is_discarded() != !value.ok()) {
      return value.ok() ? "a string nlohmann::json refuses was decoded"
                        : "a string nlohmann::json reads was refused";
    }
    if (!value.ok()) continue;
    if (!reference.is_string() || reference.get_ref<const std::string&>() != *value) {
      return "a string decodes to another value than nlohmann::json's";
    }
    // The reader copies the other fields byte for byte and checks UTF-8 in
    // the field it decodes only, so a stray byte elsewhere does not stop a
    // corpus run; and RFC 8259's grammar allows a lone surrogate escape,
    // which nlohmann::json refuses, as it does numbers that overflow a
    // double. Compare with it on the rest.
    if (internal::ValidateUtf8(record).ok() && !HasSurrogateEscape(record) &&
        !nlohmann::json::accept(ShortenNumbers(record))) {
      return "a record nlohmann::json refuses was read";
    }
    for (const bool ascii : {false, true}) {
      const std::string encoded = cli::EncodeString(*value, ascii);
      const std::string again_record = "{\"text\":" + encoded + "}";
      absl::StatusOr<cli::RecordLayout> again = cli::ScanRecord(again_record, {"text"});
      if (!again.ok()) return "an encoded string is not read back";
      absl::StatusOr<std::string> decoded = cli::DecodeString(
          std::string_view(again_record)
              .substr(again->field.begin, again->field.end - again->field.begin),
          again->field_escaped);
      if (!decoded.ok() || *decoded != *value) return "a string does not survive encoding";
    }
  }
  return "";
}

}  // namespace mtclean::fuzz
