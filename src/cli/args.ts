/** `sitrep lint` arguments and usage text. */
import { parseTimestamp } from '../core/time';

export const USAGE = `Usage: sitrep lint [paths or globs…] [options]
       sitrep explain FILE [--format text|json]
       sitrep report [paths or globs…] [options]

Commands:
  lint      Lint incident and postmortem markdown documents (the options below)
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
  -h, --help                 Show this help

Exit status: 0 no errors, 1 errors found, 2 a check could not run (usage, configuration, a file
that cannot be read or is over the size cap, fixes that cannot be written).
`;

export interface Args {
  command?: string;
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  config?: string;
  now?: number;
  help: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { paths: [], format: 'text', fix: false, help: false };
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
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option "${a}". Run "sitrep lint --help" for the options.`);
    else if (!args.command) args.command = a;
    else args.paths.push(a);
  }
  return args;
}
