// Times as responders type them into prompts, and times shown back: local clock time with UTC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedZone, readTimeInput, relativeTime, timeWithUtc, UTC_ZONE, zonedTime, type DisplayZone, type TimeInput } from '../../src/core/incident';

const MIN = 60_000;
// 15:33:20 UTC on 27 November 2026 (16:33:20 in Berlin).
const NOW = Date.UTC(2026, 10, 27, 15, 33, 20);
const CET = fixedZone(60, 'CET');

function at(r: TimeInput): number {
  assert.ok(r.ok, r.ok ? '' : r.problem);
  return r.at;
}

test('a clock time without a zone is today in the zone shown, or tomorrow when it has passed', () => {
  const ahead = (text: string, zone: DisplayZone = UTC_ZONE) => readTimeInput(text, { now: NOW, zone, direction: 'future' });
  assert.equal(at(ahead('15:45')), Date.UTC(2026, 10, 27, 15, 45));
  assert.equal(at(ahead('15:30')), Date.UTC(2026, 10, 28, 15, 30), 'passed today: tomorrow');
  assert.equal(at(ahead('16:45', CET)), Date.UTC(2026, 10, 27, 15, 45), 'local CET is an hour ahead of UTC');
  assert.equal(at(ahead('3:45 pm')), Date.UTC(2026, 10, 27, 15, 45));
  const r = ahead('16:45', CET);
  assert.ok(r.ok);
  assert.equal(r.understood, '16:45 CET = 15:45 UTC, in 12 min');
  const u = ahead('15:45');
  assert.ok(u.ok);
  assert.equal(u.understood, '15:45 UTC, in 12 min');
});

test('a typed zone wins over the zone shown', () => {
  const ahead = (text: string) => readTimeInput(text, { now: NOW, zone: CET, direction: 'future' });
  assert.equal(at(ahead('15:45 UTC')), Date.UTC(2026, 10, 27, 15, 45));
  assert.equal(at(ahead('15:45Z')), Date.UTC(2026, 10, 27, 15, 45));
  assert.equal(at(ahead('10:45 EST')), Date.UTC(2026, 10, 27, 15, 45));
  assert.equal(at(ahead('17:45 +02:00')), Date.UTC(2026, 10, 27, 15, 45));
  // 15:45 in New York has not come yet at 15:33 UTC (10:33 there): today, not tomorrow.
  assert.equal(at(ahead('15:45 EST')), Date.UTC(2026, 10, 27, 20, 45));
  // 15:00 UTC has passed: tomorrow.
  assert.equal(at(ahead('15:00 UTC')), Date.UTC(2026, 10, 28, 15, 0));
});

test('relative times, now and full timestamps', () => {
  const ahead = (text: string) => readTimeInput(text, { now: NOW, zone: UTC_ZONE, direction: 'future' });
  const behind = (text: string) => readTimeInput(text, { now: NOW, zone: UTC_ZONE, direction: 'past' });
  const s = Math.floor(NOW / 1000) * 1000;
  assert.equal(at(ahead('+15m')), s + 15 * MIN);
  assert.equal(at(ahead('+ 1h 30m')), s + 90 * MIN);
  assert.equal(at(ahead('in 15 min')), s + 15 * MIN);
  assert.equal(at(ahead('in 2 hours')), s + 120 * MIN);
  assert.equal(at(ahead('in an hour')), s + 60 * MIN);
  assert.equal(at(behind('-15m')), s - 15 * MIN);
  assert.equal(at(behind('20 min ago')), s - 20 * MIN);
  assert.equal(at(behind('now')), s);
  assert.equal(at(ahead('2026-11-27T16:00:00Z')), Date.UTC(2026, 10, 27, 16));
  assert.equal(at(ahead('2026-11-27T17:00:00+01:00')), Date.UTC(2026, 10, 27, 16));
  assert.equal(at(readTimeInput('2026-11-27 17:00', { now: NOW, zone: CET, direction: 'future' })), Date.UTC(2026, 10, 27, 16));
  assert.equal(at(ahead('27 Nov 2026 16:00 UTC')), Date.UTC(2026, 10, 27, 16));
  const r = behind('-15m');
  assert.ok(r.ok);
  assert.equal(r.understood, '15:18 UTC, 15 min ago');
});

test('a time on the wrong side of now, or not a time, is refused with a reason', () => {
  const ahead = (text: string) => readTimeInput(text, { now: NOW, zone: UTC_ZONE, direction: 'future' });
  const behind = (text: string) => readTimeInput(text, { now: NOW, zone: UTC_ZONE, direction: 'past' });
  for (const [r, why] of [
    [ahead('now'), /has passed/],
    [ahead('-5m'), /has passed/],
    [ahead('2026-11-27T15:00:00Z'), /has passed/],
    [behind('+5m'), /in the future/],
    [behind('in 10 min'), /in the future/],
    [ahead('soon'), /is not a time Sitrep reads/],
    [ahead('25:61'), /is not a time/],
    [ahead('15:45 XYZ'), /is not a time/],
    [ahead('2026-02-30 10:00'), /is not a time/],
    [ahead(''), /Enter a time like/],
  ] as const) {
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.problem, why);
  }
  // Clock times behind now default to today, or yesterday when later than now.
  assert.equal(at(behind('15:18')), Date.UTC(2026, 10, 27, 15, 18));
  assert.equal(at(behind('23:50')), Date.UTC(2026, 10, 26, 23, 50));
});

test('times shown: local with UTC beside it, days named relative to today', () => {
  assert.equal(timeWithUtc(Date.UTC(2026, 10, 27, 15, 45), NOW, CET), '16:45 CET (15:45 UTC)');
  assert.equal(timeWithUtc(Date.UTC(2026, 10, 27, 15, 45), NOW, UTC_ZONE), '15:45 UTC');
  assert.equal(zonedTime(Date.UTC(2026, 10, 28, 8, 0), NOW, CET), 'tomorrow 09:00 CET');
  assert.equal(zonedTime(Date.UTC(2026, 10, 26, 22, 10), NOW, CET), 'yesterday 23:10 CET');
  assert.equal(zonedTime(Date.UTC(2026, 11, 3, 14, 45), NOW, CET), '3 Dec 15:45 CET');
  // Late in the evening UTC, CET is already on the next day.
  assert.equal(zonedTime(Date.UTC(2026, 10, 27, 23, 30), NOW, CET), 'tomorrow 00:30 CET');
  assert.equal(relativeTime(NOW + 12 * MIN, NOW), 'in 12 min');
  assert.equal(relativeTime(NOW - 90 * MIN, NOW), '1 h 30 min ago');
  assert.equal(relativeTime(NOW + 20_000, NOW), 'in less than a minute');
});

test('a zone with daylight saving: the offset in force on the day the time falls', () => {
  // Offsets as a European zone has them: +2 until 25 October 2026 01:00 UTC, +1 after.
  const switchAt = Date.UTC(2026, 9, 25, 1);
  const berlin: DisplayZone = { offsetAt: (ms) => (ms < switchAt ? 120 : 60), nameAt: (ms) => (ms < switchAt ? 'CEST' : 'CET') };
  const now = Date.UTC(2026, 9, 24, 20, 0); // 22:00 CEST on the 24th
  const r = readTimeInput('09:00', { now, zone: berlin, direction: 'future' });
  assert.equal(at(r), Date.UTC(2026, 9, 25, 8, 0), '09:00 CET the next morning');
  assert.ok(r.ok && r.understood.startsWith('tomorrow 09:00 CET = '));
});
