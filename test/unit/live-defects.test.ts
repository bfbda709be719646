// Regression tests for defects found running an incident at 3 a.m. (issue 11), each in the core
// layer where it lived: the default next update and the cadence rule, a typo in an active
// incident's front matter, and the message after resolution.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/core/lint';
import { parseDocument } from '../../src/core/parser';
import {
  appendActionRow,
  appendStatusUpdate,
  appendTimelineEntry,
  applyEdits,
  recoverySignal,
  renderPostmortem,
  setFrontMatter,
  statusTransition,
  checkNextUpdate,
  countdown,
  defaultNextUpdate,
  IncidentIndex,
  renderIncident,
  soloRoles,
  statusBarView,
} from '../../src/core/incident';
import { beyond } from '../../src/core/rules/update-cadence';
import { formatTimestamp } from '../../src/core/time';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 27, 3, 0, 0);

function declared(now = NOW, severity: 'SEV1' | 'SEV2' = 'SEV1', cadence = 30): string {
  return renderIncident({ id: '2026-11-27-checkout-5xx-k3f9', title: 'Checkout returns 5xx', severity, impactSummary: 'EU checkouts fail', roles: soloRoles('@maria'), cadenceMinutes: cadence, now });
}

test('every default next update keeps the SEV1 cadence: no update-cadence finding and a countdown of at most 30:00', () => {
  // Any second of the minute: the old default rounded up and promised up to 30:59 ahead.
  for (let s = 0; s < 60; s += 7) {
    for (const ms of [0, 1, 499, 999]) {
      const now = NOW + 5 * MIN + s * 1000 + ms;
      const text = declared(NOW);
      const next = defaultNextUpdate(now, 30);
      assert.deepEqual(checkNextUpdate(next, now, 30), { ok: true });
      const update = { time: formatTimestamp(now), known: 'k', unknown: 'u', impact: 'i', mitigation: 'm', nextUpdate: formatTimestamp(next) };
      const after = applyEdits(text, [appendStatusUpdate(text, update)]);
      const cadence = lint(after, { now }).findings.filter((f) => f.rule === 'update-cadence');
      assert.deepEqual(cadence, [], `posted at +${s}.${ms} s`);
      assert.ok(countdown(next, now).seconds <= 30 * 60, countdown(next, now).text);
    }
  }
});

test('the cadence message never contradicts itself: 30 min 28 s is more than 30 min', () => {
  const text = declared();
  const update = { time: formatTimestamp(NOW + MIN), known: 'k', unknown: 'u', impact: 'i', mitigation: 'm', nextUpdate: formatTimestamp(NOW + 31 * MIN + 28_000) };
  const f = lint(applyEdits(text, [appendStatusUpdate(text, update)]), { now: NOW + 2 * MIN }).findings.filter((x) => x.rule === 'update-cadence');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^Next update promised 30 min 28 s after this one; SEV1 allows at most 30 min\./);
  assert.equal(beyond(31 * MIN, 30), '31 min');
  assert.equal(beyond(30 * MIN + 1000, 30), '30 min 1 s');
  assert.equal(beyond(95 * MIN, 30), '1 h 35 min');
});

test('a typo in severity keeps the countdown, at the most urgent cadence, in the status bar and its tooltip', () => {
  const text = declared(NOW, 'SEV2', 60).replace('severity: SEV2', 'severity: SEV7').replace(/^next_update_due: .*\n/m, '');
  const index = new IncidentIndex();
  index.update('k', text, { relativePath: 'incidents/x/incident.md' });
  const i = index.active()[0];
  assert.equal(i.valid, false);
  assert.equal(i.cadenceMinutes, 30, 'SEV1 cadence when the severity does not read');
  assert.equal(i.nextUpdateDue, NOW + 30 * MIN);
  const view = statusBarView(index, NOW + 10 * MIN);
  assert.equal(view.visible, true);
  assert.match(view.text, /SEV\? Checkout returns 5xx · update in 20:00/);
  assert.match(view.tooltip, /front matter broken: line 5: "severity": expected one of SEV1, SEV2, SEV3, SEV4/);
});

test('a broken quote in the title keeps the countdown, the roles and the title; problems do not cascade', () => {
  const text = declared().replace('title: Checkout returns 5xx', 'title: "Checkout returns 5xx');
  const index = new IncidentIndex();
  index.update('k', text, { relativePath: 'incidents/x/incident.md' });
  const i = index.active()[0];
  assert.equal(i.valid, false);
  assert.equal(i.status, 'investigating');
  assert.equal(i.roles?.commander, '@maria');
  assert.equal(i.nextUpdateDue, NOW + 30 * MIN);
  assert.equal(statusBarView(index, NOW + MIN).visible, true);
  // One finding for the one typo: no "no incident commander", no impact cascade.
  const rules = lint(text, { now: NOW + MIN }).findings.map((f) => f.rule);
  assert.deepEqual(rules, ['front-matter-schema']);
  const sev7 = lint(declared().replace('severity: SEV1', 'severity: SEV7'), { now: NOW + MIN }).findings.map((f) => f.rule);
  assert.deepEqual(sev7, ['front-matter-schema']);
  // The parsed document still says the YAML is broken: nothing pretends it is valid.
  assert.equal(parseDocument(text).frontMatter?.data, undefined);
});

test('a fresh postmortem with one action and one detection entry does not pass: every hint left is a finding', () => {
  let inc = declared();
  const resolved = statusTransition('resolved', {}, formatTimestamp(NOW + 50 * MIN), 'rolled back', recoverySignal('success 99.9%', 'errors at baseline'));
  const fm = setFrontMatter(inc, resolved.fm);
  assert.ok(fm.ok);
  inc = applyEdits(inc, [...fm.edits, appendTimelineEntry(inc, resolved.entry)]);
  let pm = renderPostmortem(parseDocument(inc), { authors: ['@maria'], now: NOW + 60 * MIN });
  pm = applyEdits(pm, [appendActionRow(pm, { action: 'Alert on EU checkout 5xx rate above 1% for 5 min', owner: '@maria', due: '2099-01-15', category: 'detect', verification: 'alert fires in the staging game day' }).edit]);
  pm = applyEdits(pm, [appendTimelineEntry(pm, { time: formatTimestamp(NOW + 2 * MIN), kind: 'detection', text: 'Checkout 5xx alert paged on-call' })]);
  const findings = lint(pm, { now: NOW + 70 * MIN }).findings;
  const errors = findings.filter((f) => f.severity === 'error');
  assert.ok(errors.length > 0, 'lint does not pass');
  const lines = pm.split('\n');
  const hints = findings.filter((f) => f.rule === 'template-hint').map((f) => lines[f.range.line]);
  assert.equal(hints.length, 7, hints.join('\n'));
  assert.match(hints[0], /^_Two or three sentences/);
  for (const layer of ['technical-trigger', 'detection', 'rollout-control', 'responsibility-runbook', 'organizational']) {
    assert.ok(hints.some((h) => h.startsWith(`- **${layer}:** _`)), layer);
  }
  assert.match(hints[6], /^- _Which alert, check/);
  // Writing the summary clears its finding; the impact stays as its start.
  const written = pm.replace(/^_Two or three sentences.*$/m, 'Payments-api v4.12.0 halved the client timeout; rolling it back ended the errors.');
  assert.equal(lint(written, { now: NOW + 70 * MIN }).findings.filter((f) => f.rule === 'template-hint').length, 6);
});
