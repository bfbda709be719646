/**
 * Action items as teams write them: table rows (fields by column, or inline in the action cell)
 * and list items whose fields are labelled inline ("— owner: @x · due: 2026-05-22 · verify: …",
 * "(due 2026-03-13); verified when …", "by 6 November 2026") or on an indented line below.
 */
import type { Range } from '../text';
import { actionHeader, categoryOf, listMarker } from './items';
import { splitTableRow, type BlockStructure } from './markdown';
import type { ActionField, ActionItemNode, Field, Section } from './types';
import { readDate } from './when';
import { bareFieldAt, fieldStarts, isSpace, leadingOwner, struckThrough } from './action-bare';
import { startsWithDate } from './action-due';

type Inline = Partial<Record<ActionField, Field>>;

interface Label {
  field: ActionField;
  /** How the value must look when the label has no colon; undefined: no colon needed. */
  bare?: 'handle' | 'date' | 'word' | 'never';
}

const LABELS: Record<string, Label> = {
  owner: { field: 'owner', bare: 'handle' },
  owners: { field: 'owner', bare: 'handle' },
  assignee: { field: 'owner', bare: 'handle' },
  'assigned to': { field: 'owner', bare: 'handle' },
  dri: { field: 'owner', bare: 'handle' },
  who: { field: 'owner', bare: 'never' },
  'due date': { field: 'due' },
  'due by': { field: 'due' },
  due: { field: 'due' },
  deadline: { field: 'due' },
  'target date': { field: 'due' },
  target: { field: 'due', bare: 'date' },
  eta: { field: 'due', bare: 'date' },
  by: { field: 'due', bare: 'date' },
  category: { field: 'category', bare: 'word' },
  type: { field: 'category', bare: 'word' },
  kind: { field: 'category', bare: 'word' },
  verification: { field: 'verification', bare: 'never' },
  verify: { field: 'verification' },
  'verified when': { field: 'verification' },
  'verified by': { field: 'verification' },
  'verified if': { field: 'verification' },
  'done when': { field: 'verification' },
  'success criteria': { field: 'verification', bare: 'never' },
  success: { field: 'verification', bare: 'never' },
  signal: { field: 'verification', bare: 'never' },
  "how we'll know": { field: 'verification', bare: 'never' },
  'how we will know': { field: 'verification', bare: 'never' },
  status: { field: 'status', bare: 'never' },
};

