/**
 * Lint diagnostics: incident and postmortem documents are linted on open, while typing
 * (debounced) and on save, and their findings published with source "sitrep" and a code that
 * links to the rule's documentation. One lint runs per document at a time; results for an older
 * version of the text are dropped (generation counter). Diagnostics are cleared on close.
 * Also "Sitrep: Lint Workspace", which fills the Problems panel for every document.
 *
 * Linting runs in the Sitrep worker (worker/client.ts), off the extension-host thread; a document
 * that takes longer than the time budget gets one finding saying so.
 */
import * as vscode from 'vscode';
import { splitByBaseline, type Baseline } from '../core/baseline';
import { matchesAny } from '../core/glob';
import { PARSE_ERROR, ruleByName, type Finding } from '../core/lint';
import { BaselineStore, showBaselined } from './baseline';
import { relativePath, toRange, toSeverity } from './convert';
import { COMMANDS } from './commandIds';
import type { ConfigStore } from './config';
import { readTextFile } from './files';
import type { SitrepWorker } from './worker/client';
import type { LintSummary } from './worker/protocol';

interface LintEntry extends Omit<LintSummary, 'findings'> {
  /** Document version the findings belong to (-1 for a file linted from disk). */
  version: number;
  findings: Finding[];
}

/** The one finding of a document whose lint ran past the time budget. */
function overBudgetFinding(budgetMs: number): Finding {
  return {
    rule: PARSE_ERROR,
    severity: 'warning',
    message: `Sitrep stopped checking this document after ${budgetMs / 1000} s (its time budget), so the editor stays responsive. Split the document, or report it with the file if it is an ordinary one.`,
    range: { line: 0, column: 0, endLine: 0, endColumn: 0 },
  };
}

function lintSettings() {
  const c = vscode.workspace.getConfiguration('sitrep.lint');
  return {
    enabled: c.get<boolean>('enabled') ?? true,
    run: c.get<'onType' | 'onSave'>('run') ?? 'onType',
    delay: Math.max(0, c.get<number>('delay') ?? 300),
  };
}

