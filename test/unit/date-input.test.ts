// Due dates as people type them into the Add Action Item prompt, read into a calendar day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedZone, readDueDate, UTC_ZONE, type DateInput, type DisplayZone } from '../../src/core/incident';

// Tuesday 1 December 2026, 23:30 UTC (already Wednesday 2 December in Tokyo).
const NOW = Date.UTC(2026, 11, 1, 23, 30);
const TOKYO = fixedZone(9 * 60, 'JST');

function day(text: string, zone: DisplayZone = UTC_ZONE): string {
  const r: DateInput = readDueDate(text, { now: NOW, zone });
  assert.ok(r.ok, r.ok ? '' : `${text}: ${r.problem}`);
  return r.date;
}

function problem(text: string): string {
  const r = readDueDate(text, { now: NOW, zone: UTC_ZONE });
  assert.ok(!r.ok, `${text} was read as ${r.ok ? r.date : ''}`);
  return r.problem;
}

test('written dates: ISO, day and month, month and day, with or without a year', () => {
  assert.equal(day('2026-12-15'), '2026-12-15');
  assert.equal(day('15 Dec 2026'), '2026-12-15');
  assert.equal(day('Dec 15, 2026'), '2026-12-15');
  assert.equal(day('15 december'), '2026-12-15');
  assert.equal(day('  Jan 8 '), '2027-01-08', 'without a year: the next such day');
  assert.equal(day('1 Dec'), '2026-12-01', 'today is a due date');
});

test('relative days: today, tomorrow, offsets in days and weeks', () => {
  assert.equal(day('today'), '2026-12-01');
  assert.equal(day('Tomorrow'), '2026-12-02');
  assert.equal(day('+10d'), '2026-12-11');
  assert.equal(day('10d'), '2026-12-11');
  assert.equal(day('in 3 days'), '2026-12-04');
  assert.equal(day('in 1 day'), '2026-12-02');
  assert.equal(day('+2w'), '2026-12-15');
  assert.equal(day('in 2 weeks'), '2026-12-15');
});

test('weekdays: the coming one; the same weekday as today means a week on', () => {
  assert.equal(day('friday'), '2026-12-04');
  assert.equal(day('Fri'), '2026-12-04');
  assert.equal(day('next thursday'), '2026-12-03');
  assert.equal(day('tuesday'), '2026-12-08', 'today is a Tuesday');
  assert.equal(day('mon'), '2026-12-07');
});

test('"today" is the calendar day where the responder is', () => {
  assert.equal(day('today', TOKYO), '2026-12-02');
  assert.equal(day('tomorrow', TOKYO), '2026-12-03');
  assert.equal(day('friday', TOKYO), '2026-12-04');
});

test('what was understood is shown back: weekday, date and how far', () => {
  const r = readDueDate('+10d', { now: NOW, zone: UTC_ZONE });
  assert.ok(r.ok);
  assert.equal(r.understood, 'Fri 11 Dec 2026, in 10 days');
  const t = readDueDate('tomorrow', { now: NOW, zone: UTC_ZONE });
  assert.ok(t.ok);
  assert.equal(t.understood, 'Wed 2 Dec 2026, tomorrow');
  const w = readDueDate('in 3 weeks', { now: NOW, zone: UTC_ZONE });
  assert.ok(w.ok);
  assert.equal(w.understood, 'Tue 22 Dec 2026, in 3 weeks');
});

test('not a usable due date: past days, days that do not exist, words that are not dates', () => {
  assert.match(problem('2026-11-30'), /2026-11-30 is in the past/);
  assert.match(problem('2026-02-30'), /not a real day/);
  assert.match(problem('31 Feb'), /not a real day/);
  assert.match(problem('soon'), /"soon" is not a date Sitrep reads/);
  assert.match(problem('next week'), /not a date/);
  assert.match(problem('dec'), /not a date/);
  assert.match(problem(''), /^Enter a date like/);
});
