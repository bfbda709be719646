/**
 * `sitrep lint [paths or globs…]`: lints incident and postmortem documents from the command line.
 * Plain Node over the same core the editor uses.
 *
 * One exit-code contract: 0 clean, 1 findings at error level, 2 anything that stopped a check
 * (usage, configuration, a file or folder that cannot be read, a file over the size cap or not
 * decodable, fixes that cannot be written), with one closing line on stderr saying what to do.
 *
 * The parts: args.ts (options), files.ts (which files), read.ts (bounded reads), write.ts (safe
 * --fix writes), output.ts (text, JSON, SARIF), baseline.ts (accepted findings), discovery.ts (what
 * to say when nothing was found), outcome.ts (summary line and --max-warnings).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentGlobsOf, MAX_CONFIG_LENGTH } from '../core/config';
import { compileGlob, GlobError, matchesAny } from '../core/glob';
import { fix, lintParsed, loadConfig, type Finding, type LintOptions } from '../core/lint';
import type { Config } from '../core/model/schemas';
import { parseDocument } from '../core/parser';
import type { DocumentKind, ParsedDocument, Problem } from '../core/parser/types';
import { parseArgs, USAGE, UsageError, type Args } from './args';
import { applyBaseline } from './baseline';
import { nothingFoundMessage } from './discovery';
import { findConfig, GLOB_CHARS, shownFolder, splitGlob, toPosix, walk } from './files';
import { writeJson, writeSarif, writeText, type FileResult } from './output';
import { exitStatus, summaryLine } from './outcome';
import { describeError, readDocument, readSmallText } from './read';
import { writeFixed } from './write';

export { USAGE } from './args';
export { splitGlob, toPosix, walk } from './files';
export { toJson, toSarif, sarifUri, type FileResult, type JsonFinding } from './output';

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Epoch ms; defaults to the clock. */
  now?: number;
}

const EXIT_OK = 0;
const EXIT_STOPPED = 2;

/** Findings that mean a file was not (fully) checked: they make the exit status 2. */
const STOPPING_RULES = new Set(['read-error', 'encoding', 'parse-error', 'write-error']);

function guessKind(doc: ParsedDocument): DocumentKind {
  const keys = new Set(doc.sections.map((s) => s.key));
  return keys.has('status-updates') || keys.has('checkpoints') ? 'incident' : 'postmortem';
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The hint for a folder named on the command line whose markdown files were all skipped because
 * none is recognised as a document: how many, and the ways to have them linted.
 */
function skippedFolderHint(folder: string, skipped: number, globs: readonly string[], configFile: string | undefined): string {
  const dir = shownFolder(folder);
  const files = plural(skipped, 'markdown file');
  const where = configFile ? `the "documents" globs in ${configFile}` : 'the default document globs';
  return (
    `sitrep: skipped ${files} in ${dir}: none is an incident or postmortem document (no "type:" front matter, ` +
    `and no path matching ${where}: ${globs.join(', ')}). To lint ${skipped === 1 ? 'it' : 'them'}: name the files ` +
    `(sitrep lint ${dir}/<file>.md), quote a glob (sitrep lint '${dir}/**/*.md'), add "type: postmortem" or ` +
    `"type: incident" front matter, or set "documents" in .sitrep.yaml.\n`
  );
}

/** Why the run stops with status 2; each reason is one short clause for the closing line. */
class Stops {
  private readonly reasons = new Map<string, number>();
  add(reason: string): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }
  get any(): boolean {
    return this.reasons.size > 0;
  }
  line(): string {
    const parts = [...this.reasons].map(([r, n]) => (n > 1 ? `${r} (${n})` : r));
    return `sitrep: exit 2: ${parts.join('; ')}. Fix or exclude what is named above (the "ignore" globs in .sitrep.yaml), then run again.\n`;
  }
}

const STOP_REASON: Record<string, string> = {
  'read-error': 'files that could not be read',
  encoding: 'files that are not UTF-8',
  'parse-error': 'files over the size cap or not readable as documents',
  'write-error': 'fixes that could not be written',
};

/** Runs the CLI; returns the exit status. */
export function run(argv: readonly string[], io: CliIo): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`sitrep: ${e.message}\n\n${USAGE}`);
    return EXIT_STOPPED;
  }
  if (args.help || !args.command) {
    (args.help ? io.stdout : io.stderr)(USAGE);
    return args.help ? EXIT_OK : EXIT_STOPPED;
  }
  if (args.command !== 'lint') {
    io.stderr(`sitrep: unknown command "${args.command}". The commands are lint, init, explain and report.\n\n${USAGE}`);
    return EXIT_STOPPED;
  }
  try {
    return lintCommand(args, io);
  } catch (e) {
    // Anything unforeseen still ends with a message and status 2, not a stack trace.
    io.stderr(`sitrep: ${e instanceof Error ? e.message : String(e)}. Please report this with the command you ran.\n`);
    return EXIT_STOPPED;
  }
}

