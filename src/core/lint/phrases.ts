/**
 * Phrase matching for the language rules. Phrase lists are literal phrases compiled once into a
 * single alternation of escaped literals (no user regular expressions, so no catastrophic
 * backtracking), and helpers that decide whether a match is live prose or a refutation.
 */
import { judgeAssertion, type Judgement } from './assertion';
import { codeAndCommentSpans, inSpans, type LineSpans } from './spans';
import type { ParsedDocument } from '../parser/types';
import type { PhraseMatcher, RuleContext } from './types';

const cache = new Map<string, PhraseMatcher>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface AnchorGroup {
  anchor: string;
  /** Every phrase holding this anchor word, as one alternation, run only on lines holding the anchor. */
  re: RegExp;
}

/**
 * A matcher for literal phrases, case-insensitive, on word boundaries. White space inside a
 * phrase matches any run of white space; a hyphen also matches a space.
 *
 * Fast path: each phrase is filed under its longest word (its anchor). The text is searched for
 * anchors with `indexOf` on a lower-cased copy; only lines that hold an anchor are matched
 * against the phrases, so the cost is a few native scans of the text, not a regular expression
 * tried at every position.
 */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const clean = [...new Set(phrases.map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean))];
  const key = clean.join('\u0000');
  const hit = cache.get(key);
  if (hit) return hit;
  // Each phrase's longest word is its anchor; an anchor that holds a shorter anchor ("carelessness"
  // holds "careless") is folded into it, so the shared scan looks for fewer words.
  const wanted = clean.map((p) => {
    const words = p.toLowerCase().split(/[\s-]+/).filter(Boolean);
    return words.reduce((x, y) => (y.length > x.length ? y : x), words[0] ?? p.toLowerCase());
  });
  const chosen: string[] = [];
  for (const a of [...new Set(wanted)].sort((x, y) => x.length - y.length)) {
    if (!chosen.some((c) => a.includes(c))) chosen.push(a);
  }
  const byAnchor = new Map<string, string[]>();
  clean.forEach((p, i) => {
    const anchor = chosen.find((c) => wanted[i].includes(c))!;
    const list = byAnchor.get(anchor) ?? [];
    list.push(p);
    byAnchor.set(anchor, list);
  });
  const groups: AnchorGroup[] = [...byAnchor].map(([anchor, list]) => {
    // Longest first so "be more careful" wins over "be careful" at the same position. Word
    // boundaries only where the phrase starts or ends with a word character.
    const alts = list
      .slice()
      .sort((a, b) => b.length - a.length)
      .map((p) => {
        // Words joined by one class: "error - blame" cannot make two quantifiers trade spaces.
        const body = p.toLowerCase().split(/[\s-]+/).filter(Boolean).map(escape).join('[\\s-]+') || escape(p);
        return `${/^\w/.test(p) ? '\\b' : ''}${body}${/\w$/.test(p) ? '\\b' : ''}`;
      });
    return { anchor, re: new RegExp(`(?:${alts.join('|')})`, 'gi') };
  });
  const any = groups.length ? new RegExp(trieSource(groups.map((g) => g.anchor)), 'i') : undefined;
  const matcher: PhraseMatcher = {
    phrases: clean,
    anchors: groups.map((g) => g.anchor),
    matchAll(text: string) {
      const out: Array<[number, number]> = [];
      if (!any || !any.test(text)) return out;
      const low = text.toLowerCase();
      for (const g of groups) {
        if (low.indexOf(g.anchor) < 0) continue;
        g.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = g.re.exec(text))) {
          out.push([m.index, m.index + m[0].length]);
          if (m[0].length === 0) g.re.lastIndex++;
        }
      }
      return out.sort((x, y) => x[0] - y[0]);
    },
    matchLines(ctx: RuleContext) {
      const out: Array<{ line: number; column: number; endColumn: number }> = [];
      for (const g of groups) {
        for (const line of ctx.linesWith([g.anchor])) {
          const text = ctx.lines[line];
          g.re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = g.re.exec(text))) {
            out.push({ line, column: m.index, endColumn: m.index + m[0].length });
            if (m[0].length === 0) g.re.lastIndex++;
          }
        }
      }
      return out.sort((x, y) => x.line - y.line || x.column - y.column);
    },
  };
  cache.set(key, matcher);
  return matcher;
}

interface LineInfo {
  spans: LineSpans;
  masked?: string;
  startsBlock?: boolean;
}

/** Per document (keyed by its lines array) and line: spans, masked text. Computed once per line, so many matches on one long line stay linear. */
const lineInfos = new WeakMap<readonly string[], Map<number, LineInfo>>();

function infoOf(lines: readonly string[], line: number): LineInfo {
  let m = lineInfos.get(lines);
  if (!m) {
    m = new Map();
    lineInfos.set(lines, m);
  }
  let info = m.get(line);
  if (!info) {
    info = { spans: codeAndCommentSpans(lines[line] ?? '') };
    m.set(line, info);
  }
  return info;
}

function maskedLine(lines: readonly string[], line: number): string {
  const info = infoOf(lines, line);
  info.masked ??= maskComments(lines[line] ?? '');
  return info.masked;
}

