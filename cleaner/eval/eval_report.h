// Renderings of a corpus evaluation (metrics.h): a text report for people,
// with the worst documents and their diffs against gold, and JSON for
// machines. They return strings; only the CLI prints.
#ifndef MTCLEAN_EVAL_EVAL_REPORT_H_
#define MTCLEAN_EVAL_EVAL_REPORT_H_

#include <cstddef>
#include <string>

#include "cleaner/eval/metrics.h"
#include "nlohmann/json_fwd.hpp"

namespace mtclean::internal {

// The figures as aligned tables, then up to `worst` documents that miss their
// gold text, worst first, each with its missed artifacts, its findings that
// overlap no artifact, and the diff from the output to the gold text.
std::string EvalTextReport(const CorpusEvaluation& evaluation, size_t worst);

// One JSON object (version 1):
//   {"version": 1, "corpus": DIR, "documents": N,
//   "documents_without_artifacts": N,
//    "documents_without_artifacts_unchanged": N, "bytes": N, "good_bytes": N,
//    "damaged_bytes": N, "gold_edit_bytes": N, "missed_bytes": N,
//    "artifacts": N, "found": N, "findings": N, "findings_on_gold": N,
//    "recall": R, "catalogue_recall": R (all types but `other`),
//    "precision": R, "damage_rate": R, "miss_rate": R,
//    "exact_match_rate": R, "clean_unchanged_rate": R (documents without
//    artifacts left unchanged), "edit_distance": {"input_to_gold": N,
//    "output_to_gold": N, "closed": R, "documents_skipped": N},
//    "language_agreement": N,
//    "types": {TYPE: {"artifacts", "found", "recall", "edit_bytes",
//    "missed_bytes"}}, "rules": {RULE: {"findings", "on_gold", "precision",
//    "damaged_bytes"}}, "per_document": [{"id", "lang", "detected_lang",
//    "bytes", "artifacts", "found",
//                      "findings", "findings_on_gold", "damaged_bytes",
//                      "missed_bytes", "exact_match", "distance_before",
//                      "distance_after", "missed": [{"type", "start", "end"}],
//                      "stray": [{"rule", "start", "end", "fixed"}]}]}
// A ratio whose denominator is zero is null.
std::string EvalJsonReport(const CorpusEvaluation& evaluation);

// EvalJsonReport's object as a value, for reports that embed it (the HTML
// review); without `per_document` when that is false.
nlohmann::ordered_json EvalJsonValue(const CorpusEvaluation& evaluation,
                                     bool per_document = true);

// One element of EvalJsonReport's `per_document`.
nlohmann::ordered_json DocEvaluationJson(const DocEvaluation& doc);

}  // namespace mtclean::internal

#endif  // MTCLEAN_EVAL_EVAL_REPORT_H_