function lintCommand(args: Args, io: CliIo): number {
  const stops = new Stops();
  let configBroken = false;

  // Configuration.
  let config: Config = {};
  let base = io.cwd;
  const configPath = args.config ? path.resolve(io.cwd, args.config) : findConfig(io.cwd);
  const shownConfig = configPath ? toPosix(path.relative(io.cwd, configPath)) || configPath : undefined;
  if (configPath) {
    let text: string;
    try {
      text = readSmallText(configPath, MAX_CONFIG_LENGTH + 1);
    } catch (e) {
      io.stderr(`sitrep: cannot read the configuration ${shownConfig}: ${(e as Error).message}. Check the --config path.\n`);
      return EXIT_STOPPED;
    }
    const loaded = loadConfig(text);
    config = loaded.config;
    base = path.dirname(configPath);
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    if (loaded.problems.length) {
      io.stderr(configProblemText(shownConfig!, loaded.problems));
      if (errors.length) {
        const fellBack = Object.keys(config).length === 0;
        io.stderr(`sitrep: ${shownConfig} has ${plural(errors.length, 'error')}; ${fellBack ? 'linting with the default settings' : 'the settings in error are left out'}. Fix the file (it is checked against schemas/config.schema.json).\n`);
        stops.add(`the configuration ${shownConfig} has errors`);
        configBroken = true;
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
  const walkReporting = (dir: string) => {
    const w = walk(dir);
    for (const u of w.unreadable) {
      io.stderr(`sitrep: cannot read the folder ${toPosix(path.relative(io.cwd, u.dir)) || u.dir}: ${u.reason}.\n`);
      stops.add('folders that could not be read');
    }
    if (w.truncated) {
      io.stderr(`sitrep: more than ${w.files.length} markdown files under ${toPosix(path.relative(io.cwd, dir)) || dir}; only the first ${w.files.length} were checked. Name narrower paths.\n`);
      stops.add('too many files');
    }
    return w.files;
  };
  /** Folders named on the command line and the markdown files found in them. */
  const folders: Array<{ arg: string; files: string[] }> = [];
  if (args.paths.length === 0) {
    for (const f of walkReporting(base)) if (!matchesAny(relToBase(f), ignore)) add(f, false);
  }
  for (const p of args.paths) {
    const abs = path.resolve(io.cwd, p);
    let st: fs.Stats | undefined;
    let statError: unknown;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      statError = e;
    }
    if (st?.isDirectory()) {
      const files = walkReporting(abs).filter((f) => !matchesAny(relToBase(f), ignore));
      files.forEach((f) => add(f, false));
      folders.push({ arg: p, files });
    } else if (st) {
      add(abs, true);
    } else if ((statError as NodeJS.ErrnoException)?.code === 'ENOENT' && GLOB_CHARS.test(p)) {
      // The glob's leading plain folders (absolute, `../…` or relative) say where to search; the
      // rest is matched against paths relative to that folder.
      const { root, pattern } = splitGlob(p, io.cwd);
      let match: (p: string) => boolean;
      try {
        match = compileGlob(pattern);
      } catch (e) {
        if (!(e instanceof GlobError)) throw e;
        io.stderr(`sitrep: ${e.message.replace(`"${e.glob}"`, `"${p}"`)} Quote the glob, or name the files.\n`);
        return EXIT_STOPPED;
      }
      const hits = walkReporting(root).filter((f) => match(toPosix(path.relative(root, f))));
      if (hits.length === 0) {
        io.stderr(`sitrep: no markdown files match "${p}".\n`);
        return EXIT_STOPPED;
      }
      hits.forEach((f) => add(f, true));
    } else if ((statError as NodeJS.ErrnoException)?.code === 'ENOENT') {
      io.stderr(`sitrep: "${p}" does not exist. Give files, folders or quoted globs.\n`);
      return EXIT_STOPPED;
    } else {
      io.stderr(`sitrep: cannot read "${p}": ${describeError(statError)}.\n`);
      return EXIT_STOPPED;
    }
  }

  const now = args.now ?? io.now ?? Date.now();
  const results: FileResult[] = [];
  const linted = new Set<string>();
  const problem = (rule: string, message: string): Finding => ({ rule, severity: 'error', message, range: { line: 0, column: 0, endLine: 0, endColumn: 0 } });
  /** Markdown files looked at and not checked (not documents). */
  let skipped = 0;
  for (const [abs, { explicit }] of [...targets].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const shown = toPosix(path.relative(io.cwd, abs)) || path.basename(abs);
    const read = readDocument(abs);
    if (read.kind === 'problem') {
      // In a folder, only files on a document path are reported: one that cannot be read cannot
      // say by its front matter that it is a document.
      if (!explicit && !matchesAny(relToBase(abs), globs)) {
        skipped++;
        continue;
      }
      results.push({ file: shown, findings: [problem(read.rule, read.message)] });
      linted.add(abs);
      continue;
    }
    const options: LintOptions = { relativePath: relToBase(abs), globs, config, now };
    // One parse decides the kind and is linted; a second only for a named file of unknown kind.
    let doc = parseDocument(read.text, options);
    if (doc.kind === 'unknown') {
      // In a folder, a binary or huge file on a document path is still reported.
      if (!explicit && !(doc.truncated && matchesAny(relToBase(abs), globs))) {
        skipped++;
        continue;
      }
      options.assumeKind = guessKind(doc);
      doc = parseDocument(read.text, options);
    }
    linted.add(abs);
    let findings = lintParsed(doc, options);
    let text = read.text;
    if (args.fix && !doc.truncated && findings.some((f) => f.fix)) {
      let fixedFindings: Finding[] | undefined;
      const outcome = writeFixed(abs, read, (text) => {
        const fixed = fix(text, options);
        fixedFindings = fixed.result.findings;
        return fixed.applied > 0 ? fixed.text : undefined;
      });
      if (outcome.kind === 'written' || outcome.kind === 'unchanged') {
        findings = fixedFindings ?? findings;
        text = outcome.kind === 'written' ? outcome.text : outcome.file.text;
      } else {
        // Not written: the file still holds every finding, and the run says so.
        text = outcome.file.text;
        findings = lintParsed(parseDocument(text, options), options);
        findings.unshift(problem('write-error', `Cannot write fixes to this file: ${outcome.message}. Nothing was changed.`));
        io.stderr(`sitrep: cannot write fixes to ${shown}: ${outcome.message}.\n`);
      }
    }
    results.push({ file: shown, findings, text });
  }

  for (const { arg, files } of folders) {
    if (files.length === 0 || files.some((f) => linted.has(f))) continue;
    io.stderr(skippedFolderHint(arg, files.length, globs, shownConfig));
  }
  if (results.length === 0 && !args.allowEmpty) {
    io.stderr(nothingFoundMessage({ cwd: io.cwd, base, paths: args.paths, folders, skipped, globs, configFile: configPath }));
    if (stops.any) io.stderr(stops.line());
    return EXIT_STOPPED;
  }

  // The baseline hides accepted findings. Findings that stopped a check (unreadable, over the cap,
  // not UTF-8, not written) are about this run, not the text: they are never baselined or hidden.
  const held = results.map((r) => r.findings.filter((f) => STOPPING_RULES.has(f.rule)));
  for (const r of results) r.findings = r.findings.filter((f) => !STOPPING_RULES.has(f.rule));
  const baselined = applyBaseline(results, { update: args.updateBaseline, file: args.baseline, complete: args.paths.length === 0, base, configBroken }, io);
  results.forEach((r, i) => {
    if (held[i].length) r.findings = [...held[i], ...r.findings];
  });
  for (const r of results) for (const f of r.findings) if (STOPPING_RULES.has(f.rule)) stops.add(STOP_REASON[f.rule]);
  if (baselined.exit !== undefined) {
    if (baselined.exit === EXIT_OK && stops.any) {
      // The baseline was written, but some documents were not checked: it lacks their findings.
      writeText(results.map((r) => ({ ...r, findings: r.findings.filter((f) => STOPPING_RULES.has(f.rule)) })), io.stderr);
      io.stderr(stops.line());
      return EXIT_STOPPED;
    }
    return baselined.exit;
  }
  if (baselined.status === EXIT_STOPPED) stops.add('the baseline cannot be used');

  if (args.format === 'json') writeJson(results, io.stdout);
  else if (args.format === 'sarif') writeSarif(results, packageVersion(), io.stdout);
  else {
    writeText(results, io.stdout);
    io.stderr(summaryLine(results, skipped));
  }
  if (stops.any) {
    io.stderr(stops.line());
    return EXIT_STOPPED;
  }
  return exitStatus(results, EXIT_OK, args.maxWarnings, io.stderr);
}
