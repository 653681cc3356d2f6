// atscope timeline report: reads the JSON data block, draws the timeline on a canvas, lists the
// transactions virtually (only the visible rows exist), shows details and the flow of a session.
// Every captured byte reaches the page through textContent, never through innerHTML.
//
// Data layout (written by ReportModel):
//   transactions: [id, start_us, end_us, outcome, command_index, result, error_code, echo, responses]
//     outcome 0 ok, 1 error, 2 no-response, 3 interrupted; echo 0 none, [delay_us] when it repeats the
//     command, [delay_us, text] when it differs
//     responses: [kind, dir, time_us, text] kind r line, c CONNECT, p payload;
//       payloads add [length, hidden, computed_checksum, reported_checksum]
//   commands: [line, [[name, form, title, section, [[parameter, value, meaning]]]]]
//   events: [kind, time_us, dir, text, note] kind u URC, n noise, m marker, e orphan echo, f orphan result
//   sessions: [index, start_us, end_us, outcome, detail, transactions, failed, ended_by, deciding_ids]
//   diagnostics: [transaction_id, severity, rule, message, section, column, length, time_us]
//     severity 0 error, 1 warning, 2 info
(function () {
  'use strict';
  var T0 = performance.now();
  var D = JSON.parse(document.getElementById('atscope-data').textContent);
  var TX = D.transactions, EV = D.events, CMDS = D.commands, SESS = D.sessions, DIAG = D.diagnostics;
  var N = TX.length;
  var OUTCOMES = ['ok', 'error', 'no-response', 'interrupted'];
  var SEVERITIES = ['error', 'warning', 'info'];
  var css = getComputedStyle(document.documentElement);
  function cssVar(n) { return css.getPropertyValue(n).trim(); }
  var OC_COLOR = OUTCOMES.map(function (o) { return cssVar('--' + o); });
  var SEV_COLOR = SEVERITIES.map(function (s) { return cssVar('--sev-' + s); });
  var URC_COLOR = cssVar('--urc');

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // ---- columns ------------------------------------------------------------------------------
  var START = new Float64Array(N), END = new Float64Array(N), OC = new Uint8Array(N);
  var WORST = new Uint8Array(N).fill(3);   // worst diagnostic severity, 3 = none
  var SESSION = new Int32Array(N).fill(-1);
  var maxDur = 0;
  for (var i = 0; i < N; i++) {
    var r = TX[i];
    START[i] = r[1]; END[i] = r[2]; OC[i] = r[3];
    if (r[2] - r[1] > maxDur) maxDur = r[2] - r[1];
  }
  var byId = null;      // transaction id -> index, when ids are not simply index + 1
  for (i = 0; i < N; i++) { if (TX[i][0] !== i + 1) { byId = new Map(); break; } }
  if (byId) for (i = 0; i < N; i++) byId.set(TX[i][0], i);
  function indexOfId(id) { return byId ? (byId.has(id) ? byId.get(id) : -1) : (id >= 1 && id <= N ? id - 1 : -1); }
  var DIAG_OF = new Map();   // index -> [diagnostic rows]
  var TRACE_DIAGS = [];
  var diagCount = [0, 0, 0];
  DIAG.forEach(function (d) {
    diagCount[d[1]]++;
    var k = indexOfId(d[0]);
    if (k < 0) { TRACE_DIAGS.push(d); return; }
    if (!DIAG_OF.has(k)) DIAG_OF.set(k, []);
    DIAG_OF.get(k).push(d);
    if (d[1] < WORST[k]) WORST[k] = d[1];
  });
  // sessions by time: a transaction belongs to the last session that starts at or before it
  var s = 0;
  for (i = 0; i < N; i++) {
    while (s + 1 < SESS.length && SESS[s + 1][1] <= START[i]) s++;
    SESSION[i] = SESS.length ? s : -1;
  }
  function isError(k) { return OC[k] !== 0 || WORST[k] === 0; }

  var FIRST = D.meta.firstUs, LAST = Math.max(D.meta.lastUs, FIRST + 1);
  var startInstant = D.meta.start ? Date.parse(D.meta.start) : NaN;

  // ---- formatting ---------------------------------------------------------------------------
  function secs(us) { return (us / 1e6).toFixed(3) + ' s'; }
  function dur(us) {
    if (us < 1000) return Math.round(us) + ' \u00b5s';
    if (us < 10e6) return Math.round(us / 1000) + ' ms';
    if (us < 600e6) return (us / 1e6).toFixed(1) + ' s';
    var m = Math.round(us / 60e6);
    return m < 120 ? m + ' min' : Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }
  function wall(us) {
    if (isNaN(startInstant)) return '';
    return new Date(startInstant + us / 1000).toISOString().replace('T', ' ').replace('Z', ' UTC');
  }
  // captured text, one char per byte, with control bytes made visible as in the trace format
  function visible(t) {
    var out = '';
    for (var j = 0; j < t.length; j++) {
      var c = t.charCodeAt(j);
      if (c === 13) out += '\\r';
      else if (c === 10) out += '\\n';
      else if (c === 9) out += '\\t';
      else if (c === 92) out += '\\\\';
      else if (c < 32 || (c >= 127 && c < 160)) out += '\\x' + (c < 16 ? '0' : '') + c.toString(16).toUpperCase();
      else out += t.charAt(j);
    }
    return out;
  }
  // a body as text: line breaks kept, other control bytes visible
  function bodyText(t) {
    return t.replace(/\r\n/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, function (c) {
      return '\\x' + ('0' + c.charCodeAt(0).toString(16).toUpperCase()).slice(-2);
    });
  }
  function hexDump(t) {
    var lines = [];
    for (var off = 0; off < t.length; off += 16) {
      var hex = '', asc = '';
      for (var j = 0; j < 16; j++) {
        if (off + j < t.length) {
          var c = t.charCodeAt(off + j) & 0xff;
          hex += (c < 16 ? '0' : '') + c.toString(16) + ' ';
          asc += c >= 32 && c < 127 ? String.fromCharCode(c) : '.';
        } else hex += '   ';
        if (j === 7) hex += ' ';
      }
      lines.push(('0000000' + off.toString(16)).slice(-8) + '  ' + hex + ' ' + asc);
    }
    return lines.join('\n');
  }
  function commandLine(k) { return CMDS[TX[k][4]][0]; }

  // ---- summary ------------------------------------------------------------------------------
  var ocCount = [0, 0, 0, 0];
  for (i = 0; i < N; i++) ocCount[OC[i]]++;
  function buildSummary() {
    $('trace-name').textContent = D.meta.name;
    document.title = D.meta.name + ' \u2014 atscope';
    var meta = [];
    if (D.meta.start) meta.push('start ' + wall(FIRST));
    meta.push('duration ' + dur(LAST - FIRST));
    Object.keys(D.meta.tags).forEach(function (k) { meta.push(k + ' ' + D.meta.tags[k]); });
    if (D.meta.hostPort) meta.push('host ' + D.meta.hostPort);
    if (D.meta.modulePort) meta.push('module ' + D.meta.modulePort);
    if (D.meta.baud) meta.push(D.meta.baud + ' baud');
    $('trace-meta').textContent = meta.join(' \u00b7 ');
    var stats = $('stats');
    stats.appendChild(el('span', 'chip', N.toLocaleString('en') + ' transaction' + (N === 1 ? '' : 's')));
    stats.appendChild(el('span', 'chip', SESS.length.toLocaleString('en') + ' session' + (SESS.length === 1 ? '' : 's')));
    OUTCOMES.forEach(function (o, k) {
      if (!ocCount[k] && k > 1) return;
      var c = el('button', 'chip stat-outcome');
      c.type = 'button';
      c.dataset.outcome = o;
      var dot = el('span', 'dot'); dot.style.background = OC_COLOR[k];
      c.appendChild(dot); c.appendChild(document.createTextNode(ocCount[k].toLocaleString('en') + ' ' + o
          + (o === 'error' && ocCount[k] !== 1 ? 's' : '')));
      c.addEventListener('click', function () { setFilter('outcome:' + o); });
      stats.appendChild(c);
    });
    stats.appendChild(el('span', 'muted', 'diagnostics:'));
    SEVERITIES.forEach(function (sv, k) {
      var c = el('button', 'chip stat-severity');
      c.type = 'button';
      c.id = 'count-' + sv + 's';
      var dot = el('span', 'dot'); dot.style.background = SEV_COLOR[k];
      c.appendChild(dot); c.appendChild(document.createTextNode(diagCount[k].toLocaleString('en') + ' ' + sv + (diagCount[k] === 1 ? '' : 's')));
      c.addEventListener('click', function () { setFilter('severity:' + sv); });
      stats.appendChild(c);
    });
    var chips = $('session-chips');
    var shown = Math.min(SESS.length, 200);
    for (var k = 0; k < shown; k++) chips.appendChild(sessionChip(k));
    if (SESS.length > shown) {
      var byOutcome = {};
      SESS.forEach(function (x) { byOutcome[x[3]] = (byOutcome[x[3]] || 0) + 1; });
      chips.appendChild(el('span', 'chip muted', (SESS.length - shown) + ' more; all: ' + Object.keys(byOutcome).map(function (o) { return byOutcome[o] + ' ' + o; }).join(', ')));
    }
    var groups = new Map();
    DIAG.forEach(function (d) {
      var key = d[1] + ' ' + d[2] + ' ' + d[3];
      if (!groups.has(key)) groups.set(key, { sev: d[1], rule: d[2], example: d[3], n: 0 });
      groups.get(key).n++;
    });
    var top = Array.from(groups.values()).sort(function (a, b) { return a.sev - b.sev || b.n - a.n; }).slice(0, 5);
    var ol = $('top-diagnostics');
    top.forEach(function (g) {
      var li = el('li');
      li.appendChild(el('span', 'badge sev-' + SEVERITIES[g.sev], SEVERITIES[g.sev]));
      li.appendChild(document.createTextNode(' ' + g.n + '\u00d7 ' + g.rule + ': ' + g.example));
      li.title = 'filter rule:' + g.rule;
      li.addEventListener('click', function () { setFilter('rule:' + g.rule); });
      ol.appendChild(li);
    });
    if (!top.length) ol.appendChild(el('li', 'muted', 'none'));
    var notes = [];
    if (D.meta.redacted) notes.push('Redacted: certificate and key bodies, APN passwords and the given patterns are masked.');
    notes.push('Payloads show their first ' + D.meta.payloadBytes + ' bytes; lengths and checksums are of the whole payload.');
    D.meta.warnings.forEach(function (w) { notes.push('warning: ' + w); });
    TRACE_DIAGS.forEach(function (d) { notes.push(SEVERITIES[d[1]] + ': ' + d[3]); });
    $('notes').textContent = notes.join(' ');
    var legend = $('legend');
    OUTCOMES.forEach(function (o, k) { var x = el('span', null, o); x.style.setProperty('--c', OC_COLOR[k]); legend.appendChild(x); });
  }
  function sessionChip(k) {
    var x = SESS[k];
    var c = el('button', 'chip session-chip');
    c.type = 'button';
    c.dataset.outcome = x[3];
    var dot = el('span', 'dot'); dot.style.background = x[3] === 'ok' ? OC_COLOR[0] : OC_COLOR[1];
    c.appendChild(dot);
    c.appendChild(document.createTextNode('S' + x[0] + ' ' + x[3] + ' \u00b7 ' + x[5] + ' tx'));
    c.title = (x[4] ? x[4] + '\n' : '') + 'ended by ' + x[7];
    c.addEventListener('click', function () { showSession(k); });
    return c;
  }
  // a session: its deciding transaction selected, the timeline on the session
  function showSession(k) {
    var x = SESS[k];
    var target = x[8].length ? indexOfId(x[8][0]) : firstAtOrAfter(x[1]);
    if (target >= 0 && target < N) select(target, true);
    view.start = x[1] - (x[2] - x[1]) * 0.02; view.end = x[2] + (x[2] - x[1]) * 0.02 + 1;
    if (!$('flow-pane').hidden) showFlow(k, target);
    draw();
    linkHere('session=' + x[0]);
  }
  function firstAtOrAfter(us) {
    var lo = 0, hi = N;
    while (lo < hi) { var m = (lo + hi) >> 1; if (START[m] < us) lo = m + 1; else hi = m; }
    return lo;
  }

  // ---- filter -------------------------------------------------------------------------------
  var filtered = null;         // Int32Array of indices, or null for all
  var matches = null;          // Uint8Array, or null for all
  var searchText = null;       // lazily built lower-case text of each transaction
  function txText(k) {
    var r = TX[k], parts = [commandLine(k), r[5]];
    for (var j = 0; j < r[8].length; j++) parts.push(r[8][j][3]);
    return parts.join('\n').toLowerCase();
  }
  function parseFilter(q) {
    var terms = [];
    (q.match(/"[^"]*"|\S+/g) || []).forEach(function (tok) {
      var m = /^(cmd|command|outcome|severity|sev|rule|session):(.*)$/i.exec(tok);
      if (m) terms.push({ key: m[1].toLowerCase(), value: m[2].replace(/^"|"$/g, '').toLowerCase() });
      else terms.push({ key: 'text', value: tok.replace(/^"|"$/g, '').toLowerCase() });
    });
    return terms.filter(function (t) { return t.value.length; });
  }
  function matchTerm(k, t) {
    switch (t.key) {
      case 'cmd': case 'command': {
        var cs = CMDS[TX[k][4]][1], v = t.value.replace(/^at/, '').replace(/^\+/, '');
        for (var j = 0; j < cs.length; j++) { if (cs[j][0].toLowerCase().replace(/^\+/, '').indexOf(v) === 0) return true; }
        return false;
      }
      case 'outcome': return OUTCOMES[OC[k]] === t.value || (t.value === 'failed' && OC[k] !== 0);
      case 'severity': case 'sev': {
        var want = SEVERITIES.indexOf(t.value);
        var ds = DIAG_OF.get(k) || [];
        return ds.some(function (d) { return want < 0 || d[1] === want; });
      }
      case 'rule': return (DIAG_OF.get(k) || []).some(function (d) { return d[2].toLowerCase().indexOf(t.value) === 0; });
      case 'session': return SESSION[k] >= 0 && (String(SESS[SESSION[k]][0]) === t.value || SESS[SESSION[k]][3] === t.value);
      default:
        if (!searchText) searchText = new Array(N);
        var s2 = searchText[k];
        if (s2 === undefined) s2 = searchText[k] = txText(k);
        return s2.indexOf(t.value) >= 0;
    }
  }
  function applyFilter() {
    var terms = parseFilter($('filter').value.trim());
    if (!terms.length) { filtered = null; matches = null; }
    else {
      var out = [], m = new Uint8Array(N);
      for (var k = 0; k < N; k++) {
        var ok = true;
        for (var j = 0; j < terms.length && ok; j++) ok = matchTerm(k, terms[j]);
        if (ok) { out.push(k); m[k] = 1; }
      }
      filtered = Int32Array.from(out); matches = m;
    }
    $('list').scrollTop = 0;
    listChanged();
    draw();
  }
  function setFilter(q) { $('filter').value = q; applyFilter(); }
  function listLength() { return filtered ? filtered.length : N; }
  function listAt(p) { return filtered ? filtered[p] : p; }
  function listPos(k) {
    if (!filtered) return k;
    var lo = 0, hi = filtered.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (filtered[m] < k) lo = m + 1; else hi = m; }
    return lo < filtered.length && filtered[lo] === k ? lo : -1;
  }

  // ---- list (virtual) -----------------------------------------------------------------------
  var ROW = 22, MAX_SCROLL = 30e6;
  var list = $('list'), rows = $('list-rows'), spacer = $('list-spacer');
  var selected = -1;
  function scale() { var h = listLength() * ROW; return h > MAX_SCROLL ? h / MAX_SCROLL : 1; }
  function listChanged() {
    spacer.style.height = Math.min(listLength() * ROW, MAX_SCROLL) + 'px';
    $('count').textContent = listLength().toLocaleString('en') + ' of ' + N.toLocaleString('en') + ' transactions';
    $('count').dataset.shown = listLength();
    renderRows();
  }
  function renderRows() {
    // past MAX_SCROLL pixels the scroll bar is scaled: a pixel of scrolling passes sc pixels of rows
    var sc = scale();
    var exact = list.scrollTop * sc / ROW;
    var first = Math.max(0, Math.floor(exact) - 3);
    var last = Math.min(listLength(), first + Math.ceil(list.clientHeight / ROW) + 7);
    rows.style.top = (list.scrollTop - (exact - first) * ROW) + 'px';
    while (rows.childNodes.length > last - first) rows.removeChild(rows.lastChild);
    for (var p = first; p < last; p++) {
      var node = rows.childNodes[p - first];
      if (!node) { node = makeRow(); rows.appendChild(node); }
      fillRow(node, listAt(p));
    }
  }
  function makeRow() {
    var d = el('div', 'row');
    d.appendChild(el('span', 'sw')); d.appendChild(el('span', 'c-time'));
    d.appendChild(el('span', 'c-cmd')); d.appendChild(el('span', 'c-res')); d.appendChild(el('span', 'c-dur'));
    d.addEventListener('click', function () { select(+d.dataset.index, true); });
    return d;
  }
  function fillRow(d, k) {
    var r = TX[k];
    d.dataset.index = k;
    d.className = 'row tx oc-' + OUTCOMES[OC[k]] + (k === selected ? ' selected' : '') + (WORST[k] < 3 ? ' has-diag' : '');
    d.style.setProperty('--d', WORST[k] < 3 ? SEV_COLOR[WORST[k]] : '');
    var c = d.childNodes;
    c[1].textContent = secs(START[k] - FIRST);
    c[2].textContent = visible(commandLine(k));
    c[3].textContent = r[5] ? visible(r[5]) : (OC[k] === 2 ? '(no response)' : OC[k] === 3 ? '(interrupted)' : '');
    c[4].textContent = dur(END[k] - START[k]);
  }
  function scrollListTo(k) {
    var p = listPos(k);
    if (p < 0) return;
    var sc = scale(), top = list.scrollTop * sc, pos = p * ROW;
    if (pos < top || pos + ROW > top + list.clientHeight) list.scrollTop = Math.max(0, (pos - list.clientHeight / 3) / sc);
    renderRows();
  }
  list.addEventListener('scroll', function () { renderRows(); }, { passive: true });

  // ---- selection and detail -----------------------------------------------------------------
  function select(k, reveal) {
    selected = k;
    scrollListTo(k);
    renderRows();
    showDetail(k);
    if (reveal && (START[k] < view.start || END[k] > view.end)) {
      var w = view.end - view.start;
      if (END[k] - START[k] > w * 0.8) w = (END[k] - START[k]) * 1.5;
      view.start = START[k] - w / 2; view.end = view.start + w;
    }
    if (!$('flow-pane').hidden) showFlow(SESSION[k], k);
    draw();
    linkHere();
  }
  function section(s) { return s ? ' (\u00a7' + s + ')' : ''; }
  function showDetail(k) {
    var r = TX[k], box = $('detail');
    box.textContent = '';
    var h = el('h3', null, visible(commandLine(k)));
    box.appendChild(h);
    var line = el('div');
    line.appendChild(el('span', 'badge oc-' + OUTCOMES[OC[k]], OUTCOMES[OC[k]]));
    line.appendChild(document.createTextNode(' at ' + secs(START[k] - FIRST) + (wall(START[k]) ? ' (' + wall(START[k]) + ')' : '')
      + ', took ' + dur(END[k] - START[k]) + ', transaction ' + r[0]
      + (SESSION[k] >= 0 ? ', session ' + SESS[SESSION[k]][0] + ' (' + SESS[SESSION[k]][3] + ')' : '')));
    box.appendChild(line);
    var res = el('div', 'result-line');
    res.appendChild(document.createTextNode('result: '));
    res.appendChild(el('code', null, r[5] ? visible(r[5]) : '(none)'));
    if (r[6] >= 0) res.appendChild(document.createTextNode(' \u2014 error ' + r[6] + (D.meta.errorMeanings[r[6]] ? ': ' + D.meta.errorMeanings[r[6]] : '')));
    box.appendChild(res);

    var diags = DIAG_OF.get(k) || [];
    var dh = el('h4', null, 'Diagnostics (' + diags.length + ')');
    box.appendChild(dh);
    var ul = el('ul', 'diags');
    ul.id = 'detail-diagnostics';
    diags.slice().sort(function (a, b) { return a[1] - b[1]; }).forEach(function (d) {
      var li = el('li', 'diag');
      li.appendChild(el('span', 'badge sev-' + SEVERITIES[d[1]], SEVERITIES[d[1]]));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('code', null, d[2]));
      li.appendChild(document.createTextNode(' ' + d[3] + section(d[4])));
      ul.appendChild(li);
    });
    if (!diags.length) ul.appendChild(el('li', 'muted', 'none'));
    box.appendChild(ul);

    CMDS[r[4]][1].forEach(function (c) {
      box.appendChild(el('h4', null, 'AT' + c[0] + ' ' + c[1] + (c[2] ? ' \u2014 ' + c[2] : '') + section(c[3])));
      if (!c[4].length) return;
      var tb = el('table', 'params');
      var hr = el('tr'); ['parameter', 'value', 'meaning'].forEach(function (x) { hr.appendChild(el('th', null, x)); });
      tb.appendChild(hr);
      c[4].forEach(function (p) {
        var tr = el('tr');
        tr.appendChild(el('td', null, p[0])); tr.appendChild(el('td', 'mono', visible(p[1]))); tr.appendChild(el('td', null, p[2] || ''));
        tb.appendChild(tr);
      });
      box.appendChild(tb);
    });

    box.appendChild(el('h4', null, 'Bytes on the wire'));
    var ex = el('div', 'exchange');
    function addEvent(label, dir, time, text, extra) {
      var ev = el('div', 'ev');
      ev.appendChild(el('div', 'ev-head', (dir === 0 ? 'host \u2192 module' : dir === 1 ? 'module \u2192 host' : '') + ' \u00b7 ' + label
        + ' \u00b7 +' + dur(Math.max(0, time - START[k])) + (extra ? ' \u00b7 ' + extra : '')));
      var pre = el('pre', 'text', label === 'payload' ? bodyText(text) : visible(text));
      pre.dataset.kind = label;
      ev.appendChild(pre);
      var det = el('details');
      det.appendChild(el('summary', null, 'hex'));
      det.appendChild(el('pre', 'hex', hexDump(text)));
      ev.appendChild(det);
      ex.appendChild(ev);
      return ev;
    }
    addEvent('command', 0, START[k], commandLine(k) + '\r');
    if (r[7] !== 0) addEvent('echo', 1, START[k] + r[7][0], (r[7].length > 1 ? r[7][1] : commandLine(k)) + '\r');
    r[8].forEach(function (x) {
      if (x[0] !== 'p') { addEvent(x[0] === 'c' ? 'intermediate' : 'response', x[1], x[2], x[3]); return; }
      var info = x[4] + ' bytes' + (x[5] ? ', body hidden by redaction' : x[3].length < x[4] ? ', first ' + x[3].length + ' shown' : '');
      var ev = addEvent('payload', x[1], x[2], x[3], info);
      if (x[6] !== undefined) {
        var chk = el('div', 'checksum');
        if (x[7] === undefined) chk.textContent = 'checksum of the captured bytes: ' + x[6] + ' (the module reported none)';
        else {
          var same = x[6].toLowerCase() === String(x[7]).toLowerCase();
          chk.appendChild(document.createTextNode('checksum: module reported ' + x[7] + ', captured bytes give ' + x[6] + ' '));
          chk.appendChild(el('span', same ? 'check-ok' : 'check-bad', same ? '\u2713 match' : '\u2717 differ'));
        }
        ev.insertBefore(chk, ev.childNodes[1]);
      }
    });
    if (r[5]) addEvent('final result', 1, END[k], r[5]);
    box.appendChild(ex);
  }

  // ---- timeline (canvas) --------------------------------------------------------------------
  var canvas = $('timeline'), ctx = canvas.getContext('2d');
  var LABEL_W = 86, AXIS_H = 22, LANES = ['host \u2192 module', 'module \u2192 host', 'URC / noise', 'diagnostics'];
  var view = { start: 0, end: 1 };
  var gaps = [], urcs = [];
  EV.forEach(function (e) {
    if (e[0] === 'm' && /^gap/.test(e[3])) gaps.push(e[1]);
    else urcs.push(e);
  });
  function fit() {
    var pad = (LAST - FIRST) * 0.02 + 1;
    view.start = FIRST - pad; view.end = LAST + pad;
  }
  // the canvas size is read from the layout once per resize: reading clientWidth per mark is what
  // made a frame of 100,000 transactions take a second
  var CW = 1, CH = 1;
  function sizeCanvas() {
    var dpr = window.devicePixelRatio || 1;
    CW = canvas.clientWidth; CH = canvas.clientHeight;
    canvas.width = Math.max(1, Math.round(CW * dpr));
    canvas.height = Math.max(1, Math.round(CH * dpr));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }
  function plotW() { return CW - LABEL_W; }
  function xOf(us) { return LABEL_W + (us - view.start) / (view.end - view.start) * plotW(); }
  function usOf(x) { return view.start + (x - LABEL_W) / plotW() * (view.end - view.start); }
  function laneY(l) { return AXIS_H + 4 + l * laneH(); }
  function laneH() { return (CH - AXIS_H - 8) / LANES.length; }
  var pending = false;
  function draw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; paint(); });
  }
  function niceStep(range, px) {
    var raw = range / Math.max(1, px / 110);
    if (raw >= 60e6) {       // minutes and hours read better than powers of ten of seconds
      var steps = [60e6, 120e6, 300e6, 600e6, 900e6, 1800e6, 3600e6, 7200e6, 10800e6, 21600e6, 43200e6, 86400e6];
      for (var j = 0; j < steps.length; j++) if (steps[j] >= raw) return steps[j];
      return Math.ceil(raw / 86400e6) * 86400e6;
    }
    var p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  }
  function tickLabel(us, step) {
    var s2 = (us - FIRST) / 1e6;
    if (step >= 60e6) {
      var mins = Math.round(s2 / 60);
      return Math.floor(mins / 60) + ':' + ('0' + (mins % 60)).slice(-2) + ' h';
    }
    var digits = step >= 1e6 ? 0 : step >= 1e5 ? 1 : step >= 1e4 ? 2 : step >= 1e3 ? 3 : 6;
    return s2.toFixed(digits) + ' s';
  }
  function paint() {
    var W = CW, H = CH, lh = laneH();
    ctx.clearRect(0, 0, W, H);
    ctx.font = '11px system-ui, sans-serif';
    // sessions: alternating bands, a boundary line and a label
    var sFirst = 0, lo = 0, hi = SESS.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (SESS[m][2] < view.start) lo = m + 1; else hi = m; }
    sFirst = lo;
    var bands = [new Path2D(), new Path2D(), new Path2D()], bounds = new Path2D(), labels = [], lastS = -1;
    lo = sFirst; hi = SESS.length;
    while (lo < hi) { m = (lo + hi) >> 1; if (SESS[m][1] <= view.end) lo = m + 1; else hi = m; }
    var dense = lo - sFirst > (W - LABEL_W) / 4, lastBad = -1;
    for (var k = sFirst; k < SESS.length && SESS[k][1] <= view.end; k++) {
      var x0 = Math.max(LABEL_W, Math.floor(xOf(SESS[k][1]))), x1 = Math.min(W, Math.ceil(xOf(SESS[k][2])));
      if (dense) {       // too many to tell apart: only failed sessions, one band per pixel column
        if (SESS[k][3] !== 'ok' && x0 !== lastBad) { bands[2].rect(x0, AXIS_H, Math.max(1, x1 - x0), H - AXIS_H); lastBad = x0; }
        continue;
      }
      bands[SESS[k][3] === 'ok' ? k % 2 : 2].rect(x0, AXIS_H, Math.max(1, x1 - x0), H - AXIS_H);
      if (x0 !== lastS) { bounds.moveTo(x0 + 0.5, AXIS_H); bounds.lineTo(x0 + 0.5, H); lastS = x0; }
      if (x1 - x0 > 60 && labels.length < 200) labels.push([x0, 'S' + SESS[k][0] + ' ' + SESS[k][3]]);
    }
    ['rgba(47,158,68,0.05)', 'rgba(47,158,68,0.09)', 'rgba(224,49,49,0.08)'].forEach(function (c, j) { ctx.fillStyle = c; ctx.fill(bands[j]); });
    ctx.strokeStyle = '#868e96'; ctx.setLineDash([4, 3]); ctx.stroke(bounds); ctx.setLineDash([]);
    ctx.fillStyle = '#495057';
    labels.forEach(function (x) { ctx.fillText(x[1], x[0] + 4, AXIS_H + 11); });
    // lanes
    ctx.fillStyle = '#f6f8fa'; ctx.fillRect(0, 0, LABEL_W, H);
    ctx.strokeStyle = '#e9ecef';
    for (var l = 0; l < LANES.length; l++) {
      var y = laneY(l);
      ctx.beginPath(); ctx.moveTo(0, Math.round(y + lh) + 0.5); ctx.lineTo(W, Math.round(y + lh) + 0.5); ctx.stroke();
      ctx.fillStyle = '#495057'; ctx.fillText(LANES[l], 6, y + lh / 2 + 4);
    }
    // axis
    var step = niceStep(view.end - view.start, plotW());
    var t = Math.ceil((view.start - FIRST) / step) * step + FIRST;
    ctx.fillStyle = '#fff'; ctx.fillRect(LABEL_W, 0, W - LABEL_W, AXIS_H);
    ctx.strokeStyle = '#ced4da'; ctx.fillStyle = '#495057';
    for (; t <= view.end; t += step) {
      var x = Math.round(xOf(t)) + 0.5;
      if (x < LABEL_W) continue;
      ctx.beginPath(); ctx.moveTo(x, AXIS_H - 6); ctx.lineTo(x, AXIS_H); ctx.stroke();
      ctx.fillText(tickLabel(t, step), x + 3, 12);
    }
    ctx.save();
    ctx.beginPath(); ctx.rect(LABEL_W, AXIS_H, W - LABEL_W, H - AXIS_H); ctx.clip();
    // marks are gathered into one path per colour and filled once: a canvas call per mark is what
    // makes a software canvas slow; one mark per pixel column and colour is enough to see
    var paths = new Map();
    function path(key) { var p = paths.get(key); if (!p) { p = new Path2D(); paths.set(key, p); } return p; }
    function fillPaths(keys) {
      keys.forEach(function (key) {
        var p = paths.get(key);
        if (!p) return;
        ctx.globalAlpha = key.charAt(key.length - 1) === 'd' ? 0.18 : 1;
        ctx.fillStyle = key.charAt(0) === 's' ? SEV_COLOR[+key.charAt(1)] : key.charAt(0) === 'u' ? (key.charAt(1) === 'u' ? URC_COLOR : '#868e96') : OC_COLOR[+key.charAt(1)];
        ctx.fill(p);
      });
      ctx.globalAlpha = 1;
    }
    var from = firstAtOrAfter(view.start - maxDur - 1);
    var y0 = Math.round(laneY(0) + lh * 0.2), bh = Math.round(lh * 0.6), y1 = Math.round(laneY(1) + lh * 0.2);
    var y2 = Math.round(laneY(2) + lh * 0.2), y3 = laneY(3) + lh * 0.25;
    var lastBar = new Int32Array(8).fill(-1e9), lastTick = new Int32Array(8).fill(-1e9), lastDiag = new Int32Array(6).fill(-1e9);
    var usPerPx = (view.end - view.start) / plotW();
    if (!matches && firstAtOrAfter(view.end) - from > 2 * plotW() && usPerPx > 2 * LOD_US) {
      // far out: one summary per pixel column from the precomputed buckets instead of every transaction
      if (!LOD) buildLod();
      var lastTri = -1e9;
      for (var col = Math.max(LABEL_W, 0); col < W; col++) {
        var b0 = lodBucket(usOf(col)), b1 = lodBucket(usOf(col + 1));
        if (b1 < 0 || b0 >= LOD_N) continue;
        var bars = 0, ends = 0;
        for (var b = Math.max(0, b0); b < Math.min(LOD_N, Math.max(b1, b0 + 1)); b++) { bars |= LOD[b]; ends |= LOD_END[b]; }
        for (var oc = 0; oc < 4; oc++) {
          if (bars & (1 << oc)) path('o' + oc).rect(col, y0, 1, bh);
          if (ends & (1 << oc)) path('o' + oc).rect(col, y1, 1, bh);
        }
        for (var sv = 0; sv < 3; sv++) {
          if ((bars & (16 << sv)) && col - lastTri >= 4) {
            var tp = path('s' + sv);
            tp.moveTo(col, y3); tp.lineTo(col + 4, y3 + lh * 0.5); tp.lineTo(col - 4, y3 + lh * 0.5); tp.closePath();
            lastTri = col;
            break;
          }
        }
      }
      from = N;      // the per-transaction loop below has nothing left to do
    }
    for (k = from; k < N && START[k] <= view.end; k++) {
      if (END[k] < view.start) continue;
      var dim = matches && !matches[k] ? 1 : 0, o = OC[k], slot = o * 2 + dim;
      var a = Math.floor(xOf(START[k])), b = Math.max(a + 1, Math.round(xOf(END[k])));
      if (b - a > 1 || lastBar[slot] !== a) {
        path('o' + o + (dim ? 'd' : '')).rect(a, y0, b - a, bh);
        lastBar[slot] = a;
      }
      if (lastTick[slot] !== b) {
        path('o' + o + (dim ? 'd' : '')).rect(b - 1, y1, 2, bh);
        lastTick[slot] = b;
      }
      var w = WORST[k];
      if (w < 3 && lastDiag[w * 2 + dim] !== a) {
        var dp = path('s' + w + (dim ? 'd' : ''));
        dp.moveTo(a, y3); dp.lineTo(a + 4, y3 + lh * 0.5); dp.lineTo(a - 4, y3 + lh * 0.5); dp.closePath();
        lastDiag[w * 2 + dim] = a;
      }
    }
    // URCs and noise
    lo = 0; hi = urcs.length;
    while (lo < hi) { m = (lo + hi) >> 1; if (urcs[m][1] < view.start) lo = m + 1; else hi = m; }
    var lastU = -1, lastN = -1;
    for (k = lo; k < urcs.length && urcs[k][1] <= view.end; k++) {
      var px = Math.floor(xOf(urcs[k][1]));
      if (urcs[k][0] === 'u') { if (px === lastU) continue; lastU = px; path('uu').rect(px, y2, 2, bh); }
      else { if (px === lastN) continue; lastN = px; path('un').rect(px, y2, 2, bh); }
    }
    // dimmed first, then ok, then the failures and the worst findings on top
    fillPaths(['o0d', 'o1d', 'o2d', 'o3d', 's2d', 's1d', 's0d', 'un', 'uu', 'o0', 'o2', 'o3', 'o1', 's2', 's1', 's0']);
    // gaps in the recording
    ctx.strokeStyle = '#c92a2a'; ctx.fillStyle = '#c92a2a'; ctx.lineWidth = 2;
    gaps.forEach(function (g) {
      var gx = xOf(g);
      if (gx < LABEL_W || gx > W) return;
      ctx.beginPath(); ctx.moveTo(gx, AXIS_H); ctx.lineTo(gx, H); ctx.stroke();
      ctx.fillText('gap', gx + 3, H - 4);
    });
    ctx.lineWidth = 1;
    if (selected >= 0) {
      var sa = xOf(START[selected]), sb = Math.max(sa + 2, xOf(END[selected]));
      ctx.strokeStyle = '#000'; ctx.lineWidth = 2;
      ctx.strokeRect(sa - 2, y0 - 3, sb - sa + 4, bh + 6);
      ctx.lineWidth = 1;
    }
    ctx.restore();
  }
  // level of detail for far-out views: for each of LOD_N equal time buckets, which outcomes have a
  // bar in it (bits 0-3), which diagnostic severities start in it (bits 4-6), and which results end in it
  var LOD_N = 1 << 16, LOD_US = Math.max(1, (LAST - FIRST) / LOD_N), LOD = null, LOD_END = null;
  function lodBucket(us) { return Math.floor((us - FIRST) / LOD_US); }
  function buildLod() {
    LOD = new Uint8Array(LOD_N); LOD_END = new Uint8Array(LOD_N);
    for (var k = 0; k < N; k++) {
      var b0 = Math.min(LOD_N - 1, Math.max(0, lodBucket(START[k]))), b1 = Math.min(LOD_N - 1, Math.max(0, lodBucket(END[k])));
      for (var b = b0; b <= b1; b++) LOD[b] |= 1 << OC[k];
      LOD_END[b1] |= 1 << OC[k];
      if (WORST[k] < 3) LOD[b0] |= 16 << WORST[k];
    }
  }
  function zoom(factor, atX) {
    var center = usOf(atX === undefined ? LABEL_W + plotW() / 2 : atX);
    var w = Math.max(50, (view.end - view.start) * factor);
    var f = (center - view.start) / (view.end - view.start);
    view.start = center - w * f; view.end = view.start + w;
    draw();
  }
  function pan(dx) {
    var d = dx / plotW() * (view.end - view.start);
    view.start -= d; view.end -= d;
    draw();
  }
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) pan(-(e.deltaX || e.deltaY));
    else zoom(Math.pow(1.0015, e.deltaY), e.offsetX);
  }, { passive: false });
  var drag = null;
  canvas.addEventListener('mousedown', function (e) { drag = { x: e.clientX, moved: 0 }; canvas.classList.add('dragging'); });
  window.addEventListener('mousemove', function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x;
    drag.x = e.clientX; drag.moved += Math.abs(dx);
    if (dx) pan(dx);
  });
  window.addEventListener('mouseup', function (e) {
    if (!drag) return;
    var moved = drag.moved;
    drag = null; canvas.classList.remove('dragging');
    if (moved < 3 && e.target === canvas) pick(e.offsetX);
  });
  // a click selects the transaction under the pointer, or the nearest within 6 pixels
  function pick(x) {
    if (x < LABEL_W) return;
    var us = usOf(x), tol = 6 / plotW() * (view.end - view.start);
    var from = firstAtOrAfter(us - maxDur - tol), best = -1, bestD = Infinity;
    for (var k = from; k < N && START[k] <= us + tol; k++) {
      var d = us < START[k] ? START[k] - us : us > END[k] ? us - END[k] : 0;
      if (matches && !matches[k]) d += tol;
      if (d <= tol && (d < bestD || (d === bestD && isError(k)))) { best = k; bestD = d; }
    }
    if (best >= 0) select(best, false);
  }
  $('zoom-in').addEventListener('click', function () { zoom(0.5); });
  $('zoom-out').addEventListener('click', function () { zoom(2); });
  $('fit').addEventListener('click', function () { fit(); draw(); });

  // ---- errors: next and previous ------------------------------------------------------------
  function jumpError(dir) {
    var n = listLength();
    if (!n) return;
    var p = selected >= 0 ? listPos(selected) : -1;
    if (p < 0 && selected >= 0) {      // the selection is filtered out: start from its place in time
      p = 0; while (p < n && listAt(p) < selected) p++;
      if (dir > 0) p--;
    }
    for (var q = p + dir; q >= 0 && q < n; q += dir) {
      if (isError(listAt(q))) { select(listAt(q), true); return; }
    }
  }
  $('next-error').addEventListener('click', function () { jumpError(1); });
  $('prev-error').addEventListener('click', function () { jumpError(-1); });
  document.addEventListener('keydown', function (e) {
    if (e.target && (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT') || e.ctrlKey || e.metaKey || e.altKey) return;
    var handled = true;
    switch (e.key) {
      case 'n': jumpError(1); break;
      case 'p': case 'N': jumpError(-1); break;
      case 'ArrowDown': case 'j': moveSelection(1); break;
      case 'ArrowUp': case 'k': moveSelection(-1); break;
      case '+': case '=': zoom(0.5); break;
      case '-': zoom(2); break;
      case 'f': fit(); draw(); break;
      case '/': $('filter').focus(); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });
  function moveSelection(d) {
    var p = selected >= 0 ? listPos(selected) : -1;
    var q = Math.max(0, Math.min(listLength() - 1, p + d));
    if (q >= 0 && q < listLength()) select(listAt(q), true);
  }
  var timer = 0;
  $('filter').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(applyFilter, 150); });
  $('filter').addEventListener('keydown', function (e) { if (e.key === 'Enter') { clearTimeout(timer); applyFilter(); } });

  // ---- flow view ----------------------------------------------------------------------------
  var FLOW_LIMIT = 3000;
  function showTab(flow) {
    $('flow-pane').hidden = !flow; $('list-pane').hidden = flow;
    $('tab-flow').classList.toggle('active', flow); $('tab-list').classList.toggle('active', !flow);
    if (flow) showFlow(selected >= 0 ? SESSION[selected] : (SESS.length ? 0 : -1), selected);
    else renderRows();
    linkHere();
  }
  $('tab-list').addEventListener('click', function () { showTab(false); });
  $('tab-flow').addEventListener('click', function () { showTab(true); });
  var flowSelect = $('flow-session');
  for (var q = 0; q < Math.min(SESS.length, 5000); q++) {
    var o = el('option', null, 'S' + SESS[q][0] + ' ' + SESS[q][3] + ' (' + SESS[q][5] + ' transactions)');
    o.value = q; flowSelect.appendChild(o);
  }
  flowSelect.addEventListener('change', function () {
    showFlow(+flowSelect.value, -1);
    linkHere('session=' + SESS[+flowSelect.value][0]);
  });
  var flowShown = -2;
  function showFlow(si, k) {
    var box = $('flow');
    if (si !== flowShown) {
      flowShown = si;
      box.textContent = '';
      if (si < 0) { $('flow-note').textContent = 'no session'; return; }
      flowSelect.value = si;
      var ss = SESS[si], msgs = [];
      var from = firstAtOrAfter(ss[1]);
      for (var j = from; j < N && START[j] <= ss[2] && msgs.length < FLOW_LIMIT; j++) {
        if (SESSION[j] !== si) continue;
        var r = TX[j];
        msgs.push([START[j], 0, visible(commandLine(j)), j, '']);
        r[8].forEach(function (x) {
          var label = x[0] === 'p' ? 'payload ' + x[4] + ' bytes: ' + visible(x[3].slice(0, 80)) : visible(x[3]);
          msgs.push([x[2], x[1], label, j, '']);
        });
        if (r[5]) msgs.push([END[j], 1, visible(r[5]), j, OC_COLOR[OC[j]]]);
        else msgs.push([END[j], 1, '(' + OUTCOMES[OC[j]] + ')', j, OC_COLOR[OC[j]]]);
      }
      var lo = 0, hi = urcs.length;
      while (lo < hi) { var m = (lo + hi) >> 1; if (urcs[m][1] < ss[1]) lo = m + 1; else hi = m; }
      for (j = lo; j < urcs.length && urcs[j][1] <= ss[2]; j++) msgs.push([urcs[j][1], urcs[j][2] < 0 ? 1 : urcs[j][2], visible(urcs[j][3]), -1, urcs[j][0] === 'u' ? URC_COLOR : '#868e96', true]);
      msgs.sort(function (a, b) { return a[0] - b[0]; });
      $('flow-note').textContent = ss[4] ? ss[4] : 'ended by ' + ss[7];
      if (msgs.length >= FLOW_LIMIT) $('flow-note').textContent += ' \u2014 the first ' + FLOW_LIMIT + ' messages';
      var frag = document.createDocumentFragment();
      msgs.forEach(function (mm) {
        var row = el('div', 'flow-row' + (mm[3] >= 0 ? ' tx-' + mm[3] : ''));
        row.dataset.index = mm[3];
        row.appendChild(el('span', 'flow-time', secs(mm[0] - FIRST)));
        row.appendChild(el('span'));
        var arrow = el('div', 'flow-arrow ' + (mm[1] === 0 ? 'h2m' : 'm2h') + (mm[5] ? ' urc' : ''));
        var ln = el('div', 'flow-line');
        if (mm[4]) arrow.style.setProperty('--c', mm[4]);
        arrow.appendChild(ln);
        arrow.appendChild(el('div', 'flow-label', mm[2]));
        row.appendChild(arrow);
        row.appendChild(el('span'));
        if (mm[3] >= 0) row.addEventListener('click', function () { select(mm[3], true); });
        frag.appendChild(row);
      });
      box.appendChild(frag);
    }
    Array.prototype.forEach.call(box.querySelectorAll('.flow-row.selected'), function (x) { x.classList.remove('selected'); });
    if (k >= 0) {
      var sel = box.querySelectorAll('.tx-' + k);
      Array.prototype.forEach.call(sel, function (x) { x.classList.add('selected'); });
      if (sel.length) sel[0].scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- links into the page: #tx=42 (a transaction's id), #session=2, #flow, combined with & ----
  var following = false;   // true while the page follows its fragment: it must not rewrite it meanwhile
  function linkHere(what) {
    if (following) return;
    var parts = [];
    if (what) parts.push(what);
    else if (selected >= 0) parts.push('tx=' + TX[selected][0]);
    if (!$('flow-pane').hidden) parts.push('flow');
    var hash = parts.length ? '#' + parts.join('&') : '';
    if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname + location.search);
  }
  function followLink() {
    var want = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (p) {
      var eq = p.indexOf('=');
      if (p) want[eq < 0 ? p : p.slice(0, eq)] = eq < 0 ? '' : p.slice(eq + 1);
    });
    following = true;
    try {
      if ('flow' in want) showTab(true);
      var tx = parseInt(want.tx, 10), session = parseInt(want.session, 10);
      if (!isNaN(tx) && indexOfId(tx) >= 0) select(indexOfId(tx), true);
      else if (!isNaN(session)) {
        for (var s = 0; s < SESS.length; s++) if (SESS[s][0] === session) { showSession(s); break; }
      }
    } finally {
      following = false;
    }
  }
  window.addEventListener('hashchange', followLink);

  // ---- start --------------------------------------------------------------------------------
  var T1 = performance.now();
  buildSummary();
  fit();
  sizeCanvas();
  listChanged();
  paint();
  window.addEventListener('resize', function () { sizeCanvas(); renderRows(); draw(); });
  if (location.hash) followLink();
  // for people and tests: what is shown, and when the first drawing was done
  window.atscope = {
    transactions: N,
    shown: function () { return listLength(); },
    selected: function () { return selected; },
    view: function () { return { start: view.start, end: view.end }; },
    pixelOf: function (k) {
      var x = xOf((START[k] + END[k]) / 2), y = laneY(0) + laneH() / 2, dpr = window.devicePixelRatio || 1;
      var p = ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
      return 'rgb(' + p[0] + ', ' + p[1] + ', ' + p[2] + ')';
    },
    select: function (k) { select(k, true); },
    // the colours of the three pixels around a transaction's bar, and the first failed transactions
    pixelsOf: function (k) {
      var x = Math.round(xOf(START[k])), y = Math.round(laneY(0) + laneH() / 2), dpr = window.devicePixelRatio || 1, out = [];
      var p = ctx.getImageData(Math.round((x - 1) * dpr), Math.round(y * dpr), 3, 1).data;
      for (var j = 0; j < 3; j++) out.push('rgb(' + p[j * 4] + ', ' + p[j * 4 + 1] + ', ' + p[j * 4 + 2] + ')');
      return out;
    },
    barPoint: function (k) {
      var a = Math.max(LABEL_W, xOf(START[k])), b = Math.min(CW, Math.max(a + 1, xOf(END[k])));
      return { x: (a + b) / 2, y: laneY(0) + laneH() / 2, width: CW, height: CH };
    },
    failures: function (max) {
      var out = [];
      for (var k = 0; k < N && out.length < (max || 100); k++) if (OC[k] !== 0) out.push(k);
      return out;
    },
    // for the benchmark: pan by dx pixels (after zooming to the given share of the trace) and time one frame
    frameMs: function (dx, share) {
      if (share) { var c = (view.start + view.end) / 2, w = (LAST - FIRST) * share; view.start = c - w / 2; view.end = c + w / 2; }
      var t = performance.now();
      pan(dx); pending = false; paint();
      return performance.now() - t;
    },
    fit: function () { fit(); draw(); }
  };
  window.atscopeTimings = { parseMs: T1 - T0 };
  requestAnimationFrame(function () {
    window.atscopeTimings.firstDrawMs = performance.now() - T0;
    performance.mark('atscope-ready');
    window.atscopeReady = performance.now();
  });
})();
