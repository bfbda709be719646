/**
 * Bounded reads: a file is stat'ed before it is read, only regular files are read (a FIFO named
 * `*.md` would block forever, `/dev/zero` never ends), and at most the cap plus one byte is read,
 * so a 600 MB file costs 5 MB. Every outcome is a value, never an exception.
 */
import * as fs from 'node:fs';
import { decodeText, type TextEncodingName } from '../core/encoding';
import { DEFAULT_MAX_LENGTH } from '../core/parser';

/** Bytes read from one document at most (the parser's cap on characters is the same number). */
const MAX_FILE_BYTES = DEFAULT_MAX_LENGTH;

export type ReadOutcome =
  | { kind: 'text'; bytes: Buffer; text: string; encoding: TextEncodingName; bom: boolean; mode: number }
  /** Not read: the rule to report and one sentence saying why and what to do. */
  | { kind: 'problem'; rule: 'read-error' | 'encoding' | 'parse-error'; message: string };

const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;

/** What an error code means for a person. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist (or is a link to nothing)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'it is a loop of symbolic links';
    case 'EISDIR':
      return 'it is a folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/** Reads a document's bytes, at most MAX_FILE_BYTES + 1, and decodes them. */
export function readDocument(file: string, maxBytes = MAX_FILE_BYTES): ReadOutcome {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading returns at once instead of waiting for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { kind: 'problem', rule: 'read-error', message: `Cannot read this file: ${describeError(e)}.` };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      const what = st.isFIFO() ? 'a named pipe' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
      return { kind: 'problem', rule: 'read-error', message: `Not read: this is ${what}, not a regular file. Sitrep reads regular files only.` };
    }
    if (st.size > maxBytes) {
      return { kind: 'problem', rule: 'parse-error', message: `This file is ${mb(st.size)}; Sitrep checks documents up to ${mb(maxBytes)} and did not read it. Split it, or exclude it with "ignore" in .sitrep.yaml.` };
    }
    // The size may change between fstat and read: read at most one byte past the cap.
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      let got: number;
      try {
        got = fs.readSync(fd, buf, n, buf.length - n, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw e;
      }
      if (got === 0) break;
      n += got;
      if (n === buf.length) {
        if (n > maxBytes) {
          return { kind: 'problem', rule: 'parse-error', message: `This file grew past ${mb(maxBytes)} while it was read; Sitrep checks documents up to ${mb(maxBytes)}.` };
        }
        break;
      }
    }
    const bytes = buf.subarray(0, n);
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { kind: 'problem', rule: 'encoding', message: decoded.message };
    return { kind: 'text', bytes, text: decoded.text, encoding: decoded.encoding, bom: decoded.bom, mode: st.mode };
  } catch (e) {
    return { kind: 'problem', rule: 'read-error', message: `Cannot read this file: ${describeError(e)}.` };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a small text file (the configuration) with the same bounds; throws a message on failure. */
export function readSmallText(file: string, maxBytes: number): string {
  const r = readDocument(file, maxBytes);
  if (r.kind === 'problem') throw new Error(r.message.replace(/^Cannot read this file: /, '').replace(/\.$/, ''));
  return r.text;
}
