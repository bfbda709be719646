/**
 * Writes into incident and postmortem documents without losing anything. Writes to one document
 * run one after another: each edit is computed from the text as it is when its turn comes, so 100
 * entries logged in a tight loop become 100 lines in order.
 *
 * - An open document is edited through a WorkspaceEdit (the user's unsaved edits stay); a document
 *   that had none is saved afterwards, and a save that fails (the file changed on disk, say) is
 *   reported with a Retry, never as success.
 * - A closed file is read, edited and written to a temporary file beside it, then compared with
 *   what was read: when something else changed it meanwhile (a script appending), the edit is
 *   computed again from the new content; otherwise the temporary file is renamed over it. The
 *   file keeps its permissions (0600 for restricted incidents).
 * - Bytes that are not UTF-8 (or UTF-16 with a byte-order mark) are never written: the write is
 *   refused with the reason, instead of turning them into U+FFFD.
 */
import * as vscode from 'vscode';
import { decodeText, encodeText, sameBytes } from '../../core/encoding';
import { type EditResult } from '../../core/incident';
import { applyEdits, type TextEdit } from '../../core/text';
import { toRange } from '../convert';
import { exists } from '../files';
import { isNodeHost, nodeFs, nodePath } from '../host';

type EditBuilder = (text: string) => TextEdit[] | EditResult;

export class WriteError extends Error {
  /** True when the failure was already shown to the user (with its own buttons). */
  constructor(
    message: string,
    readonly shown = false,
  ) {
    super(message);
  }
}

/** Tries of a closed-file write when the file keeps changing underneath, waiting longer each time. */
const ATTEMPTS = 20;
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(250, 5 * 2 ** attempt)));

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

function shownName(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** A file's text (an open document's buffer first). Throws WriteError for bytes that are not text. */
export async function readText(uri: vscode.Uri): Promise<string> {
  const doc = openDocument(uri);
  if (doc) return doc.getText();
  const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
  if (!decoded.ok) throw new WriteError(`${shownName(uri)}: ${decoded.message}`);
  return decoded.text;
}


let tempCounter = 0;
function tempName(base: string): string {
  return `.${base}.sitrep-${Date.now().toString(36)}-${++tempCounter}.tmp`;
}

/**
 * Replaces a file's bytes with `bytes` when it still holds `expected`: written to a temporary file
 * in the same folder first, then renamed over it. Returns false (nothing written) when it changed.
 */
