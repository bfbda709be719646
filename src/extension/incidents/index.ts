/** Registers the live incident workflow: index, views, status bar, commands, protected track. */
import * as vscode from 'vscode';
import type { ConfigStore } from '../config';
import { registerCommands } from './commands';
import { IndexService } from './indexing';
import { restrictedRoot, warnIfInGit } from './protectedTrack';
import { registerStartup } from './startup';
import { registerStatusBar } from './statusBar';
import { registerTrees } from './trees';
import { DocumentWriter } from './writer';

export function registerIncidentFeatures(context: vscode.ExtensionContext, configs: ConfigStore): IndexService {
  let service: IndexService | undefined;
  const root = () => restrictedRoot(context, service?.config().restricted_storage);
  service = new IndexService(root, configs);
  const s = service;
  const writer = new DocumentWriter();
  const checked = new Set<string>();
  context.subscriptions.push(
    s,
    writer,
    writer.onDidWrite(({ uri, text }) => s.updateText(uri, text)),
    // Restricted incidents inside a git working tree get one warning each.
    s.onDidChange(() => {
      for (const i of s.index.incidents()) {
        if (!i.restricted || checked.has(i.key)) continue;
        checked.add(i.key);
        void warnIfInGit(vscode.Uri.parse(i.key));
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Cadences and document globs come through the configuration store, which fires its own change.
      if (e.affectsConfiguration('sitrep.restrictedStorageFolder')) void s.rescan();
    }),
  );
  registerTrees(context, s);
  registerStatusBar(context, s);
  registerCommands({ context, service: s, writer });
  void s.rescan();
  registerStartup(s);
  return s;
}
