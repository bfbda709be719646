/**
 * `sitrep explain FILE [--format text|json]`: prints a document as Sitrep reads it (kind and why,
 * sections, timeline entries with resolved UTC instants, action items with their fields, factors
 * with layers, status updates with next times), so a user can see why a finding was made.
 */
import * as path from 'node:path';
import { explainDocument, explainFindings, formatExplanation } from '../core/explain';
import { lintParsed } from '../core/lint';
import { contentKind, parseDocument } from '../core/parser';
import type { CliIo } from './lint';
import { readDocument } from './read';

const EXPLAIN_USAGE = `Usage: sitrep explain FILE [--format text|json]

Prints the document as Sitrep reads it: its kind and why, the sections and their roles, timeline
entries with the UTC instant each resolves to (and where its date and zone came from), action
items with owner, due date, category and verification (and which column or label each came from),
contributing factors with their layers, and status updates with their next-update times; then,
for each language finding (human error, blame, vague action, root cause, factors), the clause
judged and why it counts.
`;

export function explain(argv: readonly string[], io: CliIo): number {
  let format: 'text' | 'json' = 'text';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      io.stdout(EXPLAIN_USAGE);
      return 0;
    }
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'text' && v !== 'json') {
        io.stderr(`sitrep explain: --format takes text or json, not "${v ?? ''}".\n\n${EXPLAIN_USAGE}`);
        return 2;
      }
      format = v;
    } else if (a.startsWith('-')) {
      io.stderr(`sitrep explain: unknown option "${a}".\n\n${EXPLAIN_USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.stderr(`sitrep explain: name one file.\n\n${EXPLAIN_USAGE}`);
    return 2;
  }
  const abs = path.resolve(io.cwd, files[0]);
  // Bounded like the linter's reads: regular files only, at most the size cap, decoded without loss.
  const read = readDocument(abs);
  if (read.kind === 'problem') {
    io.stderr(`sitrep explain: "${files[0]}": ${read.message}\n`);
    return 2;
  }
  const text = read.text;
  const rel = path.relative(io.cwd, abs).split(path.sep).join('/');
  let doc = parseDocument(text, { relativePath: rel });
  let note = '';
  if (doc.kind === 'unknown') {
    const guess = contentKind(doc.sections);
    doc = parseDocument(text, { relativePath: rel, assumeKind: guess === 'unknown' ? 'postmortem' : guess });
    note = `Not recognised as an incident or postmortem by its type, sections or path: a folder lint skips it; named on the command line it is linted as a ${doc.kind}, as below.\n`;
  }
  const e = explainDocument(doc);
  const judged = explainFindings(doc, lintParsed(doc));
  if (format === 'json') io.stdout(JSON.stringify({ file: rel, recognised: note === '', ...e, judgements: judged }, null, 2) + '\n');
  else {
    let text = (note ? note + '\n' : '') + formatExplanation(e, rel);
    if (judged.length) {
      text += '\nLanguage findings, and why:\n';
      for (const j of judged) text += `  ${j.line}: ${j.rule} "${j.words.trim()}"\n      judged: "${j.clause.length > 160 ? j.clause.slice(0, 159) + '…' : j.clause}"\n      why: ${j.reason}\n`;
    }
    io.stdout(text);
  }
  return 0;
}
