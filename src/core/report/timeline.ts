/**
 * The picture of one incident's timeline: an SVG strip from start to resolution with detection and
 * mitigation marked, the phases shaded, TTD/TTM/TTR spans, status updates as ticks and role
 * changes as diamonds. Data from one ReportDoc (front-matter times, else timeline kinds).
 */
import { formatDuration } from '../time';
import { chartCss, clip, escapeXml } from './charts';
import type { ReportDoc } from './types';

interface TimelineMarks {
  started?: number;
  detected?: number;
  mitigated?: number;
  resolved?: number;
  updates: Array<{ at: number; line: number }>;
  roleChanges: Array<{ at: number; line: number; text: string }>;
  /** Every other timed entry, drawn as a faint dot. */
  events: number[];
}

const HANDOVER = /hand[ -]?over|hand[ -]?off|takes over|took over|role change/i;

function first(doc: ReportDoc, kind: string): number | undefined {
  let best: number | undefined;
  for (const e of doc.timeline) if (e.kind === kind && e.at !== undefined && (best === undefined || e.at < best)) best = e.at;
  return best;
}

/** What the strip shows for one document. */
export function timelineMarks(doc: ReportDoc): TimelineMarks {
  const updates = doc.statusUpdates.filter((u) => u.at !== undefined).map((u) => ({ at: u.at!, line: u.line }));
  const seen = new Set(updates.map((u) => u.at));
  for (const e of doc.timeline) {
    if ((e.kind === 'status-update' || e.kind === 'communication') && e.at !== undefined && !seen.has(e.at)) {
      seen.add(e.at);
      updates.push({ at: e.at, line: e.line });
    }
  }
  const roleChanges = doc.timeline.filter((e) => e.kind === 'role-change' && e.at !== undefined).map((e) => ({ at: e.at!, line: e.line, text: e.text }));
  for (const c of doc.checkpoints) {
    if (c.at !== undefined && HANDOVER.test(c.title) && !roleChanges.some((r) => r.at === c.at)) roleChanges.push({ at: c.at, line: c.line, text: c.title });
  }
  updates.sort((a, b) => a.at - b.at);
  roleChanges.sort((a, b) => a.at - b.at);
  return {
    started: doc.started ?? undefined,
    detected: doc.detected ?? first(doc, 'detection'),
    mitigated: doc.mitigated ?? first(doc, 'mitigation'),
    resolved: doc.resolved ?? first(doc, 'resolution'),
    updates,
    roleChanges,
    events: doc.timeline.filter((e) => e.at !== undefined).map((e) => e.at!),
  };
}

function clock(t: number, withDate: boolean): string {
  const iso = new Date(t).toISOString();
  return (withDate ? iso.slice(5, 10) + ' ' : '') + iso.slice(11, 16) + 'Z';
}

const BAND_Y = 42;
const BAND_H = 18;
const LEFT = 16;
const RIGHT = 16;

interface Scale {
  x: (t: number) => number;
  width: number;
  multiDay: boolean;
}

/** The phases shaded on the band, and the other timed entries as dots. */
function bandSvg(m: TimelineMarks, sc: Scale): string {
  let s = `<rect class="sr-band" x="${LEFT}" y="${BAND_Y}" width="${sc.width - LEFT - RIGHT}" height="${BAND_H}"/>`;
  const phase = (from: number | undefined, to: number | undefined, cls: string, name: string) => {
    if (from === undefined || to === undefined || to <= from) return;
    s += `<rect class="${cls}" x="${sc.x(from).toFixed(1)}" y="${BAND_Y}" width="${(sc.x(to) - sc.x(from)).toFixed(1)}" height="${BAND_H}"><title>${escapeXml(`${name}: ${formatDuration(to - from)}`)}</title></rect>`;
  };
  phase(m.started, m.detected ?? m.mitigated ?? m.resolved, 'sr-s0', 'Impact before detection');
  phase(m.detected, m.mitigated ?? m.resolved, 'sr-s1', 'Detected, not yet mitigated');
  phase(m.mitigated, m.resolved, 'sr-s2', 'Mitigated, not yet resolved');
  for (const e of m.events) s += `<circle class="sr-event" cx="${sc.x(e).toFixed(1)}" cy="${BAND_Y + BAND_H / 2}" r="1.6"/>`;
  return s;
}

/** Start, detection, mitigation and resolution, labelled above the band; a label too close to the previous one moves up a row. */
function milestonesSvg(m: TimelineMarks, sc: Scale): string {
  const milestones: Array<[string, number | undefined]> = [
    ['Start', m.started],
    ['Detected', m.detected],
    ['Mitigated', m.mitigated],
    ['Resolved', m.resolved],
  ];
  let s = '';
  let lastX = -Infinity;
  let row = 0;
  for (const [name, t] of milestones) {
    if (t === undefined) continue;
    const mx = sc.x(t);
    row = mx - lastX < 96 ? (row + 1) % 2 : 0;
    lastX = mx;
    const ly = row ? 12 : 28;
    const anchor = mx < 60 ? 'start' : mx > sc.width - 60 ? 'end' : 'middle';
    s += `<g class="sr-milestone" data-mark="${name.toLowerCase()}"><title>${escapeXml(`${name} ${new Date(t).toISOString().replace('.000Z', 'Z')}`)}</title>`;
    s += `<line class="sr-mark" x1="${mx.toFixed(1)}" x2="${mx.toFixed(1)}" y1="${ly + 3}" y2="${BAND_Y + BAND_H + 4}"/>`;
    s += `<text class="sr-label" x="${mx.toFixed(1)}" y="${ly}" text-anchor="${anchor}">${name} ${clock(t, sc.multiDay)}</text></g>`;
  }
  return s;
}

