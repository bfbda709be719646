// npm start's first screen: a copy of examples/ with its clock moved to now, opened with the
// postmortem as npm start opens it, is the screen the README shows — the Sitrep view, the active
// incident, the postmortem and the Problems panel, with the countdown in the status bar. How soon
// after the page loaded the countdown showed is printed (a measurement, not a bound: this
// machine's load decides it; see docs/testing.md).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { editorSuite, waitUntil } from '../harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareDemoWorkspace } = require(path.join(__dirname, '..', '..', '..', 'scripts', 'lib', 'demo.js')) as { prepareDemoWorkspace(from: string, to: string): number };

const demo = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-fixture-demo-'));
prepareDemoWorkspace(path.join(__dirname, '..', '..', '..', 'examples'), demo);
process.once('exit', () => fs.rmSync(demo, { recursive: true, force: true }));

editorSuite('first screen', { fixture: demo, openFile: 'incidents/2026-10-14-search-latency/postmortem.md' }, (scenario) => {
  scenario("npm start's first screen: the countdown, the active incident, the postmortem, Problems", async (editor) => {
    await editor.waitForStatusBarText(/SEV2 Checkout returns 5xx… · update in \d+:\d\d/, 30000);
    const seen = await editor.statusBarFirstSeen(/SEV2 Checkout returns 5xx… · update in/);
    assert.ok(seen, 'the countdown was noticed');
    console.log(`[first screen] countdown shown ${seen.sinceLoad} ms after the page's load event (${seen.sinceNavigation} ms after navigation started)`);
    // The active incident is the open editor, the postmortem a tab beside it.
    await editor.activeTab('incident.md').waitFor({ state: 'visible', timeout: 15000 });
    await editor.page.locator('.tabs-container .tab', { hasText: 'postmortem.md' }).first().waitFor({ state: 'visible', timeout: 5000 });
    // The Sitrep view shows the incident; the Problems panel shows the postmortem's findings.
    await editor.page.locator('.part.sidebar .composite.title', { hasText: /sitrep/i }).waitFor({ state: 'visible', timeout: 10000 });
    const items = await editor.waitForTreeItem('Incidents', /Checkout returns 5xx/, 15000);
    assert.ok(items.some((i) => i.level === 1 && /^SEV2 · .*update in /.test(i.description)));
    await editor.page.locator('.part.panel .markers-panel').first().waitFor({ state: 'visible', timeout: 10000 });
    await waitUntil(async () => (await editor.problems()).some((p) => p.file === 'postmortem.md' && p.source === 'sitrep'), { timeout: 20000, message: 'the postmortem findings in Problems' });
  });
});
