// The page `mtclean serve` answers GET / with: a text box and a button that
// sends the text to POST /v1/fix and draws the answer with the editors'
// review of `--format html` (cleaner/report/html_report.h: the same style
// sheet, script and render function), so that an editor can try mtclean
// without a CMS. Self-contained like the report: it loads nothing but its
// own requests to the server.
#ifndef MTCLEAN_SERVE_REVIEW_PAGE_H_
#define MTCLEAN_SERVE_REVIEW_PAGE_H_

#include <string>
#include <vector>

namespace mtclean::serve {

// The whole HTML page. `languages`: the values offered for the request's
// `lang` (besides the server's own, the default).
std::string ReviewPage(const std::vector<std::string>& languages);

}  // namespace mtclean::serve

#endif  // MTCLEAN_SERVE_REVIEW_PAGE_H_
