/**
 * The document parser: text in, model and problems out. Never throws; every item and problem
 * carries an exact source range.
 */
import { IncidentFrontMatter, PostmortemFrontMatter } from '../model/schemas';
import { DEFAULT_DOCUMENT_GLOBS, matchesAny } from '../glob';
import { detectEol, LineIndex, splitLines, type Range } from '../text';
import { readFrontMatter, schemaProblems, type FrontMatter } from './frontmatter';
import {
  actionHeader,
  categoryOf,
  checkpointLabel,
  layerOf,
  listMarker,
  readActionListItem,
  readEntryRest,
  readLabelled,
  readLeadingTime,
  scopeHeader,
  statusLabel,
} from './items';
import { buildSections, markdown, sectionKeyByLine, splitTableRow, type Token } from './markdown';
import type {
  ActionField,
  ActionItemNode,
  DocumentKind,
  FactorNode,
  ImpactScopeRowNode,
  LabelledBlock,
  ParsedDocument,
  Problem,
  Section,
  TimelineEntryNode,
} from './types';

export * from './types';
export { readFrontMatter } from './frontmatter';

export interface ParseOptions {
  /** Path relative to its workspace folder, forward slashes; used for glob recognition. */
  relativePath?: string;
  /** Document globs; defaults to incidents/**, postmortems/**, ** /postmortem*.md. */
  globs?: readonly string[];
  /** Globs of files never treated as documents by path (a front-matter type still counts). */
  ignore?: readonly string[];
  /** Treat the document as this kind whatever its front matter and path say (CLI on explicit files). */
  assumeKind?: DocumentKind;
  /** Texts longer than this many characters are only checked for front matter. Default 5,000,000. */
  maxLength?: number;
}

export const DEFAULT_MAX_LENGTH = 5_000_000;
/** Documents with more lines than this are only checked for front matter (memory grows with items). */
export const MAX_LINES = 50_000;

function emptyDoc(text: string): ParsedDocument {
  return {
    kind: 'unknown',
    kindFrom: 'none',
    text,
    lines: [],
    eol: '\n',
    hadBom: false,
    bodyStartLine: 0,
    sections: [],
    timeline: [],
    statusUpdates: [],
    checkpoints: [],
    actionItems: [],
    factors: [],
    impactScope: [],
    prose: [],
    problems: [],
  };
}

/** Parses a document. Never throws: an unexpected internal failure becomes a problem on line 1. */
export function parseDocument(input: string, options: ParseOptions = {}): ParsedDocument {
  try {
    return parseUnsafe(input, options);
  } catch (e) {
    const doc = emptyDoc(input);
    doc.lines = splitLines(input);
    doc.problems.push({
      code: 'parse-error',
      severity: 'error',
      message: `Sitrep could not read this document: ${e instanceof Error ? e.message : String(e)}`,
      range: { line: 0, column: 0, endLine: 0, endColumn: (doc.lines[0] ?? '').length },
    });
    return doc;
  }
}

