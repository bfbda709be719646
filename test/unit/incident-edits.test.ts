import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parser';
import {
  appendActionRow,
  appendCheckpoint,
  appendStatusUpdate,
  appendTimelineEntry,
  applyEdits,
  checkpointPrefill,
  formatTimelineLine,
  mergeEdits,
  nextActionId,
  postmortemPathFor,
  renderIncident,
  renderPostmortem,
  setFrontMatter,
  soloRoles,
  chatMessage,
  fixedZone,
  messageText,
  shortTitle,
  UTC_ZONE,
  yamlScalar,
  type TextEdit,
} from '../../src/core/incident';

const NOW = Date.UTC(2026, 10, 27, 9, 52, 0);

function declared(): string {
  return renderIncident({ id: '2026-11-27-checkout-5xx-k3f9', title: 'Checkout 5xx', severity: 'SEV1', impactSummary: 'EU checkouts fail', roles: soloRoles('@maria'), cadenceMinutes: 30, now: NOW });
}

function apply(text: string, e: TextEdit | TextEdit[]): string {
  return applyEdits(text, Array.isArray(e) ? e : [e]);
}

function ok(r: ReturnType<typeof setFrontMatter>): TextEdit[] {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.ok ? r.edits : [];
}

test('a rendered incident parses cleanly with every required key and the declaration logged', () => {
  const doc = parseDocument(declared());
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.kind, 'incident');
  assert.equal(doc.incident?.severity, 'SEV1');
  assert.deepEqual(doc.incident?.roles, { commander: '@maria', operations: '@maria', communications: '@maria', scribe: '@maria', solo: true });
  assert.equal(doc.incident?.update_cadence_minutes, 30);
  assert.equal(doc.incident?.next_update_due, '2026-11-27T10:22:00Z');
  assert.equal(doc.timeline.length, 1);
  assert.equal(doc.timeline[0].kind, 'decision');
  assert.match(doc.timeline[0].text, /Declared SEV1/);
});

test('timeline lines: ISO time, kind, one-line text, optional source', () => {
  assert.equal(formatTimelineLine({ time: '2026-11-27T09:52:00Z', kind: 'detection', text: 'Alert\nfired', source: 'https://x/y' }), '- 2026-11-27T09:52:00Z [detection] Alert fired (source: https://x/y)');
  assert.equal(formatTimelineLine({ time: '2026-11-27T09:52:00Z', kind: 'fact', text: 'x' }), '- 2026-11-27T09:52:00Z [fact] x');
});

test('a timeline entry goes right after the last entry, not at the end of the section', () => {
  const text = ['# T', '', '## Timeline', '', '- 2026-11-27T09:52:00Z [detection] one', '- 2026-11-27T09:53:00Z [fact] two', '', 'Notes under the list.', '', '## Next', ''].join('\n');
  const out = apply(text, appendTimelineEntry(text, { time: '2026-11-27T09:54:00Z', kind: 'action', text: 'three', source: 'src/a.ts:3' }));
  assert.equal(out, text.replace('[fact] two\n', '[fact] two\n- 2026-11-27T09:54:00Z [action] three (source: src/a.ts:3)\n'));
  const doc = parseDocument(out);
  assert.deepEqual(doc.timeline.map((e) => e.text), ['one', 'two', 'three']);
  assert.equal(doc.timeline[2].source?.text, 'src/a.ts:3');
});

test('a timeline entry with no entries yet, and with no Timeline section', () => {
  const empty = '# T\n\n## Timeline\n\n## Status updates\n';
  const a = apply(empty, appendTimelineEntry(empty, { time: '2026-11-27T09:54:00Z', kind: 'fact', text: 'first' }));
  assert.equal(a, '# T\n\n## Timeline\n\n- 2026-11-27T09:54:00Z [fact] first\n\n## Status updates\n');
  const none = '# T\n\nSome text.\n';
  const b = apply(none, appendTimelineEntry(none, { time: '2026-11-27T09:54:00Z', kind: 'fact', text: 'first' }));
  assert.equal(b, '# T\n\nSome text.\n\n## Timeline\n\n- 2026-11-27T09:54:00Z [fact] first\n');
});

