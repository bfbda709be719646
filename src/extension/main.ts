/** Sitrep extension entry point: wires the core to VS Code. Each feature registers itself. */
import * as vscode from 'vscode';
import { registerDiagnostics } from './diagnostics';

export function activate(context: vscode.ExtensionContext): void {
  registerDiagnostics(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
