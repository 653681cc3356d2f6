// ---- timeline (canvas) --------------------------------------------------------------------------
// Close in, one bar a transaction (host -> module from command to result, a tick where the result
// came back). Zoomed out, when the view holds more transactions than half its pixel columns, each
// column is drawn as a density: its height the number of transactions starting in it (log scale),
// the failed ones' share of it on top in red (a pixel at least), a second lane with the failures alone, the URCs per
// column in the third, and the transactions with findings (coloured by the worst) in the fourth.
// Defines: canvas, view, fit, draw, paint, reveal_, zoom, pan, drawMode, laneY, laneH, xOf, CW, CH, LABEL_W.
var canvas = $('timeline'), ctx = canvas.getContext('2d');
var LABEL_W = 86, AXIS_H = 22;
var LANES = ['host \u2192 module', 'module \u2192 host', 'URC / noise', 'diagnostics'];
var DENSITY_LANES = ['transactions', 'failures', 'URC / noise', 'diagnostics'];
var view = { start: 0, end: 1 };
var gaps = [], urcIdx = [];
for (i = 0; i < NE; i++) {
  if (EVC.kind[i] === 2 && /^gap/.test(str(EVC.text[i]))) gaps.push(EV_TIME[i]);
  else urcIdx.push(i);
}
urcIdx = Int32Array.from(urcIdx);
function fit() {
  var pad = (LAST - FIRST) * 0.02 + 1;
  view.start = FIRST - pad; view.end = LAST + pad;
}
// the view moves to show [from, to] when it does not already
function reveal_(from, to) {
  if (from >= view.start && to <= view.end) return;
  var w = view.end - view.start;
  if (to - from > w * 0.8) w = (to - from) * 1.5;
  view.start = from - w / 2; view.end = view.start + w;
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
var pending = false, drawMode = 'transactions';
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
// level of detail for far-out views: for each of LOD_N equal time buckets, how many transactions
// start in it, how many of them failed, how many have findings and of which severities (bits 0-2)
var LOD_N = 1 << 16, LOD_US = Math.max(1, (LAST - FIRST) / LOD_N), LOD = null, LOD_BAD = null, LOD_SEV = null, LOD_DIAG = null;
function lodBucket(us) { return Math.floor((us - FIRST) / LOD_US); }
function buildLod() {
  LOD = new Uint32Array(LOD_N); LOD_BAD = new Uint32Array(LOD_N); LOD_SEV = new Uint8Array(LOD_N); LOD_DIAG = new Uint32Array(LOD_N);
  for (var k = 0; k < N; k++) {
    var b = Math.min(LOD_N - 1, Math.max(0, lodBucket(START[k])));
    LOD[b]++;
    if (isError(k)) LOD_BAD[b]++;
    if (WORST[k] < 3) { LOD_SEV[b] |= 1 << WORST[k]; LOD_DIAG[b]++; }
  }
}
// per pixel column of the view: transactions, failed ones and diagnostic severities (bits); from the
// buckets when they are finer than a column and no filter is on, else from the transactions in view
function columnCounts(W) {
  var all = new Uint32Array(W), bad = new Uint32Array(W), sev = new Uint8Array(W), diag = new Uint32Array(W);
  var usPerPx = (view.end - view.start) / plotW();
  if (!matches && usPerPx > 2 * LOD_US) {
    if (!LOD) buildLod();
    for (var col = LABEL_W; col < W; col++) {
      var b0 = Math.max(0, lodBucket(usOf(col))), b1 = Math.min(LOD_N, lodBucket(usOf(col + 1)));
      for (var b = b0; b < b1; b++) { all[col] += LOD[b]; bad[col] += LOD_BAD[b]; sev[col] |= LOD_SEV[b]; diag[col] += LOD_DIAG[b]; }
    }
    return { all: all, bad: bad, sev: sev, diag: diag };
  }
  for (var k = firstAtOrAfter(view.start); k < N && START[k] <= view.end; k++) {
    if (matches && !matches[k]) continue;
    var c = Math.floor(xOf(START[k]));
    if (c < LABEL_W || c >= W) continue;
    all[c]++;
    if (isError(k)) bad[c]++;
    if (WORST[k] < 3) { sev[c] |= 1 << WORST[k]; diag[c]++; }
  }
  return { all: all, bad: bad, sev: sev, diag: diag };
}
function paint() {
  var W = CW, H = CH, lh = laneH();
  ctx.clearRect(0, 0, W, H);
  ctx.font = '11px system-ui, sans-serif';
  // the mode first: the lanes' names depend on it
  var from = firstAtOrAfter(view.start - maxDur - 1), inView = firstAtOrAfter(view.end) - from;
  drawMode = inView > plotW() / 2 ? 'density' : 'transactions';
  var names = drawMode === 'density' ? DENSITY_LANES : LANES;
  // sessions: alternating bands, a boundary line and a label
  var lo = 0, hi = SESS.length, m;
  while (lo < hi) { m = (lo + hi) >> 1; if (SESS[m].end < view.start) lo = m + 1; else hi = m; }
  var sFirst = lo;
  var bands = [new Path2D(), new Path2D(), new Path2D()], bounds = new Path2D(), labels = [], lastS = -1;
  lo = sFirst; hi = SESS.length;
  while (lo < hi) { m = (lo + hi) >> 1; if (SESS[m].start <= view.end) lo = m + 1; else hi = m; }
  var dense = lo - sFirst > (W - LABEL_W) / 4, lastBad = -1, k;
  for (k = sFirst; k < SESS.length && SESS[k].start <= view.end; k++) {
    var x0 = Math.max(LABEL_W, Math.floor(xOf(SESS[k].start))), x1 = Math.min(W, Math.ceil(xOf(SESS[k].end)));
    if (dense) {       // too many to tell apart: only failed sessions, one band per pixel column
      if (SESS[k].outcome !== 'ok' && x0 !== lastBad) { bands[2].rect(x0, AXIS_H, Math.max(1, x1 - x0), H - AXIS_H); lastBad = x0; }
      continue;
    }
    bands[SESS[k].outcome === 'ok' ? k % 2 : 2].rect(x0, AXIS_H, Math.max(1, x1 - x0), H - AXIS_H);
    if (x0 !== lastS) { bounds.moveTo(x0 + 0.5, AXIS_H); bounds.lineTo(x0 + 0.5, H); lastS = x0; }
    if (x1 - x0 > 60 && labels.length < 200) labels.push([x0, 'S' + SESS[k].index + ' ' + SESS[k].outcome]);
  }
  ['rgba(47,158,68,0.05)', 'rgba(47,158,68,0.09)', 'rgba(224,49,49,0.08)'].forEach(function (c, j) { ctx.fillStyle = c; ctx.fill(bands[j]); });
  ctx.strokeStyle = '#868e96'; ctx.setLineDash([4, 3]); ctx.stroke(bounds); ctx.setLineDash([]);
  ctx.fillStyle = '#495057';
  labels.forEach(function (x) { ctx.fillText(x[1], x[0] + 4, AXIS_H + 11); });
  // lanes
  ctx.fillStyle = '#f6f8fa'; ctx.fillRect(0, 0, LABEL_W, H);
  ctx.strokeStyle = '#e9ecef';
  for (var l = 0; l < names.length; l++) {
    var y = laneY(l);
    ctx.beginPath(); ctx.moveTo(0, Math.round(y + lh) + 0.5); ctx.lineTo(W, Math.round(y + lh) + 0.5); ctx.stroke();
    ctx.fillStyle = '#495057'; ctx.fillText(names[l], 6, y + lh / 2 + 4);
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
  function triangle(key, a, y3) {
    var tp = path(key);
    tp.moveTo(a, y3); tp.lineTo(a + 4, y3 + lh * 0.5); tp.lineTo(a - 4, y3 + lh * 0.5); tp.closePath();
  }
  var y0 = Math.round(laneY(0) + lh * 0.2), bh = Math.round(lh * 0.6), y1 = Math.round(laneY(1) + lh * 0.2);
  var y2 = Math.round(laneY(2) + lh * 0.2), y3 = laneY(3) + lh * 0.25;
  if (drawMode === 'density') {
    var cc = columnCounts(W), maxAll = 1, maxBad = 1, maxDiag = 1, col;
    for (col = LABEL_W; col < W; col++) {
      if (cc.all[col] > maxAll) maxAll = cc.all[col];
      if (cc.bad[col] > maxBad) maxBad = cc.bad[col];
      if (cc.diag[col] > maxDiag) maxDiag = cc.diag[col];
    }
    var base3 = Math.round(laneY(3) + lh * 0.95), ld = Math.log(1 + maxDiag);
    var hTop = Math.round(lh * 0.9), base0 = Math.round(laneY(0) + lh * 0.95), base1 = Math.round(laneY(1) + lh * 0.95);
    var la = Math.log(1 + maxAll), lb = Math.log(1 + maxBad);
    for (col = LABEL_W; col < W; col++) {
      var n = cc.all[col];
      if (!n) continue;
      var h = Math.max(1, Math.round(hTop * Math.log(1 + n) / la)), nb = cc.bad[col];
      var hb = nb ? Math.min(h, Math.max(1, Math.round(h * nb / n))) : 0;   // their share of the column, 1 pixel at least
      if (h > hb) path('o0').rect(col, base0 - h, 1, h - hb);
      if (hb) {
        path('o1').rect(col, base0 - h, 1, hb);           // the failed ones on top of the column
        var h1 = Math.max(1, Math.round(hTop * Math.log(1 + nb) / lb));
        path('o1').rect(col, base1 - h1, 1, h1);
      }
      if (cc.diag[col]) {      // transactions with findings, coloured by the worst of them
        var hd = Math.max(1, Math.round(hTop * Math.log(1 + cc.diag[col]) / ld));
        path('s' + (cc.sev[col] & 1 ? 0 : cc.sev[col] & 2 ? 1 : 2)).rect(col, base3 - hd, 1, hd);
      }
    }
  } else {
    var lastBar = new Int32Array(8).fill(-1e9), lastTick = new Int32Array(8).fill(-1e9), lastDiag = new Int32Array(6).fill(-1e9);
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
        triangle('s' + w + (dim ? 'd' : ''), a, y3);
        lastDiag[w * 2 + dim] = a;
      }
    }
  }
  // URCs and noise
  lo = 0; hi = urcIdx.length;
  while (lo < hi) { m = (lo + hi) >> 1; if (EV_TIME[urcIdx[m]] < view.start) lo = m + 1; else hi = m; }
  var lastU = -1, lastN = -1, px;
  if (drawMode === 'density') {      // URCs per column too (log scale), noise on top
    var cu = new Uint32Array(W + 1), cn = new Uint32Array(W + 1), maxU = 1, base2 = Math.round(laneY(2) + lh * 0.95);
    for (k = lo; k < urcIdx.length && EV_TIME[urcIdx[k]] <= view.end; k++) {
      px = Math.floor(xOf(EV_TIME[urcIdx[k]]));
      if (px < LABEL_W || px >= W) continue;
      if (EVC.kind[urcIdx[k]] === 0) cu[px]++; else cn[px]++;
      if (cu[px] + cn[px] > maxU) maxU = cu[px] + cn[px];
    }
    var lu = Math.log(1 + maxU), hu = Math.round(lh * 0.9);
    for (px = LABEL_W; px < W; px++) {
      if (!cu[px] && !cn[px]) continue;
      var ht = Math.max(1, Math.round(hu * Math.log(1 + cu[px] + cn[px]) / lu));
      var hn = cn[px] ? Math.min(ht, Math.max(1, Math.round(hu * Math.log(1 + cn[px]) / lu))) : 0;
      if (ht > hn) path('uu').rect(px, base2 - ht + hn, 1, ht - hn);
      if (hn) path('un').rect(px, base2 - ht, 1, hn);
    }
  } else {
    for (k = lo; k < urcIdx.length && EV_TIME[urcIdx[k]] <= view.end; k++) {
      px = Math.floor(xOf(EV_TIME[urcIdx[k]]));
      if (EVC.kind[urcIdx[k]] === 0) { if (px === lastU) continue; lastU = px; path('uu').rect(px, y2, 2, bh); }
      else { if (px === lastN) continue; lastN = px; path('un').rect(px, y2, 2, bh); }
    }
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
