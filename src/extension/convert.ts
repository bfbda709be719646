/** Adapters between the core's plain ranges and problems and VS Code's types. */
import * as vscode from 'vscode';
import type { Range } from '../core/text';
import type { Severity } from '../core/parser/types';
import { DEFAULT_DOCUMENT_GLOBS } from '../core/discovery';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.line, r.column, r.endLine, r.endColumn);
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

/** Document globs from the setting (a workspace's .sitrep.yaml takes precedence where read); the core's defaults. */
export function documentGlobs(): string[] {
  return vscode.workspace.getConfiguration('sitrep').get<string[]>('documentGlobs') ?? DEFAULT_DOCUMENT_GLOBS;
}

/** Path relative to its workspace folder, with forward slashes. */
export function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}