test('a hundred entries appended one after another come out in order, one line each', () => {
  let text = declared();
  for (let i = 0; i < 100; i++) text = apply(text, appendTimelineEntry(text, { time: '2026-11-27T10:00:00Z', kind: 'fact', text: `entry ${i}` }));
  const doc = parseDocument(text);
  assert.equal(doc.timeline.length, 101);
  assert.deepEqual(doc.timeline.slice(1).map((e) => e.text), Array.from({ length: 100 }, (_, i) => `entry ${i}`));
  const lines = doc.timeline.map((e) => e.line);
  assert.deepEqual(lines, lines.map((_, i) => lines[0] + i));
});

test('CRLF documents get CRLF lines', () => {
  const text = declared().replace(/\n/g, '\r\n');
  const out = apply(text, appendTimelineEntry(text, { time: '2026-11-27T10:00:00Z', kind: 'fact', text: 'x' }));
  assert.ok(!/[^\r]\n/.test(out));
  assert.equal(parseDocument(out).timeline.length, 2);
});

test('status updates and checkpoints are appended at the end of their sections with every field', () => {
  let text = declared();
  text = apply(text, appendStatusUpdate(text, { time: '2026-11-27T10:15:00Z', known: 'k1', unknown: 'u1', impact: 'i1', mitigation: 'm1', nextUpdate: '2026-11-27T10:45:00Z' }));
  text = apply(text, appendStatusUpdate(text, { time: '2026-11-27T10:45:00Z', known: 'k2', unknown: 'u2', impact: 'i2', mitigation: 'm2', nextUpdate: '2026-11-27T11:15:00Z' }));
  const cp = { time: '2026-11-27T11:00:00Z', title: 'handover: commander @a → @b', state: 's', hypothesis: 'h', customerImpact: 'c', inFlightActions: 'f', decisionPoint: 'd', commsCadence: 'cc', nextDecisionPoint: 'n' };
  text = apply(text, appendCheckpoint(text, cp));
  const doc = parseDocument(text);
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.statusUpdates.length, 2);
  assert.equal(doc.statusUpdates[1].fields.get('known')?.text, 'k2');
  assert.equal(doc.statusUpdates[1].fields.get('next_update')?.text, '2026-11-27T11:15:00Z');
  assert.equal(doc.statusUpdates[1].at, Date.UTC(2026, 10, 27, 10, 45));
  assert.equal(doc.checkpoints.length, 1);
  assert.equal(doc.checkpoints[0].title, '2026-11-27T11:00:00Z — handover: commander @a → @b');
  assert.deepEqual([...doc.checkpoints[0].fields.keys()].sort(), ['comms_cadence', 'customer_impact', 'decision_point', 'hypothesis', 'in_flight_actions', 'next_decision_point', 'state']);
  // The status updates stay in their section, before the checkpoints.
  assert.ok(doc.statusUpdates[1].line < doc.checkpoints[0].line);
  assert.ok(!/\n\n\n/.test(text), 'no double blank lines');
});

test('front matter: values replaced in place, missing keys added, nested keys added to their block', () => {
  const text = declared();
  const out = apply(
    text,
    ok(
      setFrontMatter(text, [
        { path: 'status', value: 'mitigated' },
        { path: 'mitigated', value: '2026-11-27T10:20:00Z' },
        { path: 'roles.commander', value: '@sam' },
        { path: 'roles.solo', value: false },
        { path: 'strategy_checkpoint', value: '2026-11-27T11:00:00Z' },
        { path: 'recovery_signal', value: 'user-visible: success 99.9%; internal health: ok' },
      ]),
    ),
  );
  const doc = parseDocument(out);
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.incident?.status, 'mitigated');
  assert.equal(doc.incident?.mitigated, '2026-11-27T10:20:00Z');
  assert.equal(doc.incident?.roles.commander, '@sam');
  assert.equal(doc.incident?.roles.solo, false);
  assert.equal(doc.incident?.strategy_checkpoint, '2026-11-27T11:00:00Z');
  assert.equal(doc.incident?.recovery_signal, 'user-visible: success 99.9%; internal health: ok');
  // Key order and the rest of the text stay.
  assert.equal(out.split('\n').length, text.split('\n').length + 3);
  assert.ok(out.indexOf('status: mitigated') < out.indexOf('roles:'));
});

