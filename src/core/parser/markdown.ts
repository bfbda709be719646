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
    .replace(/[^a-z0-9&/' -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const SECTION_TITLES: Array<[SectionKey, RegExp]> = [
  ['summary', /^(summary|overview|executive summary|incident summary|tl ?dr|abstract|description|what happened|issue summary)$/],
  ['impact', /^(impact|customer impact|user impact|business impact|impact assessment|impact and scope|scope of impact|impact scope)$/],
  ['timeline', /^(timeline|incident timeline|detailed timeline|chronology|sequence of events|timeline of events|event timeline)( utc)?$/],
  ['contributing-factors', /^(contributing factors|contributing conditions|contributing conditions analysis|root causes?|root cause s|root cause analysis|causes|causal factors|why it happened)$/],
  ['missed-defenses', /^(missed defen[cs]es|what went wrong|what could have gone better|where we got lucky|gaps)$/],
  ['action-items', /^(action items?|action items and follow[- ]?ups|action items & follow[- ]?ups|corrective actions|corrective and preventative measures|corrective and preventive measures|follow[- ]?ups?|follow up actions|follow up items|remediations?|remediation items|next steps|recommendations|actions)$/],
  ['status-updates', /^(status updates?|updates|communications|comms log)$/],
  ['checkpoints', /^(checkpoints?|handoffs?|handovers?|checkpoint packets?)$/],
  ['resolution', /^(resolution|resolution and recovery|recovery|mitigation)$/],
  ['detection', /^(detection|how was it detected)$/],
  ['trigger', /^(trigger|triggers)$/],
  ['lessons', /^(lessons learned|lessons|how d we do|how did we do|what went well)$/],
];

export function sectionKey(title: string): SectionKey | undefined {
  const t = normalizeTitle(title);
  for (const [key, re] of SECTION_TITLES) if (re.test(t)) return key;
  return undefined;
}

/** A line holding only a template hint: italic text, "TBD", "?", "...", "N/A", an HTML comment, a bare bullet, an empty table row. */
export function isPlaceholderLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  if (/^<!--.*-->$/.test(t)) return true;
  if (/^[-*+]\s*$/.test(t)) return true;
  if (t.includes('|') && /^[\s|:-]*$/.test(t)) return true; // table delimiter or empty row (one class: no backtracking)
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
export const MAX_TABLE_CELLS = 1_000;

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

/** For each line, the innermost keyed section containing it. */
export function sectionKeyByLine(sections: Section[], lineCount: number): Array<Section | undefined> {
  const out: Array<Section | undefined> = new Array(lineCount).fill(undefined);
  for (const s of sections) {
    if (!s.key) continue;
    for (let l = s.line; l < s.endLine && l < lineCount; l++) out[l] = s;
  }
  return out;
}
