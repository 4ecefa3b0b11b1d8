// `mtclean eval DIR`: runs the active configuration over a labelled corpus
// (DIR/docs/ID.txt, DIR/gold/ID.json, DIR/gold/ID.clean.txt) and prints
// recall per artifact type, precision per rule, the damage and miss rates,
// the exact-match rate and the share of the edit distance to gold closed.
#include <iostream>

#include "cleaner/cli/commands.h"
#include "cleaner/eval/corpus.h"
#include "cleaner/eval/eval_report.h"
#include "cleaner/eval/metrics.h"

namespace mtclean::cli {

int RunEval(EngineSet& engines, const CliOptions& options) {
  const std::string& dir = options.paths.front();
  absl::StatusOr<std::vector<std::string>> ids = internal::ListCorpus(dir);
  if (!ids.ok()) {
    std::cerr << "mtclean: error: " << ids.status().message() << "\n";
    return kExitInputError;
  }
  // Every document is checked before any figure is printed: figures over a
  // corpus with broken labels would mislead.
  std::vector<internal::LabelledDoc> docs;
  bool input_error = false;
  for (const std::string& id : *ids) {
    absl::StatusOr<internal::LabelledDoc> doc =
        internal::LoadLabelledDoc(dir, id);
    if (!doc.ok()) {
      std::cerr << "mtclean: error: " << doc.status().message() << "\n";
      input_error = true;
      continue;
    }
    doc->doc_path = DisplayPath(doc->doc_path);  // as the report shows it
    docs.push_back(std::move(*doc));
  }
  if (input_error) return kExitInputError;

  std::vector<internal::DocEvaluation> evaluations;
  for (const internal::LabelledDoc& doc : docs) {
    absl::StatusOr<EngineSet::Selection> selection = engines.For(doc.doc_path);
    if (!selection.ok()) {
      std::cerr << "mtclean: error: " << selection.status().message() << "\n";
      return kExitUsage;
    }
    absl::StatusOr<Result> result =
        selection->engine->Clean(doc.doc_path, doc.text, TextFormat::kPlain);
    if (!result.ok()) {
      std::cerr << "mtclean: error: " << result.status().message() << "\n";
      return kExitInputError;
    }
    evaluations.push_back(internal::EvaluateDocument(doc, *result));
  }
  const internal::CorpusEvaluation evaluation =
      internal::SummarizeEvaluation(DisplayPath(dir), std::move(evaluations));
  if (options.format == "json") {
    std::cout << internal::EvalJsonReport(evaluation);
  } else {
    std::cout << internal::EvalTextReport(evaluation, options.worst);
  }
  std::cout.flush();
  return kExitClean;
}

}  // namespace mtclean::cli
