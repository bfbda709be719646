/**
 * Reading the time that leads a timeline entry or an update: a date, a clock time and a zone in
 * the shapes people write ("2026-03-17 16:37 UTC", "[03-26 16:37]", "**4:37 PM**", "17 March
 * 2026, 16:20 GMT", "Around 19:10 UTC"), resolved against the context that gives what the entry
 * leaves out (a zone named once, a date given once for a group).
 */
import type { Range } from '../text';
import { instant, isoDate, readClock, readDate, readZone, type ReadClock, type ReadDate, type ReadZone } from './when';

export interface Stamp {
  /** Columns of what was read, wrappers excluded. */
  start: number;
  end: number;
  /** Column where the entry's text starts (after closers and the separator). */
  rest: number;
  date?: ReadDate;
  clock?: ReadClock;
  zone?: ReadZone;
  /** A time word that is not a clock time ("lunchtime", "late afternoon", "7pm-ish"). */
  vague?: string;
  approximate?: boolean;
  /** Days after the context's date, from a marker ("00:10 (next day)", "(+1)", "+1d", "D+1"). */
  dayOffset?: number;
}

const OPENERS = ['**', '__', '`', '*', '_', '['];
const APPROX = /(?:around|about|approx\.?|approximately|circa|ca\.|roughly|~)\s*/iy;
const DATE_TIME_SEP = /T|,?\s{1,8}(?:at\s{1,3})?|\s{0,3}[@,]\s{0,3}|\s{0,3}\|\s{0,3}/y;
const ZONE_GAP = /\s{0,2}/y;
const VAGUE =
  /\(?(?:early |late |mid-?)?(?:morning|afternoon|evening|night|noon|midday|midnight|lunchtime|lunch|overnight|dawn|dusk|end of day|eod|later|earlier|that day|the next day)\)?|\d{1,2}\s?(?:[ap]m)?-?ish|\d{1,2}\s?[ap]m\b/iy;
