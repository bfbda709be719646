/** Front matter: locating the YAML block, parsing it with exact ranges, and mapping schema issues to them. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { LineIndex, type Range } from '../text';
import { duplicateKeys } from '../yamlKeys';

export { duplicateKeys };
import type { Problem } from './types';

interface FrontMatterEntry {
  /** Dotted path, array indexes as numbers: "roles.commander", "impact.journeys.1". */
  path: string;
  keyRange?: Range;
  valueRange?: Range;
}

export interface FrontMatter {
  /** Line of the opening `---`. */
  startLine: number;
  /** Line of the closing `---` (or `...`). */
  endLine: number;
  /** Parsed YAML as plain data (undefined when the YAML does not parse to a map). */
  data: Record<string, unknown> | undefined;
  /** Key and value ranges by dotted path. */
  entries: Map<string, FrontMatterEntry>;
  /** Range covering the opening delimiter, for problems about the whole block. */
  openRange: Range;
  /** The top-level `type` value when it is a plain scalar, read even when the YAML has errors. */
  typeHint?: string;
}

const DELIM_OPEN = /^---[ \t]*$/;
/** Front matter longer than this (characters) is not parsed: reported, with only its `type` read. */
const MAX_FRONT_MATTER_LENGTH = 64 * 1024;
/** Most keys and list items read from front matter. */
const MAX_FRONT_MATTER_KEYS = 2_000;
const DELIM_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Finds and parses front matter. `lines` are the document's lines; `index` maps offsets in `text`.
 * Returns the front matter (or undefined when there is none) and the first body line.
 */
export function readFrontMatter(
  text: string,
  lines: readonly string[],
  index: LineIndex,
  problems: Problem[],
): { frontMatter?: FrontMatter; bodyStartLine: number } {
  if (lines.length === 0 || !DELIM_OPEN.test(lines[0])) return { bodyStartLine: 0 };
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (DELIM_CLOSE.test(lines[i])) {
      close = i;
      break;
    }
  }
  const openRange: Range = { line: 0, column: 0, endLine: 0, endColumn: lines[0].length };
  if (close < 0) {
    problems.push({
      code: 'front-matter-schema',
      severity: 'error',
      message: 'Front matter is not closed: add a line with --- after the last YAML key.',
      range: openRange,
    });
    return { bodyStartLine: 0 };
  }
  const yamlStart = index.lineStart(1);
  const yamlEnd = index.lineStart(close);
  if (yamlEnd - yamlStart > MAX_FRONT_MATTER_LENGTH) {
    problems.push({
      code: 'parse-error',
      severity: 'error',
      message: `The front matter is ${Math.ceil((yamlEnd - yamlStart) / 1024)} KB; Sitrep reads front matter up to ${MAX_FRONT_MATTER_LENGTH / 1024} KB and skipped it. Keep long text in the body.`,
      range: openRange,
    });
    let typeHint: string | undefined;
    for (let i = 1; i < close && typeHint === undefined; i++) typeHint = /^type:[ \t]*["']?(incident|postmortem)["']?[ \t]*$/.exec(lines[i])?.[1];
    return { frontMatter: { startLine: 0, endLine: close, data: undefined, entries: new Map(), openRange, typeHint }, bodyStartLine: close + 1 };
  }
  // CR-only line breaks: the YAML parser reads \r as a line break only before \n (same length, so offsets hold).
  const yamlText = text.slice(yamlStart, yamlEnd).replace(/\r(?!\n)/g, '\n');
  // While a document is edited its front matter rarely changes: reuse the last results for the
  // same block text (ranges depend only on the block, which always starts on line 2).
  const cacheKey = `${lines[0]}\u0000${lines[close]}\u0000${yamlText}`;
  const cached = cache.get(cacheKey);
  if (cached) {
    cache.delete(cacheKey);
    cache.set(cacheKey, cached);
    problems.push(...cached.problems.map((p) => ({ ...p })));
    return { frontMatter: cached.frontMatter, bodyStartLine: close + 1 };
  }
  const before = problems.length;
  const result = parseBlock(yamlText, yamlStart, close, lines, index, openRange, problems);
  cache.set(cacheKey, { frontMatter: result, problems: problems.slice(before).map((p) => ({ ...p })) });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return { frontMatter: result, bodyStartLine: close + 1 };
}

const CACHE_SIZE = 32;
const cache = new Map<string, { frontMatter: FrontMatter; problems: Problem[] }>();

