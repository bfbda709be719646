/**
 * `.sitrep-baseline.json` at the root of each workspace folder, read through vscode.workspace.fs
 * and cached until it changes. Findings it accepts are shown as hints (or hidden with
 * `sitrep.lint.showBaselined: false`); the matching is the core's (src/core/baseline.ts). A broken
 * file gets one diagnostic on itself, and every finding is then shown as usual.
 */
import * as vscode from 'vscode';
import { BASELINE_FILE, MAX_BASELINE_BYTES, parseBaseline, type Baseline } from '../core/baseline';
import { readTextFile } from './files';
import { exists } from './files';

export class BaselineStore implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<Baseline | undefined>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('sitrep-baseline');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a baseline file is created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${BASELINE_FILE}`);
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
      this.problems,
      this.changed,
    );
  }

  get(folder: vscode.WorkspaceFolder | undefined): Promise<Baseline | undefined> {
    if (!folder) return Promise.resolve(undefined);
    const key = folder.uri.toString();
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.load(folder);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<Baseline | undefined> {
    const uri = vscode.Uri.joinPath(folder.uri, BASELINE_FILE);
    if (!(await exists(uri))) {
      this.problems.delete(uri);
      return undefined; // no baseline
    }
    // Bounded: a regular file up to the cap (a FIFO or a link to /dev/zero is never read).
    const read = await readTextFile(uri, MAX_BASELINE_BYTES);
    const parsed = read.ok ? parseBaseline(read.text) : { baseline: undefined, problems: [{ line: 1, message: read.message }] };
    if (parsed.problems.length) {
      const p = parsed.problems[0];
      const d = new vscode.Diagnostic(
        new vscode.Range(p.line - 1, 0, p.line - 1, 0),
        `Sitrep cannot use this baseline, so every finding is shown: ${p.message}`,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'sitrep';
      d.code = 'baseline';
      this.problems.set(uri, [d]);
    } else this.problems.delete(uri);
    return parsed.baseline;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Whether baselined findings are shown (as hints) at all. */
export function showBaselined(): boolean {
  return vscode.workspace.getConfiguration('sitrep.lint').get<boolean>('showBaselined') ?? true;
}
