/**
 * "Sitrep: Open Learning Report": the report in a webview that follows the VS Code theme, lists
 * the documents behind every count, opens a document at its line on a click, and refreshes when
 * documents change. Strict CSP: nonce-only scripts and styles, no remote content.
 */
import * as vscode from 'vscode';
import { clientData, renderHtmlPage, renderReportBody } from '../../core/report';
import type { ReportSource } from './source';

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ReportPanel implements vscode.Disposable {
  static readonly viewType = 'sitrep.learningReport';
  private panel: vscode.WebviewPanel | undefined;
  private stale = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly source: ReportSource) {
    this.disposables.push(source.onDidChange(() => void this.refresh()));
  }

  /** Opens the report, or brings it forward with fresh figures. */
  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Active);
      await this.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(ReportPanel.viewType, 'Learning Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [],
    });
    this.panel = panel;
    const report = await this.source.build();
    if (this.panel !== panel) return; // closed while the documents were read
    panel.webview.html = renderHtmlPage(report, { csp: { source: panel.webview.cspSource, nonce: nonce() } });
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) void this.refresh();
    }, undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m), undefined, this.disposables);
  }

  /** Posts the new figures to the page (it keeps its scroll position); later if it is hidden. */
  async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    if (!panel.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const report = await this.source.build();
    if (this.panel !== panel) return;
    void panel.webview.postMessage({ type: 'update', body: renderReportBody(report), data: clientData(report) });
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!m || typeof m !== 'object') return;
    const msg = m as { type?: unknown; path?: unknown; line?: unknown };
    if (msg.type !== 'open' || typeof msg.path !== 'string') return;
    const uri = this.source.uriOf(msg.path);
    if (!uri) {
      void vscode.window.showWarningMessage(`Sitrep: ${msg.path} is no longer among the incident documents.`);
      return;
    }
    const line = Math.max(0, (typeof msg.line === 'number' && Number.isFinite(msg.line) ? Math.floor(msg.line) : 1) - 1);
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = new vscode.Position(Math.min(line, Math.max(0, doc.lineCount - 1)), 0);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(at, at), preserveFocus: false });
    vscode.window.activeTextEditor?.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
