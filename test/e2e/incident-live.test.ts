// The live incident workflow through the real UI (palette, quick inputs, status bar, views,
// Problems): declare a SEV1 solo, log from a selection, post an update, hand over a role, resolve,
// start the postmortem, add an action item. Scenarios run in order against one editor.
import * as assert from 'node:assert/strict';
import { editorSuite, waitUntil } from '../harness';
import { clockSeconds, findIncident, iso, makeFixture } from './incident-helpers';

const fixture = makeFixture('live', {
  // A language the editor has no checker for, so the Problems panel holds only Sitrep's findings.
  'src/pay.go': ['func Charge(amount int) error {', '\treturn client.Post("/charge", amount, 2*time.Second)', '}', ''].join('\n'),
  'README.md': '# Shop\n',
});

let incident = '';
const TITLE = 'Checkout returns 5xx';

editorSuite('incident live workflow', { fixture, settings: { 'sitrep.responderHandle': '@maria' } }, (scenario) => {
  scenario('declare a SEV1 solo: the status bar counts down from about 30:00', async (editor) => {
    // The extension's contributions are registered once its activity-bar entry shows.
    await editor.activityBarItem('Sitrep').waitFor({ state: 'visible', timeout: 30000 });
    await editor.runCommand('Sitrep: Declare Incident');
    await editor.answerQuickInput(TITLE, 'Declare Incident: title');
    await editor.pickQuickItem('SEV1', 'Declare Incident: severity');
    await editor.answerQuickInput('About 30% of EU checkouts fail with 5xx', 'Declare Incident: impact');
    await editor.pickQuickItem('Solo: I hold all roles', 'Declare Incident: roles');
    await editor.answerQuickInput('@maria', 'Declare Incident: your handle');
    await editor.pickQuickItem('No', 'security, privacy or data exposure');
    const first = await editor.waitForStatusBarText(/SEV1 checkout-returns-5xx · update in \d+:\d\d/, 20000);
    const s1 = clockSeconds(first);
    assert.ok(s1 > 29 * 60 && s1 <= 30 * 60, `expected about 30:00, got ${first}`);
    // It ticks: a later reading is lower.
    const later = await waitUntil(async () => {
      const t = (await editor.statusBarTexts()).find((x) => x.includes('checkout-returns-5xx'));
      return t && clockSeconds(t) < s1 ? t : undefined;
    }, { timeout: 5000, message: 'the countdown to tick' });
    assert.match(later, /update in 29:\d\d/);
    incident = findIncident(editor.workspace) ?? '';
    assert.ok(incident, 'an incident document was created under incidents/');
    const text = editor.readWorkspaceFile(incident);
    assert.match(text, /^type: incident$/m);
    assert.match(text, /^severity: SEV1$/m);
    for (const role of ['commander', 'operations', 'communications', 'scribe']) assert.match(text, new RegExp(`^  ${role}: "@maria"$`, 'm'));
    assert.match(text, /^  solo: true$/m);
    assert.match(text, /^update_cadence_minutes: 30$/m);
    assert.match(text, /^- \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \[decision\] Declared SEV1/m);
  });

  scenario('log an entry from a selection: the file:line source is recorded', async (editor) => {
    await editor.openFile('src/pay.go');
    await editor.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await editor.page.keyboard.press('Control+Home');
    await editor.page.keyboard.press('ArrowDown');
    await editor.page.keyboard.press('Shift+End');
    await editor.runCommand('Sitrep: Log Timeline Entry');
    await editor.pickQuickItem('fact', 'Log Timeline Entry: kind');
    await editor.answerQuickInput('Payment client times out after 2 s', 'Log Timeline Entry: fact');
    await editor.pickQuickItem('Source: src/pay.go:2', 'Log Timeline Entry: source');
    await waitUntil(() => editor.readWorkspaceFile(incident).includes('[fact] Payment client times out after 2 s (source: src/pay.go:2)'), {
      message: 'the timeline entry with its source in the incident file',
    });
  });

  scenario('post a status update: the countdown resets to the promised time', async (editor) => {
    const next = iso(Date.now() + 10 * 60_000 + 30_000);
    await editor.runCommand('Sitrep: Post Status Update');
    await editor.answerQuickInput('EU checkout 5xx since 09:50; payment client timeouts', '(1/5): known');
    await editor.answerQuickInput('Why the payment provider slowed down', '(2/5): unknown');
    await editor.answerQuickInput('About 30% of EU checkouts fail', '(3/5): impact');
    await editor.answerQuickInput('Raising the client timeout to 5 s', '(4/5): mitigation');
    await editor.answerQuickInput(next, '(5/5): next update');
    // Between 9:30 and 10:30 left: the countdown counts to the promised time, not the cadence.
    await editor.waitForStatusBarText(/checkout-returns-5xx · update in (9:[3-5]\d|10:[0-2]\d|10:30)$/, 15000);
    // The buffer is saved right after the edit; wait for the file to have it.
    const text = await waitUntil(() => {
      const x = editor.readWorkspaceFile(incident);
      return x.includes(`next_update_due: ${next}`) && x.includes('### ') && x;
    }, { message: 'the status update in the saved incident file' });
    assert.match(text, new RegExp(`^next_update_due: ${next}$`, 'm'));
    assert.match(text, /^- \*\*Known:\*\* EU checkout 5xx since 09:50; payment client timeouts$/m);
    assert.match(text, new RegExp(`^- \\*\\*Next update:\\*\\* ${next}$`, 'm'));
    assert.match(text, /\[status-update\] Status update posted; next update by/);
    await editor.waitForNotification(/Status update posted/);
  });

  scenario('hand over a role: a complete checkpoint packet is written', async (editor) => {
    await editor.runCommand('Sitrep: Assign / Hand Over Role');
    await editor.pickQuickItem('commander', 'Hand Over Role');
    await editor.answerQuickInput('@sam', 'new commander');
    await editor.pickQuickItem('Write checkpoint', 'Checkpoint: handover');
    const text = await waitUntil(() => {
      const t = editor.readWorkspaceFile(incident);
      return /handover: commander @maria → @sam/.test(t) && t;
    }, { message: 'the checkpoint in the incident file' });
    const block = text.slice(text.indexOf('## Checkpoints'));
    assert.match(block, /^### \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ — handover: commander @maria → @sam$/m);
    for (const label of ['State', 'Hypothesis', 'Customer impact', 'In-flight actions', 'Decision point', 'Comms cadence', 'Next decision point']) {
      assert.match(block, new RegExp(`^- \\*\\*${label}:\\*\\* \\S`, 'm'), `${label} filled in`);
    }
    assert.match(text, /^  commander: "@sam"$/m);
    assert.match(text, /^  solo: false$/m);
    assert.match(text, /\[role-change\] commander: @maria → @sam/);
  });

  scenario('resolve: the incident leaves the active list', async (editor) => {
    await editor.openViewContainer('Sitrep');
    const before = await editor.waitForTreeItem('Incidents', TITLE);
    assert.ok(before.some((i) => i.label === TITLE && i.level === 1 && /SEV1/.test(i.description)));
    await editor.runCommand('Sitrep: Mark Resolved');
    await editor.answerQuickInput('Client timeout raised to 5 s; provider recovered', 'Mark Resolved:');
    await editor.answerQuickInput('EU checkout success rate back at 99.8%', 'user-visible metric');
    await editor.answerQuickInput('payment client error rate at baseline', 'internal health');
    await waitUntil(async () => {
      const items = await editor.treeItems('Incidents');
      return !items.some((i) => i.label === TITLE && i.level === 1) && items.some((i) => i.label === 'Resolved');
    }, { message: 'the incident to leave the active list' });
    await waitUntil(async () => !(await editor.statusBarTexts()).some((t) => t.includes('checkout-returns-5xx')), { message: 'the countdown to go away' });
    const text = editor.readWorkspaceFile(incident);
    assert.match(text, /^status: resolved$/m);
    assert.match(text, /^resolved: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
    assert.match(text, /^recovery_signal: "user-visible: EU checkout success rate back at 99.8%; internal health: payment client error rate at baseline"$/m);
  });

  scenario('start a postmortem: its findings appear in Problems', async (editor) => {
    await editor.runCommand('Sitrep: Start Postmortem');
    await editor.answerQuickInput('@maria, @sam', 'Start Postmortem');
    const pm = incident.replace(/incident\.md$/, 'postmortem.md');
    await editor.activeTab('postmortem.md').waitFor({ state: 'visible', timeout: 15000 });
    const text = editor.readWorkspaceFile(pm);
    assert.match(text, /^type: postmortem$/m);
    assert.match(text, /time to resolve: /);
    assert.match(text, /\[fact\] Payment client times out after 2 s \(source: src\/pay\.go:2\)/);
    assert.match(text, /^\| ID \| Action \| Owner \| Due \| Category \| Verification \| Status \|$/m);
    // The fresh postmortem's empty sections are findings until someone writes them.
    await editor.waitForProblem((p) => p.file === 'postmortem.md' && p.source === 'sitrep' && p.code === 'required-sections', 30000);
    assert.match(editor.readWorkspaceFile(incident), /^postmortem: postmortem\.md$/m);
  });

  scenario('add an action item: the Action items view shows it', async (editor) => {
    await editor.openFile(incident.replace(/incident\.md$/, 'postmortem.md'));
    await editor.runCommand('Sitrep: Add Action Item');
    await editor.answerQuickInput('Alert on EU checkout 5xx rate above 1% for 5 min', '(1/5): action');
    await editor.answerQuickInput('@maria', '(2/5): owner');
    await editor.answerQuickInput('2099-01-15', '(3/5): due date');
    await editor.pickQuickItem('detect', '(4/5): category');
    await editor.answerQuickInput('alert fires in the staging game day', '(5/5): verification');
    await editor.openViewContainer('Sitrep');
    const items = await editor.waitForTreeItem('Action items', 'A1: Alert on EU checkout 5xx rate above 1% for 5 min', 20000);
    const row = items.find((i) => i.label.startsWith('A1:'))!;
    assert.match(row.description, /@maria · due 2099-01-15 · detect/);
    assert.match(editor.readWorkspaceFile(incident.replace(/incident\.md$/, 'postmortem.md')), /^\| A1 \| Alert on EU checkout 5xx rate above 1% for 5 min \| @maria \| 2099-01-15 \| detect \| alert fires in the staging game day \| open \|$/m);
  });

  scenario('clicking an action item reveals its exact row', async (editor) => {
    const pm = incident.replace(/incident\.md$/, 'postmortem.md');
    const rowLine = editor.readWorkspaceFile(pm).split('\n').findIndex((l) => l.startsWith('| A1 |')) + 1;
    await editor.openFile('src/pay.go');
    await editor.openViewContainer('Sitrep');
    const pane = await editor.expandView('Action items');
    await pane.locator('.monaco-list-row', { hasText: 'A1: Alert on EU checkout' }).first().click();
    await editor.activeTab('postmortem.md').waitFor({ state: 'visible', timeout: 10000 });
    await editor.waitForStatusBarText(new RegExp(`Ln ${rowLine}, Col \\d+`), 10000);
  });

  scenario('a security incident takes the protected track: stored outside the workspace, locked, named by id', async (editor) => {
    await editor.runCommand('Sitrep: Declare Incident');
    await editor.answerQuickInput('Session tokens exposed in logs', 'Declare Incident: title');
    await editor.pickQuickItem('SEV1', 'Declare Incident: severity');
    await editor.answerQuickInput('Unknown number of sessions exposed', 'Declare Incident: impact');
    await editor.pickQuickItem('Solo: I hold all roles', 'Declare Incident: roles');
    await editor.answerQuickInput('@maria', 'Declare Incident: your handle');
    // Filter and press Enter: a hover left over the first row can cover the second one.
    const widget = await editor.waitForQuickInput('security, privacy or data exposure');
    await editor.page.mouse.move(5, 880);
    const input = widget.locator('.quick-input-box input');
    await input.fill('Yes: protected track');
    await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Yes: protected track' }).first().waitFor({ state: 'visible', timeout: 5000 });
    await input.press('Enter');
    await editor.waitForStatusBarText(/SEV1 restricted · update in \d+:\d\d/, 20000);
    await editor.activeTab('incident.md').waitFor({ state: 'visible', timeout: 10000 });
    // Nothing new in the workspace: the only incident folder there is the first one.
    assert.equal(findIncident(editor.workspace), incident);
    const items = await editor.waitForTreeItem('Incidents', 'Session tokens exposed in logs');
    assert.ok(items.some((i) => i.label === 'Session tokens exposed in logs' && i.level === 1 && /restricted/.test(i.ariaLabel)));
    const lock = editor.viewPane('Incidents').locator('.monaco-list-row', { hasText: 'Session tokens exposed in logs' }).locator('.codicon-lock');
    await lock.first().waitFor({ state: 'visible', timeout: 5000 });
  });
});