function parseUnsafe(input: string, options: ParseOptions): ParsedDocument {
  const hadBom = input.charCodeAt(0) === 0xfeff;
  const text = hadBom ? input.slice(1) : input;
  const doc = emptyDoc(text);
  doc.hadBom = hadBom;
  doc.eol = detectEol(text);
  const problems: Problem[] = doc.problems;

  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const idx = new LineIndex(text.slice(0, nul + 1));
    const p = idx.position(nul);
    doc.lines = splitLines(text.slice(0, Math.min(text.length, 100_000)));
    doc.truncated = true;
    problems.push({
      code: 'parse-error',
      severity: 'error',
      message: 'This file holds binary data (a NUL byte), so Sitrep does not read it as a document.',
      range: { line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1 },
    });
    return doc;
  }

  const lines = splitLines(text);
  doc.lines = lines;
  const index = new LineIndex(text);
  const { frontMatter, bodyStartLine } = readFrontMatter(text, lines, index, problems);
  doc.frontMatter = frontMatter;
  doc.bodyStartLine = bodyStartLine;

  // Kind: front-matter type, else configured globs and content.
  const type = frontMatter?.data ? frontMatter.data.type : frontMatter?.typeHint;
  if (options.assumeKind && options.assumeKind !== 'unknown') {
    doc.kind = options.assumeKind;
    doc.kindFrom = 'path';
  } else if (type === 'incident' || type === 'postmortem') {
    doc.kind = type;
    doc.kindFrom = 'front-matter';
  } else if (type !== undefined && frontMatter) {
    const e = frontMatter.entries.get('type');
    problems.push({
      code: 'front-matter-schema',
      severity: 'error',
      message: `"type": expected incident or postmortem.`,
      range: e?.valueRange ?? frontMatter.openRange,
    });
  }

  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength || lines.length > MAX_LINES) {
    doc.truncated = true;
    problems.push({
      code: 'parse-error',
      severity: 'error',
      message:
        text.length > maxLength
          ? `This document is ${(text.length / 1_000_000).toFixed(1)} MB; Sitrep checks documents up to ${(maxLength / 1_000_000).toFixed(1)} MB and skipped its body.`
          : `This document has ${lines.length.toLocaleString('en-US')} lines; Sitrep checks documents up to ${MAX_LINES.toLocaleString('en-US')} lines and skipped its body.`,
      range: { line: bodyStartLine < lines.length ? bodyStartLine : 0, column: 0, endLine: bodyStartLine < lines.length ? bodyStartLine : 0, endColumn: 0 },
    });
    finishKind(doc, options);
    validateFrontMatter(doc);
    return doc;
  }

  // Markdown body: front-matter lines are blanked so token line maps stay document lines.
  const bodyText = bodyStartLine > 0 ? '\n'.repeat(bodyStartLine) + text.slice(index.lineStart(bodyStartLine)) : text;
  const tokens = markdown().parse(bodyText, {});
  doc.sections = buildSections(tokens, lines, lines.length);
  doc.prose = proseMap(tokens, lines.length, bodyStartLine);

  finishKind(doc, options);
  validateFrontMatter(doc);
  extractItems(doc, tokens);
  return doc;
}

