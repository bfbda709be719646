/** Action items: inline fields with every separator, continuation lines, and the one reading of state. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parser';
import { actionState, verificationWeakness } from '../../src/core/parser/action-state';

function items(body: string) {
  return parseDocument(`# Retro\n\n## Follow-ups\n\n${body}\n`, { assumeKind: 'postmortem' }).actionItems;
}
function fields(body: string) {
  const a = items(body)[0];
  assert.ok(a, body);
  return Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, v!.text]));
}

test('inline fields: commas, semicolons, middle dots, em dashes, parentheses and full stops', () => {
  const want = { action: 'Page on lag', owner: '@a', due: '2026-05-22', category: 'detect', verification: 'alert fires in the drill' };
  assert.deepEqual(fields('- Page on lag, owner: @a, due: 2026-05-22, category: detect, verify: alert fires in the drill'), want);
  assert.deepEqual(fields('- Page on lag; owner: @a; due 2026-05-22; category detect; verify: alert fires in the drill'), want);
  assert.deepEqual(fields('- Page on lag — owner: @a · due: 2026-05-22 · category: detect · verify: alert fires in the drill'), want);
  assert.deepEqual(fields('- Page on lag (owner: @a, due: 2026-05-22, category: detect, verify: alert fires in the drill)'), want);
  assert.deepEqual(fields('1. Page on lag. Owner: @a. Due 2026-05-22. Category: detect. Verify: alert fires in the drill.'), want);
});

test('labels in bold or italics, with the colon inside or outside: **Owner:**, **Owner**:, __Owner__:, *Owner:*, _Owner_:', () => {
  const want = { action: 'Page on lag', owner: '@a', due: '2026-05-22', category: 'detect', verification: 'alert fires in the drill' };
  for (const [open, close] of [['**', ':**'], ['**', '**:'], ['__', '__:'], ['__', ':__'], ['*', ':*'], ['_', '_:']]) {
    const f = (label: string) => `${open}${label}${close}`;
    assert.deepEqual(fields(`- Page on lag. ${f('Owner')} @a. ${f('Due')} 2026-05-22. ${f('Category')} detect. ${f('Verify')} alert fires in the drill`), want, `${open}Label${close}`);
  }
  // On the lines under the item, as a wiki export writes them.
  const a = items('1. Page on lag\n   __Owner__: @a\n   __Due__: 2026-05-22\n   _Category_: detect\n   _Verify_: alert fires in the drill')[0];
  assert.deepEqual(Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, v!.text])), want);
  // The owner's range is the value, not the emphasis around the label.
  assert.equal(items('- Page on lag, __Owner__: @a')[0].fields.owner?.range.column, '- Page on lag, __Owner__: '.length);
});

test('a labelled field right after the action text with only a space before it', () => {
  const want = { action: 'Rate-limit the export endpoint', owner: '@gwen', due: '2026-12-15', category: 'mitigate' };
  assert.deepEqual(fields('- Rate-limit the export endpoint owner: @gwen due: 2026-12-15 category: mitigate'), want);
  assert.deepEqual(fields('- Rate-limit the export endpoint **Owner:** @gwen **Due:** 2026-12-15 **Category:** mitigate'), want);
  assert.deepEqual(fields('- Rate-limit the export endpoint (@gwen, due 2026-12-15) category: mitigate'), want);
  assert.deepEqual(fields('- [ ] Rate-limit the export endpoint ([EXP-31](https://tracker/EXP-31)) owner: @gwen'), { action: 'Rate-limit the export endpoint ([EXP-31](https://tracker/EXP-31))', owner: '@gwen' });
  // A colon inside the action that does not end a field label stays in the text.
  assert.equal(fields('- Show the build status: red or green on the wallboard, owner: @gwen').action, 'Show the build status: red or green on the wallboard');
});

test('table columns named as trackers and wikis name them: Success metric, Definition of done, Validation, Due by, Cat', () => {
  const rows = (head: string, row: string) => items(`| ${head} |\n| ${head.split('|').map(() => '---').join(' | ')} |\n| ${row} |`)[0];
  const a = rows('Action | DRI | Due by | Cat | Success metric', 'Shed load at the edge | @gwen | 2026-12-15 | mitigate | 429s replace 503s in the load test');
  assert.deepEqual(Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, v!.text])), { action: 'Shed load at the edge', owner: '@gwen', due: '2026-12-15', category: 'mitigate', verification: '429s replace 503s in the load test' });
  for (const head of ['Definition of done', 'Measure of success', 'Validation']) {
    assert.equal(rows(`Action | Owner | Due | Category | ${head}`, 'Shed load | @gwen | 2026-12-15 | mitigate | load test passes').fields.verification?.text, 'load test passes', head);
  }
});

test('a full date standing alone as a field is the due date; a date inside the text is not', () => {
  assert.deepEqual(fields('- Pin the resolver image — @ravi — 2027-01-20 — prevent'), { action: 'Pin the resolver image', owner: '@ravi', due: '2027-01-20', category: 'prevent' });
  assert.equal(fields('- Pin the resolver image (@ravi, 20 Jan 2027)').due, '20 Jan 2027');
  assert.equal(fields('- Replace the 2027-01-20 certificate bundle, owner: @ravi').due, undefined);
  assert.equal(fields('- Pin the resolver image — Jan 20 — prevent').due, undefined, 'without a year it is not read as the due date');
});

test('due written as "by …" or "target …" only when a date-like value follows; dates inside other text are not due dates', () => {
  assert.equal(fields('- Add a lag check, by 6 November 2026; done when the drill pages').due, '6 November 2026');
  assert.equal(fields('- Add a lag check (target 2026-04-03); success: the log shows it').due, '2026-04-03');
  assert.equal(fields('- Stop the job, by sending SIGTERM first').due, undefined);
  const f = fields('- Add a canary; verified when a bad push is stopped at the canary in the 2026-06-04 game day');
  assert.equal(f.due, undefined);
  assert.equal(f.verification, 'a bad push is stopped at the canary in the 2026-06-04 game day');
  assert.equal(fields('- Alert on expiry and verify it pages in the June drill, by 22 May 2026').verification, 'it pages in the June drill');
});

test('fields on an indented line or sub-bullet under the item belong to the item', () => {
  const a = items('- Make publishes idempotent — owner: @ama\n  - due: 2026-08-21 · category: prevent · verify: replay creates zero duplicates\n- Next item')[0];
  assert.equal(a.fields.due?.text, '2026-08-21');
  assert.equal(a.fields.due?.range.line, a.line + 1);
  assert.equal(a.sources?.due, 'continuation');
  assert.equal(items('- Make publishes idempotent — owner: @ama\n  - due: 2026-08-21\n- Next item').length, 2);
});

test('legend lines and steps already taken are not action items', () => {
  assert.equal(items('- P1 - important for the next release\n- Add X (due 2026-01-01)').length, 1);
  const doc = parseDocument('# Retro\n\n## Action items\n\n- Add X (due 2026-01-01)\n\n### Immediate actions (completed)\n\n- Flushed the cache\n', { assumeKind: 'postmortem' });
  assert.deepEqual(doc.actionItems.map((a) => a.fields.action?.text), ['Add X']);
});

test('table synonyms; inline fields in the action cell where the table has no column for them', () => {
  const doc = parseDocument(
    '# PM\n\n## Action Items\n\n| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n| Add an alert (due 2026-03-13); verified when it fires in the drill | detect | @m | B-1 |\n\n## Next steps\n\n| Task | Who | ETA | Kind | How we\'ll know | State |\n|---|---|---|---|---|---|\n| Pin fonts | @k | last week | prevent | Build fails without fonts | Closed |\n',
    { assumeKind: 'postmortem' },
  );
  const [sre, other] = doc.actionItems;
  assert.equal(sre.fields.action?.text, 'Add an alert');
  assert.equal(sre.fields.due?.text, '2026-03-13');
  assert.equal(sre.fields.category?.text, 'detect');
  assert.equal(other.fields.verification?.text, 'Build fails without fonts');
  const st = actionState(other);
  assert.equal(st.done, true);
  assert.equal(st.dueProblem, 'due "last week" is not a calendar date');
});

test('one reading of state: done markers, placeholders, categories', () => {
  const st = (body: string) => actionState(items(body)[0]);
  assert.equal(st('- [x] Add X (due: TBD)').done, true);
  assert.equal(st('- Add X (status: Done (shipped in v2.3))').done, true);
  assert.equal(st('- Add X (done)').done, true);
  assert.equal(st('- Add X (status: open)').done, false);
  assert.equal(st('- Add X (category: Prevent)').category, 'prevent');
  assert.match(st('- Add X (category: prevention)').categoryProblem ?? '', /not one of/);
  assert.equal(st('- Add X (verify: TBC)').verified, false);
});

test('verification: observable signals pass; completion words, unobservable outcomes and placeholders do not', () => {
  for (const weak of ['TBD', 'N/A', '', 'done when merged', 'done when the runbook PR is merged', 'PR merged', 'Deployed', 'Done', 'verified when tested', 'it works', "it's documented", 'teams are aware', 'no more incidents', 'No more duplicate runs', 'meeting held']) {
    assert.ok(verificationWeakness(weak), `"${weak}" is weak`);
  }
  for (const signal of [
    'done when merged and the alert fires in the staging lock replay',
    'it pages in the 2026-06 expiry drill',
    'Template change merged, and the next migration ticket (MIG-212) shows the step ticked',
    'recording linked from the on-call onboarding page',
    'CI fails on the fixture ttl_zero.yaml',
    'meeting minutes published in the reliability wiki',
  ]) {
    assert.equal(verificationWeakness(signal), undefined, signal);
  }
});
