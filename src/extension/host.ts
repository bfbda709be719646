/**
 * What the extension host offers besides the vscode API. On the desktop (and code-server) the host
 * is Node: files can be written with permissions (restricted incidents are 0600 in 0700 folders)
 * and renamed into place, and linting runs in a worker thread. In VS Code for the Web the host is
 * a web worker without Node: the same features go through vscode.workspace.fs and a Web Worker.
 *
 * Node modules are loaded lazily with require, so the web bundle (where they are external and
 * never loaded) does not need them.
 */
import type * as NodeFs from 'node:fs';
import type * as NodePath from 'node:path';
import type * as NodeWorkers from 'node:worker_threads';

export const isNodeHost = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/* eslint-disable @typescript-eslint/no-require-imports -- lazy Node modules, see above */
export function nodeFs(): typeof NodeFs | undefined {
  return isNodeHost ? (require('node:fs') as typeof NodeFs) : undefined;
}

export function nodePath(): typeof NodePath | undefined {
  return isNodeHost ? (require('node:path') as typeof NodePath) : undefined;
}

export function nodeWorkers(): typeof NodeWorkers | undefined {
  return isNodeHost ? (require('node:worker_threads') as typeof NodeWorkers) : undefined;
}
/* eslint-enable @typescript-eslint/no-require-imports */
