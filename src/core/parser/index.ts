/**
 * The document parser: text in, model and problems out. Never throws; every item and problem
 * carries an exact source range.
 */
import { IncidentFrontMatter, PostmortemFrontMatter } from '../model/schemas';
import { DEFAULT_DOCUMENT_GLOBS, matchesAny } from '../glob';
import { detectEol, hasBom, LineIndex, splitLines, stripBom, type Range } from '../text';
import { readFrontMatter, schemaProblems, type FrontMatter } from './frontmatter';
import { checkpointLabel, listMarker, readLabelled, scopeHeader } from './items';
import { readStamp, resolveStamp, stampRange } from './stamp';
import { buildSections, markdown, readStructure, sectionKey, sectionKeyByLine, splitTableRow, type BlockStructure, type Token } from './markdown';
import { readActions } from './actions';
import { readFactors } from './factors';
import { documentYear, readTimeline } from './timeline';
import { readStatusUpdates } from './updates';
export { latestUpdate } from './updates';
import type { DocumentKind, ImpactScopeRowNode, LabelledBlock, ParsedDocument, Problem, Section } from './types';

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
const MAX_LINES = 50_000;

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
  const hadBom = hasBom(input);
  const text = stripBom(input);
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
  const st = readStructure(tokens, lines.length);
  const headings = buildSections(tokens, lines, lines.length);
  doc.sections = [...headings, ...boldLabelSections(lines, headings, st)].sort((x, y) => x.line - y.line || x.level - y.level);
  doc.prose = proseMap(tokens, lines.length, bodyStartLine);

  finishKind(doc, options);
  validateFrontMatter(doc);
  extractItems(doc, st);
  return doc;
}

/**
 * Kind without a front-matter type: the content decides (postmortem sections, or status updates
 * and roles); on a document path, a file named like a postmortem or an incident counts too. A
 * README, index or note beside the documents stays unknown and gets no findings.
 */
function finishKind(doc: ParsedDocument, options: ParseOptions): void {
  if (doc.kind !== 'unknown') return;
  const rel = options.relativePath;
  const onPath = !!rel && /\.(?:md|markdown)$/i.test(rel) && matchesAny(rel, options.globs ?? DEFAULT_DOCUMENT_GLOBS) && !(options.ignore && matchesAny(rel, options.ignore));
  const byContent = contentKind(doc.sections, doc.frontMatter?.data ?? undefined);
  if (byContent !== 'unknown' && (onPath || !rel || strongContent(doc.sections))) {
    doc.kind = byContent;
    doc.kindFrom = 'content';
    return;
  }
  if (!onPath || !rel) return;
  const base = (rel.split('/').pop() ?? '').toLowerCase();
  if (/^(?:readme|index|_index|toc|summary|contributing|changelog|license|notes?|template)\b/.test(base)) return;
  if (/post-?mortem|retro|\bpir\b|incident-(?:review|report)|\brca\b/.test(base)) doc.kind = 'postmortem';
  else if (/incident/.test(base)) doc.kind = 'incident';
  else if (doc.sections.some((s) => s.key) || doc.frontMatter || /^---\s*\n/.test(doc.text)) doc.kind = /(?:^|\/)incidents?\//i.test(rel) ? 'incident' : 'postmortem';
  else return;
  doc.kindFrom = 'path';
}

const LooseIncident = IncidentFrontMatter.partial().loose();
const LoosePostmortem = PostmortemFrontMatter.partial().loose();

/** Validation results per front-matter object (reused while the block is unchanged) and kind. */
const validated = new WeakMap<FrontMatter, Map<DocumentKind, { problems: Problem[]; incident?: ParsedDocument['incident']; postmortem?: ParsedDocument['postmortem'] }>>();

/** Keys only Sitrep's documents have, and keys that show front matter written for another tool. */
const SITREP_KEYS = ['severity', 'incident_commander', 'roles', 'started', 'detected', 'mitigated', 'resolved', 'next_update_due', 'update_cadence_minutes', 'incident', 'restricted'];
const FOREIGN_KEYS = ['layout', 'tags', 'permalink', 'categories', 'draft', 'slug', 'cover', 'weight', 'aliases', 'sidebar_position', 'nav_order'];

/** Front matter without a Sitrep type is checked (loosely) only when it is Sitrep's and not another tool's. */
function isSitrepFrontMatter(data: Record<string, unknown>): boolean {
  if (data.type === 'incident' || data.type === 'postmortem') return true;
  return SITREP_KEYS.some((k) => k in data) && !FOREIGN_KEYS.some((k) => k in data);
}

