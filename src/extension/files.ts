/**
 * Bounded reads: stat first, regular files only (a FIFO or a link to /dev/zero named *.md is never
 * read), nothing over the cap, and bytes decoded without loss or reported as undecodable.
 *
 * A `file:` URI on a Node host (desktop, code-server) is read with Node's fs: vscode.workspace.fs
 * answers through the workbench, which is slow while the editor starts (a second or more for a
 * stat then). Elsewhere (VS Code for the Web, virtual folders) reads go through vscode.workspace.fs.
 */
import * as vscode from 'vscode';
import { decodeText } from '../core/encoding';
import { DEFAULT_MAX_LENGTH } from '../core/parser';
import { nodeFs } from './host';

export type ReadResult =
  | { ok: true; text: string }
  /** `lossy`: for an undecodable file, its text with U+FFFD for the bad bytes: fit to show, never to write back. */
  | { ok: false; rule: 'read-error' | 'encoding' | 'parse-error'; message: string; lossy?: string };

export async function readTextFile(uri: vscode.Uri, maxBytes = DEFAULT_MAX_LENGTH): Promise<ReadResult> {
  const fs = uri.scheme === 'file' ? nodeFs() : undefined;
  let stat: { isFile: boolean; size: number };
  try {
    stat = fs ? nodeStat(await fs.promises.stat(uri.fsPath)) : hostStat(await vscode.workspace.fs.stat(uri));
  } catch (e) {
    return { ok: false, rule: 'read-error', message: `Cannot read this file (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (!stat.isFile) return { ok: false, rule: 'read-error', message: 'Not read: this is not a regular file.' };
  if (stat.size > maxBytes) {
    return { ok: false, rule: 'parse-error', message: `This file is ${(stat.size / 1_000_000).toFixed(1)} MB; Sitrep checks documents up to ${(maxBytes / 1_000_000).toFixed(1)} MB and did not read it.` };
  }
  let bytes: Uint8Array;
  try {
    bytes = fs ? await fs.promises.readFile(uri.fsPath) : await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    return { ok: false, rule: 'read-error', message: `Cannot read this file (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (bytes.length > maxBytes) return { ok: false, rule: 'parse-error', message: `This file grew past ${(maxBytes / 1_000_000).toFixed(1)} MB while it was read.` };
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, rule: 'encoding', message: decoded.message, lossy: new TextDecoder().decode(bytes) };
}

/**
 * A small regular file read at once, on a Node host only: its text, 'absent' when there is no
 * such file, or 'later' when it has to be read the usual way (another host, not a regular file,
 * over the cap, not UTF-8).
 */
export function readSmallFileNow(uri: vscode.Uri, maxBytes: number): { text: string } | 'absent' | 'later' {
  const fs = uri.scheme === 'file' ? nodeFs() : undefined;
  if (!fs) return 'later';
  try {
    const stat = fs.statSync(uri.fsPath, { throwIfNoEntry: false });
    if (!stat) return 'absent';
    if (!stat.isFile() || stat.size > maxBytes) return 'later';
    const bytes = fs.readFileSync(uri.fsPath);
    if (bytes.length > maxBytes) return 'later';
    const decoded = decodeText(bytes);
    return decoded.ok ? { text: decoded.text } : 'later';
  } catch {
    return 'later';
  }
}

/** Whether something exists at the URI (a file, a folder or anything else). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  const fs = uri.scheme === 'file' ? nodeFs() : undefined;
  try {
    if (fs) await fs.promises.stat(uri.fsPath);
    else await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function nodeStat(s: { isFile(): boolean; size: number }): { isFile: boolean; size: number } {
  return { isFile: s.isFile(), size: s.size };
}

function hostStat(s: vscode.FileStat): { isFile: boolean; size: number } {
  return { isFile: (s.type & vscode.FileType.File) !== 0, size: s.size };
}
