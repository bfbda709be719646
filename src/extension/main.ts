/** Sitrep extension entry point: wires the core to VS Code. Each feature registers itself. */
import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerIncidentFeatures } from './incidents';

export function activate(context: vscode.ExtensionContext): void {
  const lint = registerDiagnostics(context);
  registerCodeActions(context, lint);
  registerHover(context, lint);
  registerIncidentFeatures(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
