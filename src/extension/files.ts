/** Decoding file bytes: one place that sees a byte-order mark, so a write can put it back. */
import { hasBom, stripBom } from '../core/text';

// ignoreBOM keeps the mark in the decoded string; the core's stripBom is the one place it is removed.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 text of a file without its byte-order mark, and whether it had one. */
export function decodeText(bytes: Uint8Array): { text: string; bom: boolean } {
  const raw = decoder.decode(bytes);
  return { text: stripBom(raw), bom: hasBom(raw) };
}
