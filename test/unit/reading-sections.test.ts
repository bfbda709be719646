/** Section roles read from the headings teams use: joined words, abbreviations, and the questions of public post-incident reviews. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionKey } from '../../src/core/parser/markdown';
import { parseDocument } from '../../src/core/parser';

test('headings that join another word, abbreviate, or ask a question get their role', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Impact & Metrics', 'impact'],
    ['Impact and metrics', 'impact'],
    ['Impact / Metrics', 'impact'],
    ['Detection & Response', 'detection'],
    ['AIs', 'action-items'],
    ["AI's", 'action-items'],
    ['Action plan', 'action-items'],
    ['How are we making incidents like this less likely or less impactful?', 'action-items'],
    ['How will we prevent this from recurring?', 'action-items'],
    ['What went wrong and why?', 'contributing-factors'],
    ['Five whys', 'contributing-factors'],
    ['5 Whys', 'contributing-factors'],
    ['How did we respond?', 'timeline'],
    ['What happened?', 'summary'],
    ['Where we got lucky', 'lessons'],
    // Still not these roles.
    ['What went wrong', 'missed-defenses'],
    ['Impactful changes this quarter', undefined],
    ['How we chose the vendor', undefined],
  ];
  for (const [title, key] of cases) assert.equal(sectionKey(title), key, title);
});

test('a review written as questions is read as a postmortem with its factors, timeline and actions', () => {
  const text = [
    '# Post-incident review: blob storage latency',
    '',
    '## What happened?',
    '',
    'Between 08:10 and 09:05 UTC on 3 March 2026 reads from one region were slow.',
    '',
    '## What went wrong and why?',
    '',
    '- A cache node restart emptied the hot set.',
    '',
    '## How did we respond?',
    '',
    '- 2026-03-03T08:14:00Z Latency alert fired.',
    '',
    '## How are we making incidents like this less likely or less impactful?',
    '',
    '- Warm the cache before a node rejoins — owner: @ines, due: 2026-04-01',
    '',
  ].join('\n');
  const doc = parseDocument(text, { relativePath: 'postmortems/blob.md' });
  assert.equal(doc.kind, 'postmortem');
  assert.deepEqual(doc.sections.filter((s) => s.key).map((s) => s.key), ['summary', 'contributing-factors', 'timeline', 'action-items']);
  assert.equal(doc.timeline.length, 1);
  assert.equal(doc.actionItems[0]?.fields.owner?.text, '@ines');
});
