/**
 * Timeline entries: top-level list items, table rows, time-led lines and time-only sub-headings
 * inside a timeline section, each resolved to a UTC instant with the date and zone its context
 * gives (a zone named once in the heading, a note or a column header; a date given once by a
 * sub-heading, a date line, a parent bullet or a Date column).
 */
import type { Range } from '../text';
import { readEntryRest, listMarker } from './items';
import { splitTableRow, type BlockStructure, type ListItemRef } from './markdown';
import { applyResolved, rollOverMidnight, type StampedEntry } from './rollover';
import { readStamp, resolveStamp, stampRange, type Stamp, type StampContext } from './stamp';
import type { Section, TimelineEntryNode } from './types';
import { findZone, readDate, type ReadDate, type ReadZone } from './when';

type DateCtx = ReadDate & { from: string };
type ZoneCtx = ReadZone & { from: string };

/** The year a document is about: its front-matter dates, else the first dated line of the body. */
export function documentYear(lines: readonly string[]): number | undefined {
  const limit = Math.min(lines.length, 400);
  for (let l = 0; l < limit; l++) {
    const m = /\b(19\d{2}|20\d{2})-\d{2}-\d{2}\b/.exec(lines[l]);
    if (m) return Number(m[1]);
  }
  for (let l = 0; l < limit; l++) {
    const m = /\b(?:19|20)\d{2}\b/.exec(lines[l]);
    if (m) return Number(m[0]);
  }
  return undefined;
}

const DECORATION = new Set([' ', '\t', '*', '_', '`', '#', '>', ':', '.']);

/** The text without leading emphasis, heading or quote marks and trailing emphasis or punctuation. */
function stripDecoration(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && DECORATION.has(text[a]) && text[a] !== ':' && text[a] !== '.') a++;
  while (b > a && DECORATION.has(text[b - 1]) && text[b - 1] !== '#' && text[b - 1] !== '>') b--;
  return text.slice(a, b);
}

/** A line whose whole text is a date ("### 17 March 2026", "**17 March:**", "2026-03-17 (Tuesday)"). */
function dateOnly(text: string): ReadDate | undefined {
  // Quick rejection: a date line is short and starts (after decoration) with a digit or a letter.
  if (text.length > 120) return undefined;
  const t = stripDecoration(text);
  if (t === '') return undefined;
  const d = readDate(t, 0);
  if (!d) return undefined;
  const rest = t.slice(d.length).trim();
  if (rest === '' || /^\([^()]{0,40}\)$/.test(rest) || /^[—–-]\s*(?:day \d+|[a-z]{3,9}day)$/i.test(rest)) return d;
  return undefined;
}

/** The first date with a year written anywhere in a short line. */
function dateIn(text: string): ReadDate | undefined {
  for (let i = 0; i < text.length && i < 200; i++) {
    if (i > 0 && /[\w-]/.test(text[i - 1])) continue;
    if (!/[0-9A-Z]/i.test(text[i])) continue;
    const d = readDate(text, i);
    if (d && d.year !== undefined && d.valid) return d;
  }
  return undefined;
}

/** A line that names the zone of the entries below it: "All times UTC.", "_Times are in CET_". */
function zoneNote(text: string): ReadZone | undefined {
  const t = stripDecoration(text);
  if (t.length > 120 || !/\btime(?:s|stamps?)?\b|\bzone\b/i.test(t)) return undefined;
  return findZone(t);
}

/**
 * The date a timeline heading names for its entries ("Timeline — 22 April 2026 (CEST)",
 * "Timeline (2026-04-22, all times UTC)"): the first date with a year, unless it ends a day range
 * ("17–18 March 2026"), which names no single date.
 */