test('front matter: a key with an empty value, a new nested block, and no front matter at all', () => {
  const text = '---\ntype: incident\ndetected:\ntitle: x\n---\n# x\n';
  const out = apply(text, ok(setFrontMatter(text, [{ path: 'detected', value: '2026-11-27T09:52:00Z' }, { path: 'roles.commander', value: '@a' }])));
  assert.equal(out, '---\ntype: incident\ndetected: 2026-11-27T09:52:00Z\ntitle: x\nroles:\n  commander: "@a"\n---\n# x\n');
  const r = setFrontMatter('# no front matter\n', [{ path: 'status', value: 'resolved' }]);
  assert.equal(r.ok, false);
});

test('yaml scalars are quoted when plain would change their meaning', () => {
  assert.equal(yamlScalar('resolved'), 'resolved');
  assert.equal(yamlScalar('2026-11-27T09:52:00Z'), '2026-11-27T09:52:00Z');
  assert.equal(yamlScalar('@maria'), '"@maria"');
  assert.equal(yamlScalar('true'), '"true"');
  assert.equal(yamlScalar('30'), '"30"');
  assert.equal(yamlScalar('a: b'), '"a: b"');
  assert.equal(yamlScalar('x # y'), '"x # y"');
  assert.equal(yamlScalar(30), '30');
  assert.equal(yamlScalar(false), 'false');
});

test('action rows follow the existing table columns and get the next free id', () => {
  const pm = ['## Action items', '', '| Action | ID | Owner | Due | Category | Verification | Status |', '| --- | --- | --- | --- | --- | --- | --- |', '| Add alert | A3 | @a | 2026-12-01 | detect | fires | open |', '', '## Next', ''].join('\n');
  const { edit, id } = appendActionRow(pm, { action: 'Canary | gate', owner: '@b', due: '2026-12-15', category: 'prevent', verification: 'blocks a bad deploy' });
  assert.equal(id, 'A4');
  const out = apply(pm, edit);
  assert.match(out, /\| Add alert \| A3 .*\|\n\| Canary \\\| gate \| A4 \| @b \| 2026-12-15 \| prevent \| blocks a bad deploy \| open \|\n\n## Next/);
  const doc = parseDocument(out, { assumeKind: 'postmortem' });
  assert.equal(doc.actionItems.length, 2);
  assert.equal(doc.actionItems[1].fields.owner?.text, '@b');
  assert.equal(doc.actionItems[1].category, 'prevent');
  assert.equal(nextActionId([]), 'A1');
  assert.equal(nextActionId(['A1', 'AI-7', undefined, 'x']), 'A8');
});

test('an action row creates the table (or the section) when missing', () => {
  const noTable = '## Action items\n\n_None yet._\n';
  const a = apply(noTable, appendActionRow(noTable, { action: 'x', owner: '@a', due: '2026-12-01', category: 'learn', verification: 'v' }).edit);
  assert.match(a, /_None yet\._\n\n\| ID \| Action \| Owner \| Due \| Category \| Verification \| Status \|\n\| --- .*\n\| A1 \| x \| @a \| 2026-12-01 \| learn \| v \| open \|\n$/);
  const none = '# PM\n';
  const b = apply(none, appendActionRow(none, { action: 'x', owner: '@a', due: '2026-12-01', category: 'learn', verification: 'v' }).edit);
  assert.equal(parseDocument(b, { assumeKind: 'postmortem' }).actionItems.length, 1);
});

test('inserts at the same position are merged in order', () => {
  const e = (t: string): TextEdit => ({ range: { line: 0, column: 1, endLine: 0, endColumn: 1 }, text: t });
  assert.deepEqual(mergeEdits([e('a'), e('b')]), [e('ab')]);
  assert.equal(applyEdits('xy', [e('a'), e('b')]), 'xaby');
});

test('the postmortem carries metadata, impact scope, the timeline with sources, time-to-X and every scaffold', () => {
  let text = declared();
  text = apply(text, appendTimelineEntry(text, { time: '2026-11-27T10:00:00Z', kind: 'fact', text: 'Timeouts', source: 'src/pay.ts:42' }));
  text = apply(text, ok(setFrontMatter(text, [{ path: 'started', value: '2026-11-27T09:40:00Z' }, { path: 'mitigated', value: '2026-11-27T10:27:00Z' }, { path: 'resolved', value: '2026-11-27T11:40:00Z' }, { path: 'status', value: 'resolved' }])));
  const pm = renderPostmortem(parseDocument(text), { authors: ['@maria'], now: NOW });
  const doc = parseDocument(pm);
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.postmortem?.incident, '2026-11-27-checkout-5xx-k3f9');
  assert.equal(doc.postmortem?.status, 'draft');
  assert.equal(doc.postmortem?.resolved, '2026-11-27T11:40:00Z');
  assert.match(pm, /time to detect: 12 min/);
  assert.match(pm, /time to mitigate: 47 min/);
  assert.match(pm, /time to resolve: 2 h 00 min/);
  assert.equal(doc.timeline.length, 2);
  assert.equal(doc.timeline[1].source?.text, 'src/pay.ts:42');
  assert.equal(doc.impactScope.length, 1);
  assert.deepEqual(doc.factors.map((f) => f.layer), ['technical-trigger', 'detection', 'rollout-control', 'responsibility-runbook', 'organizational']);
  for (const s of ['summary', 'impact', 'timeline', 'contributing-factors', 'missed-defenses', 'action-items']) assert.ok(doc.sections.some((x) => x.key === s), s);
  assert.match(pm, /^\| ID \| Action \| Owner \| Due \| Category \| Verification \| Status \|$/m);
  assert.equal(postmortemPathFor('incidents/x/incident.md'), 'incidents/x/postmortem.md');
});

