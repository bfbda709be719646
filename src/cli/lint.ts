/**
 * `sitrep lint [paths or globs…]`: lints incident and postmortem documents from the command line.
 * Plain Node over the same core the editor uses. Exit 0 = no errors, 1 = errors found,
 * 2 = usage or configuration error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAMES, documentGlobsOf } from '../core/config';
import { globToRegExp, matchesAny } from '../core/glob';
import { fix, lint, loadConfig, RULES, type Finding, type LintOptions } from '../core/lint';
import type { Config } from '../core/model/schemas';
import { parseDocument } from '../core/parser';
import type { DocumentKind, ParsedDocument, Problem } from '../core/parser/types';
import { parseTimestamp } from '../core/time';
import { applyBaseline, BASELINE_OPTIONS_HELP } from './baseline';
import { nothingFoundMessage } from './discovery';
import { exitStatus, summaryLine } from './outcome';

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Epoch ms; defaults to the clock. */
  now?: number;
}

export const USAGE = `Usage: sitrep lint [paths or globs…] [options]

Lints incident and postmortem markdown documents.

Paths may be files, folders or globs (quote globs so the shell leaves them alone; relative,
../ and absolute globs all work). Named files and glob matches are linted whatever their
location; folders and the default (no paths) take the documents that the configuration's
"documents" globs or a front-matter "type" recognise.

Options:
  --format text|json|sarif   Output format (default text: file:line:col  severity  rule  message)
  --fix                      Apply every available fix in place, then report what is left
  --config <file>            Use this .sitrep.yaml instead of the nearest one
  --now <ISO timestamp>      Judge due dates and update cadence at this time instead of now
${BASELINE_OPTIONS_HELP}
  --max-warnings <N>         Exit 1 when more than N warnings are reported
  --allow-empty              Exit 0 when no documents are found (default: exit 2)
  -h, --help                 Show this help

Other commands: sitrep init (write .sitrep.yaml, and a CI workflow), sitrep explain FILE,
sitrep report (the learning report).

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage or
configuration error, or no documents found.
`;

