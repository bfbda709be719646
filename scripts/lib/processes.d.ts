// Types for scripts/lib/processes.js.
export declare function freePort(): Promise<number>;
export declare function portIsFree(port: number): Promise<boolean>;
export declare function firstFreePort(from?: number, tries?: number): Promise<number>;
export declare function alive(pid: number): boolean;
export declare function descendants(pid: number): number[];
export declare function stopProcessTree(pid: number | undefined, opts?: { graceMs?: number }): Promise<void>;
