/**
 * Dates, clock times and zones as people write them in postmortems: ISO and written dates,
 * 24-hour and am/pm times, zone names and offsets. Pure readers over a string at a position;
 * every expression is anchored (sticky) so nothing is tried at every position of a long line.
 */

/** Zone abbreviations Sitrep resolves, with their offset from UTC in minutes (documented in docs/format.md). */
const ZONES: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  IST: 330,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  GST: 240,
  PKT: 300,
  ICT: 420,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  BRT: -180,
  ART: -180,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]);
}

export interface ReadDate {
  year?: number;
  month: number;
  day: number;
  /** Characters read from the position. */
  length: number;
  /** False when the year is given and the day does not exist (2026-09-31). */
  valid: boolean;
  /** Read as a numeric month-day (`03-26`), whose year comes from context. */
  monthDay?: boolean;
}

export interface ReadClock {
  hour: number;
  minute: number;
  second: number;
  length: number;
}

export interface ReadZone {
  /** Minutes east of UTC (standard time for a zone with daylight saving). */
  offset: number;
  text: string;
  length: number;
  /** Daylight-saving rule of a named zone ("Pacific Time", "Europe/London"): one hour more in summer. */
  dst?: 'us' | 'eu';
}

/**
 * Zones named by region rather than abbreviation, whose offset depends on the date: US zones
 * follow the US daylight-saving rule, European ones the EU rule.
 */
const NAMED_ZONES: Array<[RegExp, number, 'us' | 'eu' | undefined]> = [
  [/Pacific Standard Time(?![A-Za-z])/y, -480, undefined],
  [/Pacific Daylight Time(?![A-Za-z])/y, -420, undefined],
  [/Mountain Standard Time(?![A-Za-z])/y, -420, undefined],
  [/Mountain Daylight Time(?![A-Za-z])/y, -360, undefined],
  [/Central Standard Time(?![A-Za-z])/y, -360, undefined],
  [/Central Daylight Time(?![A-Za-z])/y, -300, undefined],
  [/Eastern Standard Time(?![A-Za-z])/y, -300, undefined],
  [/Eastern Daylight Time(?![A-Za-z])/y, -240, undefined],
  [/Greenwich Mean Time(?![A-Za-z])/y, 0, undefined],
  [/British Summer Time(?![A-Za-z])/y, 60, undefined],
  [/(?:Europe\/(?:Berlin|Paris|Amsterdam|Madrid|Rome|Stockholm|Oslo|Copenhagen|Vienna|Zurich|Brussels|Warsaw|Prague)|Central European(?: Summer)? Time)(?![A-Za-z])/y, 60, 'eu'],
  [/(?:US\/Pacific|America\/Los_Angeles|Pacific(?: Time)?|PT)(?![A-Za-z])/y, -480, 'us'],
  [/(?:US\/Mountain|America\/Denver|Mountain(?: Time)?|MT)(?![A-Za-z])/y, -420, 'us'],
  [/(?:US\/Central|America\/Chicago|Central(?: Time)?|CT)(?![A-Za-z])/y, -360, 'us'],
  [/(?:US\/Eastern|America\/New_York|Eastern(?: Time)?|ET)(?![A-Za-z])/y, -300, 'us'],
  [/(?:Europe\/London|Europe\/Dublin|Europe\/Lisbon|UK time|London time)(?![A-Za-z])/y, 0, 'eu'],
  [/Europe\/(?:Helsinki|Athens|Kyiv|Kiev|Bucharest|Sofia|Riga|Tallinn|Vilnius)(?![A-Za-z])/y, 120, 'eu'],
  [/(?:Asia\/Tokyo|Japan(?: Standard)? Time)(?![A-Za-z])/y, 540, undefined],
  [/(?:Asia\/Kolkata|India(?: Standard)? Time)(?![A-Za-z])/y, 330, undefined],
  [/(?:Asia\/Singapore|Asia\/Hong_Kong|Asia\/Shanghai)(?![A-Za-z])/y, 480, undefined],
  [/(?:Etc\/UTC|Coordinated Universal Time|Universal Time)(?![A-Za-z])/y, 0, undefined],
];

/** Epoch ms of the n-th (or last, n = -1) Sunday of a month at an hour UTC. */
function sunday(year: number, month: number, n: number, hourUtc: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    const day = 1 + ((7 - first) % 7) + (n - 1) * 7;
    return Date.UTC(year, month - 1, day, hourUtc);
  }
  const lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), hourUtc);
}

/** The offset in force at a UTC instant (approximately local) for a zone with a daylight rule. */
export function offsetAt(zone: ReadZone, utcGuess: number): number {
  if (!zone.dst) return zone.offset;
  const year = new Date(utcGuess).getUTCFullYear();
  let start: number, end: number;
  if (zone.dst === 'eu') {
    start = sunday(year, 3, -1, 1);
    end = sunday(year, 10, -1, 1);
  } else {
    // 02:00 local standard time, second Sunday of March to first Sunday of November.
    start = sunday(year, 3, 2, 2) - zone.offset * 60_000;
    end = sunday(year, 11, 1, 1) - zone.offset * 60_000;
  }
  return utcGuess >= start && utcGuess < end ? zone.offset + 60 : zone.offset;
}