function finishKind(doc: ParsedDocument, options: ParseOptions): void {
  if (doc.kind !== 'unknown') return;
  const rel = options.relativePath;
  if (!rel) return;
  const globs = options.globs ?? DEFAULT_DOCUMENT_GLOBS;
  if (!matchesAny(rel, globs)) return;
  if (options.ignore && matchesAny(rel, options.ignore)) return;
  if (!/\.(?:md|markdown)$/i.test(rel)) return;
  doc.kindFrom = 'path';
  const name = rel.toLowerCase();
  const keys = new Set(doc.sections.map((s) => s.key).filter(Boolean));
  if (/post-?mortem|retro|pir|incident-review|rca/.test(name.split('/').pop() ?? '') || /(?:^|\/)postmortems?\//.test(name)) doc.kind = 'postmortem';
  else if (keys.has('status-updates') || keys.has('checkpoints')) doc.kind = 'incident';
  else if (keys.has('action-items') || keys.has('contributing-factors')) doc.kind = 'postmortem';
  else doc.kind = 'incident';
}

const LooseIncident = IncidentFrontMatter.partial().loose();
const LoosePostmortem = PostmortemFrontMatter.partial().loose();

/** Validation results per front-matter object (reused while the block is unchanged) and kind. */
const validated = new WeakMap<FrontMatter, Map<DocumentKind, { problems: Problem[]; incident?: ParsedDocument['incident']; postmortem?: ParsedDocument['postmortem'] }>>();

function validateFrontMatter(doc: ParsedDocument): void {
  const fm = doc.frontMatter;
  if (!fm || !fm.data) return;
  if (doc.kind !== 'incident' && doc.kind !== 'postmortem') return;
  let byKind = validated.get(fm);
  if (!byKind) {
    byKind = new Map();
    validated.set(fm, byKind);
  }
  let hit = byKind.get(doc.kind);
  if (!hit) {
    hit = { problems: [] };
    const typed = fm.data.type === doc.kind;
    if (doc.kind === 'incident') {
      // Without a type key (recognised by path) only the keys present are checked, loosely.
      hit.problems = schemaProblems(fm, typed ? IncidentFrontMatter : LooseIncident, 'incident');
      if (typed) {
        const r = IncidentFrontMatter.safeParse(fm.data);
        if (r.success) hit.incident = r.data;
      }
    } else {
      hit.problems = schemaProblems(fm, typed ? PostmortemFrontMatter : LoosePostmortem, 'postmortem');
      if (typed) {
        const r = PostmortemFrontMatter.safeParse(fm.data);
        if (r.success) hit.postmortem = r.data;
      }
    }
    byKind.set(doc.kind, hit);
  }
  doc.problems.push(...hit.problems.map((p) => ({ ...p })));
  if (hit.incident) doc.incident = hit.incident;
  if (hit.postmortem) doc.postmortem = hit.postmortem;
}

function proseMap(tokens: Token[], lineCount: number, bodyStartLine: number): boolean[] {
  const prose = new Array<boolean>(lineCount).fill(true);
  for (let l = 0; l < bodyStartLine && l < lineCount; l++) prose[l] = false;
  for (const t of tokens) {
    if ((t.type === 'fence' || t.type === 'code_block' || t.type === 'html_block') && t.map) {
      for (let l = t.map[0]; l < t.map[1] && l < lineCount; l++) prose[l] = false;
    }
  }
  return prose;
}

interface ListItemRef {
  line: number;
  endLine: number;
  depth: number;
}
interface TableRef {
  header: number;
  rows: number[];
}

function extractItems(doc: ParsedDocument, tokens: Token[]): void {
  const { lines } = doc;
  const owner = sectionKeyByLine(doc.sections, lines.length);
  const items: ListItemRef[] = [];
  const tables: TableRef[] = [];
  const paragraphs: Array<[number, number]> = [];
  let depth = 0;
  let table: TableRef | undefined;
  for (const t of tokens) {
    switch (t.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        depth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        depth--;
        break;
      case 'list_item_open':
        if (t.map) items.push({ line: t.map[0], endLine: t.map[1], depth });
        break;
      case 'paragraph_open':
        if (depth === 0 && t.map) paragraphs.push([t.map[0], t.map[1]]);
        break;
      case 'table_open':
        table = { header: t.map ? t.map[0] : -1, rows: [] };
        break;
      case 'tr_open':
        if (table && t.map && t.map[0] !== table.header) table.rows.push(t.map[0]);
        break;
      case 'table_close':
        if (table) tables.push(table);
        table = undefined;
        break;
    }
  }

  const inSection = (line: number, key: string) => owner[line]?.key === key;

  // Timeline: top-level list items, table rows and time-led paragraph lines in a timeline section.
  const timeline: TimelineEntryNode[] = [];
  for (const it of items) {
    if (it.depth !== 1 || !inSection(it.line, 'timeline')) continue;
    timeline.push(timelineFromLine(lines[it.line], it.line));
  }
  for (const tb of tables) {
    if (tb.header < 0 || !inSection(tb.header, 'timeline')) continue;
    const head = splitTableRow(lines[tb.header], tb.header);
    const timeCol = head.findIndex((c) => /time|date|when/i.test(c.text));
    const eventCol = head.findIndex((c, i) => i !== timeCol && /event|what|action|impact|description|detail/i.test(c.text));
    const linkCol = head.findIndex((c) => /link|source|data|evidence|ref/i.test(c.text));
    for (const row of tb.rows) {
      const cells = splitTableRow(lines[row], row);
      if (cells.every((c) => c.text === '')) continue;
      const tc = cells[timeCol >= 0 ? timeCol : 0];
      const entry: TimelineEntryNode = {
        line: row,
        range: rowRange(lines, row),
        format: 'table',
        text: cells
          .filter((_, i) => i !== (timeCol >= 0 ? timeCol : 0) && i !== linkCol)
          .map((c) => c.text)
          .filter(Boolean)
          .join(' — '),
      };
      if (eventCol >= 0 && cells[eventCol]) entry.text = cells[eventCol].text || entry.text;
      if (tc && tc.text) {
        const lt = readLeadingTime(lines[row], row, tc.range.column);
        if (lt && lt.time.range.endColumn <= tc.range.endColumn) {
          entry.time = lt.time;
          entry.at = lt.at;
          entry.timeProblem = lt.problem;
        } else {
          entry.time = tc;
          entry.timeProblem = 'is not a timestamp';
        }
      }
      if (linkCol >= 0 && cells[linkCol]?.text) entry.source = cells[linkCol];
      timeline.push(entry);
    }
  }
  for (const [a, b] of paragraphs) {
    for (let l = a; l < b; l++) {
      if (!inSection(l, 'timeline') || !doc.prose[l]) continue;
      const line = lines[l];
      const col = line.length - line.trimStart().length;
      const lt = readLeadingTime(line, l, col);
      if (!lt) continue;
      const e = timelineFromLine(line, l);
      e.format = 'line';
      timeline.push(e);
    }
  }
  timeline.sort((x, y) => x.line - y.line);
  doc.timeline = timeline;

  // Status updates and checkpoints: sub-headings with labelled bullets.
  const readable = (l: number) => doc.prose[l];
  doc.statusUpdates = labelledBlocks(lines, doc.sections, 'status-updates', statusLabel, readable);
  doc.checkpoints = labelledBlocks(lines, doc.sections, 'checkpoints', checkpointLabel, readable);

  // Action items: tables with an action column, and list items in an action-items section.
  const hasActionSection = doc.sections.some((s) => s.key === 'action-items');
  const actions: ActionItemNode[] = [];
  for (const tb of tables) {
    if (tb.header < 0) continue;
    const head = splitTableRow(lines[tb.header], tb.header);
    const columns = head.map((c) => actionHeader(c.text));
    if (!isActionTable(columns, inSection(tb.header, 'action-items'), hasActionSection)) continue;
    for (const row of tb.rows) {
      const node = actionFromRow(lines, row, columns);
      if (node) actions.push(node);
    }
  }
  for (const it of items) {
    if (it.depth !== 1 || !inSection(it.line, 'action-items')) continue;
    const line = lines[it.line];
    const { fields, checked, textEnd } = readActionListItem(line, it.line);
    if (!fields.action && Object.keys(fields).length === 0) continue;
    const r = rowRange(lines, it.line);
    const node: ActionItemNode = {
      line: it.line,
      range: r,
      origin: 'list',
      checked,
      fields,
      insertAt: { line: it.line, column: textEnd, endLine: it.line, endColumn: textEnd },
    };
    const cat = fields.category ? categoryOf(fields.category.text) : undefined;
    if (cat?.exact) node.category = cat.category;
    actions.push(node);
  }
  actions.sort((a, b) => a.line - b.line);
  doc.actionItems = actions;

  // Contributing factors: top-level list items in the section; layer from a label, a tag or a sub-heading.
  const factors: FactorNode[] = [];
  for (const it of items) {
    if (it.depth !== 1 || !inSection(it.line, 'contributing-factors')) continue;
    const line = lines[it.line];
    const f = factorFromLine(line, it.line);
    if (!f.layer) {
      const sub = enclosingSubsection(doc.sections, it.line, 'contributing-factors');
      if (sub) {
        const l = layerOf(sub.title.replace(/gaps?$/i, '').trim()) ?? layerOf(sub.title);
        if (l) {
          f.layer = l;
          f.layerField = { text: sub.title, range: sub.headingRange };
        }
      }
    }
    if (f.text || f.layer) factors.push(f);
  }
  doc.factors = factors;

  // Impact scope table.
  const scope: ImpactScopeRowNode[] = [];
  for (const tb of tables) {
    if (tb.header < 0 || !inSection(tb.header, 'impact')) continue;
    const head = splitTableRow(lines[tb.header], tb.header);
    const cols = head.map((c) => scopeHeader(c.text));
    if (cols.filter(Boolean).length < 2) continue;
    for (const row of tb.rows) {
      const cells = splitTableRow(lines[row], row);
      const node: ImpactScopeRowNode = { line: row, range: rowRange(lines, row), cells: {} };
      cols.forEach((c, i) => {
        if (c && cells[i]) node.cells[c] = cells[i];
      });
      scope.push(node);
    }
  }
  doc.impactScope = scope;
}

/** Whether a table with these header columns holds action items. */
export function isActionTable(columns: ReadonlyArray<ActionField | undefined>, inActionSection: boolean, hasActionSection: boolean): boolean {
  const others = columns.filter((c) => c && c !== 'action').length;
  if (inActionSection) return columns.includes('action') || columns.filter(Boolean).length >= 2;
  return !hasActionSection && columns.includes('action') && others >= 2;
}

/** One row of an action table as an action item (undefined for an empty row). */
export function actionFromRow(lines: readonly string[], row: number, columns: ReadonlyArray<ActionField | undefined>): ActionItemNode | undefined {
  const cells = splitTableRow(lines[row], row);
  if (cells.every((c) => c.text === '')) return undefined;
  const fields: ActionItemNode['fields'] = {};
  columns.forEach((f, i) => {
    if (f && cells[i] && !fields[f]) fields[f] = cells[i];
  });
  if (!fields.action) {
    // An action table without an Action column: the first unmapped cell holds the text.
    const i = columns.findIndex((c) => !c);
    if (i >= 0 && cells[i]) fields.action = cells[i];
  }
  const r = rowRange(lines, row);
  const present = columns.filter((c): c is ActionField => !!c);
  const node: ActionItemNode = { line: row, range: r, origin: 'table', fields, columns: present, insertAt: { ...r, column: r.endColumn } };
  const cat = fields.category ? categoryOf(fields.category.text) : undefined;
  if (cat?.exact) node.category = cat.category;
  return node;
}

function rowRange(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const start = listMarker(text) || text.length - text.trimStart().length;
  return { line, column: start, endLine: line, endColumn: Math.max(start, text.trimEnd().length) };
}

function timelineFromLine(line: string, lineNo: number): TimelineEntryNode {
  const col = listMarker(line) || line.length - line.trimStart().length;
  const range: Range = { line: lineNo, column: col, endLine: lineNo, endColumn: Math.max(col, line.trimEnd().length) };
  const lt = readLeadingTime(line, lineNo, col);
  if (!lt) {
    const rest = readEntryRest(line, lineNo, col);
    return { line: lineNo, range, format: 'bullet', ...rest };
  }
  const rest = readEntryRest(line, lineNo, lt.restColumn);
  return {
    line: lineNo,
    range,
    format: lt.at !== undefined && rest.kind && /^\d{4}-\d{2}-\d{2}T/.test(lt.time.text) ? 'sitrep' : 'bullet',
    time: lt.time,
    at: lt.at,
    timeProblem: lt.problem,
    ...rest,
  };
}

function factorFromLine(line: string, lineNo: number): FactorNode {
  const col = listMarker(line);
  const range: Range = { line: lineNo, column: col, endLine: lineNo, endColumn: Math.max(col, line.trimEnd().length) };
  const lab = readLabelled(line, lineNo);
  if (lab) {
    const layer = layerOf(lab.label);
    if (layer) return { line: lineNo, range, layer, layerField: { text: lab.label, range: lab.labelRange }, text: lab.value.text };
  }
  const tag = /^\[([A-Z][\w /-]*)\]\s*/i.exec(line.slice(col));
  if (tag) {
    const layer = layerOf(tag[1]);
    if (layer) {
      return {
        line: lineNo,
        range,
        layer,
        layerField: { text: tag[1], range: { line: lineNo, column: col + 1, endLine: lineNo, endColumn: col + 1 + tag[1].length } },
        text: line.slice(col + tag[0].length).trim(),
      };
    }
  }
  const inline = /\(layer:\s*([A-Z][\w /-]*)\)/i.exec(line);
  if (inline) {
    const layer = layerOf(inline[1]);
    const s = inline.index + inline[0].indexOf(inline[1]);
    if (layer) {
      return {
        line: lineNo,
        range,
        layer,
        layerField: { text: inline[1], range: { line: lineNo, column: s, endLine: lineNo, endColumn: s + inline[1].length } },
        text: (line.slice(col, inline.index) + line.slice(inline.index + inline[0].length)).trim(),
      };
    }
  }
  return { line: lineNo, range, text: line.slice(col).trim() };
}

function enclosingSubsection(sections: Section[], line: number, key: string): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) {
    if (s.line < line && line < s.endLine && !s.key) {
      // inside a keyed parent
      const parent = sections.find((p) => p.key === key && p.line < s.line && s.endLine <= p.endLine);
      if (parent && (!best || s.line > best.line)) best = s;
    }
  }
  return best;
}

