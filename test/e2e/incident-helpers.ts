// Shared pieces of the incident end-to-end scenarios: fixture workspaces written to a temp folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Writes `files` (relative path → text) into a fresh temp folder and returns its path. */
export function makeFixture(name: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sitrep-fixture-${name}-`));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** ISO 8601 UTC to the second. */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The only incident document under incidents/ of a workspace (relative path). */
export function findIncident(workspace: string): string | undefined {
  const root = path.join(workspace, 'incidents');
  if (!fs.existsSync(root)) return undefined;
  for (const d of fs.readdirSync(root)) {
    const f = path.join(root, d, 'incident.md');
    if (fs.existsSync(f)) return path.relative(workspace, f).split(path.sep).join('/');
  }
  return undefined;
}

/** Seconds in a countdown text like "update in 29:58" or "overdue 3:12". */
export function clockSeconds(text: string): number {
  const m = /(\d+):(\d\d)(?::(\d\d))?\s*$/.exec(text);
  if (!m) return NaN;
  return m[3] !== undefined ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : Number(m[1]) * 60 + Number(m[2]);
}
