/**
 * Writes into incident and postmortem documents. An open document is edited through a
 * WorkspaceEdit (the user's unsaved edits stay; a document that had none is saved afterwards),
 * any other through vscode.workspace.fs. Writes to one document run one after another: each edit
 * is computed from the text as it is when its turn comes, so 100 entries logged in a tight loop
 * become 100 lines in order.
 */
import * as vscode from 'vscode';
import { type EditResult } from '../../core/incident';
import { applyEdits, type TextEdit } from '../../core/text';
import { toRange } from '../convert';
import { decodeText } from '../files';

export type EditBuilder = (text: string) => TextEdit[] | EditResult;

export class WriteError extends Error {}

const encoder = new TextEncoder();

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  const doc = openDocument(uri);
  if (doc) return doc.getText();
  return decodeText(await vscode.workspace.fs.readFile(uri)).text;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
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
  create(uri: vscode.Uri, text: string): Promise<void> {
    return this.run(uri, async () => {
      if (await exists(uri)) throw new WriteError(`${uri.fsPath || uri.toString()} already exists.`);
      await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
      this.written.fire({ uri, text });
    });
  }

  private async editNow(uri: vscode.Uri, build: EditBuilder): Promise<string> {
    const doc = openDocument(uri);
    if (doc) {
      const wasDirty = doc.isDirty;
      const edits = unwrap(build(doc.getText()));
      if (edits.length === 0) return doc.getText();
      const we = new vscode.WorkspaceEdit();
      for (const e of edits) we.replace(uri, toRange(e.range), e.text);
      const ok = await vscode.workspace.applyEdit(we);
      if (!ok) throw new WriteError(`The editor did not accept the change to ${vscode.workspace.asRelativePath(uri)}.`);
      if (!wasDirty) await doc.save();
      const text = doc.getText();
      this.written.fire({ uri, text });
      return text;
    }
    const { text, bom } = decodeText(await vscode.workspace.fs.readFile(uri));
    const edits = unwrap(build(text));
    if (edits.length === 0) return text;
    const next = applyEdits(text, edits);
    await vscode.workspace.fs.writeFile(uri, encoder.encode((bom ? '\ufeff' : '') + next));
    this.written.fire({ uri, text: next });
    return next;
  }

  dispose(): void {
    this.written.dispose();
  }
}

function unwrap(r: TextEdit[] | EditResult): TextEdit[] {
  if (Array.isArray(r)) return r;
  if (!r.ok) throw new WriteError(r.message);
  return r.edits;
}
