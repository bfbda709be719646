// Types for scripts/lib/editor.js (used from the TypeScript test harness).
export declare const CODE_SERVER_VERSION: string;
export declare class SetupError extends Error {}
export declare const repoRoot: string;
export declare function cacheDir(): string;
export declare function codeServerDir(): string;
export declare function codeServerBin(): string;
export declare function codeServerInstalled(): boolean;
export declare function findChromium(): string | undefined;
export declare function ensureChromium(): string;
export declare function ensureEditor(opts?: { browser?: boolean }): {
  codeServer: string;
  codeServerVersion: string;
  cacheDir: string;
  chromium: string | undefined;
};
export declare function aptInstall(packages: string[], why: string): void;
export declare function which(cmd: string): string | undefined;