/** Status updates (triangles) and role changes (diamonds) under the band, and their legend. */
function marksSvg(m: TimelineMarks, sc: Scale): string {
  const ty = BAND_Y + BAND_H + 4;
  let s = '';
  for (const u of m.updates) {
    s += `<path class="sr-update" d="M${sc.x(u.at).toFixed(1)} ${ty} l-4 8 h8 z"><title>${escapeXml(`Status update ${clock(u.at, true)}`)}</title></path>`;
  }
  for (const r of m.roleChanges) {
    s += `<path class="sr-role" d="M${sc.x(r.at).toFixed(1)} ${ty + 10} l5 5 l-5 5 l-5 -5 z"><title>${escapeXml(`${clock(r.at, true)} ${clip(r.text, 80)}`)}</title></path>`;
  }
  const legend: string[] = [];
  if (m.updates.length) legend.push(`▲ status update ×${m.updates.length}`);
  if (m.roleChanges.length) legend.push(`◆ role change ×${m.roleChanges.length}`);
  if (legend.length) s += `<text class="sr-tick" x="${sc.width - RIGHT}" y="${BAND_Y + BAND_H + 24}" text-anchor="end">${escapeXml(legend.join('   '))}</text>`;
  return s;
}

/** TTD, TTM and TTR as spans from the start, one row each. */
function spansSvg(m: TimelineMarks, spans: ReadonlyArray<[string, number]>, sc: Scale): string {
  let s = '';
  let sy = BAND_Y + BAND_H + 32;
  for (const [name, t] of spans) {
    const sx = sc.x(m.started!);
    const ex = sc.x(t);
    const label = `${name} ${formatDuration(t - m.started!)}`;
    s += `<g class="sr-span" data-span="${name.toLowerCase()}"><line class="sr-mark" x1="${sx.toFixed(1)}" x2="${ex.toFixed(1)}" y1="${sy}" y2="${sy}"/>`;
    s += `<line class="sr-mark" x1="${ex.toFixed(1)}" x2="${ex.toFixed(1)}" y1="${sy - 4}" y2="${sy + 4}"/>`;
    // Beside the end of the span when there is room, else above the span's end.
    const beside = ex + 6 + label.length * 6.5 <= sc.width;
    s += `<text class="sr-tick" x="${(beside ? ex + 6 : ex - 4).toFixed(1)}" y="${beside ? sy + 4 : sy - 3}" text-anchor="${beside ? 'start' : 'end'}">${label}</text></g>`;
    sy += 18;
  }
  return s;
}

/** The strip as SVG, or undefined when the document has no times to draw. */
export function timelineStrip(marks: TimelineMarks, opts: { width?: number; title?: string } = {}): string | undefined {
  const width = opts.width ?? 720;
  const points = [marks.started, marks.detected, marks.mitigated, marks.resolved, ...marks.updates.map((u) => u.at), ...marks.roleChanges.map((r) => r.at), ...marks.events].filter(
    (t): t is number => t !== undefined,
  );
  if (points.length === 0) return undefined;
  let t0 = Math.min(...points);
  let t1 = Math.max(...points);
  if (t1 - t0 < 60_000) {
    t0 -= 30 * 60_000;
    t1 += 30 * 60_000;
  }
  const sc: Scale = {
    x: (t) => LEFT + ((t - t0) / (t1 - t0)) * (width - LEFT - RIGHT),
    width,
    multiDay: new Date(t0).toISOString().slice(0, 10) !== new Date(t1).toISOString().slice(0, 10),
  };
  const spans = (
    [
      ['TTD', marks.detected],
      ['TTM', marks.mitigated],
      ['TTR', marks.resolved],
    ] as Array<[string, number | undefined]>
  ).filter((p): p is [string, number] => marks.started !== undefined && p[1] !== undefined && p[1] >= marks.started);
  const height = BAND_Y + BAND_H + 34 + spans.length * 18 + 6;
  const title = opts.title ?? 'Incident timeline';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="sr-chart sr-timeline" data-chart="timeline" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${width} ${height}" width="100%"><title>${escapeXml(title)}</title>` +
    bandSvg(marks, sc) +
    milestonesSvg(marks, sc) +
    marksSvg(marks, sc) +
    spansSvg(marks, spans, sc) +
    '</svg>'
  );
}

/** CSS for the strip's own shapes (the chart colours come from chartCss). */
function timelineCss(mode: 'vscode' | 'standalone'): string {
  const fg = mode === 'vscode' ? 'var(--vscode-foreground, #1f2328)' : '#59636e';
  const band = mode === 'vscode' ? 'var(--vscode-editorWidget-border, #d1d9e0)' : '#d1d9e0';
  return `.sr-timeline{max-width:${720}px;height:auto}
.sr-timeline .sr-band{fill:${band};opacity:.5}
.sr-timeline .sr-mark{stroke:${fg};stroke-width:1.5}
.sr-timeline .sr-event{fill:${fg};opacity:.55}
.sr-timeline .sr-update{fill:${mode === 'vscode' ? 'var(--vscode-charts-blue, #0969da)' : '#0969da'}}
.sr-timeline .sr-role{fill:${mode === 'vscode' ? 'var(--vscode-charts-purple, #8250df)' : '#8250df'}}
.sr-timeline .sr-s0,.sr-timeline .sr-s1,.sr-timeline .sr-s2{opacity:.85}
`;
}

/** The stylesheet the Markdown preview loads for the strip (media/preview-timeline.css; a test keeps them equal). */
export function previewCss(): string {
  return `/* Generated from previewCss() in src/core/report/timeline.ts: the timeline picture in the Markdown preview. */\n.sitrep-timeline{margin:8px 0 16px}\n${chartCss('vscode')}${timelineCss('vscode')}`;
}
