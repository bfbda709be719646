// CLI: node out/test/harness/run-integration.js [--json <file>] [--grep <pattern>]
// Runs the integration suite in code-server (or, with SITREP_VSCODE_EXECUTABLE, in that desktop VS
// Code via @vscode/test-electron) and prints one line per test; exit 1 on failure.
import * as fs from 'node:fs';
import { runIntegrationInElectron } from '../integration/electron';
import { runIntegrationSuite } from './integration';
import { repoRoot } from './paths';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const json = opt('--json');
  try {
    // With SITREP_VSCODE_EXECUTABLE (a desktop VS Code), the same suite runs via @vscode/test-electron.
    const desktop = process.env.SITREP_VSCODE_EXECUTABLE;
    if (desktop) console.log(`integration: desktop VS Code ${desktop}`);
    const r = desktop
      ? await runIntegrationInElectron(desktop, repoRoot, opt('--grep'))
      : await runIntegrationSuite({ grep: opt('--grep') });
    for (const t of r.tests) {
      const ms = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
      console.log(`${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}${ms}`);
    }
    console.log(`suite ran in ${(r.durationMs / 1000).toFixed(1)} s inside the extension host`);
    for (const f of r.failures) console.log(`\n${f.title}\n${f.error}`);
    if (json) fs.writeFileSync(json, JSON.stringify(r));
    return r.failed > 0 ? 1 : 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.log(`FAIL integration suite did not complete: ${message}`);
    if (json) fs.writeFileSync(json, JSON.stringify({ passed: 0, failed: 1, skipped: 0, failures: [{ title: 'integration suite', error: message }], tests: [] }));
    return 1;
  }
}

void main().then((code) => process.exit(code));
