/**
 * Bounded reads through vscode.workspace.fs (works in VS Code for the Web): stat first, regular
 * files only (a FIFO or a link to /dev/zero named *.md is never read), nothing over the cap, and
 * bytes decoded without loss or reported as undecodable.
 */
import * as vscode from 'vscode';
import { decodeText } from '../core/encoding';
import { DEFAULT_MAX_LENGTH } from '../core/parser';

export type ReadResult =
  | { ok: true; text: string }
  /** `lossy`: for an undecodable file, its text with U+FFFD for the bad bytes: fit to show, never to write back. */
  | { ok: false; rule: 'read-error' | 'encoding' | 'parse-error'; message: string; lossy?: string };

export async function readTextFile(uri: vscode.Uri, maxBytes = DEFAULT_MAX_LENGTH): Promise<ReadResult> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (e) {
    return { ok: false, rule: 'read-error', message: `Cannot read this file (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (!(stat.type & vscode.FileType.File)) return { ok: false, rule: 'read-error', message: 'Not read: this is not a regular file.' };
  if (stat.size > maxBytes) {
    return { ok: false, rule: 'parse-error', message: `This file is ${(stat.size / 1_000_000).toFixed(1)} MB; Sitrep checks documents up to ${(maxBytes / 1_000_000).toFixed(1)} MB and did not read it.` };
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    return { ok: false, rule: 'read-error', message: `Cannot read this file (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (bytes.length > maxBytes) return { ok: false, rule: 'parse-error', message: `This file grew past ${(maxBytes / 1_000_000).toFixed(1)} MB while it was read.` };
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, rule: 'encoding', message: decoded.message, lossy: new TextDecoder().decode(bytes) };
}
