/** Small helpers shared by rules: ranges, sections, actions, factor layers, cadence. */
import { countdownSeverity, effectiveCadence } from '../incident/cadence';
import { readableFrontMatter } from '../incident/salvage';
import { SEVERITIES, type FactorLayer, type Severity as IncidentSeverity } from '../model/schemas';
import { isPlaceholderLine } from '../parser/markdown';
import type { ActionField, ActionItemNode, FactorNode, ParsedDocument, Section, SectionKey } from '../parser/types';
import type { Range } from '../text';
import { isPlaceholderValue } from './phrases';
import type { RuleContext, TextEdit } from './types';
import { actionState, type ActionState } from '../parser/action-state';
import { inferLayer } from '../parser/factors';

/** Line 1 of the document, for findings about something that is absent. */
export function firstLineRange(doc: ParsedDocument): Range {
  return { line: 0, column: 0, endLine: 0, endColumn: (doc.lines[0] ?? '').length };
}

export function sectionsOf(doc: ParsedDocument, key: SectionKey): Section[] {
  return doc.sections.filter((s) => s.key === key);
}

/** The whole text (own lines and sub-sections) of a section, without its heading. */
export function sectionText(doc: ParsedDocument, s: Section): string {
  const body = doc.lines.slice(s.line + 1, s.endLine).join('\n');
  if (s.level <= 6) return body;
  // A bold-label section ("**Impact:** 212,000 sessions …") starts on the label's own line.
  return (doc.lines[s.line] ?? '').slice(s.headingRange.endColumn).replace(/^[*_:\s]+/, '') + '\n' + body;
}

/**
 * True when a section holds nothing but template placeholders, including a table that has only
 * a header and empty rows.
 */
