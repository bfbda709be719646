/**
 * The learning report in the editor: the "Open Learning Report" webview, and the timeline picture
 * that the built-in Markdown preview draws through extendMarkdownIt (returned from activate).
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { timelinePlugin } from '../../core/report';
import { COMMANDS } from '../commandIds';
import type { IndexService } from '../incidents/indexing';
import { ReportPanel } from './panel';
import { PreviewReadings } from './preview';
import { ReportSource } from './source';
import type { SitrepWorker } from '../worker/client';

export interface MarkdownItExtension {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function registerReport(context: vscode.ExtensionContext, service: IndexService, worker: SitrepWorker): MarkdownItExtension {
  const source = new ReportSource(service, worker);
  const panel = new ReportPanel(source);
  const readings = new PreviewReadings(source);
  context.subscriptions.push(source, panel, readings, vscode.commands.registerCommand(COMMANDS.openLearningReport, () => panel.show()));
  return {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      return md.use(timelinePlugin, {
        read: (text, env) => readings.read(text, env),
        // VS Code's Markdown engine passes the rendered document's URI as env.currentDocument.
        relativePath: (env: unknown) => {
          const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
          return uri instanceof vscode.Uri ? service.relPath(uri) : undefined;
        },
        globs: () => service.globs(),
      });
    },
  };
}
