// The live incident workflow through the real UI (palette, quick inputs, status bar, views,
// Problems): declare a SEV1 solo (impact started -15m), log from a selection, set up a chat
// webhook and post an update that is published to a receiver this test runs on 127.0.0.1, undo
// it, hand over a role, resolve with the all-clear, start the postmortem, add an action item;
// then Back, Escape and resume in Declare with times typed as people say them. Scenarios run in
// order against one editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { editorSuite, waitUntil } from '../harness';
import { clockSeconds, findIncident, iso, makeFixture } from './incident-helpers';

// The team's chat, as far as Sitrep can tell: an incoming webhook on this machine.
const received: Array<Record<string, unknown>> = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    received.push(JSON.parse(body) as Record<string, unknown>);
    res.writeHead(200).end('ok');
  });
});
let webhookUrl = '';
before(async () => {
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T000/B000/sitrep`;
});
after(() => new Promise<void>((r) => receiver.close(() => r())));

const fixture = makeFixture('live', {
  // A language the editor has no checker for, so the Problems panel holds only Sitrep's findings.
  'src/pay.go': ['func Charge(amount int) error {', '\treturn client.Post("/charge", amount, 2*time.Second)', '}', ''].join('\n'),
  'README.md': '# Shop\n',
});

let incident = '';

/** Files under `dir` whose text holds `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile() && fs.readFileSync(f, 'utf8').includes(needle));
}

/** The next 15:45 on this machine's clock (the editor's extension host runs here, in the same zone). */
function next1545(now: number): number {
  const d = new Date(now);
  d.setHours(15, 45, 0, 0);
  if (d.getTime() <= now) d.setDate(d.getDate() + 1);
  return d.getTime();
}
const TITLE = 'Checkout returns 5xx';

