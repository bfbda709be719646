/**
 * The learning report as HTML: one self-contained file (`--format html`) or the body of the
 * editor's webview. Every count is a button that lists the documents behind it; every document
 * line is a link (in the webview, a click opens the document at that line). Colours come from the
 * VS Code theme variables, which the file defines itself for light and dark.
 */
import { escapeXml as esc, chartCss } from './charts';
import { CLIENT_SCRIPT } from './client';
import { charts, day, headlines, mins, pct, scopeLine, trackLabel } from './figures';
import type { ActionGroup, LearningReport } from './schema';

const MAX_EVIDENCE = 25;
const MAX_ROWS = 200;

/** The data block the page's script lists from: evidence per class, items, groups. */
export function clientData(r: LearningReport, hrefPrefix = ''): object {
  return {
    hrefPrefix,
    classes: r.classes.map((c) => c.evidence),
    items: r.actions.items.map((i) => [i.path, i.line, i.incident, `${i.id ? i.id + ' ' : ''}${i.text}`, i.state, i.unverified]),
    groups: {
      category: r.actions.by_category.map((g) => g.items),
      owner: r.actions.by_owner.map((g) => g.items),
      incident: r.actions.by_incident.map((g) => g.items),
    },
  };
}

/** JSON that is safe inside a script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function docLink(path: string, line: number, label: string, hrefPrefix: string): string {
  return `<a class="sr-doc" href="${esc(hrefPrefix + encodeURI(path))}#L${line}" data-path="${esc(path)}" data-line="${line}">${esc(label)}</a>`;
}

function count(n: number, list: string, label: string): string {
  if (n === 0) return '<span class="sr-zero">0</span>';
  return `<button class="sr-count" data-list="${esc(list)}" aria-label="${esc(label)}" aria-expanded="false">${n}</button>`;
}

function groupTable(name: 'category' | 'owner' | 'incident', head: string, groups: readonly ActionGroup[]): string {
  const cols: Array<[keyof ActionGroup, string, string]> = [
    ['total', 'Total', 'all'],
    ['open', 'Open', 'open'],
    ['overdue', 'Overdue', 'overdue'],
    ['unverified', 'Unverified', 'unverified'],
    ['done', 'Done', 'done'],
    ['dropped', 'Dropped', 'dropped'],
  ];
  let s = `<table class="sr-table" data-table="${name}"><thead><tr><th>${head}</th>${cols.map((c) => `<th class="sr-n">${c[1]}</th>`).join('')}</tr></thead><tbody>`;
  groups.slice(0, MAX_ROWS).forEach((g, i) => {
    s += `<tr><td>${esc(g.label)}</td>${cols.map(([k, label, filter]) => `<td class="sr-n">${count(g[k] as number, `group:${name}:${i}:${filter}`, `${g.label}: ${label.toLowerCase()} action items`)}</td>`).join('')}</tr>`;
  });
  s += '</tbody></table>';
  if (groups.length > MAX_ROWS) s += `<p class="sr-note">…and ${groups.length - MAX_ROWS} more (sitrep report --format json lists them all).</p>`;
  return s;
}

function chartFigure(r: LearningReport, id: string): string {
  const c = charts(r).find((x) => x.id === id);
  return c ? `<figure class="sr-figure">${c.svg}</figure>` : '';
}

function headerHtml(r: LearningReport): string {
  let s = `<header><h1>Learning report</h1><p class="sr-scope">${esc(scopeLine(r))}</p><div class="sr-cards">`;
  for (const h of headlines(r)) {
    const value = h.list && h.value !== '0' ? `<button class="sr-count sr-big" data-list="${h.list}" aria-label="${esc(h.label)}" aria-expanded="false">${esc(h.value)}</button>` : `<span class="sr-big">${esc(h.value)}</span>`;
    s += `<div class="sr-card">${value}<span class="sr-cap">${esc(h.label)}</span></div>`;
  }
  return s + '</div></header>';
}

function candidatesHtml(r: LearningReport, hrefPrefix: string): string {
  let s = '<section id="candidates"><h2>Standards candidates</h2>';
  const candidates = r.classes.filter((c) => c.candidate);
  if (!candidates.length) s += `<p class="sr-note">No class is seen in ${r.min_postmortems} or more postmortems in the window.</p>`;
  for (const c of candidates) {
    const i = r.classes.indexOf(c);
    s += `<article class="sr-candidate" data-class="${esc(c.id)}"><h3>${esc(c.label)} <span class="sr-arrow">→</span> <span class="sr-track">${esc(trackLabel(c.track))}</span></h3>`;
    s += `<p>Seen in ${count(c.postmortems, `class:${i}`, `${c.label}: evidence`)} postmortems (${c.kind}).</p><ul class="sr-evidence">`;
    for (const e of c.evidence.slice(0, MAX_EVIDENCE)) {
      s += `<li>${docLink(e.path, e.lines[0].line, e.title, hrefPrefix)}<ul>`;
      for (const l of e.lines) s += `<li>${docLink(e.path, l.line, `line ${l.line}`, hrefPrefix)} ${esc(l.text)}</li>`;
      s += '</ul></li>';
    }
    if (c.evidence.length > MAX_EVIDENCE) s += `<li class="sr-note">…and ${c.evidence.length - MAX_EVIDENCE} more: click the count above.</li>`;
    s += '</ul></article>';
  }
  return s + '</section>';
}

function classesHtml(r: LearningReport): string {
  let s = `<section id="classes"><h2>Recurring classes</h2>${chartFigure(r, 'classes')}`;
  if (r.classes.length) {
    s += '<table class="sr-table" data-table="classes"><thead><tr><th>Class</th><th>Kind</th><th>Track</th><th class="sr-n">Postmortems</th></tr></thead><tbody>';
    r.classes.slice(0, MAX_ROWS).forEach((c, i) => {
      s += `<tr class="${c.candidate ? 'sr-hot-row' : ''}"><td>${esc(c.label)}${c.candidate ? ' <span class="sr-badge">candidate</span>' : ''}</td><td>${c.kind}</td><td>${esc(trackLabel(c.track))}</td><td class="sr-n">${count(c.postmortems, `class:${i}`, `${c.label}: evidence`)}</td></tr>`;
    });
    s += '</tbody></table>';
  } else s += '<p class="sr-note">No contributing factors, services or tags in the window.</p>';
  return s + '</section>';
}

function actionsHtml(r: LearningReport): string {
  const a = r.actions;
  let s = `<section id="actions"><h2>Action register</h2><p>${a.total} action items: ${count(a.open, 'items:open', 'Open action items')} open (${count(a.overdue, 'items:overdue', 'Overdue action items')} overdue), ${count(a.done, 'items:done', 'Done action items')} done, ${count(a.dropped, 'items:dropped', 'Dropped action items')} dropped; ${count(a.unverified, 'items:unverified', 'Action items without a verification signal')} without a verification signal. Median age of open items: ${a.median_open_age_days === null ? '–' : `${a.median_open_age_days} days`}. Postmortems whose actions cover both detect and prevent: ${a.detect_and_prevent.covered} of ${a.detect_and_prevent.postmortems} (${pct(a.detect_and_prevent.share)}).</p>`;
  s += chartFigure(r, 'actions');
  if (a.total) {
    s += `<h3>By category</h3>${groupTable('category', 'Category', a.by_category)}<h3>By owner</h3>${groupTable('owner', 'Owner', a.by_owner)}<h3>By incident</h3>${groupTable('incident', 'Incident', a.by_incident)}`;
  }
  return s + '</section>';
}

function responseHtml(r: LearningReport, hrefPrefix: string): string {
  const resp = r.response;
  let s = `<section id="response"><h2>Response</h2><p>Median time to detect ${mins(resp.median_ttd_minutes)}, to mitigate ${mins(resp.median_ttm_minutes)}, to resolve ${mins(resp.median_ttr_minutes)}, from when impact started. Status updates on time: ${resp.cadence.on_time} of ${resp.cadence.due} (${pct(resp.cadence.share)}).</p>${chartFigure(r, 'ttm-trend')}`;
  if (resp.by_month.length) {
    s += '<h3>By month and severity</h3><table class="sr-table" data-table="months"><thead><tr><th>Month</th><th>Severity</th><th class="sr-n">Incidents</th><th class="sr-n">Median TTD</th><th class="sr-n">Median TTM</th><th class="sr-n">Median TTR</th></tr></thead><tbody>';
    for (const m of resp.by_month) s += `<tr><td>${m.month}</td><td>${m.severity}</td><td class="sr-n">${m.incidents}</td><td class="sr-n">${mins(m.median_ttd_minutes)}</td><td class="sr-n">${mins(m.median_ttm_minutes)}</td><td class="sr-n">${mins(m.median_ttr_minutes)}</td></tr>`;
    s += '</tbody></table>';
  }
  if (resp.incidents.length) {
    s += '<h3>Incidents (newest first)</h3><table class="sr-table" data-table="incidents"><thead><tr><th>Incident</th><th>Severity</th><th>Started</th><th class="sr-n">TTD</th><th class="sr-n">TTM</th><th class="sr-n">TTR</th><th class="sr-n">Updates on time</th></tr></thead><tbody>';
    for (const i of [...resp.incidents].reverse().slice(0, MAX_ROWS)) {
      const p = i.postmortem_path ?? i.incident_path;
      s += `<tr><td>${p ? docLink(p, 1, i.title, hrefPrefix) : esc(i.title)}</td><td>${i.severity ?? ''}</td><td>${i.started ? day(i.started) : ''}</td><td class="sr-n">${mins(i.ttd_minutes)}</td><td class="sr-n">${mins(i.ttm_minutes)}</td><td class="sr-n">${mins(i.ttr_minutes)}</td><td class="sr-n">${i.updates_due ? `${i.updates_on_time} of ${i.updates_due}` : '–'}</td></tr>`;
    }
    s += '</tbody></table>';
  }
  return s + '</section>';
}

function leftOutHtml(r: LearningReport): string {
  let s = '';
  if (r.documents.left_out.length) {
    s += `<section id="left-out"><h2>Left out</h2><ul>${r.documents.left_out.slice(0, MAX_ROWS).map((l) => `<li>${esc(l.path)}: ${esc(l.reason)}</li>`).join('')}</ul>`;
    if (r.documents.left_out.length > MAX_ROWS) s += `<p class="sr-note">…and ${r.documents.left_out.length - MAX_ROWS} more.</p>`;
    s += '</section>';
  }
  return s;
}

/** The report's content (what goes inside <main id="sr-main">). */
export function renderReportBody(r: LearningReport, hrefPrefix = ''): string {
  return headerHtml(r) + candidatesHtml(r, hrefPrefix) + classesHtml(r) + actionsHtml(r) + responseHtml(r, hrefPrefix) + leftOutHtml(r);
}

