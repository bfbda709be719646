/**
 * What the Markdown preview's timeline picture is drawn from. The preview renders on the extension
 * host's thread, so a document is drawn from what the worker read for the learning report (the
 * last reading while a newer one is on its way), and only a small text the worker has not read is
 * read in-thread. A preview drawn from an older reading (or none) is refreshed once the worker's
 * reading arrives.
 */
import * as vscode from 'vscode';
import type { ReportDoc } from '../../core/report';
import type { ReportSource } from './source';

/** A text this long or shorter, not read by the worker yet, is read in-thread for its picture. */
const READ_HERE_MAX_CHARS = 64_000;

export class PreviewReadings implements vscode.Disposable {
  /** Documents whose preview was drawn from an older reading than their text, or from none. */
  private readonly behind = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly source: ReportSource) {
    this.subscription = source.onDidChange(() => {
      if (![...this.behind].some((k) => source.model.entry(k))) return;
      this.behind.clear();
      void vscode.commands.executeCommand('markdown.preview.refresh');
    });
  }

  /** For the timeline plugin: the reading of the rendered text, or 'read-here'. */
  read(text: string, env: unknown): ReportDoc | undefined | 'read-here' {
    const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    const key = uri instanceof vscode.Uri ? uri.toString() : undefined;
    const entry = key ? this.source.model.entry(key) : undefined;
    if (entry?.text === text) return entry.doc;
    if (!entry && text.length <= READ_HERE_MAX_CHARS) return 'read-here';
    if (key) this.behind.add(key);
    return entry?.doc;
  }

  /** Whether a preview of this document waits for a newer reading (for tests and logs). */
  isBehind(uri: vscode.Uri): boolean {
    return this.behind.has(uri.toString());
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
