// `mtclean eval DIR`: runs the active configuration over a labelled corpus
// (DIR/docs/ID.txt, DIR/gold/ID.json, DIR/gold/ID.clean.txt) and prints
// recall per artifact type, precision per rule, the damage and miss rates,
// the exact-match rate and the share of the edit distance to gold closed.
// With `--outputs OUTDIR`, the same figures for another tool whose cleaned
// text of each document is OUTDIR/ID.txt; its changes are the findings of
// one rule, `peer.` and the folder's name.
#include <filesystem>
#include <iostream>

#include "cleaner/cli/commands.h"
#include "cleaner/eval/corpus.h"
#include "cleaner/eval/eval_report.h"
#include "cleaner/eval/metrics.h"
#include "cleaner/report/html_report.h"

namespace mtclean::cli {
namespace {

namespace fs = std::filesystem;

// `peer.NAME` for the outputs folder NAME (trailing slashes and `.` aside).
std::string PeerRuleId(const std::string& outputs) {
  fs::path p = fs::absolute(outputs).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  const std::string name = p.filename().string();
  return "peer." + (name.empty() ? std::string("output") : name);
}

}  // namespace

int RunEval(EngineSet& engines, const CliOptions& options) {
  const std::string& dir = options.paths.front();
  absl::StatusOr<std::vector<std::string>> ids = internal::ListCorpus(dir);
  if (!ids.ok()) {
    std::cerr << "mtclean: error: " << ids.status().message() << "\n";
    return kExitInputError;
  }
  const bool peer = !options.outputs.empty();
  if (peer) {
    std::error_code ec;
    if (!fs::is_directory(options.outputs, ec)) {
      std::cerr << "mtclean: error: " << options.outputs
                << ": no such folder\n";
      return kExitInputError;
    }
  }
  // Every document (and every output) is checked before any figure is
  // printed: figures over a corpus with broken labels would mislead.
  std::vector<internal::LabelledDoc> docs;
  std::vector<std::string> outputs;
  bool input_error = false;
  for (const std::string& id : *ids) {
    absl::StatusOr<internal::LabelledDoc> doc =
        internal::LoadLabelledDoc(dir, id);
    if (!doc.ok()) {
      std::cerr << "mtclean: error: " << doc.status().message() << "\n";
      input_error = true;
      continue;
    }
    if (peer) {
      absl::StatusOr<std::string> output =
          internal::LoadOutput(options.outputs, id);
      if (!output.ok()) {
        std::cerr << "mtclean: error: " << output.status().message() << "\n";
        input_error = true;
        continue;
      }
      outputs.push_back(std::move(*output));
    }
    doc->doc_path = DisplayPath(doc->doc_path);  // as the report shows it
    docs.push_back(std::move(*doc));
  }
  if (input_error) return kExitInputError;

  const std::string peer_rule = peer ? PeerRuleId(options.outputs) : "";
  std::vector<internal::DocEvaluation> evaluations;
  // Each document's result, for the HTML review of the worst ones.
  const bool html = options.format == "html";
  std::vector<Result> results;
  for (size_t i = 0; i < docs.size(); ++i) {
    const internal::LabelledDoc& doc = docs[i];
    if (peer) {
      Result output = internal::OutputAsResult(doc, std::move(outputs[i]), peer_rule);
      evaluations.push_back(internal::EvaluateDocument(doc, output));
      if (html) results.push_back(std::move(output));
      continue;
    }
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
    if (html) results.push_back(std::move(*result));
  }
  const internal::CorpusEvaluation evaluation =
      internal::SummarizeEvaluation(DisplayPath(dir), std::move(evaluations));
  if (options.format == "json") {
    std::cout << internal::EvalJsonReport(evaluation);
  } else if (html) {
    internal::ReviewData review{.kind = internal::ReviewKind::kEval, .evaluation = &evaluation};
    for (const internal::DocEvaluation* d : internal::WorstDocuments(evaluation, options.worst)) {
      const size_t i = static_cast<size_t>(d - evaluation.docs.data());
      review.files.push_back({d->doc_path, docs[i].text, &results[i]});
      review.evaluations.push_back(d);
    }
    std::cout << internal::RenderHtmlReport(review);
  } else {
    std::cout << internal::EvalTextReport(evaluation, options.worst);
  }
  std::cout.flush();
  return kExitClean;
}

}  // namespace mtclean::cli
