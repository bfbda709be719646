/**
 * Keeps the in-memory incident index current: an initial scan, a FileSystemWatcher (files changed
 * outside the editor, e.g. by git pull), document events (unsaved edits), and the protected-track
 * storage folder. The tree views and the status bar read the index only.
 *
 * Documents are parsed in the Sitrep worker (off the extension-host thread); a document past the
 * time budget is left out of the index. The one exception is the first scan's read of the
 * incidents folder's small incident files (see incidentsFolderFirst). Files are read bounded
 * (regular files under the cap).
 */
import * as vscode from 'vscode';
import { IncidentIndex, summarizeText } from '../../core/incident';
import { matchesAny } from '../../core/glob';
import type { Config } from '../../core/model/schemas';
import type { ConfigStore, FolderConfig } from '../config';
import { relativePath } from '../convert';
import { readSettings } from './settings';
import { nodeFs } from '../host';
import { openDocument } from './writer';
import { exists, readSmallFileNow, readTextFile } from '../files';
import type { SitrepWorker } from '../worker/client';
import { stripBom } from '../../core/text';

const MAX_FILES = 20_000;
/** The first read's limits on this thread (see IndexService.incidentsFolderFirst). */
const FIRST_READ_MAX_BYTES = 64_000;
const FIRST_READ_BUDGET_MS = 150;

export class IndexService implements vscode.Disposable {
  readonly index = new IncidentIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private restrictedWatcher: vscode.Disposable | undefined;
  private current: FolderConfig = { config: {}, globs: [], ignore: [] };
  /** Resolves when the first scan has finished. */
  ready: Promise<void> = Promise.resolve();


  /** The latest update asked for each document: an older answer from the worker is dropped. */
  private readonly latest = new Map<string, number>();
  private sequence = 0;
  /** Set once the first scan has read the incidents folder (on this thread, see incidentsFolderFirst). */
  private firstReadDone = false;
  /** Reads of documents a command asked for (ensureIndexed), by key. */
  private readonly loading = new Map<string, Promise<void>>();