export function isPlaceholderSection(doc: ParsedDocument, s: Section): boolean {
  if (s.placeholder) return true;
  if (s.level > 6) {
    // A bold-label section ("**Impact**: 1,204 customers …") holds its text on the label's line.
    const rest = (doc.lines[s.line] ?? '').slice(s.headingRange.endColumn).replace(/^[*_:\s]+/, '');
    if (rest && !isPlaceholderLine(rest)) return false;
  }
  for (let l = s.line + 1; l < s.endLine; l++) {
    const t = doc.lines[l] ?? '';
    if (isPlaceholderLine(t)) continue;
    if (/^\s{0,3}#{1,6}\s/.test(t)) continue;
    // A table header line whose table has no filled rows is a template.
    if (/^\s*\|/.test(t) && isEmptyTableFrom(doc, l)) continue;
    return false;
  }
  return true;
}

function isEmptyTableFrom(doc: ParsedDocument, line: number): boolean {
  // The line is in a table; the table is empty when every row other than the header is blank.
  let start = line;
  while (start > 0 && /^\s*\|/.test(doc.lines[start - 1] ?? '')) start--;
  for (let l = start + 1; l < doc.lines.length && /^\s*\|/.test(doc.lines[l]); l++) {
    if (!isPlaceholderLine(doc.lines[l])) return false;
  }
  return true;
}

/**
 * The front matter as plain data (valid or not); when its YAML does not parse, what can be read
 * line by line, so that one typo is one finding and not a cascade.
 */
export function frontData(doc: ParsedDocument): Record<string, unknown> {
  return readableFrontMatter(doc);
}

/** Range of a front-matter value (or its key), by dotted path. */
export function frontRange(doc: ParsedDocument, path: string): Range | undefined {
  const e = doc.frontMatter?.entries.get(path);
  return e?.valueRange ?? e?.keyRange;
}

// ---- Action items ----

/** An action row or item that is nothing but a template: every field empty or a placeholder. */
export function isTemplateAction(a: ActionItemNode): boolean {
  let t = templateMemo.get(a);
  if (t === undefined) {
    t = Object.values(a.fields).every((f) => !f || isPlaceholderValue(f.text));
    templateMemo.set(a, t);
  }
  return t;
}
const templateMemo = new WeakMap<ActionItemNode, boolean>();

/**
 * A field finding's range: the field when it has text on the item's first line, else the row or
 * item (a field on a continuation line is reported where the item starts).
 */
export function fieldOrItemRange(a: ActionItemNode, field: ActionField): Range {
  const f = a.fields[field];
  return f && f.text.trim() !== '' && f.range.line === a.line ? f.range : a.range;
}

/** The one reading of an action item (done, due, category, verification), computed once per item. */
export function stateOf(a: ActionItemNode): ActionState {
  let s = stateMemo.get(a);
  if (!s) {
    s = actionState(a);
    stateMemo.set(a, s);
  }
  return s;
}
const stateMemo = new WeakMap<ActionItemNode, ActionState>();

/** An edit that puts `key: value` into a list action item, next to its other fields. */
function insertListField(doc: ParsedDocument, a: ActionItemNode, key: string, value: string): TextEdit {
  let last: Range | undefined;
  for (const [name, f] of Object.entries(a.fields)) {
    if (name === 'action' || !f) continue;
    if (!last || f.range.endColumn > last.endColumn) last = f.range;
  }
  if (last) return { range: { line: a.line, column: last.endColumn, endLine: a.line, endColumn: last.endColumn }, text: `, ${key}: ${value}` };
  const line = doc.lines[a.line];
  const end = a.insertAt.column;
  const space = end > 0 && line[end - 1] !== ' ' ? ' ' : '';
  return { range: { line: a.line, column: end, endLine: a.line, endColumn: end }, text: `${space}(${key}: ${value})` };
}

/** An edit that fills or replaces a field's value: a table cell or a list field. */
export function setFieldEdit(doc: ParsedDocument, a: ActionItemNode, field: ActionField, key: string, value: string): TextEdit | undefined {
  const f = a.fields[field];
  if (f) {
    if (f.text === '') {
      // An empty table cell: replace everything between its pipes with " value ".
      const line = doc.lines[a.line];
      if (a.origin === 'table') {
        const open = line.lastIndexOf('|', f.range.column - 1);
        let close = line.indexOf('|', f.range.column);
        if (close < 0) close = line.length;
        if (open >= 0 && open < close) return { range: { line: a.line, column: open + 1, endLine: a.line, endColumn: close }, text: ` ${value} ` };
      }
      return { range: f.range, text: value };
    }
    return { range: f.range, text: value };
  }
  if (a.origin === 'list') return insertListField(doc, a, key, value);
  return undefined;
}

// ---- Contributing factors ----

/** A factor's layer: its label, or one inferred from its words (detection, rollout, runbook, organizational, else trigger). */
function factorLayer(f: FactorNode): FactorLayer {
  return f.layer ?? inferLayer(f.text).layer;
}

/** ≥ 3 factors across ≥ 2 layers. */
const layeredMemo = new WeakMap<ParsedDocument, { count: number; layers: Set<FactorLayer>; ok: boolean }>();

export function factorsLayered(doc: ParsedDocument): { count: number; layers: Set<FactorLayer>; ok: boolean } {
  const hit = layeredMemo.get(doc);
  if (hit) return hit;
  const result = computeLayered(doc);
  layeredMemo.set(doc, result);
  return result;
}

function computeLayered(doc: ParsedDocument): { count: number; layers: Set<FactorLayer>; ok: boolean } {
  const layers = new Set<FactorLayer>();
  let count = 0;
  for (const f of doc.factors) {
    if (isPlaceholderLine(doc.lines[f.line]) || isPlaceholderLine(f.text) || isPlaceholderValue(f.text)) continue;
    count++;
    layers.add(factorLayer(f));
  }
  return { count, layers, ok: count >= 3 && layers.size >= 2 };
}

// ---- Incident cadence ----

export function incidentSeverity(doc: ParsedDocument): IncidentSeverity | undefined {
  const s = frontData(doc).severity;
  return typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s) ? (s as IncidentSeverity) : undefined;
}

/** Minutes allowed between status updates: the one cadence reading (`effectiveCadence`) the status bar uses too. */
export function allowedCadence(doc: ParsedDocument, ctx: RuleContext): number | undefined {
  const data = frontData(doc);
  const fm = data.update_cadence_minutes;
  return effectiveCadence(countdownSeverity(doc, data), typeof fm === 'number' ? fm : undefined, ctx.config);
}

export function isActiveIncident(doc: ParsedDocument): boolean {
  const s = frontData(doc).status;
  return s !== 'resolved';
}
