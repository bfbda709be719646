/** Status updates as teams write them: time-only stamps, status-page blocks, and the many ways of promising the next one. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latestUpdate, parseDocument } from '../../src/core/parser';
import { lint } from '../../src/core/lint';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));

function incident(body: string, timeline = '- 2026-02-10T21:40:00Z [detection] Consumer lag alert fired.'): string {
  return `---\ntype: incident\ntitle: Ledger export stalls\nseverity: SEV2\nstatus: investigating\n---\n\n# Ledger export stalls\n\n## Timeline\n\n${timeline}\n\n${body}\n`;
}

function updates(body: string, timeline?: string) {
  return parseDocument(incident(body, timeline), { relativePath: 'incidents/x/incident.md' }).statusUpdates;
}

test('updates stamped with a time and zone but no date are dated from the timeline, then from the update before, across midnight', () => {
  const u = updates('## Comms log\n\n**Update 22:05 GMT** — Ledger export paused. Next update 22:35 GMT.\n\n**Update 23:40 GMT** — Replay running. Next update at 00:10 GMT.\n\n**Update 00:12 GMT** — Replay done; exports flowing.');
  assert.deepEqual(u.map((x) => iso(x.at)), ['2026-02-10T22:05:00Z', '2026-02-10T23:40:00Z', '2026-02-11T00:12:00Z']);
  assert.equal(iso(u[0].next?.at), '2026-02-10T22:35:00Z');
  assert.equal(iso(u[1].next?.at), '2026-02-11T00:10:00Z', 'the promised 00:10 is after midnight');
});

test('a status page block: its time on a line of its own, the newest first', () => {
  const body = [
    '## Status page updates',
    '',
    '**Resolved** — Exports are flowing again. This is the final update.',
    'Feb 11, 00:40 UTC',
    '',
    '**Monitoring** — The replay finished; we are watching export latency. Next update within 30 minutes.',
    'Feb 11, 00:05 UTC',
    '',
    '**Investigating** — Ledger exports are delayed. We will post an update within 30 minutes.',
    'Feb 10, 22:00 UTC',
  ].join('\n');
  const u = updates(body);
  assert.deepEqual(u.map((x) => iso(x.at)), ['2026-02-11T00:40:00Z', '2026-02-11T00:05:00Z', '2026-02-10T22:00:00Z']);
  assert.equal(u[2].time?.text, 'Feb 10, 22:00 UTC');
  assert.equal(iso(u[1].next?.at), '2026-02-11T00:35:00Z');
  assert.equal(latestUpdate(u), u[0], 'the newest is the first written');
  assert.equal(u[0].final, true);
});

test('the next update promised in other words: another update by, update again at, within, next comms, relative after a colon', () => {
  const cases: Array<[string, string | undefined]> = [
    ['We will share another update by 23:30 GMT.', '2026-02-10T23:30:00Z'],
    ["We'll update again at 23:15 GMT.", '2026-02-10T23:15:00Z'],
    ['We will provide an update within 30 minutes.', '2026-02-10T23:30:00Z'],
    ['Next comms: 23:45 GMT.', '2026-02-10T23:45:00Z'],
    ['**Next update:** in 45 min', '2026-02-10T23:45:00Z'],
    ['Next update: 20 minutes.', '2026-02-10T23:20:00Z'],
    ['Next update: in ~40 min.', '2026-02-10T23:40:00Z'],
    ['Next update in half an hour.', '2026-02-10T23:30:00Z'],
    ['Next update: +15m', '2026-02-10T23:15:00Z'],
    ['Another update by 11pm.', undefined],
  ];
  for (const [promise, at] of cases) {
    const [u] = updates(`## Status updates\n\n### 23:00 GMT\n\nExports are delayed for EU merchants. ${promise}`);
    assert.equal(u.next?.stated, true, promise);
    assert.equal(iso(u.next?.at), at ?? iso(Date.UTC(2026, 1, 10, 23, 0)), promise);
  }
  // Sentences about an update that promise nothing are not a next-update promise.
  for (const text of ['An update was posted to the status page.', 'We shipped an update to the consumer.', 'Customers asked for another update.']) {
    const [u] = updates(`## Status updates\n\n### 23:00 GMT\n\nExports are delayed. ${text}`);
    assert.equal(u.next, undefined, text);
  }
});

test('an hour with am/pm after "by" is a clock time in the update\'s zone', () => {
  const [u] = updates('## Status updates\n\n### 10:40 PST\n\nRolling back the consumer. We will provide another update by 11am.', '- 2026-02-10T18:00:00Z [detection] Lag alert.');
  assert.equal(iso(u.next?.at), '2026-02-10T19:00:00Z');
});

test('update-cadence counts from the newest update, not from detection, when the updates carry only a time', () => {
  const text = incident('## Status updates\n\n**Update 22:05 GMT** — Export paused. Next update 22:35 GMT.\n\n**Update 22:34 GMT** — Replay started. Next update 23:04 GMT.');
  const at = (now: string) => lint(text, { relativePath: 'incidents/x/incident.md', now: Date.parse(now) }).findings.filter((f) => f.rule === 'update-cadence' && /overdue/.test(f.message));
  assert.deepEqual(at('2026-02-10T23:00:00Z'), [], 'the 23:04 promise is not due yet');
  assert.match(at('2026-02-10T23:20:00Z')[0]?.message ?? '', /overdue by 16 min \(due 2026-02-10T23:04:00Z\)/);
});

test('updates kept as a table: a row each, the zone in the Time header, the next time in its own column', () => {
  const body = [
    '## Status updates',
    '',
    '| Time (GMT) | Status | Update | Next update |',
    '| --- | --- | --- | --- |',
    '| 22:05 | Investigating | Ledger export paused while the consumer is checked. | 22:35 |',
    '| 22:40 | Identified | A stuck offset in partition 7. | |',
    '| 23:30 | Resolved | Exports flowing again. | |',
  ].join('\n');
  const u = updates(body);
  assert.deepEqual(u.map((x) => [x.format, iso(x.at)]), [
    ['row', '2026-02-10T22:05:00Z'],
    ['row', '2026-02-10T22:40:00Z'],
    ['row', '2026-02-10T23:30:00Z'],
  ]);
  assert.equal(iso(u[0].next?.at), '2026-02-10T22:35:00Z');
  assert.equal(u[0].next?.value.text, '22:35');
  assert.equal(u[1].next?.stated, false, 'an empty Next update cell states nothing');
  assert.equal(u[2].final, true);
  const text = incident(body);
  const found = lint(text, { relativePath: 'incidents/x/incident.md', now: Date.parse('2026-02-10T23:40:00Z') }).findings.filter((f) => f.rule === 'status-update-next-time');
  assert.deepEqual(found.map((f) => f.range.line), [u[1].line], 'only the row that promises nothing');
});
