// The search page of atscope serve. Everything it shows from the index is set as text (textContent,
// element properties), never parsed as markup; the URL holds the whole state (q, page, from, to,
// sessions), so a search pastes into a ticket and the browser's back and forward buttons work.
(function () {
  'use strict';

  var PAGE_SIZE = 20;
  var FACETS = [['outcome', 'outcome'], ['command', 'command'], ['error', 'error code'], ['rule', 'rule'],
    ['device', 'device'], ['firmware', 'firmware']];
  var GOOD = { ok: true };
  var searches = 0;

  // $ and el (tag, class, text) come from /dom.js, the helpers the timeline report uses too

  // ---- state <-> URL ----
  function stateOf(search) {
    var p = new URLSearchParams(search);
    var page = parseInt(p.get('page') || '1', 10);
    return {
      q: p.get('q') || '',
      page: page > 0 ? page : 1,
      from: p.get('from') || '',
      to: p.get('to') || '',
      sessions: p.get('sessions') === '1'
    };
  }

  function params(s) {
    var p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    if (s.page > 1) p.set('page', String(s.page));
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
    if (s.sessions) p.set('sessions', '1');
    return p;
  }

  function href(s) {
    var p = params(s).toString();
    return '/' + (p ? '?' + p : '');
  }

  function withState(base, change) {
    var s = { q: base.q, page: base.page, from: base.from, to: base.to, sessions: base.sessions };
    Object.keys(change).forEach(function (k) { s[k] = change[k]; });
    return s;
  }

  // a link within the page: a new entry in the history, then the search it names
  function link(a, s) {
    a.href = href(s);
    a.addEventListener('click', function (ev) {
      if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      go(s);
    });
    return a;
  }

  function go(s) {
    history.pushState(null, '', href(s));
    run();
  }

  // ---- query building ----
  function quoteValue(v) {
    if (/^[A-Za-z0-9_.-]+$/.test(v)) return v;
    return '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  }

  function addFilter(q, field, value) {
    var filter = field + ':' + quoteValue(value);
    q = q.trim();
    if (!q) return filter;
    return (/\bOR\b/.test(q) ? '(' + q + ')' : q) + ' AND ' + filter;
  }

  // ---- fetching ----
  function api(path, s, extra) {
    var p = params(s);
    p.delete('page');
    Object.keys(extra || {}).forEach(function (k) { p.set(k, extra[k]); });
    return fetch(path + '?' + p.toString(), { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.text().then(function (text) {
        if (!r.ok) {
          var message = 'HTTP ' + r.status;
          try { message = JSON.parse(text).error || message; } catch (e) { /* not JSON */ }
          throw new Error(message);
        }
        return text;
      });
    });
  }

  function lines(text) {
    return text.split('\n').filter(function (l) { return l.length > 0; }).map(function (l) { return JSON.parse(l); });
  }

  // ---- drawing ----
  function time(iso) {
    return iso.replace('T', ' ').replace('Z', '');
  }

  function drawHits(s, rows) {
    var body = document.querySelector('#hits tbody');
    body.textContent = '';
    rows.forEach(function (h) {
      var tr = el('tr');
      tr.className = 'hit';
      tr.appendChild(el('td', 'time', time(h.time)));
      tr.appendChild(el('td', 'device', h.device));
      var cmd = el('td', 'command', null);
      var open = el('a', null, h.command);
      open.className = 'open';
      var target = new URLSearchParams();
      target.set('file', h.file);
      open.href = '/session?' + target.toString()
          + (h.transaction !== undefined ? '#tx=' + h.transaction : h.session !== undefined ? '#session=' + h.session : '');
      open.title = 'open the session\u2019s timeline: ' + h.file;
      cmd.appendChild(open);
      if (h.snippet) cmd.appendChild(snippet(h.snippet, h.matches || []));
      tr.appendChild(cmd);
      tr.appendChild(el('td', 'outcome ' + (GOOD[h.outcome] ? 'outcome-ok' : 'outcome-bad'), h.outcome));
      var err = el('td', 'error', null);
      if (h.error !== undefined) {
        err.appendChild(el('span', 'result', h.result));
        if (h.error_meaning) err.appendChild(el('span', 'meaning', h.error_meaning));
      } else if (h.type === 'transaction' && h.outcome !== 'ok') {
        err.appendChild(el('span', 'result', h.result));
      }
      tr.appendChild(err);
      var dl = el('td', 'trace', null);
      [['trace', 'trace'], ['json', 'JSON'], ['pcapng', 'pcapng']].forEach(function (f) {
        var a = el('a', null, f[1]);
        var p = new URLSearchParams();
        p.set('file', h.file);
        p.set('as', f[0]);
        a.href = '/download?' + p.toString();
        a.setAttribute('download', '');
        a.className = 'download-' + f[0];
        dl.appendChild(a);
      });
      tr.appendChild(dl);
      body.appendChild(tr);
    });
  }

  // the snippet's text with the matched spans marked, every part as text
  function snippet(text, matches) {
    var pre = el('pre', 'snippet', null);
    var pos = 0;
    matches.forEach(function (m) {
      if (m[0] < pos) return;
      pre.appendChild(document.createTextNode(text.substring(pos, m[0])));
      pre.appendChild(el('mark', null, text.substring(m[0], m[1])));
      pos = m[1];
    });
    pre.appendChild(document.createTextNode(text.substring(pos)));
    return pre;
  }

  function drawFacets(s, facets) {
    var box = $('facets');
    box.textContent = '';
    FACETS.forEach(function (f) {
      var counts = facets[f[0]];
      if (!counts || Object.keys(counts).length === 0) return;
      box.appendChild(el('h2', null, f[1]));
      var ul = el('ul');
      ul.dataset.facet = f[0];
      Object.keys(counts).forEach(function (label) {
        var li = el('li');
        var a = link(el('a', null, label), withState(s, { q: addFilter(s.q, f[0], label), page: 1 }));
        a.className = 'facet';
        a.dataset.value = label;
        li.appendChild(a);
        li.appendChild(el('span', 'count', counts[label]));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
  }

  function drawHistogram(s, h) {
    var box = $('histogram');
    box.textContent = '';
    var axis = $('histogram-axis');
    axis.textContent = '';
    var max = 0;
    h.buckets.forEach(function (b) { max = Math.max(max, b.count); });
    h.buckets.forEach(function (b) {
      var start = Date.parse(b.start);
      var end = new Date(start + h.bucket_ms).toISOString().replace('.000Z', 'Z');
      var a = link(el('a'), withState(s, { from: b.start, to: end, page: 1 }));
      a.className = b.count ? 'bar' : 'bar empty';
      a.title = time(b.start) + ' \u2013 ' + time(end) + ': ' + b.count + (b.count === 1 ? ' hit' : ' hits');
      a.setAttribute('aria-label', a.title);
      a.dataset.start = b.start;
      a.dataset.count = String(b.count);
      a.style.height = max ? Math.max(1, Math.round(90 * b.count / max)) + 'px' : '0';
      box.appendChild(a);
    });
    if (h.buckets.length) {
      axis.appendChild(el('span', null, time(h.buckets[0].start)));
      axis.appendChild(el('span', null, 'per ' + h.bucket));
      axis.appendChild(el('span', null, time(h.buckets[h.buckets.length - 1].start)));
    }
  }

  function drawPages(s, total) {
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    $('page-info').textContent = 'page ' + s.page + ' of ' + pages;
    pageLink($('prev'), s, s.page > 1 ? s.page - 1 : 0);
    pageLink($('next'), s, s.page < pages && s.page * PAGE_SIZE < 10000 ? s.page + 1 : 0);
  }

  function pageLink(a, s, page) {
    var fresh = a.cloneNode(true); // drops the last search's listener
    a.parentNode.replaceChild(fresh, a);
    if (page) {
      link(fresh, withState(s, { page: page }));
      fresh.removeAttribute('aria-disabled');
    } else {
      fresh.href = href(s);
      fresh.setAttribute('aria-disabled', 'true');
    }
  }

  function drawWarnings(list) {
    var ul = $('warnings');
    ul.textContent = '';
    list.forEach(function (w) { ul.appendChild(el('li', null, w)); });
    ul.hidden = list.length === 0;
  }

  function showError(message) {
    var e = $('error');
    e.textContent = message;
    e.hidden = false;
  }

  // ---- one search: hits, facets and histogram of the URL's state ----
  function run() {
    var s = stateOf(location.search);
    var mine = ++searches;
    document.body.dataset.state = 'searching';
    $('q').value = s.q;
    $('sessions').checked = s.sessions;
    $('error').hidden = true;
    $('range').hidden = !(s.from || s.to);
    $('range-text').textContent = 'from ' + (s.from ? time(s.from) : 'the start') + ' to ' + (s.to ? time(s.to) : 'the end');
    link(replaceLink($('range-clear')), withState(s, { from: '', to: '', page: 1 }));
    document.title = (s.q ? s.q + ' \u2014 ' : '') + 'atscope search';
    var size = PAGE_SIZE;
    // hits, facets and histogram from one request: one pass over the index
    api('/api/search', s, { page: String(s.page), size: String(size), explain: '1', facets: '1', histogram: '1' })
      .then(lines).then(function (found) {
      if (mine !== searches) return;
      var summary = found.pop();
      drawHits(s, found);
      drawFacets(s, summary.facets || {});
      drawHistogram(s, summary.histogram || { bucket: 'hour', bucket_ms: 0, buckets: [] });
      drawPages(s, summary.total);
      drawWarnings(summary.warnings || []);
      $('status').textContent = summary.total + (s.sessions ? ' session' : ' hit') + (summary.total === 1 ? '' : 's')
          + ' (' + (summary.took_us / 1000).toFixed(1) + ' ms)';
      document.body.dataset.state = 'ready';
      document.body.dataset.searches = String(mine);
    }).catch(function (e) {
      if (mine !== searches) return;
      showError(e.message);
      drawHits(s, []);
      $('facets').textContent = '';
      $('histogram').textContent = '';
      $('status').textContent = 'no result';
      document.body.dataset.state = 'failed';
      document.body.dataset.searches = String(mine);
    });
  }

  function replaceLink(a) {
    var fresh = a.cloneNode(true);
    a.parentNode.replaceChild(fresh, a);
    return fresh;
  }

  $('search').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var s = stateOf(location.search);
    go(withState(s, { q: $('q').value, sessions: $('sessions').checked, page: 1 }));
  });
  Array.prototype.forEach.call(document.querySelectorAll('#examples a, #home'), function (a) {
    link(a, stateOf(new URL(a.href).search));
  });
  window.addEventListener('popstate', run);
  run();
}());
