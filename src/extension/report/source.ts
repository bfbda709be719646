/**
 * The learning report's documents in the editor: the incident index's documents (it already
 * follows files, open buffers and the protected-track folder), each read once more in full for the
 * report's model when, and only when, its index entry changed. The reading runs in the Sitrep
 * worker (off the extension-host thread, with its time budget); a document past the budget is left
 * out of the report.
 */
import * as vscode from 'vscode';
import type { IndexedDocument } from '../../core/incident';
import { ReportModel, type LearningReport } from '../../core/report';
import type { IndexService } from '../incidents/indexing';
import type { SitrepWorker } from '../worker/client';

export class ReportSource implements vscode.Disposable {
  readonly model = new ReportModel();
  private readonly seen = new Map<string, IndexedDocument>();
  private configKey = '';
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the report may read differently (a document or the configuration changed). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** Syncs run one after another (each awaits the worker). */
  private syncing: Promise<boolean> = Promise.resolve(false);

  constructor(
    private readonly service: IndexService,
    private readonly worker: SitrepWorker,
  ) {
    this.subscription = service.onDidChange(() => {
      void this.sync().then((changed) => {
        if (changed) this.changed.fire();
      });
    });
  }

  /** Brings the model in step with the index. Resolves to whether anything changed. */
  sync(): Promise<boolean> {
    this.syncing = this.syncing.then(
      () => this.syncNow(),
      () => this.syncNow(),
    );
    return this.syncing;
  }

  private async syncNow(): Promise<boolean> {
    const config = this.service.config();
    const key = JSON.stringify(config);
    let changed = false;
    if (key !== this.configKey) {
      // Cadence defaults and the taxonomy come from the configuration: read everything again.
      this.configKey = key;
      for (const k of this.model.keys()) this.model.delete(k);
      this.seen.clear();
      changed = true;
    }
    const index = this.service.index;
    const live = new Set(index.keys());
    for (const k of this.model.keys()) {
      if (live.has(k)) continue;
      this.model.delete(k);
      this.seen.delete(k);
      changed = true;
    }
    const globs = this.service.globs();
    for (const k of live) {
      const entry = index.get(k);
      if (!entry || this.seen.get(k) === entry) continue;
      this.seen.set(k, entry);
      const text = index.text(k);
      if (text === undefined || this.model.isCurrent(k, text, entry.path)) continue;
      const outcome = await this.worker.reportDoc(text, { relativePath: entry.path, globs, config });
      if (outcome.status !== 'ok') {
        if (outcome.status === 'over-budget') console.warn(`[sitrep] ${entry.path} took longer than ${outcome.budgetMs} ms to read; left out of the learning report`);
        else console.error(`[sitrep] reading ${entry.path} for the learning report failed: ${outcome.error}`);
        changed = this.model.delete(k) || changed;
        continue;
      }
      changed = this.model.put(k, text, entry.path, outcome.result) || changed;
    }
    return changed;
  }

  async build(): Promise<LearningReport> {
    await this.sync();
    return this.model.build({ now: Date.now(), config: this.service.config() });
  }

  /** The document behind a report path. */
  uriOf(path: string): vscode.Uri | undefined {
    const key = this.model.keyOf(path);
    return key ? vscode.Uri.parse(key) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
