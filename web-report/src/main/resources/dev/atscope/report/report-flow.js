// ---- flow: one session's messages, host and module side by side ---------------------------------
// Defines: showTab, showFlow.
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
for (i = 0; i < Math.min(SESS.length, 5000); i++) {
  var option = el('option', null, 'S' + SESS[i].index + ' ' + SESS[i].outcome + ' (' + SESS[i].transactions + ' transactions)');
  option.value = i; flowSelect.appendChild(option);
}
flowSelect.addEventListener('change', function () {
  showFlow(+flowSelect.value, -1);
  linkHere('session=' + SESS[+flowSelect.value].index);
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
    for (var j = firstAtOrAfter(ss.start); j < N && START[j] <= ss.end && msgs.length < FLOW_LIMIT; j++) {
      if (SESSION[j] !== si) continue;
      var result = resultOf(j);
      msgs.push({ time: START[j], dir: 0, label: visible(commandLine(j)), k: j, color: '' });
      responsesOf(j).forEach(function (x) {
        var label = x.kind === 'p' ? 'payload ' + x.payload.length + ' bytes: ' + visible(x.text.slice(0, 80)) : visible(x.text);
        msgs.push({ time: x.time, dir: x.dir, label: label, k: j, color: '' });
      });
      msgs.push({ time: END[j], dir: 1, label: result ? visible(result) : '(' + OUTCOMES[OC[j]] + ')', k: j, color: OC_COLOR[OC[j]] });
    }
    var lo = 0, hi = urcIdx.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (EV_TIME[urcIdx[m]] < ss.start) lo = m + 1; else hi = m; }
    for (j = lo; j < urcIdx.length && EV_TIME[urcIdx[j]] <= ss.end; j++) {
      var e = eventAt(urcIdx[j]);
      msgs.push({ time: e.time, dir: e.dir < 0 ? 1 : e.dir, label: visible(e.text), k: -1, color: e.kind === 'u' ? URC_COLOR : '#868e96', urc: true });
    }
    msgs.sort(function (a, b) { return a.time - b.time; });
    $('flow-note').textContent = ss.detail ? ss.detail : 'ended by ' + ss.endedBy;
    if (msgs.length >= FLOW_LIMIT) $('flow-note').textContent += ' \u2014 the first ' + FLOW_LIMIT + ' messages';
    var frag = document.createDocumentFragment();
    msgs.forEach(function (mm) {
      var row = el('div', 'flow-row' + (mm.k >= 0 ? ' tx-' + mm.k : ''));
      row.dataset.index = mm.k;
      row.appendChild(el('span', 'flow-time', secs(mm.time - FIRST)));
      row.appendChild(el('span'));
      var arrow = el('div', 'flow-arrow ' + (mm.dir === 0 ? 'h2m' : 'm2h') + (mm.urc ? ' urc' : ''));
      if (mm.color) arrow.style.setProperty('--c', mm.color);
      arrow.appendChild(el('div', 'flow-line'));
      arrow.appendChild(el('div', 'flow-label', mm.label));
      row.appendChild(arrow);
      row.appendChild(el('span'));
      if (mm.k >= 0) row.addEventListener('click', function () { select(mm.k, true); });
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
