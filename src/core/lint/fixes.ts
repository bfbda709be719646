/** Applying fixes (plain text edits) to a text: the same code serves the editor's tests and the CLI. */
import { LineIndex } from '../text';
import type { Finding, Fix, TextEdit } from './types';

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

function toOffsets(index: LineIndex, edits: readonly TextEdit[]): OffsetEdit[] {
  return edits.map((e) => {
    const start = index.lineStart(e.range.line) + e.range.column;
    const end = index.lineStart(e.range.endLine) + e.range.endColumn;
    return { start: Math.min(start, index.text.length), end: Math.min(Math.max(start, end), index.text.length), text: e.text };
  });
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

/** Applies edits (ranges in the original text). Throws on overlapping edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const offs = toOffsets(index, edits).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < offs.length; i++) {
    if (offs[i].start < offs[i - 1].end) throw new Error('overlapping edits');
  }
  let out = '';
  let pos = 0;
  for (const e of offs) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Picks fixes whose edits do not overlap each other (first come, first kept). */
export function compatibleFixes(text: string, fixes: readonly Fix[]): Fix[] {
  const index = new LineIndex(text);
  const taken: OffsetEdit[] = [];
  const out: Fix[] = [];
  for (const fix of fixes) {
    const offs = toOffsets(index, fix.edits);
    if (offs.some((o) => taken.some((t) => overlaps(o, t)))) continue;
    // Edits within one fix must not overlap each other either.
    let self = false;
    for (let i = 0; i < offs.length && !self; i++) for (let j = i + 1; j < offs.length; j++) if (overlaps(offs[i], offs[j])) self = true;
    if (self) continue;
    taken.push(...offs);
    out.push(fix);
  }
  return out;
}

/** Applies every finding's `fix` that does not overlap another. Returns the text and how many applied. */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const fixes = compatibleFixes(
    text,
    findings.filter((f) => f.fix).map((f) => f.fix!),
  );
  if (fixes.length === 0) return { text, applied: 0 };
  return { text: applyEdits(text, fixes.flatMap((f) => f.edits)), applied: fixes.length };
}