const RANGE_END = /\s?[–—-]\s?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]\.?M\.?)?(?![\d:])/iy;
const ZONE_AFTER_CLOCK = /\s{0,2}(?:Z|UTC|GMT|[A-Z]{2,5}\b|[+-]\d{2}:?\d{2})/y;
/** A next-day marker after the time: "(next day)", "(+1)", "(+1 day)", "+1d", "D+1", "[+1]". */
const DAY_AFTER = /\s{0,3}(?:\((?:(next) day|\+([1-9])(?:\s?(?:d|days?))?|D\+([1-9]))\)|\[\+([1-9])\]|\+([1-9])\s?d(?:ays?)?(?![a-z])|D\+([1-9])(?![\d:]))/iy;
/** A next-day marker before the time: "D+1 00:10", "(+1) 00:10". */
const DAY_BEFORE = /(?:D\+([1-9])|\(\+([1-9])\))\s{1,3}(?=\d)/iy;
/** Between a time and a date that follows it: "14:31 UTC, 20 Aug 2026", "14:31 UTC on 20 Aug 2026". */
const TIME_DATE_SEP = /,?\s{1,3}(?:on\s{1,3})?/y;
/** What may follow a date without a year after a time for it to count as the entry's date. */
const AFTER_SHORT_DATE = /\s{0,3}(?:[—–|:-]|$)/y;
const CLOSERS = /(?:\*\*|__|[`*_\]])*/y;
const SEPARATOR = /\s*(?:[—–|:,-]\s*)?/y;

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/**
 * Reads a stamp at column `col`; a numeric month-day (`[03-26 16:37]`) is read before a time.
 * Returns undefined when nothing time-like starts there.
 */
export function readStamp(line: string, col: number): Stamp | undefined {
  let c = col;
  let opener = '';
  for (const o of OPENERS) {
    if (line.startsWith(o, c)) {
      opener = o;
      c += o.length;
      break;
    }
  }
  const approx = sticky(APPROX, line, c);
  if (approx && (/\d/.test(line[c + approx[0].length] ?? '') || sticky(VAGUE, line, c + approx[0].length))) c += approx[0].length;
  const before = opener === '' ? sticky(DAY_BEFORE, line, c) : null;
  if (before) c += before[0].length;
  const start = c;
  const stamp: Stamp = { start: before ? col : start, end: start, rest: start, approximate: !!approx };
  if (before) stamp.dayOffset = Number(before[1] ?? before[2]);
  const date = readDate(line, c, opener === '[' || /^\d{2}-\d{2}\s+\d{1,2}:/.test(line.slice(c, c + 12)));
  if (date) {
    stamp.date = date;
    c += date.length;
    stamp.end = c;
    const sep = sticky(DATE_TIME_SEP, line, c);
    const at = sep ? c + sep[0].length : c;
    const clock = readClock(line, at);
    if (clock) {
      stamp.clock = clock;
      c = at + clock.length;
      stamp.end = c;
    } else {
      const v = sticky(VAGUE, line, at);
      if (v) {
        stamp.vague = v[0];
        c = at + v[0].length;
        stamp.end = c;
      }
    }
  } else {
    const clock = readClock(line, c);
    if (clock) {
      stamp.clock = clock;
      c += clock.length;
      stamp.end = c;
    } else {
      const v = sticky(VAGUE, line, c);
      if (!v || (opener === '' && !approx && !/^\d/.test(v[0]) && !isolated(line, c + v[0].length))) return undefined;
      if (approx) stamp.start = col + opener.length;
      stamp.vague = line.slice(stamp.start, c + v[0].length);
      c += v[0].length;
      stamp.end = c;
    }
  }
  if (stamp.clock) {
    // A range ("14:01–14:05 UTC", "14:01 - 14:05"): the entry starts at the first time; the zone follows the second.
    const range = sticky(RANGE_END, line, c);
    if (range && !sticky(ZONE_AFTER_CLOCK, line, c)) {
      c += range[0].length;
      stamp.end = c;
    }
    const gap = sticky(ZONE_GAP, line, c);
    const zat = c + (gap ? gap[0].length : 0);
    const zone = readZone(line, zat);
    if (zone && (zone.text !== 'Z' || zat === c)) {
      stamp.zone = zone;
      c = zat + zone.length;
      stamp.end = c;
    }
    if (!stamp.date) c = readDateAfterTime(line, c, stamp);
    const day = stamp.dayOffset === undefined ? sticky(DAY_AFTER, line, c) : null;
    if (day) {
      stamp.dayOffset = day[1] ? 1 : Number(day.slice(2).find((g) => g !== undefined));
      c += day[0].length;
      stamp.end = c;
    }
  }
  const close = sticky(CLOSERS, line, c);
  if (close) c += close[0].length;
  // A marker after the emphasis around the time: "**00:10** (+1)".
  const after = close && stamp.clock && stamp.dayOffset === undefined ? sticky(DAY_AFTER, line, c) : null;
  if (after) {
    stamp.dayOffset = after[1] ? 1 : Number(after.slice(2).find((g) => g !== undefined));
    c += after[0].length;
  }
  const sep = sticky(SEPARATOR, line, c);
  if (sep) c += sep[0].length;
  stamp.rest = c;
  return stamp;
}

/**
 * A date written after the time ("2:31 PM IST, 20 Aug 2026 — …", "14:31 UTC on 20 Aug 2026: …"),
 * then a zone after the date when the time had none. A date without a year counts only when a
 * separator follows it, so "10:05, May 3 deploy reverted" keeps its text. Returns the column after.
 */
function readDateAfterTime(line: string, c: number, stamp: Stamp): number {
  const sep = sticky(TIME_DATE_SEP, line, c);
  if (!sep || sep[0] === '') return c;
  const at = c + sep[0].length;
  const date = readDate(line, at);
  if (!date) return c;
  let end = at + date.length;
  if (date.year === undefined && !sticky(AFTER_SHORT_DATE, line, end)) return c;
  stamp.date = date;
  stamp.end = end;
  if (!stamp.zone) {
    const gap = sticky(ZONE_GAP, line, end);
    const zat = end + (gap ? gap[0].length : 0);
    const zone = zat > end ? readZone(line, zat) : undefined;
    if (zone && zone.text !== 'Z') {
      stamp.zone = zone;
      end = zat + zone.length;
      stamp.end = end;
    }
  }
  return end;
}

/** A vague word counts as a time only when a separator follows it ("lunchtime — …"). */
function isolated(line: string, at: number): boolean {
  return /^\s*(?:[—–|:,\-[]|$)/.test(line.slice(at, at + 3));
}

/** What the context of an entry supplies: a group date, a zone, and the document's year. */
export interface StampContext {
  date?: ReadDate & { from: string };
  zone?: ReadZone & { from: string };
  year?: number;
  /** Days after the context's date when the entry has no marker of its own (a timeline past midnight). */
  dayOffset?: number;
}

interface ResolvedStamp {
  at?: number;
  problem?: string;
  /** The date and zone used and where each came from, for hover and explain. */
  date?: string;
  dateFrom?: string;
  zone?: string;
  zoneFrom?: string;
}

/** Resolves a stamp with its context into an instant, or says what is missing. */
export function resolveStamp(stamp: Stamp, ctx: StampContext): ResolvedStamp {
  const out: ResolvedStamp = {};
  let date: ReadDate | undefined = stamp.date;
  if (date) out.dateFrom = 'the entry';
  else if (ctx.date) {
    date = ctx.date;
    out.dateFrom = ctx.date.from;
  }
  let zone: ReadZone | undefined = stamp.zone;
  if (zone) out.zoneFrom = 'the entry';
  else if (ctx.zone) {
    zone = ctx.zone;
    out.zoneFrom = ctx.zone.from;
  }
  if (zone) out.zone = zone.text;
  if (!stamp.clock) {
    out.problem = stamp.vague ? `gives "${stamp.vague.trim()}", not a clock time` : stamp.date ? 'has a date but no time' : 'has no time';
    return out;
  }
  if (!date) {
    out.problem = 'has no date';
    return out;
  }
  let year = date.year;
  if (year === undefined) {
    const fromEntry = date === stamp.date;
    if (fromEntry && !date.monthDay) {
      out.problem = 'has a date without a year';
      return out;
    }
    year = ctx.year;
    if (year === undefined) {
      out.problem = 'has a date without a year';
      return out;
    }
    out.dateFrom = `${out.dateFrom}, year from the document`;
  }
  const fromContext = date !== stamp.date;
  const days = fromContext ? (stamp.dayOffset ?? ctx.dayOffset ?? 0) : 0;
  if (days > 0 && validDate(year, date.month, date.day)) {
    const next = new Date(Date.UTC(year, date.month - 1, date.day + days));
    date = { ...date, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
    year = date.year!;
    const n = days === 1 ? 'the next day' : `${days} days later`;
    out.dateFrom = `${out.dateFrom}, ${n} (${stamp.dayOffset !== undefined ? 'marked on the entry' : 'past midnight'})`;
  }
  out.date = isoDate({ year, month: date.month, day: date.day });
  if (!zone) {
    out.problem = 'has no time zone';
    return out;
  }
  const at = instant(year, date.month, date.day, stamp.clock, zone);
  if (at === undefined) out.problem = 'is not a real date and time';
  else out.at = at;
  return out;
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function stampRange(lineNo: number, s: Stamp): Range {
  return { line: lineNo, column: s.start, endLine: lineNo, endColumn: Math.max(s.start, s.end) };
}