/** Theme variables for a page outside VS Code: the names the webview gets, light and dark. */
const STANDALONE_VARS = `:root{--vscode-font-family:system-ui,-apple-system,"Segoe UI",sans-serif;--vscode-foreground:#1f2328;--vscode-descriptionForeground:#59636e;--vscode-editor-background:#ffffff;--vscode-textLink-foreground:#0969da;--vscode-editorWidget-background:#f6f8fa;--vscode-editorWidget-border:#d1d9e0;--vscode-button-background:#0969da;--vscode-button-foreground:#ffffff;--vscode-charts-red:#d1242f;--vscode-charts-orange:#bc4c00;--vscode-charts-green:#1a7f37;--vscode-charts-blue:#0969da;--vscode-charts-purple:#8250df;--vscode-charts-yellow:#9a6700}
@media (prefers-color-scheme: dark){:root{--vscode-foreground:#e6edf3;--vscode-descriptionForeground:#9198a1;--vscode-editor-background:#0d1117;--vscode-textLink-foreground:#4493f8;--vscode-editorWidget-background:#151b23;--vscode-editorWidget-border:#3d444d;--vscode-button-background:#1f6feb;--vscode-charts-red:#f85149;--vscode-charts-orange:#db6d28;--vscode-charts-green:#3fb950;--vscode-charts-blue:#4493f8;--vscode-charts-purple:#a371f7;--vscode-charts-yellow:#d29922}}
`;

