/**
 * Hover: what Sitrep read on a line of an incident or postmortem (a timeline entry's resolved UTC
 * instant and where its date and zone came from; an action's owner, due date, category and
 * verification and which column or label each came from; a status update's next time; a factor's
 * layer), and for a language finding on the line, the clause judged and why it counts. The content
 * comes from the core's explain functions, the same as `sitrep explain`.
 */
import * as vscode from 'vscode';
import { hoverAt } from '../core/explain';
import { parseDocument, type ParsedDocument } from '../core/parser';
import { relativePath } from './convert';
import type { LintService } from './diagnostics';

export function registerHover(context: vscode.ExtensionContext, service: LintService): void {
  const cache = new Map<string, { version: number; doc: ParsedDocument }>();
  const read = async (document: vscode.TextDocument): Promise<ParsedDocument> => {
    const key = document.uri.toString();
    const hit = cache.get(key);
    if (hit && hit.version === document.version) return hit.doc;
    const fresh = service.entryFor(document)?.result.doc;
    if (fresh) return fresh;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const { globs, ignore } = await service.configs.get(folder);
    const doc = parseDocument(document.getText(), { relativePath: folder ? relativePath(document.uri) : undefined, globs, ignore });
    cache.set(key, { version: document.version, doc });
    return doc;
  };
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(
      { language: 'markdown' },
      {
        async provideHover(document, position) {
          const doc = await read(document);
          if (doc.kind === 'unknown') return undefined;
          const lines = hoverAt(doc, position.line, service.entryFor(document)?.findings ?? []);
          if (!lines) return undefined;
          const md = new vscode.MarkdownString(lines.join('  \n'));
          md.isTrusted = false;
          return new vscode.Hover(md, document.lineAt(position.line).range);
        },
      },
    ),
    vscode.workspace.onDidCloseTextDocument((d) => cache.delete(d.uri.toString())),
  );
}
