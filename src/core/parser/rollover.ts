/**
 * Timelines that run past midnight under one date ("## Timeline — 22 April 2026", then 23:55,
 * 00:10, 00:35): entries that take their date from the same context are moved to the next day
 * after the clock wraps, when the timeline is otherwise in order.
 */
import { resolveStamp, type Stamp, type StampContext } from './stamp';
import type { TimelineEntryNode } from './types';

/** An entry read from a stamp with the context it was resolved with. */
export interface StampedEntry {
  entry: TimelineEntryNode;
  stamp: Stamp;
  ctx: StampContext;
}

/** Late evening and early morning, in minutes of the written clock: a step back from one to the other wraps past midnight. */
const LATE = 20 * 60;
const EARLY = 4 * 60;

export function applyResolved(entry: TimelineEntryNode, stamp: Stamp, ctx: StampContext): void {
  const r = resolveStamp(stamp, ctx);
  entry.at = r.at;
  entry.timeProblem = r.problem;
  entry.read = { date: r.date, dateFrom: r.dateFrom, zone: r.zone, zoneFrom: r.zoneFrom };
}

/**
 * Moves entries past midnight. Within each group of entries dated by the same context (a heading,
 * a date line, a parent bullet), in line order: an entry's own marker ("(+1)") sets its day and the
 * entries after it follow; without a marker, a clock time before 04:00 right after one at or after
 * 20:00 that would otherwise go back in time starts the next day. This is kept only when the whole
 * group is then in order; a group out of order anyway (newest first, backfilled entries) keeps
 * only the entries' own markers, as read.
 */
export function rollOverMidnight(records: readonly StampedEntry[]): void {
  const groups = new Map<object, StampedEntry[]>();
  for (const r of records) {
    if (r.stamp.date || !r.stamp.clock || !r.ctx.date) continue;
    const g = groups.get(r.ctx.date);
    if (g) g.push(r);
    else groups.set(r.ctx.date, [r]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    g.sort((a, b) => a.entry.line - b.entry.line);
    const offsets: number[] = [];
    let carry = 0;
    let prev: { at?: number; minute: number } | undefined;
    for (const r of g) {
      const clock = r.stamp.clock!;
      const minute = clock.hour * 60 + clock.minute;
      let days = r.stamp.dayOffset ?? carry;
      let at = resolveStamp(r.stamp, { ...r.ctx, dayOffset: days }).at;
      if (r.stamp.dayOffset === undefined && prev && prev.at !== undefined && at !== undefined && prev.minute >= LATE && minute < EARLY && at < prev.at) {
        days += 1;
        at = resolveStamp(r.stamp, { ...r.ctx, dayOffset: days }).at;
      }
      carry = days;
      offsets.push(days);
      if (at !== undefined) prev = { at, minute };
      else prev = { minute };
    }
    if (!inOrder(g, offsets)) continue;
    g.forEach((r, i) => {
      if (offsets[i] !== (r.stamp.dayOffset ?? 0)) applyResolved(r.entry, r.stamp, { ...r.ctx, dayOffset: offsets[i] });
    });
  }
}

/** The instants of a group with these day offsets never go back. */
function inOrder(g: readonly StampedEntry[], offsets: readonly number[]): boolean {
  let last = -Infinity;
  for (let i = 0; i < g.length; i++) {
    const at = resolveStamp(g[i].stamp, { ...g[i].ctx, dayOffset: offsets[i] }).at;
    if (at === undefined) continue;
    if (at < last) return false;
    last = at;
  }
  return true;
}
