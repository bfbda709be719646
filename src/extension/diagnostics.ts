/**
 * Diagnostics: parses incident and postmortem documents as they are opened and edited and
 * publishes their problems with source "sitrep" at the exact range.
 */
import * as vscode from 'vscode';
import { parseDocument } from '../core/parser';
import { documentGlobs, relativePath, toRange, toSeverity } from './convert';

export function registerDiagnostics(context: vscode.ExtensionContext): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('sitrep');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const refresh = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'markdown') return;
    const parsed = parseDocument(doc.getText(), { relativePath: relativePath(doc.uri), globs: documentGlobs() });
    if (parsed.kind === 'unknown') {
      collection.delete(doc.uri);
      return;
    }
    collection.set(
      doc.uri,
      parsed.problems.map((p) => {
        const d = new vscode.Diagnostic(toRange(p.range), p.message, toSeverity(p.severity));
        d.source = 'sitrep';
        d.code = p.code;
        return d;
      }),
    );
  };
  const schedule = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      refresh(doc);
    }, 250));
  };

  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      clearTimeout(timers.get(doc.uri.toString()));
      collection.delete(doc.uri);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  vscode.workspace.textDocuments.forEach(refresh);
  return collection;
}
