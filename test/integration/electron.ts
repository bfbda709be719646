// Runs the integration suite (test/integration/index.ts) in a desktop VS Code through
// @vscode/test-electron, for machines that have one: set SITREP_VSCODE_EXECUTABLE to its binary.
// (Desktop VS Code cannot be downloaded on the project's own machines; there the suite runs in
// code-server, see test/harness/integration.ts.) Same results file format as the code-server run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { IntegrationResults } from './index';

export async function runIntegrationInElectron(executable: string, repoRoot: string, grep?: string): Promise<IntegrationResults> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-electron-'));
  try {
    const workspace = path.join(runDir, 'workspace');
    fs.cpSync(path.join(repoRoot, 'test', 'integration', 'fixture'), workspace, { recursive: true });
    const resultsFile = path.join(runDir, 'sitrep-integration-results.json');
    try {
      await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
        extensionTestsEnv: { SITREP_TEST_RESULTS: resultsFile, ...(grep ? { SITREP_TEST_GREP: grep } : {}) },
        launchArgs: [
          workspace,
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          '--user-data-dir', path.join(runDir, 'user-data'),
          '--extensions-dir', path.join(runDir, 'extensions'),
        ],
      });
    } catch (err) {
      // runTests rejects when the suite fails; the results file says why. Without one, rethrow.
      if (!fs.existsSync(resultsFile)) throw err;
    }
    if (!fs.existsSync(resultsFile)) throw new Error('VS Code exited without writing integration results');
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as IntegrationResults;
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
