// atscope timeline report. The page's script is these parts, joined in this order into one script
// element (HtmlPage), all in one function scope:
//   dom.js              $ and el, shared with the replay page
//   report-page.js      helpers: colours, formatting of times and captured bytes
//   report-data.js      the data block read into columns (layout: docs/report-data.md)
//   report-filter.js    the filter box and what it keeps
//   report-list.js      the transaction list, virtual (only the visible rows exist), and the selection
//   report-detail.js    the detail pane of a transaction and of a group of findings
//   report-timeline.js  the canvas: bars, or density when zoomed out; zoom, pan, pick
//   report-flow.js      the flow of one session, host and module side by side
//   report-main.js      the header, links into the page (#tx=42), keys, and the start
// Every captured byte reaches the page through textContent, never through innerHTML.
var OUTCOMES = ['ok', 'error', 'no-response', 'interrupted'];
var SEVERITIES = ['error', 'warning', 'info'];
var css = getComputedStyle(document.documentElement);
function cssVar(n) { return css.getPropertyValue(n).trim(); }
var OC_COLOR = OUTCOMES.map(function (o) { return cssVar('--' + o); });
var SEV_COLOR = SEVERITIES.map(function (s) { return cssVar('--sev-' + s); });
var URC_COLOR = cssVar('--urc');
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
function bytes(n) {
  if (n < 1024) return n + ' bytes';
  if (n < 1048576) return (n / 1024).toFixed(n < 10240 ? 1 : 0) + ' KiB';
  return (n / 1048576).toFixed(1) + ' MiB';
}
function plural(n, word) { return n.toLocaleString('en') + ' ' + word + (n === 1 ? '' : 's'); }
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
