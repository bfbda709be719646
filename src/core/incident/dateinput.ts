/**
 * Due dates as people type them into a prompt — `2026-12-15`, `15 Dec`, `Dec 15 2026`, `today`,
 * `tomorrow`, `+10d`, `+2w`, `in 3 days`, `in 2 weeks`, `friday`, `next fri` — read into a
 * calendar day (YYYY-MM-DD), with what was understood ("Fri 11 Dec 2026, in 10 days"). Written
 * dates use the parser's own date reader (../parser/when.ts). Pure: the caller passes `now` and
 * the zone whose calendar "today" belongs to.
 */
import { readDate } from '../parser/when';
import type { DisplayZone } from './timeinput';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HELP = 'a date like 2026-12-15, 15 Dec, tomorrow, +10d, in 2 weeks or friday';

export type DateInput = { ok: true; date: string; understood: string } | { ok: false; problem: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the zone, as days since 1970-01-01. */
function todayIn(now: number, zone: DisplayZone): number {
  return Math.floor((now + zone.offsetAt(now) * MINUTE) / DAY);
}

function isoDay(days: number): string {
  const d = new Date(days * DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY);
}

/** "in 10 days", "tomorrow", "today", "in 3 weeks" */
function fromToday(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days % 7 === 0 && days >= 14) return `in ${days / 7} weeks`;
  return `in ${days} days`;
}

/** `+10d`, `10d`, `in 3 days`, `+2w`, `in 2 weeks`: days from today, or undefined. */
function readOffset(t: string): number | undefined {
  const m = /^(?:\+|in )?(\d{1,3}) ?(d|days?|w|wks?|weeks?)$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2].startsWith('w') ? n * 7 : n;
}

/** `friday`, `fri`, `next friday`, `this fri`: the coming one (a week on when it is today), or undefined. */
function readWeekday(t: string, today: number): number | undefined {
  const m = /^(?:(?:next|this) )?([a-z]{3,9})$/.exec(t);
  if (!m) return undefined;
  const i = WEEKDAYS.findIndex((w) => w.startsWith(m[1]));
  if (i < 0) return undefined;
  const todayWeekday = (today + 4) % 7; // 1970-01-01 was a Thursday
  const ahead = (i - todayWeekday + 7) % 7 || 7;
  return today + ahead;
}

/** A written date (`2026-12-15`, `15 Dec`, `Dec 15 2026`); without a year, the next such day. */
function readWritten(t: string, today: number): number | 'invalid' | undefined {
  const d = readDate(t, 0);
  if (!d || d.length !== t.length) return undefined;
  if (!d.valid) return 'invalid';
  if (d.year !== undefined) return dayNumber(d.year, d.month, d.day);
  const year = new Date(today * DAY).getUTCFullYear();
  const thisYear = dayNumber(year, d.month, d.day);
  return thisYear >= today ? thisYear : dayNumber(year + 1, d.month, d.day);
}

/**
 * Reads a typed due date. Returns the day (YYYY-MM-DD) and what was understood, or why the text is
 * not a usable due date (not a date, not a real day, before today).
 */
export function readDueDate(text: string, opts: { now: number; zone: DisplayZone }): DateInput {
  const t = text.trim().replace(/\s+/g, ' ').replace(/[.,]$/, '').toLowerCase();
  if (t === '') return { ok: false, problem: `Enter ${HELP}.` };
  const today = todayIn(opts.now, opts.zone);
  let day: number | 'invalid' | undefined;
  if (t === 'today') day = today;
  else if (t === 'tomorrow') day = today + 1;
  else {
    const offset = readOffset(t);
    day = offset !== undefined ? today + offset : (readWeekday(t, today) ?? readWritten(t, today));
  }
  if (day === 'invalid') return { ok: false, problem: `"${text.trim()}" is not a real day.` };
  if (day === undefined) return { ok: false, problem: `"${text.trim()}" is not a date Sitrep reads: enter ${HELP}.` };
  if (day < today) return { ok: false, problem: `${isoDay(day)} is in the past: a due date is today or later.` };
  const d = new Date(day * DAY);
  const understood = `${SHORT_DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${fromToday(day - today)}`;
  return { ok: true, date: isoDay(day), understood };
}
