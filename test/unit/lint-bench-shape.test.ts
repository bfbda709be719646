/** The benchmark's generated postmortems have the asked-for size and are clean, realistic documents (no timing here). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatePostmortem } from '../../bench/generate';
import { lint } from '../../src/core/lint';

for (const n of [100, 1_000, 10_000]) {
  test(`generated postmortem of ${n} lines`, () => {
    const text = generatePostmortem(n);
    assert.equal(text.split('\n').length - 1, n);
    const r = lint(text, { now: Date.parse('2026-11-27T09:00:00Z') });
    assert.equal(r.doc.kind, 'postmortem');
    assert.deepEqual(r.findings, []);
    assert.ok(r.doc.timeline.length >= 5 && r.doc.actionItems.length >= 3 && r.doc.factors.length >= 4);
  });
}