/** A field label, plain or emphasised (`**Owner:**`, `**Owner**:`, `__Owner__:`, `*Owner:*`, `_Owner_:`). */
const LABEL_RE =
  /(\*\*|__|\*|_)?(assigned to|owners?|assignee|dri|who|due date|due by|due|deadline|target date|target|eta|by|category|type|kind|verification|verify|verified when|verified by|verified if|done when|success criteria|success|signal|how we['’]ll know|how we will know|status)(?![a-z0-9])(?:\*\*|__|\*|_)?(\s*:)?(?:\*\*|__|\*|_)?\s*/iy;

/** Relative or vague due words that show "by …" or "target …" is meant as a due date. */
const DATEISH =
  /^(?:next|this|end of|the end of|eo[dwmqy]\b|q[1-4]\b|h[12]\b|tbd|tba|asap|soon|mid-|early |late |sprint|week|month|quarter|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

interface Hit {
  /** Where the separator before the label starts (the action text ends there). */
  sepStart: number;
  labelStart: number;
  labelEnd: number;
  valueStart: number;
  field: ActionField;
  /** The bracket the field opened with, whose closing one ends it. */
  open?: '(' | '[';
  /** An unlabelled field (a bare @handle or category word): its value ends here. */
  bareEnd?: number;
}

/** Where the separator before a field at `at` starts, and the bracket it opened with. */
function separatorBefore(s: string, at: number): { sepStart: number; open?: '(' | '[' } {
  let sepStart = at;
  while (sepStart > 0 && isSpace(s[sepStart - 1])) sepStart--;
  const sep = s[sepStart - 1];
  const open = sep === '(' || sep === '[' ? sep : undefined;
  if (sep && ',;·(—–|-.:['.includes(sep)) sepStart--;
  else if (s.slice(Math.max(0, sepStart - 3), sepStart) === 'and') sepStart -= 3;
  return { sepStart, open };
}

/** An unlabelled owner or category at a boundary. */
function bareAt(s: string, at: number, to: number): Hit | undefined {
  const b = bareFieldAt(s, at, to);
  if (!b) return undefined;
  const sep = separatorBefore(s, at);
  return { sepStart: sep.sepStart, open: sep.open, labelStart: at, labelEnd: at, valueStart: at, field: b.field, bareEnd: b.end };
}

/** A labelled field at `at`; `glued`: after a plain space, which needs a colon after the label or, for "due", a date after it. */
function labelAt(s: string, at: number, to: number, glued = false): Hit | undefined {
  const m = sticky(LABEL_RE, s, at);
  if (!m || at + m[0].length > to + 2) return undefined;
  const word = m[2].toLowerCase().replace('’', "'");
  const label = LABELS[word];
  if (!label) return undefined;
  const colon = !!m[3];
  const valueStart = at + m[0].length;
  const value = s.slice(valueStart, to);
  // Glued by a plain space: a label ended by a colon ("owner: @x"), or "due" before a date.
  if (glued && !colon && (label.field !== 'due' || m[1] || !startsWithDate(value))) return undefined;
  if (!colon) {
    if (label.bare === 'never') return undefined;
    if (label.bare === 'handle' && !/^@?[\w.-]+/.test(value)) return undefined;
    if (label.bare === 'handle' && !value.startsWith('@')) return undefined;
    if (label.bare === 'date' && !DATEISH.test(value) && !readDate(value, 0)) return undefined;
    if (label.bare === 'word' && !/^[A-Z-]+\s*(?:[,;·—–)|.]|$)/i.test(value)) return undefined;
    if (word === 'verify' && !/^(?:it|that|the|this|a|an|by|in|with|via|on)\b/i.test(value)) return undefined;
  }
  const labelStart = at + (m[1]?.length ?? 0);
  const sep = separatorBefore(s, at);
  return { sepStart: sep.sepStart, open: sep.open, labelStart, labelEnd: labelStart + m[2].length, valueStart, field: label.field, bareEnd: undefined };
}

interface InlineFields {
  fields: Inline;
  labels: Inline;
  /** Column where the action text starts (after a leading "@owner to"), or the segment start. */
  textStart: number;
  /** Column where the action text ends (the first field's separator), or the segment end. */
  textEnd: number;
}

/**
 * Fields inside [from, to) of a line: labelled ones, and a bare @handle or category word standing
 * as a field. `fromStart` allows a field at `from` itself (an indented continuation line such as
 * "  - due: … · category: …"); `lead` reads an owner leading the text ("@x to add …").
 */
function readInlineFields(s: string, lineNo: number, from: number, to: number, fromStart = false, lead = false): InlineFields {
  const leading = lead ? leadingOwner(s, from) : undefined;
  const textStart = leading ? leading.textStart : from;
  // Kept: the first hit of each field (it gives the value) and the hit after it (which ends it).
  const hits: Hit[] = [];
  const seen = new Set<ActionField>();
  let prev: Hit | undefined;
  let ends = false;
  const starts = fieldStarts(s, textStart, to, fromStart);
  for (let k = 0; k < starts.at.length; k++) {
    const at = starts.at[k];
    // Inside the previous bare value, or at the start of the previous label's value ("owner: @a").
    if (prev && (prev.bareEnd !== undefined ? at < prev.bareEnd : at <= prev.valueStart)) continue;
    const glued = starts.glued[k] === true;
    const h = labelAt(s, at, to, glued) ?? (glued ? undefined : bareAt(s, at, to));
    if (!h) continue;
    prev = h;
    if (!seen.has(h.field)) {
      seen.add(h.field);
      hits.push(h);
      ends = true;
    } else if (ends) {
      hits.push(h);
      ends = false;
    }
  }
  const fields: Inline = {};
  const labels: Inline = {};
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (fields[h.field]) continue;
    let end = h.bareEnd ?? (i + 1 < hits.length ? hits[i + 1].sepStart : to);
    if (h.open) {
      const close = s.indexOf(h.open === '(' ? ')' : ']', h.valueStart);
      if (close >= 0 && close < end) end = close;
    }
    let vs = h.valueStart;
    let ve = end;
    while (ve > vs && /[\s.;,·—–)|]/.test(s[ve - 1]) && !(s[ve - 1] === ')' && s.lastIndexOf('(', ve - 1) >= vs)) ve--;
    while (vs < ve && isSpace(s[vs])) vs++;
    fields[h.field] = { text: s.slice(vs, ve), range: { line: lineNo, column: vs, endLine: lineNo, endColumn: Math.max(vs, ve) } };
    if (h.bareEnd === undefined) labels[h.field] = { text: s.slice(h.labelStart, h.labelEnd), range: { line: lineNo, column: h.labelStart, endLine: lineNo, endColumn: h.labelEnd } };
  }
  if (leading && !fields.owner) fields.owner = { text: s.slice(from, leading.end), range: { line: lineNo, column: from, endLine: lineNo, endColumn: leading.end } };
  return { fields, labels, textStart: leading && fields.owner?.range.column === from ? textStart : from, textEnd: hits.length ? hits[0].sepStart : to };
}