function headingDate(title: string): ReadDate | undefined {
  for (let i = 0; i < title.length && i < 200; i++) {
    if (i > 0 && /[\w-]/.test(title[i - 1])) continue;
    if (!/[0-9A-Z]/i.test(title[i])) continue;
    const d = readDate(title, i);
    if (!d) continue;
    if (d.year === undefined || !d.valid || /\d\s*[–—-]\s*$/.test(title.slice(0, i))) return undefined;
    return d;
  }
  return undefined;
}

interface Ctx {
  lines: readonly string[];
  year?: number;
  /** A zone the document names for all its times ("All times in this post are PST."). */
  zone?: ZoneCtx;
  /** Entries read from a stamp, for the pass over midnight. */
  stamped: StampedEntry[];
}

/** The sentence of a line that matches `re` (a line may hold several). */
function sentenceWith(text: string, re: RegExp): string {
  const parts = text.split(/(?<=[.!?])\s+/);
  const hit = parts.find((p) => re.test(p)) ?? text;
  return hit.replace(/(?<![.!?\s])[.!?\s]+$/, '').slice(0, 120);
}

/** A note outside the timelines that names the zone of every time in the document. */
function documentZone(lines: readonly string[], sections: readonly Section[], st: BlockStructure, prose: readonly boolean[]): ZoneCtx | undefined {
  const firstTimeline = sections.find((s) => s.key === 'timeline');
  for (const [a, b] of st.paragraphs) {
    if (firstTimeline && a > firstTimeline.line) break;
    for (let l = a; l < b; l++) {
      if (!prose[l] || !/\ball (?:the )?time(?:s|stamps)\b|\btime(?:s|stamps) (?:in|on) this (?:post|page|document|report|review)\b/i.test(lines[l])) continue;
      const z = findZone(lines[l]);
      if (z) return { ...z, from: `the note "${sentenceWith(stripDecoration(lines[l]), /\btime/i)}"` };
    }
  }
  return undefined;
}

function entryFromStamp(ctx: Ctx, lineNo: number, col: number, range: Range, stamp: Stamp | undefined, sc: StampContext, format: TimelineEntryNode['format']): TimelineEntryNode {
  const line = ctx.lines[lineNo];
  if (!stamp) {
    const rest = readEntryRest(line, lineNo, col);
    return { line: lineNo, range, format, ...rest };
  }
  const rest = readEntryRest(line, lineNo, stamp.rest);
  const timeRange = stampRange(lineNo, stamp);
  const entry: TimelineEntryNode = {
    line: lineNo,
    range,
    format,
    time: { text: line.slice(timeRange.column, timeRange.endColumn), range: timeRange },
    ...rest,
  };
  const full = { ...sc, year: ctx.year };
  applyResolved(entry, stamp, full);
  ctx.stamped.push({ entry, stamp, ctx: full });
  if (format === 'bullet' && entry.at !== undefined && rest.kind && /^\d{4}-\d{2}-\d{2}T/.test(entry.time!.text)) entry.format = 'sitrep';
  return entry;
}

function lineRange(lines: readonly string[], lineNo: number, col: number): Range {
  return { line: lineNo, column: col, endLine: lineNo, endColumn: Math.max(col, lines[lineNo].trimEnd().length) };
}

/**
 * Reads the timeline entries of every timeline section. `owner[l]` is the innermost keyed
 * section holding line l; sub-sections of a timeline belong to it.
 */
export function readTimeline(
  lines: readonly string[],
  sections: readonly Section[],
  structure: BlockStructure,
  prose: readonly boolean[],
  year: number | undefined,
): TimelineEntryNode[] {
  const out: TimelineEntryNode[] = [];
  const ctx: Ctx = { lines, year, zone: documentZone(lines, sections, structure, prose), stamped: [] };
  for (const sec of sections) {
    if (sec.key !== 'timeline') continue;
    // A timeline nested in another timeline is read with its parent.
    if (sections.some((p) => p !== sec && p.key === 'timeline' && p.line < sec.line && sec.endLine <= p.endLine)) continue;
    readSection(ctx, sec, sections, structure, prose, out);
  }
  rollOverMidnight(ctx.stamped);
  out.sort((a, b) => a.line - b.line);
  return out;
}

