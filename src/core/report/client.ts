/**
 * The report page's script (webview and HTML file alike), as text. It lists what a count stands
 * for when the count is clicked (from the JSON data block in the page), and in the editor's webview
 * turns a click on a document line into a message asking the extension to open it.
 * No eval, no inline handlers: it runs under a nonce-only Content-Security-Policy.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var data = JSON.parse(document.getElementById('sr-data').textContent || '{}');
  var pop = document.getElementById('sr-pop');
  var opener = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function href(path, line) {
    return (data.hrefPrefix || '') + encodeURI(path) + (line ? '#L' + line : '');
  }
  function link(path, line, label, detail) {
    var li = el('li');
    var a = el('a', 'sr-doc', label);
    a.setAttribute('href', vscode ? '#' : href(path, line));
    a.setAttribute('data-path', path);
    a.setAttribute('data-line', String(line || 1));
    li.appendChild(a);
    if (detail) li.appendChild(el('span', 'sr-detail', ' ' + detail));
    return li;
  }
  function itemEntry(i) {
    var it = data.items[i];
    return link(it[0], it[1], it[3], '(' + it[2] + '; ' + it[4] + (it[5] ? ', unverified' : '') + ')');
  }
  function want(filter, i) {
    var it = data.items[i];
    if (filter === 'all') return true;
    if (filter === 'unverified') return it[5];
    if (filter === 'open') return it[4] === 'open' || it[4] === 'overdue';
    return it[4] === filter;
  }
  function entries(key) {
    var p = key.split(':');
    var out = [];
    if (p[0] === 'class') {
      (data.classes[+p[1]] || []).forEach(function (e) {
        e.lines.forEach(function (l) { out.push(link(e.path, l.line, e.title, 'line ' + l.line + ': ' + l.text)); });
      });
    } else if (p[0] === 'group') {
      ((data.groups[p[1]] || [])[+p[2]] || []).forEach(function (i) { if (want(p[3], i)) out.push(itemEntry(i)); });
    } else if (p[0] === 'items') {
      data.items.forEach(function (_, i) { if (want(p[1], i)) out.push(itemEntry(i)); });
    }
    return out;
  }
  function hide() {
    pop.hidden = true;
    if (opener) opener.setAttribute('aria-expanded', 'false');
    opener = null;
  }
  function show(target) {
    if (opener === target) { hide(); return; }
    hide();
    var list = entries(target.getAttribute('data-list'));
    pop.textContent = '';
    var head = el('div', 'sr-pop-head', (target.getAttribute('aria-label') || target.textContent || '').trim());
    var close = el('button', 'sr-close', '×');
    close.setAttribute('aria-label', 'Close');
    head.appendChild(close);
    pop.appendChild(head);
    var ul = el('ul', 'sr-pop-list');
    list.slice(0, 500).forEach(function (li) { ul.appendChild(li); });
    if (!list.length) ul.appendChild(el('li', 'sr-detail', 'Nothing to list.'));
    if (list.length > 500) ul.appendChild(el('li', 'sr-detail', '…and ' + (list.length - 500) + ' more.'));
    pop.appendChild(ul);
    var r = target.getBoundingClientRect();
    pop.style.top = (window.scrollY + r.bottom + 4) + 'px';
    pop.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 520)) + 'px';
    pop.hidden = false;
    opener = target;
    target.setAttribute('aria-expanded', 'true');
    var first = pop.querySelector('a');
    if (first) first.focus();
  }
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    while (t && t !== document && !(t.getAttribute && (t.getAttribute('data-list') || t.getAttribute('data-path') || t.classList.contains('sr-close')))) t = t.parentNode;
    if (!t || t === document) { if (!pop.contains(ev.target)) hide(); return; }
    if (t.classList.contains('sr-close')) { hide(); return; }
    if (t.getAttribute('data-path')) {
      if (vscode) {
        ev.preventDefault();
        vscode.postMessage({ type: 'open', path: t.getAttribute('data-path'), line: +t.getAttribute('data-line') });
      }
      return;
    }
    ev.preventDefault();
    show(t);
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') hide();
    if ((ev.key === 'Enter' || ev.key === ' ') && ev.target.getAttribute && ev.target.getAttribute('data-list') && ev.target.tagName !== 'BUTTON') { ev.preventDefault(); show(ev.target); }
  });
  window.addEventListener('message', function (ev) {
    var m = ev.data;
    if (!m || m.type !== 'update') return;
    hide();
    data = m.data;
    document.getElementById('sr-main').innerHTML = m.body;
  });
})();
`;
