#include "cleaner/corpus/record_cleaner.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cleaner/corpus/json_record.h"
#include "nlohmann/json.hpp"

namespace mtclean {
namespace internal {
namespace {

using nlohmann::ordered_json;

absl::string_view Absl(std::string_view s) { return absl::string_view(s.data(), s.size()); }

std::string AnnotationJson(const Result& result) {
  ordered_json findings = ordered_json::array();
  for (const Finding& f : result.findings) {
    findings.push_back({{"rule", f.rule_id},
                        {"severity", std::string(SeverityName(f.severity))},
                        {"begin", f.begin},
                        {"end", f.end},
                        {"fixed", f.fixed}});
  }
  ordered_json edits = ordered_json::array();
  for (const Edit& e : result.edits) {
    edits.push_back({{"begin", e.begin}, {"end", e.end}, {"replacement", e.replacement}});
  }
  ordered_json annotation = {{"findings", std::move(findings)}, {"edits", std::move(edits)}};
  return annotation.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

absl::Status Bad(absl::string_view why) { return absl::InvalidArgumentError(why); }

}  // namespace

absl::Status BadRecordError(std::string_view input, uint64_t line, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat(Absl(input), ":", line, ": bad record: ", Absl(why)));
}

absl::Status AppendCleanedRecord(const RecordCleaner& cleaner, const Engine& engine,
                                 std::string_view record, std::string_view input, uint64_t line,
                                 const RecordOutputs& out) {
  const CorpusOptions& options = cleaner.options();
  // A record that arrived whole in one read may still be over the limit
  // (the line reader refuses the ones it has to wait for).
  if (record.size() > options.max_record_bytes) {
    return Bad(absl::StrCat(record.size(), " bytes is more than --max-bytes ",
                            options.max_record_bytes));
  }
  const bool annotate = options.fix && options.annotate;
  absl::StatusOr<RecordLayout> layout =
      ScanRecord(record, cleaner.field_keys(), annotate ? kAnnotationKey : "");
  if (!layout.ok()) return Bad(layout.status().message());
  const std::string_view token =
      record.substr(layout->field.begin, layout->field.end - layout->field.begin);
  absl::StatusOr<std::string> text = DecodeString(token, layout->field_escaped);
  if (!text.ok()) {
    return Bad(absl::StrCat("column ", layout->field.begin + 1, ": ", text.status().message()));
  }
  absl::StatusOr<Result> result =
      engine.Clean(absl::StrCat(Absl(input), ":", line), *text, options.format);
  if (!result.ok()) return Bad(result.status().message());

  out.stats->AddDocument(*text, *result, options.fail_on);

  if (!options.fix) {
    for (const Finding& f : result->findings) {
      absl::StrAppend(out.output, Absl(input), ":", line, ": ", Absl(SeverityName(f.severity)), ": ",
                      f.message, " [", f.rule_id, "] (", options.field, " bytes ", f.begin, "-",
                      f.end, ")\n");
    }
    if (out.result != nullptr) *out.result = std::move(*result);
    return absl::OkStatus();
  }

  // The record, with the cleaned string and the annotation spliced in.
  struct Splice {
    size_t begin, end;
    std::string text;
  };
  std::vector<Splice> splices;
  if (!result->edits.empty()) {
    splices.push_back({layout->field.begin, layout->field.end,
                       EncodeString(result->cleaned, UsesAsciiEscapes(token))});
  }
  if (annotate) {
    std::string annotation = AnnotationJson(*result);
    if (layout->annotation) {
      // An earlier run's annotation is replaced (unless the field lies in it).
      if (!splices.empty() && splices[0].begin >= layout->annotation->begin &&
          splices[0].end <= layout->annotation->end) {
        splices.clear();
      }
      splices.push_back({layout->annotation->begin, layout->annotation->end, std::move(annotation)});
    } else {
      splices.push_back({layout->object_close, layout->object_close,
                         absl::StrCat(layout->object_empty ? "" : ",", "\"", kAnnotationKey,
                                      "\":", annotation)});
    }
  }
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.begin < b.begin; });
  size_t at = 0;
  for (const Splice& s : splices) {
    out.output->append(record.substr(at, s.begin - at));
    out.output->append(s.text);
    at = s.end;
  }
  out.output->append(record.substr(at));

  if (options.rejects) {
    for (const Finding& f : result->findings) {
      if (!f.fixed) continue;
      for (const Edit& e : f.edits) {
        if (e.begin == e.end) continue;
        ordered_json reject = {{"input", input},
                               {"line", line},
                               {"rule", f.rule_id},
                               {"begin", e.begin},
                               {"end", e.end},
                               {"removed", text->substr(e.begin, e.end - e.begin)},
                               {"replacement", e.replacement}};
        out.rejects->append(reject.dump(-1, ' ', false, ordered_json::error_handler_t::replace));
        out.rejects->push_back('\n');
      }
    }
  }
  if (out.result != nullptr) *out.result = std::move(*result);
  return absl::OkStatus();
}

}  // namespace internal

absl::StatusOr<RecordCleaner> RecordCleaner::Create(CorpusOptions options) {
  absl::StatusOr<std::vector<std::string>> keys = internal::ParseFieldPath(options.field);
  if (!keys.ok()) return keys.status();
  return RecordCleaner(std::move(options), std::move(*keys));
}

absl::StatusOr<CleanedRecord> RecordCleaner::Clean(const Engine& engine, std::string_view record,
                                                   std::string_view input, uint64_t line) const {
  CleanedRecord cleaned;
  // As a line of a JSON Lines file: the record and its `\n`.
  cleaned.stats.bytes = record.size() + 1;
  const absl::Status bad = internal::AppendCleanedRecord(
      *this, engine, record, input, line,
      {&cleaned.output, &cleaned.rejects, &cleaned.stats, &cleaned.result});
  if (bad.ok()) return cleaned;
  absl::Status error =
      internal::BadRecordError(input, line, std::string_view(bad.message().data(), bad.message().size()));
  if (!options_.skip_bad_records) return error;
  cleaned.bad_record = std::move(error);
  cleaned.stats.bad_records = 1;
  if (options_.fix) cleaned.output.assign(record);
  return cleaned;
}

}  // namespace mtclean
