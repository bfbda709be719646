/**
 * Pure text-edit builders: given a document's current text, the edit that appends a timeline line,
 * a status update, a checkpoint or an action row, or changes front-matter keys. New entries go at
 * the end of their section (timeline: right after the last entry), so concurrent edits on branches
 * merge cleanly. Nothing here touches a file or an editor; the extension applies the edits.
 */
import { parseDocument, type ParsedDocument, type Section } from '../parser';
import { actionHeader } from '../parser/items';
import { splitTableRow } from '../parser/markdown';
import type { TextEdit } from '../text';
import type { ActionField, SectionKey } from '../parser/types';
import type { TimelineKind } from '../model/schemas';

export type { TextEdit };
export { applyEdits } from '../text';

export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; message: string };

// ---------------------------------------------------------------------------------------------
// Applying edits: `applyEdits` in ../text (one implementation for lint fixes and these builders)

function cmpPos(aLine: number, aCol: number, bLine: number, bCol: number): number {
  return aLine - bLine || aCol - bCol;
}

/** Merges inserts at the same position into one edit (in order), so any editor applies them alike. */
export function mergeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const isInsert = e.range.line === e.range.endLine && e.range.column === e.range.endColumn;
    const same = out.find(
      (o) => isInsert && o.range.line === o.range.endLine && o.range.column === o.range.endColumn && cmpPos(o.range.line, o.range.column, e.range.line, e.range.column) === 0,
    );
    if (same) same.text += e.text;
    else out.push({ range: { ...e.range }, text: e.text });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formatting single items

