/**
 * Times as a responder types them into a prompt — `15:45`, `15:45 UTC`, `3:45 pm CET`, `+15m`,
 * `-15m`, `in 15 min`, `20 min ago`, `now`, `2026-11-27 15:45`, full ISO — read with the parser's
 * own date, clock and zone readers (../parser/when.ts), and times shown back as people read them:
 * local clock time with UTC beside it. Pure: the caller passes `now` and the local zone.
 */
import { instant, readClock, readDate, readZone, type ReadZone } from '../parser/when';
import { formatDuration, parseTimestamp } from '../time';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The zone the UI shows times in: the machine's local zone, or UTC (the `sitrep.timeDisplay` setting). */
export interface DisplayZone {
  /** Minutes east of UTC in force at an instant. */
  offsetAt(ms: number): number;
  /** Short name of the zone at an instant ("CET", "GMT+1", "UTC"). */
  nameAt(ms: number): string;
}

export const UTC_ZONE: DisplayZone = { offsetAt: () => 0, nameAt: () => 'UTC' };

/** A zone at a fixed offset, named `name` (tests, and zones without a daylight-saving rule). */
export function fixedZone(offsetMinutes: number, name: string): DisplayZone {
  return { offsetAt: () => offsetMinutes, nameAt: () => name };
}

/** Whether the time asked for lies ahead (a next update, a checkpoint) or behind (impact start, detection). */
export type TimeDirection = 'future' | 'past';

interface TimeInputOptions {
  now: number;
  zone: DisplayZone;
  direction: TimeDirection;
}

export type TimeInput = { ok: true; at: number; understood: string } | { ok: false; problem: string };

const pad = (n: number) => String(n).padStart(2, '0');

function isUtc(zone: DisplayZone, at: number): boolean {
  return zone.offsetAt(at) === 0 && /^(?:UTC|GMT|Z)$/i.test(zone.nameAt(at));
}

/** Local calendar day (as a UTC midnight) of an instant in a zone. */
function localDay(ms: number, zone: DisplayZone): number {
  const local = ms + zone.offsetAt(ms) * MINUTE;
  return local - (((local % DAY) + DAY) % DAY);
}

