/** timeline-coverage: a timeline told as prose, and untagged entries that say what happened in other words. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/core/lint';

const doc = (timeline: string) =>
  `---\ntype: postmortem\ntitle: Receipt emails delayed\nseverity: SEV3\nstarted: 2026-06-02T08:00:00Z\nresolved: 2026-06-02T10:00:00Z\n---\n\n# Receipt emails delayed\n\n## Timeline\n\n${timeline}\n`;
const coverage = (timeline: string) => lint(doc(timeline), { relativePath: 'postmortems/receipts.md' }).findings.filter((f) => f.rule === 'timeline-coverage');

test('a timeline told as prose, with no entry that has a time, is a finding that quotes it', () => {
  const found = coverage('We got paged in the morning, poked at the mail queue for a while and flushed it after lunch.');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /^The timeline is told without times \("We got paged in the morning, poked at the mail queue for a …"\)/);
  assert.equal(found[0].range.line, 12, "on the prose line (0-based)");
  // An empty (template) timeline is required-sections' finding, not this one.
  assert.deepEqual(coverage('_One line per event, with its time._'), []);
});

test('untagged entries that pause, re-push or patch are mitigations; a status site or a banner is a communication', () => {
  const entries = [
    '- 2026-06-02T08:00:00Z Queue-age alert fired.',
    '- 2026-06-02T08:20:00Z Receipt sender paused to stop the retry storm.',
    '- 2026-06-02T08:25:00Z status.example.com updated: receipts are delayed.',
    '- 2026-06-02T08:30:00Z Banner added to the orders page.',
    '- 2026-06-02T09:50:00Z Backlog drained; receipts back to normal.',
  ].join('\n');
  assert.deepEqual(coverage(entries), []);
});
