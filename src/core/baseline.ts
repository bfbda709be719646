/**
 * The baseline: findings accepted when Sitrep is adopted on an existing corpus, so that CI fails
 * only on new problems. A finding is keyed by its file, its rule and a fingerprint of the text it
 * sits on (whitespace and case folded), never by its line, so edits elsewhere in the file leave it
 * matched. Findings that share a key are counted. Pure: the CLI and the editor read and write the
 * file; everything else happens here.
 */
import { Baseline, type BaselineEntry } from './model/schemas';
import type { Finding } from './lint/types';
import { splitLines, stripBom } from './text';

export type { Baseline, BaselineEntry };

export const BASELINE_FILE = '.sitrep-baseline.json';
/** Largest baseline file read (reads are bounded: a link to /dev/zero named like it ends there). */
export const MAX_BASELINE_BYTES = 32_000_000;

/** One checked document: its path (relative to the baseline's folder), text and findings. */
export interface FileFindings {
  file: string;
  text: string;
  findings: readonly Finding[];
}

const EXCERPT = 80;

/** The text a finding sits on: its range, or its whole line when the range is empty. */
function offendingText(lines: readonly string[], f: Finding): string {
  const { line, column, endLine, endColumn } = f.range;
  let text = '';
  if (line < lines.length) {
    if (endLine <= line) text = (lines[line] ?? '').slice(column, endColumn);
    else {
      const parts = [(lines[line] ?? '').slice(column)];
      for (let l = line + 1; l < endLine && l < lines.length; l++) parts.push(lines[l]);
      if (endLine < lines.length) parts.push(lines[endLine].slice(0, endColumn));
      text = parts.join('\n');
    }
    if (text.trim() === '') text = lines[line] ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (two 32-bit lanes with different seeds). */
function hash64(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x0100019d) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Fingerprint of a finding (rule and folded offending text) and the excerpt stored beside it. */
export function fingerprint(lines: readonly string[], f: Finding): { fingerprint: string; text: string } {
  const text = offendingText(lines, f);
  return { fingerprint: hash64(`${f.rule}\u0000${text.toLowerCase()}`), text: text.length > EXCERPT ? text.slice(0, EXCERPT - 1) + '…' : text };
}

const keyOf = (file: string, rule: string, fp: string) => `${file}\u0000${rule}\u0000${fp}`;

function entriesOf(files: readonly FileFindings[]): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of files) {
    const lines = splitLines(f.text);
    for (const finding of f.findings) {
      const fp = fingerprint(lines, finding);
      const key = keyOf(f.file, finding.rule, fp.fingerprint);
      const hit = byKey.get(key);
      if (hit) hit.count = (hit.count ?? 1) + 1;
      else byKey.set(key, { file: f.file, rule: finding.rule, fingerprint: fp.fingerprint, text: fp.text });
    }
  }
  return [...byKey.values()];
}

function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return entries.sort((x, y) => cmp(x.file, y.file) || cmp(x.rule, y.rule) || cmp(x.fingerprint, y.fingerprint));
}

/**
 * A new baseline from the findings of this run. With `complete` (every document was checked),
 * entries of files not checked are dropped; otherwise they are kept from `previous`, so linting a
 * few files does not forget the others.
 */
export function buildBaseline(files: readonly FileFindings[], previous?: Baseline, complete = true): Baseline {
  const checked = new Set(files.map((f) => f.file));
  const kept = complete || !previous ? [] : previous.findings.filter((e) => !checked.has(e.file)).map((e) => ({ ...e }));
  return { version: 1, findings: sortEntries([...kept, ...entriesOf(files)]) };
}

/** The file's text: sorted entries, two-space indentation, one trailing newline (stable diffs). */
export function serializeBaseline(b: Baseline): string {
  return JSON.stringify({ version: 1, findings: sortEntries(b.findings.map((e) => ({ ...e }))) }, null, 2) + '\n';
}

interface ParsedBaseline {
  baseline?: Baseline;
  /** What is wrong with the file, each with its 1-based line when known. */
  problems: Array<{ line: number; message: string }>;
}

