/**
 * The learning report as GitHub-flavoured Markdown: tables, evidence links to the document lines,
 * and charts either as Mermaid blocks or as images (SVG files the caller writes beside the report).
 */
import { charts, day, headlines, mins, pct, scopeLine, trackLabel } from './figures';
import type { ActionGroup, LearningReport } from './schema';

interface MarkdownOptions {
  /** Link target for a document line (1-based), relative to where the Markdown is read. */
  link: (path: string, line?: number) => string;
  /** Charts as Mermaid blocks, or as images: `image(id, svg)` stores the SVG and returns its link. */
  charts: 'mermaid' | { image: (id: string, svg: string) => string } | 'none';
}

/** Text for a table cell or link label: pipes, brackets and line breaks made harmless. */
function mdText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([[\]<>*_`])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}

function groupRows(groups: readonly ActionGroup[]): string[][] {
  return groups.map((g) => [mdText(g.label), String(g.total), String(g.open), String(g.overdue), String(g.unverified), String(g.done), String(g.dropped)]);
}

const GROUP_HEAD = ['Total', 'Open', 'Overdue', 'Unverified', 'Done', 'Dropped'];
const MAX_ROWS = 50;

/** Rows up to a bound, and a line saying how many more there are. */
function bounded<T>(rows: readonly T[], what: string): { rows: T[]; more: string } {
  if (rows.length <= MAX_ROWS) return { rows: [...rows], more: '' };
  return { rows: rows.slice(0, MAX_ROWS), more: `\n…and ${rows.length - MAX_ROWS} more ${what} (the JSON output has them all).\n` };
}

export function renderMarkdown(r: LearningReport, opts: MarkdownOptions): string {
  const out: string[] = [];
  const chart = (id: string) => {
    const c = charts(r).find((x) => x.id === id);
    if (!c || opts.charts === 'none') return;
    if (opts.charts === 'mermaid') out.push('```mermaid\n' + c.mermaid + '```\n');
    else out.push(`![${mdText(c.title)}](${opts.charts.image(c.id, c.svg)})\n`);
  };
  const ref = (path: string, line: number, label: string) => `[${mdText(label)}](${opts.link(path, line)})`;

  out.push('# Learning report\n', `${scopeLine(r)}\n`);
  out.push(table(['Figure', 'Value'], headlines(r).map((h) => [h.label, mdText(h.value)])));

  // Standards candidates with their evidence.
  out.push('## Standards candidates\n');
  const candidates = r.classes.filter((c) => c.candidate);
  if (!candidates.length) out.push(`No class is seen in ${r.min_postmortems} or more postmortems in the window.\n`);
  for (const c of candidates) {
    out.push(`### ${mdText(c.label)} → ${trackLabel(c.track)}\n`, `Seen in ${c.postmortems} postmortems (${c.kind}). Evidence:\n`);
    for (const e of c.evidence) {
      out.push(`- ${ref(e.path, e.lines[0].line, e.title)}`);
      for (const l of e.lines) out.push(`  - line ${l.line}: ${ref(e.path, l.line, l.text)}`);
    }
    out.push('');
  }

  out.push('## Recurring classes\n');
  chart('classes');
  if (r.classes.length) {
    const b = bounded(r.classes, 'classes');
    out.push(table(['Class', 'Kind', 'Track', 'Postmortems', 'Candidate'], b.rows.map((c) => [mdText(c.label), c.kind, trackLabel(c.track), String(c.postmortems), c.candidate ? 'yes' : ''])) + b.more);
  } else out.push('No contributing factors, services or tags in the window.\n');

  actionsMd(r, out, ref, chart);
  responseMd(r, out, ref, chart);
  if (r.documents.left_out.length) {
    const bl = bounded(r.documents.left_out, 'documents');
    out.push('## Left out\n', ...bl.rows.map((l) => `- ${mdText(l.path)}: ${mdText(l.reason)}`), bl.more);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

type Ref = (path: string, line: number, label: string) => string;
type Chart = (id: string) => void;

function actionsMd(r: LearningReport, out: string[], ref: Ref, chart: Chart): void {
  const a = r.actions;
  out.push('## Action register\n');
  out.push(
    `${a.total} action items: ${a.open} open (${a.overdue} overdue), ${a.done} done, ${a.dropped} dropped; ${a.unverified} without a verification signal. ` +
      `Median age of open items: ${a.median_open_age_days === null ? '–' : `${a.median_open_age_days} days`}. ` +
      `Postmortems whose actions cover both detect and prevent: ${a.detect_and_prevent.covered} of ${a.detect_and_prevent.postmortems} (${pct(a.detect_and_prevent.share)}).\n`,
  );
  chart('actions');
  if (a.total) {
    out.push('### By category\n', table(['Category', ...GROUP_HEAD], groupRows(a.by_category)));
    const bo = bounded(a.by_owner, 'owners');
    out.push('### By owner\n', table(['Owner', ...GROUP_HEAD], groupRows(bo.rows)) + bo.more);
    const bi = bounded(a.by_incident, 'incidents');
    out.push('### By incident\n', table(['Incident', ...GROUP_HEAD], groupRows(bi.rows)) + bi.more);
    const late = a.items.filter((i) => i.state === 'overdue' || (i.unverified && i.state !== 'dropped'));
    if (late.length) {
      const bl = bounded(late, 'items');
      out.push(
        '### Overdue or unverified items\n',
        table(
          ['Item', 'Incident', 'Owner', 'Due', 'Category', 'State'],
          bl.rows.map((i) => [ref(i.path, i.line, `${i.id ? i.id + ' ' : ''}${i.text}`), mdText(i.incident), mdText(i.owner ?? ''), mdText(i.due ?? ''), i.category ?? '', `${i.state}${i.unverified ? ', unverified' : ''}`]),
        ) + bl.more,
      );
    }
  }

}

function responseMd(r: LearningReport, out: string[], ref: Ref, chart: Chart): void {
  const resp = r.response;
  out.push('## Response\n');
  out.push(
    `Median time to detect ${mins(resp.median_ttd_minutes)}, to mitigate ${mins(resp.median_ttm_minutes)}, to resolve ${mins(resp.median_ttr_minutes)} (from when impact started). ` +
      `Status updates on time: ${resp.cadence.on_time} of ${resp.cadence.due} (${pct(resp.cadence.share)}).\n`,
  );
  chart('ttm-trend');
  if (resp.by_month.length) {
    out.push(
      '### By month and severity\n',
      table(['Month', 'Severity', 'Incidents', 'Median TTD', 'Median TTM', 'Median TTR'], resp.by_month.map((m) => [m.month, m.severity, String(m.incidents), mins(m.median_ttd_minutes), mins(m.median_ttm_minutes), mins(m.median_ttr_minutes)])),
    );
  }
  if (resp.incidents.length) {
    const bi = bounded([...resp.incidents].reverse(), 'incidents');
    out.push(
      '### Incidents (newest first)\n',
      table(
        ['Incident', 'Severity', 'Started', 'TTD', 'TTM', 'TTR', 'Updates on time'],
        bi.rows.map((i) => {
          const p = i.postmortem_path ?? i.incident_path;
          return [p ? ref(p, 1, i.title) : mdText(i.title), i.severity ?? '', i.started ? day(i.started) : '', mins(i.ttd_minutes), mins(i.ttm_minutes), mins(i.ttr_minutes), i.updates_due ? `${i.updates_on_time} of ${i.updates_due}` : '–'];
        }),
      ) + bi.more,
    );
  }
}
