/**
 * The "Disable <rule> for this line" edit, as data. A control comment goes where markdown keeps
 * the document's structure intact: above a heading, paragraph or list item; inside a table row
 * (a comment line would end the table); after the front matter for a finding in it (YAML holds
 * no HTML comments). An existing control comment there gets the rule appended.
 */
import type { ParsedDocument } from '../parser/types';
import type { Fix } from './types';

const NEXT_LINE = /^\s*<!--\s*sitrep-disable-next-line\b[^<>]*-->\s*$/;
const SAME_LINE = /<!--\s*sitrep-disable-line\b[^<>]*-->/;

export function disableFix(doc: Pick<ParsedDocument, 'lines' | 'eol' | 'bodyStartLine'>, line: number, rule: string): Fix {
  const lines = doc.lines;
  const eol = doc.eol;
  if (line < doc.bodyStartLine) {
    const at = doc.bodyStartLine;
    return {
      title: `Disable ${rule} for this file (front matter cannot hold comments)`,
      edits: [{ range: { line: at, column: 0, endLine: at, endColumn: 0 }, text: `<!-- sitrep-disable-file ${rule} -->${eol}` }],
    };
  }
  const text = lines[line] ?? '';
  const title = `Disable ${rule} for this line`;
  if (/^\s*\|/.test(text)) {
    const same = SAME_LINE.exec(text);
    if (same) {
      const close = same.index + same[0].lastIndexOf('-->');
      const col = text.slice(0, close).trimEnd().length;
      return { title, edits: [{ range: { line, column: col, endLine: line, endColumn: col }, text: ` ${rule}` }] };
    }
    const trimmed = text.trimEnd();
    const col = trimmed.endsWith('|') && trimmed.length > 1 ? trimmed.length - 1 : trimmed.length;
    const before = text[col - 1] === ' ' ? '' : ' ';
    const after = col < trimmed.length ? ' ' : '';
    return { title, edits: [{ range: { line, column: col, endLine: line, endColumn: col }, text: `${before}<!-- sitrep-disable-line ${rule} -->${after}` }] };
  }
  const prev = line > 0 ? NEXT_LINE.exec(lines[line - 1]) : null;
  if (prev) {
    const p = lines[line - 1];
    const end = p.lastIndexOf('-->');
    const col = p.slice(0, end).trimEnd().length;
    return { title, edits: [{ range: { line: line - 1, column: col, endLine: line - 1, endColumn: col }, text: ` ${rule}` }] };
  }
  const indent = /^\s*/.exec(text)![0];
  return {
    title,
    edits: [{ range: { line, column: 0, endLine: line, endColumn: 0 }, text: `${indent}<!-- sitrep-disable-next-line ${rule} -->${eol}` }],
  };
}
