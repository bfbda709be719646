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
}

const OPENERS = ['**', '__', '`', '*', '_', '['];
const APPROX = /(?:around|about|approx\.?|approximately|circa|ca\.|roughly|~)\s*/iy;
const DATE_TIME_SEP = /T|,?\s{1,8}(?:at\s{1,3})?|\s{0,3}[@,]\s{0,3}|\s{0,3}\|\s{0,3}/y;
const ZONE_GAP = /\s{0,2}/y;
const VAGUE =
  /\(?(?:early |late |mid-?)?(?:morning|afternoon|evening|night|noon|midday|midnight|lunchtime|lunch|overnight|dawn|dusk|end of day|eod|later|earlier|that day|the next day)\)?|\d{1,2}\s?(?:[ap]m)?-?ish|\d{1,2}\s?[ap]m\b/iy;
const RANGE_END = /\s?[–—-]\s?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]\.?M\.?)?(?![\d:])/iy;
const ZONE_AFTER_CLOCK = /\s{0,2}(?:Z|UTC|GMT|[A-Z]{2,5}\b|[+-]\d{2}:?\d{2})/y;
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
  const start = c;
  const stamp: Stamp = { start, end: start, rest: start, approximate: !!approx };
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
  }
  const close = sticky(CLOSERS, line, c);
  if (close) c += close[0].length;
  const sep = sticky(SEPARATOR, line, c);
  if (sep) c += sep[0].length;
  stamp.rest = c;
  return stamp;
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

export function stampRange(lineNo: number, s: Stamp): Range {
  return { line: lineNo, column: s.start, endLine: lineNo, endColumn: Math.max(s.start, s.end) };
}
