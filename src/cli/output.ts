/**
 * `sitrep lint` output: text lines, JSON and SARIF 2.1.0. JSON and SARIF are written in pieces
 * (one finding at a time), so a run with millions of findings never builds one string past V8's
 * string limit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type Finding } from '../core/lint';

export interface FileResult {
  /** Path as shown: relative to the working folder, forward slashes. */
  file: string;
  findings: Finding[];
  /** The text the findings were found in (for the baseline's fingerprints). */
  text?: string;
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
}

/** Descriptions of the findings that are not rules: they say why a file was not checked. */
const NON_RULE_DESCRIPTIONS: Record<string, string> = {
  'parse-error': 'The file could not be read as a document (binary, over the size cap, or an internal failure).',
  'read-error': 'The file could not be read (missing, permission denied, not a regular file).',
  encoding: 'The file is not UTF-8 or UTF-16 with a byte-order mark; Sitrep does not read or rewrite it.',
  'write-error': 'Fixes could not be written to the file.',
};

type Out = (s: string) => void;

/** Collects small writes into chunks of about 64 KB. */
function chunked(out: Out): { write: Out; flush: () => void } {
  let buf = '';
  return {
    write(s) {
      buf += s;
      if (buf.length >= 65_536) {
        out(buf);
        buf = '';
      }
    },
    flush() {
      if (buf) out(buf);
      buf = '';
    },
  };
}

export function writeText(results: readonly FileResult[], out: Out): void {
  const w = chunked(out);
  for (const r of results) {
    for (const f of r.findings) w.write(`${r.file}:${f.range.line + 1}:${f.range.column + 1}  ${f.severity}  ${f.rule}  ${f.message}\n`);
  }
  w.flush();
}

/** One finding as JSON: 1-based lines and columns; endColumn is exclusive (one past the last character), as in SARIF. */
function jsonFinding(file: string, f: Finding): JsonFinding {
  return {
    file,
    line: f.range.line + 1,
    column: f.range.column + 1,
    endLine: f.range.endLine + 1,
    endColumn: f.range.endColumn + 1,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  };
}

export function toJson(results: readonly FileResult[]): JsonFinding[] {
  return results.flatMap((r) => r.findings.map((f) => jsonFinding(r.file, f)));
}

/** The JSON array, written finding by finding (the same text JSON.stringify(toJson(…), null, 2) gives). */
export function writeJson(results: readonly FileResult[], out: Out): void {
  const w = chunked(out);
  let first = true;
  for (const r of results) {
    for (const f of r.findings) {
      const item = JSON.stringify(jsonFinding(r.file, f), null, 2).replace(/\n/g, '\n  ');
      w.write(`${first ? '[\n  ' : ',\n  '}${item}`);
      first = false;
    }
  }
  w.write(first ? '[]\n' : '\n]\n');
  w.flush();
}

function docsUri(rule: string): string | undefined {
  for (const p of [path.resolve(__dirname, '..', 'docs', 'rules', `${rule}.md`), path.resolve(__dirname, '..', '..', '..', 'docs', 'rules', `${rule}.md`)]) {
    if (fs.existsSync(p)) return pathToFileURL(p).href;
  }
  return undefined;
}

/**
 * A SARIF artifact URI for a shown path: relative paths stay relative, with each segment
 * percent-encoded (`#`, `?`, `%` and spaces included); absolute paths become file: URLs.
 */
export function sarifUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split('/')
    .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)))
    .join('/');
}

const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

function sarifRules(results: readonly FileResult[]): { ids: string[]; rules: object[] } {
  const ruleIds = RULES.map((r) => r.name);
  const extra = new Set<string>();
  for (const r of results) for (const f of r.findings) if (!ruleIds.includes(f.rule)) extra.add(f.rule);
  const ids = [...ruleIds, ...extra];
  const rules = ids.map((id) => {
    const rule = RULES.find((r) => r.name === id);
    const help = rule ? docsUri(id) : undefined;
    return {
      id,
      name: id,
      shortDescription: { text: rule?.description ?? NON_RULE_DESCRIPTIONS[id] ?? 'The file could not be read as a document.' },
      ...(help ? { helpUri: help } : {}),
      defaultConfiguration: { level: level(rule?.defaultSeverity ?? 'error') },
      properties: { fixable: rule?.fixable ?? false },
    };
  });
  return { ids, rules };
}

function sarifResult(file: string, f: Finding, index: Map<string, number>): object {
  return {
    ruleId: f.rule,
    ruleIndex: index.get(f.rule),
    level: level(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: sarifUri(file) },
          region: {
            startLine: f.range.line + 1,
            startColumn: f.range.column + 1,
            endLine: f.range.endLine + 1,
            endColumn: f.range.endColumn + 1,
          },
        },
      },
    ],
  };
}

function sarifHead(version: string, rules: object[]) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'sitrep', version, rules } }, columnKind: 'utf16CodeUnits', results: [] as object[] }],
  };
}

export function toSarif(results: readonly FileResult[], version: string): object {
  const { ids, rules } = sarifRules(results);
  const index = new Map(ids.map((id, i) => [id, i]));
  const s = sarifHead(version, rules);
  s.runs[0].results = results.flatMap((r) => r.findings.map((f) => sarifResult(r.file, f, index)));
  return s;
}

/** The SARIF log, written result by result. */
export function writeSarif(results: readonly FileResult[], version: string, out: Out): void {
  const { ids, rules } = sarifRules(results);
  const index = new Map(ids.map((id, i) => [id, i]));
  // The log without results, split where the results go.
  const marker = '"__sitrep_results__"';
  const head = sarifHead(version, rules) as { runs: Array<{ results: unknown }> };
  head.runs[0].results = '__sitrep_results__';
  const text = JSON.stringify(head, null, 2);
  const at = text.indexOf(marker);
  const w = chunked(out);
  w.write(text.slice(0, at));
  let first = true;
  for (const r of results) {
    for (const f of r.findings) {
      const item = JSON.stringify(sarifResult(r.file, f, index), null, 2).replace(/\n/g, '\n        ');
      w.write(`${first ? '[\n        ' : ',\n        '}${item}`);
      first = false;
    }
  }
  w.write(first ? '[]' : '\n      ]');
  w.write(text.slice(at + marker.length) + '\n');
  w.flush();
}