/** Reads `.sitrep-baseline.json` text; a broken file gives problems, never an exception. */
export function parseBaseline(text: string): ParsedBaseline {
  const src = stripBom(text);
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? src.slice(0, Number(pos[1])).split('\n').length : 1;
    return { problems: [{ line, message: `not valid JSON (${msg}). Regenerate it with sitrep lint --update-baseline.` }] };
  }
  const parsed = Baseline.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `"${issue.path.join('.')}": ` : '';
    const index = issue.path[0] === 'findings' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    const line = index !== undefined ? lineOfEntry(src, index) : 1;
    return { problems: [{ line, message: `${where}${issue.message}. Regenerate it with sitrep lint --update-baseline.` }] };
  }
  return { baseline: parsed.data, problems: [] };
}

/** 1-based line of the n-th `{` that opens a findings entry (best effort for messages). */
function lineOfEntry(src: string, n: number): number {
  const start = src.indexOf('"findings"');
  if (start < 0) return 1;
  let seen = -1;
  let depth = 0;
  for (let i = src.indexOf('[', start) + 1; i > 0 && i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i++;
    } else if (c === '{' && depth++ === 0 && ++seen === n) return src.slice(0, i).split('\n').length;
    else if (c === '}') depth--;
  }
  return 1;
}

interface FileSplit {
  /** Findings not in the baseline: reported as usual. */
  fresh: Finding[];
  /** Findings the baseline accepts: counted, shown as hints in the editor. */
  baselined: Finding[];
}

/** Remaining counts per key for one file, consumed as findings are matched. */
function remainingFor(baseline: Baseline | undefined, file: string): Map<string, number> {
  const left = new Map<string, number>();
  for (const e of baseline?.findings ?? []) {
    if (e.file !== file) continue;
    const k = keyOf(e.file, e.rule, e.fingerprint);
    left.set(k, (left.get(k) ?? 0) + (e.count ?? 1));
  }
  return left;
}

function split(left: Map<string, number>, f: FileFindings): FileSplit {
  const lines = splitLines(f.text);
  const out: FileSplit = { fresh: [], baselined: [] };
  for (const finding of f.findings) {
    const k = keyOf(f.file, finding.rule, fingerprint(lines, finding).fingerprint);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      out.baselined.push(finding);
    } else out.fresh.push(finding);
  }
  return out;
}

/** One file's findings split into new ones and ones the baseline accepts (the editor's view). */
export function splitByBaseline(baseline: Baseline | undefined, f: FileFindings): FileSplit {
  return split(remainingFor(baseline, f.file), f);
}

interface BaselineComparison {
  files: Array<{ file: string } & FileSplit>;
  /** Findings the baseline accepted. */
  suppressed: number;
  /** Baseline entries (with the count not seen) that no longer occur: the baseline can shrink. */
  stale: BaselineEntry[];
}

/**
 * Compares a run with the baseline. Entries of files not checked in this run count as no longer
 * occurring only when the run was `complete` (every document checked, e.g. `sitrep lint` without
 * paths): a file that was deleted or renamed no longer has its findings.
 */
export function compareWithBaseline(baseline: Baseline, files: readonly FileFindings[], complete: boolean): BaselineComparison {
  const left = new Map<string, number>();
  const entryByKey = new Map<string, BaselineEntry>();
  for (const e of baseline.findings) {
    const k = keyOf(e.file, e.rule, e.fingerprint);
    left.set(k, (left.get(k) ?? 0) + (e.count ?? 1));
    if (!entryByKey.has(k)) entryByKey.set(k, e);
  }
  const out: BaselineComparison = { files: [], suppressed: 0, stale: [] };
  for (const f of files) {
    const s = split(left, f);
    out.suppressed += s.baselined.length;
    out.files.push({ file: f.file, ...s });
  }
  const checked = new Set(files.map((f) => f.file));
  for (const [k, n] of left) {
    const e = entryByKey.get(k)!;
    if (n > 0 && (complete || checked.has(e.file))) out.stale.push({ ...e, count: n });
  }
  sortEntries(out.stale);
  return out;
}
