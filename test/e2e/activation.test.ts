// The extension activates in a workspace with incident documents and shows its views.
import * as assert from 'node:assert/strict';
import { editorSuite } from '../harness';

editorSuite('activation', { fixture: 'incident-workspace' }, (scenario) => {
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
});
