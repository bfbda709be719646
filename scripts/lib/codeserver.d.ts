// Types for scripts/lib/codeserver.js.
import type { ChildProcess } from 'node:child_process';

export interface CodeServer {
  pid: number;
  port: number;
  url: string;
  child: ChildProcess;
  readonly output: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}
export interface StartOptions {
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  port: number;
  host?: string;
  env?: NodeJS.ProcessEnv;
  onOutput?: (text: string) => void;
  startTimeoutMs?: number;
  extraArgs?: string[];
}
export declare const EXTENSION_FILES: string[];
export declare const CHROMIUM_ARGS: string[];
export declare function readManifest(root?: string): { name: string; publisher: string; version: string; main?: string; [k: string]: unknown };
export declare function extensionId(manifest?: { name: string; publisher: string }): string;
export declare function installExtensionCopy(extensionsDir: string, root?: string): string;
export declare function installVsix(vsix: string, opts: { extensionsDir: string; userDataDir: string; timeoutMs?: number }): Promise<string>;
export declare function writeUserSettings(userDataDir: string, settings?: Record<string, unknown>): void;
export declare function startCodeServer(opts: StartOptions): Promise<CodeServer>;
export declare function workbenchUrl(server: CodeServer, folder: string, payload?: Array<[string, string]>): string;
export declare function remoteUri(server: CodeServer, absPath: string): string;
