/**
 * Time math: ISO 8601 parsing and formatting, durations, countdowns. Pure; no clock
 * is read here — callers pass `now` in epoch milliseconds.
 */

/** Date, time (seconds and fraction optional) and zone, e.g. 2026-11-27T09:52:00Z or 2026-11-27T10:52+01:00. */
export const ISO_TIMESTAMP_PATTERN =
  '^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:?\\d{2})$';
export const DATE_PATTERN = '^(\\d{4})-(\\d{2})-(\\d{2})$';

const ISO_RE = new RegExp(ISO_TIMESTAMP_PATTERN);
const DATE_RE = new RegExp(DATE_PATTERN);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Epoch ms of a UTC date and time; years 0–99 stay years 0–99 (Date.UTC would read them as 1900–1999). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
  t.setUTCFullYear(y, mo - 1, d);
  return t.getTime();
}

/** Latest and earliest instants a Date can hold (±100,000,000 days). */
const MAX_TIME = 8.64e15;

/** Epoch milliseconds of an ISO timestamp with date and zone, or undefined when it is not one. */
export function parseTimestamp(text: string): number | undefined {
  const m = ISO_RE.exec(text.trim());
  if (!m) return undefined;
  const [, ys, mos, ds, hs, mis, ss, zone] = m;
  const y = Number(ys), mo = Number(mos), d = Number(ds), h = Number(hs), mi = Number(mis), s = ss ? Number(ss) : 0;
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMin = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)), om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return undefined;
    offsetMin = sign * (oh * 60 + om);
  }
  const frac = /\.(\d{1,9})/.exec(text);
  const ms = frac ? Math.round(Number('0.' + frac[1]) * 1000) : 0;
  return utc(y, mo, d, h, mi, s, ms) - offsetMin * 60_000;
}

export function isValidTimestamp(text: string): boolean {
  return parseTimestamp(text) !== undefined;
}

export function isValidDate(text: string): boolean {
  const m = DATE_RE.exec(text.trim());
  return !!m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Epoch ms of midnight UTC at a YYYY-MM-DD date, or undefined. */
export function parseDate(text: string): number | undefined {
  const m = DATE_RE.exec(text.trim());
  if (!m || !validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  return utc(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** UTC ISO timestamp to the second, e.g. 2026-11-27T09:52:00Z. */
export function formatTimestamp(ms: number): string {
  // Never throws: an instant beyond what a Date holds (a huge cadence, say) is clamped to it.
  const t = Number.isNaN(ms) ? 0 : Math.max(-MAX_TIME, Math.min(MAX_TIME, ms));
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** YYYY-MM-DD of an epoch-ms instant, in UTC. */
export function formatDate(ms: number): string {
  return formatTimestamp(ms).slice(0, -10);
}

/** Normalises any accepted timestamp to UTC; returns the input unchanged when it is not valid. */
export function toUtc(text: string): string {
  const ms = parseTimestamp(text);
  return ms === undefined ? text : formatTimestamp(ms);
}

/** "12:04" for 724 s, "1:02:03" past an hour; negative input is treated as its absolute value. */
export function formatClock(totalSeconds: number): string {
  const t = Math.floor(Math.abs(totalSeconds));
  const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), s = t % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Human duration for reports: "47 min", "2 h 05 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const totalMin = Math.round(Math.abs(ms) / 60_000);
  if (totalMin < 60) return `${totalMin} min`;
  const h = Math.floor(totalMin / 60), m = totalMin % 60;
  if (h < 48) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/**
 * A time written without a date or without a zone ("10:42", "around noon", "2026-11-27 10:42").
 * Returns a reason when the text starts with something time-like but is not a full timestamp.
 */
export function describeIncompleteTime(text: string): string | undefined {
  const t = text.trim();
  if (ISO_RE.test(t)) return undefined;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?$/.test(t)) return 'has no time zone';
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return 'has a date but no time';
  if (/^\d{1,2}:\d{2}(?::\d{2})?\s*(?:Z|UTC|[+-]\d{2}:?\d{2})?$/i.test(t)) return 'has no date';
  return 'is not an ISO 8601 timestamp';
}
