/**
 * The one configuration the status bar, the commands, the views and the linter read: the
 * `.sitrep.yaml` (or `.sitrep.yml`) at the root of each workspace folder, read through
 * vscode.workspace.fs (so it works in VS Code for the Web), over the `sitrep.*` settings
 * (`withSettings` in the core decides the precedence). Cached until the file or the settings
 * change. A broken file is shown as one diagnostic on the file itself and everything goes on with
 * the defaults.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, documentGlobsOf, MAX_CONFIG_LENGTH, withSettings, type EditorSettings } from '../core/config';
import { loadConfig } from '../core/lint';
import type { Config, Severity } from '../core/model/schemas';
import type { Problem } from '../core/parser/types';
import { documentGlobs, toRange } from './convert';
import { exists, readTextFile } from './files';

export interface FolderConfig {
  /** `.sitrep.yaml` over the settings. */
  config: Config;
  /** Document globs: `.sitrep.yaml` `documents`, else the sitrep.documentGlobs setting. */
  globs: string[];
  ignore: string[];
}

/** The settings that are part of the configuration (the rest are read where they are used). */
function editorSettings(): EditorSettings {
  const c = vscode.workspace.getConfiguration('sitrep');
  return { cadenceMinutes: c.get<Partial<Record<Severity, number>>>('cadenceMinutes') ?? {}, documentGlobs: documentGlobs() };
}

function resolved(project: Config): FolderConfig {
  const config = withSettings(project, editorSettings());
  return { config, globs: documentGlobsOf(config), ignore: config.ignore ?? [] };
}

export class ConfigStore implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<FolderConfig>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('sitrep-config');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a configuration file or a setting that is part of the configuration changes. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
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
        if (e.affectsConfiguration('sitrep.documentGlobs') || e.affectsConfiguration('sitrep.cadenceMinutes')) invalidate();
      }),
      this.problems,
      this.changed,
    );
  }

  /** The configuration of a workspace folder (none: the settings alone). */
  get(folder: vscode.WorkspaceFolder | undefined): Promise<FolderConfig> {
    if (!folder) return Promise.resolve(resolved({}));
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
      return resolved(loaded.config);
    }
    return resolved({});
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
