// ---- data: the data block read into columns ---------------------------------------------------
// The layout (version 2) is described field by field in docs/report-data.md; ReportModel writes it.
// Text fields hold an index into D.strings, the text itself, or null: str() resolves them.
// Defines: D, N, START, END, OC, CMD, CMDS, SESS, DIAG, DIAG_OF, TRACE_DIAGS, WORST, SESSION, FIRST,
// LAST, maxDur, str, commandLine, resultOf, errorOf, echoOf, responsesOf, txId, indexOfId, isError,
// NE, eventAt (the events outside transactions), firstAtOrAfter.
var T0 = performance.now();
var D = JSON.parse(document.getElementById('atscope-data').textContent);
if (D.version !== 2) throw new Error('atscope: this page reads data of version 2, not ' + D.version);
var S = D.strings;
function str(v) { return typeof v === 'number' ? S[v] : v; }
var EVENT_KINDS = ['u', 'n', 'm', 'e', 'f'];   // URC, noise, marker, orphan echo, orphan result
var RESPONSE_KINDS = ['r', 'c', 'p'];         // line, CONNECT, payload

var TXC = D.transactions, N = TXC.start.length;
var START = new Float64Array(N), END = new Float64Array(N), OC = Uint8Array.from(TXC.outcome);
var CMD = Int32Array.from(TXC.command), ID = new Float64Array(N), RFIRST = new Int32Array(N + 1);
var maxDur = 0, idsAreIndex = true;
(function () {
  var t = 0, id = 0, r = 0;
  for (var i = 0; i < N; i++) {
    t += TXC.start[i]; id = TXC.id ? id + TXC.id[i] : i + 1;
    START[i] = t; END[i] = t + TXC.duration[i]; ID[i] = id;
    if (TXC.duration[i] > maxDur) maxDur = TXC.duration[i];
    if (id !== i + 1) idsAreIndex = false;
    RFIRST[i] = r; r += TXC.responses[i];
  }
  RFIRST[N] = r;
})();
var byId = null;      // transaction id -> index, when ids are not simply index + 1
if (!idsAreIndex) { byId = new Map(); for (var i = 0; i < N; i++) byId.set(ID[i], i); }
function txId(k) { return ID[k]; }
function indexOfId(id) { return byId ? (byId.has(id) ? byId.get(id) : -1) : (id >= 1 && id <= N ? id - 1 : -1); }
function sparse(at, values) { var m = new Map(); for (var j = 0; j < at.length; j++) m.set(at[j], values[j]); return m; }
var ERRORS = sparse(TXC.errorAt, TXC.errorCode), ECHO_TEXT = sparse(TXC.echoTextAt, TXC.echoText);
var PAY = D.payloads, SUMS = new Map();
PAY.uploadSumAt.forEach(function (p, j) { SUMS.set(p, { computed: PAY.uploadSumComputed[j], reported: PAY.uploadSumReported[j] }); });

var CMDS = D.commands;
function commandLine(k) { return CMDS[CMD[k]].line; }
function resultOf(k) { return str(TXC.result[k]); }
function errorOf(k) { return ERRORS.has(k) ? ERRORS.get(k) : -1; }
// the echo: null when none, else its delay after the command and its text
function echoOf(k) {
  var d = TXC.echo[k];
  if (d < 0) return null;
  return { delay: d, text: ECHO_TEXT.has(k) ? str(ECHO_TEXT.get(k)) : commandLine(k) };
}
// a transaction's responses as objects, made when asked: kind r line, c CONNECT, p payload
function responsesOf(k) {
  var R = D.responses, out = [];
  for (var j = RFIRST[k]; j < RFIRST[k + 1]; j++) {
    var x = { kind: RESPONSE_KINDS[R.kind[j]], dir: R.dir[j], time: START[k] + R.time[j], text: null, payload: null };
    if (R.kind[j] === 2) {
      var p = R.text[j];
      x.text = str(PAY.kept[p]);
      x.payload = { length: PAY.length[p], hidden: PAY.hidden[p] === 1, crc32: PAY.crc32[p], sum: SUMS.get(p) || null };
    } else x.text = str(R.text[j]);
    out.push(x);
  }
  return out;
}

// sessions and diagnostics: few enough to be objects
var SC = D.sessions, SESS = [];
for (i = 0; i < SC.index.length; i++) {
  SESS.push({ index: SC.index[i], start: SC.start[i], end: SC.end[i], outcome: str(SC.outcome[i]), detail: str(SC.detail[i]),
    transactions: SC.transactions[i], failed: SC.failed[i], endedBy: str(SC.endedBy[i]), deciding: SC.deciding[i] });
}
var DC = D.diagnostics, DIAG = [];
for (i = 0; i < DC.severity.length; i++) {
  DIAG.push({ tx: DC.transaction[i], severity: DC.severity[i], rule: str(DC.rule[i]), message: str(DC.message[i]),
    section: str(DC.section[i]), column: DC.column[i], length: DC.length[i], time: DC.time[i] });
}

// events outside transactions, times made absolute
var EVC = D.events, NE = EVC.kind.length, EV_TIME = new Float64Array(NE), EV_NOTE = sparse(EVC.noteAt, EVC.note);
(function () { var t = 0; for (var j = 0; j < NE; j++) { t += EVC.time[j]; EV_TIME[j] = t; } })();
function eventAt(j) {
  return { kind: EVENT_KINDS[EVC.kind[j]], time: EV_TIME[j], dir: EVC.dir[j], text: str(EVC.text[j]),
    note: EV_NOTE.has(j) ? str(EV_NOTE.get(j)) : null };
}

// ---- derived columns ----------------------------------------------------------------------
var WORST = new Uint8Array(N).fill(3);   // worst diagnostic severity, 3 = none
var SESSION = new Int32Array(N).fill(-1);
var DIAG_OF = new Map();   // index -> [diagnostics]
var TRACE_DIAGS = [];      // diagnostics of no transaction
var diagCount = [0, 0, 0];
DIAG.forEach(function (d) {
  diagCount[d.severity]++;
  var k = indexOfId(d.tx);
  if (k < 0) { TRACE_DIAGS.push(d); return; }
  if (!DIAG_OF.has(k)) DIAG_OF.set(k, []);
  DIAG_OF.get(k).push(d);
  if (d.severity < WORST[k]) WORST[k] = d.severity;
});
// sessions by time: a transaction belongs to the last session that starts at or before it
(function () {
  var s = 0;
  for (var j = 0; j < N; j++) {
    while (s + 1 < SESS.length && SESS[s + 1].start <= START[j]) s++;
    SESSION[j] = SESS.length ? s : -1;
  }
})();
function isError(k) { return OC[k] !== 0 || WORST[k] === 0; }
var ocCount = [0, 0, 0, 0];
for (i = 0; i < N; i++) ocCount[OC[i]]++;

var FIRST = D.meta.firstUs, LAST = Math.max(D.meta.lastUs, FIRST + 1);
var startInstant = D.meta.start ? Date.parse(D.meta.start) : NaN;
function firstAtOrAfter(us) {
  var lo = 0, hi = N;
  while (lo < hi) { var m = (lo + hi) >> 1; if (START[m] < us) lo = m + 1; else hi = m; }
  return lo;
}
