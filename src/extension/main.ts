/** Sitrep extension entry point: wires the core to VS Code. Each feature registers itself. */
import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { ConfigStore } from './config';
import { registerDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerIncidentFeatures } from './incidents';
import { registerReport, type MarkdownItExtension } from './report';
import { SitrepWorker } from './worker/client';

export function activate(context: vscode.ExtensionContext): MarkdownItExtension {
  // One configuration (.sitrep.yaml over the settings) for the linter and the incident features.
  const configs = new ConfigStore();
  context.subscriptions.push(configs);
  // Linting, indexing, hover and report reading run in one worker, off the extension-host thread.
  const worker = new SitrepWorker(context.extensionUri);
  context.subscriptions.push(worker);
  const lint = registerDiagnostics(context, configs, worker);
  registerCodeActions(context, lint);
  registerHover(context, lint);
  const incidents = registerIncidentFeatures(context, configs, worker);
  // The Markdown preview picks up extendMarkdownIt from what activate returns.
  return registerReport(context, incidents, worker);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
