/** Shared test helpers: repository paths and fixture loading. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Repository root (tests run from out/test/unit). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

export function read(rel: string): string {
  return fs.readFileSync(path.join(ROOT, rel), 'utf8');
}

export function listFiles(dir: string, filter: (f: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (filter(p)) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

/** Markdown code blocks (```markdown … ```) in a text. */
export function markdownBlocks(text: string): string[] {
  return [...text.matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1]);
}
