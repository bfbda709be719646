/** Sitrep extension entry point: wires the core to VS Code. Each feature registers itself. */
import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerDiagnostics } from './diagnostics';
import { registerIncidentFeatures } from './incidents';
import { SitrepWorker } from './worker/client';

export function activate(context: vscode.ExtensionContext): void {
  // Linting and indexing run in one worker, off the extension-host thread.
  const worker = new SitrepWorker(context.extensionUri);
  context.subscriptions.push(worker);
  registerCodeActions(context, registerDiagnostics(context, worker));
  registerIncidentFeatures(context, worker);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
