// The baseline in the real extension host: findings that .sitrep-baseline.json accepts show as
// hints (still there after lines are inserted above them), a new finding shows as usual, and
// sitrep.lint.showBaselined: false hides the accepted ones. The baseline file is written with the
// core's own functions, as `sitrep lint --update-baseline` writes it. Waits are on events.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { BASELINE_FILE, buildBaseline, serializeBaseline } from '../../src/core/baseline';
import { lint } from '../../src/core/lint';
import { activateSitrep, sitrepDiagnostics, workspaceUri } from './helpers';

const FILE = 'postmortems/lint/baselined.md';
const ACCEPTED = ['action-category', 'action-due-date', 'no-human-error', 'no-vague-action'];

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

const hints = (d: readonly vscode.Diagnostic[]) => d.filter((x) => x.severity === vscode.DiagnosticSeverity.Hint).map(codeOf).sort();
const shown = (d: readonly vscode.Diagnostic[]) => d.filter((x) => x.severity !== vscode.DiagnosticSeverity.Hint).map(codeOf).sort();
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

suite('Sitrep baseline in the editor', () => {
  const baselineUri = () => workspaceUri(BASELINE_FILE);

  suiteSetup(async () => {
    await activateSitrep();
    await vscode.workspace.fs.copy(workspaceUri('postmortems/lint/template.md'), workspaceUri(FILE), { overwrite: true });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(FILE)));
    const findings = lint(text, { relativePath: FILE, now: Date.now() }).findings;
    assert.deepEqual([...new Set(findings.map((f) => f.rule))].sort(), ACCEPTED);
    const baseline = buildBaseline([{ file: FILE, text, findings }]);
    await vscode.workspace.fs.writeFile(baselineUri(), new TextEncoder().encode(serializeBaseline(baseline)));
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('sitrep.lint').update('showBaselined', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(baselineUri()).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri(FILE)).then(undefined, () => undefined);
  });

  test('accepted findings are hints, also after lines are inserted above them; a new finding is shown as usual', async () => {
    const uri = workspaceUri(FILE);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const first = await sitrepDiagnostics(uri, (d) => same(hints(d), ACCEPTED));
    assert.deepEqual(shown(first), [], 'nothing but hints');
    assert.ok(first.every((d) => /accepted in the baseline/.test(d.message)), first.map((d) => d.message).join(' | '));

    const before = first.find((d) => codeOf(d) === 'no-human-error')!.range.start.line;
    const summary = doc.getText().split('\n').indexOf('## Summary');
    assert.ok(summary > 0 && summary < before);
    await editor.edit((e) => e.insert(new vscode.Position(summary, 0), 'Reviewed on 2026-11-20.\n\n'));
    const moved = await sitrepDiagnostics(uri, (d) => same(hints(d), ACCEPTED) && d.find((x) => codeOf(x) === 'no-human-error')!.range.start.line === before + 2);
    assert.deepEqual(shown(moved), []);

    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n\nThe on-call engineer was careless with the cache flush.\n'));
    const fresh = await sitrepDiagnostics(uri, (d) => same(shown(d), ['no-blame']));
    assert.deepEqual(hints(fresh), ACCEPTED);
    assert.doesNotMatch(fresh.find((d) => codeOf(d) === 'no-blame')!.message, /baseline/);
  });

  test('sitrep.lint.showBaselined: false hides the accepted findings and keeps new ones', async () => {
    const uri = workspaceUri(FILE);
    await vscode.workspace.getConfiguration('sitrep.lint').update('showBaselined', false, vscode.ConfigurationTarget.Global);
    const hidden = await sitrepDiagnostics(uri, (d) => hints(d).length === 0 && same(shown(d), ['no-blame']));
    assert.deepEqual(hidden.map(codeOf), ['no-blame']);
    await vscode.workspace.getConfiguration('sitrep.lint').update('showBaselined', undefined, vscode.ConfigurationTarget.Global);
    await sitrepDiagnostics(uri, (d) => same(hints(d), ACCEPTED));
  });

  test('without the baseline file every finding is shown at its own severity', async () => {
    const uri = workspaceUri(FILE);
    await vscode.workspace.fs.delete(baselineUri());
    const all = await sitrepDiagnostics(uri, (d) => hints(d).length === 0 && same(shown(d), [...ACCEPTED, 'no-blame'].sort()));
    assert.ok(all.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
