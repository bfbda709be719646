/**
 * `sitrep report [paths…]`: the learning report across incidents and postmortems, as Markdown
 * (renders on GitHub), one self-contained HTML file, or JSON (schemas/report.schema.json).
 * Exit 0 = written; 2 = usage or configuration error, the output could not be written, or a document
 * could not be read (the report is still written without it), with a last line saying what to do.
 * Documents are read bounded (src/cli/read.ts): regular files only, at most the size cap.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentGlobsOf, MAX_CONFIG_LENGTH, parseConfig } from '../core/config';
import { GlobError, globToRegExp, matchesAny } from '../core/glob';
import type { Config } from '../core/model/schemas';
import { buildReport, readReportDoc, renderHtmlPage, renderMarkdown, standaloneSvg, type LearningReport, type ReportDoc } from '../core/report';
import { parseDate, parseTimestamp } from '../core/time';
import type { CliIo } from './lint';
import { findConfig, GLOB_CHARS, splitGlob, toPosix, walk } from './files';
import { nowOption, optionValue, UsageError } from './args';
import { readDocument } from './read';

const REPORT_USAGE = `Usage: sitrep report [paths or globs…] [options]

A learning report across incident and postmortem documents: recurring classes and the standards
candidates they make, action register health, and response metrics (docs/report.md).

Paths may be files, folders or quoted globs; with none, every document under the folder holding
.sitrep.yaml (else the working folder) that the "documents" globs or a front-matter "type" recognise.

Options:
  --format md|html|json   Output format (default md: GitHub-flavoured Markdown)
  --out <file>            Write to this file instead of stdout; with md, the charts are written as
                          SVG files in <file name>-charts/ beside it (to stdout they are Mermaid)
  --since <date>          Start of the window (YYYY-MM-DD or ISO timestamp); default: the report
                          date minus report.window_days (180) from .sitrep.yaml
  --now <ISO timestamp>   The report date (default: now)
  --config <file>         Use this .sitrep.yaml instead of the nearest one
  -h, --help              Show this help

Exit status: 0 report written, 2 usage or configuration error, the output could not be written, or a
document could not be read (the report is written without it).
`;

interface Args {
  paths: string[];
  format: 'md' | 'html' | 'json';
  out?: string;
  since?: number;
  now?: number;
  config?: string;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { paths: [], format: 'md', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const r = optionValue(argv, i, name);
      i = r.next;
      return r.value;
    };
    const is = (name: string) => a === name || a.startsWith(name + '=');
    if (a === '-h' || a === '--help') args.help = true;
    else if (is('--format')) {
      const f = value('--format');
      if (f !== 'md' && f !== 'html' && f !== 'json') throw new UsageError(`Unknown format "${f}": use md, html or json.`);
      args.format = f;
    } else if (is('--out')) args.out = value('--out');
    else if (is('--config')) args.config = value('--config');
    else if (is('--since')) {
      const v = value('--since');
      const t = parseDate(v) ?? parseTimestamp(v);
      if (t === undefined) throw new UsageError(`--since "${v}" is not a date (YYYY-MM-DD) or an ISO timestamp with a zone.`);
      args.since = t;
    } else if (is('--now')) {
      args.now = nowOption(value('--now'));
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option "${a}". Run "sitrep report --help" for the options.`);
    else args.paths.push(a);
  }
  return args;
}

/** Reads a regular file of at most `maxBytes` (bounded, see read.ts), or says why not. */
function readBounded(abs: string, maxBytes?: number): { text?: string; problem?: string } {
  const r = readDocument(abs, maxBytes);
  return r.kind === 'text' ? { text: r.text } : { problem: r.message };
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
function writeWhole(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

interface ReadContext {
  cwd: string;
  base: string;
  globs: readonly string[];
  ignore: readonly string[];
  config: Config;
}

interface ReadResult {
  docs: ReportDoc[];
  messages: string[];
  /** Documents that could not be read (named, or on the document globs). */
  skipped: number;
}

/** Reads files (absolute path, named explicitly) into ReportDocs, in order. */
function readChunk(items: ReadonlyArray<[string, boolean]>, ctx: ReadContext): ReadResult {
  const out: ReadResult = { docs: [], messages: [], skipped: 0 };
  for (const [abs, explicit] of items) {
    const rel = toPosix(path.relative(ctx.base, abs));
    const read = readBounded(abs);
    if (read.text === undefined) {
      if (explicit || matchesAny(rel, ctx.globs)) {
        out.messages.push(`sitrep: skipped ${toPosix(path.relative(ctx.cwd, abs)) || abs}: ${read.problem}\n`);
        out.skipped++;
      }
      continue;
    }
    const options = { relativePath: rel, globs: ctx.globs, ignore: ctx.ignore, config: ctx.config };
    const doc = readReportDoc(read.text, options) ?? (explicit ? readReportDoc(read.text, { ...options, assumeKind: 'postmortem' }) : undefined);
    if (doc) out.docs.push(doc);
  }
  return out;
}

/** The configuration in force, or an exit status when it cannot be used. */
function loadReportConfig(args: Args, io: CliIo): { config: Config; base: string } | number {
  const configPath = args.config ? path.resolve(io.cwd, args.config) : findConfig(io.cwd);
  if (!configPath) return { config: {}, base: io.cwd };
  const shown = toPosix(path.relative(io.cwd, configPath)) || configPath;
  const read = readBounded(configPath, MAX_CONFIG_LENGTH + 1);
  if (read.text === undefined) {
    io.stderr(`sitrep: cannot read the configuration ${shown}: ${read.problem} Check the --config path.\n`);
    return 2;
  }
  const loaded = parseConfig(read.text);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  for (const p of loaded.problems) io.stderr(`${shown}:${p.range.line + 1}:${p.range.column + 1}  ${p.severity}  config  ${p.message}\n`);
  if (errors.length) {
    io.stderr(`sitrep: ${shown} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix it (it is checked against schemas/config.schema.json) and run the report again.\n`);
    return 2;
  }
  return { config: loaded.config, base: path.dirname(configPath) };
}

/**
 * The files to read, each marked when it was named (a file or a glob match) rather than found in
 * a folder; or an exit status when a path names nothing.
 */
function collectTargets(args: Args, io: CliIo, ctx: ReadContext): Array<[string, boolean]> | number {
  const targets = new Map<string, boolean>();
  const add = (abs: string, explicit: boolean) => targets.set(abs, explicit || targets.get(abs) === true);
  const fromFolder = (dir: string) => {
    for (const f of walk(dir).files) if (!matchesAny(toPosix(path.relative(ctx.base, f)), ctx.ignore)) add(f, false);
  };
  if (args.paths.length === 0) fromFolder(ctx.base);
  for (const p of args.paths) {
    const abs = path.resolve(io.cwd, p);
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    if (st?.isDirectory()) fromFolder(abs);
    else if (st) add(abs, true);
    else if (GLOB_CHARS.test(p)) {
      // The glob's leading plain folders say where to search; the rest is matched below them.
      const { root, pattern } = splitGlob(p, io.cwd);
      let re: { test(path: string): boolean };
      try {
        re = globToRegExp(pattern);
      } catch (e) {
        if (!(e instanceof GlobError)) throw e;
        io.stderr(`sitrep: "${p}" cannot be used: ${e.message}\n`);
        return 2;
      }
      const hits = walk(root).files.filter((f) => re.test(toPosix(path.relative(root, f))));
      if (!hits.length) {
        io.stderr(`sitrep: no markdown files match "${p}".\n`);
        return 2;
      }
      hits.forEach((f) => add(f, true));
    } else {
      io.stderr(`sitrep: "${p}" does not exist. Give files, folders or quoted globs.\n`);
      return 2;
    }
  }
  return [...targets].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Renders the report in the asked format to stdout or --out (md charts as SVG files beside it). */
function writeReport(report: LearningReport, args: Args, io: CliIo, base: string): number {
  const outAbs = args.out ? path.resolve(io.cwd, args.out) : undefined;
  const readerDir = outAbs ? path.dirname(outAbs) : io.cwd;
  const prefix = toPosix(path.relative(readerDir, base));
  const hrefPrefix = prefix ? prefix + '/' : '';
  const link = (p: string, line?: number) => encodeURI(hrefPrefix + p) + (line ? `#L${line}` : '');
  try {
    let text: string;
    if (args.format === 'json') text = JSON.stringify(report, null, 2) + '\n';
    else if (args.format === 'html') text = renderHtmlPage(report, { hrefPrefix });
    else if (!outAbs) text = renderMarkdown(report, { link, charts: 'mermaid' });
    else {
      const chartDir = `${path.basename(outAbs).replace(/\.[^.]*$/, '')}-charts`;
      const image = (id: string, svg: string) => {
        writeWhole(path.join(readerDir, chartDir, `${id}.svg`), standaloneSvg(svg));
        return encodeURI(`${chartDir}/${id}.svg`);
      };
      text = renderMarkdown(report, { link, charts: { image } });
    }
    if (!outAbs) {
      io.stdout(text);
      return 0;
    }
    writeWhole(outAbs, text);
    const c = report.candidates.length;
    io.stderr(`Wrote ${toPosix(path.relative(io.cwd, outAbs))}: ${report.documents.incidents} incidents, ${c} standards candidate${c === 1 ? '' : 's'}.\n`);
    return 0;
  } catch (e) {
    io.stderr(`sitrep: cannot write the report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.\n`);
    return 2;
  }
}

/** Runs `sitrep report`; returns the exit status. */
export function runReport(argv: readonly string[], io: CliIo): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`sitrep: ${(e as Error).message}\n\n${REPORT_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  const loaded = loadReportConfig(args, io);
  if (typeof loaded === 'number') return loaded;
  const { config, base } = loaded;
  const ctx: ReadContext = { cwd: io.cwd, base, globs: documentGlobsOf(config), ignore: config.ignore ?? [], config };
  const targets = collectTargets(args, io, ctx);
  if (typeof targets === 'number') return targets;
  const { docs, messages, skipped } = readChunk(targets, ctx);
  messages.forEach((m) => io.stderr(m));
  if (docs.length === 0) io.stderr('sitrep: no incident or postmortem documents found; the report is empty.\n');
  const report = buildReport(docs, { now: args.now ?? io.now ?? Date.now(), since: args.since, config });
  const written = writeReport(report, args, io, base);
  if (written !== 0 || skipped === 0) return written;
  io.stderr(`sitrep: exit 2: ${skipped} document${skipped === 1 ? '' : 's'} could not be read and ${skipped === 1 ? 'is' : 'are'} left out of the report. Fix or exclude what is named above (the "ignore" globs in .sitrep.yaml), then run again.\n`);
  return 2;
}