/** The zone and date a timeline's heading names (else the document's zone), for every entry below it. */
function contextOf(ctx: Ctx, sec: Section): { zone?: ZoneCtx; date?: DateCtx } {
  const from = `the heading "${sec.title.trim()}"`;
  const hz = findZone(sec.title);
  const hd = headingDate(sec.title);
  return { zone: hz ? { ...hz, from } : ctx.zone, date: hd ? { ...hd, from } : undefined };
}

/**
 * A timeline pasted as a code block (a bot or log export) when the section has no other entries:
 * each line that starts with a time is an entry. A code block beside written entries stays code.
 */
function readCodeBlocks(ctx: Ctx, sec: Section, st: BlockStructure, contextAt: (l: number) => StampContext, out: TimelineEntryNode[]): void {
  const { lines } = ctx;
  for (const [a, b] of st.code) {
    if (a <= sec.line || a >= sec.endLine) continue;
    for (let l = a; l < b && l < sec.endLine; l++) {
      const line = lines[l];
      if (/^\s*(?:`{3,}|~{3,})/.test(line)) continue;
      const col = line.length - line.trimStart().length;
      const stamp = readStamp(line, col);
      if (!stamp || !stamp.clock) continue;
      out.push(entryFromStamp(ctx, l, col, lineRange(lines, l, col), stamp, contextAt(l), 'code'));
    }
  }
}

function readSection(ctx: Ctx, sec: Section, sections: readonly Section[], st: BlockStructure, prose: readonly boolean[], out: TimelineEntryNode[]): void {
  const { lines } = ctx;
  const before = out.length;
  const inside = (l: number) => l > sec.line && l < sec.endLine;
  // Context events in line order: zone notes, date lines, date and time headings.
  const { zone, date } = contextOf(ctx, sec);
  const zoneAt: Array<[number, ZoneCtx]> = [];
  const dateAt: Array<[number, DateCtx | undefined]> = [];
  const headingEntries = new Set<number>();
  for (const sub of sections) {
    if (!inside(sub.line)) continue;
    const d = dateOnly(sub.title);
    if (d) {
      dateAt.push([sub.line, { ...d, from: `the heading "${sub.title.trim()}"` }]);
      continue;
    }
    const z = findZone(sub.title);
    if (z && /\btimes?\b|\(/i.test(sub.title)) zoneAt.push([sub.line, { ...z, from: `the heading "${sub.title.trim()}"` }]);
    const s = readStamp(sub.title, 0);
    if (s && s.clock && stripDecoration(sub.title.slice(s.rest)).length < 40) headingEntries.add(sub.line);
  }
  const itemLines = new Set<number>();
  for (const it of st.items) if (inside(it.line)) itemLines.add(it.line);
  for (const [a, b] of st.paragraphs) {
    if (!inside(a)) continue;
    for (let l = a; l < b; l++) {
      if (!prose[l]) continue;
      const d = dateOnly(lines[l]);
      if (d) {
        dateAt.push([l, { ...d, from: `the date line "${stripDecoration(lines[l])}"` }]);
        // "2015-10-21 (all times UTC)": the date line names the zone too.
        const z = /\btime/i.test(lines[l]) ? findZone(lines[l]) : undefined;
        if (z) zoneAt.push([l, { ...z, from: `the date line "${stripDecoration(lines[l])}"` }]);
      } else {
        const z = zoneNote(lines[l]);
        if (z) {
          const from = `the note "${stripDecoration(lines[l])}"`;
          zoneAt.push([l, { ...z, from }]);
          // "All times are UTC on 2 July 2026": the note dates the entries below it too.
          const d = dateIn(lines[l]);
          if (d && d.year !== undefined) dateAt.push([l, { ...d, from }]);
        }
      }
    }
  }
  // Parent bullets that are only a date give their date to their sub-bullets.
  const parentDates = new Map<number, DateCtx>();
  st.items.forEach((it, i) => {
    if (it.depth !== 1 || !inside(it.line)) return;
    const col = listMarker(lines[it.line]);
    const d = dateOnly(lines[it.line].slice(col));
    if (d && st.children[i].length > 0) parentDates.set(i, { ...d, from: `the parent item "${stripDecoration(lines[it.line].slice(col))}"` });
  });
  dateAt.sort((a, b) => a[0] - b[0]);
  zoneAt.sort((a, b) => a[0] - b[0]);
  const contextAt = (l: number): StampContext => ({ date: lastBefore(dateAt, l) ?? date, zone: lastBefore(zoneAt, l) ?? zone });

  // Time-only sub-headings are entries.
  for (const l of headingEntries) {
    const sub = sections.find((s) => s.line === l)!;
    const col = sub.headingRange.column;
    out.push(entryFromStamp(ctx, l, col, sub.headingRange, readStamp(lines[l], col), contextAt(l), 'heading'));
  }

  // List items.
  st.items.forEach((it, i) => {
    if (!inside(it.line)) return;
    const line = lines[it.line];
    const col = listMarker(line) || line.length - line.trimStart().length;
    let sc: StampContext;
    if (it.depth === 1) {
      if (parentDates.has(i)) return;
      sc = contextAt(it.line);
    } else {
      const parent = it.parent !== undefined ? st.items[it.parent] : undefined;
      const pd = it.parent !== undefined ? parentDates.get(it.parent) : undefined;
      if (!pd || !parent || parent.depth !== 1 || it.depth !== 2) return;
      sc = { ...contextAt(it.line), date: pd };
    }
    const stamp = readStamp(line, col);
    // A numbered list of options inside the timeline is not an entry unless it starts with a time.
    if (!stamp && (it.ordered || isOptionList(it, st))) return;
    out.push(entryFromStamp(ctx, it.line, col, lineRange(lines, it.line, col), stamp, sc, 'bullet'));
  });

  // Table rows.
  for (const tb of st.tables) {
    if (tb.header < 0 || !inside(tb.header)) continue;
    readTable(ctx, tb.header, tb.rows, contextAt, out);
  }

  // Time-led lines of paragraphs.
  for (const [a, b] of st.paragraphs) {
    if (!inside(a)) continue;
    for (let l = a; l < b; l++) {
      if (!prose[l] || itemLines.has(l)) continue;
      const line = lines[l];
      const col = line.length - line.trimStart().length;
      const stamp = readStamp(line, col);
      if (!stamp || (!stamp.clock && !stamp.date)) continue;
      if (!stamp.clock && dateOnly(line)) continue; // a date line heading a group
      const e = entryFromStamp(ctx, l, col, lineRange(lines, l, col), stamp, contextAt(l), 'line');
      out.push(e);
    }
  }
  if (out.length === before) readCodeBlocks(ctx, sec, st, contextAt, out);
}

/** The value of the last (line, value) pair before line `l` in a list sorted by line (binary search). */
function lastBefore<T>(list: ReadonlyArray<[number, T]>, l: number): T | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid][0] < l) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1][1] : undefined;
}

/** Items of an ordered list, or of a list introduced as options, are not timeline entries. */
function isOptionList(it: ListItemRef, st: BlockStructure): boolean {
  return it.depth > 1 && it.parent !== undefined && st.items[it.parent].ordered;
}

function readTable(ctx: Ctx, header: number, rows: number[], contextAt: (l: number) => StampContext, out: TimelineEntryNode[]): void {
  const { lines } = ctx;
  const head = splitTableRow(lines[header], header);
  const names = head.map((c) => c.text.toLowerCase().replace(/[*_`]/g, ''));
  let timeCol = names.findIndex((n) => /\b(?:time|timestamp|when)\b/.test(n));
  const dateCol = names.findIndex((n, i) => i !== timeCol && /^(?:date|day)\b/.test(n));
  if (timeCol < 0) timeCol = dateCol >= 0 ? dateCol : 0;
  const eventCol = names.findIndex((n, i) => i !== timeCol && i !== dateCol && /event|what|action|impact|description|detail|update|note/.test(n));
  const linkCol = names.findIndex((n, i) => i !== timeCol && i !== dateCol && /link|source|data|evidence|ref/.test(n));
  const hz = head[timeCol] ? findZone(head[timeCol].text) : undefined;
  // A Date cell left empty under a filled one (merged cells in a wiki or sheet export) is that day.
  let carried: StampContext['date'];
  for (const row of rows) {
    const cells = splitTableRow(lines[row], row);
    if (cells.every((c) => c.text === '')) continue;
    const sc = contextAt(row);
    if (hz) sc.zone = { ...hz, from: `the column header "${head[timeCol].text}"` };
    const tc = cells[timeCol];
    const range = lineRange(lines, row, lines[row].length - lines[row].trimStart().length);
    const text = cells
      .filter((_, i) => i !== timeCol && i !== dateCol && i !== linkCol)
      .map((c) => c.text)
      .filter(Boolean)
      .join(' — ');
    const entry: TimelineEntryNode = { line: row, range, format: 'table', text: eventCol >= 0 && cells[eventCol]?.text ? cells[eventCol].text : text };
    if (linkCol >= 0 && cells[linkCol]?.text) entry.source = cells[linkCol];
    if (dateCol >= 0 && dateCol !== timeCol && cells[dateCol]) {
      const d = dateOnly(cells[dateCol].text);
      if (d) sc.date = carried = { ...d, from: `the ${head[dateCol].text} column` };
      else if (cells[dateCol].text) sc.date = carried = undefined;
      else if (carried) sc.date = { ...carried, from: `the ${head[dateCol].text} column of a row above` };
    } else if (dateCol >= 0 && dateCol !== timeCol && carried) {
      sc.date = { ...carried, from: `the ${head[dateCol].text} column of a row above` };
    }
    if (tc && tc.text) {
      const stamp = readStamp(lines[row], tc.range.column);
      if (stamp && stamp.end <= tc.range.endColumn) {
        const used = dateFromOwnColumn(stamp, sc, dateCol);
        const full = { ...sc, year: ctx.year };
        const r = resolveStamp(used, full);
        ctx.stamped.push({ entry, stamp: used, ctx: full });
        const timeRange = stampRange(row, stamp);
        entry.time = { text: lines[row].slice(timeRange.column, timeRange.endColumn), range: timeRange };
        entry.at = r.at;
        entry.timeProblem = r.problem;
        if (r.problem === 'has a date without a year' && !stamp.date && dateCol >= 0 && cells[dateCol]) entry.timeProblem = `is dated "${cells[dateCol].text}", which has no year`;
        entry.read = { date: r.date, dateFrom: r.dateFrom, zone: r.zone, zoneFrom: r.zoneFrom };
      } else {
        entry.time = tc;
        entry.timeProblem = `gives "${tc.text}", not a clock time`;
      }
    } else if (!(dateCol >= 0 && cells[dateCol]?.text)) {
      entry.timeProblem = 'has no time';
    } else {
      entry.time = cells[dateCol];
      entry.timeProblem = 'has a date but no time';
    }
    out.push(entry);
  }
}

/** A row's own Date column counts as the entry's date: a month without a year there is a finding. */
function dateFromOwnColumn(stamp: Stamp, sc: StampContext, dateCol: number): Stamp {
  if (stamp.date || dateCol < 0 || !sc.date || !sc.date.from.endsWith('column')) return stamp;
  return { ...stamp, date: sc.date };
}
