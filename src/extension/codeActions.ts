/**
 * Code actions for Sitrep diagnostics: the rule's fix (preferred) and its alternatives,
 * "Disable <rule> for this line", "Show documentation for <rule>", and "Fix all Sitrep problems"
 * (source.fixAll.sitrep). Findings are matched to diagnostics by rule and range, never by message.
 */
import * as vscode from 'vscode';
import { compatibleFixes, disableFix, type Finding, type Fix } from '../core/lint';
import { splitLines, type Range } from '../core/text';
import { toRange } from './convert';
import type { LintService } from './diagnostics';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('sitrep');

function sameRange(r: Range, v: vscode.Range): boolean {
  return r.line === v.start.line && r.column === v.start.character && r.endLine === v.end.line && r.endColumn === v.end.character;
}

function toEdit(uri: vscode.Uri, fixes: readonly Fix[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const f of fixes) for (const e of f.edits) edit.replace(uri, toRange(e.range), e.text);
  return edit;
}

function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== 'sitrep') return undefined;
  const c = d.code;
  if (typeof c === 'object' && c !== null) return String(c.value);
  return c === undefined ? undefined : String(c);
}

class SitrepCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly service: LintService) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.service.entryFor(document);
    const actions: vscode.CodeAction[] = [];
    const wantsFixAll = !context.only || context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only);
    const wantsQuickFix = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);

    if (wantsQuickFix) {
      for (const diagnostic of context.diagnostics) {
        const rule = ruleOf(diagnostic);
        if (!rule || rule === 'config') continue;
        const finding: Finding | undefined = entry?.findings.find((f) => f.rule === rule && sameRange(f.range, diagnostic.range));
        if (finding?.fix) {
          const a = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
          a.edit = toEdit(document.uri, [finding.fix]);
          a.diagnostics = [diagnostic];
          a.isPreferred = true;
          actions.push(a);
        }
        for (const s of finding?.suggestions ?? []) {
          const a = new vscode.CodeAction(s.title, vscode.CodeActionKind.QuickFix);
          a.edit = toEdit(document.uri, [s]);
          a.diagnostics = [diagnostic];
          actions.push(a);
        }
        if (entry && rule !== 'parse-error') {
          const fix = disableFix({ lines: splitLines(document.getText()), eol: entry.eol, bodyStartLine: entry.bodyStartLine }, diagnostic.range.start.line, rule);
          const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          a.edit = toEdit(document.uri, [fix]);
          a.diagnostics = [diagnostic];
          actions.push(a);
        }
        const docs = this.service.docsUri(rule);
        if (docs) {
          const a = new vscode.CodeAction(`Show documentation for ${rule}`, vscode.CodeActionKind.QuickFix);
          a.command = { command: 'markdown.showPreview', title: `Show documentation for ${rule}`, arguments: [docs] };
          a.diagnostics = [diagnostic];
          actions.push(a);
        }
      }
    }

    if (wantsFixAll && entry) {
      const fixes = compatibleFixes(document.getText(), entry.findings.filter((f) => f.fix).map((f) => f.fix!));
      if (fixes.length > 0) {
        const a = new vscode.CodeAction('Fix all Sitrep problems', FIX_ALL_KIND);
        a.edit = toEdit(document.uri, fixes);
        actions.push(a);
      }
    }
    return actions;
  }
}

export function registerCodeActions(context: vscode.ExtensionContext, service: LintService): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new SitrepCodeActions(service), {
      providedCodeActionKinds: SitrepCodeActions.kinds,
    }),
  );
}
