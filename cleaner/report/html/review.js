// mtclean's review page: draws the editors' review of a JSON findings report
// (docs/report-formats.md, "html") into an element.
//
//   window.mtcleanReview.render(data, root)  draws `data` into `root`,
//                                             replacing what was there
//   window.mtcleanReview.renderPage()        draws the page's own data island
//                                             (#mtclean-review-data)
//
// `data` is the JSON findings report with `documents` (each document's
// path, text and the edits `mtclean fix` applies), `review.command`
// ("check", "fix" or "eval") and, for eval, `evaluation` and each
// document's `evaluation` and `gold_diff`. A document without
// `first_finding` and `finding_count` has the findings that name its file.
// Without `documents`, findings are listed per file without their text.
//
// Every piece of document text, path, rule id and message goes into the
// page as a text node or an attribute value (createTextNode, textContent,
// setAttribute), never as markup: a document holding a script tag shows
// the tag as text.
//
// Large runs stay usable: only the changes and findings are drawn, with a
// little context around them and the rest folded; the first documents are
// drawn at once and the others in slices between frames; documents off
// screen are not laid out (content-visibility).
(function () {
  'use strict';

  var SEVERITIES = ['error', 'warning', 'info'];
  var SEVERITY_RANK = {info: 0, warning: 1, error: 2};
  // Context kept around each change: whole lines, but no more characters
  // than this on each side (a paragraph is often one long line).
  var CONTEXT_LINES = 2;
  var CONTEXT_CHARS = 240;
  // Documents drawn before the page first shows, then per slice.
  var FIRST_SLICE = 12;
  var SLICE = 40;

  // ---- DOM helpers: text only ever becomes text nodes or attribute values.

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svgEl(tag, attrs, children) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      node.setAttribute(name, value === true ? '' : String(value));
    });
  }

  function append(node, children) {
    if (children === undefined || children === null) return;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === undefined || child === null || child === false) return;
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    });
  }

  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  function plural(n, one, many) {
    return n.toLocaleString('en') + ' ' + (n === 1 ? one : many);
  }

  function percent(r) {
    return r === null || r === undefined ? '\u2013' : (r * 100).toFixed(1) + ' %';
  }

  // ---- Offsets: the report's are UTF-8 byte offsets; strings here are UTF-16.

  function utf8Length(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }

  // A Map from each of `offsets` (UTF-8 bytes into `text`) to its UTF-16
  // index, in one pass over the text. An offset inside a character maps to
  // the character's end; one past the text to its length.
  function byteToIndex(text, offsets) {
    var sorted = Array.from(new Set(offsets)).sort(function (a, b) { return a - b; });
    var map = new Map();
    var bytes = 0, k = 0, i = 0;
    while (k < sorted.length) {
      while (k < sorted.length && sorted[k] <= bytes) map.set(sorted[k++], i);
      if (i >= text.length) break;
      var c = text.charCodeAt(i);
      if (c < 0x80) { bytes += 1; i += 1; }
      else if (c < 0x800) { bytes += 2; i += 1; }
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { bytes += 4; i += 2; }
      else { bytes += 3; i += 1; }
    }
    while (k < sorted.length) map.set(sorted[k++], text.length);
    return map;
  }

  function overlaps(b1, e1, b2, e2) {
    if (b1 === e1 || b2 === e2) return b1 <= e2 && b2 <= e1;
    return b1 < e2 && b2 < e1;
  }

  // ---- The model: documents with their findings, changes and rules.

  function buildModel(data) {
    var findings = Array.isArray(data.findings) ? data.findings : [];
    var docs = [];
    if (Array.isArray(data.documents)) {
      data.documents.forEach(function (d) {
        var first = d.first_finding, count = d.finding_count;
        if (typeof first !== 'number' || typeof count !== 'number') {
          // Not said: the run of findings that name this document's file.
          first = findings.findIndex(function (f) { return f.file === d.file; });
          count = 0;
          if (first === -1) first = 0;
          else while (first + count < findings.length && findings[first + count].file === d.file) count++;
        }
        docs.push({
          file: String(d.file), language: d.language || '', text: typeof d.text === 'string' ? d.text : null,
          edits: Array.isArray(d.edits) ? d.edits : [], first: first, count: count,
          evaluation: d.evaluation || null, goldDiff: d.gold_diff || ''
        });
      });
    } else {
      // A report without texts: one entry per run of findings of a file.
      findings.forEach(function (f, i) {
        var last = docs[docs.length - 1];
        if (last && last.file === f.file && last.first + last.count === i) { last.count++; return; }
        docs.push({file: String(f.file), language: '', text: null, edits: [], first: i, count: 1,
                   evaluation: null, goldDiff: ''});
      });
    }
    var rules = new Map();
    var removed = 0, inserted = 0, changes = 0;
    docs.forEach(function (doc, i) {
      doc.index = i;
      doc.removed = 0;
      doc.inserted = 0;
      doc.edits.forEach(function (e) {
        doc.removed += e.byte_end - e.byte_begin;
        doc.inserted += utf8Length(e.replacement || '');
      });
      removed += doc.removed;
      inserted += doc.inserted;
      changes += doc.edits.length;
      for (var g = doc.first; g < doc.first + doc.count; g++) {
        var f = findings[g];
        var r = rules.get(f.rule);
        if (!r) { r = {id: f.rule, count: 0, severity: f.severity}; rules.set(f.rule, r); }
        r.count++;
        if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[r.severity]) r.severity = f.severity;
      }
    });
    var bySeverity = {error: 0, warning: 0, info: 0};
    findings.forEach(function (f) { bySeverity[f.severity] = (bySeverity[f.severity] || 0) + 1; });
    var ruleList = Array.from(rules.values()).sort(function (a, b) {
      return b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    return {
      data: data, findings: findings, docs: docs, rules: ruleList, bySeverity: bySeverity,
      removed: removed, inserted: inserted, changes: changes,
      command: (data.review && data.review.command) || 'check'
    };
  }

  // Per document, on first use: offsets as string indices, each applied
  // edit's findings, the lines.
  function layout(model, doc) {
    if (doc.layout) return doc.layout;
    var text = doc.text || '';
    var offsets = [0];
    var own = [];
    for (var g = doc.first; g < doc.first + doc.count; g++) {
      var f = model.findings[g];
      own.push(g);
      offsets.push(f.byte_begin, f.byte_end);
    }
    var missed = doc.evaluation && Array.isArray(doc.evaluation.missed) ? doc.evaluation.missed : [];
    missed.forEach(function (m) { offsets.push(m.start, m.end); });
    doc.edits.forEach(function (e) { offsets.push(e.byte_begin, e.byte_end); });
    for (var h = doc.first; h < doc.first + doc.count; h++) {
      var fix = model.findings[h].fix;
      if (fix && Array.isArray(fix.edits)) {
        fix.edits.forEach(function (x) { offsets.push(x.byte_begin, x.byte_end); });
      }
    }
    var map = byteToIndex(text, offsets);
    var stray = doc.evaluation && Array.isArray(doc.evaluation.stray) ? doc.evaluation.stray : [];
    var marks = own.map(function (g) {
      var f = model.findings[g];
      var isStray = stray.some(function (s) {
        return s.rule === f.rule && s.start === f.byte_begin && s.end === f.byte_end;
      });
      return {g: g, f: f, b: map.get(f.byte_begin), e: map.get(f.byte_end), changes: [], stray: isStray};
    });
    // Which findings each applied edit belongs to: those whose own fix
    // edits overlap it; else applied fixes without edits of their own whose
    // span it overlaps; else any finding it overlaps.
    var changes = [];
    doc.edits.forEach(function (e) {
      var owners = [];
      marks.forEach(function (m) {
        var fix = m.f.fix;
        if (fix && fix.applied && Array.isArray(fix.edits) && fix.edits.some(function (x) {
          return overlaps(x.byte_begin, x.byte_end, e.byte_begin, e.byte_end);
        })) owners.push(m);
      });
      if (owners.length === 0) {
        marks.forEach(function (m) {
          var fix = m.f.fix;
          if (fix && fix.applied && (!fix.edits || fix.edits.length === 0) &&
              overlaps(m.f.byte_begin, m.f.byte_end, e.byte_begin, e.byte_end)) owners.push(m);
        });
      }
      if (owners.length === 0) {
        marks.forEach(function (m) {
          if (overlaps(m.f.byte_begin, m.f.byte_end, e.byte_begin, e.byte_end)) owners.push(m);
        });
      }
      splitByOwner(e, owners).forEach(function (part) {
        var c = {k: changes.length, edit: part.edit, b: map.get(part.edit.byte_begin),
                 e: map.get(part.edit.byte_end), ins: part.edit.replacement || '', owners: part.owners};
        c.owners.forEach(function (m) { m.changes.push(c); });
        changes.push(c);
      });
    });
    var lineStarts = [0];
    for (var i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    doc.layout = {
      text: text, marks: marks, changes: changes, lineStarts: lineStarts,
      missed: missed.map(function (m, i) {
        return {i: i, type: m.type, b: map.get(m.start), e: map.get(m.end)};
      })
    };
    return doc.layout;
  }

  // An applied edit of several fixes (the resolver joins touching and
  // overlapping edits: a repeated headline and the dateline under it, the
  // lines of a footer) as one change per fix where that can be told: a
  // deletion is cut where the fixes' own edits begin and end, each piece
  // belonging to the fixes whose edits cover it (a piece none covers, such
  // as the blank line before a removed block, to the next piece's); a
  // replacement is cut only when the fixes' edits make it up exactly. Any
  // other stays one change of all of `owners`.
  function splitByOwner(e, owners) {
    var whole = [{edit: e, owners: owners}];
    if (owners.length < 2) return whole;
    if (!owners.every(function (m) { return m.f.fix && Array.isArray(m.f.fix.edits); })) return whole;
    var own = [];
    owners.forEach(function (m) {
      m.f.fix.edits.forEach(function (x) {
        if (x.byte_begin >= e.byte_begin && x.byte_end <= e.byte_end) own.push({edit: x, m: m});
      });
    });
    if (!e.replacement) {
      var cuts = [e.byte_begin, e.byte_end];
      own.forEach(function (o) { cuts.push(o.edit.byte_begin, o.edit.byte_end); });
      cuts = Array.from(new Set(cuts)).sort(function (x, y) { return x - y; });
      var pieces = [];
      for (var i = 0; i + 1 < cuts.length; i++) {
        var p = cuts[i], q = cuts[i + 1];
        pieces.push({p: p, q: q, by: owners.filter(function (m) {
          return own.some(function (o) { return o.m === m && o.edit.byte_begin <= p && q <= o.edit.byte_end; });
        })});
      }
      var parts = [];
      pieces.forEach(function (piece, k) {
        var by = piece.by;
        for (var n = k + 1; by.length === 0 && n < pieces.length; n++) by = pieces[n].by;
        for (var b = k - 1; by.length === 0 && b >= 0; b--) by = pieces[b].by;
        if (by.length === 0) by = owners;
        var last = parts[parts.length - 1];
        if (last && sameOwners(last.owners, by)) { last.edit.byte_end = piece.q; return; }
        parts.push({edit: {byte_begin: piece.p, byte_end: piece.q, replacement: ''}, owners: by});
      });
      return parts;
    }
    own.sort(function (x, y) { return x.edit.byte_begin - y.edit.byte_begin; });
    var at = e.byte_begin, replacement = '';
    for (var j = 0; j < own.length; j++) {
      if (own[j].edit.byte_begin !== at) return whole;
      if (own[j].edit.byte_end === own[j].edit.byte_begin && j + 1 < own.length) return whole;
      at = own[j].edit.byte_end;
      replacement += own[j].edit.replacement || '';
    }
    if (at !== e.byte_end || replacement !== e.replacement) return whole;
    return own.map(function (o) { return {edit: o.edit, owners: [o.m]}; });
  }

  function sameOwners(a, b) {
    return a.length === b.length && a.every(function (m, i) { return m === b[i]; });
  }

  function lineOf(lineStarts, index) {
    var lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // ---- What the filters let through.

  function State(model) {
    this.hiddenRules = new Set();
    this.hiddenSeverities = new Set();
    this.view = 'inline';
    this.showClean = false;
    this.model = model;
  }
  State.prototype.shows = function (f) {
    return !this.hiddenRules.has(f.rule) && !this.hiddenSeverities.has(f.severity);
  };
  State.prototype.filtering = function () {
    return this.hiddenRules.size > 0 || this.hiddenSeverities.size > 0;
  };

  // ---- One document's text: hunks around the changes, the rest folded.

  // The stretches of `L.text` to draw for `spans` ([b, e) pairs), with
  // their context, merged.
  function hunks(L, spans) {
    var text = L.text;
    var out = [];
    spans.map(function (s) {
      var first = lineOf(L.lineStarts, s.b);
      var a = L.lineStarts[Math.max(0, first - CONTEXT_LINES)];
      if (s.b - a > CONTEXT_CHARS) a = cutForward(text, s.b - CONTEXT_CHARS, s.b);
      var last = lineOf(L.lineStarts, s.e > s.b ? s.e - 1 : s.b);
      var endLine = last + CONTEXT_LINES + 1;
      var z = endLine < L.lineStarts.length ? L.lineStarts[endLine] : text.length;
      if (z - s.e > CONTEXT_CHARS) z = cutBack(text, s.e, s.e + CONTEXT_CHARS);
      return {a: a, z: Math.max(z, s.e)};
    }).sort(function (x, y) { return x.a - y.a; }).forEach(function (h) {
      var last = out[out.length - 1];
      if (last && h.a <= last.z) last.z = Math.max(last.z, h.z);
      else out.push(h);
    });
    return out;
  }

  // A cut at or after `i` (and before `limit`): after the next space when
  // there is one near, never inside a surrogate pair.
  function cutForward(text, i, limit) {
    var space = text.indexOf(' ', i);
    if (space !== -1 && space < Math.min(limit, i + 40)) i = space + 1;
    if (isLowSurrogate(text.charCodeAt(i))) i++;
    return i;
  }
  function cutBack(text, from, i) {
    var space = text.lastIndexOf(' ', i);
    if (space > from && space > i - 40) i = space;
    if (isLowSurrogate(text.charCodeAt(i))) i--;
    return i;
  }
  function isLowSurrogate(c) { return c >= 0xdc00 && c <= 0xdfff; }

  // Draws text[a, z) in `mode` ("inline": deletions struck and insertions
  // marked; "before": deletions struck; "after": insertions marked) into
  // `parent`, with the findings' marks. `ctx` holds the visible marks and
  // changes and collects the navigation stops.
  function drawRange(ctx, a, z, mode, parent) {
    var text = ctx.L.text;
    var events = new Map();
    function at(p) {
      var ev = events.get(p);
      if (!ev) { ev = {open: [], close: [], ins: [], points: [], del: null, delEnd: null}; events.set(p, ev); }
      return ev;
    }
    at(a); at(z);
    ctx.marks.forEach(function (m) {
      if (m.e < a || m.b > z) return;
      if (m.b === m.e) { at(m.b).points.push(m); return; }
      if (m.e <= a || m.b >= z) return;
      at(Math.max(m.b, a)).open.push(m);
      at(Math.min(m.e, z)).close.push(m);
    });
    ctx.missed.forEach(function (m) {
      if (m.e <= a || m.b >= z || m.b === m.e) return;
      at(Math.max(m.b, a)).open.push(m);
      at(Math.min(m.e, z)).close.push(m);
    });
    ctx.changes.forEach(function (c) {
      if (c.b < a || c.e > z) return;
      if (c.b < c.e) { at(c.b).del = c; at(c.e).delEnd = c; }
      if (c.ins) at(c.e).ins.push(c);
    });
    var points = Array.from(events.keys()).sort(function (x, y) { return x - y; });
    var active = new Set();
    var deleting = null;
    for (var i = 0; i < points.length; i++) {
      var p = points[i];
      var ev = events.get(p);
      ev.close.forEach(function (m) { active.delete(m); });
      if (ev.delEnd) deleting = null;
      if (mode !== 'before') ev.ins.forEach(function (c) { parent.appendChild(insNode(ctx, c)); });
      ev.points.forEach(function (m) { parent.appendChild(pointNode(ctx, m)); });
      ev.open.forEach(function (m) { active.add(m); });
      if (ev.del) deleting = ev.del;
      if (i + 1 === points.length) break;
      var q = points[i + 1];
      if (q <= p) continue;
      if (deleting && mode === 'after') continue;
      var piece = text.slice(p, q);
      if (deleting) parent.appendChild(delNode(ctx, deleting, active, piece));
      else if (active.size > 0) parent.appendChild(markNode(ctx, active, piece));
      else parent.appendChild(document.createTextNode(piece));
    }
  }

  function describe(m) {
    return m.f.rule + ' (' + m.f.severity + '): ' + m.f.message;
  }
  function topSeverity(ms) {
    var best = null;
    ms.forEach(function (m) {
      if (m.f && (best === null || SEVERITY_RANK[m.f.severity] > SEVERITY_RANK[best])) best = m.f.severity;
    });
    return best;
  }

  function changeTitle(owners, verb) {
    var lines = [verb];
    owners.forEach(function (m) { lines.push(describe(m)); });
    if (owners.length === 0) lines.push('(no finding of its own)');
    return lines.join('\n');
  }

  function findingIds(ms) {
    return ms.filter(function (m) { return m.f; }).map(function (m) { return 'f' + m.g; }).join(' ');
  }

  function stopAttrs(ctx, key) {
    if (ctx.stops.has(key)) return null;
    ctx.stops.add(key);
    return key;
  }

  function delNode(ctx, c, active, piece) {
    var owners = ctx.owners.get(c);
    var ms = owners.concat(Array.from(active).filter(function (m) { return owners.indexOf(m) === -1; }));
    var node = el('del', {
      'class': 'chg sev-' + (topSeverity(ms) || 'none'),
      'data-f': findingIds(ms), 'data-owner': findingIds(owners), 'data-c': 'c' + c.k,
      title: changeTitle(owners, c.ins ? 'Replaced by \u201c' + c.ins + '\u201d:' : 'Removed:')
    }, piece);
    var stop = stopAttrs(ctx, 'c' + c.k);
    if (stop) { node.classList.add('stop'); node.setAttribute('data-stop', stop); }
    return node;
  }

  function insNode(ctx, c) {
    var owners = ctx.owners.get(c);
    var node = el('ins', {
      'class': 'chg sev-' + (topSeverity(owners) || 'none'),
      'data-f': findingIds(owners), 'data-owner': findingIds(owners), 'data-c': 'c' + c.k,
      title: changeTitle(owners, 'Inserted:')
    }, c.ins);
    var stop = stopAttrs(ctx, 'c' + c.k);
    if (stop) { node.classList.add('stop'); node.setAttribute('data-stop', stop); }
    return node;
  }

  function markNode(ctx, active, piece) {
    var ms = Array.from(active);
    var missed = ms.filter(function (m) { return !m.f; });
    var titles = ms.filter(function (m) { return m.f; }).map(describe);
    missed.forEach(function (m) { titles.push('missed (gold ' + m.type + '): not found by mtclean'); });
    var sev = topSeverity(ms);
    var node = el('mark', {
      'class': 'f ' + (sev ? 'sev-' + sev : '') + (missed.length ? ' missed' : ''),
      'data-f': findingIds(ms), title: titles.join('\n')
    }, piece);
    // A finding without a visible change of its own stops here.
    for (var i = 0; i < ms.length; i++) {
      var m = ms[i];
      var key = m.f ? 'f' + m.g : 'm' + m.i;
      if (m.f && m.changes.some(function (c) { return ctx.changeShown.has(c); })) continue;
      var stop = stopAttrs(ctx, key);
      if (stop) { node.classList.add('stop'); node.setAttribute('data-stop', stop); break; }
    }
    return node;
  }

  function pointNode(ctx, m) {
    var node = el('span', {'class': 'f point sev-' + m.f.severity, 'data-f': 'f' + m.g,
                           title: describe(m), role: 'img', 'aria-label': m.f.rule});
    var stop = stopAttrs(ctx, 'f' + m.g);
    if (stop && !m.changes.some(function (c) { return ctx.changeShown.has(c); })) {
      node.classList.add('stop');
      node.setAttribute('data-stop', stop);
    }
    return node;
  }

  function foldLabel(text, a, z, L) {
    var lines = 0;
    for (var i = text.indexOf('\n', a); i !== -1 && i < z; i = text.indexOf('\n', i + 1)) lines++;
    var first = lineOf(L.lineStarts, a) + 1;
    if (lines === 0) return '\u22ef ' + plural(z - a, 'unchanged character', 'unchanged characters') +
                            ' (line ' + first + ')';
    return '\u22ef ' + plural(lines, 'unchanged line', 'unchanged lines') + ' (' + first + '\u2013' +
           (first + lines - (text[z - 1] === '\n' ? 1 : 0)) + ')';
  }

  // The body of one document: its text view and the list of its findings.
  function drawDocBody(model, state, doc) {
    var L = layout(model, doc);
    var marks = L.marks.filter(function (m) { return state.shows(m.f); });
    var changes = L.changes.filter(function (c) {
      return c.owners.length ? c.owners.some(function (m) { return state.shows(m.f); }) : !state.filtering();
    });
    // A change shown for some of its findings is marked as theirs only.
    var owners = new Map();
    changes.forEach(function (c) {
      owners.set(c, c.owners.filter(function (m) { return state.shows(m.f); }));
    });
    var ctx = {L: L, marks: marks, changes: changes, missed: L.missed, stops: new Set(),
               changeShown: new Set(changes), owners: owners};
    var body = el('div', {'class': 'doc-body'});
    var view = el('div', {'class': 'text-view ' + (state.view === 'side' ? 'side' : 'inline')});
    if (doc.text === null) {
      view.appendChild(el('p', {'class': 'no-text'}, 'The report holds no text for this file.'));
    } else {
      var spans = marks.map(function (m) { return {b: m.b, e: m.e}; })
        .concat(changes.map(function (c) { return {b: c.b, e: c.e}; }))
        .concat(L.missed.map(function (m) { return {b: m.b, e: m.e}; }));
      var hs = hunks(L, spans);
      if (state.view === 'side') {
        view.appendChild(el('div', {'class': 'side-head'}, [el('span', null, 'Before'), el('span', null, 'After')]));
      }
      var pos = 0;
      hs.forEach(function (h) {
        if (h.a > pos) view.appendChild(foldNode(state, L, pos, h.a));
        if (state.view === 'side') {
          var before = el('div', {'class': 'hunk before'});
          var after = el('div', {'class': 'hunk after'});
          drawRange(ctx, h.a, h.z, 'before', before);
          drawRange(ctx, h.a, h.z, 'after', after);
          view.appendChild(el('div', {'class': 'row'}, [before, after]));
        } else {
          var hunk = el('div', {'class': 'hunk'});
          drawRange(ctx, h.a, h.z, 'inline', hunk);
          view.appendChild(hunk);
        }
        pos = h.z;
      });
      if (pos < L.text.length) view.appendChild(foldNode(state, L, pos, L.text.length));
      if (hs.length === 0) {
        view.insertBefore(el('p', {'class': 'no-text'}, 'Nothing to show under the filters.'), view.firstChild);
      }
    }
    body.appendChild(view);
    body.appendChild(findingList(model, state, doc, L));
    return body;
  }

  function foldNode(state, L, a, z) {
    var label = foldLabel(L.text, a, z, L);
    var button = el('button', {type: 'button', 'class': 'fold', title: 'Show the unchanged text'}, label);
    button.addEventListener('click', function () {
      var piece = L.text.slice(a, z);
      var shown;
      if (state.view === 'side') {
        shown = el('div', {'class': 'row unfolded'}, [el('div', {'class': 'hunk before'}, piece),
                                                       el('div', {'class': 'hunk after'}, piece)]);
      } else {
        shown = el('div', {'class': 'hunk unfolded'}, piece);
      }
      button.replaceWith(shown);
    });
    return button;
  }

  function findingList(model, state, doc, L) {
    var list = el('ol', {'class': 'findings'});
    L.marks.forEach(function (m) {
      if (!state.shows(m.f)) return;
      var f = m.f;
      var status = !f.fix ? 'report only' : f.fix.applied ? (model.command === 'check' ? 'fix would apply' : 'fixed')
                                                         : 'fix not applied';
      list.appendChild(el('li', {'class': 'finding sev-' + f.severity, 'data-f': 'f' + m.g, tabindex: '0',
                                 'data-rule': f.rule},
        [el('span', {'class': 'sev'}, f.severity),
         el('code', {'class': 'rule'}, f.rule),
         el('span', {'class': 'where'}, 'line ' + f.line + ':' + f.column),
         el('span', {'class': 'status'}, status),
         m.stray ? el('span', {'class': 'stray'}, 'not in gold') : null,
         el('div', {'class': 'msg'}, f.message)]));
    });
    L.missed.forEach(function (m) {
      var line = lineOf(L.lineStarts, m.b) + 1;
      list.appendChild(el('li', {'class': 'finding missed', 'data-f': '', 'data-m': 'm' + m.i, tabindex: '0'},
        [el('span', {'class': 'sev'}, 'missed'), el('code', {'class': 'rule'}, 'gold: ' + m.type),
         el('span', {'class': 'where'}, 'line ' + line),
         el('div', {'class': 'msg'}, 'A gold artifact no finding overlaps.')]));
    });
    var wrap = el('div', {'class': 'findings-wrap'}, [el('h3', null, 'Findings'), list]);
    if (list.childNodes.length === 0) list.appendChild(el('li', {'class': 'none'}, 'None under the filters.'));
    return wrap;
  }

  // ---- The page: summary, chart, toolbar, documents.

  function summary(model) {
    var d = model.data;
    var docsWithFindings = model.docs.filter(function (doc) { return doc.count > 0; }).length;
    var cards = [];
    function card(label, value, detail, cls) {
      cards.push(el('div', {'class': 'card ' + (cls || '')}, [
        el('div', {'class': 'label'}, label), el('div', {'class': 'value'}, value),
        detail ? el('div', {'class': 'detail'}, detail) : null]));
    }
    var files = d.summary && typeof d.summary.files === 'number' ? d.summary.files : model.docs.length;
    if (model.command === 'eval' && d.evaluation) {
      var ev = d.evaluation;
      card('Documents', ev.documents.toLocaleString('en'),
           'the ' + plural(model.docs.length, 'document', 'documents') + ' furthest from gold shown');
      card('Recall', percent(ev.recall), ev.found + ' of ' + ev.artifacts + ' gold artifacts found');
      card('Precision', percent(ev.precision), ev.findings_on_gold + ' of ' + ev.findings + ' findings on gold');
      card('Damage', percent(ev.damage_rate), ev.damaged_bytes + ' of ' + ev.good_bytes + ' good bytes changed');
      card('Missed', percent(ev.miss_rate), ev.missed_bytes + ' of ' + ev.gold_edit_bytes + ' gold edit bytes left in');
      card('Exact match', percent(ev.exact_match_rate), 'output equal to gold');
      if (ev.edit_distance) card('Edit distance closed', percent(ev.edit_distance.closed),
                                 ev.edit_distance.input_to_gold + ' \u2192 ' + ev.edit_distance.output_to_gold + ' bytes');
    } else {
      card('Files', files.toLocaleString('en'), docsWithFindings.toLocaleString('en') + ' with findings');
    }
    card('Findings', model.findings.length.toLocaleString('en'), null);
    SEVERITIES.forEach(function (s) {
      card(s === 'info' ? 'Info' : s.charAt(0).toUpperCase() + s.slice(1) + 's',
           (model.bySeverity[s] || 0).toLocaleString('en'), null, 'sev-' + s);
    });
    card(model.command === 'check' ? 'Bytes fix would remove' : 'Bytes removed',
         model.removed.toLocaleString('en'),
         plural(model.changes, 'change', 'changes') + ', ' + plural(model.inserted, 'byte', 'bytes') + ' inserted');
    return el('section', {'class': 'summary', 'aria-label': 'Summary'}, el('div', {'class': 'cards'}, cards));
  }

  // Findings per rule as horizontal bars, most frequent first.
  function chart(model, onBar) {
    var rules = model.rules;
    var bar = 14, gap = 5, labelWidth = 230, width = 680, top = 2;
    var max = rules.reduce(function (m, r) { return Math.max(m, r.count); }, 1);
    var height = top + rules.length * (bar + gap) + 4;
    var svg = svgEl('svg', {'class': 'chart', viewBox: '0 0 ' + width + ' ' + height, width: width,
                            height: height, role: 'img', 'aria-label': 'Findings per rule'});
    svg.appendChild(svgEl('title', null, 'Findings per rule'));
    rules.forEach(function (r, i) {
      var y = top + i * (bar + gap);
      var w = Math.max(2, Math.round((width - labelWidth - 60) * r.count / max));
      var g = svgEl('g', {'class': 'bar sev-' + r.severity, 'data-rule': r.id, tabindex: '0', role: 'button',
                          'aria-label': r.id + ': ' + r.count});
      g.appendChild(svgEl('title', null, r.id + ': ' + plural(r.count, 'finding', 'findings') +
                                         ' (click: show only this rule)'));
      g.appendChild(svgEl('text', {x: labelWidth - 8, y: y + bar - 3, 'text-anchor': 'end', 'class': 'label'}, r.id));
      g.appendChild(svgEl('rect', {x: labelWidth, y: y, width: w, height: bar, rx: 2}));
      g.appendChild(svgEl('text', {x: labelWidth + w + 6, y: y + bar - 3, 'class': 'count'}, String(r.count)));
      g.addEventListener('click', function () { onBar(r.id); });
      g.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onBar(r.id); }
      });
      svg.appendChild(g);
    });
    return el('section', {'class': 'chart-box', 'aria-label': 'Findings per rule'},
              [el('h2', null, 'Findings per rule'), rules.length ? svg : el('p', null, 'No findings.')]);
  }

  function Review(data, root) {
    this.model = buildModel(data);
    this.state = new State(this.model);
    this.root = root;
    this.generation = 0;
    this.current = null;
    this.build();
  }

  Review.prototype.build = function () {
    var self = this, model = this.model;
    var root = this.root;
    while (root.firstChild) root.removeChild(root.firstChild);
    root.classList.add('mtclean-review');
    var titles = {check: 'mtclean check: what mtclean fix would change', fix: 'mtclean fix: the changes',
                  eval: 'mtclean eval: the documents furthest from gold'};
    root.appendChild(el('header', {'class': 'page-head'}, [
      el('h1', null, titles[model.command] || titles.check),
      el('p', {'class': 'tool'}, (model.data.tool ? model.data.tool.name + ' ' + model.data.tool.version : 'mtclean') +
                                 ' \u00b7 report schema ' + (model.data.schema || '?') + ' v' + (model.data.version || '?'))]));
    root.appendChild(el('div', {'class': 'overview'}, [
      summary(model), chart(model, function (rule) { self.onlyRule(rule); })]));
    root.appendChild(this.toolbar());
    this.docsBox = el('div', {'class': 'docs'});
    root.appendChild(this.docsBox);
    this.cleanBox = el('section', {'class': 'clean-docs'});
    root.appendChild(this.cleanBox);
    this.docEls = [];
    model.docs.forEach(function (doc) {
      var section = el('section', {'class': 'doc', id: 'doc-' + doc.index, 'data-doc': String(doc.index)});
      self.docEls.push(section);
      if (doc.count > 0 || doc.edits.length > 0 || (doc.evaluation && doc.evaluation.missed &&
                                                    doc.evaluation.missed.length)) {
        self.docsBox.appendChild(section);
      }
    });
    this.drawCleanList();
    this.redraw();
    if (!document.mtcleanReviewKeys) {
      document.mtcleanReviewKeys = true;
      document.addEventListener('keydown', function (e) {
        if (Review.active) Review.active.onKey(e);
      });
    }
    Review.active = this;
  };

  Review.prototype.drawCleanList = function () {
    var clean = this.model.docs.filter(function (doc) {
      return doc.count === 0 && doc.edits.length === 0 &&
             !(doc.evaluation && doc.evaluation.missed && doc.evaluation.missed.length);
    });
    while (this.cleanBox.firstChild) this.cleanBox.removeChild(this.cleanBox.firstChild);
    if (clean.length === 0) return;
    var list = el('ul', {'class': 'clean-list'});
    clean.forEach(function (doc) { list.appendChild(el('li', null, doc.file)); });
    this.cleanBox.appendChild(el('details', null, [
      el('summary', null, plural(clean.length, 'file', 'files') + ' without findings'), list]));
  };

  Review.prototype.toolbar = function () {
    var self = this, model = this.model, state = this.state;
    var bar = el('nav', {'class': 'toolbar', 'aria-label': 'Filters and view'});
    var views = el('fieldset', {'class': 'views'}, el('legend', null, 'View'));
    [['inline', 'Inline'], ['side', 'Side by side']].forEach(function (v) {
      var input = el('input', {type: 'radio', name: 'mtclean-view', value: v[0], checked: state.view === v[0]});
      input.addEventListener('change', function () { self.setView(v[0]); });
      views.appendChild(el('label', null, [input, ' ' + v[1]]));
    });
    this.viewInputs = views.querySelectorAll('input');
    bar.appendChild(views);

    var sev = el('fieldset', {'class': 'severities'}, el('legend', null, 'Severity'));
    SEVERITIES.forEach(function (s) {
      var input = el('input', {type: 'checkbox', value: s, checked: true, 'data-severity': s});
      input.addEventListener('change', function () {
        if (input.checked) state.hiddenSeverities.delete(s); else state.hiddenSeverities.add(s);
        self.redraw();
      });
      sev.appendChild(el('label', {'class': 'sev-' + s}, [input, ' ' + s + ' (' + (model.bySeverity[s] || 0) + ')']));
    });
    bar.appendChild(sev);

    var rules = el('details', {'class': 'rules'});
    rules.appendChild(el('summary', null, 'Rules (' + model.rules.length + ')'));
    var all = el('button', {type: 'button', 'data-action': 'all-rules'}, 'All');
    var none = el('button', {type: 'button', 'data-action': 'no-rules'}, 'None');
    all.addEventListener('click', function () { state.hiddenRules.clear(); self.syncRuleInputs(); self.redraw(); });
    none.addEventListener('click', function () {
      model.rules.forEach(function (r) { state.hiddenRules.add(r.id); });
      self.syncRuleInputs(); self.redraw();
    });
    rules.appendChild(el('div', {'class': 'rule-actions'}, [all, ' ', none]));
    var list = el('ul', {'class': 'rule-list'});
    this.ruleInputs = [];
    model.rules.forEach(function (r) {
      var input = el('input', {type: 'checkbox', value: r.id, checked: true, 'data-rule': r.id});
      input.addEventListener('change', function () {
        if (input.checked) state.hiddenRules.delete(r.id); else state.hiddenRules.add(r.id);
        self.redraw();
      });
      var only = el('button', {type: 'button', 'class': 'only', 'data-only': r.id, title: 'Show only ' + r.id}, 'only');
      only.addEventListener('click', function () { self.onlyRule(r.id, true); });
      self.ruleInputs.push(input);
      list.appendChild(el('li', {'class': 'sev-' + r.severity},
                          [el('label', null, [input, ' ', el('code', null, r.id), ' (' + r.count + ')']), ' ', only]));
    });
    rules.appendChild(list);
    bar.appendChild(rules);

    this.status = el('span', {'class': 'status', role: 'status'});
    bar.appendChild(this.status);
    bar.appendChild(el('p', {'class': 'keys'}, [
      'Keys: ', el('kbd', null, 'j'), ' next change, ', el('kbd', null, 'k'), ' previous change, ',
      el('kbd', null, 'v'), ' inline / side by side, ', el('kbd', null, 'Enter'), ' on a finding: go to it']));
    return bar;
  };

  Review.prototype.syncRuleInputs = function () {
    var hidden = this.state.hiddenRules;
    this.ruleInputs.forEach(function (input) { input.checked = !hidden.has(input.value); });
  };

  // Shows only `rule`; again (from the chart) shows every rule.
  Review.prototype.onlyRule = function (rule, keep) {
    var state = this.state;
    var alreadyOnly = !state.hiddenRules.has(rule) && state.hiddenRules.size === this.model.rules.length - 1;
    state.hiddenRules.clear();
    if (!(alreadyOnly && !keep)) {
      this.model.rules.forEach(function (r) { if (r.id !== rule) state.hiddenRules.add(r.id); });
    }
    this.syncRuleInputs();
    this.redraw();
  };

  Review.prototype.setView = function (view) {
    this.state.view = view;
    Array.prototype.forEach.call(this.viewInputs, function (input) { input.checked = input.value === view; });
    this.redraw();
  };

  // Draws every document again under the current filters and view: the
  // first slice at once, the rest between frames.
  Review.prototype.redraw = function () {
    var self = this, model = this.model, state = this.state;
    var generation = ++this.generation;
    this.current = null;
    this.root.setAttribute('data-state', 'drawing');
    var shownFindings = model.findings.filter(function (f) { return state.shows(f); }).length;
    var shownDocs = 0;
    var todo = [];
    model.docs.forEach(function (doc) {
      var section = self.docEls[doc.index];
      if (!section.parentNode) return;
      doc.drawn = false;
      var visible = !state.filtering() || self.docVisible(doc);
      section.hidden = !visible;
      if (visible) { shownDocs++; todo.push(doc); }
      else while (section.firstChild) section.removeChild(section.firstChild);
    });
    this.status.textContent = 'Showing ' + plural(shownFindings, 'finding', 'findings') + ' of ' +
                              model.findings.length.toLocaleString('en') + ' in ' +
                              plural(shownDocs, 'document', 'documents');
    this.bars().forEach(function (g) {
      g.classList.toggle('dim', state.hiddenRules.has(g.getAttribute('data-rule')));
    });
    var i = 0;
    // Performance marks (first slice drawn, all drawn) say how long a
    // large report takes to open.
    function slice(n) {
      if (generation !== self.generation) return;
      for (var end = Math.min(todo.length, i + n); i < end; i++) self.drawDoc(todo[i]);
      if (i === Math.min(todo.length, FIRST_SLICE)) mark('mtclean-review-first-slice');
      if (i < todo.length) {
        setTimeout(function () { slice(SLICE); }, 0);
      } else {
        mark('mtclean-review-drawn');
        self.root.setAttribute('data-state', 'ready');
      }
    }
    slice(FIRST_SLICE);
  };

  Review.prototype.bars = function () {
    return Array.prototype.slice.call(this.root.querySelectorAll('svg.chart g.bar'));
  };

  Review.prototype.docVisible = function (doc) {
    var state = this.state;
    for (var g = doc.first; g < doc.first + doc.count; g++) {
      if (state.shows(this.model.findings[g])) return true;
    }
    return false;
  };

  Review.prototype.drawDoc = function (doc) {
    if (doc.drawn) return;
    doc.drawn = true;
    var self = this;
    var section = this.docEls[doc.index];
    while (section.firstChild) section.removeChild(section.firstChild);
    var facts = [plural(doc.count, 'finding', 'findings'), plural(doc.edits.length, 'change', 'changes'),
                 plural(doc.removed, 'byte', 'bytes') + ' removed'];
    if (doc.language) facts.push('language ' + doc.language);
    var ev = doc.evaluation;
    if (ev) {
      facts.push('edit distance to gold ' + (ev.distance_after === null ? 'over the bound' : ev.distance_after) +
                 ' (was ' + (ev.distance_before === null ? '?' : ev.distance_before) + ')');
      facts.push(ev.damaged_bytes + ' bytes damaged');
      facts.push(ev.missed_bytes + ' gold edit bytes left in');
    }
    section.appendChild(el('header', {'class': 'doc-head'}, [
      el('h2', null, el('span', {'class': 'path'}, doc.file)), el('p', {'class': 'facts'}, facts.join(' \u00b7 '))]));
    section.appendChild(drawDocBody(this.model, this.state, doc));
    if (doc.goldDiff) {
      section.appendChild(el('details', {'class': 'gold-diff'}, [
        el('summary', null, 'Diff from the output to the gold text'), el('pre', null, doc.goldDiff)]));
    }
    section.addEventListener('mouseover', function (e) { self.hover(section, e.target, true); });
    section.addEventListener('mouseout', function (e) { self.hover(section, e.target, false); });
    section.addEventListener('click', function (e) {
      var item = e.target.closest ? e.target.closest('li.finding') : null;
      if (item) self.goToFinding(section, item);
    });
    section.addEventListener('keydown', function (e) {
      var item = e.target.closest ? e.target.closest('li.finding') : null;
      if (item && e.key === 'Enter') { e.preventDefault(); self.goToFinding(section, item); }
    });
  };

  // Hovering a mark lights its findings in the list, and the reverse.
  Review.prototype.hover = function (section, target, on) {
    var holder = target.closest ? target.closest('[data-f]') : null;
    if (!holder) return;
    var ids = (holder.getAttribute('data-f') || '').split(' ').filter(Boolean);
    ids.forEach(function (id) {
      Array.prototype.forEach.call(section.querySelectorAll('[data-f~="' + id + '"]'), function (n) {
        n.classList.toggle('hl', on);
      });
    });
  };

  Review.prototype.goToFinding = function (section, item) {
    var id = item.getAttribute('data-f') || item.getAttribute('data-m');
    if (!id) return;
    var target = section.querySelector('.text-view [data-f~="' + id + '"]') ||
                 section.querySelector('.text-view [data-stop="' + id + '"]');
    if (target) this.setCurrent(target, item);
  };

  Review.prototype.setCurrent = function (node, item) {
    if (this.current) this.current.classList.remove('current');
    Array.prototype.forEach.call(this.root.querySelectorAll('li.finding.current'), function (n) {
      n.classList.remove('current');
    });
    this.current = node;
    node.classList.add('current');
    var section = node.closest('section.doc');
    var ids = (node.getAttribute('data-f') || '').split(' ').filter(Boolean);
    if (!item && section && ids.length) item = section.querySelector('li.finding[data-f="' + ids[0] + '"]');
    if (!item && section && node.getAttribute('data-stop')) {
      item = section.querySelector('li.finding[data-m="' + node.getAttribute('data-stop') + '"]');
    }
    if (item) item.classList.add('current');
    node.scrollIntoView({block: 'center'});
  };

  // The next (or previous) navigation stop after the current one, drawing
  // documents on the way that are not drawn yet.
  Review.prototype.step = function (forward) {
    var docs = this.model.docs.filter(function (doc) {
      var s = this.docEls[doc.index];
      return s.parentNode && !s.hidden;
    }, this);
    if (docs.length === 0) return;
    var at = -1, stops = null, idx = -1;
    if (this.current && this.current.isConnected) {
      var section = this.current.closest('section.doc');
      var n = Number(section.getAttribute('data-doc'));
      at = docs.findIndex(function (doc) { return doc.index === n; });
      stops = section.querySelectorAll('.stop');
      idx = Array.prototype.indexOf.call(stops, this.current);
    }
    if (at !== -1 && stops) {
      var next = idx + (forward ? 1 : -1);
      if (next >= 0 && next < stops.length) { this.setCurrent(stops[next]); return; }
    }
    for (var i = at === -1 ? (forward ? 0 : docs.length - 1) : at + (forward ? 1 : -1);
         i >= 0 && i < docs.length; i += forward ? 1 : -1) {
      this.drawDoc(docs[i]);
      var found = this.docEls[docs[i].index].querySelectorAll('.stop');
      if (found.length) { this.setCurrent(found[forward ? 0 : found.length - 1]); return; }
    }
  };

  Review.prototype.onKey = function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) {
      return;
    }
    if (e.key === 'j') { e.preventDefault(); this.step(true); }
    else if (e.key === 'k') { e.preventDefault(); this.step(false); }
    else if (e.key === 'v') { e.preventDefault(); this.setView(this.state.view === 'side' ? 'inline' : 'side'); }
  };

  function render(data, root) {
    if (!root) throw new Error('mtcleanReview.render: no element to draw into');
    if (!data || typeof data !== 'object') throw new Error('mtcleanReview.render: no report data');
    return new Review(data, root);
  }

  function renderPage() {
    var island = document.getElementById('mtclean-review-data');
    var root = document.getElementById('mtclean-review');
    if (!island || !root) return null;
    var text = island.textContent.trim();
    if (text === '' || text === 'null') return null;
    return render(JSON.parse(text), root);
  }

  window.mtcleanReview = {render: render, renderPage: renderPage, utf8Length: utf8Length};
})();
