/**
 * `--fix` writes without losing anything: the file is read again just before the write and
 * compared with the bytes the fixes were computed from; when it changed (a line appended while
 * Sitrep ran), the fixes are computed again from the new content, up to a few times. The new
 * content goes to a temporary file in the same folder, which is then renamed over the original,
 * so a reader never sees half a file and a failed write leaves the original as it was. A file
 * without write permission is left alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeText, sameBytes } from '../core/encoding';
import { describeError, readDocument, type ReadOutcome } from './read';

type TextFile = Extract<ReadOutcome, { kind: 'text' }>;

type WriteOutcome =
  | { kind: 'written'; file: TextFile; text: string }
  | { kind: 'unchanged'; file: TextFile }
  | { kind: 'failed'; file: TextFile; message: string };

const ATTEMPTS = 4;

let counter = 0;

/**
 * Writes `compute(text)` over `abs` when it differs, as long as the file still holds the bytes it
 * was computed from. `compute` returns undefined when there is nothing to write.
 */
export function writeFixed(abs: string, read: TextFile, compute: (text: string) => string | undefined): WriteOutcome {
  let current = read;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const next = compute(current.text);
    if (next === undefined || next === current.text) return { kind: 'unchanged', file: current };
    if ((current.mode & 0o222) === 0) return { kind: 'failed', file: current, message: 'the file is read-only' };
    let target: string;
    try {
      target = fs.realpathSync(abs);
    } catch (e) {
      return { kind: 'failed', file: current, message: describeError(e) };
    }
    const bytes = encodeText(next, current.encoding, current.bom);
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.sitrep-${process.pid}-${++counter}.tmp`);
    try {
      fs.writeFileSync(temp, bytes, { flag: 'wx', mode: current.mode & 0o7777 });
    } catch (e) {
      return { kind: 'failed', file: current, message: `cannot create a temporary file beside it (${describeError(e)})` };
    }
    try {
      // Compare just before the rename: a change made while the fixes were computed wins.
      const now = readDocument(target);
      if (now.kind !== 'text') {
        fs.rmSync(temp, { force: true });
        return { kind: 'failed', file: current, message: now.message };
      }
      if (!sameBytes(now.bytes, current.bytes)) {
        fs.rmSync(temp, { force: true });
        current = now;
        continue;
      }
      fs.renameSync(temp, target);
      return { kind: 'written', file: current, text: next };
    } catch (e) {
      fs.rmSync(temp, { force: true });
      return { kind: 'failed', file: current, message: describeError(e) };
    }
  }
  return { kind: 'failed', file: current, message: `it kept changing while Sitrep wrote it (${ATTEMPTS} tries)` };
}

/**
 * Writes a new file (or replaces one the command owns, such as a baseline) through a temporary
 * file and a rename in the same folder, creating the folder: a failed write never leaves half a file.
 */
export function writeAtomically(abs: string, text: string): void {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
