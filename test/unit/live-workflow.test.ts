// What the live commands decide, beyond the first release: declaring with impact start and
// detection, peak severity, the all-clear, the kinds offered for logging, the overdue reminder,
// multi-step prompts with Back and drafts, and the chat payloads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/core/lint';
import { parseDocument } from '../../src/core/parser';
import {
  allClearPrefill,
  appendStatusUpdate,
  appendTimelineEntry,
  applyEdits,
  chatMessage,
  chatPayload,
  checkpointPrefill,
  describeDraft,
  fixedZone,
  IncidentIndex,
  isResumable,
  latestStatusUpdate,
  liveAnswers,
  nextStep,
  overdueNotice,
  previousStep,
  renderIncident,
  renderPostmortem,
  setFrontMatter,
  severityChange,
  soloRoles,
  statusUpdatePost,
  timelineKindChoices,
  timeToX,
  UTC_ZONE,
  type FlowStep,
} from '../../src/core/incident';
import { formatTimestamp } from '../../src/core/time';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 27, 3, 0, 0);

function declare(extra: Partial<Parameters<typeof renderIncident>[0]> = {}): string {
  return renderIncident({ id: '2026-11-27-checkout-5xx-k3f9', title: 'Checkout returns 5xx', severity: 'SEV2', impactSummary: 'EU checkouts fail', roles: soloRoles('@maria'), cadenceMinutes: 60, now: NOW, ...extra });
}

function indexed(text: string) {
  const index = new IncidentIndex();
  index.update('k', text, { relativePath: 'incidents/x/incident.md' });
  const i = index.get('k');
  assert.ok(i && i.kind === 'incident');
  return i;
}

test('declaring with impact start and detection: real time to detect, a detection entry before the declaration', () => {
  const text = declare({ started: NOW - 15 * MIN, detected: NOW - 5 * MIN, detectedBy: 'alert: checkout 5xx rate' });
  assert.match(text, /^started: 2026-11-27T02:45:00Z$/m);
  assert.match(text, /^detected: 2026-11-27T02:55:00Z$/m);
  assert.match(text, /^detected_by: "alert: checkout 5xx rate"$/m);
  const doc = parseDocument(text);
  assert.ok(doc.incident, JSON.stringify(doc.problems));
  assert.deepEqual(doc.timeline.map((e) => e.kind), ['detection', 'decision']);
  assert.match(doc.lines[doc.timeline[0].line], /\[detection\] Detected by alert: checkout 5xx rate; impact started 2026-11-27T02:45:00Z \(time to detect 10 min\)\.$/);
  assert.equal(timeToX({ started: '2026-11-27T02:45:00Z', detected: '2026-11-27T02:55:00Z' }).detect, 10 * MIN);
  assert.deepEqual(lint(text, { now: NOW }).findings, []);
});

test('peak severity: raised then lowered, the postmortem reports the peak', () => {
  let text = declare();
  const up = severityChange(indexed(text), 'SEV1', 30, NOW + 10 * MIN, 'all regions');
  assert.deepEqual(up.fm.find((c) => c.path === 'peak_severity'), { path: 'peak_severity', value: 'SEV1' });
  let r = setFrontMatter(text, up.fm);
  assert.ok(r.ok);
  text = applyEdits(text, r.edits);
  const down = severityChange(indexed(text), 'SEV3', 120, NOW + 40 * MIN, 'one region left');
  assert.deepEqual(down.fm.find((c) => c.path === 'peak_severity'), { path: 'peak_severity', value: 'SEV1' }, 'lowering keeps the peak');
  r = setFrontMatter(text, down.fm);
  assert.ok(r.ok);
  text = applyEdits(text, r.edits);
  assert.equal(indexed(text).peakSeverity, 'SEV1');
  const pm = renderPostmortem(parseDocument(text), { authors: ['@maria'], now: NOW + 90 * MIN });
  assert.match(pm, /^severity: SEV1$/m);
  assert.match(pm, /^- \*\*Severity:\*\* SEV1 at its peak \(SEV3 at the end\)$/m);
});