editorSuite('incident live workflow', { fixture, settings: { 'sitrep.responderHandle': '@maria' } }, (scenario) => {
  scenario('declare a SEV1 solo, impact started -15m: the status bar counts down from about 30:00', async (editor) => {
    // The extension's contributions are registered once its activity-bar entry shows.
    await editor.activityBarItem('Sitrep').waitFor({ state: 'visible', timeout: 30000 });
    await editor.runCommand('Sitrep: Declare Incident');
    await editor.answerQuickInput(TITLE, 'Declare Incident: title');
    await editor.pickQuickItem('SEV1', 'Declare Incident: severity');
    await editor.answerQuickInput('About 30% of EU checkouts fail with 5xx', 'Declare Incident: impact');
    const declaredAt = Date.now();
    await editor.answerQuickInput('-15m', 'when did impact start');
    await editor.pickQuickItem('Alert', 'how was it detected');
    await editor.pickQuickItem('Solo: I hold all roles', 'Declare Incident: roles');
    // The handle is remembered from the setting; Enter takes it.
    assert.equal(await editor.quickInputValue(), '@maria');
    await editor.acceptQuickInput('Declare Incident: your handle');
    // The first update defaults to one cadence ahead: Enter takes it.
    await editor.acceptQuickInput('first status update due');
    await editor.pickQuickItem('No', 'security, privacy or data exposure');
    const first = await editor.waitForStatusBarText(/SEV1 Checkout returns 5xx · update in \d+:\d\d/, 20000);
    const s1 = clockSeconds(first);
    assert.ok(s1 > 29 * 60 && s1 <= 30 * 60, `expected about 30:00, got ${first}`);
    // It ticks: a later reading is lower.
    const later = await waitUntil(async () => {
      const t = (await editor.statusBarTexts()).find((x) => x.includes('Checkout returns 5xx'));
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
    assert.match(text, /^detected_by: alert$/m);
    assert.match(text, /\[detection\] Detected by alert; impact started .* \(time to detect 15 min\)\./);
    const started = Date.parse(/^started: (\S+)$/m.exec(text)?.[1] ?? '');
    assert.ok(Math.abs(started - (declaredAt - 15 * 60_000)) < 90_000, `impact started about 15 min before declaring, got ${new Date(started).toISOString()}`);
  });

  scenario('log an entry from a selection: the file:line source is recorded', async (editor) => {
    await editor.openFile('src/pay.go');
    await editor.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await editor.page.keyboard.press('Control+Home');
    await editor.page.keyboard.press('ArrowDown');
    await editor.page.keyboard.press('Shift+End');
    await editor.runCommand('Sitrep: Log Timeline Entry');
    // Kinds by use: fact, action, decision, hypothesis first; no bookkeeping kinds.
    const kinds = await editor.quickPickItems();
    assert.deepEqual(kinds.slice(0, 4), ['fact', 'action', 'decision', 'hypothesis']);
    assert.ok(!kinds.includes('status-update') && !kinds.includes('checkpoint'), kinds.join());
    await editor.pickQuickItem('fact', 'Log Timeline Entry: kind');
    // The selection is the source, not the text.
    assert.equal(await editor.quickInputValue(), '');
    await editor.answerQuickInput('Payment client times out after 2 s', 'Source: src/pay.go:2');
    // Logging from another file: one confirmation of the incident and the source.
    await editor.pickQuickItem(`Log to ${TITLE}`, 'log to');
    await waitUntil(() => editor.readWorkspaceFile(incident).includes('[fact] Payment client times out after 2 s (source: src/pay.go:2)'), {
      message: 'the timeline entry with its source in the incident file',
    });
  });

  scenario('set up a chat webhook: Slack, its URL kept in secret storage', async (editor) => {
    await editor.runCommand('Sitrep: Set Up Chat Webhook');
    await editor.pickQuickItem('Slack', 'which chat');
    await editor.answerQuickInput('#incidents', 'Set Up Chat Webhook: name');
    await editor.answerQuickInput(webhookUrl, 'URL');
    await editor.pickQuickItem('No', 'may restricted incidents publish');
    await editor.waitForNotification(/can now be published to #incidents/);
    // Not in the settings, not in the workspace, not in the user settings.
    assert.deepEqual(filesContaining(editor.workspace, webhookUrl), []);
    assert.deepEqual(filesContaining(path.join(editor.userDataDir, 'User'), webhookUrl), []);
  });

  scenario('post a status update: the countdown resets to the promised time, and it is published to chat', async (editor) => {
    const next = iso(Date.now() + 10 * 60_000 + 30_000);
    await editor.runCommand('Sitrep: Post Status Update');
    await editor.answerQuickInput('EU checkout 5xx since 09:50; payment client timeouts', ': known');
    await editor.answerQuickInput('Why the payment provider slowed down', ': unknown');
    await editor.answerQuickInput('About 30% of EU checkouts fail', ': impact');
    await editor.answerQuickInput('Raising the client timeout to 5 s', ': mitigation');
    await editor.answerQuickInput(next, ': next update');
    await editor.pickQuickItem('Publish to #incidents', 'publish to chat');
    // Between 9:30 and 10:30 left: the countdown counts to the promised time, not the cadence.
    await editor.waitForStatusBarText(/Checkout returns 5xx · update in (9:[3-5]\d|10:[0-2]\d|10:30)$/, 15000);
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
    // Saved first, then published: the receiver has the chat-ready message.
    const got = await waitUntil(() => received.find((p) => String(p.text).includes('Raising the client timeout to 5 s')), { message: 'the update at the webhook receiver' });
    assert.match(String(got.text), /^\[SEV1\] Checkout returns 5xx\ninvestigating · update \d\d:\d\d .* · commander @maria\nKnown: EU checkout 5xx since 09:50; payment client timeouts\n/);
    assert.match(String(got.text), /\nNext update by \d\d:\d\d /);
    assert.ok(Array.isArray(got.blocks) && (got.blocks as unknown[]).length === 4);
    assert.doesNotMatch(JSON.stringify(got), /incidents\/|checkout-returns-5xx-/, 'no ids or paths');
  });

  scenario('undoing the update closes its notification and brings the countdown back', async (editor) => {
    await editor.openFile(incident);
    await editor.waitForNotification(/Status update posted/);
    await editor.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await editor.page.keyboard.press('Control+z');
    await waitUntil(async () => !(await editor.notifications()).some((n) => /Status update posted/.test(n)), { message: 'the "posted" notification to close' });
    // Counting to the declaration's first update again (about 30 min from then), not to the undone promise.
    await editor.waitForStatusBarText(/Checkout returns 5xx · update in 2\d:\d\d$/, 10000);
    await editor.page.keyboard.press('Control+Shift+z');
    await editor.waitForStatusBarText(/Checkout returns 5xx · update in \d:\d\d$|update in 10:\d\d$/, 10000);
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

  scenario('move to monitoring: a status update is offered right there, its mitigation saying what is watched', async (editor) => {
    await editor.runCommand('Sitrep: Mark Monitoring');
    await editor.answerQuickInput('EU checkout error rate for 30 min after the timeout change', 'Mark Monitoring:');
    await editor.answerQuickInput('EU checkout success rate at 99.5%', 'user-visible metric');
    await editor.answerQuickInput('payment client timeouts under 1/min', 'internal health');
    await editor.pickQuickItem('Post a status update now', 'tell stakeholders');
    // The latest update's answers come back; the mitigation says what is being watched.
    await editor.acceptQuickInput(': known');
    await editor.acceptQuickInput(': unknown');
    await editor.acceptQuickInput(': impact');
    assert.equal(await editor.quickInputValue(), 'Monitoring: EU checkout error rate for 30 min after the timeout change');
    await editor.acceptQuickInput(': mitigation');
    await editor.acceptQuickInput(': next update');
    await editor.pickQuickItem('Save only, do not publish', 'publish to chat');
    const text = await waitUntil(() => {
      const t = editor.readWorkspaceFile(incident);
      return /^- \*\*Mitigation:\*\* Monitoring: EU checkout error rate/m.test(t) && t;
    }, { message: 'the monitoring update in the incident file' });
    assert.match(text, /^status: monitoring$/m);
    await editor.waitForStatusBarText(/Checkout returns 5xx · update in \d+:\d\d$/, 10000);
  });

  scenario('resolve: the incident leaves the active list', async (editor) => {
    await editor.openViewContainer('Sitrep');
    const before = await editor.waitForTreeItem('Incidents', TITLE);
    assert.ok(before.some((i) => i.label === TITLE && i.level === 1 && /SEV1/.test(i.description)));
    await editor.runCommand('Sitrep: Mark Resolved');
    await editor.answerQuickInput('Client timeout raised to 5 s; provider recovered', 'Mark Resolved:');
    await editor.answerQuickInput('EU checkout success rate back at 99.8%', 'user-visible metric');
    await editor.answerQuickInput('payment client error rate at baseline', 'internal health');
    // Resolving offers the all-clear right there, prefilled: Enter through it and publish it.
    await editor.pickQuickItem('Post the all-clear now', 'tell stakeholders');
    assert.match(await editor.quickInputValue(), /^Resolved: Client timeout raised to 5 s; provider recovered$/);
    await editor.acceptQuickInput('final update (all clear): known');
    await editor.acceptQuickInput(': unknown');
    await editor.acceptQuickInput(': impact');
    await editor.acceptQuickInput(': mitigation');
    await editor.pickQuickItem('Publish to #incidents', 'publish to chat');
    const allClear = await waitUntil(() => received.find((p) => /all clear/.test(String(p.text))), { message: 'the all-clear at the webhook receiver' });
    assert.match(String(allClear.text), /This is the final update/);
    assert.doesNotMatch(String(allClear.text), /Next update/);
    await waitUntil(async () => {
      const items = await editor.treeItems('Incidents');
      return !items.some((i) => i.label === TITLE && i.level === 1) && items.some((i) => i.label === 'Resolved');
    }, { message: 'the incident to leave the active list' });
    await waitUntil(async () => !(await editor.statusBarTexts()).some((t) => t.includes('Checkout returns 5xx')), { message: 'the countdown to go away' });
    const text = await waitUntil(() => {
      const t = editor.readWorkspaceFile(incident);
      return /— final update$/m.test(t) && t;
    }, { message: 'the final update in the incident file' });
    assert.match(text, /^- \*\*Next update:\*\* none: this is the final update$/m);
    assert.match(text, /\[status-update\] Final status update posted: all clear/);
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
    // The fresh postmortem's empty sections and template hints are findings until someone writes them.
    await editor.waitForProblem((p) => p.file === 'postmortem.md' && p.source === 'sitrep' && p.code === 'required-sections', 30000);
    await editor.waitForProblem((p) => p.file === 'postmortem.md' && p.code === 'template-hint' && /Summary still holds the template's hint/.test(p.message), 30000);
    assert.match(editor.readWorkspaceFile(incident), /^postmortem: postmortem\.md$/m);
  });

  scenario('add an action item: the Action items view shows it', async (editor) => {
    await editor.openFile(incident.replace(/incident\.md$/, 'postmortem.md'));
    await editor.runCommand('Sitrep: Add Action Item');
    await editor.answerQuickInput('Alert on EU checkout 5xx rate above 1% for 5 min', ': action');
    await editor.answerQuickInput('@maria', ': owner');
    // A due date as people say it, and the day it was read as before Enter.
    const dueInput = (await editor.waitForQuickInput(': due date')).locator('.quick-input-box input');
    await dueInput.fill('in 2 weeks');
    const read = await waitUntil(async () => {
      const m = await editor.quickInputMessage();
      return /^\w{3} \d{1,2} \w{3} \d{4}, in 2 weeks$/.test(m) && m;
    }, { message: 'what "in 2 weeks" was read as' });
    const [, d, mon, y] = /^\w{3} (\d{1,2}) (\w{3}) (\d{4})/.exec(read)!;
    const due = `${y}-${String(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(mon) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
    await editor.acceptQuickInput(': due date');
    await editor.pickQuickItem('detect', ': category');
    await editor.answerQuickInput('alert fires in the staging game day', ': verification');
    await editor.openViewContainer('Sitrep');
    const items = await editor.waitForTreeItem('Action items', 'A1: Alert on EU checkout 5xx rate above 1% for 5 min', 20000);
    const row = items.find((i) => i.label.startsWith('A1:'))!;
    assert.match(row.description, new RegExp(`@maria · due ${due} · detect`));
    assert.match(editor.readWorkspaceFile(incident.replace(/incident\.md$/, 'postmortem.md')), new RegExp(`^\\| A1 \\| Alert on EU checkout 5xx rate above 1% for 5 min \\| @maria \\| ${due} \\| detect \\| alert fires in the staging game day \\| open \\|$`, 'm'));
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
    await editor.acceptQuickInput('when did impact start');
    await editor.pickQuickItem('Customer report', 'how was it detected');
    await editor.pickQuickItem('Solo: I hold all roles', 'Declare Incident: roles');
    await editor.answerQuickInput('@maria', 'Declare Incident: your handle');
    await editor.acceptQuickInput('first status update due');
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
  scenario('Back and Escape in Declare: the draft is resumed; times typed as -15m and 15:45', async (editor) => {
    await editor.runCommand('Sitrep: Declare Incident');
    await editor.answerQuickInput('Build agents run out of disk', 'Declare Incident: title');
    await editor.pickQuickItem('SEV4', 'Declare Incident: severity');
    await editor.answerQuickInput('CI builds queue for 20 min', 'Declare Incident: impact');
    // Back to the severity: the pick comes back with the answer given; choose another.
    await editor.quickInputBack('when did impact start');
    await editor.quickInputBack('Declare Incident: impact');
    await editor.pickQuickItem('SEV3', 'Declare Incident: severity');
    assert.equal(await editor.quickInputValue(), 'CI builds queue for 20 min', 'the impact typed before is kept');
    await editor.acceptQuickInput('Declare Incident: impact');
    // A time as people say it, and what it was read as before Enter.
    const input = (await editor.waitForQuickInput('when did impact start')).locator('.quick-input-box input');
    await input.fill('-15m');
    const understood = await waitUntil(async () => {
      const m = await editor.quickInputMessage();
      return /15 min ago$/.test(m) && m;
    }, { message: 'what -15m was read as' });
    assert.match(understood, /^(yesterday )?\d\d:\d\d \S+( = (yesterday )?\d\d:\d\d UTC)?, 15 min ago$/);
    await editor.acceptQuickInput('when did impact start');
    // Escape half-way: the answers are kept as a draft.
    await editor.waitForQuickInput('how was it detected');
    await editor.dismissQuickInput();
    await editor.runCommand('Sitrep: Declare Incident');
    await editor.waitForQuickInput('you have a draft');
    const offer = (await editor.quickPickItems()).map((l) => l.trim());
    assert.ok(offer.includes('Resume the draft') && offer.includes('Start over'), offer.join(' | '));
    await editor.pickQuickItem('Resume the draft', 'you have a draft');
    await editor.pickQuickItem('Alert', 'how was it detected');
    await editor.pickQuickItem('Solo: I hold all roles', 'Declare Incident: roles');
    await editor.acceptQuickInput('Declare Incident: your handle');
    await editor.answerQuickInput('1440', 'SEV3 status-update cadence');
    const typedAt = Date.now();
    await editor.answerQuickInput('15:45', 'first status update due');
    await editor.pickQuickItem('No', 'security, privacy or data exposure');
    await editor.activeTab('incident.md').waitFor({ state: 'visible', timeout: 10000 });
    const file = await waitUntil(() => {
      const root = path.join(editor.workspace, 'incidents');
      const dir = fs.readdirSync(root).find((d) => d.includes('build-agents-run-out-of-disk'));
      return dir && editor.readWorkspaceFile(`incidents/${dir}/incident.md`);
    }, { message: 'the new incident document' });
    assert.match(file, /^severity: SEV3$/m);
    assert.match(file, /^title: Build agents run out of disk$/m);
    assert.match(file, /^update_cadence_minutes: 1440$/m);
    assert.equal(/^next_update_due: (\S+)$/m.exec(file)?.[1], iso(next1545(typedAt)));
    const started = Date.parse(/^started: (\S+)$/m.exec(file)?.[1] ?? '');
    assert.ok(Math.abs(started - (typedAt - 15 * 60_000)) < 3 * 60_000, `impact started about 15 min earlier: ${new Date(started).toISOString()}`);
  });
});