const ISO_DATE = /(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/y;
const DAY_MONTH = /(\d{1,2})(?:st|nd|rd|th)?\s{1,3}([A-Za-z]{3,9})\.?(?:,?\s{1,3}(\d{4}))?(?!\w)/y;
const MONTH_DAY = /([A-Za-z]{3,9})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?(?:,?\s{1,3}(\d{4}))?(?![\w:])/y;
const NUM_MONTH_DAY = /(\d{2})-(\d{2})(?![\d:-])/y;
const WEEKDAY = /(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?,?\s{1,3}/iy;

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/**
 * A date at `at`: `2026-03-17`, `2026/3/17`, `17 March 2026`, `March 17, 2026`, `Mar 3` (no year),
 * optionally after a weekday ("Tuesday, 17 March 2026"). `monthDay` also reads `03-26` (no year).
 */
export function readDate(s: string, at: number, monthDay = false): ReadDate | undefined {
  let start = at;
  const wd = sticky(WEEKDAY, s, at);
  if (wd) start += wd[0].length;
  let m = sticky(ISO_DATE, s, start);
  if (m) {
    const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
    return { year, month, day, length: start - at + m[0].length, valid: validDay(year, month, day) };
  }
  m = sticky(DAY_MONTH, s, start);
  if (m && MONTHS[m[2].toLowerCase()]) {
    const month = MONTHS[m[2].toLowerCase()], day = Number(m[1]);
    const year = m[3] ? Number(m[3]) : undefined;
    return { year, month, day, length: start - at + m[0].length, valid: validDay(year ?? 2000, month, day) };
  }
  m = sticky(MONTH_DAY, s, start);
  if (m && MONTHS[m[1].toLowerCase()]) {
    const month = MONTHS[m[1].toLowerCase()], day = Number(m[2]);
    const year = m[3] ? Number(m[3]) : undefined;
    return { year, month, day, length: start - at + m[0].length, valid: validDay(year ?? 2000, month, day) };
  }
  if (monthDay && !wd) {
    m = sticky(NUM_MONTH_DAY, s, at);
    if (m) {
      const month = Number(m[1]), day = Number(m[2]);
      if (month >= 1 && month <= 12) return { month, day, length: m[0].length, valid: validDay(2000, month, day), monthDay: true };
    }
  }
  return undefined;
}

const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:\s?([AP])\.?M\.?(?![A-Z]))?(?!\d)/iy;

/** A clock time at `at`: `16:37`, `16:37:05`, `4:37 PM`, `4:37pm`. */
export function readClock(s: string, at: number): ReadClock | undefined {
  const m = sticky(CLOCK, s, at);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] ? Number(m[3]) : 0;
  if (m[4]) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = m[4].toLowerCase() === 'p';
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second, length: m[0].length };
}

const OFFSET = /(?:UTC|GMT)?([+\-−])(\d{1,2})(?::?(\d{2}))?(?!\d)/y;
const WORD = /[A-Z]{1,5}(?![A-Za-z])/y;

/** A zone at `at`: `Z`, `UTC`, `GMT`, `UTC+1`, `+01:00`, `-0500`, or an abbreviation from the table. */
export function readZone(s: string, at: number): ReadZone | undefined {
  const o = sticky(OFFSET, s, at);
  if (o && (o[3] !== undefined || /^(?:UTC|GMT)/.test(o[0]) || o[2].length === 2)) {
    const sign = o[1] === '+' ? 1 : -1;
    const h = Number(o[2]), mi = o[3] ? Number(o[3]) : 0;
    if (h <= 14 && mi < 60) return { offset: sign * (h * 60 + mi), text: o[0], length: o[0].length };
  }
  for (const [re, offset, dst] of NAMED_ZONES) {
    const n = sticky(re, s, at);
    if (n) return { offset, text: n[0], length: n[0].length, dst };
  }
  const w = sticky(WORD, s, at);
  if (w && Object.prototype.hasOwnProperty.call(ZONES, w[0])) {
    if (w[0] === 'Z' && at > 0 && /\s/.test(s[at - 1] ?? '') && !/\d/.test(s[at - 2] ?? '')) return undefined;
    return { offset: ZONES[w[0]], text: w[0], length: w[0].length };
  }
  return undefined;
}

/** The first zone named anywhere in a short text ("Timeline (all times UTC)", "All times in CET."). */
export function findZone(text: string): ReadZone | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '+' && c !== '-' && !(c >= 'A' && c <= 'Z')) continue;
    if (i > 0 && /[A-Z0-9]/i.test(text[i - 1])) continue;
    if (c === '+' || c === '-') {
      if (!/(?:UTC|GMT)$/.test(text.slice(Math.max(0, i - 3), i))) continue;
    }
    const z = readZone(text, i);
    if (z && z.text !== 'Z') return z;
  }
  return undefined;
}

/** Epoch ms of a wall-clock time in a zone (daylight saving applied for named zones), or undefined when the date does not exist. */
export function instant(year: number, month: number, day: number, clock: ReadClock, zone: ReadZone | number): number | undefined {
  if (!validDay(year, month, day)) return undefined;
  const local = Date.UTC(year, month - 1, day, clock.hour, clock.minute, clock.second);
  if (typeof zone === 'number') return local - zone * 60_000;
  return local - offsetAt(zone, local - zone.offset * 60_000) * 60_000;
}

/** The YYYY-MM-DD of a date with a year. */
export function isoDate(d: { year?: number; month: number; day: number }): string | undefined {
  if (d.year === undefined) return undefined;
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * A due date as written in a field: a calendar date with a year (ISO or written) at its start.
 * Returns the YYYY-MM-DD, or a reason it is not a calendar date.
 */
export function readDueDate(value: string): { date?: string; problem?: string } {
  const t = value.trim().replace(/^[*_`(\s]+/, '').replace(/(?<![*_`).;,\s])[*_`).;,\s]+$/, '');
  if (t === '') return { problem: 'is empty' };
  const d = readDate(t, 0);
  if (!d) return { problem: 'is not a calendar date' };
  if (d.year === undefined) return { problem: 'has no year' };
  if (!d.valid) return { problem: 'is not a real date' };
  // What follows the date ("(moved from 2026-05-01)", a time) does not change it.
  return { date: isoDate(d) };
}
