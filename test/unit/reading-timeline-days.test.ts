/**
 * Timelines whose date is given once and not beside each time: in the section's heading, by a
 * next-day marker or by the clock running past midnight, after the time, or in a pasted log.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parser';
import { appendTimelineEntry } from '../../src/core/incident/edits';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));

/** The instants (or problems) of the timeline entries of a review whose body is `body`. */
function instants(body: string): string[] {
  const doc = parseDocument(`# Review of the ledger stall\n\n${body}\n`, { assumeKind: 'postmortem' });
  return doc.timeline.map((e) => iso(e.at) ?? `(${e.timeProblem})`);
}

test('a date in the timeline heading dates the entries that give only a clock time', () => {
  assert.deepEqual(instants('## Timeline — 3 February 2027 (EET)\n\n- 09:15 ledger writes stall\n- 09:40 replica promoted'), [
    '2027-02-03T07:15:00Z',
    '2027-02-03T07:40:00Z',
  ]);
  assert.deepEqual(instants('## Timeline (2027-02-03, all times UTC)\n\n09:15 ledger writes stall\n09:40 replica promoted'), [
    '2027-02-03T09:15:00Z',
    '2027-02-03T09:40:00Z',
  ]);
  // A date sub-heading or an entry's own date still wins over the heading's.
  assert.deepEqual(instants('## Timeline — 3 February 2027 (UTC)\n\n- 2027-02-01 08:00 cert issued\n\n### 4 February 2027\n\n- 10:00 ledger back'), [
    '2027-02-01T08:00:00Z',
    '2027-02-04T10:00:00Z',
  ]);
  // A day range names no single date: the entries keep saying what they lack.
  assert.deepEqual(instants('## Timeline (3–4 February 2027, UTC)\n\n- 09:15 ledger writes stall'), ['(has no date)']);
});

test('next-day markers after (or before) the clock move an entry to the following day', () => {
  const heading = '## Timeline\n\n30 June 2027 (all times UTC)\n\n- 22:05 batch window opens\n';
  for (const marker of ['01:10 (next day)', '01:10 (+1)', '01:10 +1d', '01:10 D+1', '01:10 (+1 day)', 'D+1 01:10']) {
    assert.deepEqual(instants(`${heading}- ${marker} — ledger caught up`), ['2027-06-30T22:05:00Z', '2027-07-01T01:10:00Z'], marker);
  }
  // The marker is part of the time as written, not of the entry's text.
  const doc = parseDocument(`# R\n\n${heading}- 01:10 (next day) — ledger caught up\n`, { assumeKind: 'postmortem' });
  assert.equal(doc.timeline[1].time?.text, '01:10 (next day)');
  assert.equal(doc.timeline[1].text, 'ledger caught up');
  assert.match(doc.timeline[1].read?.dateFrom ?? '', /next day/);
  // Entries after a marked one stay on that day.
  assert.deepEqual(instants(`${heading}- 00:20 (+1) — rerun starts\n- 00:50 — rerun done`).slice(1), ['2027-07-01T00:20:00Z', '2027-07-01T00:50:00Z']);
});

test('a clock that wraps from late evening to early morning in an ordered timeline starts the next day', () => {
  assert.deepEqual(instants('## Timeline\n\nAll times UTC on 30 June 2027.\n\n- 21:30 deploy\n- 23:45 errors\n- 00:15 rollback\n- 02:00 resolved'), [
    '2027-06-30T21:30:00Z',
    '2027-06-30T23:45:00Z',
    '2027-07-01T00:15:00Z',
    '2027-07-01T02:00:00Z',
  ]);
  // A small step back is a backfilled entry, not midnight.
  assert.deepEqual(instants('## Timeline (2027-06-30, UTC)\n\n- 14:30 page\n- 13:50 deploy (found later)'), ['2027-06-30T14:30:00Z', '2027-06-30T13:50:00Z']);
  // Newest first: nothing moves (the entries are out of order either way).
  assert.deepEqual(instants('## Timeline (2027-06-30, UTC)\n\n- 23:10 resolved\n- 22:00 rollback\n- 01:30 first errors'), [
    '2027-06-30T23:10:00Z',
    '2027-06-30T22:00:00Z',
    '2027-06-30T01:30:00Z',
  ]);
  // From the afternoon to the early morning is not read as past midnight.
  assert.deepEqual(instants('## Timeline (2027-06-30, UTC)\n\n- 17:00 deploy\n- 03:00 errors'), ['2027-06-30T17:00:00Z', '2027-06-30T03:00:00Z']);
  // Each date sub-heading is its own day: no wrap across them.
  assert.deepEqual(instants('## Timeline (UTC)\n\n### 30 June 2027\n\n- 23:40 errors\n\n### 1 July 2027\n\n- 00:30 rollback'), ['2027-06-30T23:40:00Z', '2027-07-01T00:30:00Z']);
});

