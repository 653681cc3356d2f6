// ---- the header: the trace, its counts, sessions, findings grouped by rule, notes ---------------
// Defines: buildSummary, showSession, linkHere, followLink, and window.atscope for people and tests.
var DIAG_GROUPS_SHOWN = 8, NOTES_SHOWN = 3;
// findings grouped by severity and rule, most severe and most frequent first; those of no
// transaction (a module restarting again and again) are counted with the rest, not listed one by one
function diagnosticGroups() {
  var groups = new Map();
  DIAG.forEach(function (d) {
    var key = d.severity + ' ' + d.rule;
    var g = groups.get(key);
    if (!g) groups.set(key, g = { sev: d.severity, rule: d.rule, example: d.message, n: 0, traceLevel: 0, items: [] });
    g.n++;
    if (indexOfId(d.tx) < 0) g.traceLevel++;
    g.items.push(d);
  });
  return Array.from(groups.values()).sort(function (a, b) { return a.sev - b.sev || b.n - a.n; });
}
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
  stats.appendChild(el('span', 'chip', plural(N, 'transaction')));
  stats.appendChild(el('span', 'chip', plural(SESS.length, 'session')));
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
    c.appendChild(dot); c.appendChild(document.createTextNode(plural(diagCount[k], sv)));
    c.addEventListener('click', function () { setFilter('severity:' + sv); });
    stats.appendChild(c);
  });
  var chips = $('session-chips');
  var shown = Math.min(SESS.length, 200);
  for (var k = 0; k < shown; k++) chips.appendChild(sessionChip(k));
  if (SESS.length > shown) {
    var byOutcome = {};
    SESS.forEach(function (x) { byOutcome[x.outcome] = (byOutcome[x.outcome] || 0) + 1; });
    chips.appendChild(el('span', 'chip muted', (SESS.length - shown) + ' more; all: ' + Object.keys(byOutcome).map(function (o) { return byOutcome[o] + ' ' + o; }).join(', ')));
  }
  var groups = diagnosticGroups(), ol = $('top-diagnostics');
  groups.slice(0, DIAG_GROUPS_SHOWN).forEach(function (g) {
    var li = el('li', 'diag-group');
    li.dataset.rule = g.rule;
    li.appendChild(el('span', 'badge sev-' + SEVERITIES[g.sev], SEVERITIES[g.sev]));
    li.appendChild(document.createTextNode(' ' + g.n.toLocaleString('en') + '\u00d7 '));
    li.appendChild(el('code', null, g.rule));
    li.appendChild(document.createTextNode(': ' + g.example));
    if (g.traceLevel) li.appendChild(el('span', 'muted', ' (' + (g.traceLevel === g.n ? 'all' : g.traceLevel.toLocaleString('en')) + ' of no transaction)'));
    li.title = 'show these findings; filter rule:' + g.rule;
    li.addEventListener('click', function () {
      if (g.traceLevel < g.n) setFilter('rule:' + g.rule);
      showRule(g);
    });
    ol.appendChild(li);
  });
  if (groups.length > DIAG_GROUPS_SHOWN) {
    var rest = groups.slice(DIAG_GROUPS_SHOWN).reduce(function (a, g) { return a + g.n; }, 0);
    ol.appendChild(el('li', 'muted', (groups.length - DIAG_GROUPS_SHOWN) + ' more rules, ' + plural(rest, 'finding')));
  }
  if (!groups.length) ol.appendChild(el('li', 'muted', 'none'));
  var notes = [];
  if (D.meta.redacted) notes.push('Redacted: certificate and key bodies, APN passwords and the given patterns are masked.');
  if (D.meta.payloadsCut) {
    notes.push('Payloads show their first ' + bytes(D.meta.payloadBytes) + ' (the first ' + bytes(D.meta.payloadBudget)
      + ' of payload in all), then their first ' + bytes(D.meta.payloadBytesAfterBudget) + '; ' + plural(D.meta.payloadsCut, 'payload')
      + ' of ' + D.meta.payloads.toLocaleString('en') + ' are cut. Lengths and CRC-32 are of the whole payload, which stays in the trace.');
  } else {
    notes.push('Payloads show their first ' + bytes(D.meta.payloadBytes) + '; lengths and checksums are of the whole payload.');
  }
  D.meta.warnings.slice(0, NOTES_SHOWN).forEach(function (w) { notes.push('warning: ' + w); });
  if (D.meta.warnings.length > NOTES_SHOWN) notes.push('and ' + plural(D.meta.warnings.length - NOTES_SHOWN, 'more warning') + ' of the reader.');
  $('notes').textContent = notes.join(' ');
  var legend = $('legend');
  OUTCOMES.forEach(function (o, k) { var x = el('span', null, o); x.style.setProperty('--c', OC_COLOR[k]); legend.appendChild(x); });
}
function sessionChip(k) {
  var x = SESS[k];
  var c = el('button', 'chip session-chip');
  c.type = 'button';
  c.dataset.outcome = x.outcome;
  var dot = el('span', 'dot'); dot.style.background = x.outcome === 'ok' ? OC_COLOR[0] : OC_COLOR[1];
  c.appendChild(dot);
  c.appendChild(document.createTextNode('S' + x.index + ' ' + x.outcome + ' \u00b7 ' + x.transactions + ' tx'));
  c.title = (x.detail ? x.detail + '\n' : '') + 'ended by ' + x.endedBy;
  c.addEventListener('click', function () { showSession(k); });
  return c;
}
// a session: its deciding transaction selected, the timeline on the session
function showSession(k) {
  var x = SESS[k];
  var target = x.deciding.length ? indexOfId(x.deciding[0]) : firstAtOrAfter(x.start);
  if (target >= 0 && target < N) select(target, true);
  view.start = x.start - (x.end - x.start) * 0.02; view.end = x.end + (x.end - x.start) * 0.02 + 1;
  if (!$('flow-pane').hidden) showFlow(k, target);
  draw();
  linkHere('session=' + x.index);
}

