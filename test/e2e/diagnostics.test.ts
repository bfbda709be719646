// Lint findings show in the Problems panel at the line that causes them: a front-matter schema
// problem in an incident, a vague action item in a postmortem.
import * as assert from 'node:assert/strict';
import { editorSuite, type Problem } from '../harness';

const DOC = 'incidents/2026-11-20-sev9/incident.md';
const POSTMORTEM = 'postmortems/2026-11-02-cart-errors/postmortem.md';

editorSuite('diagnostics', { fixture: 'incident-workspace' }, (scenario) => {
  scenario('severity: SEV9 is reported as front-matter-schema on the severity line', async (editor) => {
    await editor.openFile(DOC);
    const problems = await editor.waitForProblem((p) => p.source === 'sitrep' && p.code === 'front-matter-schema', 30000);
    const problem = problems.find((p) => p.source === 'sitrep' && p.code === 'front-matter-schema')!;
    const severityLine = editor.readWorkspaceFile(DOC).split(/\r?\n/).findIndex((l) => l.startsWith('severity:')) + 1;
    assert.equal(problem.file, 'incident.md');
    assert.equal(problem.line, severityLine, `expected line ${severityLine}, got ${JSON.stringify(problem)}`);
  });

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
    assert.match(vague[0].message, /"Be more careful" is an aspiration, not a change/);
  });
});