/** "15:45" in a zone: what a prompt offers to accept as is. */
export function clock(ms: number, zone: DisplayZone): string {
  const d = new Date(ms + zone.offsetAt(ms) * MINUTE);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "15:45 CET", "tomorrow 09:00 CET", "yesterday 23:10 CET", "3 Dec 15:45 CET": relative to `now`'s day in that zone. */
export function zonedTime(ms: number, now: number, zone: DisplayZone): string {
  const days = Math.round((localDay(ms, zone) - localDay(now, zone)) / DAY);
  const d = new Date(ms + zone.offsetAt(ms) * MINUTE);
  const day = days === 0 ? '' : days === 1 ? 'tomorrow ' : days === -1 ? 'yesterday ' : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} `;
  return `${day}${clock(ms, zone)} ${zone.nameAt(ms)}`;
}

/** "15:45 CET (14:45 UTC)", or "14:45 UTC" when the zone shown is UTC. */
export function timeWithUtc(ms: number, now: number, zone: DisplayZone): string {
  const local = zonedTime(ms, now, zone);
  return isUtc(zone, ms) ? local : `${local} (${zonedTime(ms, now, UTC_ZONE)})`;
}

/** "in 12 min", "12 min ago", "in less than a minute", "now". */
export function relativeTime(ms: number, now: number): string {
  const d = ms - now;
  if (Math.abs(d) < 1000) return 'now';
  if (Math.abs(d) < MINUTE) return d > 0 ? 'in less than a minute' : 'less than a minute ago';
  return d > 0 ? `in ${formatDuration(d)}` : `${formatDuration(d)} ago`;
}

/** What a prompt understood: "15:45 CET = 14:45 UTC, in 12 min" (or "14:45 UTC, in 12 min" in UTC). */
function understoodText(at: number, now: number, zone: DisplayZone): string {
  const local = zonedTime(at, now, zone);
  const both = isUtc(zone, at) ? local : `${local} = ${zonedTime(at, now, UTC_ZONE)}`;
  return `${both}, ${relativeTime(at, now)}`;
}

const RELATIVE_PART = /(\d{1,4})\s*(h|hrs?|hours?|m|mins?|minutes?)(?![a-z])/iy;

/** `15m`, `1h 30m`, `90 min`, `an hour`: minutes, or undefined. */
function readAmount(s: string): number | undefined {
  const t = s.trim();
  if (/^(?:an?|one) hour$/i.test(t)) return 60;
  if (/^half an hour$/i.test(t)) return 30;
  let at = 0;
  let total = 0;
  let parts = 0;
  while (at < t.length) {
    RELATIVE_PART.lastIndex = at;
    const m = RELATIVE_PART.exec(t);
    if (!m) return undefined;
    total += /^h/i.test(m[2]) ? Number(m[1]) * 60 : Number(m[1]);
    parts++;
    at += m[0].length;
    while (t[at] === ' ' || t[at] === ',') at++;
    if (t.slice(at, at + 4).toLowerCase() === 'and ') at += 4;
  }
  return parts ? total : undefined;
}

/** `+15m`, `-15m`, `in 15 min`, `15 min ago`: an offset from now in minutes, or undefined. */
function readRelative(t: string): number | undefined {
  let m = /^([+-])\s*(\S.*)$/.exec(t);
  if (m) {
    const n = readAmount(m[2]);
    return n === undefined ? undefined : m[1] === '-' ? -n : n;
  }
  m = /^in\s+(\S.*)$/i.exec(t);
  if (m) return readAmount(m[1]);
  // "… ago": what comes before the blanks before "ago" (read without a lazy group that backtracks).
  const before = /\sago$/i.test(t) ? t.slice(0, -3).trimEnd() : '';
  if (before) {
    const n = readAmount(before);
    return n === undefined ? undefined : -n;
  }
  return undefined;
}

/** The instant of a wall-clock time on a local day in the display zone. */
function onLocalDay(day: number, h: number, mi: number, s: number, zone: DisplayZone): number {
  const wall = day + ((h * 60 + mi) * 60 + s) * 1000;
  // Two passes settle the offset on days the zone changes it.
  let at = wall - zone.offsetAt(wall) * MINUTE;
  at = wall - zone.offsetAt(at) * MINUTE;
  return at;
}

/** A clock time with an optional date before it and an optional zone after it, or undefined. */
function readClockTime(t: string, opts: TimeInputOptions): number | undefined | 'invalid' {
  let c = 0;
  const date = readDate(t, 0);
  if (date) {
    if (date.year === undefined || !date.valid) return 'invalid';
    c = date.length;
    if (t[c] === 'T' || t[c] === 't' || t[c] === ',') c++;
    while (t[c] === ' ') c++;
  }
  const cl = readClock(t, c);
  if (!cl) return undefined;
  c += cl.length;
  while (t[c] === ' ') c++;
  let zone: ReadZone | undefined;
  if (c < t.length) {
    zone = readZone(t, c);
    if (!zone || c + zone.length !== t.length) return 'invalid';
  }
  if (date) {
    const { year, month, day } = date as { year: number; month: number; day: number };
    if (zone) return instant(year, month, day, cl, zone);
    return onLocalDay(Date.UTC(year, month - 1, day), cl.hour, cl.minute, cl.second, opts.zone);
  }
  // No date: today in the zone meant, moved a day when it lies on the wrong side of now.
  const pick = (dayOf: (ms: number) => number, at: (day: number) => number | undefined): number | undefined => {
    const today = dayOf(opts.now);
    let v = at(today);
    if (v === undefined) return undefined;
    if (opts.direction === 'future' && v <= opts.now) v = at(today + DAY);
    else if (opts.direction === 'past' && v > opts.now) v = at(today - DAY);
    return v;
  };
  if (zone) {
    const z = zone;
    const shift = (ms: number) => ms + z.offset * MINUTE;
    return pick(
      (ms) => {
        const l = shift(ms);
        return l - (((l % DAY) + DAY) % DAY);
      },
      (day) => {
        const d = new Date(day);
        return instant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), cl, z);
      },
    );
  }
  return pick(
    (ms) => localDay(ms, opts.zone),
    (day) => onLocalDay(day, cl.hour, cl.minute, cl.second, opts.zone),
  );
}

const TIME_INPUT_HELP = 'a time like 15:45, 15:45 UTC, +15m, in 15 min, now, or 2026-11-27T15:45:00Z';

/**
 * Reads a typed time. A clock time without a date is today in the zone shown (or the zone typed),
 * or the next day when that has passed and the prompt asks for a time ahead (the previous day when
 * it asks for a time behind). Relative times count from `now`. Returns the instant and what was
 * understood, or why the text is not a usable time.
 */
export function readTimeInput(text: string, opts: TimeInputOptions): TimeInput {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return { ok: false, problem: `Enter ${TIME_INPUT_HELP}.` };
  let at: number | undefined;
  if (/^now$/i.test(t)) at = opts.now;
  else {
    at = parseTimestamp(t);
    if (at === undefined) {
      const rel = readRelative(t);
      if (rel !== undefined) at = opts.now + rel * MINUTE;
    }
    if (at === undefined) {
      const c = readClockTime(t, opts);
      if (c === 'invalid' || c === undefined) return { ok: false, problem: `"${t}" is not a time Sitrep reads: enter ${TIME_INPUT_HELP}.` };
      at = c;
    }
  }
  at = Math.floor(at / 1000) * 1000;
  if (opts.direction === 'future' && at <= opts.now) return { ok: false, problem: `${zonedTime(at, opts.now, opts.zone)} has passed: enter a time ahead (e.g. +15m).` };
  if (opts.direction === 'past' && at > opts.now + 1000) return { ok: false, problem: `${zonedTime(at, opts.now, opts.zone)} is in the future: enter when it happened (e.g. -15m or now).` };
  return { ok: true, at, understood: understoodText(at, opts.now, opts.zone) };
}
