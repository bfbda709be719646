// The extension, installed from the packaged sitrep.vsix with `code-server --install-extension` as a
// user installs it (npm test packages it first), activates in a workspace with incident documents
// and shows its views: the Incidents view, the learning report (webview) and the timeline picture
// in the Markdown preview.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editorSuite, repoRoot, waitUntil } from '../harness';
import { iso } from './incident-helpers';
import { flagPostmortem, frameWith } from './report-helpers';

const POSTMORTEM = 'postmortems/2026-11-02-cart-errors/postmortem.md';
const VSIX = process.env.SITREP_VSIX || path.join(repoRoot, 'sitrep.vsix');

editorSuite('activation', { fixture: 'incident-workspace', vsix: VSIX }, (scenario) => {
  scenario('the extension is installed from the .vsix, which holds the runtime files only', async (editor) => {
    const installed = editor.installedExtension;
    assert.ok(installed, 'installed');
    const record = JSON.parse(fs.readFileSync(path.join(editor.extensionsDir, 'extensions.json'), 'utf8')) as Array<{ identifier: { id: string }; metadata?: { source?: string } }>;
    assert.deepEqual(record.map((r) => [r.identifier.id, r.metadata?.source]), [['sitrep.sitrep', 'vsix']]);
    for (const f of ['dist/extension.js', 'dist/web/extension.js', 'media/icon.png', 'docs/rules/no-blame.md', 'schemas/baseline.schema.json']) {
      assert.ok(fs.existsSync(path.join(installed, f)), `${f} is in the .vsix`);
    }
    for (const f of ['src', 'test', 'node_modules', 'scripts', 'dist/cli.js', 'dist/extension.js.map', 'docs/testing.md']) {
      assert.ok(!fs.existsSync(path.join(installed, f)), `${f} is not in the .vsix`);
    }
  });

  scenario('the Sitrep view container is in the activity bar', async (editor) => {
    await editor.activityBarItem('Sitrep').waitFor({ state: 'visible', timeout: 30000 });
  });

  scenario('opening Sitrep shows the Incidents and Action items views', async (editor) => {
    await editor.openViewContainer('Sitrep');
    await editor.viewPane('Incidents').waitFor({ state: 'visible', timeout: 15000 });
    await editor.viewPane('Action items').waitFor({ state: 'visible', timeout: 15000 });
  });

  scenario('the activated extension lists the workspace incident in the Incidents view', async (editor) => {
    await editor.openViewContainer('Sitrep');
    const items = await editor.waitForTreeItem('Incidents', /Checkout returns 5xx/, 30000);
    const row = items.find((i) => /Checkout returns 5xx/.test(i.label))!;
    // A top-level row with its severity and the countdown the status bar shows too.
    assert.equal(row.level, 1);
    assert.match(row.description, /^SEV2 · .*update (in|overdue) /);
  });

  scenario('the learning report follows new postmortems: a standards candidate, a chart, and a click opens the factor line', async (editor) => {
    await editor.activityBarItem('Sitrep').waitFor({ state: 'visible', timeout: 30000 });
    await editor.runCommand('Sitrep: Open Learning Report');
    const report = await frameWith(editor, '#sr-main', 30000);
    await report.locator('h1', { hasText: 'Learning report' }).waitFor({ state: 'visible', timeout: 15000 });
    // Three postmortems with the same feature-flag rollout gap arrive on disk; the open report refreshes.
    for (const n of [1, 2, 3]) {
      const file = path.join(editor.workspace, 'postmortems', `flag-rollout-${n}.md`);
      fs.writeFileSync(file, flagPostmortem(n, 5 * n, iso));
    }
    const candidate = report.locator('article.sr-candidate[data-class="trigger:feature-flag"]');
    await candidate.waitFor({ state: 'visible', timeout: 30000 });
    assert.match(await candidate.locator('h3').innerText(), /Feature flag\s*→\s*Safe change/);
    assert.equal(await candidate.locator('button.sr-count').innerText(), '3');
    const chart = report.locator('svg[data-chart="classes"]');
    await chart.waitFor({ state: 'visible', timeout: 5000 });
    assert.ok((await chart.locator('rect.sr-bar.sr-hot').count()) >= 1, 'candidates are highlighted in the chart');
    // A count lists the documents behind it.
    await candidate.locator('button.sr-count').click();
    await report.locator('#sr-pop a.sr-doc').nth(2).waitFor({ state: 'visible', timeout: 5000 });
    assert.equal(await report.locator('#sr-pop a.sr-doc').count(), 3);
    await report.locator('#sr-pop .sr-close').click();
    // The evidence line of the newest postmortem opens the document at that line.
    const link = candidate.locator('ul.sr-evidence ul a.sr-doc').first();
    const file = await link.getAttribute('data-path');
    const line = Number(await link.getAttribute('data-line'));
    assert.equal(file, 'postmortems/flag-rollout-1.md');
    const written = fs.readFileSync(path.join(editor.workspace, file!), 'utf8').split('\n');
    assert.match(written[line - 1], /^- \*\*rollout-control:\*\* The feature flag went to every user at once \(case 1\)/);
    await link.click();
    await editor.activeTab('flag-rollout-1.md').waitFor({ state: 'visible', timeout: 15000 });
    await waitUntil(async () => (await editor.statusBarTexts()).find((t) => new RegExp(`^Ln ${line}, Col 1\\b`).test(t)), {
      timeout: 10000,
      message: `the cursor on line ${line}`,
    });
  });

  scenario('the Markdown preview of the postmortem draws its timeline picture', async (editor) => {
    await editor.openFile(POSTMORTEM);
    await editor.runCommand('Markdown: Open Preview');
    const preview = await frameWith(editor, '.sitrep-timeline svg[data-chart="timeline"]', 30000);
    const strip = preview.locator('.sitrep-timeline svg[data-chart="timeline"]');
    await strip.waitFor({ state: 'visible', timeout: 10000 });
    assert.deepEqual(await strip.locator('[data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark'))), ['start', 'detected', 'mitigated', 'resolved']);
    const text = await strip.innerText().catch(async () => (await strip.textContent()) ?? '');
    assert.match(text, /TTM 42 min/);
    assert.match(text, /Mitigated 09:52Z/);
    // The picture sits under the title, and the file on disk is unchanged.
    const order = await preview.evaluate(
      "(() => { const h1 = document.querySelector('h1'); const pic = document.querySelector('.sitrep-timeline'); return !!h1 && !!pic && (h1.compareDocumentPosition(pic) & 4) !== 0; })()",
    );
    assert.ok(order, 'the timeline follows the title');
    assert.doesNotMatch(editor.readWorkspaceFile(POSTMORTEM), /sitrep-timeline|<svg/);
  });
});
