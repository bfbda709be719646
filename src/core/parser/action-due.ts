/**
 * The due date of an action item as written in its field: a calendar date, possibly re-planned
 * (`~~2026-05-15~~ 2026-06-05`, `2026-12-10 → 2027-01-15`: the last date counts), possibly
 * numeric with the day or the month first (`15/12/2026`, `12/15/2026`, `15.12.2026`), which is
 * read only when the two readings cannot be confused.
 */
import { readDate, readDueDate } from './when';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `15/12/2026`, `12/15/2026`, `15.12.2026`, `15-12-2026`: two numbers and a four-digit year. */
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/;

interface NumericDate {
  date?: string;
  problem?: string;
}

/**
 * A numeric date at the start of `t`, or undefined when there is none. When both numbers could
 * be the month and they differ, the problem names the two days it could be.
 */
function readNumericDate(t: string): NumericDate | undefined {
  const m = NUMERIC.exec(t);
  if (!m) return undefined;
  const a = Number(m[1]), b = Number(m[3]), y = Number(m[4]);
  const dayFirst = realDay(y, b, a);
  const monthFirst = realDay(y, a, b);
  if (dayFirst && monthFirst && a !== b) {
    return { problem: `is ambiguous: ${a} ${MONTH_NAMES[b - 1]} ${y} or ${b} ${MONTH_NAMES[a - 1]} ${y}` };
  }
  if (dayFirst) return { date: iso(y, b, a) };
  if (monthFirst) return { date: iso(y, a, b) };
  return { problem: 'is not a real date' };
}

/** Arrows that say a date was moved: the one after the last arrow counts. */
const ARROW = /[→⟶⇒]|->|=>/;

/**
 * The date a due field means now: struck-out dates dropped, the last of a chain of re-plans kept.
 * Returns the text to read (still written as the author wrote it otherwise).
 */
function currentDueText(raw: string): string {
  let t = raw;
  if (t.includes('~~')) {
    const kept = t.replace(/~~[^~]*~~/g, ' ');
    if (/[0-9a-z]/i.test(kept)) t = kept;
  }
  const parts = t.split(ARROW).map((p) => p.trim()).filter((p) => /\S/.test(p.replace(/[*_`~()]/g, '')));
  if (parts.length > 1) t = parts[parts.length - 1];
  return t.replace(/[*_`~]+/g, '').replace(/\s+/g, ' ').trim();
}

/** A due field's date (YYYY-MM-DD), or why it is not one ("has no year", "is ambiguous: …"). */
export function readActionDue(raw: string): { date?: string; problem?: string } {
  const t = currentDueText(raw);
  const numeric = readNumericDate(t.replace(/^[(\s]+/, ''));
  if (numeric) return numeric;
  return readDueDate(t);
}

/** Whether a due value starts with something that reads as a date (used for a bare "due" with no separator). */
export function startsWithDate(value: string): boolean {
  const v = value.replace(/^~~[^~]*~~\s*/, '');
  return NUMERIC.test(v) || !!readDate(v, 0);
}
