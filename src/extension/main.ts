/** Sitrep extension entry point: wires the core to VS Code. Each feature registers itself. */
import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerDiagnostics } from './diagnostics';
import { registerIncidentFeatures } from './incidents';

export function activate(context: vscode.ExtensionContext): void {
  registerCodeActions(context, registerDiagnostics(context));
  registerIncidentFeatures(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
