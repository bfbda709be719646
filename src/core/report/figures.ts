/**
 * The report's figures shared by every output (Markdown, HTML, the editor's webview): the charts
 * with their data, the headline numbers and their wording. One place, so all outputs agree.
 */
import { formatDuration } from '../time';
import { barChart, lineChart, stackedBarChart, type BarRow } from './charts';
import type { LearningReport } from './schema';
import { TRACK_LABELS } from './taxonomy';

const MAX_CHART_CLASSES = 12;

interface ChartSpec {
  /** File-name-safe id: classes, actions, ttm-trend. */
  id: string;
  title: string;
  svg: string;
  /** A Mermaid xychart for the same data (Markdown to stdout). */
  mermaid: string;
}

const q = (s: string) => `"${s.replace(/"/g, "'")}"`;

function classChart(r: LearningReport): ChartSpec | undefined {
  const top = r.classes.slice(0, MAX_CHART_CLASSES);
  if (!top.length) return undefined;
  const title = `Recurring classes: postmortems in the window (top ${top.length})`;
  const rows: BarRow[] = top.map((c) => ({ label: c.label, value: c.postmortems, highlight: c.candidate, list: `class:${r.classes.indexOf(c)}` }));
  return {
    id: 'classes',
    title,
    svg: barChart({ kind: 'classes', title, rows, threshold: r.min_postmortems, thresholdLabel: `candidate ≥ ${r.min_postmortems}` }),
    mermaid: `xychart-beta\n  title ${q(title)}\n  x-axis [${top.map((c) => q(c.label)).join(', ')}]\n  y-axis "Postmortems" 0 --> ${Math.max(r.min_postmortems, ...top.map((c) => c.postmortems))}\n  bar [${top.map((c) => c.postmortems).join(', ')}]\n`,
  };
}

const ACTION_SERIES = ['Overdue', 'Open', 'Done', 'Dropped'];

function actionChart(r: LearningReport): ChartSpec | undefined {
  const groups = r.actions.by_category;
  if (!groups.length) return undefined;
  const title = 'Action items by category and state';
  return {
    id: 'actions',
    title,
    svg: stackedBarChart({ kind: 'actions', title, series: ACTION_SERIES, rows: groups.map((g) => ({ label: g.label, values: [g.overdue, g.open - g.overdue, g.done, g.dropped] })) }),
    mermaid: `xychart-beta\n  title ${q('Open action items by category')}\n  x-axis [${groups.map((g) => q(g.label)).join(', ')}]\n  y-axis "Open items" 0 --> ${Math.max(1, ...groups.map((g) => g.open))}\n  bar [${groups.map((g) => g.open).join(', ')}]\n`,
  };
}

function trendChart(r: LearningReport): ChartSpec | undefined {
  const months = [...new Set(r.response.by_month.map((m) => m.month))].sort();
  const sevs = [...new Set(r.response.by_month.map((m) => m.severity))].sort();
  if (!months.length || !r.response.by_month.some((m) => m.median_ttm_minutes !== null)) return undefined;
  const title = 'Median time to mitigate per month, by severity (minutes)';
  const series = sevs.map((sev) => ({ name: sev, values: months.map((mo) => r.response.by_month.find((m) => m.month === mo && m.severity === sev)?.median_ttm_minutes ?? null) }));
  const overall = months.map((mo) => {
    const rows = r.response.incidents.filter((i) => i.month === mo && i.ttm_minutes !== undefined).map((i) => i.ttm_minutes!).sort((a, b) => a - b);
    if (!rows.length) return 0;
    const m = rows.length >> 1;
    return rows.length % 2 ? rows[m] : (rows[m - 1] + rows[m]) / 2;
  });
  return {
    id: 'ttm-trend',
    title,
    svg: lineChart({ kind: 'ttm-trend', title, x: months, series, unit: 'min' }),
    mermaid: `xychart-beta\n  title ${q('Median time to mitigate per month, all severities (minutes)')}\n  x-axis [${months.map(q).join(', ')}]\n  y-axis "Minutes" 0 --> ${Math.max(1, ...overall)}\n  line [${overall.join(', ')}]\n`,
  };
}

export function charts(r: LearningReport): ChartSpec[] {
  return [classChart(r), actionChart(r), trendChart(r)].filter((c): c is ChartSpec => !!c);
}

export const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
export const mins = (m: number | null | undefined) => (m === null || m === undefined ? '–' : formatDuration(m * 60_000));
export const trackLabel = (t: keyof typeof TRACK_LABELS) => TRACK_LABELS[t];

/** YYYY-MM-DD of a report timestamp. */
export const day = (stamp: string) => stamp.slice(0, 10);

/** The sentence under the title: window, counts and the threshold. */
export function scopeLine(r: LearningReport): string {
  const d = r.documents;
  return `${day(r.window.since)} to ${day(r.window.until)} (${r.window.days} days): ${d.incidents} incident${d.incidents === 1 ? '' : 's'}, ${d.postmortems} postmortem${d.postmortems === 1 ? '' : 's'}. A class seen in ${r.min_postmortems} or more postmortems is a standards candidate.`;
}

interface Headline {
  label: string;
  value: string;
  /** What the list behind the number holds (a data-list key), when it has one. */
  list?: string;
}

export function headlines(r: LearningReport): Headline[] {
  const a = r.actions;
  return [
    { label: 'Standards candidates', value: String(r.candidates.length) },
    { label: 'Open action items', value: String(a.open), list: 'items:open' },
    { label: 'Overdue', value: String(a.overdue), list: 'items:overdue' },
    { label: 'Unverified', value: String(a.unverified), list: 'items:unverified' },
    { label: 'Detect + prevent covered', value: `${a.detect_and_prevent.covered} of ${a.detect_and_prevent.postmortems}` },
    { label: 'Median time to mitigate', value: mins(r.response.median_ttm_minutes) },
    { label: 'Status updates on time', value: `${pct(r.response.cadence.share)} (${r.response.cadence.on_time} of ${r.response.cadence.due})` },
  ];
}