// ---- keys -----------------------------------------------------------------------------------
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

// ---- links into the page: #tx=42 (a transaction's id), #session=2, #flow, combined with & ----
var following = false;   // true while the page follows its fragment: it must not rewrite it meanwhile
function linkHere(what) {
  if (following) return;
  var parts = [];
  if (what) parts.push(what);
  else if (selected >= 0) parts.push('tx=' + txId(selected));
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
      for (var s = 0; s < SESS.length; s++) if (SESS[s].index === session) { showSession(s); break; }
    }
  } finally {
    following = false;
  }
}
window.addEventListener('hashchange', followLink);

// ---- start ----------------------------------------------------------------------------------
var T1 = performance.now();
buildSummary();
fit();
sizeCanvas();
listChanged();
paint();
window.addEventListener('resize', function () { sizeCanvas(); renderRows(); draw(); });
if (location.hash) followLink();
// pixels of the canvas, read through a copy: reading the drawn canvas itself again and again makes
// the browser warn, and switch it to a slower kind of canvas
function pixels(x, y, w, h) {
  var c = document.createElement('canvas');
  c.width = w; c.height = h;
  var cx = c.getContext('2d', { willReadFrequently: true });
  cx.drawImage(canvas, x, y, w, h, 0, 0, w, h);
  return cx.getImageData(0, 0, w, h).data;
}
// for people and tests: what is shown, and when the first drawing was done
window.atscope = {
  transactions: N,
  shown: function () { return listLength(); },
  selected: function () { return selected; },
  view: function () { return { start: view.start, end: view.end }; },
  // 'density' when zoomed out past single transactions, else 'transactions'
  drawMode: function () { return drawMode; },
  pixelOf: function (k) {
    var x = xOf((START[k] + END[k]) / 2), y = laneY(0) + laneH() / 2, dpr = window.devicePixelRatio || 1;
    var p = pixels(Math.round(x * dpr), Math.round(y * dpr), 1, 1);
    return 'rgb(' + p[0] + ', ' + p[1] + ', ' + p[2] + ')';
  },
  select: function (k) { select(k, true); },
  // the colours in the first lane, all its height, in the three pixel columns around a transaction
  pixelsOf: function (k) {
    var x = Math.round(xOf(START[k])), dpr = window.devicePixelRatio || 1, out = [];
    var top = Math.round(laneY(0) * dpr), h = Math.max(1, Math.round(laneH() * dpr));
    var p = pixels(Math.round((x - 1) * dpr), top, 3, h);
    for (var j = 0; j < p.length; j += 4) {
      var c = 'rgb(' + p[j] + ', ' + p[j + 1] + ', ' + p[j + 2] + ')';
      if (p[j + 3] === 255 && out.indexOf(c) < 0) out.push(c);
    }
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
  timeOf: function (k) { return { start: START[k], end: END[k] }; },
  // zoom to a window of the given width around a time, and draw now
  zoomTo: function (centerUs, widthUs) { view.start = centerUs - widthUs / 2; view.end = centerUs + widthUs / 2; pending = false; paint(); },
  fit: function () { fit(); draw(); }
};
window.atscopeTimings = { parseMs: T1 - T0 };
requestAnimationFrame(function () {
  window.atscopeTimings.firstDrawMs = performance.now() - T0;
  performance.mark('atscope-ready');
  window.atscopeReady = performance.now();
});
