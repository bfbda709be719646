/**
 * Response metrics: time to detect, mitigate and resolve per incident (from when impact started),
 * their medians per month and severity, and whether status updates kept their cadence.
 */
import { formatTimestamp } from '../time';
import { median, type IncidentRecord } from './records';
import type { IncidentResponse, LearningReport, MonthSeverity } from './schema';

const MINUTE = 60_000;

function minutesBetween(from: number | undefined, to: number | undefined): number | undefined {
  if (from === undefined || to === undefined || to < from) return undefined;
  return Math.round((to - from) / MINUTE);
}

/**
 * Status updates due and on time for one incident. Only incidents with an incident document are
 * judged (its cadence is known). The first update is due one cadence after detection (else the
 * start); each next one when the previous update said ("Next update"), else one cadence after it.
 * An update posted by its due time is on time. Each due time that passes with no update counts as
 * one missed update, up to resolution (else mitigation); an incident with neither counts at most
 * one missed update after its last one, up to `now`.
 */
export function updateCadence(r: IncidentRecord, now: number): { due: number; onTime: number } {
  const inc = r.incident;
  if (!inc || !inc.cadenceMinutes) return { due: 0, onTime: 0 };
  const cad = inc.cadenceMinutes * MINUTE;
  let stamps = inc.statusUpdates.filter((u) => u.at !== undefined).map((u) => ({ at: u.at!, next: u.nextUpdate }));
  if (!stamps.length) {
    const fromTimeline = [...inc.timeline, ...(r.postmortem?.timeline ?? [])].filter((e) => e.kind === 'status-update' && e.at !== undefined);
    stamps = fromTimeline.map((e) => ({ at: e.at!, next: undefined }));
  }
  stamps.sort((a, b) => a.at - b.at);
  const start = r.detected ?? r.started;
  let dueAt = start !== undefined ? start + cad : undefined;
  let due = 0;
  let onTime = 0;
  for (const u of stamps) {
    if (dueAt === undefined || u.at <= dueAt) {
      due++;
      onTime++;
    } else {
      due += Math.ceil((u.at - dueAt) / cad);
    }
    dueAt = u.next !== undefined && u.next > u.at ? u.next : u.at + cad;
  }
  const end = r.resolved ?? r.mitigated;
  if (dueAt !== undefined) {
    if (end !== undefined) {
      if (end > dueAt) due += Math.ceil((end - dueAt) / cad);
    } else if (now > dueAt) {
      due += 1;
    }
  }
  return { due, onTime };
}

export function responseMetrics(records: readonly IncidentRecord[], now: number): LearningReport['response'] {
  const incidents: IncidentResponse[] = [];
  let due = 0;
  let onTime = 0;
  const months = new Map<string, { row: MonthSeverity; ttd: number[]; ttm: number[]; ttr: number[] }>();
  for (const r of records) {
    const row: IncidentResponse = { title: r.title, updates_due: 0, updates_on_time: 0 };
    if (r.id) row.id = r.id;
    if (r.severity) row.severity = r.severity;
    if (r.started !== undefined) row.month = new Date(r.started).toISOString().slice(0, 7);
    if (r.incident) row.incident_path = r.incident.path;
    if (r.postmortem) row.postmortem_path = r.postmortem.path;
    for (const k of ['started', 'detected', 'mitigated', 'resolved'] as const) if (r[k] !== undefined) row[k] = formatTimestamp(r[k]!);
    const ttd = minutesBetween(r.started, r.detected);
    const ttm = minutesBetween(r.started, r.mitigated);
    const ttr = minutesBetween(r.started, r.resolved);
    if (ttd !== undefined) row.ttd_minutes = ttd;
    if (ttm !== undefined) row.ttm_minutes = ttm;
    if (ttr !== undefined) row.ttr_minutes = ttr;
    const c = updateCadence(r, now);
    row.updates_due = c.due;
    row.updates_on_time = c.onTime;
    due += c.due;
    onTime += c.onTime;
    incidents.push(row);
    if (row.month && r.severity) {
      const key = `${row.month} ${r.severity}`;
      let m = months.get(key);
      if (!m) {
        m = { row: { month: row.month, severity: r.severity, incidents: 0, median_ttd_minutes: null, median_ttm_minutes: null, median_ttr_minutes: null }, ttd: [], ttm: [], ttr: [] };
        months.set(key, m);
      }
      m.row.incidents++;
      if (ttd !== undefined) m.ttd.push(ttd);
      if (ttm !== undefined) m.ttm.push(ttm);
      if (ttr !== undefined) m.ttr.push(ttr);
    }
  }
  const byMonth = [...months.values()].map((m) => ({ ...m.row, median_ttd_minutes: median(m.ttd), median_ttm_minutes: median(m.ttm), median_ttr_minutes: median(m.ttr) }));
  byMonth.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.severity < b.severity ? -1 : 1));
  const all = (k: 'ttd_minutes' | 'ttm_minutes' | 'ttr_minutes') => median(incidents.map((i) => i[k]).filter((v): v is number => v !== undefined));
  return {
    incidents,
    by_month: byMonth,
    median_ttd_minutes: all('ttd_minutes'),
    median_ttm_minutes: all('ttm_minutes'),
    median_ttr_minutes: all('ttr_minutes'),
    cadence: { due, on_time: onTime, share: due ? onTime / due : null },
  };
}
