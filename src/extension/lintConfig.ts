/**
 * The project configuration for linting: `.sitrep.yaml` (or `.sitrep.yml`) at the root of each
 * workspace folder, read through vscode.workspace.fs (so it works in VS Code for the Web), cached
 * until the file changes. A broken file is shown as one diagnostic on the file itself and linting
 * goes on with the defaults.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, MAX_CONFIG_LENGTH } from '../core/config';
import { loadConfig } from '../core/lint';
import type { Config } from '../core/model/schemas';
import type { Problem } from '../core/parser/types';
import { documentGlobs, toRange } from './convert';
import { readTextFile } from './files';
import { exists } from './incidents/writer';

export interface FolderConfig {
  config: Config;
  /** Document globs: `.sitrep.yaml` `documents`, else the sitrep.documentGlobs setting. */
  globs: string[];
  ignore: string[];
}


export class LintConfigStore implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<FolderConfig>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('sitrep-config');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a configuration file or the related settings change. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.sitrep.{yaml,yml}');
    const invalidate = () => {
      this.cache.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(invalidate),
      watcher.onDidCreate(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeWorkspaceFolders(invalidate),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sitrep.documentGlobs')) invalidate();
      }),
      this.problems,
      this.changed,
    );
  }

  get(folder: vscode.WorkspaceFolder | undefined): Promise<FolderConfig> {
    if (!folder) return Promise.resolve({ config: {}, globs: documentGlobs(), ignore: [] });
    const key = folder.uri.toString();
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.load(folder);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<FolderConfig> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      if (!(await exists(uri))) {
        this.problems.delete(uri);
        continue; // no such file
      }
      // Bounded: a regular file up to the cap (a FIFO or a link to /dev/zero is never read).
      const read = await readTextFile(uri, MAX_CONFIG_LENGTH + 1);
      const loaded = read.ok ? loadConfig(read.text) : { config: {}, problems: [{ code: 'config', severity: 'error' as const, message: read.message, range: { line: 0, column: 0, endLine: 0, endColumn: 0 } }] };
      this.show(uri, loaded.problems, Object.keys(loaded.config).length === 0);
      const config = loaded.config;
      return {
        config,
        globs: config.documents && config.documents.length ? config.documents : documentGlobs(),
        ignore: config.ignore ?? [],
      };
    }
    return { config: {}, globs: documentGlobs(), ignore: [] };
  }

  /** All of a configuration file's problems as one diagnostic at the first one. */
  private show(uri: vscode.Uri, problems: Problem[], fellBack: boolean): void {
    if (problems.length === 0) {
      this.problems.delete(uri);
      return;
    }
    const errors = problems.some((p) => p.severity === 'error');
    const broken = errors && fellBack;
    const lines = problems.map((p) => `line ${p.range.line + 1}: ${p.message}`);
    const message = broken
      ? `Sitrep cannot use this configuration and lints with the defaults until it is fixed. ${lines.join(' · ')}`
      : `Sitrep configuration: ${lines.join(' · ')}`;
    const d = new vscode.Diagnostic(toRange(problems[0].range), message, errors ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    d.source = 'sitrep';
    d.code = 'config';
    this.problems.set(uri, [d]);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
