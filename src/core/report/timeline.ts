/**
 * The picture of one incident's timeline: an SVG strip from start to resolution with detection and
 * mitigation marked, the phases shaded, TTD/TTM/TTR spans, status updates as ticks and role
 * changes as diamonds. Data from one ReportDoc (front-matter times, else timeline kinds).
 */
import { formatDuration } from '../time';
import { chartCss, clip, escapeXml } from './charts';
import type { ReportDoc } from './types';

export interface TimelineMarks {
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
  const left = 16, right = 16;
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (width - left - right);
  const multiDay = new Date(t0).toISOString().slice(0, 10) !== new Date(t1).toISOString().slice(0, 10);
  const bandY = 42, bandH = 18;
  const spans: Array<[string, number | undefined]> = [
    ['TTD', marks.detected],
    ['TTM', marks.mitigated],
    ['TTR', marks.resolved],
  ];
  const shownSpans = marks.started !== undefined ? spans.filter(([, t]) => t !== undefined && t >= marks.started!) : [];
  const height = bandY + bandH + 34 + shownSpans.length * 18 + 6;
  const title = opts.title ?? 'Incident timeline';
  let s = `<svg xmlns="http://www.w3.org/2000/svg" class="sr-chart sr-timeline" data-chart="timeline" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${width} ${height}" width="100%"><title>${escapeXml(title)}</title>`;

  // Phases: undetected (start → detection), detected (→ mitigation), mitigated (→ resolution).
  const phase = (from: number | undefined, to: number | undefined, cls: string, name: string) => {
    if (from === undefined || to === undefined || to <= from) return;
    s += `<rect class="${cls}" x="${x(from).toFixed(1)}" y="${bandY}" width="${(x(to) - x(from)).toFixed(1)}" height="${bandH}"><title>${escapeXml(`${name}: ${formatDuration(to - from)}`)}</title></rect>`;
  };
  s += `<rect class="sr-band" x="${left}" y="${bandY}" width="${width - left - right}" height="${bandH}"/>`;
  phase(marks.started, marks.detected ?? marks.mitigated ?? marks.resolved, 'sr-s0', 'Impact before detection');
  phase(marks.detected, marks.mitigated ?? marks.resolved, 'sr-s1', 'Detected, not yet mitigated');
  phase(marks.mitigated, marks.resolved, 'sr-s2', 'Mitigated, not yet resolved');
  for (const e of marks.events) s += `<circle class="sr-event" cx="${x(e).toFixed(1)}" cy="${bandY + bandH / 2}" r="1.6"/>`;

  // Milestones with labels above the band; a label too close to the previous one moves up a row.
  const milestones: Array<[string, number | undefined]> = [
    ['Start', marks.started],
    ['Detected', marks.detected],
    ['Mitigated', marks.mitigated],
    ['Resolved', marks.resolved],
  ];
  let lastX = -Infinity;
  let row = 0;
  for (const [name, t] of milestones) {
    if (t === undefined) continue;
    const mx = x(t);
    row = mx - lastX < 96 ? (row + 1) % 2 : 0;
    lastX = mx;
    const ly = row ? 12 : 28;
    const anchor = mx < 60 ? 'start' : mx > width - 60 ? 'end' : 'middle';
    s += `<g class="sr-milestone" data-mark="${name.toLowerCase()}"><title>${escapeXml(`${name} ${new Date(t).toISOString().replace('.000Z', 'Z')}`)}</title>`;
    s += `<line class="sr-mark" x1="${mx.toFixed(1)}" x2="${mx.toFixed(1)}" y1="${ly + 3}" y2="${bandY + bandH + 4}"/>`;
    s += `<text class="sr-label" x="${mx.toFixed(1)}" y="${ly}" text-anchor="${anchor}">${name} ${clock(t, multiDay)}</text></g>`;
  }

  // Status updates (ticks) and role changes (diamonds) under the band.
  const ty = bandY + bandH + 4;
  for (const u of marks.updates) {
    const ux = x(u.at).toFixed(1);
    s += `<path class="sr-update" d="M${ux} ${ty} l-4 8 h8 z"><title>${escapeXml(`Status update ${clock(u.at, true)}`)}</title></path>`;
  }
  for (const r of marks.roleChanges) {
    const rx = x(r.at);
    s += `<path class="sr-role" d="M${rx.toFixed(1)} ${ty + 10} l5 5 l-5 5 l-5 -5 z"><title>${escapeXml(`${clock(r.at, true)} ${clip(r.text, 80)}`)}</title></path>`;
  }

  // TTD / TTM / TTR as spans from the start.
  let sy = ty + 28;
  for (const [name, t] of shownSpans) {
    const sx = x(marks.started!);
    const ex = x(t!);
    const label = `${name} ${formatDuration(t! - marks.started!)}`;
    s += `<g class="sr-span" data-span="${name.toLowerCase()}"><line class="sr-mark" x1="${sx.toFixed(1)}" x2="${ex.toFixed(1)}" y1="${sy}" y2="${sy}"/>`;
    s += `<line class="sr-mark" x1="${ex.toFixed(1)}" x2="${ex.toFixed(1)}" y1="${sy - 4}" y2="${sy + 4}"/>`;
    // Beside the end of the span when there is room, else above the span's end.
    const beside = ex + 6 + label.length * 6.5 <= width;
    s += `<text class="sr-tick" x="${(beside ? ex + 6 : ex - 4).toFixed(1)}" y="${beside ? sy + 4 : sy - 3}" text-anchor="${beside ? 'start' : 'end'}">${label}</text></g>`;
    sy += 18;
  }
  // Legend for the marks that are drawn.
  const legend: string[] = [];
  if (marks.updates.length) legend.push(`▲ status update ×${marks.updates.length}`);
  if (marks.roleChanges.length) legend.push(`◆ role change ×${marks.roleChanges.length}`);
  if (legend.length) s += `<text class="sr-tick" x="${width - right}" y="${bandY + bandH + 24}" text-anchor="end">${escapeXml(legend.join('   '))}</text>`;
  return s + '</svg>';
}

/** CSS for the strip's own shapes (the chart colours come from chartCss). */
export function timelineCss(mode: 'vscode' | 'standalone'): string {
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
