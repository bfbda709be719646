/** The rules the incident commands apply (src/core/incident/workflow.ts), without the editor. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyEdits,
  defaultDueDate,
  defaultStrategyCheckpoint,
  incidentLabel,
  postmortemLabel,
  incidentPickOrder,
  IncidentIndex,
  messageIncident,
  parseRecoverySignal,
  recoverySignal,
  renderIncident,
  roleHandover,
  selectionSnippet,
  selectionSource,
  setFrontMatter,
  severityChange,
  soloRoles,
  statusTransition,
  strategyCheckpointText,
  timestampProblem,
  vaguePhrase,
  type IndexedIncident,
} from '../../src/core/incident';
import { lint } from '../../src/core/lint';
import { parseDocument } from '../../src/core/parser';

const NOW = Date.UTC(2026, 10, 27, 10, 0, 0);
const MIN = 60_000;

function indexed(text: string): IndexedIncident {
  const index = new IncidentIndex();
  index.update('k', text, { relativePath: 'incidents/x/incident.md' });
  const i = index.get('k');
  assert.ok(i?.kind === 'incident');
  return i;
}

const declared = () => renderIncident({ id: '2026-11-27-db-x7k2', title: 'DB failover stuck', severity: 'SEV3', impactSummary: 'Writes fail', roles: soloRoles('@ana'), cadenceMinutes: 120, now: NOW });

/** Applies front-matter changes the way the commands write them. */
function withFrontMatter(text: string, fm: Parameters<typeof setFrontMatter>[1]): string {
  const r = setFrontMatter(text, fm);
  assert.ok(r.ok, !r.ok ? r.message : '');
  return applyEdits(text, r.edits);
}

test('a severity raise brings the next update forward; a lowering never pushes it back', () => {
  const inc = { severity: 'SEV3' as const, nextUpdateDue: NOW + 100 * MIN };
  const raise = severityChange(inc, 'SEV1', 30, NOW, 'EU-wide now');
  assert.equal(raise.due, NOW + 30 * MIN);
  assert.deepEqual(raise.fm, [
    { path: 'severity', value: 'SEV1' },
    { path: 'peak_severity', value: 'SEV1' },
    { path: 'update_cadence_minutes', value: 30 },
    { path: 'next_update_due', value: '2026-11-27T10:30:00Z' },
  ]);
  assert.equal(raise.entry.kind, 'severity-change');
  assert.equal(raise.entry.text, 'Severity SEV3 → SEV1: EU-wide now. Status updates every 30 min; next by 2026-11-27T10:30:00Z.');
  const lower = severityChange({ severity: 'SEV1', nextUpdateDue: NOW + 10 * MIN }, 'SEV3', 120, NOW, '');
  assert.equal(lower.due, NOW + 10 * MIN);
  assert.equal(lower.entry.text, 'Severity SEV1 → SEV3. Status updates every 120 min; next by 2026-11-27T10:10:00Z.');
  // Written into the document, the index reads the new severity, cadence and deadline.
  const after = indexed(withFrontMatter(declared(), raise.fm));
  assert.equal(after.severity, 'SEV1');
  assert.equal(after.cadenceMinutes, 30);
  assert.equal(after.nextUpdateDue, NOW + 30 * MIN);
});

test('status transitions: mitigated is stamped once, resolved stamps both, the entry names the signal', () => {
  const signal = recoverySignal('checkout success at 99.9%', 'error rate at baseline');
  const m = statusTransition('mitigated', {}, '2026-11-27T10:30:00Z', 'rolled back', signal);
  assert.deepEqual(m.fm.map((c) => c.path), ['status', 'recovery_signal', 'mitigated']);
  assert.equal(m.entry.kind, 'mitigation');
  assert.equal(m.entry.text, 'Mitigated: rolled back. Recovery signal: user-visible: checkout success at 99.9%; internal health: error rate at baseline.');
  // Mitigated again later (it came back and was mitigated anew): the new time is recorded.
  assert.ok(statusTransition('mitigated', { mitigated: NOW }, 't', 'n', signal).fm.some((c) => c.path === 'mitigated'));
  // Monitoring or resolving an incident never marked mitigated records mitigation too.
  assert.deepEqual(statusTransition('monitoring', {}, 't', 'n', signal).fm.map((c) => c.path), ['status', 'recovery_signal', 'mitigated']);
  assert.deepEqual(statusTransition('monitoring', { mitigated: NOW }, 't', 'n', signal).fm.map((c) => c.path), ['status', 'recovery_signal']);
  assert.equal(statusTransition('monitoring', {}, 't', 'n', signal).entry.kind, 'action');
  const r = statusTransition('resolved', { mitigated: NOW }, '2026-11-27T11:00:00Z', 'provider recovered', signal);
  assert.deepEqual(r.fm.map((c) => c.path), ['status', 'recovery_signal', 'resolved']);
  assert.equal(r.entry.kind, 'resolution');
  const resolved = indexed(withFrontMatter(declared(), statusTransition('resolved', {}, '2026-11-27T11:00:00Z', 'n', signal).fm));
  assert.equal(resolved.status, 'resolved');
  assert.equal(resolved.resolved, Date.parse('2026-11-27T11:00:00Z'));
  assert.equal(resolved.nextUpdateDue, undefined, 'a resolved incident has no countdown');
});

test('the recovery signal reads back into its two halves', () => {
  assert.deepEqual(parseRecoverySignal(recoverySignal('success 99.9%', 'queue at baseline')), { user: 'success 99.9%', internal: 'queue at baseline' });
  assert.deepEqual(parseRecoverySignal(undefined), { user: undefined, internal: undefined });
});

