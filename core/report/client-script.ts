/**
 * The report's only script, inline so the file works offline with no external assets. It sorts the machine
 * table (click a column heading; again to reverse), filters it (free text, verdict, component status, OS), and
 * keeps that view in the URL fragment (`#q=..&status=..&comp=WinHttp:NotReady&os=..&sort=..&dir=desc`), so a
 * summary count is a plain link to the machines behind it and a filtered view can be bookmarked or mailed.
 *
 * It reads only the table the renderer wrote (data-* attributes) and writes only `hidden`, row order and the
 * "showing" line: it never builds markup from data. The Content-Security-Policy allows this exact script by
 * its SHA-256 (CLIENT_SCRIPT_SHA256; a test recomputes it), and nothing else.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var table = document.getElementById('machines');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var form = document.getElementById('filters');
  var shown = document.getElementById('shown');
  var ORDER = { Ready: 0, NotApplicable: 1, Unknown: 2, NotReady: 3 };

  function readState() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    return { q: p.get('q') || '', status: p.get('status') || '', comp: p.get('comp') || '', os: p.get('os') || '', sort: p.get('sort') || '', dir: p.get('dir') === 'desc' ? 'desc' : 'asc' };
  }
  function writeState(s) {
    var p = new URLSearchParams();
    ['q', 'status', 'comp', 'os', 'sort'].forEach(function (k) { if (s[k]) p.set(k, s[k]); });
    if (s.sort && s.dir === 'desc') p.set('dir', 'desc');
    var h = p.toString();
    history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    apply(s);
  }
  function keyOf(row, col) {
    var cell = row.cells[col];
    var k = cell.getAttribute('data-sort');
    if (k === null) k = cell.textContent.trim();
    if (k in ORDER) return [0, ORDER[k], ''];
    var n = Number(k);
    return k !== '' && isFinite(n) ? [1, n, ''] : [2, 0, k.toLowerCase()];
  }
  function compare(a, b) {
    for (var i = 0; i < 3; i++) { if (a[i] < b[i]) return -1; if (a[i] > b[i]) return 1; }
    return 0;
  }
  function apply(s) {
    var q = s.q.toLowerCase();
    var comp = s.comp.split(':');
    var visible = 0;
    rows.forEach(function (row) {
      var ok = (!q || row.getAttribute('data-text').indexOf(q) >= 0)
        && (!s.status || row.getAttribute('data-verdict') === s.status)
        && (!s.os || row.getAttribute('data-os') === s.os)
        && (!s.comp || row.getAttribute('data-c-' + comp[0]) === comp[1]);
      row.hidden = !ok;
      if (ok) visible++;
    });
    var col = -1;
    heads.forEach(function (th, i) {
      var on = th.getAttribute('data-key') === s.sort;
      if (on) col = i;
      th.setAttribute('aria-sort', on ? (s.dir === 'desc' ? 'descending' : 'ascending') : 'none');
    });
    var order = rows.slice();
    if (col >= 0) {
      var sign = s.dir === 'desc' ? -1 : 1;
      order = order.map(function (r, i) { return { r: r, k: keyOf(r, col), i: i }; })
        .sort(function (a, b) { return sign * compare(a.k, b.k) || a.i - b.i; })
        .map(function (x) { return x.r; });
    }
    order.forEach(function (r) { body.appendChild(r); });
    shown.textContent = 'Showing ' + visible + ' of ' + rows.length + ' machines';
    form.q.value = s.q; form.status.value = s.status; form.comp.value = s.comp; form.os.value = s.os;
    document.getElementById('clear').hidden = !(s.q || s.status || s.comp || s.os);
  }
  heads.forEach(function (th) {
    var b = th.querySelector('button');
    if (!b) return;
    b.addEventListener('click', function () {
      var s = readState();
      var key = th.getAttribute('data-key');
      s.dir = s.sort === key && s.dir === 'asc' ? 'desc' : 'asc';
      s.sort = key;
      writeState(s);
    });
  });
  form.addEventListener('input', function () {
    var s = readState();
    s.q = form.q.value; s.status = form.status.value; s.comp = form.comp.value; s.os = form.os.value;
    writeState(s);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  document.getElementById('clear').addEventListener('click', function () {
    var s = readState();
    writeState({ q: '', status: '', comp: '', os: '', sort: s.sort, dir: s.dir });
  });
  window.addEventListener('hashchange', function () { apply(readState()); });
  document.documentElement.classList.add('js');
  apply(readState());
})();`;

/** SHA-256 of CLIENT_SCRIPT, base64, as the CSP `script-src 'sha256-...'` wants it. tests/core/report checks it. */
export const CLIENT_SCRIPT_SHA256 = '+H2dM1k8C8lYj8aiIgk8oQJqifo0obOxDali6O95rOU=';
