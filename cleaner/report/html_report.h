// The editors' review: one self-contained HTML page (`--format html`) that
// shows what mtclean found in each document and what `fix` changes there,
// with a summary, a chart of findings per rule, filters and keyboard
// navigation. The page loads nothing (its style sheet and script are
// inline) and needs no data folder (they are compiled into the binary from
// cleaner/report/html/).
//
// The page's data is the JSON findings report (json_report.h) with
// `documents` and a `review` object, in a
// `<script type="application/json" id="mtclean-review-data">` element; its
// script draws it with `window.mtcleanReview.render(data, root)`. Other
// pages that show the same review (mtclean serve's) use ReviewStyleSheet()
// and ReviewScript() and call that function with data of the same shape
// (docs/report-formats.md, "html").
//
// These functions build strings; only cli/ prints.
#ifndef MTCLEAN_REPORT_HTML_REPORT_H_
#define MTCLEAN_REPORT_HTML_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/eval/metrics.h"
#include "cleaner/report/report.h"

namespace mtclean::internal {

// What a review is of: it sets the title and the wording ("would change"
// for check).
enum class ReviewKind { kCheck, kFix, kEval };

struct ReviewData {
  ReviewKind kind = ReviewKind::kCheck;
  // The documents, in the order shown. Each one's text and result must
  // outlive the call.
  std::vector<CheckedFile> files = {};
  // kEval only: the corpus's figures, and for each of `files` (same order)
  // its evaluation against gold. Both must outlive the call.
  const CorpusEvaluation* evaluation = nullptr;
  std::vector<const DocEvaluation*> evaluations = {};
};

// The review page of `data`: a whole HTML document.
std::string RenderHtmlReport(const ReviewData& data);

// The page's data as JSON (unescaped): the findings report of `data.files`
// with `documents`, `review` and, for kEval, `evaluation` and each
// document's `evaluation` and `gold_diff`.
std::string ReviewDataJson(const ReviewData& data);

// `json` made safe inside a <script> element: `<`, `>`, `&`, U+2028 and
// U+2029 written as \u escapes. JSON has these only inside strings, where
// the escapes mean the same, so no text can close the element.
std::string EscapeJsonForScript(std::string_view json);

// The assets, for pages that build their own review (mtclean serve's): the
// style sheet (for a <style> element) and the script (for a <script>
// element; it defines window.mtcleanReview). Neither holds `</`.
std::string_view ReviewStyleSheet();
std::string_view ReviewScript();

// The page template: `@MTCLEAN_STYLE@`, `@MTCLEAN_SCRIPT@` and
// `@MTCLEAN_DATA@` (escaped JSON, or `null` for none) are filled in by
// RenderHtmlReport.
std::string_view ReviewPageTemplate();

}  // namespace mtclean::internal

#endif  // MTCLEAN_REPORT_HTML_REPORT_H_
