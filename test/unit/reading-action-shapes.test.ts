/**
 * Action items written the loose ways teams write them: an unlabelled @handle as the owner, a
 * re-planned due date, an item struck out entirely, day-first or month-first numeric dates, "due"
 * glued to the text, a bare category word, and a label repeated inside its own table cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/core/lint';
import { parseDocument } from '../../src/core/parser';
import { actionState } from '../../src/core/parser/action-state';
import type { ActionItemNode } from '../../src/core/parser/types';
import { IncidentIndex, openActions } from '../../src/core/incident/store';

function only(markdown: string): ActionItemNode {
  const doc = parseDocument(`# Review\n\n## Follow-up work\n\n${markdown}\n`, { assumeKind: 'postmortem' });
  assert.equal(doc.actionItems.length, 1, markdown);
  return doc.actionItems[0];
}
const text = (markdown: string, field: 'action' | 'owner' | 'due' | 'category' | 'verification') => only(markdown).fields[field]?.text;

test('an unlabelled @handle standing as its own field is the owner', () => {
  const a = only('1. Shard the dns-cache by zone (@li.wei, due 2027-02-01)');
  assert.equal(a.fields.owner?.text, '@li.wei');
  assert.equal(a.fields.action?.text, 'Shard the dns-cache by zone');
  assert.equal(a.fields.due?.text, '2027-02-01');
  // After a dash, as the first field of several.
  assert.equal(text('* Cap retries at three per request - @net-oncall; due: 2027-02-01; type: mitigate', 'owner'), '@net-oncall');
  assert.equal(text('* Cap retries at three per request — @net-oncall, due 2027-02-01', 'action'), 'Cap retries at three per request');
  // In square brackets, and several people at once.
  const b = only('* Cap retries at three per request [@olu], verify: retry count stays under 3 in the trace sample');
  assert.equal(b.fields.owner?.text, '@olu');
  assert.equal(b.fields.action?.text, 'Cap retries at three per request');
  assert.equal(text('* Cap retries (@olu, @dana / @sre-core, due 2027-02-01)', 'owner'), '@olu, @dana / @sre-core');
  // The owner's range is the handle itself.
  const line = '* Cap retries (@olu, due 2027-02-01)';
  const r = only(line).fields.owner!.range;
  assert.equal(line.slice(r.column, r.endColumn), '@olu');
});

test('"@x to <verb> …" at the start of an item names the owner; a handle inside running text does not', () => {
  const a = only('- @priya.n to rotate the resolver keys quarterly, due 2027-03-01');
  assert.equal(a.fields.owner?.text, '@priya.n');
  assert.equal(a.fields.action?.text, 'rotate the resolver keys quarterly');
  assert.equal(a.fields.due?.text, '2027-03-01');
  assert.equal(text('- Ask @priya.n about the resolver key rotation, due 2027-03-01', 'owner'), undefined);
  assert.equal(text('- Rotate the resolver keys; check with @priya.n first, due 2027-03-01', 'owner'), undefined);
  assert.equal(text('- Rotate keys, @priya.n said so in the review', 'owner'), undefined);
  assert.equal(text('- @priya.n: rotate the resolver keys', 'owner'), undefined);
});

test('a re-planned due date (struck-out old date, or old → new) is due on the last date', () => {
  const due = (markdown: string) => actionState(only(markdown)).due;
  assert.equal(due('- Rebuild the search index (due: ~~2026-09-01~~ 2026-10-20)'), '2026-10-20');
  assert.equal(due('- Rebuild the search index (due 2026-09-01 → 2026-10-20 → 2026-11-03)'), '2026-11-03');
  assert.equal(due('- Rebuild the search index (due 2026-09-01 -> 3 November 2026)'), '2026-11-03');
  assert.equal(due('- Rebuild the search index (due 2026-10-20 (was 2026-09-01))'), '2026-10-20');
  const doc = parseDocument(
    '# R\n\n## Action items\n\n| Task | Due | Type |\n|---|---|---|\n| Rebuild the search index | ~~1 Sep 2026~~ 20 Oct 2026 | prevent |\n',
    { assumeKind: 'postmortem' },
  );
  assert.equal(actionState(doc.actionItems[0]).due, '2026-10-20');
});

test('an item struck through from end to end is closed: no due-date or overdue finding, and not open in the view', () => {
  const state = (markdown: string) => actionState(only(markdown));
  assert.equal(state('- ~~Move the cron to UTC (owner: @ines, due 2026-01-05, type: prevent)~~').done, true);
  assert.equal(state('- [ ] ~~Move the cron to UTC, due 2026-01-05~~ superseded by OPS-77').done, true);
  assert.equal(state('- [ ] ~~Move the cron to UTC, due 2026-01-05~~ (dropped)').doneBy, 'struck through');
  // A strike over part of the item does not close it.
  assert.equal(state('- Move the cron to ~~local time~~ UTC, due 2026-01-05').done, false);
  assert.equal(state('- ~~Move~~ the cron to UTC, due 2026-01-05 ~~soon~~').done, false);

  const body = `---
type: postmortem
incident: 2026-01-01-cron-drift-z9z9
title: Cron drift
severity: SEV3
status: in-review
---
# Cron drift

## Action items

- [ ] ~~Move the billing cron to UTC (owner: @ines, due 2026-01-05, type: prevent, verify: the run log shows 00:00Z starts for a week)~~
- [ ] Alert when the billing cron starts late (owner: @ines, due 2026-01-05, type: detect, verify: the alert fires in the late-start drill)
`;
  const now = Date.parse('2026-03-01T00:00:00Z');
  const findings = lint(body, { relativePath: 'postmortems/cron.md', now }).findings;
  assert.deepEqual(findings.filter((f) => f.rule.startsWith('action-')).map((f) => `${f.rule}@${f.range.line + 1}`), ['action-overdue@13']);
  const index = new IncidentIndex();
  index.update('postmortems/cron.md', body, { relativePath: 'postmortems/cron.md' });
  assert.deepEqual(openActions(index, now).flatMap((g) => g.actions).map((a) => a.line + 1), [13]);
});

test('numeric dates whose day is over 12 are read either way round; an ambiguous one says which two days it could be', () => {
  const st = (due: string) => actionState(only(`- Drain the old queue (owner: @m, due ${due})`));
  assert.equal(st('11/23/2026').due, '2026-11-23');
  assert.equal(st('23/11/2026').due, '2026-11-23');
  assert.equal(st('23.11.2026').due, '2026-11-23');
  assert.equal(st('7/7/2026').due, '2026-07-07');
  assert.equal(st('31/02/2026').due, undefined);
  assert.match(st('31/02/2026').dueProblem ?? '', /not a real date/);
  const amb = st('06/09/2026');
  assert.equal(amb.due, undefined);
  assert.equal(amb.dueProblem, 'due "06/09/2026" is ambiguous: 6 September 2026 or 9 June 2026');
  const findings = lint(
    '---\ntype: postmortem\nincident: x\ntitle: t\nseverity: SEV3\nstatus: draft\n---\n# t\n\n## Action items\n\n- Drain the old queue (owner: @m, due 06/09/2026, type: learn, verify: queue depth graph is flat at zero)\n',
    { relativePath: 'postmortems/q.md' },
  ).findings.filter((f) => f.rule === 'action-due-date');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /ambiguous: 6 September 2026 or 9 June 2026/);
});

test('"due <date>" straight after the text, with no separator, is the due date; "due to …" is not', () => {
  const a = only('- Raise the connection limit on the edge proxies due 2027-01-12, type: mitigate');
  assert.equal(a.fields.action?.text, 'Raise the connection limit on the edge proxies');
  assert.equal(a.fields.due?.text, '2027-01-12');
  const b = only('- Raise the connection limit [@tomas] due 12 January 2027; type: mitigate');
  assert.equal(b.fields.owner?.text, '@tomas');
  assert.equal(b.fields.due?.text, '12 January 2027');
  assert.equal(text('- Raise the limit (@tomas) due 2027-01-12', 'due'), '2027-01-12');
  assert.equal(text('- Raise the limit due ~~2027-01-05~~ 2027-01-12', 'due'), '~~2027-01-05~~ 2027-01-12');
  const c = only('- Retry the sync due to lost packets on the 2027-01-12 path');
  assert.equal(c.fields.due, undefined);
  assert.equal(c.fields.action?.text, 'Retry the sync due to lost packets on the 2027-01-12 path');
});

test('a bare category word standing as its own field is the category', () => {
  const a = only('- Document the failover order (@r.ito, due 2027-01-12, learn)');
  assert.equal(a.fields.category?.text, 'learn');
  assert.equal(actionState(a).category, 'learn');
  assert.equal(text('- Page on resolver SERVFAIL rate — @r.ito — Detect — verify: page fires in the drill', 'category'), 'Detect');
  // A category word inside the text is not a field.
  assert.equal(text('- Learn the failover order (@r.ito, due 2027-01-12)', 'category'), undefined);
  assert.equal(text('- Document it, prevent drift, due 2027-01-12', 'category'), undefined);
});

test('an owner cell that repeats its label ("Owner: TBD") holds the value after it', () => {
  const doc = parseDocument(
    '# R\n\n## Action items\n\n| Task | Assignee | Due | Type |\n|---|---|---|---|\n| Rotate the keys | Owner: TBD | 2027-01-12 | prevent |\n| Pin the image | owner: @kai | 2027-01-12 | prevent |\n',
    { assumeKind: 'postmortem' },
  );
  const [tbd, kai] = doc.actionItems;
  assert.equal(tbd.fields.owner?.text, 'TBD');
  assert.equal(kai.fields.owner?.text, '@kai');
  const line = doc.lines[kai.line];
  assert.equal(line.slice(kai.fields.owner!.range.column, kai.fields.owner!.range.endColumn), '@kai');
  const findings = lint(
    '---\ntype: postmortem\nincident: x\ntitle: t\nseverity: SEV3\nstatus: draft\n---\n# t\n\n## Action items\n\n| Task | Assignee | Due | Type | Verification |\n|---|---|---|---|---|\n| Rotate the keys | Owner: TBD | 2027-01-12 | prevent | key age panel shows under 90 days |\n',
    { relativePath: 'postmortems/k.md' },
  ).findings;
  assert.deepEqual(findings.filter((f) => f.rule === 'action-owner').map((f) => f.range.line + 1), [14]);
});
