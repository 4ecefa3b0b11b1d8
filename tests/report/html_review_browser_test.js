// `--format html` in a real browser (headless Chromium, Debian's package):
// the review of the fixture articles (tests/articles/) and of a hostile
// document loads with no console errors and no requests, lists every
// finding of `check --format json` for the same inputs, marks the changes
// where the edits say (its text read without insertions is the original,
// without deletions what `fix --write` writes, inline and side by side),
// filters by rule and severity, navigates with the keys it names, and
// shows the hostile document's markup as text with none of it run. Also
// `fix --format html` and `eval --format html`, and a 1,000-document
// report, whose opening time is printed (not asserted). Screenshots go to
// the output folder.
//
//   node html_review_browser_test.js --mtclean BIN --tools DIR --source DIR --out DIR
//
// MTCLEAN_DATA_DIR and MTCLEAN_CACHE_DIR come from the environment (ctest).
'use strict';

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const review = require('./review_browser.js');

const args = review.parseArgs(process.argv.slice(2));
const work = path.resolve(args.out);

// Runs mtclean in `work`; returns its standard output. `codes`: the exit
// codes expected.
function mtclean(argv, codes = [0]) {
  const r = spawnSync(args.mtclean, argv, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  assert.ok(codes.includes(r.status), `mtclean ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// The hostile document: markup and script in the headline (repeated, so a
// rule deletes one copy and its message quotes it), in the body, in what
// would close the data island, and in its file name.
const HOSTILE_NAME = 'hostile <img src=x onerror=window.pwnedName=1>.txt';
const HOSTILE_TEXT =
  'Harbour board <script>window.pwned=1</script> approves the budget\n\n' +
  'Harbour board <script>window.pwned=1</script> approves the budget\n\n' +
  'The harbour board approved its budget on Tuesday after a long debate. ' +
  '<img src=x onerror="window.pwned=2"> Members said the port needs new cranes.\n\n' +
  '</script><script>window.pwned=3</script><!-- a comment --> ]]>\n\n' +
  'The chair thanked the staff & the pilots for a calm year, line\u2028separator and ' +
  '<b onmouseover="window.pwned=4">bold</b> words.\n\n' +
  'Leave a Reply\n';

const steps = [];
function step(name, fn) { steps.push({ name, fn }); }

function setUp() {
  fs.rmSync(work, { recursive: true, force: true });
  for (const dir of ['articles', 'fixed']) fs.mkdirSync(path.join(work, dir), { recursive: true });
  const sources = fs.readdirSync(path.join(args.source, 'tests/articles'))
    .filter((n) => n.endsWith('.txt') && !n.endsWith('.clean.txt')).sort();
  assert.ok(sources.length >= 30, 'the fixture articles are there');
  for (const n of sources) {
    const text = fs.readFileSync(path.join(args.source, 'tests/articles', n));
    fs.writeFileSync(path.join(work, 'articles', n), text);
    fs.writeFileSync(path.join(work, 'fixed', n), text);
  }
  fs.writeFileSync(path.join(work, 'articles', HOSTILE_NAME), HOSTILE_TEXT);
  fs.writeFileSync(path.join(work, 'fixed', HOSTILE_NAME), HOSTILE_TEXT);
}

let browser;
let report;        // check --format json of articles/
let cleaned;       // file path as shown -> what fix --write made of it
let originals;     // file path as shown -> its text
let checkUrl;

async function openReview(file, viewport) {
  const url = pathToFileURL(path.join(work, file)).href;
  const { page, problems } = await review.watchedPage(browser, (u) => u === url, viewport);
  await page.goto(url);
  await review.waitDrawn(page);
  return { page, problems, url };
}

step('check --format html and --format json of the same inputs', async () => {
  report = JSON.parse(mtclean(['check', '--format', 'json', 'articles'], [1]));
  fs.writeFileSync(path.join(work, 'check.html'), mtclean(['check', '--format', 'html', 'articles'], [1]));
  mtclean(['fix', '--write', 'fixed']);
  originals = {};
  cleaned = {};
  for (const n of fs.readdirSync(path.join(work, 'articles'))) {
    originals['articles/' + n] = fs.readFileSync(path.join(work, 'articles', n), 'utf8');
    cleaned['articles/' + n] = fs.readFileSync(path.join(work, 'fixed', n), 'utf8');
  }
  assert.ok(report.findings.length > 100, `enough findings to test with: ${report.findings.length}`);
  assert.ok(report.findings.some((f) => f.file === 'articles/' + HOSTILE_NAME),
            'a rule fires on the hostile document');
});

step('the review loads with no console errors, no uncaught errors and no requests', async () => {
  const { page, problems, url } = await openReview('check.html');
  checkUrl = url;
  assert.deepEqual(problems, []);
  assert.equal(await page.title(), 'mtclean review');
  await page.close();
});

step('it lists every finding of the JSON report, and the summary counts them', async () => {
  const { page, problems } = await openReview('check.html');
  review.assertListsEveryFinding(await review.listedFindings(page), report);
  const cards = await page.evaluate(() => Object.fromEntries(Array.from(
    document.querySelectorAll('.summary .card'),
    (c) => [c.querySelector('.label').textContent, c.querySelector('.value').textContent])));
  assert.equal(cards.Findings, String(report.findings.length));
  assert.equal(cards.Errors, String(report.summary.errors));
  assert.equal(cards.Warnings, String(report.summary.warnings));
  assert.equal(cards.Info, String(report.summary.infos));
  assert.equal(cards.Files, String(report.summary.files));
  // The chart has one bar per rule, with its count.
  const bars = await page.evaluate(() => Array.from(document.querySelectorAll('svg.chart g.bar'),
    (g) => [g.getAttribute('data-rule'), g.querySelector('text.count').textContent]));
  const perRule = {};
  for (const f of report.findings) perRule[f.rule] = (perRule[f.rule] || 0) + 1;
  assert.deepEqual(Object.fromEntries(bars), Object.fromEntries(
    Object.entries(perRule).map(([k, v]) => [k, String(v)])));
  assert.deepEqual(problems, []);
  await page.close();
});

step('the changes are marked where the edits say, inline and side by side', async () => {
  const { page, problems } = await openReview('check.html');
  const changed = Object.keys(originals).filter((f) => originals[f] !== cleaned[f]);
  assert.ok(changed.length >= 25, `documents that fix changes: ${changed.length}`);
  for (const view of ['inline', 'side']) {
    if (view === 'side') {
      await page.keyboard.press('v');
      await review.waitDrawn(page);
      assert.ok(await page.isChecked('input[name="mtclean-view"][value="side"]'), 'v switches the view');
    }
    const texts = await review.documentTexts(page);
    for (const file of changed) {
      assert.ok(texts[file], `${file} is shown (${view})`);
      assert.equal(texts[file].before, originals[file], `${file}: the text before (${view})`);
      assert.equal(texts[file].after, cleaned[file], `${file}: the text after (${view})`);
    }
  }
  // Each applied fix's own edits are marked as its own changes.
  await page.keyboard.press('v');
  await review.waitDrawn(page);
  const own = await review.ownChanges(page);
  let checked = 0, exact = 0, applied = 0;
  report.findings.forEach((f, i) => {
    if (!f.fix || !f.fix.applied || f.fix.edits.length === 0) return;
    applied++;
    const mine = own['f' + i] || { deleted: '', inserted: '' };
    const deleted = f.fix.edits.map((e) => review.sliceBytes(originals[f.file], e.byte_begin, e.byte_end));
    const inserted = f.fix.edits.map((e) => e.replacement).join('');
    let rest = mine.deleted;
    for (const d of deleted) {
      assert.ok(rest.includes(d), `${f.rule} in ${f.file}: deletes ${JSON.stringify(d)}`);
      rest = rest.replace(d, '');
      checked++;
    }
    // A fix's change is its own edits (and the blank line the resolver
    // takes away with a block), unless a fix that only became possible
    // after it rewrote the same text (`&amp;rsquo;` is `&rsquo;`, then
    // `’`): then the one change they make is marked as both's.
    if (rest.trim() === '' && mine.inserted === inserted) {
      exact++;
    } else {
      assert.ok(mine.deleted.length > deleted.join('').length,
                `${f.rule} in ${f.file}: marked ${JSON.stringify(mine)}, its edits ${JSON.stringify(f.fix.edits)}`);
    }
  });
  assert.ok(checked >= 80, `edits checked: ${checked}`);
  assert.ok(exact >= applied - 2, `fixes marked exactly as their edits: ${exact} of ${applied}`);
  // The rule and message show on hover (the title) of a change.
  const title = await page.evaluate(() => document.querySelector('.text-view del[data-owner]').getAttribute('title'));
  const first = report.findings.find((f) => f.fix && f.fix.applied && f.fix.edits.length);
  assert.ok(title.includes(first.rule) && title.includes(first.message), title);
  assert.deepEqual(problems, []);
  await page.close();
});

step('filtering by rule shows that rule only; by severity hides the others', async () => {
  const { page, problems } = await openReview('check.html');
  const rule = 'newswire.dateline';
  const expected = report.findings.filter((f) => f.rule === rule);
  assert.ok(expected.length >= 5);
  await page.click('details.rules > summary');
  await page.click(`button.only[data-only="${rule}"]`);
  await review.waitDrawn(page);
  const listed = await review.listedFindings(page);
  assert.equal(listed.length, expected.length);
  assert.ok(listed.every((item) => item.rule === rule), 'only that rule is listed');
  assert.deepEqual([...await review.markedRules(page, report)], [rule], 'only its changes are marked');
  const docs = await page.evaluate(() => document.querySelectorAll('section.doc:not([hidden])').length);
  assert.equal(docs, new Set(expected.map((f) => f.file)).size, 'only documents with that rule are shown');
  // A bar of the chart does the same; again shows every rule.
  await page.click('button[data-action="all-rules"]');
  await review.waitDrawn(page);
  assert.equal((await review.listedFindings(page)).length, report.findings.length);
  await page.click('details.rules > summary');
  await page.click('svg.chart g.bar[data-rule="scrape.comment-form"]');
  await review.waitDrawn(page);
  assert.deepEqual([...new Set((await review.listedFindings(page)).map((i) => i.rule))], ['scrape.comment-form']);
  await page.click('svg.chart g.bar[data-rule="scrape.comment-form"]');
  await review.waitDrawn(page);
  assert.equal((await review.listedFindings(page)).length, report.findings.length);
  await page.uncheck('input[data-severity="info"]');
  await review.waitDrawn(page);
  const noInfo = await review.listedFindings(page);
  assert.equal(noInfo.length, report.findings.length - report.summary.infos);
  assert.ok(noInfo.every((i) => i.severity !== 'info'));
  assert.deepEqual(problems, []);
  await page.close();
});

step('j and k go from change to change, as the page says', async () => {
  const { page, problems } = await openReview('check.html');
  const keys = await page.textContent('.toolbar .keys');
  assert.match(keys, /j next change/);
  assert.match(keys, /k previous change/);
  const stopAt = () => page.evaluate(() => {
    const stops = Array.from(document.querySelectorAll('section.doc:not([hidden]) .stop'));
    const current = document.querySelector('.stop.current');
    const box = current && current.getBoundingClientRect();
    return { index: stops.indexOf(current), count: stops.length,
             inView: !!box && box.top >= 0 && box.bottom <= window.innerHeight,
             listed: !!document.querySelector('li.finding.current') };
  });
  await page.keyboard.press('j');
  let at = await stopAt();
  assert.equal(at.index, 0);
  assert.ok(at.inView && at.listed, 'the change is scrolled into view and its finding marked');
  assert.ok(at.count >= 100, `stops: ${at.count}`);
  for (let i = 0; i < 5; i++) await page.keyboard.press('j');
  assert.equal((await stopAt()).index, 5);
  await page.keyboard.press('k');
  at = await stopAt();
  assert.equal(at.index, 4);
  assert.ok(at.inView);
  assert.deepEqual(problems, []);
  await page.close();
});

step('the hostile document shows its markup as text and runs none of it', async () => {
  const { page, problems } = await openReview('check.html');
  const facts = await page.evaluate(() => {
    const section = Array.from(document.querySelectorAll('section.doc'))
      .find((s) => s.querySelector('.path').textContent.startsWith('articles/hostile'));
    for (const b of section.querySelectorAll('button.fold')) b.click();
    // Hovering everything would run an injected onmouseover.
    for (const n of section.querySelectorAll('*')) n.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    return {
      pwned: [window.pwned, window.pwnedName],
      scripts: document.scripts.length,
      images: document.images.length,
      handlers: document.querySelectorAll('[onerror], [onmouseover]').length,
      path: section.querySelector('.path').textContent,
      // The original: the view without the insertions of the fixes.
      text: (() => {
        const view = section.querySelector('.text-view').cloneNode(true);
        for (const n of view.querySelectorAll('ins')) n.remove();
        return view.textContent;
      })(),
      messages: Array.from(section.querySelectorAll('.msg'), (m) => m.textContent).join('\n'),
      titles: Array.from(section.querySelectorAll('[title]'), (n) => n.getAttribute('title')).join('\n'),
    };
  });
  assert.deepEqual(facts.pwned, [undefined, undefined], 'no script of the document ran');
  assert.equal(facts.scripts, 3, 'only the page\'s own scripts (data, renderer, start)');
  assert.equal(facts.images, 0);
  assert.equal(facts.handlers, 0);
  assert.equal(facts.path, 'articles/' + HOSTILE_NAME);
  for (const markup of ['<script>window.pwned=1</script>', '<img src=x onerror="window.pwned=2">',
                        '</script><script>window.pwned=3</script><!-- a comment -->',
                        '<b onmouseover="window.pwned=4">bold</b>', 'staff & the pilots', 'line\u2028separator']) {
    assert.ok(facts.text.includes(markup), `shown as text: ${markup}`);
  }
  assert.ok(facts.messages.includes('<script>') || facts.titles.includes('<script>'),
            'a message quoting the markup shows it as text');
  assert.deepEqual(problems, []);
  await page.close();
});

step('screenshots of the review', async () => {
  const { page, problems } = await openReview('check.html', { width: 1280, height: 1500 });
  await page.screenshot({ path: path.join(work, 'review.png') });
  await page.keyboard.press('v');
  await review.waitDrawn(page);
  await page.evaluate(() => {
    const section = Array.from(document.querySelectorAll('section.doc'))
      .find((s) => s.querySelector('.path').textContent.includes('europa-press-all-four'));
    section.scrollIntoView();
  });
  await page.screenshot({ path: path.join(work, 'review-side-by-side.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

step('mtcleanReview.render draws data of another page (a service\'s answer) into any element', async () => {
  const { page, problems } = await openReview('check.html');
  const file = 'articles/europa-press-all-four-artifacts.txt';
  const findings = report.findings.filter((f) => f.file === file);
  const edits = findings.filter((f) => f.fix && f.fix.applied).flatMap((f) => f.fix.edits)
    .sort((a, b) => a.byte_begin - b.byte_begin);
  // No first_finding or finding_count: the findings that name the file.
  const data = { schema: report.schema, version: report.version, findings, summary: { files: 1 },
                 documents: [{ file, text: originals[file], edits }], review: { command: 'fix' } };
  const drawn = await page.evaluate(async (d) => {
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.appendChild(root);
    window.mtcleanReview.render(d, root);
    while (root.getAttribute('data-state') !== 'ready') await new Promise((r) => setTimeout(r, 10));
    return root.querySelectorAll('section.doc').length;
  }, data);
  assert.equal(drawn, 1);
  review.assertListsEveryFinding(await review.listedFindings(page), { findings });
  const texts = await review.documentTexts(page);
  assert.equal(texts[file].before, originals[file]);
  assert.equal(texts[file].after, cleaned[file]);
  assert.deepEqual(problems, []);
  await page.close();
});

step('fix --format html: the changes made, the same findings', async () => {
  fs.writeFileSync(path.join(work, 'fix.html'), mtclean(['fix', '--format', 'html', 'articles']));
  const { page, problems } = await openReview('fix.html');
  review.assertListsEveryFinding(await review.listedFindings(page), report);
  assert.match(await page.textContent('h1'), /mtclean fix/);
  const texts = await review.documentTexts(page);
  for (const file of Object.keys(texts)) assert.equal(texts[file].after, cleaned[file], file);
  assert.deepEqual(problems, []);
  await page.close();
});

step('eval --format html: the documents furthest from gold, with what was missed', async () => {
  const corpus = path.join(args.source, 'tests/eval/dev');
  const figures = JSON.parse(mtclean(['eval', corpus, '--format', 'json']));
  fs.writeFileSync(path.join(work, 'eval.html'), mtclean(['eval', corpus, '--format', 'html', '--worst', '6']));
  const { page, problems } = await openReview('eval.html');
  const shown = await page.evaluate(() => Array.from(document.querySelectorAll('section.doc'), (s) => ({
    file: s.querySelector('.path').textContent,
    missed: s.querySelectorAll('li.finding.missed').length,
    missedMarks: s.querySelectorAll('.text-view mark.missed').length,
    diff: !!s.querySelector('details.gold-diff pre'),
  })));
  const differing = figures.per_document.filter((d) => !d.exact_match).length;
  assert.equal(shown.length, Math.min(6, differing));
  for (const s of shown) {
    const id = path.basename(s.file, '.txt');
    const d = figures.per_document.find((x) => x.id === id);
    assert.ok(d, s.file);
    assert.equal(d.exact_match, false, `${id} differs from gold`);
    assert.equal(s.missed, d.missed.length, `${id}: missed artifacts listed`);
    if (d.missed.some((m) => m.end > m.start)) assert.ok(s.missedMarks > 0, `${id}: missed artifacts marked`);
    assert.ok(s.diff, `${id}: the diff against gold`);
  }
  const recall = await page.evaluate(() => Array.from(document.querySelectorAll('.summary .card'))
    .find((c) => c.querySelector('.label').textContent === 'Recall').querySelector('.value').textContent);
  assert.equal(recall, (figures.recall * 100).toFixed(1) + ' %');
  assert.deepEqual(problems, []);
  await page.close();
});

step('a 1,000-document report opens and lists every finding (time printed)', async () => {
  const big = path.join(work, 'big');
  fs.mkdirSync(big);
  const names = Object.keys(originals).filter((f) => !f.includes('hostile')).sort();
  for (let i = 0; i < 1000; i++) {
    const file = names[i % names.length];
    fs.writeFileSync(path.join(big, String(i).padStart(4, '0') + '-' + path.basename(file)), originals[file]);
  }
  const bigReport = JSON.parse(mtclean(['check', '--format', 'json', 'big'], [1]));
  const html = mtclean(['check', '--format', 'html', 'big'], [1]);
  fs.writeFileSync(path.join(work, 'big.html'), html);
  const url = pathToFileURL(path.join(work, 'big.html')).href;
  const { page, problems } = await review.watchedPage(browser, (u) => u === url);
  const started = Date.now();
  await page.goto(url);
  await review.waitDrawn(page);
  const wall = Date.now() - started;
  const marks = await page.evaluate(() => Object.fromEntries(
    performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));
  console.log(`# 1,000 documents (${(html.length / 1e6).toFixed(1)} MB, ${bigReport.findings.length} findings): ` +
              `first documents drawn ${marks['mtclean-review-first-slice']} ms, all drawn ` +
              `${marks['mtclean-review-drawn']} ms after navigation; load to drawn ${wall} ms`);
  const listed = await review.listedFindings(page);
  assert.equal(listed.length, bigReport.findings.length);
  // The last document's changes can be reached with the keys.
  await page.keyboard.press('k');
  const last = await page.evaluate(() => document.querySelector('.stop.current').closest('section.doc')
    .querySelector('.path').textContent);
  const lastWithFindings = bigReport.findings[bigReport.findings.length - 1].file;
  assert.equal(last, lastWithFindings);
  assert.deepEqual(problems, []);
  await page.close();
});

(async () => {
  setUp();
  browser = await review.launch(args.tools);
  let failed = 0;
  try {
    for (const s of steps) {
      try {
        await s.fn();
        console.log(`ok - ${s.name}`);
      } catch (e) {
        failed++;
        console.log(`not ok - ${s.name}\n${e.stack || e}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(failed ? `${failed} of ${steps.length} failed` : `all ${steps.length} passed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
