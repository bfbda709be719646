// Integration suite entry: runs every out/test/integration/**/*.test.js with mocha (tdd UI:
// suite/test) inside the real extension host, with the real `vscode` API.
//
// Loaded either by code-server through the workbench URL `payload` (extensionTestsPath; see
// test/harness/integration.ts) or by @vscode/test-electron (test/integration/electron.ts).
// Results (counts, failures) are written as JSON to the file named by SITREP_TEST_RESULTS, else to
// `sitrep-integration-results.json` beside the workspace folder, for the harness to read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface IntegrationResults {
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
  failures: Array<{ title: string; error: string }>;
  tests: Array<{ title: string; state: 'passed' | 'failed' | 'skipped'; durationMs?: number }>;
}

function resultsFile(): string | undefined {
  if (process.env.SITREP_TEST_RESULTS) return process.env.SITREP_TEST_RESULTS;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && folder.uri.scheme === 'file') return path.join(path.dirname(folder.uri.fsPath), 'sitrep-integration-results.json');
  return undefined;
}

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(p));
    else if (entry.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

export async function run(): Promise<void> {
  const started = Date.now();
  const results: IntegrationResults = { passed: 0, failed: 0, skipped: 0, durationMs: 0, failures: [], tests: [] };
  const file = resultsFile();
  const write = () => {
    results.durationMs = Date.now() - started;
    if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
  };
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, reporter: 'spec' });
  if (process.env.SITREP_TEST_GREP) mocha.grep(process.env.SITREP_TEST_GREP);
  for (const f of testFiles(__dirname)) mocha.addFile(f);
  try {
    await mocha.loadFilesAsync();
  } catch (err) {
    results.failed++;
    results.failures.push({ title: 'loading integration test files', error: err instanceof Error ? err.stack || err.message : String(err) });
    write();
    throw err;
  }
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => {
      results.passed++;
      results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
    });
    runner.on('fail', (t, err: Error) => {
      results.failed++;
      results.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration });
      results.failures.push({ title: t.fullTitle(), error: err && (err.stack || err.message) ? String(err.stack || err.message) : String(err) });
    });
    runner.on('pending', (t) => {
      results.skipped++;
      results.tests.push({ title: t.fullTitle(), state: 'skipped' });
    });
  });
  write();
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}
