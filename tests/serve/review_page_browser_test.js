// The review page of `mtclean serve` (GET /) in a real browser (headless
// Chromium, Debian's package, driven by playwright-core as the HTML
// review's tests drive it): a fixture article pasted into the text box and
// sent with the button is drawn by the review's own script with every
// finding of the service's /v1/fix answer listed and the changes where its
// edits say (the text read without insertions is what was pasted, without
// deletions the answer's cleaned text); a hostile text shows its markup as
// text and runs none of it; a refused text says why; no console errors, no
// request but to the server. A screenshot goes to the output folder.
//
//   node review_page_browser_test.js --mtclean BIN --tools DIR --source DIR --out DIR
//
// MTCLEAN_DATA_DIR and MTCLEAN_CACHE_DIR come from the environment (ctest).
'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const review = require('../report/review_browser.js');

const args = review.parseArgs(process.argv.slice(2));
const work = args.out;
// The name the page gives the pasted text (the findings' `file`).
const NAME = 'pasted text';

// Starts `mtclean serve` on a free loopback port; resolves to
// {child, base, log()} once it prints the address it listens on.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(args.mtclean, ['serve', '--listen', '127.0.0.1:0', '--jobs', '2'],
                        { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mtclean serve did not start: ${log}`));
    }, 120000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /^mtclean: listening on (http:\/\/127\.0\.0\.1:\d+) /m.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1], log: () => log });
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mtclean serve exited ${code} before listening: ${log}`));
    });
  });
}

// The service's own answer for `body`, asked outside the browser.
async function fixAnswer(base, body) {
  const res = await fetch(`${base}/v1/fix`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    signal: AbortSignal.timeout(60000),
  });
  assert.equal(res.status, 200);
  return res.json();
}

// Pastes `text` into the page's box, presses the button and waits for the
// status line to say how it went.
async function paste(page, text) {
  await page.fill('#mtclean-text', text);
  await page.click('#mtclean-run');
  await page.waitForFunction(() => {
    const s = document.getElementById('mtclean-status').textContent;
    return s !== '' && !s.startsWith('Checking');
  }, null, { timeout: 60000 });
  return page.textContent('#mtclean-status');
}

const HOSTILE =
  'Harbour board <script>window.pwned=1</script> approves the budget\n\n' +
  'Harbour board <script>window.pwned=1</script> approves the budget\n\n' +
  'The board approved its budget on Tuesday. <img src=x onerror="window.pwned=2"> ' +
  'Members said the port needs new cranes.\n\n' +
  '</main></script><script>window.pwned=3</script> & <b onmouseover="window.pwned=4">bold</b>\n\n' +
  'Leave a Reply\n';

async function main() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const article = fs.readFileSync(
    path.join(args.source, 'tests/articles/europa-press-text-artifacts-mojibake-entities.txt'), 'utf8');
  const server = await startServer();
  const browser = await review.launch(args.tools);
  try {
    const { page, problems } = await review.watchedPage(browser, (url) => url.startsWith(server.base));
    const response = await page.goto(`${server.base}/`, { timeout: 60000 });
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/html/);

    // A fixture article: every finding of the service's answer listed, the
    // changes where its edits say.
    const answer = await fixAnswer(server.base, { text: article, name: NAME });
    assert.ok(answer.findings.length >= 3, 'the article has findings');
    const status = await paste(page, article);
    await review.waitDrawn(page);
    const n = answer.findings.length;
    assert.equal(status, `${n} findings, ${answer.edits.length} changes (language ${answer.language})`);
    review.assertListsEveryFinding(await review.listedFindings(page), answer);
    const texts = await review.documentTexts(page);
    assert.deepEqual(Object.keys(texts), [NAME]);
    assert.equal(texts[NAME].before, article, 'read without insertions: the pasted text');
    assert.equal(texts[NAME].after, answer.cleaned, 'read without deletions: the cleaned text');
    const rules = await review.markedRules(page, answer);
    for (const f of answer.findings.filter((f) => f.fix && f.fix.applied && f.fix.edits.length)) {
      assert.ok(rules.has(f.rule), `the changes of ${f.rule} are marked`);
    }
    fs.writeFileSync(path.join(work, 'answer.json'), JSON.stringify(answer, null, 2));
    await page.screenshot({ path: path.join(work, 'serve-review.png'), fullPage: false });

    // A hostile text: its markup shown as text, none of it run.
    const hostileAnswer = await fixAnswer(server.base, { text: HOSTILE, name: NAME });
    await paste(page, HOSTILE);
    await review.waitDrawn(page);
    review.assertListsEveryFinding(await review.listedFindings(page), hostileAnswer);
    const hostileTexts = await review.documentTexts(page);
    assert.equal(hostileTexts[NAME].before, HOSTILE);
    assert.equal(hostileTexts[NAME].after, hostileAnswer.cleaned);
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'no script of the text ran');
    assert.equal(await page.evaluate(() => document.querySelectorAll(
      '.mtclean-review script, .mtclean-review img, .mtclean-review b').length), 0);
    await page.hover('.mtclean-review .doc');
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'nor on hover');
    assert.deepEqual(problems, [], 'no console errors, no uncaught exceptions, no foreign requests');

    // A text the server refuses: the status says why. The browser itself
    // logs the refused request; nothing else may appear.
    const big = 'A sentence of my own, written again and again. '.repeat(23000);
    const refused = await paste(page, big);
    assert.match(refused, /^Not checked: the body is larger than the limit of 1048576 bytes/);
    assert.deepEqual(problems.filter((p) => !/status of 413/.test(p)), []);
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
  const code = await new Promise((resolve) => {
    if (server.child.exitCode !== null) resolve(server.child.exitCode);
    else server.child.on('exit', resolve);
  });
  assert.equal(code, 0, `mtclean serve exited ${code}: ${server.log()}`);
  console.log(`ok: the review page of mtclean serve (screenshot: ${path.join(work, 'serve-review.png')})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
