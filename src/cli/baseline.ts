/**
 * `sitrep lint --update-baseline`, `--baseline <file>`, `--no-baseline`: reads and writes
 * `.sitrep-baseline.json` and filters a run's findings through it. The matching lives in the core
 * (src/core/baseline.ts); this module only does the file work and the messages.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASELINE_FILE, buildBaseline, MAX_BASELINE_BYTES, compareWithBaseline, parseBaseline, serializeBaseline, type Baseline, type FileFindings } from '../core/baseline';
import type { Finding } from '../core/lint';
import { readSmallText } from './read';
import { writeAtomically } from './write';

export const BASELINE_OPTIONS_HELP = `  --update-baseline          Write every current finding to .sitrep-baseline.json and exit 0;
                             later runs report only findings not in it
  --baseline <file>          Use this baseline file (default: .sitrep-baseline.json beside
                             .sitrep.yaml, else in the current folder, when it exists)
  --no-baseline              Report every finding, ignoring the baseline`;

interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

interface BaselineRunOptions {
  /** --update-baseline */
  update: boolean;
  /** --baseline <file> (relative to the working folder), false for --no-baseline, else the default. */
  file: string | false | undefined;
  /** Every document was checked (no paths given): entries of files not seen no longer occur. */
  complete: boolean;
  /** The folder holding .sitrep.yaml, else the working folder: the default baseline's folder. */
  base: string;
  /** The configuration had errors (the run used the defaults). */
  configBroken: boolean;
}

interface BaselineOutcome {
  /** Set when the run ends here (after --update-baseline, or when it cannot go on). */
  exit?: number;
  /** 2 when the baseline file is broken (every finding is then reported). */
  status?: number;
}

const toPosix = (p: string) => p.split(path.sep).join('/');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const STALE_LISTED = 10;

/** Results with findings and text, keyed by path relative to the baseline's folder. */
function keyed(results: ReadonlyArray<{ file: string; findings: Finding[]; text?: string }>, cwd: string, folder: string): FileFindings[] {
  return results.map((r) => ({ file: toPosix(path.relative(folder, path.resolve(cwd, r.file))), text: r.text ?? '', findings: r.findings }));
}

function readBaseline(abs: string, shown: string, io: Io): { baseline?: Baseline; broken: boolean } {
  let text: string;
  try {
    text = readSmallText(abs, MAX_BASELINE_BYTES);
  } catch (e) {
    io.stderr(`sitrep: cannot read the baseline ${shown}: ${(e as Error).message}.\n`);
    return { broken: true };
  }
  const parsed = parseBaseline(text);
  for (const p of parsed.problems) io.stderr(`${shown}:${p.line}:1  error  baseline  ${p.message}\n`);
  return { baseline: parsed.baseline, broken: !parsed.baseline };
}


/**
 * Applies the baseline to a run: with `update`, writes it and ends the run; otherwise replaces each
 * result's findings with the ones not in the baseline and says on stderr how many were suppressed
 * and which entries no longer occur.
 */
export function applyBaseline(results: Array<{ file: string; findings: Finding[]; text?: string }>, opts: BaselineRunOptions, io: Io): BaselineOutcome {
  if (opts.file === false) {
    if (opts.update) {
      io.stderr('sitrep: --update-baseline and --no-baseline contradict each other; give one.\n');
      return { exit: 2 };
    }
    return {};
  }
  const abs = opts.file ? path.resolve(io.cwd, opts.file) : path.join(opts.base, BASELINE_FILE);
  const shown = toPosix(path.relative(io.cwd, abs)) || abs;
  const exists = fs.existsSync(abs);

  if (opts.update) {
    if (opts.configBroken) {
      io.stderr(`sitrep: not writing ${shown} while the configuration has errors (the findings above used the default settings). Fix the configuration first.\n`);
      return { exit: 2 };
    }
    const previous = exists && !opts.complete ? readBaseline(abs, shown, io).baseline : undefined;
    const files = keyed(results, io.cwd, path.dirname(abs));
    const next = buildBaseline(files, previous, opts.complete);
    try {
      writeAtomically(abs, serializeBaseline(next));
    } catch (e) {
      io.stderr(`sitrep: cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.\n`);
      return { exit: 2 };
    }
    const total = next.findings.reduce((n, e) => n + (e.count ?? 1), 0);
    const inFiles = new Set(next.findings.map((e) => e.file)).size;
    io.stderr(
      `sitrep: wrote ${shown}: ${plural(total, 'finding')} in ${plural(inFiles, 'document')} accepted` +
        `${opts.complete ? '' : ' (entries of documents not checked in this run are kept)'}. ` +
        `Commit it; later runs report only findings that are not in it.\n`,
    );
    return { exit: 0 };
  }

  if (!exists) {
    if (opts.file) {
      io.stderr(`sitrep: the baseline ${shown} does not exist. Write it with sitrep lint --update-baseline --baseline ${opts.file}.\n`);
      return { exit: 2 };
    }
    return {};
  }
  const read = readBaseline(abs, shown, io);
  if (!read.baseline) {
    io.stderr(`sitrep: ${shown} cannot be used, so every finding is reported.\n`);
    return { status: 2 };
  }
  const comparison = compareWithBaseline(read.baseline, keyed(results, io.cwd, path.dirname(abs)), opts.complete);
  results.forEach((r, i) => {
    r.findings = comparison.files[i].fresh;
  });
  if (comparison.suppressed > 0) io.stderr(`sitrep: ${plural(comparison.suppressed, 'finding')} suppressed by ${shown}.\n`);
  const stale = comparison.stale;
  if (stale.length > 0) {
    const n = stale.reduce((k, e) => k + (e.count ?? 1), 0);
    io.stderr(`sitrep: ${n === 1 ? '1 baseline entry' : `${n} baseline entries`} in ${shown} no longer ${n === 1 ? 'occurs' : 'occur'} (fixed, or the text changed); run sitrep lint --update-baseline to drop ${n === 1 ? 'it' : 'them'}:\n`);
    for (const e of stale.slice(0, STALE_LISTED)) {
      io.stderr(`  ${e.file}  ${e.rule}${e.text ? `  "${e.text}"` : ''}${(e.count ?? 1) > 1 ? `  (×${e.count})` : ''}\n`);
    }
    if (stale.length > STALE_LISTED) io.stderr(`  … and ${stale.length - STALE_LISTED} more\n`);
  }
  return {};
}