/** Collapses line breaks and runs of white space so a value stays on its line. */
export function oneLine(text: string): string {
  return text
    .split(/[\r\n]/)
    .map((l) => l.trim())
    .join(' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

interface TimelineLineInput {
  /** ISO 8601 UTC timestamp. */
  time: string;
  kind: TimelineKind;
  text: string;
  /** Link, file:line or commit. */
  source?: string;
}

/** `- 2026-11-27T09:52:00Z [detection] Checkout 5xx alert fired (source: https://…)` */
export function formatTimelineLine(e: TimelineLineInput): string {
  const text = oneLine(e.text) || '(no text)';
  const source = e.source ? oneLine(e.source).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29')) : '';
  return `- ${e.time} [${e.kind}] ${text}${source ? ` (source: ${source})` : ''}`;
}

export interface StatusUpdateInput {
  time: string;
  known: string;
  unknown: string;
  impact: string;
  mitigation: string;
  /** ISO time of the next update; empty for a final update. */
  nextUpdate: string;
  /** The final update (the all-clear): no next update follows. */
  final?: boolean;
}

/** What a final update writes where the next update time would go. */
const FINAL_UPDATE_TEXT = 'none: this is the final update';

const STATUS_UPDATE_LABELS: Array<[keyof Omit<StatusUpdateInput, 'time' | 'final'>, string]> = [
  ['known', 'Known'],
  ['unknown', 'Unknown'],
  ['impact', 'Impact'],
  ['mitigation', 'Mitigation'],
  ['nextUpdate', 'Next update'],
];

function formatStatusUpdate(u: StatusUpdateInput, eol = '\n'): string {
  const lines = [`### ${u.time}${u.final ? ' — final update' : ''}`, ''];
  for (const [k, label] of STATUS_UPDATE_LABELS) {
    const value = k === 'nextUpdate' && u.final ? FINAL_UPDATE_TEXT : oneLine(u[k]);
    lines.push(`- **${label}:** ${value || 'none'}`);
  }
  return lines.join(eol);
}

export interface CheckpointInput {
  time: string;
  /** What the checkpoint is, e.g. "handover: commander @a → @b" or "shift change". */
  title: string;
  state: string;
  hypothesis: string;
  customerImpact: string;
  inFlightActions: string;
  decisionPoint: string;
  commsCadence: string;
  nextDecisionPoint: string;
}

export const CHECKPOINT_LABELS: Array<[keyof Omit<CheckpointInput, 'time' | 'title'>, string]> = [
  ['state', 'State'],
  ['hypothesis', 'Hypothesis'],
  ['customerImpact', 'Customer impact'],
  ['inFlightActions', 'In-flight actions'],
  ['decisionPoint', 'Decision point'],
  ['commsCadence', 'Comms cadence'],
  ['nextDecisionPoint', 'Next decision point'],
];

function formatCheckpoint(c: CheckpointInput, eol = '\n'): string {
  const title = oneLine(c.title);
  const lines = [`### ${c.time}${title ? ` — ${title}` : ''}`, ''];
  for (const [k, label] of CHECKPOINT_LABELS) lines.push(`- **${label}:** ${oneLine(c[k]) || 'none'}`);
  return lines.join(eol);
}

interface ActionRowInput {
  id?: string;
  action: string;
  owner: string;
  /** YYYY-MM-DD */
  due: string;
  category: string;
  verification: string;
  status?: string;
}

export const ACTION_TABLE_HEADER = '| ID | Action | Owner | Due | Category | Verification | Status |';
export const ACTION_TABLE_DELIMITER = '| --- | --- | --- | --- | --- | --- | --- |';
const DEFAULT_COLUMNS: ActionField[] = ['id', 'action', 'owner', 'due', 'category', 'verification', 'status'];

function cell(text: string | undefined): string {
  return oneLine(text ?? '').replace(/\\?\|/g, '\\|');
}

function formatActionRow(a: ActionRowInput, columns: ReadonlyArray<ActionField | undefined> = DEFAULT_COLUMNS): string {
  const values: Record<ActionField, string | undefined> = {
    id: a.id,
    action: a.action,
    owner: a.owner,
    due: a.due,
    category: a.category,
    verification: a.verification,
    status: a.status ?? 'open',
  };
  return `| ${columns.map((c) => (c ? cell(values[c]) : '')).join(' | ')} |`;
}

/** The next free action id ("A1", "A2", …) given the ids a postmortem already has. */
export function nextActionId(existing: ReadonlyArray<string | undefined>): string {
  let max = 0;
  for (const id of existing) {
    const m = /^[A-Z]*-?(\d+)$/i.exec((id ?? '').trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `A${max + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Where things go

function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

/** The first level-2 (or shallowest) section with this key. */
function findSection(doc: ParsedDocument, key: SectionKey): Section | undefined {
  const all = doc.sections.filter((s) => s.key === key);
  if (all.length === 0) return undefined;
  return all.reduce((best, s) => (s.level < best.level ? s : best));
}

function lastNonBlank(lines: readonly string[], from: number, to: number): number {
  for (let l = Math.min(to, lines.length) - 1; l >= from; l--) if (!isBlank(lines[l])) return l;
  return from;
}

/** An insert right after line `line` (at its end), starting a new line. */
function insertAfterLine(lines: readonly string[], line: number, block: string, eol: string, blankBefore: boolean): TextEdit {
  const col = (lines[line] ?? '').length;
  let text = (blankBefore ? eol + eol : eol) + block;
  // Keep a blank line before whatever follows (a heading, a paragraph).
  if (!isBlank(lines[line + 1])) text += eol;
  return { range: { line, column: col, endLine: line, endColumn: col }, text };
}

/** Appends a new `## <title>` section holding `block` at the end of the document. */
function appendSection(doc: ParsedDocument, title: string, block: string): TextEdit {
  const { lines, eol } = doc;
  const last = lastNonBlank(lines, 0, lines.length);
  const col = (lines[last] ?? '').length;
  const lead = isBlank(lines[last]) && last === 0 ? '' : eol + eol;
  const trail = last === lines.length - 1 ? eol : '';
  return { range: { line: last, column: col, endLine: last, endColumn: col }, text: `${lead}## ${title}${eol}${eol}${block}${trail}` };
}

/** Appends a block (status update, checkpoint) at the end of a section, after a blank line. */
function appendBlockToSection(doc: ParsedDocument, key: SectionKey, title: string, block: string): TextEdit {
  const section = findSection(doc, key);
  if (!section) return appendSection(doc, title, block);
  const last = lastNonBlank(doc.lines, section.line, section.endLine);
  return insertAfterLine(doc.lines, last, block, doc.eol, true);
}

/** The last line of the list item starting at `line` (its indented continuation lines). */
function listItemEnd(lines: readonly string[], line: number, limit: number): number {
  let end = line;
  for (let l = line + 1; l < limit; l++) {
    const s = lines[l];
    if (isBlank(s) || !/^\s/.test(s)) break;
    if (/^\s{0,3}(?:[-*+]|\d+[.)])\s/.test(s)) break;
    end = l;
  }
  return end;
}

// ---------------------------------------------------------------------------------------------
// Builders

function parsed(text: string | ParsedDocument): ParsedDocument {
  return typeof text === 'string' ? parseDocument(text) : text;
}

/** The edit that appends one timeline line after the last entry of the Timeline section. */
export function appendTimelineEntry(text: string | ParsedDocument, entry: TimelineLineInput): TextEdit {
  const doc = parsed(text);
  const line = formatTimelineLine(entry);
  const section = findSection(doc, 'timeline');
  if (!section) return appendSection(doc, 'Timeline', line);
  const inSection = doc.timeline.filter((e) => e.line > section.line && e.line < section.endLine && e.format !== 'table' && e.format !== 'code');
  if (inSection.length > 0) {
    const lastEntry = inSection[inSection.length - 1];
    const end = listItemEnd(doc.lines, lastEntry.line, section.endLine);
    return insertAfterLine(doc.lines, end, line, doc.eol, false);
  }
  // No entries yet: after the section's content (heading or placeholder text), after a blank line.
  const contentEnd = doc.sections.find((s) => s.line > section.line && s.line < section.endLine)?.line ?? section.endLine;
  const last = lastNonBlank(doc.lines, section.line, contentEnd);
  return insertAfterLine(doc.lines, last, line, doc.eol, true);
}

export function appendStatusUpdate(text: string | ParsedDocument, update: StatusUpdateInput): TextEdit {
  const doc = parsed(text);
  return appendBlockToSection(doc, 'status-updates', 'Status updates', formatStatusUpdate(update, doc.eol));
}

export function appendCheckpoint(text: string | ParsedDocument, checkpoint: CheckpointInput): TextEdit {
  const doc = parsed(text);
  return appendBlockToSection(doc, 'checkpoints', 'Checkpoints', formatCheckpoint(checkpoint, doc.eol));
}

/**
 * The edit that appends a row to the postmortem's action table (after its last row), creating the
 * table or the section when missing. The row follows the existing table's columns. The id is the
 * next free one when the input has none.
 */
export function appendActionRow(text: string | ParsedDocument, action: ActionRowInput): { edit: TextEdit; id: string } {
  const doc = parsed(text);
  const id = action.id || nextActionId(doc.actionItems.map((a) => a.fields.id?.text));
  const item = { ...action, id };
  const section = findSection(doc, 'action-items');
  if (!section) {
    const block = [ACTION_TABLE_HEADER, ACTION_TABLE_DELIMITER, formatActionRow(item)].join(doc.eol);
    return { edit: appendSection(doc, 'Action items', block), id };
  }
  // The first table in the section: header, delimiter, rows.
  let header = -1;
  for (let l = section.line + 1; l < section.endLine; l++) {
    if (/^\s*\|/.test(doc.lines[l]) && /^\s*(?:\|\s*)?:?-{3,}/.test(doc.lines[l + 1] ?? '')) {
      header = l;
      break;
    }
  }
  if (header < 0) {
    const block = [ACTION_TABLE_HEADER, ACTION_TABLE_DELIMITER, formatActionRow(item)].join(doc.eol);
    const contentEnd = doc.sections.find((s) => s.line > section.line && s.line < section.endLine)?.line ?? section.endLine;
    const last = lastNonBlank(doc.lines, section.line, contentEnd);
    return { edit: insertAfterLine(doc.lines, last, block, doc.eol, true), id };
  }
  const columns = splitTableRow(doc.lines[header], header).map((c) => actionHeader(c.text));
  let last = header + 1;
  for (let l = header + 2; l < section.endLine && /^\s*\|/.test(doc.lines[l]); l++) last = l;
  const row = formatActionRow(item, columns.some(Boolean) ? columns : DEFAULT_COLUMNS);
  return { edit: insertAfterLine(doc.lines, last, row, doc.eol, false), id };
}

// ---------------------------------------------------------------------------------------------
// Front matter

/** A YAML scalar as Sitrep writes it: plain when unambiguous, else double-quoted (JSON-compatible). */
export function yamlScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const v = value;
  const plain =
    /^[\w/.][\w@/.:+ -]*$/.test(v) &&
    !/:\s|\s#|\s$|:$/.test(v) &&
    !/^(?:true|false|yes|no|on|off|null|[~yn])$/i.test(v) &&
    !/^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(v);
  return plain ? v : JSON.stringify(v);
}

export function yamlValue(value: FrontMatterValue): string {
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  return yamlScalar(value);
}

type FrontMatterValue = string | number | boolean | null | string[];

export interface FrontMatterChange {
  /** Dotted path, at most one level deep: "status", "roles.commander". */
  path: string;
  value: FrontMatterValue;
}

/**
 * Edits that set front-matter keys: an existing value is replaced in place (comments and key order
 * stay), a missing key is added at the end of its block.
 * Over 80 lines: one walk over the changes that collects in-place edits and the keys to append per
 * block, then writes the appends; the two halves share the per-block lists.
 */
export function setFrontMatter(text: string | ParsedDocument, changes: readonly FrontMatterChange[]): EditResult {
  const doc = parsed(text);
  const fm = doc.frontMatter;
  if (!fm || !fm.data) return { ok: false, message: 'The document has no readable front matter (a YAML block between --- lines at the top).' };
  const { lines, eol } = doc;
  const edits: TextEdit[] = [];
  const closeCol = 0;
  const appendAtClose: string[] = [];
  const appendToParent = new Map<string, string[]>();
  for (const ch of changes) {
    const parts = ch.path.split('.');
    if (parts.length > 2) return { ok: false, message: `Sitrep cannot set nested key ${ch.path}.` };
    const entry = fm.entries.get(ch.path);
    const rendered = yamlValue(ch.value);
    if (entry?.keyRange) {
      const v = entry.valueRange;
      if (v && !(v.line === v.endLine && v.column === v.endColumn) && v.line === entry.keyRange.line && v.endLine === v.line) {
        edits.push({ range: { ...v }, text: rendered });
      } else if (!v || (v.line === v.endLine && v.column === v.endColumn)) {
        // `key:` with an empty value: write after the colon.
        const k = entry.keyRange;
        const lineText = lines[k.line];
        const colon = lineText.indexOf(':', k.endColumn);
        const at = colon >= 0 ? colon + 1 : k.endColumn;
        const end = lineText.replace(/(?<!\s)\s+#[\s\S]*$/, '').length;
        edits.push({ range: { line: k.line, column: at, endLine: k.line, endColumn: Math.max(at, end) }, text: ` ${rendered}` });
      } else {
        // A block value (several lines): replace it from after the colon to its end.
        const k = entry.keyRange;
        const colon = lines[k.line].indexOf(':', k.endColumn);
        let endLine = v.endLine, endColumn = v.endColumn;
        while (endLine > k.line && endColumn === 0) {
          endLine--;
          endColumn = lines[endLine].length;
        }
        edits.push({ range: { line: k.line, column: colon + 1, endLine, endColumn }, text: ` ${rendered}` });
      }
      continue;
    }
    if (parts.length === 1) {
      appendAtClose.push(`${parts[0]}: ${rendered}`);
      continue;
    }
    const [parent, child] = parts;
    const pe = fm.entries.get(parent);
    const pdata = fm.data[parent];
    if (!pe?.keyRange || pdata === null || pdata === undefined) {
      // No parent (or an empty one): write the parent with this child at the end of the block.
      if (pe?.keyRange) return { ok: false, message: `Set ${parent} to a mapping before adding ${child}.` };
      const list = appendToParent.get(`new:${parent}`) ?? [];
      list.push(`  ${child}: ${rendered}`);
      appendToParent.set(`new:${parent}`, list);
      continue;
    }
    if (typeof pdata !== 'object' || Array.isArray(pdata)) return { ok: false, message: `${parent} is not a mapping, so ${child} cannot be added to it.` };
    const pv = pe.valueRange;
    if (!pv || pv.line === pe.keyRange.line) return { ok: false, message: `${parent} is written inline ({…}); Sitrep only adds keys to block mappings.` };
    // Indentation of the existing children.
    const sibling = [...fm.entries.values()].find((e) => e.path.startsWith(parent + '.') && e.path.split('.').length === 2 && e.keyRange);
    const indent = sibling?.keyRange ? ' '.repeat(sibling.keyRange.column) : '  ';
    let lastLine = pv.endLine;
    if (pv.endColumn === 0 && lastLine > pv.line) lastLine--;
    const key = `child:${lastLine}`;
    const list = appendToParent.get(key) ?? [];
    list.push(`${indent}${child}: ${rendered}`);
    appendToParent.set(key, list);
  }
  for (const [key, list] of appendToParent) {
    if (key.startsWith('new:')) {
      appendAtClose.push(`${key.slice(4)}:`, ...list);
      continue;
    }
    const line = Number(key.slice(6));
    const col = lines[line].length;
    edits.push({ range: { line, column: col, endLine: line, endColumn: col }, text: list.map((l) => eol + l).join('') });
  }
  if (appendAtClose.length) {
    edits.push({ range: { line: fm.endLine, column: closeCol, endLine: fm.endLine, endColumn: closeCol }, text: appendAtClose.map((l) => l + eol).join('') });
  }
  return { ok: true, edits: mergeEdits(edits) };
}
