// atscope replay page: reads the JSON data block written by ReplayPage and shows the recording and
// the replay side by side, one row per transaction. Every captured byte reaches the page through
// textContent, never through innerHTML.
var D = JSON.parse(document.getElementById('atscope-data').textContent);
var META = D.meta, ROWS = D.rows, SUM = META.summary;

function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

// a masked value (<ip>, <time>) is shown as the mask, marked, so nobody takes it for the wire's bytes
var MASK = META.masks.length
  ? new RegExp('(<(?:' + META.masks.map(escapeRegExp).join('|') + ')>)')
  : null;
function withMasks(parent, text) {
  var parts = MASK ? text.split(MASK) : [text];
  for (var i = 0; i < parts.length; i++) {
    if (parts[i] === '') continue;
    if (i % 2 === 1) parent.appendChild(el('span', 'mask', parts[i]));
    else parent.appendChild(document.createTextNode(parts[i]));
  }
  return parent;
}

// ---- summary ------------------------------------------------------------------------------
$('title').textContent = 'replay of ' + META.recording;
document.title = 'replay of ' + META.recording + ' \u2014 atscope';
var verdict = $('verdict');
verdict.textContent = SUM.clean ? 'clean' : 'differs';
verdict.className = 'verdict ' + (SUM.clean ? 'clean' : 'not-clean');
$('meta').textContent = 'against ' + META.target + ', ' + META.timing + ' timing'
  + (META.masks.length ? '; masked: ' + META.masks.join(', ') : '; no masks');
var EDITS = META.edits || [];
[['same', SUM.same], ['edited', SUM.edited || 0], ['differs', SUM.differs], ['missing', SUM.missing],
  ['urcs-differ', SUM.urcsDiffer]]
  .filter(function (c) { return c[0] !== 'edited' || EDITS.length; })
  .forEach(function (c) {
    var chip = el('span', 'chip st-' + c[0]);
    var dot = el('span', 'dot');
    dot.style.background = 'var(--' + c[0] + ')';
    chip.appendChild(dot);
    chip.appendChild(document.createTextNode(c[1] + ' ' + c[0]));
    $('stats').appendChild(chip);
  });
$('stats').appendChild(el('span', 'chip', SUM.transactions + ' transactions'));
META.waits.forEach(function (w) { $('waits').appendChild(el('li', null, 'waited in vain: ' + w)); });
// a what-if replay: the edits first, since every difference below follows from them
EDITS.forEach(function (spec) {
  var li = el('li', 'edit');
  li.appendChild(el('span', 'tag', 'what if'));
  li.appendChild(document.createTextNode(' '));
  li.appendChild(el('code', null, spec));
  $('edits').appendChild(li);
});
function note(parent, n) {
  var li = el('li', 'note kind-' + n.kind);
  li.appendChild(el('span', 'tag', n.kind));
  li.appendChild(document.createTextNode(' ' + n.text));
  parent.appendChild(li);
}
(META.notes || []).forEach(function (n) { note($('notes'), n); });
if ((META.log || []).length) {
  $('log-box').hidden = false;
  META.log.forEach(function (l) { $('log').appendChild(el('li', null, l)); });
}

// ---- rows ---------------------------------------------------------------------------------
function line(op, text, side) {
  if (text === null) return el('div', 'ln absent ' + side);
  return withMasks(el('div', 'ln op-' + op + ' ' + side), text);
}
var rowEls = ROWS.map(function (r, k) {
  var tx = el('div', 'tx st-' + r.status);
  tx.dataset.index = r.index;
  tx.dataset.status = r.status;
  tx.appendChild(el('span', 'c-index', r.index));
  var st = el('span', 'c-status');
  st.appendChild(el('span', 'status', r.status));
  tx.appendChild(st);
  var cmd = r.index === 0 ? el('span', 'c-cmd none', '(before the first command)') : el('span', 'c-cmd');
  if (r.index > 0 && r.sent !== null && r.sent !== undefined) {
    // the recorded line struck through, the line sent in its place under it
    cmd.appendChild(el('del', 'recorded-cmd', r.command));
    cmd.appendChild(el('ins', 'sent-cmd', r.sent));
  } else if (r.index > 0) {
    cmd.textContent = r.command;
  }
  tx.appendChild(cmd);
  // one grid for both answers: a line and its counterpart share a grid row, so they stay level
  var answer = el('div', 'answer');
  function pair(left, right) { answer.appendChild(left); answer.appendChild(right); }
  r.lines.forEach(function (l) { pair(line(l[0], l[1], 'recorded'), line(l[0], l[2], 'replayed')); });
  if (r.index > 0 && !r.replayed) pair(el('div', 'ln recorded absent'), el('div', 'ln replayed none', '(no answer)'));
  r.missingUrcs.forEach(function (u) {
    pair(withMasks(el('div', 'ln recorded urc missing'), 'URC ' + u), el('div', 'ln replayed absent'));
  });
  r.extraUrcs.forEach(function (u) {
    pair(el('div', 'ln recorded absent'), withMasks(el('div', 'ln replayed urc extra'), 'URC ' + u));
  });
  if ((r.notes || []).length) {
    var ul = el('ul', 'row-notes');
    r.notes.forEach(function (n) { note(ul, n); });
    answer.appendChild(ul);
  }
  if (r.index === 0 && r.status === 'same') {
    pair(el('div', 'ln recorded none', 'the same URCs'), el('div', 'ln replayed none', 'the same URCs'));
  }
  tx.appendChild(answer);
  tx.addEventListener('click', function () { select(k); });
  return tx;
});
var frag = document.createDocumentFragment();
rowEls.forEach(function (e) { frag.appendChild(e); });
$('rows').appendChild(frag);

// ---- filter and navigation ----------------------------------------------------------------
var DIFFS = [];
ROWS.forEach(function (r, k) { if (r.status !== 'same') DIFFS.push(k); });
// "differences only" keeps the edited rows: the cause beside what it changed
var only = $('differences-only');
only.checked = DIFFS.length > 0;
function applyFilter() {
  var shown = 0;
  ROWS.forEach(function (r, k) {
    var hide = only.checked && r.status === 'same';
    rowEls[k].hidden = hide;
    if (!hide) shown++;
  });
  $('count').textContent = shown + ' of ' + ROWS.length + ' rows shown, ' + DIFFS.length
    + (DIFFS.length === 1 ? ' difference' : ' differences');
}
only.addEventListener('change', applyFilter);
applyFilter();

var selected = -1;
function select(k) {
  if (selected >= 0) rowEls[selected].classList.remove('selected');
  selected = k;
  rowEls[k].classList.add('selected');
  rowEls[k].scrollIntoView({block: 'center'});
}
function jump(step) {
  if (!DIFFS.length) return;
  var target = -1;
  if (step > 0) {
    for (var i = 0; i < DIFFS.length; i++) if (DIFFS[i] > selected) { target = DIFFS[i]; break; }
    if (target < 0) target = DIFFS[0];
  } else {
    for (var j = DIFFS.length - 1; j >= 0; j--) if (DIFFS[j] < selected) { target = DIFFS[j]; break; }
    if (target < 0) target = DIFFS[DIFFS.length - 1];
  }
  select(target);
}
$('next-diff').addEventListener('click', function () { jump(1); });
$('prev-diff').addEventListener('click', function () { jump(-1); });
document.addEventListener('keydown', function (e) {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.tagName === 'INPUT' && e.target.type !== 'checkbox') return;
  if (e.key === 'n') { jump(1); e.preventDefault(); }
  else if (e.key === 'p') { jump(-1); e.preventDefault(); }
});
window.atscopeReady = true;