  constructor(
    private readonly restrictedRoot: () => vscode.Uri | undefined,
    private readonly configs: ConfigStore,
    private readonly worker: SitrepWorker,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.schedule(u, () => this.refreshFromDisk(u))),
      watcher.onDidChange((u) => this.schedule(u, () => this.refreshFromDisk(u))),
      watcher.onDidDelete((u) => this.removed(u)),
      vscode.workspace.onDidOpenTextDocument((d) => this.fromDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document.uri, () => this.fromDocument(e.document))),
      vscode.workspace.onDidCloseTextDocument((d) => this.schedule(d.uri, () => this.refreshFromDisk(d.uri))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => this.removed(u))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => {
        this.removed(f.oldUri);
        void this.refreshFromDisk(f.newUri);
      })),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
    );
    this.disposables.push(configs.onDidChange(() => void this.rescan()));
  }

  /** Full scan of the workspace and the restricted storage folder. */
  rescan(): Promise<void> {
    this.ready = this.scan().catch((e) => console.error('[sitrep] index scan failed', e));
    return this.ready;
  }

  /** Document globs: .sitrep.yaml `documents`, else the setting, plus the incidents folder. */
  globs(): string[] {
    const base = this.current.globs;
    const folder = `${readSettings().incidentsFolder}/**`;
    return base.includes(folder) ? base : [...base, folder];
  }

  private async scan(): Promise<void> {
    // Only documents indexed before this scan began can be stale; ones written during it stay.
    const before = new Set(this.index.keys());
    await this.loadProjectConfig();
    // The incidents folder first, read directly: its countdown shows before the search below ends.
    await this.incidentsFolderFirst();
    const seen = new Set<string>();
    // Documents the globs name, matched by the core as the CLI matches them (any case); files
    // elsewhere with a typed front matter join when opened or changed.
    const found = new Map<string, vscode.Uri>();
    const globs = this.globs();
    const files = await vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}', MAX_FILES);
    for (const u of files) if (matchesAny(this.relPath(u), globs)) found.set(u.toString(), u);
    const restricted = await this.listRestricted();
    const all = [...found.values(), ...restricted];
    const batch = 16;
    for (let i = 0; i < all.length; i += batch) {
      await Promise.all(all.slice(i, i + batch).map(async (u) => {
        seen.add(u.toString());
        await this.refreshFromDisk(u, false);
      }));
    }
    for (const k of before) if (!seen.has(k) && !openDocument(vscode.Uri.parse(k))) this.index.remove(k);
    for (const d of vscode.workspace.textDocuments) this.fromDocument(d);
    this.watchRestricted();
    this.fire();
  }

  /**
   * `<incidents folder>/<id>/incident.md` (and postmortem.md) of the first workspace folder, without
   * a file search. On the first scan, while the editor starts, the worker takes a second or more to come up and every
   * await waits behind other extensions, so on a Node host the small incident files are read and
   * summarised here, synchronously, within a budget (each file up to FIRST_READ_MAX_BYTES, all
   * within FIRST_READ_BUDGET_MS): the countdown shows as the editor opens. The rest, postmortems,
   * and every later read go through the worker.
   */
  private async incidentsFolderFirst(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    const root = vscode.Uri.joinPath(folder.uri, readSettings().incidentsFolder);
    const names = await listFolders(root);
    if (!names) return;
    // Newest first (incident folders are named by date): the live incident is among them.
    const dirs = names.sort().reverse().slice(0, 200);
    const later: vscode.Uri[] = [];
    const started = Date.now();
    const inThread = !this.firstReadDone;
    this.firstReadDone = true;
    for (const name of dirs) {
      const uri = vscode.Uri.joinPath(root, name, 'incident.md');
      const now = inThread && Date.now() - started < FIRST_READ_BUDGET_MS && !openDocument(uri)?.isDirty ? readSmallFileNow(uri, FIRST_READ_MAX_BYTES) : 'later';
      if (now === 'later' || (now !== 'absent' && !this.indexInThread(uri, stripBom(now.text)))) later.push(uri);
    }
    if (this.index.size) this.changed.fire();
    const postmortems = dirs.map((name) => vscode.Uri.joinPath(root, name, 'postmortem.md'));
    await Promise.all([...later, ...postmortems].map((u) => this.refreshFromDisk(u, false)));
    if (this.index.size) this.fire();
  }

  /** Indexes a small text on this thread (the first read only: see incidentsFolderFirst); false if it could not. */
  private indexInThread(uri: vscode.Uri, text: string): boolean {
    const key = uri.toString();
    // An answer the worker is still preparing for this document is older than this text: drop it.
    this.latest.set(key, ++this.sequence);
    if (!this.candidate(uri, text)) return true;
    const relativePath = this.relPath(uri);
    try {
      this.index.apply(key, text, summarizeText(key, text, { relativePath, globs: this.globs(), config: this.index.currentConfig }));
    } catch {
      return false; // the worker reads it, and reports what went wrong
    }
    this.latest.delete(key);
    return true;
  }

  private async loadProjectConfig(): Promise<void> {
    this.current = await this.configs.get(vscode.workspace.workspaceFolders?.[0]);
    this.index.setConfig(this.current.config);
  }

  /** The first workspace folder's configuration: the one the linter uses for it too. */
  config(): Config {
    return this.current.config;
  }

  private async listRestricted(): Promise<vscode.Uri[]> {
    const root = this.restrictedRoot();
    if (!root || !(await exists(root))) return [];
    const out: vscode.Uri[] = [];
    const walk = async (dir: vscode.Uri, depth: number) => {
      if (depth > 4 || out.length > MAX_FILES) return;
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(dir);
      } catch {
        return;
      }
      for (const [name, type] of entries) {
        const child = vscode.Uri.joinPath(dir, name);
        if (type & vscode.FileType.Directory) await walk(child, depth + 1);
        else if (/\.(?:md|markdown)$/i.test(name)) out.push(child);
      }
    };
    await walk(root, 0);
    return out;
  }

  private watchRestricted(): void {
    this.restrictedWatcher?.dispose();
    const root = this.restrictedRoot();
    if (!root || vscode.workspace.getWorkspaceFolder(root)) return;
    try {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*.md'));
      this.restrictedWatcher = vscode.Disposable.from(
        w,
        w.onDidCreate((u) => this.schedule(u, () => this.refreshFromDisk(u))),
        w.onDidChange((u) => this.schedule(u, () => this.refreshFromDisk(u))),
        w.onDidDelete((u) => this.removed(u)),
      );
    } catch {
      this.restrictedWatcher = undefined;
    }
  }

  /** The path the parser sees: relative to the workspace folder, or to the restricted root. */
  relPath(uri: vscode.Uri): string {
    const root = this.restrictedRoot();
    if (root && uri.toString().startsWith(root.toString() + '/')) return uri.toString().slice(root.toString().length + 1);
    return relativePath(uri);
  }

  /** Whether a text is worth indexing: matched by the document globs, or typed by its front matter. */
  private candidate(uri: vscode.Uri, text: string): boolean {
    if (typedFrontMatter(text)) return true;
    return matchesAny(this.relPath(uri), this.globs());
  }

  /** Indexes a text (after a write, so the views and status bar follow). Resolves once it is in the index. */
  async updateText(uri: vscode.Uri, text: string, notify = true, priority: 'interactive' | 'background' = 'interactive'): Promise<void> {
    const key = uri.toString();
    const seq = ++this.sequence;
    this.latest.set(key, seq);
    if (!this.candidate(uri, text)) {
      if (this.index.remove(key) && notify) this.fire();
      return;
    }
    const relativePath = this.relPath(uri);
    if (this.index.isCurrent(key, text, relativePath)) return;
    const outcome = await this.worker.summarize(key, text, { relativePath, globs: this.globs(), config: this.index.currentConfig }, priority);
    if (this.latest.get(key) !== seq) return; // a newer text was sent meanwhile
    this.latest.delete(key);
    if (outcome.status !== 'ok') {
      if (outcome.status === 'over-budget') console.warn(`[sitrep] ${relativePath} took longer than ${outcome.budgetMs} ms to read; left out of the index`);
      else console.error(`[sitrep] indexing ${relativePath} failed: ${outcome.error}`);
      return;
    }
    const change = this.index.apply(key, text, outcome.result);
    if (change !== 'unchanged' && notify) this.fire();
  }

  private fromDocument(doc: vscode.TextDocument): void {
    if (!/\.(?:md|markdown)$/i.test(doc.uri.path)) return;
    const root = this.restrictedRoot();
    const inRestricted = !!root && doc.uri.toString().startsWith(root.toString() + '/');
    if (!inRestricted && !vscode.workspace.getWorkspaceFolder(doc.uri)) return;
    void this.updateText(doc.uri, doc.getText());
  }

  /**
   * Indexes a document that a command names and the index does not hold yet (one just written,
   * whose entry the worker is still reading). Commands asking for one document at once share one
   * read and go on in the order they asked, so entries logged in a tight loop stay in order.
   */
  ensureIndexed(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.refreshFromDisk(uri).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  async refreshFromDisk(uri: vscode.Uri, notify = true): Promise<void> {
    const open = openDocument(uri);
    if (open && open.isDirty) {
      // The buffer holds newer text than the file; it wins until saved or closed.
      this.fromDocument(open);
      return;
    }
    const read = await readTextFile(uri);
    // A file that is not UTF-8 is still shown (its bad bytes as U+FFFD); the writer refuses to write it.
    const text = read.ok ? read.text : read.lossy;
    if (text !== undefined) {
      await this.updateText(uri, stripBom(text), notify, notify ? 'interactive' : 'background');
      return;
    }
    // Gone (deleted between the event and the read), or no longer a file Sitrep reads.
    this.removed(uri);
  }

  private removed(uri: vscode.Uri): void {
    const key = uri.toString();
    let n = this.index.remove(key) ? 1 : 0;
    n += this.index.removeUnder(key + '/');
    if (n) this.fire();
  }

  private schedule(uri: vscode.Uri, task: () => unknown): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void task();
    }, 150));
  }

  private fire(): void {
    if (this.fireTimer) return;
    this.fireTimer = setTimeout(() => {
      this.fireTimer = undefined;
      this.changed.fire();
    }, 50);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    clearTimeout(this.fireTimer);
    this.restrictedWatcher?.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}

/** Whether the front matter (within the first 4,000 characters) has `type: incident` or `type: postmortem`. */
function typedFrontMatter(text: string): boolean {
  const lines = text.slice(0, 4000).split(/\r?\n/);
  if (!/^\ufeff?---[ \t]*$/.test(lines[0] ?? '')) return false;
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i])) return false;
    if (/^type:[ \t]*["']?(?:incident|postmortem)\b/.test(lines[i])) return true;
  }
  return false;
}

/** The names of the folders in a folder (undefined when it cannot be read); read at once on a Node host. */
async function listFolders(root: vscode.Uri): Promise<string[] | undefined> {
  const fs = root.scheme === 'file' ? nodeFs() : undefined;
  try {
    if (fs) return fs.readdirSync(root.fsPath, { withFileTypes: true }).filter((d) => d.isDirectory() || d.isSymbolicLink()).map((d) => d.name);
    return (await vscode.workspace.fs.readDirectory(root)).filter(([, t]) => t & vscode.FileType.Directory).map(([name]) => name);
  } catch {
    return undefined;
  }
}
