/**
 * The report's only script, inline so the file works offline with no external assets. It sorts the machine
 * table (click a column heading; again to reverse), filters it (free text, verdict, component status, OS), shows
 * one machine's findings and fixes and what is in effect there and where it comes from (`machine=<row>`, from the
 * JSON block details-data.ts writes; a Group Policy value is marked: a GPO rewrites local changes), and keeps that
 * view in the URL fragment (`#q=..&status=..&comp=WinHttp:NotReady&os=..&sort=..&dir=desc&machine=..`), so a
 * summary count is a plain link to the machines behind it and any view can be bookmarked or mailed.
 *
 * It never builds markup from data: rows are reordered and hidden, and the machine section is made of elements
 * whose text is set with textContent. The Content-Security-Policy allows this exact script by its SHA-256
 * (CLIENT_SCRIPT_SHA256; a test recomputes it), and nothing else.
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
  var LABEL = { Ready: 'Ready', NotReady: 'Not ready', Unknown: 'Unknown' };
  var ORIGIN = { OsDefault: 'OS default', PatchDefault: 'Default (depends on updates)', Local: 'Local', GroupPolicy: 'Group Policy' };
  var holder = document.getElementById('detail');
  var data = null;

  function readState() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    return { q: p.get('q') || '', status: p.get('status') || '', comp: p.get('comp') || '', os: p.get('os') || '', sort: p.get('sort') || '', dir: p.get('dir') === 'desc' ? 'desc' : 'asc', machine: p.get('machine') || '' };
  }
  function writeState(s) {
    var p = new URLSearchParams();
    ['q', 'status', 'comp', 'os', 'sort'].forEach(function (k) { if (s[k]) p.set(k, s[k]); });
    if (s.sort && s.dir === 'desc') p.set('dir', 'desc');
    if (s.machine) p.set('machine', s.machine);
    var h = p.toString();
    history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    apply(s);
  }
  function keyOf(row, col) {
    var cell = row.cells[col];
    var k = cell.getAttribute('data-sort');
    if (k === null && cell.className.indexOf('s-') === 0) k = cell.className.slice(2);
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
    show(s.machine);
  }
  function add(parent, tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== null) e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }
  function show(row) {
    if (!holder) return;
    if (data === null) {
      var block = document.getElementById('details-data');
      data = block ? JSON.parse(block.textContent) : { f: [], e: [], l: [], m: {} };
    }
    var m = Object.prototype.hasOwnProperty.call(data.m, row) ? data.m[row] : null;
    holder.textContent = '';
    holder.hidden = m === null;
    if (m === null) return;
    var title = add(holder, 'h3', m[0] + ' \\u2014 ', null);
    add(title, 'span', LABEL[m[1]] || m[1], 's-' + m[1]);
    add(holder, 'div', m[2] + (m[3] === null ? '' : ' (build ' + m[3] + ')') + ', source ' + m[4], 'muted');
    if (m[5].length) add(holder, 'div', 'Missing updates: ' + m[5].join(', '), null);
    m[6].forEach(function (i) {
      var f = data.f[i];
      var box = add(holder, 'div', null, 'finding');
      box.setAttribute('data-rule', f[0]);
      add(box, 'span', f[1], 'sev-' + f[1]);
      box.appendChild(document.createTextNode(' '));
      add(box, 'code', f[0], null);
      box.appendChild(document.createTextNode(' '));
      add(box, 'span', f[2].join(', '), 'muted');
      add(box, 'div', f[3], null);
      if (f[4] !== null) {
        var fix = add(box, 'div', null, null);
        add(fix, 'b', 'Fix:', null);
        fix.appendChild(document.createTextNode(' ' + f[4]));
        if (f[7] !== 'none') add(fix, 'span', ' (restart: ' + f[7] + ')', 'muted');
      }
      if (f[5].length) add(box, 'div', f[5].join('\\n'), 'reg');
      if (f[6].length) add(box, 'div', 'Install: ' + f[6].join(', '), null);
    });
    if (m[7] === null || m[7] === undefined) return;
    var list = data.l[m[7]].map(function (i) { return data.e[i]; });
    var gpo = list.filter(function (e) { return e[3] === 'GroupPolicy'; }).length;
    add(holder, 'h4', 'In effect', null);
    add(holder, 'div', gpo ? gpo + ' setting(s) come from Group Policy: it wins over local values and a GPO rewrites local changes at the next refresh, so change them in the GPO.' : 'What each component uses and where it comes from: the OS default, a local value, or Group Policy.', 'muted');
    var table = add(holder, 'table', null, 'effective');
    var head = add(add(table, 'thead', null, null), 'tr', null, null);
    ['Component', 'Setting', 'Value', 'Origin', 'Where / Note'].forEach(function (t) { add(head, 'th', t, null); });
    var tbody = add(table, 'tbody', null, null);
    list.forEach(function (e) {
      var tr = add(tbody, 'tr', null, e[3] === 'GroupPolicy' ? 'gpo' : null);
      tr.setAttribute('data-origin', e[3]);
      add(tr, 'td', e[0], null);
      add(tr, 'td', e[1], null);
      add(tr, 'td', e[2], null);
      var origin = add(tr, 'td', ORIGIN[e[3]] || e[3], null);
      if (e[3] === 'GroupPolicy') add(origin, 'div', 'Group Policy: a GPO rewrites local changes', 'gpo-mark');
      var where = add(tr, 'td', null, null);
      if (e[4] !== null) add(where, 'code', e[4], null);
      if (e[5] !== null) add(where, 'div', e[5], 'muted');
    });
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
  // Machine links anywhere (the machine table, the endpoint section) open the details and keep the filters.
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a[data-machine]') : null;
    if (!a) return;
    e.preventDefault();
    var s = readState();
    s.machine = a.getAttribute('data-machine');
    writeState(s);
    if (holder) holder.scrollIntoView();
  });
  document.getElementById('clear').addEventListener('click', function () {
    var s = readState();
    writeState({ q: '', status: '', comp: '', os: '', sort: s.sort, dir: s.dir, machine: s.machine });
  });
  window.addEventListener('hashchange', function () { apply(readState()); });
  document.documentElement.classList.add('js');
  var first = readState();
  apply(first);
  if (first.machine && holder && !holder.hidden) holder.scrollIntoView();
})();`;

/** SHA-256 of CLIENT_SCRIPT, base64, as the CSP `script-src 'sha256-...'` wants it. tests/core/report checks it. */
export const CLIENT_SCRIPT_SHA256 = 'yG9rbAgMPFYyH6o1o1ediXKL5fWcq/8I/4ONCTHl8fU=';