test('the all-clear: a final update with no next time, which the linter accepts and the message says', () => {
  const text = declare();
  const post = statusUpdatePost(NOW + 50 * MIN, { ...allClearPrefill({ impactSummary: 'EU checkouts fail', resolved: NOW + 49 * MIN }, 'rolled back payments-api'), final: true });
  assert.deepEqual(post.fm, [], 'no next_update_due for a final update');
  assert.equal(post.update.final, true);
  assert.equal(post.update.known, 'Resolved: rolled back payments-api');
  assert.match(post.update.impact, /^No user impact since 2026-11-27T03:49:00Z\. Before that: EU checkouts fail$/);
  const after = applyEdits(text, [appendTimelineEntry(text, post.entry), appendStatusUpdate(text, post.update)]);
  assert.match(after, /^### 2026-11-27T03:50:00Z — final update$/m);
  assert.match(after, /^- \*\*Next update:\*\* none: this is the final update$/m);
  const rules = lint(after, { now: NOW + 51 * MIN }).findings.map((f) => f.rule);
  assert.ok(!rules.includes('status-update-next-time') && !rules.includes('update-cadence'), rules.join());
  const latest = latestStatusUpdate(parseDocument(after));
  assert.equal(latest?.final, true);
  assert.equal(latest?.nextUpdate, '');
  const message = chatMessage({ incident: { title: 'Checkout returns 5xx', severity: 'SEV2', status: 'resolved', restricted: false, commander: '@maria' }, update: latest!, now: NOW + 51 * MIN, zone: UTC_ZONE });
  assert.equal(message.final, true);
  assert.doesNotMatch(message.next, /Next update/);
  // A regular update writes next_update_due and says when.
  const regular = statusUpdatePost(NOW, { known: 'k', unknown: 'u', impact: 'i', mitigation: 'm', next: NOW + 30 * MIN });
  assert.deepEqual(regular.fm, [{ path: 'next_update_due', value: '2026-11-27T03:30:00Z' }]);
  assert.equal(regular.entry.text, 'Status update posted; next update by 2026-11-27T03:30:00Z.');
});

test('the handover packet is prefilled from the latest update’s mitigation and the actions in flight', () => {
  let text = declare();
  text = applyEdits(text, [appendStatusUpdate(text, { time: formatTimestamp(NOW + 5 * MIN), known: 'k', unknown: 'u', impact: 'EU checkouts fail', mitigation: 'Rolling back payments-api', nextUpdate: formatTimestamp(NOW + 35 * MIN) })]);
  text = applyEdits(text, [appendTimelineEntry(text, { time: formatTimestamp(NOW + 6 * MIN), kind: 'action', text: 'Paged the payments team' })]);
  const p = checkpointPrefill(parseDocument(text), NOW + 10 * MIN, 'handover', 60);
  assert.equal(p.inFlightActions, 'Rolling back payments-api; Paged the payments team');
});

test('log kinds: the most used first, then fact, action, decision, hypothesis; bookkeeping kinds not offered', () => {
  const plain = timelineKindChoices();
  assert.deepEqual(plain.slice(0, 4), ['fact', 'action', 'decision', 'hypothesis']);
  for (const k of ['status-update', 'role-change', 'severity-change', 'checkpoint']) assert.ok(!plain.includes(k as never), k);
  assert.deepEqual(timelineKindChoices({ mitigation: 3, decision: 1 }).slice(0, 3), ['mitigation', 'decision', 'fact']);
});

test('the overdue reminder says "due now" in its first minute, never "overdue 0:00"', () => {
  const i = { severity: 'SEV2' as const, restricted: false, id: 'x', name: 'x', title: 'Primary database failover stuck', nextUpdateDue: NOW };
  assert.equal(overdueNotice(i, NOW + 400, UTC_ZONE), 'SEV2 Primary database failover stuck: status update is due now; it was due at 03:00 UTC.');
  assert.equal(overdueNotice(i, NOW + 3 * MIN + 12_000, fixedZone(60, 'CET')), 'SEV2 Primary database failover stuck: status update overdue by 3 min; it was due at 04:00 CET (03:00 UTC).');
  assert.match(overdueNotice({ ...i, restricted: true, id: '2026-11-27-restricted-ab12' }, NOW + 5 * MIN, UTC_ZONE), /^SEV2 2026-11-27-restricted-ab12: /);
});

test('multi-step prompts: Back and Next skip the steps that do not apply; drafts describe what was kept', () => {
  const steps: FlowStep[] = [
    { key: 'title', label: 'title' },
    { key: 'severity', label: 'severity' },
    { key: 'cadence', label: 'cadence', when: (a) => a.severity === 'SEV3' || a.severity === 'SEV4' },
    { key: 'impact', label: 'impact' },
  ];
  assert.equal(nextStep(steps, { severity: 'SEV1' }, 1), 3);
  assert.equal(nextStep(steps, { severity: 'SEV3' }, 1), 2);
  assert.equal(previousStep(steps, { severity: 'SEV1' }, 3), 1);
  assert.equal(previousStep(steps, { severity: 'SEV4' }, 3), 2);
  assert.equal(previousStep(steps, {}, 0), -1);
  assert.equal(nextStep(steps, {}, 3), 4);
  assert.deepEqual(liveAnswers(steps, { title: 't', severity: 'SEV1', cadence: '120', impact: 'i' }), { title: 't', severity: 'SEV1', impact: 'i' });
  const draft = { command: 'sitrep.declareIncident', answers: { title: 'Checkout returns 5xx', severity: 'SEV1' }, step: 'impact', typed: 'About 30% of EU', savedAt: NOW };
  assert.ok(isResumable(draft, NOW + 5 * MIN));
  assert.equal(describeDraft(draft, steps, NOW + 4 * MIN), '2 answers (title "Checkout returns 5xx", severity "SEV1") and text typed at impact, saved 4 min ago');
  assert.equal(isResumable({ ...draft, savedAt: NOW - 25 * 3600_000 }, NOW), false, 'a day-old draft is not offered');
  assert.equal(isResumable({ ...draft, answers: {}, typed: '' }, NOW), false, 'nothing to resume');
});

test('chat payloads: Slack text plus blocks, a Teams Adaptive Card, Mattermost markdown; values escaped', () => {
  const m = chatMessage({
    incident: { title: 'Checkout <returns> 5xx & more', severity: 'SEV1', status: 'investigating', restricted: false, commander: '@maria' },
    update: { time: '2026-11-27T03:15:00Z', known: 'Timeouts @channel', unknown: 'Why', impact: '30% fail', mitigation: 'Rollback', nextUpdate: '2026-11-27T03:45:00Z' },
    now: NOW + 15 * MIN,
    zone: fixedZone(60, 'CET'),
  });
  const slack = chatPayload('slack', m) as { text: string; blocks: Array<Record<string, unknown>> };
  assert.deepEqual(slack.blocks[0], { type: 'header', text: { type: 'plain_text', text: 'SEV1 · Checkout <returns> 5xx & more', emoji: false } });
  assert.deepEqual(slack.blocks[1], { type: 'context', elements: [{ type: 'mrkdwn', text: 'investigating · update 04:15 CET (03:15 UTC) · commander @maria' }] });
  assert.deepEqual((slack.blocks[2] as { fields: unknown[] }).fields[0], { type: 'mrkdwn', text: '*Known*\nTimeouts @channel' });
  assert.deepEqual(slack.blocks[3], { type: 'context', elements: [{ type: 'mrkdwn', text: 'Next update by 04:45 CET (03:45 UTC)' }] });
  assert.match(slack.text, /^\[SEV1\] Checkout &lt;returns&gt; 5xx &amp; more\n/);
  const teams = chatPayload('teams', m) as { type: string; attachments: Array<{ contentType: string; content: { type: string; body: Array<{ type: string; facts?: Array<{ title: string; value: string }>; text?: string }> } }> };
  assert.equal(teams.type, 'message');
  assert.equal(teams.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
  assert.equal(teams.attachments[0].content.type, 'AdaptiveCard');
  assert.deepEqual(teams.attachments[0].content.body[2].facts?.map((f) => f.title), ['Known', 'Unknown', 'Impact', 'Mitigation']);
  assert.equal(teams.attachments[0].content.body[3].text, 'Next update by 04:45 CET (03:45 UTC)');
  const mm = chatPayload('mattermost', m) as { text: string };
  assert.deepEqual(Object.keys(mm), ['text']);
  assert.match(mm.text, /^#### SEV1 · Checkout <returns> 5xx & more\n_investigating · update 04:15 CET \(03:15 UTC\) · commander @maria_\n\n\*\*Known:\*\* Timeouts @\u200bchannel\n/);
  // No ids or paths in any of them.
  for (const p of [slack, teams, mm]) assert.doesNotMatch(JSON.stringify(p), /k3f9|incidents\//);
});
