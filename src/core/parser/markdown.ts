/** Markdown structure: headings into sections, list items and table rows with their source lines. */
import MarkdownIt from 'markdown-it';
import type { Field, Section, SectionKey } from './types';

let md: MarkdownIt | undefined;
export function markdown(): MarkdownIt {
  if (!md) {
    md = new MarkdownIt('default', { html: true, linkify: false });
    // Sitrep reads block structure only (headings, lists, tables, code, HTML blocks); inline
    // tokens are never used, so the inline pass and its text rewrites are skipped.
    md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  }
  return md;
}

export type Token = ReturnType<MarkdownIt['parse']>[number];

/** Normalises a heading for matching: lower case, no numbering, emphasis, emoji or trailing punctuation. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:\d+[.)]\s*)+/, '')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/’/g, "'")
    .replace(/[^a-z0-9&/' -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Section roles. The four roles the rules depend on are matched by what a heading contains
 * ("Timeline (all times UTC)", "Follow-up items", "Root cause of the outage", "Why did this
 * happen?", "Status page updates"); the others by their usual names.
 */
const SECTION_TITLES: Array<[SectionKey, RegExp]> = [
  ['timeline', /\btimeline\b|^(?:chronology|sequence of events|incident log|event log|how did we respond)$/],
  ['action-items', /\baction items?\b|\bfollow ?-?ups?\b|\bnext steps\b|\bremediations?\b|\bwhat we(?:'ll| will) (?:change|do)\b|\bcorrective (?:and \w+ )?(?:actions?|measures)\b|^(?:actions|recommendations|preventive measures|preventative measures)$|\bpreventing (?:it|this|that) from happening\b|\bprevent (?:it|this|that) from happening\b|\bwhat we(?:'re| are) doing about it\b|\bstop(?:ping)? (?:it|this) from happening\b|^(?:ais|ai's|action plan)$|\bhow (?:are|will) we (?:mak(?:e|ing)|prevent(?:ing)?|reduc(?:e|ing))\b/],
  ['contributing-factors', /\bcontributing (?:factors?|conditions?|causes?)\b|\broot[- ]causes?\b|\broot cause s\b|^causes?(?: s)?$|^causal factors$|\bwhy (?:did )?(?:it|this|that|the [\w -]{1,40}) (?:happen|happened|fail|failed)\b|^why it happened$|^what went wrong and why$|^(?:five|5) whys$/],
  ['status-updates', /\bupdates?\b/],
  ['checkpoints', /^(?:checkpoints?|handoffs?|handovers?|checkpoint packets?)$/],
  ['summary', /^(?:summary|overview|executive summary|incident summary|tl ?dr|abstract|description|issue summary|what happened)$/],
  ['impact', /^(?:impact|customer impact|user impact|business impact|impact assessment|impact and scope|scope of impact|impact scope)$|^impact (?:&|and|\/) [a-z][a-z ]{0,30}$|^impact on \w|^what was (?:impacted|affected)$|^who was (?:impacted|affected)$/],
  ['missed-defenses', /^(?:missed defen[cs]es|what went wrong|what could have gone better|gaps)$/],
  ['resolution', /^(?:resolution|resolution and recovery|recovery|mitigation)$/],
  ['detection', /^(?:detection|how was it detected)$|^detection (?:&|and|\/) [a-z][a-z ]{0,30}$/],
  ['trigger', /^(?:trigger|triggers)$/],
  ['lessons', /^(?:lessons learned|lessons|how d we do|how did we do|what went well|what we learned|where we got lucky)$/],
];

export function sectionKey(title: string): SectionKey | undefined {
  const t = normalizeTitle(title);
  for (const [key, re] of SECTION_TITLES) if (re.test(t)) return key;
  return undefined;
}

/** Every cell of a table row is empty or a delimiter ("---", ":-:"). Cell by cell, so it stays linear on long rows. */
function isDelimiterOrEmptyRow(t: string): boolean {
  const cells = t.split('|');
  if (cells.length < 2) return false;
  return cells.every((c) => /^:?-*:?$/.test(c.trim()));
}

/** A line holding only a template hint: italic text, "TBD", "?", "...", "N/A", an HTML comment, a bare bullet, an empty table row. */
export function isPlaceholderLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  if (/^<!--.*-->$/.test(t)) return true;
  if (/^[-*+]\s*$/.test(t)) return true;
  if (t.includes('|') && isDelimiterOrEmptyRow(t)) return true; // table delimiter or empty row (cell by cell: linear)
  if (t.length > 1000) return false; // template hints are short
  const body = t.replace(/^([-*+]|\d+[.)])\s+/, '').replace(/^>\s*/, '');
  if (/^_[^_].*_$/.test(body) || /^\*[^*].*\*$/.test(body)) return true; // italic hint
  if (/^(?:tbd|todo|tba|n\/a|\?+|\.\.\.|…|xxx|fill (?:this )?in|describe .*here\.?|lorem ipsum.*)$/i.test(body)) return true;
  if (/^\[.*(?:here|insert|describe|todo|tbd).*\]$/i.test(body)) return true;
  return false;
}

/** White space as `\s` means it, without a regular expression per character. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Cells read from one table row. */
const MAX_TABLE_CELLS = 1_000;

/**
 * Splits a table row into cells with their columns. Leading and trailing pipes are optional;
 * `\|` does not split.
 */
export function splitTableRow(text: string, line: number): Field[] {
  const cells: Field[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text[i] === '|') i++;
  let start = i;
  const push = (end: number) => {
    let s = start, e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    cells.push({ text: text.slice(s, e), range: { line, column: s, endLine: line, endColumn: e } });
  };
  for (; i < n; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '|') {
      push(i);
      start = i + 1;
      if (cells.length >= MAX_TABLE_CELLS) break; // the rest of a huge row stays in its last cell
    }
  }
  if (text.slice(start).trim() !== '') push(n);
  return cells;
}

