/** `sitrep lint` arguments and usage text. */
import { parseTimestamp } from '../core/time';
import { BASELINE_OPTIONS_HELP } from './baseline';

export const USAGE = `Usage: sitrep lint [paths or globs…] [options]
       sitrep init [options]
       sitrep explain FILE [--format text|json]
       sitrep report [paths or globs…] [options]

Commands:
  lint      Lint incident and postmortem markdown documents (the options below)
  init      Write .sitrep.yaml with the folders that hold the documents, and a CI workflow
            ("sitrep init --help")
  explain   Print one document as Sitrep reads it, and why each language finding counts
            ("sitrep explain --help")
  report    Write the learning report across the documents ("sitrep report --help")

sitrep lint lints incident and postmortem markdown documents.

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

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 a check could
not run (usage, configuration, a baseline that cannot be used, no documents found, a file that
cannot be read or is over the size cap, fixes that cannot be written).
`;

export interface Args {
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

export class UsageError extends Error {}

/** Reads an option's value: "--x=v", or the next argument "--x v". `at` is the option's index. */
export function optionValue(argv: readonly string[], at: number, name: string): { value: string; next: number } {
  const a = argv[at];
  const eq = a.indexOf('=');
  if (eq >= 0) return { value: a.slice(eq + 1), next: at };
  const v = argv[at + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value.`);
  return { value: v, next: at + 1 };
}

/** `--now`: an ISO timestamp with date, time and zone, as epoch ms. */
export function nowOption(v: string): number {
  const t = parseTimestamp(v);
  if (t === undefined) throw new UsageError(`--now "${v}" is not an ISO timestamp with date, time and zone (e.g. 2026-11-27T09:52:00Z).`);
  return t;
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { paths: [], format: 'text', fix: false, help: false, allowEmpty: false, updateBaseline: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const r = optionValue(argv, i, name);
      i = r.next;
      return r.value;
    };
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--fix') args.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`Unknown format "${f}": use text, json or sarif.`);
      args.format = f;
    } else if (a === '--config' || a.startsWith('--config=')) args.config = value('--config');
    else if (a === '--now' || a.startsWith('--now=')) {
      args.now = nowOption(value('--now'));
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