export class LintService implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('sitrep');
  readonly baselines = new BaselineStore();
  private readonly entries = new Map<string, LintEntry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<string>();
  private readonly pending = new Set<string>();
  private readonly generation = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly configs: ConfigStore,
    readonly worker: SitrepWorker,
  ) {
    this.disposables.push(
      this.collection,
      this.baselines,
      this.baselines.onDidChange(() => this.relintOpen()),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        if (lintSettings().run === 'onType') this.schedule(e.document);
        else this.bump(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      this.configs.onDidChange(() => this.relintOpen()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sitrep.lint')) this.relintOpen();
      }),
    );
    this.relintOpen();
  }

  /** The last lint of an open document, when it matches the document's current version. */
  entryFor(doc: vscode.TextDocument): LintEntry | undefined {
    const e = this.entries.get(doc.uri.toString());
    return e && e.version === doc.version ? e : undefined;
  }

  docsUri(rule: string): vscode.Uri | undefined {
    const r = ruleByName(rule);
    return r ? vscode.Uri.joinPath(this.extensionUri, r.docs) : undefined;
  }

  toDiagnostic(f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
    d.source = 'sitrep';
    const target = this.docsUri(f.rule);
    d.code = target ? { value: f.rule, target } : f.rule;
    return d;
  }

  /**
   * Diagnostics for a document's findings: the ones the folder's baseline accepts become hints
   * (or are left out when sitrep.lint.showBaselined is off). Counts the ones shown as new.
   */
  diagnosticsFor(baseline: Baseline | undefined, file: string | undefined, text: string, findings: Finding[]): { diagnostics: vscode.Diagnostic[]; fresh: Finding[]; baselined: number } {
    if (!baseline || file === undefined) return { diagnostics: findings.map((f) => this.toDiagnostic(f)), fresh: findings, baselined: 0 };
    const split = splitByBaseline(baseline, { file, text, findings });
    const diagnostics = split.fresh.map((f) => this.toDiagnostic(f));
    if (showBaselined()) {
      for (const f of split.baselined) {
        const d = this.toDiagnostic(f);
        d.severity = vscode.DiagnosticSeverity.Hint;
        d.message = `${f.message} (accepted in the baseline, .sitrep-baseline.json)`;
        diagnostics.push(d);
      }
    }
    return { diagnostics, fresh: split.fresh, baselined: split.baselined.length };
  }

  private relintOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private bump(doc: vscode.TextDocument): number {
    const key = doc.uri.toString();
    const g = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, g);
    return g;
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.pending.delete(key);
    this.bump({ uri } as vscode.TextDocument);
    this.entries.delete(key);
    this.collection.delete(uri);
  }

  schedule(doc: vscode.TextDocument, delay = lintSettings().delay): void {
    if (doc.languageId !== 'markdown' || doc.uri.scheme === 'git' || doc.uri.scheme === 'output') return;
    const key = doc.uri.toString();
    this.bump(doc);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(doc);
      }, delay),
    );
  }

  /** Lints one open document; at most one run per document at a time, stale results dropped. */
  async run(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (this.running.has(key)) {
      this.pending.add(key);
      return;
    }
    this.running.add(key);
    try {
      if (!lintSettings().enabled) {
        this.collection.delete(doc.uri);
        this.entries.delete(key);
        return;
      }
      const gen = this.generation.get(key) ?? 0;
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      const [{ config, globs, ignore }, baseline] = await Promise.all([this.configs.get(folder), this.baselines.get(folder)]);
      if (doc.isClosed || this.generation.get(key) !== gen) return;
      const version = doc.version;
      const text = doc.getText();
      const rel = folder ? relativePath(doc.uri) : undefined;
      const outcome = await this.worker.lint(text, { relativePath: rel, globs, ignore, config, now: Date.now() });
      if (doc.isClosed || doc.version !== version || this.generation.get(key) !== gen) return; // stale
      if (outcome.status === 'failed') {
        console.error(`[sitrep] lint failed for ${key}: ${outcome.error}`);
        return;
      }
      const result: LintSummary =
        outcome.status === 'ok' ? outcome.result : { kind: 'unknown', findings: [overBudgetFinding(outcome.budgetMs)], bodyStartLine: 0, eol: '\n', truncated: true };
      if (result.kind === 'unknown' && outcome.status === 'ok') {
        this.entries.delete(key);
        this.collection.delete(doc.uri);
        return;
      }
      this.entries.set(key, { version, ...result });
      this.collection.set(doc.uri, this.diagnosticsFor(baseline, rel, text, result.findings).diagnostics);
    } finally {
      this.running.delete(key);
      if (this.pending.delete(key) && !doc.isClosed) this.schedule(doc, 0);
    }
  }

  /** Lints every incident and postmortem document in the workspace into the Problems panel. */
  async lintWorkspace(progress?: vscode.Progress<{ message?: string }>, token?: vscode.CancellationToken): Promise<{ documents: number; errors: number; warnings: number; baselined: number }> {
    const totals = { documents: 0, errors: 0, warnings: 0, baselined: 0 };
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const [{ config, globs, ignore }, baseline] = await Promise.all([this.configs.get(folder), this.baselines.get(folder)]);
      const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{md,markdown}'), '**/{node_modules,.git}/**', 20_000, token);
      const now = Date.now();
      for (const uri of files) {
        if (token?.isCancellationRequested) return totals;
        const openDoc = open.get(uri.toString());
        const rel = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
        let result: LintSummary;
        const read = openDoc ? ({ ok: true, text: openDoc.getText() } as const) : await readTextFile(uri);
        if (!read.ok) {
          // Not read (not a regular file, over the cap, not UTF-8): reported when on a document path.
          if (!matchesAny(rel, globs) || matchesAny(rel, ignore)) continue;
          result = { kind: 'unknown', findings: [{ rule: read.rule, severity: 'error', message: read.message, range: { line: 0, column: 0, endLine: 0, endColumn: 0 } }], bodyStartLine: 0, eol: '\n', truncated: true };
        } else {
          const outcome = await this.worker.lint(read.text, { relativePath: rel, globs, ignore, config, now }, 'background');
          if (outcome.status === 'failed') continue;
          if (outcome.status === 'over-budget') result = { kind: 'unknown', findings: [overBudgetFinding(outcome.budgetMs)], bodyStartLine: 0, eol: '\n', truncated: true };
          else if (outcome.result.kind === 'unknown') continue;
          else result = outcome.result;
        }
        totals.documents++;
        // A file that could not be read has no text for the baseline to match: its finding is shown as is.
        const shown = read.ok ? this.diagnosticsFor(baseline, rel, read.text, result.findings) : this.diagnosticsFor(undefined, rel, '', result.findings);
        totals.baselined += shown.baselined;
        for (const f of shown.fresh) {
          if (f.severity === 'error') totals.errors++;
          else if (f.severity === 'warning') totals.warnings++;
        }
        this.collection.set(uri, shown.diagnostics);
        if (openDoc) this.entries.set(uri.toString(), { version: openDoc.version, ...result });
        progress?.report({ message: rel });
      }
    }
    return totals;
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }
}

export function registerDiagnostics(context: vscode.ExtensionContext, configs: ConfigStore, worker: SitrepWorker): LintService {
  const service = new LintService(context.extensionUri, configs, worker);
  context.subscriptions.push(
    service,
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, async () => {
      const t = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Sitrep: linting the workspace', cancellable: true },
        (progress, token) => service.lintWorkspace(progress, token),
      );
      const accepted = t.baselined ? ` ${t.baselined} more accepted in the baseline (shown as hints).` : '';
      const summary = `Sitrep linted ${t.documents} document${t.documents === 1 ? '' : 's'}: ${t.errors} error${t.errors === 1 ? '' : 's'}, ${t.warnings} warning${t.warnings === 1 ? '' : 's'}.${accepted}`;
      // Not awaited: the command finishes when the Problems panel is filled, not when the message is dismissed.
      if (t.errors + t.warnings > 0) {
        void vscode.window.showInformationMessage(summary, 'Show Problems').then((pick) => {
          if (pick) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
      } else void vscode.window.showInformationMessage(summary);
      return t;
    }),
  );
  return service;
}
