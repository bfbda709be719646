/** Sitrep extension entry point: wires the core to VS Code. Each feature registers itself. */
import * as vscode from 'vscode';
import { registerDiagnostics } from './diagnostics';
import { registerIncidentFeatures } from './incidents';

export function activate(context: vscode.ExtensionContext): void {
  registerDiagnostics(context);
  registerIncidentFeatures(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