async function replaceIfUnchanged(uri: vscode.Uri, expected: Uint8Array, bytes: Uint8Array): Promise<boolean> {
  const fs = nodeFs();
  const path = nodePath();
  if (fs && path && uri.scheme === 'file') {
    const target = await fs.promises.realpath(uri.fsPath);
    const st = await fs.promises.stat(target);
    const temp = path.join(path.dirname(target), tempName(path.basename(target)));
    await fs.promises.writeFile(temp, bytes, { flag: 'wx', mode: st.mode & 0o7777 });
    try {
      await fs.promises.chmod(temp, st.mode & 0o7777);
      // Compare and rename in one synchronous step: nothing in this process can append between them.
      if (!sameBytes(fs.readFileSync(target), expected)) return false;
      fs.renameSync(temp, target);
      return true;
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
  }
  const temp = vscode.Uri.joinPath(uri, '..', tempName(uri.path.split('/').pop() ?? 'file'));
  await vscode.workspace.fs.writeFile(temp, bytes);
  try {
    const now = await vscode.workspace.fs.readFile(uri);
    if (!sameBytes(now, expected)) return false;
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    return true;
  } finally {
    try {
      if (await exists(temp)) await vscode.workspace.fs.delete(temp);
    } catch {
      // already renamed or gone
    }
  }
}

interface CreateOptions {
  /**
   * A restricted incident: its folders (from `privateRoot` down) are made 0700 and the file 0600,
   * where the file system has permissions.
   */
  private?: boolean;
  privateRoot?: vscode.Uri;
}

export class DocumentWriter implements vscode.Disposable {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly written = new vscode.EventEmitter<{ uri: vscode.Uri; text: string }>();
  /** Fires after each write with the document's new text (the index updates from it at once). */
  readonly onDidWrite = this.written.event;

  /** Runs `task` after every earlier task on the same document has settled. */
  run<T>(uri: vscode.Uri, task: () => Promise<T>): Promise<T> {
    const key = uri.toString();
    const prev = this.queues.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const tail = next.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return next;
  }

  /** Applies the edits `build` computes from the document's current text. Returns the new text. */
  edit(uri: vscode.Uri, build: EditBuilder): Promise<string> {
    return this.run(uri, () => this.editNow(uri, build));
  }

  /** Creates a new file; refuses to overwrite one. */
  create(uri: vscode.Uri, text: string, options: CreateOptions = {}): Promise<void> {
    return this.run(uri, async () => {
      const fs = nodeFs();
      const path = nodePath();
      if (fs && path && uri.scheme === 'file') {
        const file = uri.fsPath;
        const dir = path.dirname(file);
        await fs.promises.mkdir(dir, { recursive: true, mode: options.private ? 0o700 : 0o777 });
        if (options.private) await makePrivate(dir, options.privateRoot?.fsPath);
        try {
          await fs.promises.writeFile(file, text, { flag: 'wx', mode: options.private ? 0o600 : 0o666 });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteError(`${file} already exists.`);
          throw e;
        }
        if (options.private) await fs.promises.chmod(file, 0o600);
      } else {
        if (await exists(uri)) throw new WriteError(`${uri.fsPath || uri.toString()} already exists.`);
        await vscode.workspace.fs.writeFile(uri, encodeText(text));
      }
      this.written.fire({ uri, text });
    });
  }

  private async editNow(uri: vscode.Uri, build: EditBuilder): Promise<string> {
    const doc = openDocument(uri);
    if (doc) {
      const wasDirty = doc.isDirty;
      // The editor refuses an edit made for an older version (the file was reloaded from disk
      // meanwhile): the edit is computed again from the current text.
      let applied = false;
      for (let attempt = 0; attempt < 3 && !applied; attempt++) {
        if (attempt > 0) await backoff(attempt);
        const edits = unwrap(build(doc.getText()));
        if (edits.length === 0) return doc.getText();
        const we = new vscode.WorkspaceEdit();
        for (const e of edits) we.replace(uri, toRange(e.range), e.text);
        applied = await vscode.workspace.applyEdit(we);
      }
      if (!applied) throw new WriteError(`The editor did not accept the change to ${shownName(uri)}.`);
      const text = doc.getText();
      this.written.fire({ uri, text });
      if (!wasDirty && !(await doc.save())) {
        const message = `${shownName(uri)} was not saved (it may have changed on disk): the change is in the editor, unsaved.`;
        offerSaveRetry(doc, message);
        throw new WriteError(message, true);
      }
      return text;
    }
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const bytes = await vscode.workspace.fs.readFile(uri);
      const decoded = decodeText(bytes);
      if (!decoded.ok) throw new WriteError(`Sitrep did not write to ${shownName(uri)}. ${decoded.message}`);
      const edits = unwrap(build(decoded.text));
      if (edits.length === 0) return decoded.text;
      const next = applyEdits(decoded.text, edits);
      if (await replaceIfUnchanged(uri, bytes, encodeText(next, decoded.encoding, decoded.bom))) {
        this.written.fire({ uri, text: next });
        return next;
      }
    }
    throw new WriteError(`${shownName(uri)} kept changing while Sitrep wrote to it (${ATTEMPTS} tries); nothing was written. Try again.`);
  }

  dispose(): void {
    this.written.dispose();
  }
}

/** Shows a failed save with Retry (save again) and Show (open the document). */
function offerSaveRetry(doc: vscode.TextDocument, message: string): void {
  void vscode.window.showErrorMessage(`Sitrep: ${message}`, 'Retry Save', 'Show').then(async (pick) => {
    if (pick === 'Show') await vscode.window.showTextDocument(doc);
    if (pick !== 'Retry Save') return;
    if (doc.isClosed) return;
    if (!(await doc.save())) offerSaveRetry(doc, `${shownName(doc.uri)} still could not be saved.`);
  });
}

/** chmod 0700 on `dir` and its parents up to and including `root` (when `dir` is inside it). */
async function makePrivate(dir: string, root: string | undefined): Promise<void> {
  const fs = nodeFs();
  const path = nodePath();
  if (!fs || !path || !isNodeHost) return;
  const stop = root ? path.resolve(root) : path.resolve(dir);
  let d = path.resolve(dir);
  for (let i = 0; i < 16; i++) {
    await fs.promises.chmod(d, 0o700);
    if (d === stop || !d.startsWith(stop + path.sep)) return;
    d = path.dirname(d);
  }
}

function unwrap(r: TextEdit[] | EditResult): TextEdit[] {
  if (Array.isArray(r)) return r;
  if (!r.ok) throw new WriteError(r.message);
  return r.edits;
}
