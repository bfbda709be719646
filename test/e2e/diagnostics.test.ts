// Lint findings show in the Problems panel, as a person sees them, at the exact row and column
// that causes them. (The diagnostic's range through the API is checked by the integration suite.)
import * as assert from 'node:assert/strict';
import { editorSuite, type Problem } from '../harness';

const POSTMORTEM = 'postmortems/2026-11-02-cart-errors/postmortem.md';

editorSuite('diagnostics', { fixture: 'incident-workspace' }, (scenario) => {
  scenario('a vague action item is reported as no-vague-action at its row', async (editor) => {
    await editor.openFile(POSTMORTEM);
    await editor.activeTab('postmortem.md').waitFor({ state: 'visible', timeout: 15000 });
    const isVague = (p: Problem) => p.source === 'sitrep' && p.code === 'no-vague-action' && p.file === 'postmortem.md';
    const problems = await editor.waitForProblem(isVague, 30000);
    const vague = problems.filter(isVague);
    assert.equal(vague.length, 1, JSON.stringify(vague));
    const lines = editor.readWorkspaceFile(POSTMORTEM).split(/\r?\n/);
    const row = lines.findIndex((l) => l.startsWith('| A1 |'));
    assert.ok(row >= 0 && lines[row].includes('Be more careful'), 'the fixture has the vague action in row A1');
    assert.equal(vague[0].line, row + 1, `expected line ${row + 1}, got ${JSON.stringify(vague[0])}`);
    assert.equal(vague[0].column, lines[row].indexOf('Be more careful') + 1);
    assert.equal(vague[0].severity, 'error');
    assert.match(vague[0].message, /"Be more careful" is not a change: it asks people for effort/);
  });
});
