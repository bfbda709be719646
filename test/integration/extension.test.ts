// The extension is installed, activates, and lints an incident document in the real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { activateSitrep, sitrepDiagnostics, workspaceUri } from './helpers';

suite('Sitrep extension', () => {
  test('is present and activates', async () => {
    const ext = vscode.extensions.getExtension('sitrep.sitrep');
    assert.ok(ext, 'extension sitrep.sitrep is not installed');
    await activateSitrep();
    assert.equal(ext.isActive, true);
  });

  test('every command the package contributes is registered once activated', async () => {
    await activateSitrep();
    const ext = vscode.extensions.getExtension('sitrep.sitrep')!;
    const contributed = (ext.packageJSON as { contributes: { commands: Array<{ command: string }> } }).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  test('reports severity: SEV9 as a front-matter-schema problem at the severity line', async () => {
    await activateSitrep();
    const uri = workspaceUri('incidents/2026-11-20-sev9/incident.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await sitrepDiagnostics(uri, (d) => d.length > 0);
    const schema = diags.find((d) => codeOf(d) === 'front-matter-schema');
    assert.ok(schema, `no front-matter-schema diagnostic; got ${JSON.stringify(diags.map((d) => [codeOf(d), d.message]))}`);
    const severityLine = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith('severity:'));
    assert.equal(schema.range.start.line, severityLine);
    assert.equal(schema.source, 'sitrep');
  });
});

suite('A broken severity in an active incident', () => {
  test('severity: SEV9 gets quick fixes offering SEV1 to SEV4, and keeps counting down', async () => {
    await activateSitrep();
    const uri = workspaceUri('incidents/2026-11-20-sev9/incident.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await sitrepDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'front-matter-schema'));
    const schema = diags.find((d) => codeOf(d) === 'front-matter-schema')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, schema.range);
    const titles = actions.map((a) => a.title);
    for (const s of ['SEV1', 'SEV2', 'SEV3', 'SEV4']) assert.ok(titles.includes(`Set severity to ${s}`), `offered ${s}; got ${JSON.stringify(titles)}`);
    // The typo does not cascade: no finding about a commander who is plainly there.
    assert.ok(!diags.some((d) => codeOf(d) === 'roles-assigned'), JSON.stringify(diags.map((d) => d.message)));
  });
});

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}
