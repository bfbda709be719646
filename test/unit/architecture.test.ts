import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles, ROOT } from './helpers';

test('no file under src/core imports vscode', () => {
  const files = listFiles(path.join(ROOT, 'src', 'core'), (f) => f.endsWith('.ts'));
  assert.ok(files.length > 5, `expected core sources, found ${files.length}`);
  const offenders = files.filter((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(text);
  });
  assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
});

test('src/core uses no Node-only modules (it also runs in VS Code for the Web)', () => {
  const files = listFiles(path.join(ROOT, 'src', 'core'), (f) => f.endsWith('.ts'));
  const offenders = files.filter((f) => /from\s+['"](node:)?(fs|path|child_process|os)['"]/.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
});

test('src/extension uses no Node file-system or process modules (VS Code for the Web)', () => {
  const files = listFiles(path.join(ROOT, 'src', 'extension'), (f) => f.endsWith('.ts'));
  assert.ok(files.length > 0);
  const offenders = files.filter((f) => /from\s+['"](node:)?(fs|fs\/promises|child_process|os)['"]|require\(\s*['"](node:)?fs['"]\s*\)/.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
});