test('a role handover sets the role, ends solo, and titles the checkpoint', () => {
  const solo = roleHandover({ ...soloRoles('@maria'), solo: true }, 'commander', '@sam');
  assert.deepEqual(solo.fm, [
    { path: 'roles.commander', value: '@sam' },
    { path: 'roles.solo', value: false },
  ]);
  assert.equal(solo.title, 'handover: commander @maria → @sam');
  assert.equal(solo.entry.text, 'commander: @maria → @sam; checkpoint packet written.');
  const fresh = roleHandover({}, 'scribe', '@lee');
  assert.deepEqual(fresh.fm, [{ path: 'roles.scribe', value: '@lee' }]);
  assert.equal(fresh.title, 'handover: scribe unassigned → @lee');
  // Written, the linter no longer sees a solo incident and the roles are all held.
  const text = withFrontMatter(declared(), solo.fm);
  assert.equal(parseDocument(text).incident?.roles.solo, false);
  assert.ok(!lint(text).findings.some((f) => f.rule === 'roles-assigned'));
});

test('strategy checkpoint: one cadence ahead, never more than 30 minutes; the decision text says what to do', () => {
  assert.equal(defaultStrategyCheckpoint(NOW, 120), NOW + 30 * MIN);
  assert.equal(defaultStrategyCheckpoint(NOW, 15), NOW + 15 * MIN);
  assert.equal(defaultStrategyCheckpoint(NOW + 1, 15), NOW + 15 * MIN, 'rounded down to the minute');
  assert.match(strategyCheckpointText('2026-11-27T10:30:00Z'), /^Strategy checkpoint: if not mitigated by 2026-11-27T10:30:00Z, change strategy/);
});

test('answers are validated: times with zone (in the future when asked), concrete actions', () => {
  assert.match(timestampProblem('10:45', NOW, false) ?? '', /ISO 8601/);
  assert.equal(timestampProblem('2026-11-27T09:00:00Z', NOW, false), undefined);
  assert.match(timestampProblem('2026-11-27T09:00:00Z', NOW, true) ?? '', /future/);
  assert.match(timestampProblem('2026-11-27T10:00:00Z', NOW, true) ?? '', /future/, 'now is not the future');
  assert.equal(timestampProblem('2026-11-27T10:01:00+01:00', NOW - 3600_000, true), undefined);
  assert.equal(defaultDueDate(NOW), '2026-12-11');
  // Judged as the no-vague-action rule judges an action.
  for (const [text, words] of [
    ['Be more careful with deploys', 'Be more careful'],
    ['Investigate options for retries', 'Investigate options for'],
    ['Alert on checkout 5xx rate > 1% for 5 min', undefined],
  ] as const) {
    assert.equal(vaguePhrase(text), words, text);
    const doc = `---\ntype: postmortem\n---\n# P\n\n## Action items\n\n| ID | Action | Owner | Due | Category | Verification | Status |\n| --- | --- | --- | --- | --- | --- | --- |\n| A1 | ${text} | @a | 2099-01-01 | prevent | alert fires in staging | open |\n`;
    const flagged = lint(doc).findings.some((f) => f.rule === 'no-vague-action');
    assert.equal(flagged, words !== undefined, `the linter agrees on "${text}"`);
  }
});

test('a selection becomes a file:line source with the commit, and short text', () => {
  assert.equal(selectionSource('src/pay.go', { startLine: 1, endLine: 1, endCharacter: 40 }), 'src/pay.go:2');
  assert.equal(selectionSource('src/pay.go', { startLine: 1, endLine: 4, endCharacter: 3 }, '0123456789abcdef'), 'src/pay.go:2-5 @ 0123456789ab');
  // A selection ending at the start of a line does not include that line.
  assert.equal(selectionSource('a.ts', { startLine: 1, endLine: 3, endCharacter: 0 }), 'a.ts:2-3');
  assert.equal(selectionSource('a.ts', { startLine: 1, endLine: 2, endCharacter: 0 }), 'a.ts:2');
  assert.equal(selectionSnippet('  return client.Post(\n\t"/charge")  '), 'return client.Post( "/charge")');
  assert.equal(selectionSnippet('x'.repeat(201)), undefined);
});

test('restricted incidents are named by id in pickers and copied messages; pickers list active incidents first', () => {
  const open = indexed(declared());
  assert.equal(incidentLabel(open), 'DB failover stuck');
  const restricted = { ...open, restricted: true };
  assert.equal(incidentLabel(restricted), '2026-11-27-db-x7k2 (restricted)');
  assert.deepEqual(messageIncident(restricted), { title: 'DB failover stuck', severity: 'SEV3', status: 'investigating', restricted: true, commander: restricted.roles?.commander });
  // A restricted incident's postmortem is named by the incident id, not its title.
  const pmEntry = { incidentId: '2026-11-27-db-x7k2', title: 'Postmortem: DB failover stuck' };
  assert.equal(postmortemLabel(pmEntry, open), 'Postmortem: DB failover stuck');
  assert.equal(postmortemLabel(pmEntry, undefined), 'Postmortem: DB failover stuck');
  assert.equal(postmortemLabel(pmEntry, restricted), '2026-11-27-db-x7k2 postmortem (restricted)');
  assert.equal(postmortemLabel({ title: 'Secret' }, restricted), 'restricted postmortem (restricted)');
  const sev1 = { ...open, severity: 'SEV1' as const };
  const done = { ...open, severity: 'SEV1' as const, status: 'resolved' as const };
  assert.deepEqual([done, open, sev1].sort(incidentPickOrder), [sev1, open, done]);
});