/** A line that starts its own block (heading, list item, table row): a sentence cannot continue into it. */
function startsBlock(lines: readonly string[], line: number): boolean {
  const info = infoOf(lines, line);
  info.startsBlock ??= /^\s{0,12}(?:#|[-*+]\s|\d{1,9}[.)]\s|\|)/.test(lines[line] ?? '');
  return info.startsBlock;
}

/** What the phrase rules need of a document: its lines and which of them are prose or quoted. */
type ProseDoc = Pick<ParsedDocument, 'lines' | 'prose' | 'quoted'>;

/** Whether an offset's line is prose (not code, front matter or a blockquote) and the offset is outside code spans and comments. */
export function isLiveProse(ctx: RuleContext, line: number, column: number): boolean {
  return isLiveProseIn(ctx.doc, line, column);
}

function isLiveProseIn(doc: ProseDoc, line: number, column: number): boolean {
  if (!doc.prose[line] || doc.quoted?.[line]) return false;
  if (/^\s{0,3}>/.test(doc.lines[line])) return false;
  return !inSpans(infoOf(doc.lines, line).spans, column);
}

/** The line before when it continues the same paragraph (a sentence may start there). */
function continuedFrom(doc: ProseDoc, line: number): string | undefined {
  if (line === 0 || !doc.prose[line - 1]) return undefined;
  const prev = doc.lines[line - 1];
  if (prev.trim() === '' || startsBlock(doc.lines, line) || /^\s{0,12}(?:#|\|)/.test(prev.slice(0, 16))) return undefined;
  return maskedLine(doc.lines, line - 1);
}

/** The clause judged for a phrase, and whether the document asserts it there. */
export function assertionAt(ctx: RuleContext, line: number, column: number, endColumn: number): Judgement {
  return assertionIn(ctx.doc, line, column, endColumn);
}

export function assertionIn(doc: ProseDoc, line: number, column: number, endColumn: number): Judgement {
  return judgeAssertion(maskedLine(doc.lines, line), column, endColumn, continuedFrom(doc, line));
}

/** HTML comments blanked out (same length, so columns stay put): they are never content. */
function maskComments(text: string): string {
  if (text.indexOf('<!--') < 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const s = text.indexOf('<!--', i);
    if (s < 0) {
      out += text.slice(i);
      break;
    }
    const e = text.indexOf('-->', s + 4);
    const end = e < 0 ? text.length : e + 3;
    out += text.slice(i, s) + ' '.repeat(end - s);
    i = end;
  }
  return out;
}

/** True when the clause around a match refutes, forbids, dismisses or only mentions it. */
export function isRefuted(ctx: RuleContext, line: number, column: number, endColumn: number): boolean {
  return !assertionAt(ctx, line, column, endColumn).asserted;
}

const PLAIN_NEEDS_WORK = /[<*_`~\t\n\r]|\s\s/;

/** Field or cell text without emphasis, code marks, HTML comments and surrounding space. */
export function cleanValue(text: string | undefined): string {
  if (!text) return '';
  if (!PLAIN_NEEDS_WORK.test(text)) return text.trim();
  let t = text;
  if (t.indexOf('<!--') >= 0) t = t.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  if (/[*_`~]/.test(t)) t = t.replace(/[*_`~]+/g, '');
  return t.replace(/\s+/g, ' ').trim();
}

/** A value that only holds a template hint: empty, "TBD", "?", "-", "N/A", "…", "<owner>". */
export function isPlaceholderValue(text: string | undefined): boolean {
  const t = cleanValue(text).toLowerCase();
  if (t === '') return true;
  return /^(?:tbd|tba|todo|tbc|\?+|-+|[—–…]|n\/a|na|none|nobody|unassigned|unknown|\.\.\.|xxx|\??\s*mins?|<[^>]*>|\[[^\]]*\]|_+)$/.test(t);
}

const anchorCache = new Map<string, RegExp>();

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * A regular expression source matching any of the words, factored as a trie ("ca(?:reless|use)")
 * so that at each position only one branch is tried; longer words win (greedy optional tails).
 */
function trieSource(words: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let c = n.next.get(ch);
      if (!c) {
        c = { end: false, next: new Map() };
        n.next.set(ch, c);
      }
      n = c;
    }
    n.end = true;
  }
  const emit = (n: TrieNode): string => {
    const branches = [...n.next].map(([ch, c]) => escape(ch) + emit(c));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    if (!n.end) return body;
    return branches.length === 1 && n.next.size === 1 && [...n.next.values()][0].next.size === 0 && !/[()|]/.test(body) && body.length === 1 ? `${body}?` : `(?:${body})?`;
  };
  return emit(root);
}
const prefixCache = new Map<string, Map<string, string[]>>();

/**
 * One case-insensitive scan of the text for every anchor word at once: a map from anchor to the lines
 * (sorted) that hold it. Each position is tried once, so anchors that overlap are all found.
 */
export function scanAnchors(
  text: string,
  anchors: readonly string[],
  lineOf: (offset: number) => number,
): Map<string, number[]> {
  const uniq = [...new Set(anchors)].sort((a, b) => b.length - a.length);
  const out = new Map<string, number[]>(uniq.map((a) => [a, []]));
  if (uniq.length === 0) return out;
  const key = uniq.join('\u0000');
  let re = anchorCache.get(key);
  if (!re) {
    // Anchors are whole words, so they are only looked for where a word starts (\b lets the
    // engine skip the other positions quickly), unless one starts with a non-word character.
    const wordStarts = uniq.every((a) => /^\w/.test(a));
    re = new RegExp(`${wordStarts ? '\\b' : ''}${trieSource(uniq)}`, 'gi');
    anchorCache.set(key, re);
  }
  // Anchors matching at one position are the longest one found and its prefixes among the anchors.
  let prefixes = prefixCache.get(key);
  if (!prefixes) {
    prefixes = new Map(uniq.map((a) => [a, uniq.filter((b) => a.startsWith(b))]));
    prefixCache.set(key, prefixes);
  }
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const pos = m.index;
    const line = lineOf(pos);
    for (const a of prefixes.get(m[0].toLowerCase()) ?? []) {
      const list = out.get(a)!;
      if (list[list.length - 1] !== line) list.push(line);
    }
    re.lastIndex = pos + 1;
  }
  return out;
}
