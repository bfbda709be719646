import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cadenceProblem,
  checkNextUpdate,
  countdown,
  defaultNextUpdate,
  effectiveCadence,
  generateIncidentId,
  needsCadenceConfirmation,
  isOverdue,
  OverdueReminders,
  randomSuffix,
  shortName,
  slugify,
  StrategyPrompts,
  timeOrderProblems,
  timeToX,
} from '../../src/core/incident';

const NOW = Date.UTC(2026, 10, 27, 9, 52, 0);
const MIN = 60_000;

test('slugify keeps words, drops punctuation and accents, never returns empty', () => {
  assert.equal(slugify('Checkout 5xx: errors on /pay!'), 'checkout-5xx-errors-on-pay');
  assert.equal(slugify('Café DNS — résolution'), 'cafe-dns-resolution');
  assert.equal(slugify('!!!'), 'incident');
  const long = slugify('a very long incident title that goes on and on about the database failover');
  assert.ok(long.length <= 40, long);
  assert.ok(!long.endsWith('-'));
});

test('incident ids are date + slug + random suffix', () => {
  const id = generateIncidentId('Checkout 5xx', { now: NOW, random: () => 0.5 });
  assert.match(id, /^2026-11-27-checkout-5xx-[0-9a-z]{4}$/);
  assert.equal(shortName(id), 'checkout-5xx');
  assert.equal(shortName('not-an-id'), 'not-an-id');
});

test('ids never collide with taken ones, even with a stuck random source', () => {
  const stuck = () => 0;
  const first = generateIncidentId('Checkout 5xx', { now: NOW, random: stuck });
  const second = generateIncidentId('Checkout 5xx', { now: NOW, random: stuck, taken: [first] });
  assert.notEqual(second, first);
  const taken = new Set([first, second]);
  const third = generateIncidentId('Checkout 5xx', { now: NOW, random: stuck, taken: (id) => taken.has(id) });
  assert.ok(!taken.has(third));
  // Case-insensitive.
  const upper = generateIncidentId('Checkout 5xx', { now: NOW, random: stuck, taken: [first.toUpperCase()] });
  assert.notEqual(upper, first);
});

test('a thousand ids from the real random source are all distinct', () => {
  const taken = new Set<string>();
  for (let i = 0; i < 1000; i++) {
    const id = generateIncidentId('Same title', { now: NOW, taken: (x) => taken.has(x) });
    assert.ok(!taken.has(id));
    taken.add(id);
  }
  assert.equal(taken.size, 1000);
  assert.match(randomSuffix(() => 0.999), /^z{4}$/);
});

test('cadence: SEV1 at most 30, SEV2 at most 60, SEV3/SEV4 confirmed by the user', () => {
  assert.equal(effectiveCadence('SEV1', undefined), 30);
  assert.equal(effectiveCadence('SEV1', 45), 30);
  assert.equal(effectiveCadence('SEV1', 15), 15);
  assert.equal(effectiveCadence('SEV2', 90), 60);
  assert.equal(effectiveCadence('SEV3', 180), 180);
  assert.equal(effectiveCadence('SEV1', undefined, { severities: { SEV1: { cadence_minutes: 20 } } }), 20);
  assert.equal(effectiveCadence('SEV2', undefined, { severities: { SEV2: { cadence_minutes: 120 } } }), 60);
  assert.equal(needsCadenceConfirmation('SEV1'), false);
  assert.equal(needsCadenceConfirmation('SEV2'), false);
  assert.equal(needsCadenceConfirmation('SEV3'), true);
  assert.equal(needsCadenceConfirmation('SEV4'), true);
  assert.match(cadenceProblem('SEV1', 31) ?? '', /30 minutes/);
  assert.match(cadenceProblem('SEV2', 61) ?? '', /60 minutes/);
  assert.equal(cadenceProblem('SEV3', 240), undefined);
  assert.ok(cadenceProblem('SEV4', 0));
  assert.ok(cadenceProblem('SEV4', 2.5));
  assert.ok(cadenceProblem('SEV4', 1441));
  // Without a known severity only the incident's own cadence counts.
  assert.equal(effectiveCadence(undefined, 45), 45);
  assert.equal(effectiveCadence(undefined, undefined), undefined);
  assert.equal(effectiveCadence('SEV3', 0), 120);
});

