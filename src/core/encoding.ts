/**
 * Bytes to text and back, without losing any: UTF-8 (with or without a byte-order mark) and
 * UTF-16 with a byte-order mark are read and written back as they came; anything else (Latin-1,
 * say) is reported as undecodable and must never be written, since replacing its bytes with
 * U+FFFD would destroy them (issue 13). Runs in Node and in the browser (TextDecoder only).
 */
import { stripBom } from './text';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

interface Decoded {
  ok: true;
  /** The text without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

interface Undecodable {
  ok: false;
  /** Offset of the first byte that is not valid in the encoding. */
  offset: number;
  /** One sentence for a person: what is wrong and what to do. */
  message: string;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first invalid UTF-8 sequence (the bytes are known to hold one). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    if (c < 0x80) n = 1;
    else if (c >= 0xc2 && c <= 0xdf) n = 2;
    else if (c >= 0xe0 && c <= 0xef) n = 3;
    else if (c >= 0xf0 && c <= 0xf4) n = 4;
    else return i;
    if (i + n > b.length) return i;
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    if (n === 3 && ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] > 0x9f))) return i;
    if (n === 4 && ((c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] > 0x8f))) return i;
    i += n;
  }
  return Math.max(0, b.length - 1);
}

/** Decodes a file's bytes: UTF-8, UTF-8 with a byte-order mark, or UTF-16 with one. */
export function decodeText(bytes: Uint8Array): Decoded | Undecodable {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM keeps the mark in the decoded string; the core's stripBom is the one place it is removed.
    return { ok: true, text: stripBom(fatalUtf8.decode(bytes)), encoding: 'utf-8', bom };
  } catch {
    const offset = firstInvalidUtf8(bom ? bytes.subarray(3) : bytes) + (bom ? 3 : 0);
    return {
      ok: false,
      offset,
      message: `This file is not UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0') ?? '??'} at offset ${offset} is not valid there): Sitrep reads UTF-8, and UTF-16 with a byte-order mark, and never rewrites a file it cannot decode. Convert it to UTF-8 (for example iconv -f latin1 -t utf-8).`,
    };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded | Undecodable {
  if (bytes.length % 2 !== 0) {
    return { ok: false, offset: bytes.length - 1, message: `This file starts with a UTF-16 byte-order mark but has an odd number of bytes, so it cannot be read as UTF-16. Save it as UTF-8.` };
  }
  try {
    const text = stripBom(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes));
    return { ok: true, text, encoding, bom: true };
  } catch {
    return { ok: false, offset: 2, message: `This file starts with a UTF-16 byte-order mark but holds bytes that are not UTF-16. Save it as UTF-8.` };
  }
}

const utf8 = new TextEncoder();

/** Encodes text the way the file was: the same encoding, with its byte-order mark when it had one. */
export function encodeText(text: string, encoding: TextEncodingName = 'utf-8', bom = false): Uint8Array {
  if (encoding === 'utf-8') {
    const body = utf8.encode(text);
    if (!bom) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const le = encoding === 'utf-16le';
  out[0] = le ? 0xff : 0xfe;
  out[1] = le ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = le ? c & 0xff : c >> 8;
    out[3 + i * 2] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

/** True when two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
