// Helpers for the browser tests of the HTML review (cleaner/report/html/):
// headless Chromium from Debian's `chromium` package, driven by
// playwright-core (installed into the build folder by
// scripts/install-test-tools.sh; it never downloads a browser), and the
// facts a test reads off a drawn review page.
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');

const CHROMIUM = '/usr/bin/chromium';

// The browser tests' command line: `--name value` pairs, each of `names`
// required, paths made absolute (a server under test may run elsewhere).
function parseArgs(argv, names = ['mtclean', 'tools', 'source', 'out']) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`bad argument ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const name of names) {
    if (!args[name]) throw new Error(`--${name} is required`);
    args[name] = path.resolve(args[name]);
  }
  return args;
}

// playwright-core from the test tools folder.
function loadPlaywright(toolsDir) {
  return require(path.join(toolsDir, 'node_modules', 'playwright-core'));
}

async function launch(toolsDir) {
  const { chromium } = loadPlaywright(toolsDir);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium's sandbox cannot start as root, which is how CI (and the
    // fresh-machine check) runs the tests.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

// A page that records what must not happen on a review: console errors,
// uncaught exceptions, and any request but those `allowed(url)` accepts
// (a report loads nothing but itself).
async function watchedPage(browser, allowed, viewport = { width: 1280, height: 1000 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    if (!allowed(r.url())) problems.push(`request: ${r.url()}`);
  });
  return { page, problems };
}

// Waits until the review has drawn every document (data-state="ready").
async function waitDrawn(page, timeout = 60000) {
  await page.waitForSelector('main.mtclean-review[data-state="ready"], .mtclean-review[data-state="ready"]',
                             { timeout });
}

// What the drawn page lists: each finding item of the documents shown, with
// the path of its document.
async function listedFindings(page) {
  return page.evaluate(() => {
    const out = [];
    for (const section of document.querySelectorAll('section.doc:not([hidden])')) {
      const file = section.querySelector('.doc-head .path').textContent;
      for (const li of section.querySelectorAll('li.finding[data-f]')) {
        if (li.getAttribute('data-f') === '') continue;  // a missed gold artifact
        out.push({
          id: li.getAttribute('data-f'),
          file,
          rule: li.querySelector('.rule').textContent,
          severity: li.querySelector('.sev').textContent,
          where: li.querySelector('.where').textContent,
          message: li.querySelector('.msg').textContent,
        });
      }
    }
    return out;
  });
}

// Every finding of `report` (the JSON report) is listed once, under its
// file, with its rule, severity, position and message; nothing else is.
function assertListsEveryFinding(listed, report) {
  assert.equal(listed.length, report.findings.length, 'one list item per finding of the JSON report');
  const byId = new Map(listed.map((item) => [item.id, item]));
  assert.equal(byId.size, listed.length, 'finding ids are unique');
  report.findings.forEach((f, i) => {
    const item = byId.get('f' + i);
    assert.ok(item, `finding ${i} (${f.rule} in ${f.file}) is listed`);
    assert.equal(item.file, f.file);
    assert.equal(item.rule, f.rule);
    assert.equal(item.severity, f.severity);
    assert.equal(item.where, `line ${f.line}:${f.column}`);
    assert.equal(item.message, f.message);
  });
}

// Unfolds every folded stretch and returns, per document shown, the text
// the view shows in each reading: inline without insertions (the
// original), inline without deletions (the cleaned text), or the before
// and after columns of the side-by-side view.
async function documentTexts(page) {
  return page.evaluate(() => {
    for (const b of document.querySelectorAll('button.fold')) b.click();
    const join = (nodes) => Array.from(nodes).map((n) => n.textContent).join('');
    const without = (view, selector) => {
      const copy = view.cloneNode(true);
      for (const n of copy.querySelectorAll(selector)) n.remove();
      return join(copy.querySelectorAll('.hunk'));
    };
    const out = {};
    for (const section of document.querySelectorAll('section.doc:not([hidden])')) {
      const view = section.querySelector('.text-view');
      const file = section.querySelector('.doc-head .path').textContent;
      if (view.classList.contains('side')) {
        out[file] = { before: join(view.querySelectorAll('.hunk.before')),
                      after: join(view.querySelectorAll('.hunk.after')) };
      } else {
        out[file] = { before: without(view, 'ins'), after: without(view, 'del') };
      }
    }
    return out;
  });
}

// The text of the deletions and insertions marked as `id`'s own.
async function ownChanges(page) {
  return page.evaluate(() => {
    const out = {};
    for (const n of document.querySelectorAll('section.doc:not([hidden]) .text-view [data-owner]')) {
      for (const id of n.getAttribute('data-owner').split(' ').filter(Boolean)) {
        const o = out[id] || (out[id] = { deleted: '', inserted: '' });
        if (n.tagName === 'DEL') o.deleted += n.textContent;
        else o.inserted += n.textContent;
      }
    }
    return out;
  });
}

// The rule ids of the findings that the marks of the documents shown
// belong to.
async function markedRules(page, report) {
  const ids = await page.evaluate(() => {
    const seen = new Set();
    for (const n of document.querySelectorAll('section.doc:not([hidden]) .text-view [data-f]')) {
      for (const id of n.getAttribute('data-f').split(' ').filter(Boolean)) seen.add(id);
    }
    return Array.from(seen);
  });
  return new Set(ids.map((id) => report.findings[Number(id.slice(1))].rule));
}

// Byte offsets of the report into a JS string's indices.
function sliceBytes(text, begin, end) {
  return Buffer.from(text, 'utf8').subarray(begin, end).toString('utf8');
}

module.exports = {
  parseArgs, launch, watchedPage, waitDrawn, listedFindings, assertListsEveryFinding, documentTexts,
  ownChanges, markedRules, sliceBytes,
};