interface Args {
  command?: string;
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  config?: string;
  now?: number;
  help: boolean;
  allowEmpty: boolean;
  maxWarnings?: number;
  updateBaseline: boolean;
  /** Baseline file; false with --no-baseline. */
  baseline?: string | false;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { paths: [], format: 'text', fix: false, help: false, allowEmpty: false, updateBaseline: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value.`);
      return v;
    };
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--fix') args.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`Unknown format "${f}": use text, json or sarif.`);
      args.format = f;
    } else if (a === '--config' || a.startsWith('--config=')) args.config = value('--config');
    else if (a === '--now' || a.startsWith('--now=')) {
      const v = value('--now');
      const t = parseTimestamp(v);
      if (t === undefined) throw new UsageError(`--now "${v}" is not an ISO timestamp with date, time and zone (e.g. 2026-11-27T09:52:00Z).`);
      args.now = t;
    } else if (a === '--allow-empty') args.allowEmpty = true;
    else if (a === '--update-baseline') args.updateBaseline = true;
    else if (a === '--no-baseline') args.baseline = false;
    else if (a === '--baseline' || a.startsWith('--baseline=')) args.baseline = value('--baseline');
    else if (a === '--max-warnings' || a.startsWith('--max-warnings=')) {
      const v = value('--max-warnings');
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings "${v}" is not a whole number of warnings (e.g. --max-warnings 0).`);
      args.maxWarnings = Number(v);
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option "${a}". Run "sitrep lint --help" for the options.`);
    else if (!args.command) args.command = a;
    else args.paths.push(a);
  }
  return args;
}

export interface FileResult {
  /** Path as shown: relative to the working folder, forward slashes. */
  file: string;
  findings: Finding[];
  /** The text the findings were found in (for the baseline's fingerprints). */
  text?: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

export function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(path.join(dir, e.name), out);
    } else if ((e.isFile() || e.isSymbolicLink()) && /\.(md|markdown)$/i.test(e.name)) out.push(path.join(dir, e.name));
  }
}

function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export const toPosix = (p: string) => p.split(path.sep).join('/');

const GLOB_CHARS = /[*?[{]/;

// Splits a glob into the folder to search (its leading segments without glob characters,
// resolved against `cwd`) and the pattern for paths relative to that folder:
// `/abs/templates/*.md` → (`/abs/templates`, `*.md`); `../x/**/*.md` → (`<cwd>/../x`, `**/*.md`);
// `*.md` → (`cwd`, `*.md`). So absolute and `../` globs match the way relative ones do.
export function splitGlob(glob: string, cwd: string): { root: string; pattern: string } {
  const segments = toPosix(glob).split('/');
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  // A leading '/' gives an empty first segment; keep it so the root stays absolute.
  const fixed = segments.slice(0, firstGlob);
  const root = fixed.length === 0 ? cwd : path.resolve(cwd, fixed.join('/') || '/');
  return { root, pattern: segments.slice(firstGlob).join('/') };
}

function guessKind(doc: ParsedDocument): DocumentKind {
  const keys = new Set(doc.sections.map((s) => s.key));
  return keys.has('status-updates') || keys.has('checkpoints') ? 'incident' : 'postmortem';
}

function formatText(results: FileResult[]): string {
  let out = '';
  for (const r of results) {
    for (const f of r.findings) out += `${r.file}:${f.range.line + 1}:${f.range.column + 1}  ${f.severity}  ${f.rule}  ${f.message}\n`;
  }
  return out;
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

/** 1-based lines and columns; endColumn is exclusive (one past the last character), as in SARIF. */
export function toJson(results: FileResult[]): JsonFinding[] {
  return results.flatMap((r) =>
    r.findings.map((f) => ({
      file: r.file,
      line: f.range.line + 1,
      column: f.range.column + 1,
      endLine: f.range.endLine + 1,
      endColumn: f.range.endColumn + 1,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
    })),
  );
}

function docsUri(rule: string): string | undefined {
  const p = path.resolve(__dirname, '..', 'docs', 'rules', `${rule}.md`);
  return fs.existsSync(p) ? pathToFileURL(p).href : undefined;
}

export function toSarif(results: FileResult[], version: string): object {
  const ruleIds = RULES.map((r) => r.name);
  const extra = new Set<string>();
  for (const r of results) for (const f of r.findings) if (!ruleIds.includes(f.rule)) extra.add(f.rule);
  const all = [...ruleIds, ...extra];
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sitrep',
            version,
            rules: all.map((id) => {
              const rule = RULES.find((r) => r.name === id);
              const help = rule ? docsUri(id) : undefined;
              return {
                id,
                name: id,
                shortDescription: { text: rule?.description ?? 'The file could not be read as a document.' },
                ...(help ? { helpUri: help } : {}),
                defaultConfiguration: { level: level(rule?.defaultSeverity ?? 'error') },
                properties: { fixable: rule?.fixable ?? false },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: all.indexOf(f.rule),
            level: level(f.severity),
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(r.file) },
                  region: {
                    startLine: f.range.line + 1,
                    startColumn: f.range.column + 1,
                    endLine: f.range.endLine + 1,
                    endColumn: f.range.endColumn + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

export function packageVersion(): string {
  for (const p of [path.resolve(__dirname, '..', 'package.json'), path.resolve(__dirname, '..', '..', '..', 'package.json')]) {
    try {
      return JSON.parse(fs.readFileSync(p, 'utf8')).version ?? '0.0.0';
    } catch {
      // try the next place
    }
  }
  return '0.0.0';
}

function configProblemText(file: string, problems: Problem[]): string {
  return problems.map((p) => `${file}:${p.range.line + 1}:${p.range.column + 1}  ${p.severity}  config  ${p.message}`).join('\n') + '\n';
}

/**
 * The hint for a folder named on the command line whose markdown files were all skipped because
 * none is recognised as a document: how many, and the ways to have them linted.
 */
export function skippedFolderHint(folder: string, skipped: number, globs: readonly string[], configFile: string | undefined): string {
  const dir = toPosix(folder).replace(/\/+$/, '') || '/';
  const files = `${skipped} markdown file${skipped === 1 ? '' : 's'}`;
  const where = configFile ? `the "documents" globs in ${configFile}` : 'the default document globs';
  return (
    `sitrep: skipped ${files} in ${dir}: none is an incident or postmortem document (no "type:" front matter, ` +
    `and no path matching ${where}: ${globs.join(', ')}). To lint ${skipped === 1 ? 'it' : 'them'}: name the files ` +
    `(sitrep lint ${dir}/<file>.md), quote a glob (sitrep lint '${dir}/**/*.md'), add "type: postmortem" or ` +
    `"type: incident" front matter, or set "documents" in .sitrep.yaml.\n`
  );
}

/** Runs the CLI; returns the exit status. */
export function run(argv: readonly string[], io: CliIo): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`sitrep: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help || !args.command) {
    (args.help ? io.stdout : io.stderr)(USAGE);
    return args.help ? 0 : 2;
  }
  if (args.command !== 'lint') {
    io.stderr(`sitrep: unknown command "${args.command}". The command is "sitrep lint [paths or globs…]".\n\n${USAGE}`);
    return 2;
  }

  // Configuration.
  let status = 0;
  let config: Config = {};
  let base = io.cwd;
  const configPath = args.config ? path.resolve(io.cwd, args.config) : findConfig(io.cwd);
  if (configPath) {
    const shown = toPosix(path.relative(io.cwd, configPath)) || configPath;
    let text: string | undefined;
    try {
      text = fs.readFileSync(configPath, 'utf8');
    } catch (e) {
      io.stderr(`sitrep: cannot read the configuration ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Check the --config path.\n`);
      return 2;
    }
    const loaded = loadConfig(text);
    config = loaded.config;
    base = path.dirname(configPath);
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    if (loaded.problems.length) {
      io.stderr(configProblemText(shown, loaded.problems));
      if (errors.length) {
        io.stderr(`sitrep: ${shown} has ${errors.length} error${errors.length === 1 ? '' : 's'}; linting with the default settings. Fix the file (it is checked against schemas/config.schema.json).\n`);
        status = 2;
      }
    }
  }
  const globs = documentGlobsOf(config);
  const ignore = config.ignore ?? [];

  // Files: explicit files and glob matches are linted as documents; folders contribute recognised documents.
  const targets = new Map<string, { explicit: boolean }>();
  const add = (abs: string, explicit: boolean) => {
    const prev = targets.get(abs);
    if (!prev || (explicit && !prev.explicit)) targets.set(abs, { explicit });
  };
  const relToBase = (abs: string) => toPosix(path.relative(base, abs));
  /** Folders named on the command line and the markdown files found in them. */
  const folders: Array<{ arg: string; files: string[] }> = [];
  if (args.paths.length === 0) {
    const all: string[] = [];
    walk(base, all);
    for (const f of all) if (!matchesAny(relToBase(f), ignore)) add(f, false);
  }
  for (const p of args.paths) {
    const abs = path.resolve(io.cwd, p);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const all: string[] = [];
      walk(abs, all);
      const files = all.filter((f) => !matchesAny(relToBase(f), ignore));
      files.forEach((f) => add(f, false));
      folders.push({ arg: p, files });
    } else if (st) {
      add(abs, true);
    } else if (GLOB_CHARS.test(p)) {
      // The glob's leading plain folders (absolute, `../…` or relative) say where to search; the
      // rest is matched against paths relative to that folder.
      const { root, pattern } = splitGlob(p, io.cwd);
      const re = globToRegExp(pattern);
      const all: string[] = [];
      walk(root, all);
      const hits = all.filter((f) => re.test(toPosix(path.relative(root, f))));
      if (hits.length === 0) {
        io.stderr(`sitrep: no markdown files match "${p}".\n`);
        return 2;
      }
      hits.forEach((f) => add(f, true));
    } else {
      io.stderr(`sitrep: "${p}" does not exist. Give files, folders or quoted globs.\n`);
      return 2;
    }
  }

  const now = args.now ?? io.now ?? Date.now();
  const results: FileResult[] = [];
  const linted = new Set<string>();
  let skipped = 0;
  for (const [abs, { explicit }] of [...targets].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const shown = toPosix(path.relative(io.cwd, abs)) || path.basename(abs);
    let buf: Buffer;
    try {
      buf = fs.readFileSync(abs);
    } catch (e) {
      results.push({
        file: shown,
        findings: [{ rule: 'read-error', severity: 'error', message: `Cannot read this file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, range: { line: 0, column: 0, endLine: 0, endColumn: 0 } }],
      });
      continue;
    }
    const text = buf.toString('utf8');
    const options: LintOptions = { relativePath: relToBase(abs), globs, config, now };
    let probe = parseDocument(text, options);
    if (probe.kind === 'unknown') {
      // In a folder, a binary or huge file on a document path is still reported.
      if (!explicit && !(probe.truncated && matchesAny(relToBase(abs), globs))) {
        skipped++;
        continue;
      }
      options.assumeKind = guessKind(probe);
      probe = parseDocument(text, options);
    }
    linted.add(abs);
    if (args.fix && !probe.truncated) {
      const fixed = fix(text, options);
      if (fixed.applied > 0 && fixed.text !== text) {
        try {
          fs.writeFileSync(abs, fixed.text);
        } catch (e) {
          io.stderr(`sitrep: cannot write fixes to ${shown}: ${(e as Error).message}\n`);
        }
      }
      results.push({ file: shown, findings: fixed.result.findings, text: fixed.text });
    } else {
      results.push({ file: shown, findings: lint(text, options).findings, text });
    }
  }

  for (const { arg, files } of folders) {
    if (files.length === 0 || files.some((f) => linted.has(f))) continue;
    io.stderr(skippedFolderHint(arg, files.length, globs, configPath ? toPosix(path.relative(io.cwd, configPath)) || configPath : undefined));
  }
  if (results.length === 0 && !args.allowEmpty) {
    io.stderr(nothingFoundMessage({ cwd: io.cwd, base, paths: args.paths, folders, skipped, globs, configFile: configPath }));
    return 2;
  }
  const baselined = applyBaseline(results, { update: args.updateBaseline, file: args.baseline, complete: args.paths.length === 0, base, configBroken: status === 2 }, io);
  if (baselined.exit !== undefined) return baselined.exit;
  if (baselined.status === 2) status = 2;

  if (args.format === 'json') io.stdout(JSON.stringify(toJson(results), null, 2) + '\n');
  else if (args.format === 'sarif') io.stdout(JSON.stringify(toSarif(results, packageVersion()), null, 2) + '\n');
  else {
    io.stdout(formatText(results));
    io.stderr(summaryLine(results, skipped));
  }
  return exitStatus(results, status, args.maxWarnings, io.stderr);
}
