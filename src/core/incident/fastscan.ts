/**
 * A fast reader for the index: Sitrep-shaped documents (typed front matter in a simple YAML
 * subset, block structure without code fences, HTML, quotes or indented blocks) are read line by
 * line into the parts of a ParsedDocument the index uses. Anything outside that subset, and any
 * front matter that fails its schema, returns undefined: the caller falls back to the full parser,
 * which gives the exact problems. A unit test checks both paths agree on the index summaries.
 */
import { IncidentFrontMatter, PostmortemFrontMatter } from '../model/schemas';
import { actionHeader, checkpointLabel, listMarker, statusLabel } from '../parser/items';
import { sectionKey, sectionKeyByLine, splitTableRow } from '../parser/markdown';
import type { ActionItemNode, ParsedDocument, Section, TimelineEntryNode } from '../parser/types';
import { detectEol, hasBom, splitLines, type Range } from '../text';
import { actionFromRow, isActionTable, labelledBlocks } from '../parser';

export const BAIL = Symbol('bail');
type Bail = typeof BAIL;

// `[^]*` rather than `.*`: it cannot fail on a line separator, so nothing backtracks.
const KEY = /^([A-Z_][\w-]*):(?:[ \t]([\s\S]*))?$/i;

/** A key line's value without the spaces and tabs around it. */
function keyValue(m: RegExpExecArray): string | undefined {
  return m[2] === undefined ? undefined : trimSpaceTab(m[2]);
}

function trimSpaceTab(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === ' ' || s[a] === '\t')) a++;
  while (b > a && (s[b - 1] === ' ' || s[b - 1] === '\t')) b--;
  return s.slice(a, b);
}

