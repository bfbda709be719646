/**
 * No unused exports: every name exported from src/ (bundle entry points aside) is used by another
 * file of the repository (source, tests, benchmarks or scripts). An export nobody imports is either
 * dead code or a local that should not be exported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ENTRY = new Set(['src/extension/main.ts', 'src/cli/main.ts', 'src/extension/worker/main.ts']);

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = `${d}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== 'fixtures' && e.name !== 'node_modules') walk(rel);
      } else if (ext.test(e.name)) out.push(rel);
    }
  };
  walk(dir);
  return out;
}

test('every export of src/ is used by another file', () => {
  const sources = files('src', /\.ts$/);
  const all = [...sources, ...files('test', /\.ts$/), ...files('bench', /\.ts$/), ...files('scripts', /\.(?:ts|js)$/)];
  const text = new Map(all.map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')]));
  const unused: string[] = [];
  for (const f of sources) {
    if (ENTRY.has(f)) continue;
    for (const m of text.get(f)!.matchAll(/^export (?:async )?(?:function|const|class|interface|type|enum) ([A-Za-z_]\w*)/gm)) {
      const word = new RegExp(`\\b${m[1]}\\b`);
      if (![...text].some(([g, t]) => g !== f && word.test(t))) unused.push(`${f}: ${m[1]}`);
    }
  }
  assert.ok(sources.length > 50, 'the sources were found');
  assert.deepEqual(unused, []);
});
