/**
 * Incident records: an incident document and its postmortem joined into one incident, with the
 * times, severity and title the report uses, and the window that decides which ones count.
 */
import type { Severity } from '../model/schemas';
import type { ReportDoc } from './types';

export interface IncidentRecord {
  /** Stable key: the incident id (lower case), else the first document's path. */
  key: string;
  id?: string;
  title: string;
  severity?: Severity;
  incident?: ReportDoc;
  postmortem?: ReportDoc;
  started?: number;
  detected?: number;
  mitigated?: number;
  resolved?: number;
  /** When the record sits in time: started, else detected, else the earliest timeline entry. */
  at?: number;
  restricted: boolean;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function firstOfKind(docs: Array<ReportDoc | undefined>, kind: string): number | undefined {
  for (const d of docs) {
    if (!d) continue;
    let best: number | undefined;
    for (const e of d.timeline) if (e.kind === kind && e.at !== undefined && (best === undefined || e.at < best)) best = e.at;
    if (best !== undefined) return best;
  }
  return undefined;
}

function earliest(docs: Array<ReportDoc | undefined>): number | undefined {
  let best: number | undefined;
  for (const d of docs) for (const e of d?.timeline ?? []) if (e.at !== undefined && (best === undefined || e.at < best)) best = e.at;
  return best;
}

/**
 * Joins documents into incidents: a postmortem joins the incident whose id its `incident` key
 * names, else the incident whose `postmortem` key names it, else an incident document in the same
 * folder. A document that joins nothing is an incident of its own. Documents are taken in path order.
 */
export function joinRecords(docs: readonly ReportDoc[]): IncidentRecord[] {
  const sorted = [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const records: IncidentRecord[] = [];
  const byId = new Map<string, IncidentRecord>();
  const byPostmortemPath = new Map<string, IncidentRecord>();
  const byDir = new Map<string, IncidentRecord>();
  for (const d of sorted) {
    if (d.kind !== 'incident') continue;
    const r: IncidentRecord = { key: d.incidentId?.toLowerCase() ?? d.path, id: d.incidentId, title: d.title, incident: d, restricted: false };
    records.push(r);
    if (d.incidentId && !byId.has(d.incidentId.toLowerCase())) byId.set(d.incidentId.toLowerCase(), r);
    else if (d.incidentId) r.key = d.path;
    if (d.postmortemPath) byPostmortemPath.set(d.postmortemPath, r);
    if (!byDir.has(dirOf(d.path))) byDir.set(dirOf(d.path), r);
  }
  for (const d of sorted) {
    if (d.kind !== 'postmortem') continue;
    const candidates = [d.incidentId ? byId.get(d.incidentId.toLowerCase()) : undefined, byPostmortemPath.get(d.path), byDir.get(dirOf(d.path))];
    const r = candidates.find((c) => c && !c.postmortem);
    if (r) r.postmortem = d;
    else records.push({ key: d.path, id: d.incidentId, title: d.title, postmortem: d, restricted: false });
  }
  for (const r of records) finish(r);
  return records;
}

function finish(r: IncidentRecord): void {
  const i = r.incident, p = r.postmortem;
  const docs = [i, p];
  r.id = i?.incidentId ?? p?.incidentId;
  r.title = p?.title ?? i?.title ?? r.title;
  r.severity = p?.severity ?? i?.severity;
  r.started = i?.started ?? p?.started;
  r.detected = i?.detected ?? p?.detected ?? firstOfKind(docs, 'detection');
  r.mitigated = i?.mitigated ?? p?.mitigated ?? firstOfKind(docs, 'mitigation');
  r.resolved = i?.resolved ?? p?.resolved ?? firstOfKind(docs, 'resolution');
  r.at = r.started ?? r.detected ?? earliest(docs);
  r.restricted = !!(i?.restricted || p?.restricted);
}

interface Window {
  since: number;
  until: number;
}

export const DAY = 86_400_000;

/** Midnight UTC of the day holding `t`. */
export function dayStart(t: number): number {
  return Math.floor(t / DAY) * DAY;
}

interface LeftOut {
  path: string;
  reason: string;
}

/** The records that count in the window, and the documents left out with the reason. */
export function inWindow(records: readonly IncidentRecord[], window: Window): { records: IncidentRecord[]; leftOut: LeftOut[] } {
  const kept: IncidentRecord[] = [];
  const leftOut: LeftOut[] = [];
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  for (const r of records) {
    const paths = [r.incident?.path, r.postmortem?.path].filter((p): p is string => !!p);
    let reason: string | undefined;
    if (r.restricted) reason = 'restricted incident (protected track): left out of reports';
    else if (r.at === undefined) reason = 'no start time (front matter "started", or a timeline entry with a full timestamp)';
    else if (r.at < window.since) reason = `started ${day(r.at)}, before the window`;
    else if (r.at > window.until) reason = `started ${day(r.at)}, after the report date`;
    if (reason) for (const p of paths) leftOut.push({ path: p, reason });
    else kept.push(r);
  }
  kept.sort((a, b) => (a.at! - b.at!) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  leftOut.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { records: kept, leftOut };
}

/** Median of a list of numbers, or null when empty. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
