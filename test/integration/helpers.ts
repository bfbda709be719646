// Helpers for integration tests: wait on editor events (never on sleeps), with bounds.
import * as vscode from 'vscode';
import { ConfigStore } from '../../src/extension/config';
import { IndexService } from '../../src/extension/incidents/indexing';
import { SitrepWorker } from '../../src/extension/worker/client';

export const EXTENSION_ID = 'sitrep.sitrep';

/** Activates Sitrep (if it is not yet) and returns its exports. */
export async function activateSitrep(): Promise<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** URI of a path relative to the first workspace folder. */
export function workspaceUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

/** Resolves once `check()` returns a value (not undefined/false), re-checking on each event. */
export function waitForEvent<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined | false,
  { timeout = 15000, what = 'condition' }: { timeout?: number; what?: string } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first !== undefined && first !== false) return resolve(first);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeout} ms waiting for ${what}`));
    }, timeout);
    const sub = event(() => {
      const v = check();
      if (v !== undefined && v !== false) {
        clearTimeout(timer);
        sub.dispose();
        resolve(v);
      }
    });
  });
}

/** Diagnostics with source 'sitrep' for `uri`, once `accept` is satisfied (waits on onDidChangeDiagnostics). */
export function sitrepDiagnostics(
  uri: vscode.Uri,
  accept: (diags: vscode.Diagnostic[]) => boolean = () => true,
  timeout = 15000,
): Promise<vscode.Diagnostic[]> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'sitrep');
      return accept(d) ? d : undefined;
    },
    { timeout, what: `sitrep diagnostics on ${uri.toString()}` },
  );
}

/**
 * An incident index of its own over the workspace, built as the extension builds one (its own
 * configuration store and worker), for tests that watch the index work. Dispose it after.
 */
export function ownIndex<W extends SitrepWorker>(makeWorker: (extensionUri: vscode.Uri) => W): { worker: W; service: IndexService; dispose(): void } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const configs = new ConfigStore();
  const worker = makeWorker(ext.extensionUri);
  const service = new IndexService(() => undefined, configs, worker);
  return {
    worker,
    service,
    dispose: () => {
      service.dispose();
      worker.dispose();
      configs.dispose();
    },
  };
}
