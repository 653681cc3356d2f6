// ---- detail: one transaction, or one group of findings ------------------------------------------
// Defines: showDetail, showRule.
function section(s) { return s ? ' (\u00a7' + s + ')' : ''; }
function diagItem(d) {
  var li = el('li', 'diag');
  li.appendChild(el('span', 'badge sev-' + SEVERITIES[d.severity], SEVERITIES[d.severity]));
  li.appendChild(document.createTextNode(' '));
  li.appendChild(el('code', null, d.rule));
  li.appendChild(document.createTextNode(' ' + d.message + section(d.section)));
  return li;
}
function showDetail(k) {
  var box = $('detail'), result = resultOf(k), code = errorOf(k);
  box.textContent = '';
  box.appendChild(el('h3', null, visible(commandLine(k))));
  var line = el('div');
  line.appendChild(el('span', 'badge oc-' + OUTCOMES[OC[k]], OUTCOMES[OC[k]]));
  line.appendChild(document.createTextNode(' at ' + secs(START[k] - FIRST) + (wall(START[k]) ? ' (' + wall(START[k]) + ')' : '')
    + ', took ' + dur(END[k] - START[k]) + ', transaction ' + txId(k)
    + (SESSION[k] >= 0 ? ', session ' + SESS[SESSION[k]].index + ' (' + SESS[SESSION[k]].outcome + ')' : '')));
  box.appendChild(line);
  var res = el('div', 'result-line');
  res.appendChild(document.createTextNode('result: '));
  res.appendChild(el('code', null, result ? visible(result) : '(none)'));
  if (code >= 0) res.appendChild(document.createTextNode(' \u2014 error ' + code + (D.meta.errorMeanings[code] ? ': ' + D.meta.errorMeanings[code] : '')));
  box.appendChild(res);

  var diags = DIAG_OF.get(k) || [];
  box.appendChild(el('h4', null, 'Diagnostics (' + diags.length + ')'));
  var ul = el('ul', 'diags');
  ul.id = 'detail-diagnostics';
  diags.slice().sort(function (a, b) { return a.severity - b.severity; }).forEach(function (d) { ul.appendChild(diagItem(d)); });
  if (!diags.length) ul.appendChild(el('li', 'muted', 'none'));
  box.appendChild(ul);

  CMDS[CMD[k]].parsed.forEach(function (c) {
    box.appendChild(el('h4', null, 'AT' + c.name + ' ' + c.form + (c.title ? ' \u2014 ' + c.title : '') + section(c.section)));
    if (!c.params.length) return;
    var tb = el('table', 'params');
    var hr = el('tr'); ['parameter', 'value', 'meaning'].forEach(function (x) { hr.appendChild(el('th', null, x)); });
    tb.appendChild(hr);
    c.params.forEach(function (p) {
      var tr = el('tr');
      tr.appendChild(el('td', null, p.name)); tr.appendChild(el('td', 'mono', visible(p.value))); tr.appendChild(el('td', null, p.meaning || ''));
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
  var echo = echoOf(k);
  if (echo) addEvent('echo', 1, START[k] + echo.delay, echo.text + '\r');
  responsesOf(k).forEach(function (x) {
    if (x.kind !== 'p') { addEvent(x.kind === 'c' ? 'intermediate' : 'response', x.dir, x.time, x.text); return; }
    var p = x.payload, crc = ('0000000' + p.crc32.toString(16)).slice(-8);
    var info = p.length + ' bytes, CRC-32 ' + crc + (p.hidden ? ', body hidden by redaction'
      : x.text.length < p.length ? ', cut: the first ' + x.text.length + ' of ' + p.length + ' bytes shown (the whole payload is in the trace)' : '');
    var ev = addEvent('payload', x.dir, x.time, x.text, info);
    if (p.sum) {
      var chk = el('div', 'checksum');
      if (p.sum.reported === null || p.sum.reported === undefined) chk.textContent = 'checksum of the captured bytes: ' + p.sum.computed + ' (the module reported none)';
      else {
        var same = p.sum.computed.toLowerCase() === String(p.sum.reported).toLowerCase();
        chk.appendChild(document.createTextNode('checksum: module reported ' + p.sum.reported + ', captured bytes give ' + p.sum.computed + ' '));
        chk.appendChild(el('span', same ? 'check-ok' : 'check-bad', same ? '\u2713 match' : '\u2717 differ'));
      }
      ev.insertBefore(chk, ev.childNodes[1]);
    }
  });
  if (result) addEvent('final result', 1, END[k], result);
  box.appendChild(ex);
}
// a group of findings (one rule of one severity): each with its time; those of a transaction select it
var RULE_LIMIT = 500;
function showRule(g) {
  var box = $('detail');
  box.textContent = '';
  box.appendChild(el('h3', null, g.rule));
  box.appendChild(el('div', null, plural(g.n, 'finding') + ' of severity ' + SEVERITIES[g.sev]
    + (g.traceLevel ? ', ' + g.traceLevel.toLocaleString('en') + ' of no transaction' : '')
    + (g.n > RULE_LIMIT ? '; the first ' + RULE_LIMIT + ' are listed' : '')));
  var ul = el('ul', 'diags');
  ul.id = 'rule-findings';
  for (var j = 0; j < g.items.length && j < RULE_LIMIT; j++) {
    var d = g.items[j], li = diagItem(d), k = indexOfId(d.tx);
    li.insertBefore(el('span', 'muted', secs(d.time - FIRST) + ' '), li.firstChild);
    li.classList.add('clickable');
    (function (d, k) {
      li.addEventListener('click', function () { if (k >= 0) select(k, true); else { reveal_(d.time, d.time); draw(); } });
    })(d, k);
    ul.appendChild(li);
  }
  box.appendChild(ul);
}