function validateFrontMatter(doc: ParsedDocument): void {
  const fm = doc.frontMatter;
  if (!fm || !fm.data) return;
  if (doc.kind !== 'incident' && doc.kind !== 'postmortem') return;
  if (!isSitrepFrontMatter(fm.data)) return;
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

/** Bold-label paragraphs (`**Impact**: …`, `**Root Causes**: …`) read as sections of their own. */
const BOLD_LABEL = /^\s{0,3}(\*\*|__)([A-Z][^*_]{0,60}?)(?:\s*:\s*\1|\1\s*:)/i;
const LABEL_KEYS = new Set(['summary', 'impact', 'contributing-factors', 'action-items', 'timeline', 'lessons', 'missed-defenses', 'resolution', 'detection', 'trigger']);

function boldLabelSections(lines: readonly string[], sections: Section[], st: BlockStructure): Section[] {
  const found: Section[] = [];
  for (const [a] of st.paragraphs) {
    const m = BOLD_LABEL.exec(lines[a]);
    if (!m) continue;
    const key = sectionKey(m[2]);
    if (!key || !LABEL_KEYS.has(key)) continue;
    const col = lines[a].indexOf(m[2]);
    found.push({ title: m[2].trim(), key, level: 7, line: a, endLine: lines.length, headingRange: { line: a, column: col, endLine: a, endColumn: col + m[2].trim().length }, placeholder: false });
  }
  // Each label section runs to the next heading or label, whichever comes first (one merge pass).
  const starts = [...sections.map((s) => s.line), ...found.map((x) => x.line)].sort((x, y) => x - y);
  let k = 0;
  for (const f of found) {
    while (k < starts.length && starts[k] <= f.line) k++;
    if (k < starts.length) f.endLine = starts[k];
  }
  return found;
}

/** The kind a document's content shows: postmortem sections, or status updates and roles. */
export function contentKind(sections: readonly Section[], frontMatterData?: Record<string, unknown>): DocumentKind {
  const keys = new Set(sections.map((s) => s.key));
  if (keys.has('contributing-factors') || keys.has('action-items') || keys.has('lessons')) return 'postmortem';
  if (keys.has('status-updates') || keys.has('checkpoints')) return 'incident';
  if (frontMatterData && ('incident_commander' in frontMatterData || 'roles' in frontMatterData)) return 'incident';
  return 'unknown';
}

/** Off the document paths, a markdown file is a document only with two or more document sections. */
function strongContent(sections: readonly Section[]): boolean {
  const keys = new Set(sections.map((s) => s.key));
  const pm = ['contributing-factors', 'action-items', 'lessons', 'timeline', 'impact', 'missed-defenses'].filter((k) => keys.has(k as Section['key'])).length;
  return pm >= 2 || (keys.has('status-updates') && keys.has('timeline'));
}

function extractItems(doc: ParsedDocument, st: BlockStructure): void {
  const { lines } = doc;
  const owner = sectionKeyByLine(doc.sections, lines.length);
  doc.quoted = st.quoted;
  doc.timeline = readTimeline(lines, doc.sections, st, doc.prose, documentYear(lines));
  const first = doc.timeline.reduce<number | undefined>((m, e) => (e.at !== undefined && (m === undefined || e.at < m) ? e.at : m), undefined);
  doc.statusUpdates = readStatusUpdates(lines, doc.sections, st, doc.prose, owner, first);
  doc.checkpoints = labelledBlocks(lines, doc.sections, 'checkpoints', checkpointLabel, (l) => doc.prose[l]);
  doc.actionItems = readActions(lines, doc.sections, st, owner);
  doc.factors = readFactors(lines, doc.sections, st, doc.prose);

  // Impact scope table.
  const inSection = (line: number, key: string) => owner[line]?.key === key;
  const scope: ImpactScopeRowNode[] = [];
  for (const tb of st.tables) {
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

export { actionFromRow, isActionTable } from './actions';

function rowRange(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const start = listMarker(text) || text.length - text.trimStart().length;
  return { line, column: start, endLine: line, endColumn: Math.max(start, text.trimEnd().length) };
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
      const st = readStamp(lines[sub.line], sub.headingRange.column);
      if (st && (st.clock || st.date)) {
        const r = stampRange(sub.line, st);
        block.time = { text: lines[sub.line].slice(r.column, r.endColumn), range: r };
        block.at = resolveStamp(st, {}).at;
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