test('the time first, then the date: "9:05 AM EST, 7 Jan 2027 — …", "16:20 UTC on 12 Mar 2027: …"', () => {
  assert.deepEqual(instants('## Timeline\n\n- 9:05 AM EST, 7 Jan 2027 — cache flushed\n- 16:20 UTC on 12 Mar 2027: ledger reconciled'), [
    '2027-01-07T14:05:00Z',
    '2027-03-12T16:20:00Z',
  ]);
  // The zone may follow the date, and a date without a year needs a separator after it.
  assert.deepEqual(instants('## Timeline\n\nAll times UTC.\n\n- 10:00, 3 March 2027 CET — retry storm\n- 11:00, Mar 3 deploy reverted'), [
    '2027-03-03T09:00:00Z',
    '(has no date)',
  ]);
  const doc = parseDocument('# R\n\n## Timeline\n\n- 16:20 UTC on 12 Mar 2027: ledger reconciled\n', { assumeKind: 'postmortem' });
  assert.equal(doc.timeline[0].text, 'ledger reconciled');
  assert.equal(doc.timeline[0].time?.text, '16:20 UTC on 12 Mar 2027');
});

test('a timeline pasted as a code block is read line by line; a code block beside written entries stays code', () => {
  const pasted = '## Timeline — 12 March 2027\n\n```text\n2027-03-12 06:01:07 -05:00  queue depth alarm\n   continuation without a time\n[06:20] oncall-bot: rollback started\n```';
  const doc = parseDocument(`# R\n\nAll times UTC.\n\n${pasted}\n`, { assumeKind: 'postmortem' });
  assert.deepEqual(doc.timeline.map((e) => iso(e.at)), ['2027-03-12T11:01:07Z', '2027-03-12T06:20:00Z']);
  assert.deepEqual(doc.timeline.map((e) => e.text), ['queue depth alarm', 'oncall-bot: rollback started']);
  // Written entries with a log excerpt below them: the excerpt is not read as entries.
  assert.deepEqual(instants('## Timeline\n\n- 2027-03-12T06:01Z queue alarm\n\nLog excerpt:\n\n~~~\n[06:02] bot: paged\n~~~'), ['2027-03-12T06:01:00Z']);
  // Code blocks outside a timeline stay code.
  assert.deepEqual(instants('## Summary\n\n```\n2027-03-12 06:01 UTC  queue depth alarm\n```'), []);
  // A new entry is appended after the code block, never inside it.
  const text = `# R\n\n${pasted}\n`;
  const closingFence = text.split('\n').lastIndexOf('```');
  const edit = appendTimelineEntry(text, { time: '2027-03-12T06:30:00Z', kind: 'fact', text: 'queue drained' });
  assert.ok(edit.range.line >= closingFence, `inserted at line ${edit.range.line}, the fence closes at ${closingFence}`);
});

test('a Date column filled only on the first row of each day (merged cells in a wiki export) dates the rows under it', () => {
  const table = [
    '## Timeline',
    '',
    '| Date | Time (UTC) | Event |',
    '| --- | --- | --- |',
    '| 2027-03-08 | 23:40 | Settlement batch starts late |',
    '| | 23:55 | Batch stalls on a lock |',
    '| 2027-03-09 | 00:20 | Lock released by hand |',
    '| | 00:45 | Batch completes |',
  ].join('\n');
  assert.deepEqual(instants(table), ['2027-03-08T23:40:00Z', '2027-03-08T23:55:00Z', '2027-03-09T00:20:00Z', '2027-03-09T00:45:00Z']);
  const doc = parseDocument(`# Review\n\n${table}\n`, { assumeKind: 'postmortem' });
  assert.equal(doc.timeline[1].read?.dateFrom, 'the Date column of a row above');
});

test('a next-day marker after the emphasis around the time', () => {
  // 19:50 then 05:10 is not read as past midnight without a marker, so the markers decide.
  assert.deepEqual(instants('## Timeline (all times UTC)\n\n### 2027-03-08\n\n- **19:50** batch starts\n- **05:10** (+1) batch stalls\n- `05:40` lock released'), [
    '2027-03-08T19:50:00Z',
    '2027-03-09T05:10:00Z',
    '2027-03-09T05:40:00Z',
  ]);
  assert.deepEqual(instants('## Timeline (all times UTC)\n\n### 2027-03-08\n\n- **19:50** batch starts\n- __06:00__ (next day) batch stalls'), ['2027-03-08T19:50:00Z', '2027-03-09T06:00:00Z']);
});