/** The [start, end) columns of an ATX heading's text (without the closing #s), read without backtracking. */
function atxText(raw: string): [number, number] | undefined {
  const open = /^\s{0,3}#{1,6}\s+/.exec(raw);
  if (!open) return undefined;
  const col = open[0].length;
  let end = raw.length;
  while (end > col && isSpace(raw.charCodeAt(end - 1))) end--;
  let k = end;
  while (k > col && raw[k - 1] === '#') k--;
  if (k < end && k > col && isSpace(raw.charCodeAt(k - 1))) {
    end = k;
    while (end > col && isSpace(raw.charCodeAt(end - 1))) end--;
  }
  return [col, end];
}

/** Builds sections from heading tokens. Heading levels may skip. */
export function buildSections(tokens: Token[], lines: readonly string[], lineCount: number): Section[] {
  const heads: Array<{ level: number; line: number; title: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open' && t.map) {
      const inline = tokens[i + 1];
      heads.push({ level: Number(t.tag.slice(1)), line: t.map[0], title: inline?.content ?? '' });
    }
  }
  const sections: Section[] = [];
  for (let h = 0; h < heads.length; h++) {
    const { level, line, title } = heads[h];
    let endLine = lineCount;
    for (let k = h + 1; k < heads.length; k++) {
      if (heads[k].level <= level) {
        endLine = heads[k].line;
        break;
      }
    }
    const raw = lines[line] ?? '';
    // ATX heading text range; setext headings use the title line as is.
    const m = atxText(raw);
    const col = m ? m[0] : raw.length - raw.trimStart().length;
    const endCol = m ? m[1] : raw.trimEnd().length;
    // Content lines: until the first sub-heading, or until endLine.
    let contentEnd = endLine;
    if (h + 1 < heads.length && heads[h + 1].line < endLine) contentEnd = heads[h + 1].line;
    let placeholder = true;
    for (let l = line + 1; l < contentEnd; l++) {
      if (!isPlaceholderLine(lines[l] ?? '')) {
        placeholder = false;
        break;
      }
    }
    // A section whose own text is empty but whose sub-sections hold content is not a placeholder.
    if (placeholder && contentEnd < endLine) {
      for (let l = contentEnd; l < endLine; l++) {
        const s = lines[l] ?? '';
        if (/^\s{0,3}#{1,6}\s/.test(s)) continue;
        if (!isPlaceholderLine(s)) {
          placeholder = false;
          break;
        }
      }
    }
    sections.push({
      title,
      key: sectionKey(title),
      level,
      line,
      endLine,
      headingRange: { line, column: col, endLine: line, endColumn: Math.max(col, endCol) },
      placeholder,
    });
  }
  return sections;
}

export interface ListItemRef {
  line: number;
  endLine: number;
  /** 1 for a top-level item. */
  depth: number;
  ordered: boolean;
  /** Index (in `items`) of the item this one is nested in. */
  parent?: number;
}
interface TableRef {
  header: number;
  rows: number[];
}
export interface BlockStructure {
  items: ListItemRef[];
  tables: TableRef[];
  /** Top-level paragraphs (not inside a list or a blockquote) as [first line, end line). */
  paragraphs: Array<[number, number]>;
  /** Lines inside a blockquote. */
  quoted: boolean[];
  /** For each item (by index), the indexes of the items nested directly in it. */
  children: number[][];
  /** Code blocks (fenced or indented) as [first line, end line), fence lines included. */
  code: Array<[number, number]>;
}

/** Lists, tables, paragraphs and blockquotes of a token stream, with their source lines. */
export function readStructure(tokens: Token[], lineCount: number): BlockStructure {
  const items: ListItemRef[] = [];
  const tables: TableRef[] = [];
  const paragraphs: Array<[number, number]> = [];
  const code: Array<[number, number]> = [];
  const quoted = new Array<boolean>(lineCount).fill(false);
  const lists: boolean[] = [];
  const open: number[] = [];
  let quoteDepth = 0;
  let table: TableRef | undefined;
  for (const t of tokens) {
    switch (t.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(t.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        if (t.map) {
          items.push({ line: t.map[0], endLine: t.map[1], depth: lists.length, ordered: lists[lists.length - 1] ?? false, parent: open[open.length - 1] });
          open.push(items.length - 1);
        } else open.push(open[open.length - 1] ?? -1);
        break;
      case 'list_item_close':
        open.pop();
        break;
      case 'blockquote_open':
        quoteDepth++;
        if (t.map) for (let l = t.map[0]; l < t.map[1] && l < lineCount; l++) quoted[l] = true;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'paragraph_open':
        if (lists.length === 0 && quoteDepth === 0 && t.map) paragraphs.push([t.map[0], t.map[1]]);
        break;
      case 'fence':
      case 'code_block':
        if (t.map) code.push([t.map[0], Math.min(t.map[1], lineCount)]);
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
  const children: number[][] = items.map(() => []);
  items.forEach((it, i) => {
    if (it.parent !== undefined && it.parent < 0) it.parent = undefined;
    if (it.parent !== undefined) children[it.parent].push(i);
  });
  return { items, tables, paragraphs, quoted, children, code };
}

/** For each line, the innermost keyed section containing it. */
export function sectionKeyByLine(sections: Section[], lineCount: number): Array<Section | undefined> {
  const out: Array<Section | undefined> = new Array(lineCount).fill(undefined);
  for (const s of sections) {
    if (!s.key) continue;
    for (let l = s.line; l < s.endLine && l < lineCount; l++) out[l] = s;
  }
  return out;
}