/** Whether a table with these header columns holds action items. */
export function isActionTable(columns: ReadonlyArray<ActionField | undefined>, inActionSection: boolean, hasActionSection: boolean): boolean {
  const others = columns.filter((c) => c && c !== 'action').length;
  if (inActionSection) return columns.includes('action') || columns.filter(Boolean).length >= 2;
  return !hasActionSection && columns.includes('action') && others >= 2;
}

function rowRange(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const start = listMarker(text) || text.length - text.trimStart().length;
  return { line, column: start, endLine: line, endColumn: Math.max(start, text.trimEnd().length) };
}

function setCategory(node: ActionItemNode): void {
  const cat = node.fields.category ? categoryOf(node.fields.category.text) : undefined;
  if (cat?.exact) node.category = cat.category;
}

/** A cell that repeats its column's label ("Owner: TBD" under *Assignee*): the value after the label. */
function unlabelCell(line: string, cell: Field, field: ActionField): Field {
  const m = sticky(LABEL_RE, line, cell.range.column);
  if (!m || !m[3] || LABELS[m[2].toLowerCase().replace('’', "'")]?.field !== field) return cell;
  const column = cell.range.column + m[0].length;
  if (column >= cell.range.endColumn) return cell;
  return { text: line.slice(column, cell.range.endColumn), range: { ...cell.range, column } };
}

/** One row of an action table as an action item (undefined for an empty row). */
export function actionFromRow(lines: readonly string[], row: number, columns: ReadonlyArray<ActionField | undefined>, headers?: readonly string[]): ActionItemNode | undefined {
  const cells = splitTableRow(lines[row], row);
  if (cells.every((c) => c.text === '')) return undefined;
  const fields: ActionItemNode['fields'] = {};
  const sources: NonNullable<ActionItemNode['sources']> = {};
  const labels: Inline = {};
  columns.forEach((f, i) => {
    if (f && cells[i] && !fields[f]) {
      fields[f] = unlabelCell(lines[row], cells[i], f);
      sources[f] = 'column';
      if (headers?.[i]) labels[f] = { text: headers[i], range: { line: row, column: 0, endLine: row, endColumn: 0 } };
    }
  });
  if (!fields.action) {
    const i = columns.findIndex((c) => !c);
    if (i >= 0 && cells[i]) {
      fields.action = cells[i];
      sources.action = 'column';
    }
  }
  const cell = fields.action;
  if (cell && cell.text) {
    // Fields the table has no column for may be written inline in the action cell.
    const inline = readInlineFields(lines[row], row, cell.range.column, cell.range.endColumn, false, !columns.includes('owner'));
    for (const [k, v] of Object.entries(inline.fields) as Array<[ActionField, Field]>) {
      if (k === 'action' || columns.includes(k) || fields[k]) continue;
      fields[k] = v;
      sources[k] = 'inline';
      if (inline.labels[k]) labels[k] = inline.labels[k];
    }
    if (inline.textEnd < cell.range.endColumn || inline.textStart > cell.range.column) {
      const text = lines[row].slice(inline.textStart, inline.textEnd).trimEnd();
      fields.action = { text, range: { ...cell.range, column: inline.textStart, endColumn: inline.textStart + text.length } };
    }
  }
  const r = rowRange(lines, row);
  const present = columns.filter((c): c is ActionField => !!c);
  const node: ActionItemNode = { line: row, range: r, origin: 'table', fields, columns: present, sources, labels, insertAt: { ...r, column: r.endColumn } };
  setCategory(node);
  return node;
}