/** The page's CSS: layout and colours from the VS Code theme variables. */
function reportCss(): string {
  return `body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);background:var(--vscode-editor-background);margin:0;padding:0 20px 40px;line-height:1.45}
main{max-width:1000px}
h1{font-size:1.6em;margin:16px 0 4px}h2{font-size:1.25em;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--vscode-editorWidget-border)}h3{font-size:1.05em;margin:18px 0 6px}
a{color:var(--vscode-textLink-foreground)}
.sr-scope,.sr-note,.sr-detail,.sr-cap{color:var(--vscode-descriptionForeground)}
.sr-cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.sr-card{display:flex;flex-direction:column;padding:8px 12px;border:1px solid var(--vscode-editorWidget-border);border-radius:4px;background:var(--vscode-editorWidget-background);min-width:120px}
.sr-big{font-size:1.4em;font-weight:600}.sr-cap{font-size:.85em}
.sr-count{font:inherit;color:var(--vscode-textLink-foreground);background:none;border:none;padding:0 2px;cursor:pointer;text-decoration:underline dotted;text-align:left}
.sr-count.sr-big{font-size:1.4em;font-weight:600;padding:0}
.sr-count:focus-visible,.sr-row:focus-visible{outline:1px solid var(--vscode-focusBorder, #0969da)}
.sr-table{border-collapse:collapse;margin:6px 0 12px}.sr-table th,.sr-table td{padding:3px 10px;border-bottom:1px solid var(--vscode-editorWidget-border);text-align:left;vertical-align:top}
.sr-table .sr-n{text-align:right}.sr-zero{color:var(--vscode-descriptionForeground)}
.sr-badge{font-size:.75em;padding:1px 6px;border-radius:8px;background:var(--vscode-charts-orange);color:var(--vscode-editor-background)}
.sr-candidate{border-left:3px solid var(--vscode-charts-orange);padding:2px 12px;margin:10px 0}
.sr-candidate h3{margin:6px 0 2px}.sr-track{color:var(--vscode-charts-orange)}
.sr-evidence{margin:4px 0;padding-left:18px}.sr-evidence ul{padding-left:16px;margin:2px 0}
.sr-figure{margin:8px 0 12px}.sr-row[data-list]{cursor:pointer}
.sr-pop{position:absolute;z-index:10;max-width:500px;max-height:320px;overflow:auto;padding:6px 10px;border:1px solid var(--vscode-editorWidget-border);border-radius:4px;background:var(--vscode-editorWidget-background);box-shadow:0 2px 8px rgba(0,0,0,.25)}
.sr-pop-head{display:flex;justify-content:space-between;gap:8px;font-weight:600}.sr-close{background:none;border:none;color:var(--vscode-foreground);cursor:pointer;font-size:1.1em}
.sr-pop-list{padding-left:16px;margin:4px 0}
body.vscode-high-contrast .sr-card,body.vscode-high-contrast .sr-pop{border-color:var(--vscode-contrastBorder)}
${chartCss('vscode')}`;
}

/** A complete HTML page: self-contained (`--format html`) or for the webview (with its CSP and nonce). */
export function renderHtmlPage(r: LearningReport, opts: { hrefPrefix?: string; csp?: { source: string; nonce: string } } = {}): string {
  const nonce = opts.csp?.nonce;
  const n = nonce ? ` nonce="${nonce}"` : '';
  const csp = opts.csp
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${opts.csp.source} data:;">`
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:;">`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${csp}<meta name="viewport" content="width=device-width, initial-scale=1"><title>Learning report ${esc(day(r.window.until))}</title>
<style${n}>${opts.csp ? '' : STANDALONE_VARS}${reportCss()}</style></head>
<body><main id="sr-main">${renderReportBody(r, opts.hrefPrefix ?? '')}</main><div id="sr-pop" class="sr-pop" role="dialog" hidden></div>
<script type="application/json" id="sr-data">${scriptJson(clientData(r, opts.hrefPrefix ?? ''))}</script>
<script${n}>${CLIENT_SCRIPT}</script></body></html>
`;
}
