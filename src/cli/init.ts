/**
 * `sitrep init [--ci github] [--force]`: finds the folders that hold incident and postmortem
 * documents (the same discovery as `sitrep lint`), writes `.sitrep.yaml` listing them with counts,
 * optionally a GitHub Actions workflow, and prints the next steps. Never replaces an existing file
 * without --force.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/config';
import { countByFolder, DEFAULT_DOCUMENT_GLOBS, folderGlob, isDocumentFolder, type DiscoveredFile, type FolderCount } from '../core/discovery';
import { parseDocument } from '../core/parser';
import { toPosix, walk } from './files';
import { packageVersion, type CliIo } from './lint';
import { readDocument } from './read';
import { writeAtomically } from './write';

const INIT_USAGE = `Usage: sitrep init [--ci github] [--force]

Finds the folders in this repository that hold incident and postmortem documents, writes
.sitrep.yaml listing them (with how many documents each holds) and prints the next steps.

Options:
  --ci github   Also write .github/workflows/sitrep.yml: lints on every push and pull request
                and uploads the findings to code scanning (SARIF)
  --force       Replace files that already exist (default: leave them as they are)
  -h, --help    Show this help

Exit status: 0 files written, 2 usage error, nothing written because the files exist, or a
file could not be written.
`;

const WORKFLOW_FILE = path.join('.github', 'workflows', 'sitrep.yml');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const describe = (c: FolderCount) => `${plural(c.documents, 'document')}${c.others ? `, ${plural(c.others, 'other markdown file')}` : ''}`;

/** Every markdown file under `root` and whether the default discovery reads it as a document. */
function discover(root: string): DiscoveredFile[] {
  const files = walk(root).files;
  return files.sort().map((abs) => {
    const rel = toPosix(path.relative(root, abs));
    // Bounded like the linter's reads (regular files, at most the size cap); unreadable, too
    // large or not UTF-8: not counted as a document.
    const read = readDocument(abs);
    const text = read.kind === 'text' ? read.text : '';
    const doc = parseDocument(text, { relativePath: rel, globs: DEFAULT_DOCUMENT_GLOBS });
    return { path: rel, document: doc.kind !== 'unknown' };
  });
}

/** The `.sitrep.yaml` text for what was found: document folders with counts as comments. */
function configText(folders: readonly FolderCount[]): string {
  const listed = folders.filter(isDocumentFolder);
  const mixed = folders.filter((c) => !isDocumentFolder(c));
  const out = ['# Sitrep configuration, written by `sitrep init`. Schema: schemas/config.schema.json.'];
  if (listed.length) {
    out.push(
      '# The folders holding incident and postmortem documents, with what was found in each.',
      '# Under them, a file is linted when it reads as a document (front matter, sections or name);',
      '# a README or index beside the documents is left alone. Remove this list to use the defaults',
      '# (folders named postmortems, post-mortems, incidents, retrospectives, rca, … at any depth).',
      'documents:',
    );
    const width = Math.max(...listed.map((c) => JSON.stringify(folderGlob(c.folder)).length));
    for (const c of listed) out.push(`  - ${JSON.stringify(folderGlob(c.folder)).padEnd(width)}  # ${describe(c)}`);
  } else {
    out.push(
      '# No folder of incident or postmortem documents was found. List the globs of yours (relative to',
      '# this file); until then Sitrep looks in folders named postmortems, post-mortems, incidents,',
      '# incident-reports, retrospectives, rca, … at any depth.',
      '# documents:',
      '#   - "docs/reviews/**"',
    );
  }
  if (mixed.length) {
    out.push('# Also found by their content, in folders that hold other pages too (not listed above, so those', '# pages are not read as documents):');
    for (const c of mixed) out.push(`#   ${c.folder || '.'}: ${describe(c)}`);
  }
  out.push('# Files never treated as documents (templates, archives):', '# ignore:', '#   - "docs/post-mortems/templates/**"', '');
  return out.join('\n');
}

/** The GitHub Actions workflow: lint (fails on new errors) and upload SARIF to code scanning. */
function workflowText(version: string): string {
  const sitrep = `npx --yes sitrep@${version}`;
  return `# Lints incident and postmortem documents with Sitrep (written by \`sitrep init --ci github\`).
# The job fails on errors that are not in .sitrep-baseline.json; every finding it reports also
# shows in the repository's code scanning alerts.
name: Sitrep
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
  security-events: write
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Lint documents
        run: ${sitrep} lint
      - name: Findings as SARIF
        if: always()
        run: ${sitrep} lint --format sarif --allow-empty > sitrep.sarif || true
      - name: Upload to code scanning
        if: always() && hashFiles('sitrep.sarif') != ''
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: sitrep.sarif
          category: sitrep
`;
}


export function init(argv: readonly string[], io: CliIo): number {
  let ci: 'github' | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      io.stdout(INIT_USAGE);
      return 0;
    } else if (a === '--force') force = true;
    else if (a === '--ci' || a.startsWith('--ci=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'github') {
        io.stderr(`sitrep init: --ci takes "github" (the one CI Sitrep writes a workflow for), not "${v ?? ''}".\n\n${INIT_USAGE}`);
        return 2;
      }
      ci = v;
    } else {
      io.stderr(`sitrep init: unknown ${a.startsWith('-') ? 'option' : 'argument'} "${a}". Run it in the repository's root folder.\n\n${INIT_USAGE}`);
      return 2;
    }
  }

  const folders = countByFolder(discover(io.cwd));
  const existingConfig = CONFIG_FILE_NAMES.find((n) => fs.existsSync(path.join(io.cwd, n)));
  const targets: Array<{ file: string; text: string }> = [{ file: existingConfig ?? CONFIG_FILE_NAMES[0], text: configText(folders) }];
  if (ci === 'github') targets.push({ file: toPosix(WORKFLOW_FILE), text: workflowText(packageVersion()) });

  let written = 0;
  let failed = false;
  for (const t of targets) {
    const abs = path.join(io.cwd, t.file);
    if (fs.existsSync(abs) && !force) {
      io.stderr(`sitrep init: ${t.file} exists and was left as it is (--force replaces it).\n`);
      continue;
    }
    try {
      writeAtomically(abs, t.text);
      written++;
      io.stdout(`Wrote ${t.file}\n`);
    } catch (e) {
      failed = true;
      io.stderr(`sitrep init: cannot write ${t.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.\n`);
    }
  }

  const docs = folders.reduce((n, c) => n + c.documents, 0);
  if (folders.length) {
    io.stdout(`\nFound ${plural(docs, 'document')}:\n`);
    const width = Math.max(...folders.map((c) => (c.folder || '.').length));
    for (const c of folders) io.stdout(`  ${(c.folder || '.').padEnd(width)}  ${describe(c)}${isDocumentFolder(c) ? '' : '  (found by content; folder not listed)'}\n`);
  } else {
    io.stdout('\nFound no incident or postmortem documents. List their folders under "documents:" in .sitrep.yaml.\n');
  }
  io.stdout(
    [
      '',
      'Next steps:',
      '  npx sitrep lint                    see the findings (sitrep explain FILE shows what was read)',
      '  npx sitrep lint --update-baseline  accept the findings you have today in .sitrep-baseline.json;',
      '                                     commit it, and CI fails only on new problems',
      ci ? '  git add .sitrep.yaml .sitrep-baseline.json .github/workflows/sitrep.yml' : '  npx sitrep init --ci github        add a GitHub Actions workflow (lint + code scanning)',
      '',
    ].join('\n'),
  );
  if (failed) return 2;
  return written > 0 ? 0 : 2;
}
