// The fuzz targets' bodies, shared by the libFuzzer binaries and by the
// regression test that replays the seeds and every input a fuzzer found.
#include "tests/fuzz/fuzz_targets.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include "absl/strings/match.h"
#include "cleaner/corpus/byte_source.h"
#include "cleaner/corpus/json_record.h"
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
  // The CLI's quick look for front matter (is unnamed standard input
  // Markdown?) agrees with the document's.
  if (internal::OpensWithFrontMatter(text) != (doc->first_body_line() > 0)) {
    return "OpensWithFrontMatter disagrees with the document's front matter";
  }
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

namespace {

// The input, at most `step` bytes a read.
class StepSource : public ByteSource {
 public:
  StepSource(std::string_view data, size_t step) : data_(data), step_(step) {}
  absl::StatusOr<size_t> Read(char* buffer, size_t capacity) override {
    const size_t n = std::min({capacity, step_, data_.size() - pos_});
    std::memcpy(buffer, data_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  uint64_t consumed() const override { return pos_; }

 private:
  std::string_view data_;
  size_t step_;
  size_t pos_ = 0;
};

// The line reader over all of `input`, asking `read_size` bytes a read of a
// source that hands out at most `step`, refusing lines over `max_line`:
// what it hands out, joined, is the input; whole lines are lines; a refused
// line deserves it; nothing it holds is larger than the limit and a read.
std::string CheckLineReader(std::string_view input, size_t step, size_t read_size,
                            size_t max_line) {
  internal::LineReader reader(std::make_unique<StepSource>(input, step), max_line, read_size);
  internal::LineChunk chunk;
  std::string joined;
  std::string refused;  // the refused line so far
  bool in_refused = false;
  internal::LineChunk::Reason reason = internal::LineChunk::Reason::kNone;
  size_t column = 0;
  const size_t bound = max_line + std::min(step, read_size) + 1;
  for (;;) {
    absl::StatusOr<bool> more = reader.Next(64, &chunk);
    if (!more.ok()) return "the line reader failed on an input that reads";
    if (!*more) break;
    if (chunk.bytes.size() > bound && (chunk.kind == internal::LineChunk::Kind::kRefused ||
                                       chunk.line_ends.size() == 1)) {
      return "the line reader held more than the limit and a read";
    }
    joined += chunk.bytes;
    if (chunk.kind == internal::LineChunk::Kind::kLines) {
      if (in_refused) return "whole lines inside a refused line";
      if (chunk.line_ends.empty() || chunk.line_ends.back() != chunk.bytes.size()) {
        return "a batch of lines that does not end at a line end";
      }
      size_t start = 0;
      for (const size_t end : chunk.line_ends) {
        const std::string_view line = std::string_view(chunk.bytes).substr(start, end - start);
        const size_t nl = line.find('\n');
        if (end <= start || (nl != std::string_view::npos && nl + 1 != line.size()) ||
            (nl == std::string_view::npos &&
             (end != chunk.bytes.size() || joined.size() != input.size()))) {
          return "a line is not one line";
        }
        if (line.size() > bound) return "a whole line is larger than the limit and a read";
        start = end;
      }
      continue;
    }
    if (chunk.starts_line == in_refused) return "a refused line starts twice or not at all";
    if (chunk.starts_line) {
      in_refused = true;
      refused.clear();
      reason = chunk.reason;
      column = chunk.column;
    }
    refused += chunk.bytes;
    const size_t nl = refused.find('\n');
    if (nl != std::string::npos && (nl + 1 != refused.size() || !chunk.ends_line)) {
      return "a refused line goes past its line end";
    }
    if (!chunk.ends_line) continue;
    in_refused = false;
    if (nl == std::string::npos && joined.size() != input.size()) {
      return "a refused line ends before its line end";
    }
    // The record without its line end (`\n` or `\r\n`; a last line without
    // `\n` keeps its `\r`, as the record reader does).
    std::string_view record = refused;
    if (!record.empty() && record.back() == '\n') {
      record.remove_suffix(1);
      if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
    }
    if (chunk.line_bytes != record.size()) return "a refused line's size is wrong";
    if (reason == internal::LineChunk::Reason::kTooLarge) {
      if (record.size() <= max_line) return "a line within the limit was refused as too large";
    } else {
      const size_t first = refused.find_first_not_of(" \t\r");
      if (reason != internal::LineChunk::Reason::kNotAnObject || first == std::string::npos ||
          refused[first] == '{' || column != first + 1) {
        return "a line was refused as not an object for no reason";
      }
    }
  }
  if (in_refused) return "a refused line never ended";
  if (joined != input) return "the line reader lost or changed bytes";
  return "";
}

}  // namespace

// The JSON Lines record reader: the first line of the input is a record.
// Whatever it reads as a record with a `text` string (or `meta.text`) must
// be JSON to an independent parser (nlohmann::json) when it is valid UTF-8,
// and the string it
// decodes must survive encoding (plain and ASCII-escaped) and reading back.
std::string CheckJsonRecord(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // The line reader cuts the whole input, with reads and a limit that vary
  // with its size: a few bytes at a time and small limits, then reads that
  // the source fills. (Its reads are small here: a buffer of 1 MB for every
  // input would make the fuzzer forty times slower.)
  struct Cut {
    size_t step, read_size, max_line;
  };
  for (const Cut& cut : {Cut{1 + size % 7, 64, size % 23}, Cut{4096, 1 + size % 97, 1 + size % 61}}) {
    if (std::string broken = CheckLineReader(input, cut.step, cut.read_size, cut.max_line);
        !broken.empty()) {
      return broken;
    }
  }
  const std::string_view record = input.substr(0, input.find('\n'));
  for (const std::vector<std::string>& path :
       {std::vector<std::string>{"text"}, std::vector<std::string>{"meta", "text"}}) {
    absl::StatusOr<internal::RecordLayout> layout = internal::ScanRecord(record, path, "mtclean");
    if (!layout.ok()) continue;
    const std::string_view token =
        record.substr(layout->field.begin, layout->field.end - layout->field.begin);
    absl::StatusOr<std::string> value = internal::DecodeString(token, layout->field_escaped);
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
      const std::string encoded = internal::EncodeString(*value, ascii);
      const std::string again_record = "{\"text\":" + encoded + "}";
      absl::StatusOr<internal::RecordLayout> again = internal::ScanRecord(again_record, {"text"});
      if (!again.ok()) return "an encoded string is not read back";
      absl::StatusOr<std::string> decoded = internal::DecodeString(
          std::string_view(again_record)
              .substr(again->field.begin, again->field.end - again->field.begin),
          again->field_escaped);
      if (!decoded.ok() || *decoded != *value) return "a string does not survive encoding";
    }
  }
  return "";
}

}  // namespace mtclean::fuzz
