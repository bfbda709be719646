/**
 * Status updates in incident documents: sub-heading blocks of a status-updates section, its
 * bullets or paragraphs when it has no sub-headings, and bold-label one-liners anywhere
 * ("**14:25 UTC update:** …"). Each says when the next update comes (a "next update" phrase with a
 * time), or is a final update that needs none.
 */
import type { Range } from '../text';
import { listMarker, readLabelled, statusLabel } from './items';
import { splitTableRow } from './markdown';
import type { BlockStructure } from './markdown';
import { readStamp, resolveStamp, type Stamp } from './stamp';
import type { Field, Section, StatusUpdateNode } from './types';
import { findZone, instant, offsetAt, type ReadZone } from './when';

/**
 * Where an update says when the next one comes: "next update", "next comms", or an update promised
 * with a time word after it ("another update by 11am", "an update within 30 minutes", "we'll
 * update again at 10:10 UTC").
 */
const NEXT =
  /\bnext (?:status )?(?:update|comms|communication|check-?in)\b|\b(?:another|a further|a new|an|one more) (?:status )?update(?= (?:by|at|around|before|within|in|no later than)\b)|\bupdate (?:you |everyone )?again(?= (?:by|at|around|before|within|in)\b)/gi;
const FINAL = /\b(?:final|last|closing) (?:status )?update\b|\bno (?:further|more) updates\b/i;
const BOLD_UPDATE = /^\s*(?:\*\*|__)([^*_]{0,60}?\bupdates?\b[^*_]{0,20})(?:\*\*|__)/i;

