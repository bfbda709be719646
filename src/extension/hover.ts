/**
 * Hover: what Sitrep read on a line of an incident or postmortem (a timeline entry's resolved UTC
 * instant and where its date and zone came from; an action's owner, due date, category and
 * verification and which column or label each came from; a status update's next time; a factor's
 * layer), and for a language finding on the line, the clause judged and why it counts. The content
 * comes from the core's explain functions, the same as `sitrep explain`.
 *
 * The document is read in the Sitrep worker, like the lint (the worker keeps the document it last
 * read, so hovering over the document just linted does not read it again); the findings are the
 * ones of the document's last lint (`entryFor`).
 */
import * as vscode from 'vscode';
import { relativePath } from './convert';
import type { LintService } from './diagnostics';

export function registerHover(context: vscode.ExtensionContext, service: LintService): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(
      { language: 'markdown' },
      {
        async provideHover(document, position, token) {
          const folder = vscode.workspace.getWorkspaceFolder(document.uri);
          const { globs, ignore } = await service.configs.get(folder);
          if (token.isCancellationRequested) return undefined;
          const outcome = await service.worker.hover(document.getText(), {
            relativePath: folder ? relativePath(document.uri) : undefined,
            globs,
            ignore,
            line: position.line,
            findings: service.entryFor(document)?.findings ?? [],
          });
          if (outcome.status !== 'ok' || !outcome.result) return undefined;
          const md = new vscode.MarkdownString(outcome.result.join('  \n'));
          md.isTrusted = false;
          return new vscode.Hover(md, document.lineAt(position.line).range);
        },
      },
    ),
  );
}