function parseBlock(
  yamlText: string,
  yamlStart: number,
  close: number,
  lines: readonly string[],
  index: LineIndex,
  openRange: Range,
  problems: Problem[],
): FrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    prettyErrors: false,
    // The parser's own duplicate-key check compares every key with every other (quadratic);
    // duplicateKeys() below does it with one Set per mapping.
    uniqueKeys: false,
    strict: true,
  });
  const toRange = (start: number, end: number) => index.range(yamlStart + start, yamlStart + end);

  const yamlProblems = [...doc.errors.map((p) => ['error', p] as const), ...doc.warnings.map((p) => ['warning', p] as const)];
  for (const [severity, { pos, message }] of yamlProblems) {
    const [s, e] = pos;
    problems.push({
      code: 'front-matter-schema',
      severity,
      message: `YAML: ${firstLine(message)}`,
      range: clampToBlock(toRange(s, Math.max(e, s + 1)), 1, close, lines),
    });
  }

  const duplicates = duplicateKeys(doc.contents);
  for (const { range, key } of duplicates) {
    problems.push({
      code: 'front-matter-schema',
      severity: 'error',
      message: `YAML: Map keys must be unique ("${key}" appears twice)`,
      range: clampToBlock(toRange(range[0], Math.max(range[1], range[0] + 1)), 1, close, lines),
    });
  }
  const entries = yamlEntries(doc.contents, toRange);
  if (entries.size >= MAX_FRONT_MATTER_KEYS) {
    problems.push({
      code: 'parse-error',
      severity: 'error',
      message: `The front matter has more than ${MAX_FRONT_MATTER_KEYS} keys and list items; Sitrep read the first ${MAX_FRONT_MATTER_KEYS}.`,
      range: openRange,
    });
  }

  let data: Record<string, unknown> | undefined;
  if (doc.errors.length === 0 && duplicates.length === 0) {
    try {
      const js = doc.toJS({ maxAliasCount: 100 });
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
      else if (js !== null && js !== undefined) {
        problems.push({
          code: 'front-matter-schema',
          severity: 'error',
          message: 'Front matter must be a YAML mapping of keys to values.',
          range: clampToBlock(toRange(0, yamlText.length), 1, close, lines),
        });
      }
    } catch (e) {
      problems.push({
        code: 'front-matter-schema',
        severity: 'error',
        message: `YAML: ${firstLine(e instanceof Error ? e.message : String(e))}`,
        range: openRange,
      });
    }
  }
  let typeHint: string | undefined;
  if (isMap(doc.contents)) {
    const v = doc.contents.get('type', true);
    if (isScalar(v) && typeof v.value === 'string') typeHint = v.value;
  }
  return { startLine: 0, endLine: close, data, entries, openRange, typeHint };
}

/** Key and value ranges of every mapping key and sequence item in a YAML tree, by dotted path (at most MAX_FRONT_MATTER_KEYS). */
export function yamlEntries(contents: unknown, toRange: (start: number, end: number) => Range): Map<string, FrontMatterEntry> {
  const entries = new Map<string, FrontMatterEntry>();
  const walk = (node: unknown, path: string) => {
    if (entries.size >= MAX_FRONT_MATTER_KEYS) return;
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const keyNode = item.key as YamlNode | null;
        const keyText = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
        const childPath = path ? `${path}.${keyText}` : keyText;
        const entry: FrontMatterEntry = { path: childPath };
        if (keyNode && keyNode.range) entry.keyRange = toRange(keyNode.range[0], keyNode.range[1]);
        const valueNode = item.value as YamlNode | null;
        if (valueNode && valueNode.range) entry.valueRange = toRange(valueNode.range[0], valueNode.range[1]);
        if (!entries.has(childPath)) entries.set(childPath, entry);
        walk(valueNode, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const childPath = path ? `${path}.${i}` : String(i);
        const n = item as YamlNode | null;
        if (n && n.range) entries.set(childPath, { path: childPath, valueRange: toRange(n.range[0], n.range[1]) });
        walk(n, childPath);
      });
    }
  };
  walk(contents, '');
  return entries;
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

/** Keeps a YAML error range inside the front-matter block (an error at EOF otherwise lands on the closing ---). */
function clampToBlock(r: Range, first: number, close: number, lines: readonly string[]): Range {
  if (r.line >= close) {
    const last = Math.max(first, close - 1);
    if (last >= close) return { line: close, column: 0, endLine: close, endColumn: lines[close].length };
    return { line: last, column: 0, endLine: last, endColumn: lines[last].length };
  }
  if (r.endLine > close || (r.endLine === r.line && r.endColumn <= r.column)) {
    return { line: r.line, column: r.column, endLine: r.line, endColumn: Math.max(r.column + 1, lines[r.line].length) };
  }
  return r;
}

/** Schema issues as problems at the exact key or value they concern. */
export function schemaProblems(fm: FrontMatter, schema: z.ZodType, label: string): Problem[] {
  if (!fm.data) return [];
  const result = schema.safeParse(fm.data);
  if (result.success) return [];
  const out: Problem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const p = path ? `${path}.${key}` : key;
        const e = fm.entries.get(p);
        out.push({
          code: 'front-matter-schema',
          severity: 'error',
          message: `Unknown ${label} key "${key}"${suggestKey(key, schema, issue.path)}.`,
          range: e?.keyRange ?? fm.openRange,
        });
      }
      continue;
    }
    const entry = fm.entries.get(path);
    const missing = issue.code === 'invalid_type' && entry === undefined;
    let r: Range | undefined;
    if (missing) {
      // A missing key: point at its parent's key, or at the opening --- for a top-level key.
      const parent = fm.entries.get(issue.path.slice(0, -1).map(String).join('.'));
      r = parent?.keyRange ?? fm.openRange;
    } else {
      r = entry?.valueRange ?? entry?.keyRange ?? fm.openRange;
    }
    out.push({
      code: 'front-matter-schema',
      severity: 'error',
      message: missing ? `Missing required key "${path}" in ${label} front matter.` : `"${path}": ${describeIssue(issue)}`,
      range: r,
    });
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `expected one of ${issue.values.map((v) => String(v)).join(', ')}.`;
  }
  if (issue.code === 'invalid_type') return `expected ${issue.expected}.`;
  return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
}

function suggestKey(key: string, schema: z.ZodType, path: PropertyKey[]): string {
  let s: unknown = schema;
  for (const seg of path) {
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    s = shape?.[String(seg)];
    // unwrap optional
    while (s && (s as { unwrap?: () => unknown }).unwrap && !(s as { shape?: unknown }).shape) s = (s as { unwrap: () => unknown }).unwrap();
  }
  const shape = (s as { shape?: Record<string, unknown> } | undefined)?.shape;
  if (!shape) return '';
  let best = '', bestD = Infinity;
  for (const k of Object.keys(shape)) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) return Math.abs(a.length - b.length);
  const prev = new Array(b.length + 1).fill(0).map((_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
