/**
 * Protected track: restricted (security, privacy, data-exposure) incidents are private by default.
 *
 * - Where: the extension's global storage, outside any repository, unless the user chose a folder.
 *   A folder is taken from the user's settings, or from the workspace (its settings or
 *   `.sitrep.yaml` `restricted_storage`) only when the workspace is trusted: the setting is listed
 *   in `restrictedConfigurations`, so VS Code ignores a workspace value in an untrusted workspace,
 *   and `.sitrep.yaml` is ignored there too. A cloned repository cannot redirect them.
 * - A location inside a workspace folder or a git working tree is refused unless the user
 *   confirms it (once per location and session); refused, the private default is used.
 * - Permissions: folders 0700, files 0600 (DocumentWriter.create with `private`).
 * - A restricted incident found inside a git working tree gets one warning.
 */
import * as vscode from 'vscode';
import { exists } from '../files';

type RestrictedSource = 'user setting' | 'workspace setting' | '.sitrep.yaml' | 'default';

interface RestrictedLocation {
  uri: vscode.Uri;
  source: RestrictedSource;
}

function resolveConfigured(configured: string): vscode.Uri | undefined {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(configured)) return vscode.Uri.parse(configured);
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (configured.startsWith('/') || /^[a-z]:[\\/]/i.test(configured)) {
    return base && base.scheme !== 'file' ? base.with({ path: configured.replace(/\\/g, '/') }) : vscode.Uri.file(configured);
  }
  return base ? vscode.Uri.joinPath(base, configured) : undefined;
}

/** The private default: the extension's global storage. */
function defaultRestrictedRoot(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.globalStorageUri, 'restricted');
}

/** Where restricted incidents go, and which setting says so. Workspace sources only when trusted. */
function restrictedLocation(context: vscode.ExtensionContext, projectSetting?: string): RestrictedLocation {
  const inspected = vscode.workspace.getConfiguration('sitrep').inspect<string>('restrictedStorageFolder');
  const trusted = vscode.workspace.isTrusted;
  const workspaceValue = trusted ? (inspected?.workspaceFolderValue ?? inspected?.workspaceValue) : undefined;
  const candidates: Array<[string | undefined, RestrictedSource]> = [
    [workspaceValue, 'workspace setting'],
    [inspected?.globalValue, 'user setting'],
    [trusted ? projectSetting : undefined, '.sitrep.yaml'],
  ];
  for (const [value, source] of candidates) {
    if (!value || !value.trim()) continue;
    const uri = resolveConfigured(value.trim());
    if (uri) return { uri, source };
  }
  return { uri: defaultRestrictedRoot(context), source: 'default' };
}

/** Where restricted incidents are read from (no prompt): the location as configured. */
export function restrictedRoot(context: vscode.ExtensionContext, projectSetting?: string): vscode.Uri {
  return restrictedLocation(context, projectSetting).uri;
}

function isInside(child: vscode.Uri, parent: vscode.Uri): boolean {
  if (child.scheme !== parent.scheme || child.authority !== parent.authority) return false;
  const p = parent.path.replace(/(?<!\/)\/+$/, '');
  return child.path === p || child.path.startsWith(p + '/');
}

/** The git working tree holding `uri` (the nearest folder above it with a .git entry), if any. */
async function gitWorkingTree(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  let dir = vscode.Uri.joinPath(uri, '..');
  for (let depth = 0; depth < 40; depth++) {
    if (await exists(vscode.Uri.joinPath(dir, '.git'))) return dir;
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Why a folder is not private: inside a workspace folder or a git working tree. */
export async function exposure(folder: vscode.Uri): Promise<string | undefined> {
  const ws = (vscode.workspace.workspaceFolders ?? []).find((f) => isInside(folder, f.uri));
  if (ws) return `inside the workspace folder ${ws.name}`;
  const tree = await gitWorkingTree(vscode.Uri.joinPath(folder, 'x'));
  if (tree) return `inside the git working tree ${tree.fsPath || tree.path}`;
  return undefined;
}

const confirmed = new Set<string>();

/**
 * The folder a new restricted incident is written to. A configured folder inside the workspace or
 * a git tree needs the user's confirmation (`confirm` answers for callers without UI); refused, the
 * private default is used.
 */
export async function restrictedTarget(context: vscode.ExtensionContext, projectSetting: string | undefined, confirm?: boolean): Promise<vscode.Uri> {
  const loc = restrictedLocation(context, projectSetting);
  if (loc.source === 'default') return loc.uri;
  const key = loc.uri.toString();
  if (confirmed.has(key)) return loc.uri;
  const why = await exposure(loc.uri);
  if (!why) return loc.uri;
  let ok = confirm;
  if (ok === undefined) {
    const pick = await vscode.window.showWarningMessage(
      `Restricted incidents would be stored in ${loc.uri.fsPath || loc.uri.path} (from the ${loc.source}), ${why}: they could be committed and read beyond need-to-know responders.`,
      { modal: true, detail: 'Private storage keeps them in the extension storage on this machine, outside any repository, readable only by you.' },
      'Store There Anyway',
      'Use Private Storage',
    );
    ok = pick === 'Store There Anyway';
  }
  if (!ok) return defaultRestrictedRoot(context);
  confirmed.add(key);
  return loc.uri;
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
      `Restricted incident ${vscode.workspace.asRelativePath(uri)} is inside a git working tree (${tree.fsPath || tree.path}). Restricted details could be committed and shared beyond need-to-know responders. Move it outside the repository or set sitrep.restrictedStorageFolder in your user settings.`,
      'Open Settings',
    )
    .then((pick) => {
      if (pick === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'sitrep.restrictedStorageFolder');
    });
  return true;
}