/**
 * Status updates or checkpoints: the sub-headings of each `key` section with their labelled
 * bullets. `readable(line)` says which lines may hold a bullet (prose, not code).
 */
export function labelledBlocks(
  lines: readonly string[],
  sections: readonly Section[],
  key: string,
  label: (l: string) => string | undefined,
  readable: (line: number) => boolean,
): LabelledBlock[] {
  const out: LabelledBlock[] = [];
  for (const parent of sections) {
    if (parent.key !== key) continue;
    const subs = sections.filter((s) => s.line > parent.line && s.line < parent.endLine && s.level > parent.level);
    const minLevel = Math.min(...subs.map((s) => s.level));
    for (const sub of subs) {
      if (sub.level !== minLevel) continue;
      const block: LabelledBlock = {
        line: sub.line,
        headingRange: sub.headingRange,
        range: { ...sub.headingRange },
        title: sub.title,
        fields: new Map(),
      };
      const lt = readLeadingTime(lines[sub.line], sub.line, sub.headingRange.column);
      if (lt) {
        block.time = lt.time;
        block.at = lt.at;
      }
      for (let l = sub.line + 1; l < sub.endLine; l++) {
        if (!readable(l) || lines[l].indexOf(':') < 0) continue;
        const lab = readLabelled(lines[l], l);
        if (!lab) continue;
        const k = label(lab.label);
        if (!k || block.fields.has(k)) continue;
        block.fields.set(k, { ...lab.value, labelRange: lab.labelRange });
        block.range = { ...block.range, endLine: l, endColumn: lines[l].trimEnd().length };
      }
      out.push(block);
    }
  }
  return out;
}
