/**
 * What `sitrep lint` says when it found no documents: where it searched, with which globs, how
 * many markdown files it looked at, and how to point it at the documents.
 */
import * as path from 'node:path';

interface NothingFound {
  cwd: string;
  /** Folder searched when no paths were given (the folder holding .sitrep.yaml, else cwd). */
  base: string;
  paths: readonly string[];
  /** Folders named on the command line and the markdown files found in them. */
  folders: ReadonlyArray<{ arg: string; files: readonly string[] }>;
  /** Markdown files looked at and not recognised as documents. */
  skipped: number;
  globs: readonly string[];
  configFile?: string;
}

const toPosix = (p: string) => p.split(path.sep).join('/');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function nothingFoundMessage(s: NothingFound): string {
  const shown = (abs: string) => (toPosix(path.relative(s.cwd, abs)) || '.') + '/';
  const where = s.paths.length === 0 ? [shown(s.base)] : s.folders.map((f) => `${toPosix(f.arg).replace(/(?<!\/)\/+$/, '')}/`);
  const config = s.configFile ? toPosix(path.relative(s.cwd, s.configFile)) || s.configFile : undefined;
  const globsFrom = config ? `the "documents" globs in ${config}` : 'the default document globs';
  const lines = [
    'sitrep: no incident or postmortem documents found, so nothing was checked.',
    `  Searched: ${where.join(', ') || '(no folders)'}: ${plural(s.skipped, 'markdown file')}, none recognised as a document.`,
    `  Looked for: files under ${globsFrom} (${s.globs.join(', ')}) that read as documents,`,
    '  and any markdown file with "type: incident" or "type: postmortem" front matter or with',
    '  postmortem sections (contributing factors or root cause, action items, lessons learned).',
    '  To point Sitrep at your documents:',
    '    sitrep init                       finds the folders that hold them and writes .sitrep.yaml',
    `    ${(config ? `edit "documents:" in ${config}` : 'set "documents:" in .sitrep.yaml').padEnd(33)} globs relative to that file, e.g. ["docs/reviews/**"]`,
    "    sitrep lint 'reviews/**/*.md'     names the files (quoted globs and files are always linted)",
    '  Use --allow-empty when an empty run is expected (exit 0).',
  ];
  return lines.join('\n') + '\n';
}
