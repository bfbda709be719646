/** Section roles read from the headings teams use: joined words, abbreviations, and the questions of public post-incident reviews. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionKey } from '../../src/core/parser/markdown';
import { parseDocument } from '../../src/core/parser';
import { lint } from '../../src/core/lint';
import { sectionText } from '../../src/core/lint/helpers';
import { explainDocument, formatExplanation } from '../../src/core/explain';

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

test('a bold-label section holds the text on its own line: **Impact:** stated in one paragraph is read', () => {
  const text = [
    '---',
    'type: postmortem',
    'title: Map tiles blank',
    'severity: SEV3',
    'started: 2026-05-02T07:00:00Z',
    'resolved: 2026-05-02T07:45:00Z',
    '---',
    '',
    '# Map tiles blank',
    '',
    '**Impact:** From 07:00 to 07:45 UTC about 9,000 driver sessions saw blank map tiles. No trip records were lost.',
    '',
  ].join('\n');
  const found = lint(text, { relativePath: 'postmortems/tiles.md' }).findings.filter((f) => f.rule === 'impact-summary');
  assert.deepEqual(found, []);
  const doc = parseDocument(text, { relativePath: 'postmortems/tiles.md' });
  const s = doc.sections.find((x) => x.key === 'impact')!;
  assert.match(sectionText(doc, s), /^From 07:00 to 07:45 UTC about 9,000 driver sessions/);
  assert.match(formatExplanation(explainDocument(doc), 'tiles.md'), /^ {2}11: \*\*Impact:\*\* \(bold label\) {2}→ impact$/m);
});

test('a data-loss statement may name what was not lost', () => {
  const base = (impact: string) =>
    `---\ntype: postmortem\ntitle: T\nseverity: SEV3\nstarted: 2026-05-02T07:00:00Z\nresolved: 2026-05-02T07:45:00Z\n---\n\n# T\n\n## Impact\n\nMerchants saw delayed webhooks for 45 minutes. ${impact}\n`;
  const rule = (impact: string) => lint(base(impact), { relativePath: 'postmortems/t.md' }).findings.filter((f) => f.rule === 'impact-summary').map((f) => f.message);
  for (const said of ['No webhook payloads were dropped.', 'No payloads were lost.', 'No customer data was lost.', 'No settled payments have been deleted.']) assert.deepEqual(rule(said), [], said);
  assert.match(rule('Retries covered the gap.')[0] ?? '', /data-loss statement/);
});
