// Runs the integration suite (test/integration/index.ts, compiled to out/) inside the extension
// host of a real code-server, through the workbench URL `payload` (extensionDevelopmentPath +
// extensionTestsPath), and reads back the results file the suite writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Editor, waitUntil } from './editor';
import { fixturesDir, repoRoot } from './paths';

// The results file's shape is the suite's own (type-only import: nothing of it loads here).
import type { IntegrationResults } from '../integration/index';
export type { IntegrationResults };

export interface IntegrationOptions {
  /** Workspace folder to copy and open (default test/integration/fixture). */
  fixture?: string;
  /** Extension under development (default: $SITREP_EXTENSION_ROOT, else this repository, which must be built). */
  extensionRoot?: string;
  /** Compiled suite module exporting run() (default out/test/integration/index.js). */
  testsPath?: string;
  /** Upper bound for the whole suite (default 120 s). */
  timeoutMs?: number;
  /** Only run tests whose full title matches (mocha grep). */
  grep?: string;
}

export async function runIntegrationSuite(opts: IntegrationOptions = {}): Promise<IntegrationResults> {
  const extensionRoot = opts.extensionRoot || process.env.SITREP_EXTENSION_ROOT || repoRoot;
  const testsPath = opts.testsPath || path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(testsPath)) throw new Error(`${testsPath} is missing: run \`npm run compile-tests\` first.`);
  const fixture = opts.fixture || path.join(repoRoot, 'test', 'integration', 'fixture');
  let resultsFile = '';
  const editor = await Editor.start({
    label: 'integration',
    fixture: path.isAbsolute(fixture) ? fixture : path.join(fixturesDir, fixture),
    installExtension: false,
    env: {
      // code-server's extension host inherits the server's environment; the suite also falls back
      // to a file beside the workspace folder.
      SITREP_TEST_RESULTS: '',
      ...(opts.grep ? { SITREP_TEST_GREP: opts.grep } : {}),
    },
    payload: (remote) => [
      ['extensionDevelopmentPath', remote(extensionRoot)],
      ['extensionTestsPath', remote(testsPath)],
    ],
  });
  try {
    resultsFile = path.join(editor.runDir, 'sitrep-integration-results.json');
    const timeout = opts.timeoutMs || 120000;
    // Done when the results file appears, or the extension host exits without writing one.
    await waitUntil(
      () => fs.existsSync(resultsFile) || /Extension Host Process exited/i.test(editor.serverOutput) || undefined,
      { timeout, interval: 200, message: 'the integration suite to finish' },
    ).catch(async (err: Error) => {
      await editor.saveArtifacts('timeout').catch(() => undefined);
      throw err;
    });
    // The host may still be flushing the file when its exit is logged: give it a bounded moment.
    if (!fs.existsSync(resultsFile)) {
      await waitUntil(() => fs.existsSync(resultsFile) || undefined, { timeout: 3000, message: 'the results file' }).catch(() => undefined);
    }
    if (!fs.existsSync(resultsFile)) {
      await editor.saveArtifacts('no-results').catch(() => undefined);
      throw new Error(`the extension host ended without writing results. Server output:\n${editor.serverOutput.slice(-4000)}`);
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as IntegrationResults;
    if (results.failed > 0) await editor.saveArtifacts('failed').catch(() => undefined);
    return results;
  } finally {
    await editor.stop();
  }
}
