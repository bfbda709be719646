/**
 * One reading of an action item: the Action items view (the index) and the linter agree on what
 * is done, what is due, and what is verified, on the same document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/core/lint';
import { IncidentIndex, openActions } from '../../src/core/incident/store';

const NOW = Date.parse('2026-11-27T11:00:00Z');
const TEXT = `---
type: postmortem
incident: 2026-10-01-agreement-a1b2
title: Agreement
severity: SEV3
status: in-review
---
# Agreement

## Action items

| ID | Action | Owner | Due | Category | Verification | Status |
| --- | --- | --- | --- | --- | --- | --- |
| A1 | Pin the base image | @a | 2026-10-01 | prevent | Build fails without the pinned digest | Done (shipped in v2.3) |
| A2 | Page on queue depth above 5,000 | @b | 2026-12-20 | detect | TBC | open |
| A3 | Alert on cache hit ratio above 99.5% for 30 minutes | @c | 2026-10-15 | detect | The alert fires in the staging replay | open |
| A4 | Rotate the signing key with a dry run | @d | 6 December 2026 | prevent | done when merged | open |
`;

test('done, due and verified: the view and the linter read each action the same way', () => {
  const findings = lint(TEXT, { relativePath: 'postmortems/a.md', now: NOW }).findings;
  const at = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => f.range.line + 1).sort();

  const index = new IncidentIndex();
  index.update('postmortems/a.md', TEXT, { relativePath: 'postmortems/a.md' });
  const view = openActions(index, NOW).flatMap((g) => g.actions);
  const byId = new Map(view.map((a) => [a.id, a]));

  // A1 is done (its status starts with "Done"): not in the view, and no overdue finding.
  assert.equal(byId.has('A1'), false);
  assert.ok(!at('action-overdue').includes(14));
  // A2's "TBC" is no verification for either.
  assert.equal(byId.get('A2')?.unverified, true);
  assert.ok(at('action-verification').includes(15));
  // A3 is verified for both and overdue for both.
  assert.equal(byId.get('A3')?.unverified, false);
  assert.equal(byId.get('A3')?.overdue, true);
  assert.deepEqual(at('action-overdue'), [16]);
  // A4: a written date is a due date for both; "done when merged" is no signal for either.
  assert.equal(byId.get('A4')?.dueAt, Date.parse('2026-12-06T00:00:00Z'));
  assert.equal(byId.get('A4')?.unverified, true);
  assert.ok(at('action-verification').includes(17));
  assert.deepEqual(at('action-due-date'), []);
});
