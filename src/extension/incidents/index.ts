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
import type { SitrepWorker } from '../worker/client';

export function registerIncidentFeatures(context: vscode.ExtensionContext, configs: ConfigStore, worker: SitrepWorker): IndexService {
  // The root depends on the project configuration the service loads, so it is read through a holder.
  const holder: { service?: IndexService } = {};
  const root = () => restrictedRoot(context, holder.service?.config().restricted_storage);
  const s = new IndexService(root, configs, worker);
  holder.service = s;
  const writer = new DocumentWriter();
  const checked = new Set<string>();
  context.subscriptions.push(
    s,
    writer,
    writer.onDidWrite(({ uri, text }) => void s.updateText(uri, text)),
    // Restricted incidents inside a git working tree get one warning each.
    s.onDidChange(() => {
      for (const i of s.index.incidents()) {
        if (!i.restricted || checked.has(i.key)) continue;
        checked.add(i.key);
        void warnIfInGit(vscode.Uri.parse(i.key));
      }
    }),
    // Trust makes the workspace's restricted_storage count: read the restricted folder again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void s.rescan()),
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