test('the message is chat-ready: short title, commander, local and UTC times, no ids; restricted details left out', () => {
  const update = { time: '2026-11-27T10:15:00Z', known: 'Token for tenant 42 leaked', unknown: 'Scope', impact: 'Some logins fail', mitigation: 'Rotating keys', nextUpdate: '2026-11-27T10:45:00Z' };
  const now = Date.parse('2026-11-27T10:16:00Z');
  const incident = { title: 'Login errors', severity: 'SEV1' as const, status: 'investigating' as const, restricted: false, commander: '@maria' };
  const open = messageText(chatMessage({ incident, update, now, zone: fixedZone(60, 'CET') }));
  assert.equal(
    open,
    [
      '[SEV1] Login errors',
      'investigating · update 11:15 CET (10:15 UTC) · commander @maria',
      'Known: Token for tenant 42 leaked',
      'Unknown: Scope',
      'Impact: Some logins fail',
      'Mitigation: Rotating keys',
      'Next update by 11:45 CET (10:45 UTC)',
    ].join('\n'),
  );
  const restricted = messageText(chatMessage({ incident: { ...incident, restricted: true }, update, now, zone: UTC_ZONE }));
  assert.doesNotMatch(restricted, /Token|tenant 42|Login errors|Scope/);
  assert.match(restricted, /^\[SEV1\] Restricted incident$/m);
  assert.match(restricted, /Impact: Some logins fail/);
  assert.match(restricted, /Next update by 10:45 UTC$/);
  // A final update is the all-clear: no next time.
  const final = messageText(chatMessage({ incident: { ...incident, status: 'resolved' }, update: { ...update, nextUpdate: '', final: true }, now, zone: UTC_ZONE }));
  assert.match(final, /^\[SEV1\] Login errors — resolved, all clear$/m);
  assert.match(final, /This is the final update/);
  assert.doesNotMatch(final, /Next update/);
  assert.equal(shortTitle('Checkout returns 5xx for card payments in every EU region after the payments-api v4.12.0 deploy went out', 60), 'Checkout returns 5xx for card payments in every EU region…');
});

test('the checkpoint packet is prefilled from the current state', () => {
  let text = declared();
  text = apply(text, appendTimelineEntry(text, { time: '2026-11-27T10:00:00Z', kind: 'hypothesis', text: 'Provider latency' }));
  text = apply(text, appendTimelineEntry(text, { time: '2026-11-27T10:05:00Z', kind: 'action', text: 'Raised timeout to 5 s' }));
  const p = checkpointPrefill(parseDocument(text), NOW + 20 * 60_000, 'shift change', 30, NOW + 30 * 60_000);
  assert.equal(p.hypothesis, 'Provider latency');
  assert.equal(p.inFlightActions, 'Raised timeout to 5 s');
  assert.equal(p.customerImpact, 'EU checkouts fail');
  assert.match(p.state, /investigating, SEV1, 20 min since impact started, not yet mitigated/);
  assert.match(p.commsCadence, /every 30 min; next due 2026-11-27T10:22:00Z/);
  assert.match(p.decisionPoint, /Declared SEV1|@maria/);
  for (const v of Object.values(p)) assert.ok(String(v).length > 0);
});