/** `P1 - important for …`, `Priority: …`, `Legend: …`: a key to the list, not an item. */
const LEGEND = /^(?:\*\*|__)?(?:p[0-4]|sev ?[0-4]|priority|legend|key|note)(?:\*\*|__)?\s*(?:[-:=–—]|\*\*:)/i;

/**
 * A list item (its first line and, for fields, its continuation lines and sub-bullets) as an
 * action. Returns undefined for a legend line or an item with no text.
 */
function actionFromListItem(lines: readonly string[], line: number, endLine: number, subItems: readonly number[]): ActionItemNode | undefined {
  const text = lines[line];
  let c = listMarker(text);
  let checked: boolean | undefined;
  const cb = /^\[([ x])\]\s*/i.exec(text.slice(c));
  if (cb) {
    checked = cb[1] !== ' ';
    c += cb[0].length;
  }
  const end = text.trimEnd().length;
  if (LEGEND.test(text.slice(c))) return undefined;
  const inline = readInlineFields(text, line, c, end, false, true);
  const fields: ActionItemNode['fields'] = { ...inline.fields };
  const labels: Inline = { ...inline.labels };
  const sources: NonNullable<ActionItemNode['sources']> = {};
  for (const k of Object.keys(inline.fields) as ActionField[]) sources[k] = 'inline';
  // Continuation lines of the item's first paragraph and the sub-bullets under it.
  const more: number[] = [];
  for (let l = line + 1; l < endLine; l++) {
    const t = lines[l];
    if (t.trim() === '') break;
    if (/^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(t)) break;
    more.push(l);
  }
  more.push(...subItems);
  for (const l of more) {
    const t = lines[l];
    const start = listMarker(t) || t.length - t.trimStart().length;
    const sub = readInlineFields(t, l, start, t.trimEnd().length, true);
    for (const [k, v] of Object.entries(sub.fields) as Array<[ActionField, Field]>) {
      if (fields[k]) continue;
      fields[k] = v;
      sources[k] = 'continuation';
      if (sub.labels[k]) labels[k] = sub.labels[k];
    }
  }
  const actionText = text.slice(inline.textStart, inline.textEnd).trim();
  if (actionText) {
    const s = inline.textStart + text.slice(inline.textStart, inline.textEnd).indexOf(actionText);
    fields.action = { text: actionText, range: { line, column: s, endLine: line, endColumn: s + actionText.length } };
    sources.action = 'inline';
  }
  if (!fields.action && Object.keys(fields).length === 0) return undefined;
  const r = rowRange(lines, line);
  const node: ActionItemNode = { line, range: r, origin: 'list', checked, fields, sources, labels, insertAt: { line, column: end, endLine: line, endColumn: end } };
  if (struckThrough(text.slice(c, end))) node.struck = true;
  setCategory(node);
  return node;
}

/** Sub-headings of an action section that hold steps already taken, not follow-ups. */
const TAKEN = /\b(?:immediate|completed|already (?:done|taken)|what we did|steps taken|taken during|during the (?:incident|response)|mitigation steps|done during)\b/i;

/** Reads every action item of a document. `owner[l]` is the innermost keyed section of line l. */
export function readActions(lines: readonly string[], sections: readonly Section[], st: BlockStructure, owner: ReadonlyArray<Section | undefined>): ActionItemNode[] {
  const inSection = (l: number) => owner[l]?.key === 'action-items';
  const taken = sections.filter((s) => !s.key && TAKEN.test(s.title) && inSection(s.line));
  const isTaken = (l: number) => taken.some((s) => l > s.line && l < s.endLine);
  const hasActionSection = sections.some((s) => s.key === 'action-items');
  const out: ActionItemNode[] = [];
  for (const tb of st.tables) {
    if (tb.header < 0 || isTaken(tb.header)) continue;
    const head = splitTableRow(lines[tb.header], tb.header);
    const columns = head.map((c) => actionHeader(c.text));
    if (!isActionTable(columns, inSection(tb.header), hasActionSection)) continue;
    for (const row of tb.rows) {
      const node = actionFromRow(lines, row, columns, head.map((h) => h.text));
      if (node) out.push(node);
    }
  }
  st.items.forEach((it, i) => {
    if (it.depth !== 1 || !inSection(it.line) || isTaken(it.line)) return;
    const subs = st.children[i].map((j) => st.items[j].line);
    const node = actionFromListItem(lines, it.line, it.endLine, subs);
    if (node) out.push(node);
  });
  out.sort((a, b) => a.line - b.line);
  return out;
}
