// Incident commands called with argument objects (no UI) in the real extension host: writes are
// serialized per document, go into the open buffer without touching the user's unsaved edits,
// and restricted incidents stay out of the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { activateSitrep } from './helpers';

async function declare(title: string, extra: Record<string, unknown> = {}): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<string>('sitrep.declareIncident', {
    title,
    severity: 'SEV2',
    impact: 'Some users see errors',
    solo: '@it',
    restricted: false,
    open: false,
    throwOnError: true,
    ...extra,
  });
  assert.ok(uri, 'declareIncident returned the new document');
  return vscode.Uri.parse(uri);
}

async function fileText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function entries(text: string, marker: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.includes(marker));
}

suite('Incident writes', () => {
  test('100 entries logged in a tight loop on a closed document: exactly 100 lines, in order', async () => {
    await activateSitrep();
    const uri = await declare('Queue on a closed file');
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        vscode.commands.executeCommand('sitrep.logTimelineEntry', { incident: uri.toString(), kind: 'fact', text: `closed entry ${i}`, source: undefined, throwOnError: true }),
      ),
    );
    const lines = entries(await fileText(uri), '[fact] closed entry ');
    assert.equal(lines.length, 100);
    assert.deepEqual(lines.map((l) => Number(/closed entry (\d+)$/.exec(l)?.[1])), Array.from({ length: 100 }, (_, i) => i));
  });

  test('100 entries logged in a tight loop on an open document: exactly 100 lines, in order, saved', async () => {
    await activateSitrep();
    const uri = await declare('Queue on an open file');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => vscode.commands.executeCommand('sitrep.logTimelineEntry', { incident: uri.toString(), kind: 'action', text: `open entry ${i}`, throwOnError: true })),
    );
    const lines = entries(doc.getText(), '[action] open entry ');
    assert.equal(lines.length, 100);
    assert.deepEqual(lines.map((l) => Number(/open entry (\d+)$/.exec(l)?.[1])), Array.from({ length: 100 }, (_, i) => i));
    assert.equal(doc.isDirty, false, 'a document without unsaved edits is saved after Sitrep writes');
    assert.equal(entries(await fileText(uri), '[action] open entry ').length, 100);
  });

  test("the user's unsaved edits stay; Sitrep does not save over them", async () => {
    await activateSitrep();
    const uri = await declare('Unsaved edits stay');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), 'Draft note the user has not saved.\n'));
    assert.equal(doc.isDirty, true);
    await vscode.commands.executeCommand('sitrep.logTimelineEntry', { incident: uri.toString(), kind: 'decision', text: 'Roll back the deploy', throwOnError: true });
    assert.match(doc.getText(), /\[decision\] Roll back the deploy/);
    assert.match(doc.getText(), /Draft note the user has not saved\./);
    assert.equal(doc.isDirty, true);
    assert.doesNotMatch(await fileText(uri), /Draft note/);
  });

  test('a status update writes the next update time and the update block', async () => {
    await activateSitrep();
    const uri = await declare('Update resets the countdown');
    const next = new Date(Date.now() + 20 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await vscode.commands.executeCommand('sitrep.postStatusUpdate', {
      incident: uri.toString(),
      known: 'k',
      unknown: 'u',
      impact: 'i',
      mitigation: 'm',
      nextUpdate: next,
      notify: false,
      throwOnError: true,
    });
    const text = await fileText(uri);
    assert.match(text, new RegExp(`^next_update_due: ${next}$`, 'm'));
    assert.match(text, new RegExp(`^- \\*\\*Next update:\\*\\* ${next}$`, 'm'));
  });

  test('a restricted incident is stored outside the workspace and its copied message leaves details out', async () => {
    await activateSitrep();
    const uri = await declare('Token exposure at tenant 42', { restricted: true, severity: 'SEV1' });
    assert.equal(vscode.workspace.getWorkspaceFolder(uri), undefined, `stored at ${uri.toString()}`);
    await vscode.commands.executeCommand('sitrep.postStatusUpdate', {
      incident: uri.toString(),
      known: 'Token for tenant 42 leaked in logs',
      unknown: 'Which tenants are affected',
      impact: 'Some logins fail',
      mitigation: 'Rotating keys',
      nextUpdate: new Date(Date.now() + 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      copy: true,
      throwOnError: true,
    });
    const message = await vscode.env.clipboard.readText();
    assert.match(message, /Restricted incident/);
    assert.match(message, /Impact: Some logins fail/);
    assert.doesNotMatch(message, /tenant 42|Token/);
  });

  test('resolve, start the postmortem and add an action item without UI', async () => {
    await activateSitrep();
    const uri = await declare('Resolve me');
    await vscode.commands.executeCommand('sitrep.markResolved', { incident: uri.toString(), note: 'fixed', userMetric: 'success 99.9%', internalHealth: 'errors at baseline', notify: false, throwOnError: true });
    const text = await fileText(uri);
    assert.match(text, /^status: resolved$/m);
    assert.match(text, /^recovery_signal: "user-visible: success 99\.9%; internal health: errors at baseline"$/m);
    const pm = await vscode.commands.executeCommand<string>('sitrep.startPostmortem', { incident: uri.toString(), authors: ['@it'], open: false, throwOnError: true });
    assert.ok(pm && pm.endsWith('/postmortem.md'));
    const id = await vscode.commands.executeCommand<string>('sitrep.addActionItem', { postmortem: pm, action: 'Alert on errors', owner: '@it', due: '2099-01-01', category: 'detect', verification: 'alert fires', notify: false, throwOnError: true });
    assert.equal(id, 'A1');
    assert.match(await fileText(vscode.Uri.parse(pm)), /^\| A1 \| Alert on errors \| @it \| 2099-01-01 \| detect \| alert fires \| open \|$/m);
  });

  test('change severity re-derives the cadence and logs it; checkpoint, strategy checkpoint and mitigation are written', async () => {
    await activateSitrep();
    const uri = await declare('Severity goes up');
    await vscode.commands.executeCommand('sitrep.changeSeverity', { incident: uri.toString(), severity: 'SEV1', reason: 'all regions now affected', throwOnError: true });
    let text = await fileText(uri);
    assert.match(text, /^severity: SEV1$/m);
    assert.match(text, /^update_cadence_minutes: 30$/m);
    assert.match(text, /\[severity-change\] Severity SEV2 → SEV1: all regions now affected\. Status updates every 30 min/);
    const due = /^next_update_due: (\S+)$/m.exec(text)?.[1];
    assert.ok(due && Date.parse(due) <= Date.now() + 31 * 60_000, `next update pulled in: ${due}`);

    await vscode.commands.executeCommand('sitrep.checkpoint', {
      incident: uri.toString(),
      title: 'shift change',
      checkpoint: { hypothesis: 'cache stampede' },
      throwOnError: true,
    });
    text = await fileText(uri);
    assert.match(text, /^### \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ — shift change$/m);
    assert.match(text, /^- \*\*Hypothesis:\*\* cache stampede$/m);
    assert.match(text, /^- \*\*Comms cadence:\*\* status updates every 30 min/m);
    assert.match(text, /\[checkpoint\] Checkpoint: shift change\./);

    const at = new Date(Date.now() + 45 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await vscode.commands.executeCommand('sitrep.setStrategyCheckpoint', { incident: uri.toString(), at, throwOnError: true });
    text = await fileText(uri);
    assert.match(text, new RegExp(`^strategy_checkpoint: ${at}$`, 'm'));

    await vscode.commands.executeCommand('sitrep.markMitigated', { incident: uri.toString(), note: 'traffic shifted', userMetric: 'errors < 0.1%', internalHealth: 'cache hit rate 95%', throwOnError: true });
    text = await fileText(uri);
    assert.match(text, /^status: mitigated$/m);
    assert.match(text, /^mitigated: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
    assert.match(text, /\[mitigation\] Mitigated: traffic shifted\. Recovery signal: user-visible: errors < 0\.1%; internal health: cache hit rate 95%\./);
  });
});
