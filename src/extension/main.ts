/** Sitrep extension entry point: wires the core to VS Code. Each feature registers itself. */
import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { ConfigStore } from './config';
import { registerDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerIncidentFeatures } from './incidents';
import { registerReport, type MarkdownItExtension } from './report';

export function activate(context: vscode.ExtensionContext): MarkdownItExtension {
  // One configuration (.sitrep.yaml over the settings) for the linter and the incident features.
  const configs = new ConfigStore();
  context.subscriptions.push(configs);
  const lint = registerDiagnostics(context, configs);
  registerCodeActions(context, lint);
  registerHover(context, lint);
  const incidents = registerIncidentFeatures(context, configs);
  // The Markdown preview picks up extendMarkdownIt from what activate returns.
  return registerReport(context, incidents);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