/** The first stamp with a clock time in a short text (a heading or a bold label). */
function stampIn(text: string): Stamp | undefined {
  for (let i = 0; i < text.length && i < 120; i++) {
    const c = text[i];
    if (c < '0' || c > '9') continue;
    if (i > 0 && /[\d:-]/.test(text[i - 1])) continue;
    const s = readStamp(text, i);
    if (s && s.clock) return s;
  }
  return undefined;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface NextUpdate {
  /** The text after "next update" up to the end of its sentence. */
  value: Field;
  /** Epoch ms when the value resolves to an instant (a zone and a date, or the update's own). */
  at?: number;
  /** True when the value names a clock time or a time relative to the update ("in 30 minutes"). */
  stated: boolean;
}

const AFTER_NEXT = /\s*(?:\*\*|__)?\s*(?:(?:is |will be |will come |comes )?(?:due |expected |planned )?(?:at|by|around|before|no later than|within|in|on|:)\s*)?(?:\*\*|__)?\s*/iy;
/** A time relative to the update, after its decoration: "in 30 minutes", "within an hour", "30 min", "in ~45 min", "in half an hour", "+30m". */
const RELATIVE =
  /^(?:is |will be |comes |will come )?(?:due |expected )?(?:(?:in|within) )?(?:~ ?|about |around |roughly )?(?:(\d{1,3})|an?|one|(half an?)) ?(min(?:ute)?s?|m|h(?:ou)?r?s?)\b|^\+(\d{1,3}) ?(m|min|h)\b/i;

/** Reads what follows "next update" on a line: a time with a zone, or the words given instead. */
function readNextValue(
  line: string,
  lineNo: number,
  from: number,
  day?: { year: number; month: number; day: number },
  ctxZone?: ReadZone,
  postedAt?: number,
): NextUpdate {
  AFTER_NEXT.lastIndex = from;
  const m = AFTER_NEXT.exec(line);
  let c = from + (m ? m[0].length : 0);
  if (line[c] === ':') c++;
  while (line[c] === ' ') c++;
  let end = line.length;
  const stop = /[.!?](?:\s|$)|[;—–]|,\s/g;
  stop.lastIndex = c;
  const sm = stop.exec(line);
  // A full stop inside a time ("16:50") is not an end: the pattern needs a space after it.
  if (sm) end = sm.index;
  const valueText = line.slice(c, end).trim();
  const value: Field = { text: valueText, range: { line: lineNo, column: c, endLine: lineNo, endColumn: c + valueText.length } };
  const next: NextUpdate = { value, stated: false };
  // "by 11am", "at 3 pm PT": an hour with am/pm is a clock time here (in a timeline it reads as vague).
  const hourOnly = /^(\d{1,2}) ?([ap]\.?m\.?)(?![a-z])/i.exec(line.slice(c, c + 8));
  const s = readStamp(hourOnly ? line.slice(0, c) + `${hourOnly[1]}:00 ${hourOnly[2]}` + line.slice(c + hourOnly[0].length) : line, c);
  if (s && s.clock) {
    // A clock time states when; with a zone (its own or the update's) it is an instant.
    next.stated = true;
    const zone = s.zone ?? ctxZone;
    if (zone) {
      const r = resolveStamp(s, { zone: { ...zone, from: 'the update' } });
      if (r.at !== undefined) next.at = r.at;
      else if (day && !s.date) {
        const at = instant(day.year, day.month, day.day, s.clock, zone);
        // "Next update 00:15" from a 23:50 update is the next day.
        next.at = at !== undefined && postedAt !== undefined && at < postedAt - HOUR ? at + DAY : at;
      }
    }
  } else {
    // "in 30 minutes", "within an hour": a time relative to the update's own.
    const rel = RELATIVE.exec(line.slice(from, from + 60).replace(/^[\s:*_]+/, '').replace(/\s+/g, ' '));
    if (rel) {
      next.stated = true;
      const unit = rel[3] ?? rel[5];
      const n = rel[4] ? Number(rel[4]) : rel[1] ? Number(rel[1]) : rel[2] ? 0.5 : 1;
      const minutes = /^h/i.test(unit) ? n * 60 : n;
      if (postedAt !== undefined) next.at = postedAt + minutes * 60_000;
    }
  }
  return next;
}

/** The day an update was posted, from its own stamp. */
function dayOf(s: Stamp | undefined): { year: number; month: number; day: number } | undefined {
  if (!s || !s.date || s.date.year === undefined) return undefined;
  return { year: s.date.year, month: s.date.month, day: s.date.day };
}

/** What an update was read from, kept for dating a time-only stamp afterwards (see dateTimeOnly). */
interface ReadFrom {
  stamp?: Stamp;
  /** The text the next time was read from, where in it, and the column that text starts at on its line. */
  next?: { line: string; lineNo: number; from: number; offset?: number };
}
const readFrom = new WeakMap<StatusUpdateNode, ReadFrom>();

function blockFrom(lines: readonly string[], line: number, endLine: number, headingRange: Range, title: string, format: StatusUpdateNode['format'], stamp: Stamp | undefined, readable: (l: number) => boolean): StatusUpdateNode {
  const u: StatusUpdateNode = { line, headingRange, range: { ...headingRange }, title, fields: new Map(), format };
  const from: ReadFrom = { stamp };
  readFrom.set(u, from);
  // A status page's block ends with its time on a line of its own ("Nov 19, 15:20 UTC").
  const own = stamp ? undefined : loneStamp(lines, line + 1, endLine, readable);
  if (own) {
    from.stamp = own.stamp;
    u.time = { text: lines[own.line].slice(own.stamp.start, own.stamp.end), range: { line: own.line, column: own.stamp.start, endLine: own.line, endColumn: own.stamp.end } };
    const r = resolveStamp(own.stamp, {});
    if (r.at !== undefined) u.at = r.at;
  }
  if (stamp) {
    u.time = { text: title.slice(stamp.start, stamp.end), range: { line, column: headingRange.column + stamp.start, endLine: line, endColumn: headingRange.column + stamp.end } };
    const r = resolveStamp(stamp, {});
    if (r.at !== undefined) u.at = r.at;
  }
  const day = dayOf(stamp);
  let text = '';
  for (let l = line; l < endLine; l++) {
    if (!readable(l)) continue;
    const t = lines[l];
    text += t + '\n';
    if (l > line && t.indexOf(':') >= 0) {
      const lab = readLabelled(t, l);
      const k = lab ? statusLabel(lab.label) : undefined;
      if (lab && k && !u.fields.has(k)) {
        u.fields.set(k, { ...lab.value, labelRange: lab.labelRange });
        u.range = { ...u.range, endLine: l, endColumn: t.trimEnd().length };
      }
    }
    if (!u.next) {
      NEXT.lastIndex = l === line ? headingRange.column : 0;
      const m = NEXT.exec(t);
      if (m) {
        u.next = readNextValue(t, l, m.index + m[0].length, day, stamp?.zone, u.at);
        from.next = { line: t, lineNo: l, from: m.index + m[0].length };
      }
    }
    if (t.trim() !== '' && l > u.range.endLine) u.range = { ...u.range, endLine: l, endColumn: t.trimEnd().length };
  }
  u.final = FINAL.test(text) || (/\bresolved\b/i.test(title) && /\bresolved\b/i.test(text.slice(title.length)));
  return u;
}

/** Reads every status update of an incident document. */
export function readStatusUpdates(
  lines: readonly string[],
  sections: readonly Section[],
  st: BlockStructure,
  prose: readonly boolean[],
  owner: ReadonlyArray<Section | undefined>,
  /** When the incident's timeline starts: the day of an update stamped with a time only. */
  anchor?: number,
): StatusUpdateNode[] {
  const out: StatusUpdateNode[] = [];
  const taken = new Set<number>();
  const covered: Array<[number, number]> = [];
  const readable = (l: number) => prose[l] && !st.quoted[l];
  const heading = (sub: Section) => {
    out.push(blockFrom(lines, sub.line, sub.endLine, sub.headingRange, sub.title, 'heading', stampIn(sub.title), readable));
    covered.push([sub.line, sub.endLine]);
  };
  for (const parent of sections) {
    if (parent.key !== 'status-updates') continue;
    if (sections.some((p) => p !== parent && p.key === 'status-updates' && p.line < parent.line && parent.endLine <= p.endLine)) continue;
    // A heading that is itself one update ("### Update 3 — 14:25 UTC") rather than a list of them.
    if (stampIn(parent.title) || /^\W*(?:internal |public |customer )?update\s*#?\d/i.test(parent.title)) {
      heading(parent);
      continue;
    }
    const subs = sections.filter((s) => s.line > parent.line && s.line < parent.endLine && s.level > parent.level);
    if (subs.length) {
      const minLevel = Math.min(...subs.map((s) => s.level));
      for (const sub of subs) {
        if (sub.level !== minLevel || (sub.key && sub.key !== 'status-updates')) continue;
        heading(sub);
      }
      continue;
    }
    // No sub-headings: each top-level list item or paragraph is an update.
    st.items.forEach((it) => {
      if (it.depth !== 1 || it.line <= parent.line || it.line >= parent.endLine) return;
      const t = lines[it.line];
      const col = listMarker(t);
      const range: Range = { line: it.line, column: col, endLine: it.line, endColumn: t.trimEnd().length };
      const stamp = readStamp(t, col);
      const title = t.slice(col);
      const u = blockFrom(lines, it.line, it.endLine, range, title, 'bullet', stamp && stamp.clock ? shift(stamp, -col) : undefined, readable);
      out.push(u);
      taken.add(it.line);
    });
    for (const [a, b] of st.paragraphs) {
      if (a <= parent.line || a >= parent.endLine || !readable(a)) continue;
      out.push(paragraphUpdate(lines, a, b, readable));
      taken.add(a);
    }
    for (const tb of st.tables) {
      if (tb.header <= parent.line || tb.header >= parent.endLine || !readable(tb.header)) continue;
      out.push(...tableUpdates(lines, tb.header, tb.rows));
    }
  }
  // Bold-label one-liners anywhere in the body, outside timelines and checkpoints.
  for (const [a, b] of st.paragraphs) {
    if (taken.has(a) || !readable(a) || covered.some(([x, y]) => a >= x && a < y)) continue;
    const key = owner[a]?.key;
    if (key === 'timeline' || key === 'checkpoints') continue;
    const m = BOLD_UPDATE.exec(lines[a]);
    if (!m || !/\bupdate/i.test(m[1]) || /^\s*next\b/i.test(m[1])) continue;
    out.push(paragraphUpdate(lines, a, b, readable));
  }
  out.sort((x, y) => x.line - y.line);
  dateTimeOnly(out, anchor);
  return out;
}

/** A line of a block that holds only a time with a clock and a zone (and maybe a date). */
function loneStamp(lines: readonly string[], from: number, to: number, readable: (l: number) => boolean): { line: number; stamp: Stamp } | undefined {
  for (let l = from; l < to && l < from + 6; l++) {
    if (!readable(l)) continue;
    const t = lines[l];
    const col = t.length - t.trimStart().length;
    if (col >= t.length || !/\d/.test(t[col]) && !/^[a-z]{3,9}\.? \d/i.test(t.slice(col))) continue;
    const st = readStamp(t, col);
    if (st?.clock && st.zone && t.slice(st.end).trim() === '') return { line: l, stamp: st };
  }
  return undefined;
}

/**
 * Updates stamped with a clock time and zone but no date ("**Update 14:30 UTC**", "### 10:12 PDT")
 * were posted on the day of the update before them (the next day when the clock went back more
 * than an hour: past midnight); the first one on the day the incident's timeline starts. A day
 * without a year takes the year of the update before.
 */
function dateTimeOnly(updates: StatusUpdateNode[], anchor: number | undefined): void {
  let prev = anchor;
  for (const u of updates) {
    const from = readFrom.get(u);
    const s = from?.stamp;
    if (u.at === undefined && prev !== undefined && s?.clock && s.zone && (!s.date || s.date.year === undefined)) {
      const local = new Date(prev + offsetAt(s.zone, prev) * 60_000);
      // A day without a year ("Nov 19, 15:20 UTC") is in the year of the update before.
      const at = s.date
        ? instant(local.getUTCFullYear(), s.date.month, s.date.day, s.clock, s.zone)
        : instant(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), s.clock, s.zone);
      if (at !== undefined) {
        u.at = at < prev - HOUR && !s.date ? at + DAY : at;
        const d = new Date(u.at + offsetAt(s.zone, u.at) * 60_000);
        if (from?.next && u.next && u.next.at === undefined) {
          u.next = shiftNext(readNextValue(from.next.line, from.next.lineNo, from.next.from, { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, s.zone, u.at), from.next.offset ?? 0);
        }
      }
    }
    // Newest-first pages (a status page) date each update from the one before in the text.
    if (u.at !== undefined) prev = u.at;
  }
}

function shift(s: Stamp, by: number): Stamp {
  return { ...s, start: s.start + by, end: s.end + by, rest: s.rest + by };
}

function paragraphUpdate(lines: readonly string[], a: number, b: number, readable: (l: number) => boolean): StatusUpdateNode {
  const t = lines[a];
  const col = t.length - t.trimStart().length;
  const range: Range = { line: a, column: col, endLine: a, endColumn: t.trimEnd().length };
  const m = BOLD_UPDATE.exec(t);
  const label = m ? m[1] : t.slice(col);
  const stamp = stampIn(label);
  const offset = m ? t.indexOf(m[1]) - col : 0;
  const u = blockFrom(lines, a, b, range, t.slice(col), m ? 'label' : 'paragraph', stamp ? shift(stamp, offset) : undefined, readable);
  return u;
}

/**
 * The latest status update: the last one written, unless the updates carry times that show
 * another is newer (a status page lists the newest first; a page may keep two lists). An update
 * without a time written after the newest timed one, in a page written oldest first, is the latest.
 */
export function latestUpdate(updates: readonly StatusUpdateNode[]): StatusUpdateNode | undefined {
  const last = updates[updates.length - 1];
  let newest: StatusUpdateNode | undefined;
  for (const u of updates) if (u.at !== undefined && (newest?.at === undefined || u.at >= newest.at)) newest = u;
  if (!newest || newest === last) return last;
  const timed = updates.filter((u) => u.at !== undefined);
  const newestFirst = timed.length >= 2 && timed.every((u, i) => i === 0 || u.at! <= timed[i - 1].at!);
  if (last.at === undefined && !newestFirst && updates.indexOf(newest) < updates.length - 1 && newest === timed[timed.length - 1]) return last;
  return newest;
}

function shiftNext(n: NextUpdate, by: number): NextUpdate {
  if (!by) return n;
  const r = n.value.range;
  return { ...n, value: { ...n.value, range: { ...r, column: r.column + by, endColumn: r.endColumn + by } } };
}

const clean = (t: string) => t.toLowerCase().replace(/[*_`]/g, '').trim();

/**
 * A status-updates table: one update per row, its time in a Time (When, Posted) column (the zone
 * may be in the header: "Time (UTC)"), its next time in a Next update column, or in the row's
 * text; the other columns are its fields (Known, Impact, …) by their headers.
 */
function tableUpdates(lines: readonly string[], header: number, rows: readonly number[]): StatusUpdateNode[] {
  const head = splitTableRow(lines[header], header);
  const timeCol = head.findIndex((c) => /^(?:time|when|posted|at|timestamp)\b/.test(clean(c.text)));
  if (timeCol < 0) return [];
  const nextCol = head.findIndex((c) => /^next(?: (?:status )?(?:update|comms|communication))?\b/.test(clean(c.text)));
  const zone = findZone(head[timeCol].text);
  const out: StatusUpdateNode[] = [];
  for (const row of rows) {
    const t = lines[row];
    const cells = splitTableRow(t, row);
    const timeCell = cells[timeCol];
    if (!timeCell || timeCell.text === '') continue;
    const read = readStamp(timeCell.text, 0);
    const stamp = read?.clock ? { ...read, zone: read.zone ?? zone } : undefined;
    const col = t.length - t.trimStart().length;
    const range: Range = { line: row, column: col, endLine: row, endColumn: t.trimEnd().length };
    const u: StatusUpdateNode = { line: row, headingRange: range, range, title: t.trim(), fields: new Map(), format: 'row' };
    const from: ReadFrom = { stamp };
    readFrom.set(u, from);
    u.time = { text: timeCell.text, range: timeCell.range };
    if (stamp) {
      const r = resolveStamp(stamp, {});
      if (r.at !== undefined) u.at = r.at;
    }
    head.forEach((h, i) => {
      const k = statusLabel(h.text.replace(/[*_`]/g, ''));
      if (k && cells[i] && cells[i].text !== '' && !u.fields.has(k)) u.fields.set(k, { ...cells[i], labelRange: h.range });
    });
    const day = dayOf(stamp);
    const nextCell = nextCol >= 0 ? cells[nextCol] : undefined;
    if (nextCell) {
      u.next = shiftNext(readNextValue(nextCell.text, row, 0, day, stamp?.zone, u.at), nextCell.range.column);
      from.next = { line: nextCell.text, lineNo: row, from: 0, offset: nextCell.range.column };
    } else {
      NEXT.lastIndex = 0;
      const m = NEXT.exec(t);
      if (m) {
        u.next = readNextValue(t, row, m.index + m[0].length, day, stamp?.zone, u.at);
        from.next = { line: t, lineNo: row, from: m.index + m[0].length };
      }
    }
    u.final = FINAL.test(t) || /\|\s*(?:\*\*)?resolved(?:\*\*)?\s*\|/i.test(t);
    out.push(u);
  }
  return out;
}