export function scalar(s: string): unknown | Bail {
  const c = s[0];
  if (c === '"') {
    if (!s.endsWith('"') || s.length < 2) return BAIL;
    try {
      const v = JSON.parse(s);
      return typeof v === 'string' ? v : BAIL;
    } catch {
      return BAIL;
    }
  }
  if (c === "'") {
    if (!s.endsWith("'") || s.length < 2) return BAIL;
    const inner = s.slice(1, -1);
    if (/'(?!')/.test(inner.replace(/''/g, ''))) return BAIL;
    return inner.replace(/''/g, "'");
  }
  if (c === '[') {
    if (!s.endsWith(']')) return BAIL;
    try {
      const v = JSON.parse(s);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
    } catch {
      /* plain items */
    }
    const inner = s.slice(1, -1).trim();
    if (inner === '') return [];
    const items = inner.split(',').map((x) => x.trim());
    if (items.every((x) => /^[\w./][\w@./+ -]*$/.test(x) && !/^(?:true|false|null|~|[-+]?\d)/i.test(x))) return items;
    return BAIL;
  }
  if (/^[{&*!|>%@`?#,\]}-]/.test(s) && !/^-\d/.test(s)) return BAIL;
  if (/\s#|:\s|:$|\t/.test(s)) return BAIL;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (/^(?:null|Null|NULL|~)$/.test(s)) return null;
  if (/^[-+]?\d+$/.test(s)) return Number(s);
  if (/^[-+]?(?:\.\d+|\d+\.\d*)(?:e[-+]?\d+)?$/i.test(s) || /^[-+]?\d+e[-+]?\d+$/i.test(s)) return Number(s);
  if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(s) || /^0[ox]/.test(s)) return BAIL;
  return s;
}

/** The simple YAML Sitrep writes: top-level keys, one level of nested maps, flow or block lists of scalars. */
export function readSimpleYaml(lines: readonly string[], from: number, to: number): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let parent: string | undefined;
  let container: Record<string, unknown> | unknown[] | undefined;
  let childIndent = -1;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.trim() === '' ) continue;
    if (/^\s*#/.test(line)) continue;
    if (line.includes('\t')) return undefined;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      const m = KEY.exec(line);
      if (!m || Object.prototype.hasOwnProperty.call(out, m[1])) return undefined;
      const value = keyValue(m);
      if (value === undefined || value === '') {
        out[m[1]] = null;
        parent = m[1];
        container = undefined;
        childIndent = -1;
      } else {
        const v = scalar(value);
        if (v === BAIL) return undefined;
        out[m[1]] = v;
        parent = undefined;
        container = undefined;
      }
      continue;
    }
    if (!parent) return undefined;
    if (childIndent < 0) childIndent = indent;
    else if (indent !== childIndent) return undefined;
    const t = line.slice(indent);
    if (t.startsWith('- ') || t === '-') {
      if (container && !Array.isArray(container)) return undefined;
      if (!container) out[parent] = container = [];
      const rest = t.slice(1).trim();
      if (rest === '') return undefined;
      const v = scalar(rest);
      if (v === BAIL || (v !== null && typeof v === 'object')) return undefined;
      (container as unknown[]).push(v);
      continue;
    }
    const m = KEY.exec(t);
    const value = m ? keyValue(m) : undefined;
    if (!m || value === undefined || value === '') return undefined;
    if (container && Array.isArray(container)) return undefined;
    if (!container) out[parent] = container = {};
    const map = container as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(map, m[1])) return undefined;
    const v = scalar(value);
    if (v === BAIL) return undefined;
    map[m[1]] = v;
  }
  return out;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]([\s\S]*))?$/;

/** An ATX heading's text: without the spaces around it and a closing run of #. */
function headingTitle(rest: string | undefined): string {
  let t = trimSpaceTab(rest ?? '');
  let k = t.length;
  while (k > 0 && t[k - 1] === '#') k--;
  if (k > 0 && k < t.length && (t[k - 1] === ' ' || t[k - 1] === '\t')) t = trimSpaceTab(t.slice(0, k));
  return t.trim();
}

/** A table's delimiter row: cells of dashes with optional colons, separated by pipes. */
function isDelimiterRow(s: string): boolean {
  if (!s.includes('-') || !/^[\s|:-]*$/.test(s)) return false;
  let t = s.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').every((c) => /^\s*:?-+:?\s*$/.test(c));
}
const MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const INDENTED_MARKER = /^[ \t]+(?:[-*+]|\d{1,9}[.)])[ \t]/;

const keyCache = new Map<string, ReturnType<typeof sectionKey>>();
function cachedSectionKey(title: string): ReturnType<typeof sectionKey> {
  let k = keyCache.get(title);
  if (k === undefined && !keyCache.has(title)) {
    k = sectionKey(title);
    if (keyCache.size > 5000) keyCache.clear();
    keyCache.set(title, k);
  }
  return k;
}

function rowRange(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const start = listMarker(text) || text.length - text.trimStart().length;
  return { line, column: start, endLine: line, endColumn: Math.max(start, text.trimEnd().length) };
}

/**
 * Reads a Sitrep-shaped document fast, or returns undefined when the full parser is needed.
 * Over 80 lines: a single pass over the lines whose running state every branch reads and
 * updates; it is the index's hot path (see bench/).
 */
export function fastParse(input: string): ParsedDocument | undefined {
  if (hasBom(input) || input.indexOf('\u0000') >= 0 || input.length > 1_000_000) return undefined;
  const text = input;
  const lines = splitLines(text);
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i])) {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  const data = readSimpleYaml(lines, 1, close);
  if (!data) return undefined;
  const type = data.type;
  if (type !== 'incident' && type !== 'postmortem') return undefined;
  const schema = type === 'incident' ? IncidentFrontMatter : PostmortemFrontMatter;
  const valid = schema.safeParse(data);
  if (!valid.success) return undefined;

  // Body: headings, with bail-outs for block constructs the line reader does not model.
  const heads: Array<{ level: number; line: number; title: string; column: number; endColumn: number }> = [];
  let prevBlank = true;
  for (let l = close + 1; l < lines.length; l++) {
    const s = lines[l];
    const t = s.trimStart();
    const blank = t === '';
    if (!blank) {
      const c = t[0];
      const indent = s.length - t.length;
      // Indented code, and nested or indented list items: left to the full parser.
      if (indent > 0 && (INDENTED_MARKER.test(s) || (prevBlank && (indent >= 4 || s[0] === '\t')))) return undefined;
      if (c === '`' || c === '~' || c === '<' || c === '>') {
        if (indent <= 3 && (c === '<' || c === '>' || t.startsWith('```') || t.startsWith('~~~'))) return undefined;
      } else if (c === '=' || c === '-' || c === '*' || c === '_') {
        if (!prevBlank && /^ {0,3}(?:=+|-+)[ \t]*$/.test(s)) return undefined;
        if (/^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/.test(s)) return undefined;
      } else if (c === '#') {
        const h = HEADING.exec(s);
        if (h) {
          const title = headingTitle(h[2]);
          const col = s.indexOf(title, h[1].length + indent);
          heads.push({ level: h[1].length, line: l, title, column: title ? col : s.length, endColumn: title ? col + title.length : s.length });
        }
      }
    }
    prevBlank = blank;
  }
  const sections: Section[] = heads.map((h, i) => {
    let endLine = lines.length;
    for (let k = i + 1; k < heads.length; k++) {
      if (heads[k].level <= h.level) {
        endLine = heads[k].line;
        break;
      }
    }
    return {
      title: h.title,
      key: cachedSectionKey(h.title),
      level: h.level,
      line: h.line,
      endLine,
      headingRange: { line: h.line, column: h.column, endLine: h.line, endColumn: Math.max(h.column, h.endColumn) },
      placeholder: false,
    };
  });
  const owner = sectionKeyByLine(sections, lines.length);
  const keyAt = (l: number) => owner[l]?.key;
  const hasActionSection = sections.some((s) => s.key === 'action-items');

  const timeline: TimelineEntryNode[] = [];
  const actions: ActionItemNode[] = [];
  for (let l = close + 1; l < lines.length; l++) {
    const s = lines[l];
    const c0 = s[0];
    if (c0 === undefined || (c0 === '#' && HEADING.test(s)) || s.trim() === '') continue;
    const key = keyAt(l);
    if (key !== 'timeline' && key !== 'action-items' && c0 !== '|') continue;
    if (s.startsWith('|')) {
      // A table: header, delimiter, rows.
      const delim = lines[l + 1] ?? '';
      if (!isDelimiterRow(delim)) {
        if (key === 'timeline' || key === 'action-items') return undefined;
        continue;
      }
      const head = splitTableRow(s, l);
      if (splitTableRow(delim, l + 1).length !== head.length) return undefined;
      let end = l + 2;
      while (end < lines.length && lines[end].trim() !== '' && !HEADING.test(lines[end])) {
        if (!lines[end].startsWith('|')) return undefined;
        end++;
      }
      if (key === 'timeline') return undefined;
      const columns = head.map((c) => actionHeader(c.text));
      const inActions = key === 'action-items';
      // A table outside an action section that may hold actions: leave it to the full parser.
      if (!inActions && isActionTable(columns, false, hasActionSection)) return undefined;
      if (inActions && isActionTable(columns, true, hasActionSection)) {
        for (let r = l + 2; r < end; r++) {
          const node = actionFromRow(lines, r, columns);
          if (node) actions.push(node);
        }
      }
      l = end - 1;
      continue;
    }
    const isItem = MARKER.test(s);
    if (key === 'timeline') {
      // A code block in a timeline may be the timeline itself (a bot export): the full parser decides.
      if ((isItem && /^\d/.test(s)) || /^\s*(?:`{3}|~{3})/.test(s)) return undefined;
      if (isItem) timeline.push({ line: l, range: rowRange(lines, l), format: 'sitrep', text: '' });
      else if (/^\s*(?:\*\*|__|[`*_])?\d/.test(s) || /^\s*(?:~|around|about|approx|circa|noon|midnight|morning|afternoon|evening|night|later|earlier|that day)/i.test(s)) return undefined;
    } else if (key === 'action-items' && isItem) return undefined;
  }

  const doc: ParsedDocument = {
    kind: type,
    kindFrom: 'front-matter',
    text,
    lines,
    eol: text.indexOf('\r') < 0 ? '\n' : detectEol(text),
    hadBom: false,
    frontMatter: { startLine: 0, endLine: close, data, entries: new Map(), openRange: { line: 0, column: 0, endLine: 0, endColumn: lines[0].length } },
    bodyStartLine: close + 1,
    sections,
    timeline,
    statusUpdates: labelledBlocks(lines, sections, 'status-updates', statusLabel, () => true),
    checkpoints: labelledBlocks(lines, sections, 'checkpoints', checkpointLabel, () => true),
    actionItems: actions,
    factors: [],
    impactScope: [],
    prose: [],
    problems: [],
  };
  if (type === 'incident') doc.incident = valid.data as IncidentFrontMatter;
  else doc.postmortem = valid.data as PostmortemFrontMatter;
  return doc;
}