test('next update: default now + cadence rounded up to the minute; later than the cadence needs confirmation', () => {
  assert.equal(defaultNextUpdate(NOW, 30), NOW + 30 * MIN);
  // Rounded down, never up: the default always keeps the cadence.
  assert.equal(defaultNextUpdate(NOW + 15_000, 30), NOW + 30 * MIN);
  assert.equal(defaultNextUpdate(NOW + 59_999, 30), NOW + 30 * MIN);
  assert.deepEqual(checkNextUpdate(NOW + 30 * MIN, NOW, 30), { ok: true });
  const late = checkNextUpdate(NOW + 45 * MIN, NOW, 30);
  assert.equal(late.ok, false);
  assert.equal(!late.ok && late.reason, 'beyond-cadence');
  // No slack: a second past the cadence is beyond it.
  assert.deepEqual(checkNextUpdate(NOW + 30 * MIN, NOW + 500, 30), { ok: true });
  assert.equal(checkNextUpdate(NOW + 30 * MIN + 1000, NOW, 30).ok, false);
  const past = checkNextUpdate(NOW - MIN, NOW, 30);
  assert.equal(!past.ok && past.reason, 'past');
});

test('countdown: ok, warning under the threshold, overdue past due', () => {
  assert.deepEqual(countdown(NOW + 12 * MIN + 4000, NOW), { state: 'ok', seconds: 724, text: 'update in 12:04' });
  assert.equal(countdown(NOW + 4 * MIN, NOW).state, 'warning');
  assert.equal(countdown(NOW + 4 * MIN, NOW, 3).state, 'ok');
  assert.deepEqual(countdown(NOW - (3 * MIN + 12_000), NOW), { state: 'overdue', seconds: -192, text: 'overdue 3:12' });
  // At the deadline the update is due, not late; a second later it is overdue.
  assert.deepEqual(countdown(NOW, NOW), { state: 'warning', seconds: 0, text: 'update in 0:00' });
  assert.deepEqual(countdown(NOW, NOW + 1000), { state: 'overdue', seconds: -1, text: 'overdue 0:01' });
  assert.equal(isOverdue(NOW, NOW), false);
  assert.equal(isOverdue(NOW, NOW + 1), true);
  assert.equal(countdown(undefined, NOW).state, 'none');
  assert.equal(countdown(NOW + 90 * MIN, NOW).text, 'update in 1:30:00');
});

test('time to detect, mitigate and resolve are measured from the start', () => {
  const t = { started: '2026-11-27T09:40:00Z', detected: '2026-11-27T09:52:00Z', mitigated: '2026-11-27T10:27:00Z', resolved: '2026-11-27T11:40:00+01:00' };
  assert.deepEqual(timeToX(t), { detect: 12 * MIN, mitigate: 47 * MIN, resolve: 60 * MIN });
  assert.deepEqual(timeToX({ started: '2026-11-27T09:40:00Z' }), { detect: undefined, mitigate: undefined, resolve: undefined });
  assert.deepEqual(timeToX({ started: '2026-11-27T09:40:00Z', detected: '2026-11-27T09:00:00Z' }).detect, undefined);
  assert.equal(timeOrderProblems(t).length, 0);
  assert.match(timeOrderProblems({ started: '2026-11-27T09:40:00Z', detected: '2026-11-27T09:00:00Z' })[0], /detected .* is before started/);
});

test('overdue reminders: once when overdue, again after the interval, not while snoozed', () => {
  const r = new OverdueReminders(5);
  const inc = { key: 'a', due: NOW };
  const T = NOW + 1000; // first overdue second
  assert.deepEqual(r.due([inc], NOW - 1), []);
  assert.deepEqual(r.due([inc], NOW), [], 'due now is not overdue yet');
  assert.deepEqual(r.due([inc], T), ['a']);
  assert.deepEqual(r.due([inc], T + 4 * MIN), []);
  assert.deepEqual(r.due([inc], T + 5 * MIN), ['a']);
  r.snooze('a', T + 10 * MIN + 1);
  assert.deepEqual(r.due([inc], T + 10 * MIN), []);
  assert.deepEqual(r.due([inc], T + 11 * MIN), ['a']);
  // A new due time (an update was posted, then missed again) notifies at once.
  assert.deepEqual(r.due([{ key: 'a', due: T + 11 * MIN + 30_000 }], T + 12 * MIN), ['a']);
  assert.deepEqual(r.due([{ key: 'a', due: undefined }], T + 20 * MIN), []);
});

test('the strategy prompt fires once per checkpoint, only while investigating', () => {
  const s = new StrategyPrompts();
  const inc = { key: 'a', checkpoint: NOW, investigating: true };
  assert.deepEqual(s.due([inc], NOW - 1), []);
  assert.deepEqual(s.due([inc], NOW), ['a']);
  assert.deepEqual(s.due([inc], NOW + MIN), []);
  assert.deepEqual(s.due([{ ...inc, checkpoint: NOW + 30 * MIN }], NOW + 31 * MIN), ['a']);
  assert.deepEqual(s.due([{ key: 'b', checkpoint: NOW, investigating: false }], NOW + MIN), []);
});
