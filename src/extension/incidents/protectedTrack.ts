/**
 * Protected track: restricted (security, privacy, data-exposure) incidents are stored outside the
 * workspace by default — in a folder the user configures, or the extension's global storage — and
 * Sitrep warns when such a file sits inside a git working tree.
 */
import * as vscode from 'vscode';
import { exists } from './writer';
import { readSettings } from './settings';

/** Where restricted incidents go. */
export function restrictedRoot(context: vscode.ExtensionContext, projectSetting?: string): vscode.Uri {
  const configured = readSettings().restrictedStorageFolder || projectSetting || '';
  if (configured) {
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(configured)) return vscode.Uri.parse(configured);
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (configured.startsWith('/') || /^[A-Z]:[\\/]/i.test(configured)) {
      return base && base.scheme !== 'file' ? base.with({ path: configured.replace(/\\/g, '/') }) : vscode.Uri.file(configured);
    }
    if (base) return vscode.Uri.joinPath(base, configured);
  }
  return vscode.Uri.joinPath(context.globalStorageUri, 'restricted');
}

/** The git working tree holding `uri` (the folder with a .git entry), if any. */
export async function gitWorkingTree(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  let dir = vscode.Uri.joinPath(uri, '..');
  for (let depth = 0; depth < 40; depth++) {
    if (await exists(vscode.Uri.joinPath(dir, '.git'))) return dir;
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
  }
  return undefined;
}

const warned = new Set<string>();

/** Warns (once per file and session) when a restricted incident's file is inside a git working tree. */
export async function warnIfInGit(uri: vscode.Uri): Promise<boolean> {
  const tree = await gitWorkingTree(uri);
  if (!tree) return false;
  const key = uri.toString();
  if (warned.has(key)) return true;
  warned.add(key);
  void vscode.window
    .showWarningMessage(
      `Restricted incident ${vscode.workspace.asRelativePath(uri)} is inside a git working tree (${tree.fsPath || tree.path}). Restricted details could be committed and shared beyond need-to-know responders. Move it outside the repository or set sitrep.restrictedStorageFolder.`,
      'Open Settings',
    )
    .then((pick) => {
      if (pick === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'sitrep.restrictedStorageFolder');
    });
  return true;
}
