/** Dates, clock times and zones as people write them, and the timestamps they resolve to. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readClock, readDate, readDueDate, readZone, instant, findZone } from '../../src/core/parser/when';
import { readStamp, resolveStamp } from '../../src/core/parser/stamp';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));

test('dates: ISO, written with and without a year, with a weekday; impossible days are marked', () => {
  assert.deepEqual(readDate('2026-03-17 x', 0), { year: 2026, month: 3, day: 17, length: 10, valid: true });
  assert.equal(readDate('2026-09-31', 0)?.valid, false);
  assert.equal(readDate('17 March 2026', 0)?.year, 2026);
  assert.equal(readDate('March 17, 2026', 0)?.day, 17);
  assert.equal(readDate('Tuesday, 17 March 2026', 0)?.month, 3);
  assert.equal(readDate('Oct 16, 2026', 0)?.month, 10);
  assert.equal(readDate('Sep 15, 13:40', 0)?.year, undefined, 'a time after the comma is not a year');
  assert.equal(readDate('Mar 3', 0)?.year, undefined);
  assert.equal(readDate('03-26 16:37', 0), undefined, 'numeric month-day only where asked');
  assert.equal(readDate('03-26 16:37', 0, true)?.monthDay, true);
  assert.equal(readDate('Marching on', 0), undefined);
});

test('clock times: 24-hour, seconds, am/pm; out-of-range values are not times', () => {
  assert.deepEqual(readClock('16:37', 0), { hour: 16, minute: 37, second: 0, length: 5 });
  assert.equal(readClock('4:37 PM', 0)?.hour, 16);
  assert.equal(readClock('12:10am', 0)?.hour, 0);
  assert.equal(readClock('16:37:05', 0)?.second, 5);
  assert.equal(readClock('25:00', 0), undefined);
  assert.equal(readClock('13:60', 0), undefined);
  assert.equal(readClock('7pm', 0), undefined);
});

test('zones: abbreviations, offsets and region names with daylight saving', () => {
  assert.equal(readZone('UTC', 0)?.offset, 0);
  assert.equal(readZone('CEST', 0)?.offset, 120);
  assert.equal(readZone('+05:30', 0)?.offset, 330);
  assert.equal(readZone('UTC+1', 0)?.offset, 60);
  assert.equal(readZone('XYZ', 0), undefined);
  assert.equal(findZone('Timeline (all times in Central European Time)')?.offset, 60);
  const pacific = readZone('US/Pacific', 0)!;
  const c = { hour: 9, minute: 0, second: 0, length: 5 };
  assert.equal(iso(instant(2026, 7, 3, c, pacific)), '2026-07-03T16:00:00Z', 'summer: UTC-7');
  assert.equal(iso(instant(2026, 12, 3, c, pacific)), '2026-12-03T17:00:00Z', 'winter: UTC-8');
  assert.equal(iso(instant(2026, 3, 29, c, readZone('Europe/London', 0)!)), '2026-03-29T08:00:00Z', 'after the EU change: UTC+1');
  assert.equal(iso(instant(2026, 3, 28, c, readZone('Europe/London', 0)!)), '2026-03-28T09:00:00Z', 'before it: UTC+0');
});

test('due dates: calendar dates with a year are accepted; the rest say why not', () => {
  for (const ok of ['2026-05-22', '22 May 2026', '6 November 2026', 'May 22, 2026', 'February 6, 2026', 'Oct 16, 2026', '2026-05-22 (moved)']) {
    assert.ok(readDueDate(ok).date, ok);
  }
  assert.equal(readDueDate('May 22, 2026').date, '2026-05-22');
  for (const [bad, why] of [
    ['Q2 2026', 'is not a calendar date'],
    ['next sprint', 'is not a calendar date'],
    ['June 19', 'has no year'],
    ['2026-09-31', 'is not a real date'],
    ['Feb', 'is not a calendar date'],
    ['', 'is empty'],
  ]) {
    assert.equal(readDueDate(bad).problem, why, bad);
  }
});

test('stamps: the shapes a timeline entry starts with, resolved with their context', () => {
  const at = (line: string, ctx = {}) => {
    const s = readStamp(line, 0);
    assert.ok(s, line);
    return resolveStamp(s, ctx);
  };
  assert.equal(iso(at('2026-03-17 16:37 UTC — x').at), '2026-03-17T16:37:00Z');
  assert.equal(iso(at('**2026-03-02, 16:20 GMT** — x').at), '2026-03-02T16:20:00Z');
  assert.equal(iso(at('`2026-03-17T16:37Z` x').at), '2026-03-17T16:37:00Z');
  assert.equal(iso(at('17 March 2026  16:37 CET: x').at), '2026-03-17T15:37:00Z');
  assert.equal(iso(at('[03-26 16:37] x', { year: 2026, zone: { offset: 0, text: 'UTC', length: 3, from: 'h' } }).at), '2026-03-26T16:37:00Z');
  assert.equal(at('Around 19:10 UTC — x').problem, 'has no date');
  assert.equal(at('2026-02-24 06:49 — x').problem, 'has no time zone');
  assert.equal(at('2026-06-18 (early morning) — x').problem, 'gives "(early morning)", not a clock time');
  assert.equal(at('Mar 3 10:05 UTC x').problem, 'has a date without a year');
  assert.match(at('lunchtime — x').problem ?? '', /not a clock time/);
  assert.equal(readStamp('Later that night the incident was closed', 0), undefined);
  assert.equal(readStamp('Notes from the call', 0), undefined);
  assert.equal(iso(at('16:37 — x', { date: { year: 2026, month: 3, day: 17, length: 0, valid: true, from: 'heading' }, zone: { offset: 60, text: 'CET', length: 3, from: 'note' } }).at), '2026-03-17T15:37:00Z');
});
