// ---- filter: what the list shows and the timeline keeps bright --------------------------------
// Defines: filtered, matches, applyFilter, setFilter, listLength, listAt, listPos.
var filtered = null;         // Int32Array of indices, or null for all
var matches = null;          // Uint8Array, or null for all
var searchText = null;       // lazily built lower-case text of each transaction
function txText(k) {
  var parts = [commandLine(k), resultOf(k) || ''];
  responsesOf(k).forEach(function (x) { parts.push(x.text); });
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
      var cs = CMDS[CMD[k]].parsed, v = t.value.replace(/^at/, '').replace(/^\+/, '');
      for (var j = 0; j < cs.length; j++) { if (cs[j].name.toLowerCase().replace(/^\+/, '').indexOf(v) === 0) return true; }
      return false;
    }
    case 'outcome': return OUTCOMES[OC[k]] === t.value || (t.value === 'failed' && OC[k] !== 0);
    case 'severity': case 'sev': {
      var want = SEVERITIES.indexOf(t.value);
      var ds = DIAG_OF.get(k) || [];
      return ds.some(function (d) { return want < 0 || d.severity === want; });
    }
    case 'rule': return (DIAG_OF.get(k) || []).some(function (d) { return d.rule.toLowerCase().indexOf(t.value) === 0; });
    case 'session': return SESSION[k] >= 0 && (String(SESS[SESSION[k]].index) === t.value || SESS[SESSION[k]].outcome === t.value);
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
var filterTimer = 0;
$('filter').addEventListener('input', function () { clearTimeout(filterTimer); filterTimer = setTimeout(applyFilter, 150); });
$('filter').addEventListener('keydown', function (e) { if (e.key === 'Enter') { clearTimeout(filterTimer); applyFilter(); } });
