// ---- list (virtual) and the selection ----------------------------------------------------------
// Defines: selected, listChanged, renderRows, scrollListTo, select, moveSelection, jumpError.
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
  var result = resultOf(k);
  d.dataset.index = k;
  d.className = 'row tx oc-' + OUTCOMES[OC[k]] + (k === selected ? ' selected' : '') + (WORST[k] < 3 ? ' has-diag' : '');
  d.style.setProperty('--d', WORST[k] < 3 ? SEV_COLOR[WORST[k]] : '');
  var c = d.childNodes;
  c[1].textContent = secs(START[k] - FIRST);
  c[2].textContent = visible(commandLine(k));
  c[3].textContent = result ? visible(result) : (OC[k] === 2 ? '(no response)' : OC[k] === 3 ? '(interrupted)' : '');
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

function select(k, reveal) {
  selected = k;
  scrollListTo(k);
  renderRows();
  showDetail(k);
  if (reveal) reveal_(START[k], END[k]);
  if (!$('flow-pane').hidden) showFlow(SESSION[k], k);
  draw();
  linkHere();
}
function moveSelection(d) {
  var p = selected >= 0 ? listPos(selected) : -1;
  var q = Math.max(0, Math.min(listLength() - 1, p + d));
  if (q >= 0 && q < listLength()) select(listAt(q), true);
}
// errors: next and previous in the list
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
