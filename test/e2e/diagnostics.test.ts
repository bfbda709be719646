// A front-matter schema problem shows in the Problems panel at the line that causes it.
import * as assert from 'node:assert/strict';
import { editorSuite } from '../harness';

const DOC = 'incidents/2026-11-20-sev9/incident.md';

editorSuite('diagnostics', { fixture: 'incident-workspace' }, (scenario) => {
  scenario('severity: SEV9 is reported as front-matter-schema on the severity line', async (editor) => {
    await editor.openFile(DOC);
    const problems = await editor.waitForProblem((p) => p.source === 'sitrep' && p.code === 'front-matter-schema', 30000);
    const problem = problems.find((p) => p.source === 'sitrep' && p.code === 'front-matter-schema')!;
    const severityLine = editor.readWorkspaceFile(DOC).split(/\r?\n/).findIndex((l) => l.startsWith('severity:')) + 1;
    assert.equal(problem.file, 'incident.md');
    assert.equal(problem.line, severityLine, `expected line ${severityLine}, got ${JSON.stringify(problem)}`);
  });
});
