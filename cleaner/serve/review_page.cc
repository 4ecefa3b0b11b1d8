#include "cleaner/serve/review_page.h"

#include <string_view>

#include "cleaner/report/html_report.h"

namespace mtclean::serve {
namespace {

// The page around the review: the form, then the element the review's
// render function draws into. `connect-src 'self'` lets the form's script
// reach this server and nothing else.
constexpr std::string_view kHead = R"page(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:">
<meta name="generator" content="mtclean serve">
<title>mtclean: try a text</title>
<style>
)page";

constexpr std::string_view kFormStyle = R"page(
.mtclean-try { max-width: 72rem; margin: 1.5rem auto 0; padding: 0 1rem; font: 15px/1.45 system-ui, sans-serif; }
.mtclean-try h1 { font-size: 1.3rem; margin: 0 0 .6rem; }
.mtclean-try textarea { box-sizing: border-box; width: 100%; min-height: 14rem; font: 14px/1.4 ui-monospace, monospace; padding: .5rem; }
.mtclean-try .controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: .5rem 0 1rem; }
.mtclean-try button { font: inherit; padding: .35rem 1.1rem; }
.mtclean-try .status { color: #555; }
.mtclean-try .status.failed { color: #b00020; }
</style>
</head>
<body>
<form id="mtclean-try" class="mtclean-try">
<h1>mtclean: what would be removed from a story, and why</h1>
<label for="mtclean-text">Paste a story (plain text or Markdown):</label>
<textarea id="mtclean-text" name="text" spellcheck="false" autofocus></textarea>
<div class="controls">
<label>Format <select id="mtclean-format"><option value="">as it looks</option><option value="plain">plain text</option><option value="markdown">Markdown</option></select></label>
<label>Language <select id="mtclean-lang"><option value="">the server's</option>
)page";

constexpr std::string_view kFormEnd = R"page(</select></label>
<button type="submit" id="mtclean-run">Check and fix</button>
<span id="mtclean-status" class="status" role="status" aria-live="polite"></span>
</div>
</form>
<main id="mtclean-review" class="mtclean-review"></main>
<script>
)page";

// Sends the text to /v1/fix and draws the answer: the findings report plus
// the one document the review needs (its text, the edits, which findings
// are its own). Ctrl+Enter sends too.
constexpr std::string_view kFormScript = R"page(</script>
<script>
(function () {
  'use strict';
  var form = document.getElementById('mtclean-try');
  var text = document.getElementById('mtclean-text');
  var status = document.getElementById('mtclean-status');
  var button = document.getElementById('mtclean-run');
  var root = document.getElementById('mtclean-review');
  var NAME = 'pasted text';

  function say(message, failed) {
    status.textContent = message;
    status.className = failed ? 'status failed' : 'status';
  }

  function reviewData(answer, sent) {
    var data = Object.assign({}, answer);
    data.documents = [{
      file: NAME, language: answer.language, bytes: window.mtcleanReview.utf8Length(sent),
      first_finding: 0, finding_count: answer.findings.length, edits: answer.edits, text: sent
    }];
    data.review = {command: 'fix'};
    return data;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var sent = text.value;
    var body = {text: sent, name: NAME};
    var format = document.getElementById('mtclean-format').value;
    var lang = document.getElementById('mtclean-lang').value;
    if (format) body.format = format;
    if (lang) body.lang = lang;
    button.disabled = true;
    say('Checking\u2026', false);
    fetch('/v1/fix', {method: 'POST', headers: {'Content-Type': 'application/json'},
                      body: JSON.stringify(body)})
      .then(function (response) {
        return response.json().then(function (answer) { return {ok: response.ok, answer: answer}; });
      })
      .then(function (r) {
        if (!r.ok) throw new Error(r.answer && r.answer.error ? r.answer.error : 'the server refused the text');
        window.mtcleanReview.render(reviewData(r.answer, sent), root);
        var n = r.answer.findings.length, c = r.answer.edits.length;
        say(n + (n === 1 ? ' finding, ' : ' findings, ') + c + (c === 1 ? ' change' : ' changes') +
            ' (language ' + r.answer.language + ')', false);
      })
      .catch(function (error) { say('Not checked: ' + error.message, true); })
      .then(function () { button.disabled = false; });
  });
  text.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
})();
</script>
</body>
</html>
)page";

}  // namespace

std::string ReviewPage(const std::vector<std::string>& languages) {
  std::string page;
  for (std::string_view part : {kHead, internal::ReviewStyleSheet(), kFormStyle}) page += part;
  for (const std::string& language : languages) {
    // The values are the server's own list (letters only): nothing to escape.
    page += "<option value=\"" + language + "\">" + language + "</option>";
  }
  for (std::string_view part : {kFormEnd, internal::ReviewScript(), kFormScript}) page += part;
  return page;
}

}  // namespace mtclean::serve
