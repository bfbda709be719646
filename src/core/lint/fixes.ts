/** Applying fixes (plain text edits) to a text: the same code serves the editor's tests and the CLI. */
import { applyEdits, editOffsets, editsOverlap, LineIndex } from '../text';
import type { Finding, Fix } from './types';

/** Picks fixes whose edits do not overlap each other (first come, first kept). */
export function compatibleFixes(text: string, fixes: readonly Fix[]): Fix[] {
  const index = new LineIndex(text);
  const taken: ReturnType<typeof editOffsets> = [];
  const out: Fix[] = [];
  for (const fix of fixes) {
    const offs = editOffsets(text, fix.edits, index);
    if (offs.some((o) => taken.some((t) => editsOverlap(o, t)))) continue;
    // Edits within one fix must not overlap each other either.
    let self = false;
    for (let i = 0; i < offs.length && !self; i++) for (let j = i + 1; j < offs.length; j++) if (editsOverlap(offs[i], offs[j])) self = true;
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
