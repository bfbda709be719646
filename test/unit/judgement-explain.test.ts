/**
 * Findings explain themselves (the clause judged and why it counts), factor layers say where they
 * came from, and the language rules stay linear on hostile input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainPhraseFinding, lint, RULES_BY_NAME, type Finding } from '../../src/core/lint';
import { judgeAssertion } from '../../src/core/lint/assertion';
import { judgeVagueness } from '../../src/core/lint/vagueness';
import { MAX_FINDINGS_PER_RULE } from '../../src/core/lint/engine';
import { readFactorLayer } from '../../src/core/parser/factors';

const pm = (body: string) => `---\ntype: postmortem\n---\n# Checkout errors\n\n${body}\n`;
const run = (text: string) => lint(text, { relativePath: 'postmortems/x.md' });
const first = (text: string, rule: string): { f: Finding; r: ReturnType<typeof run> } => {
  const r = run(text);
  const f = r.findings.find((x) => x.rule === rule);
  assert.ok(f, `${rule} finding`);
  return { f, r };
};

test('explainPhraseFinding: the clause judged, and the negation that belongs to another clause', () => {
  const { f, r } = first(pm('This was not a software bug; it was human error in the cutover plan.'), 'no-human-error');
  const e = explainPhraseFinding(r.doc, f)!;
  assert.equal(e.words, 'human error');
  assert.equal(e.clause, 'it was human error in the cutover plan');
  assert.match(e.reason, /states it in the document's own words/);
  assert.match(e.reason, /"not" earlier in the sentence belongs to another clause \("This was not a software bug;?"\)/);
});

test('explainPhraseFinding: a blame finding without any negation says nothing governs it', () => {
  const { f, r } = first(pm('## Summary\n\nThe release manager did not follow the runbook for retries.'), 'no-blame');
  const e = explainPhraseFinding(r.doc, f)!;
  assert.equal(e.words, 'The release manager did not follow the runbook');
  assert.match(e.reason, /no negation, refusal, question, quotation or dismissal governs it/);
});

test('explainPhraseFinding: a vague action says which kind and what is missing', () => {
  const text = pm('## Action items\n\n| Action | Owner | Due | Category | Verification |\n| --- | --- | --- | --- | --- |\n| Investigate options for improving the rollover process | @kai | 2026-09-30 | prevent | A decision record exists |');
  const { f, r } = first(text, 'no-vague-action');
  const e = explainPhraseFinding(r.doc, f)!;
  assert.equal(e.words, 'Investigate options for');
  assert.equal(e.clause, 'Investigate options for improving the rollover process');
  assert.match(e.reason, /^an intention to look into something: .*name the decision or change/);
});

test('explainPhraseFinding: root-cause claims, by sentence and by heading', () => {
  const s = first(pm('## Summary\n\nThe root cause was a stale replica.'), 'single-root-cause');
  const es = explainPhraseFinding(s.r.doc, s.f)!;
  assert.equal(es.words, 'The root cause');
  assert.match(es.reason, /^it claims what the one cause was, not a mention/);
  const h = first(pm('## Root cause\n\nA stale replica served reads for an hour.'), 'single-root-cause');
  const eh = explainPhraseFinding(h.r.doc, h.f)!;
  assert.equal(eh.clause, 'Root cause');
  assert.match(eh.reason, /heading over a single story/);
});

test('explainPhraseFinding: contributing factors list each layer and where it came from', () => {
  const text = pm('## Contributing factors\n\n- **Detection gap:** nothing paged.\n- The replica alert was muted during the migration.');
  const { f, r } = first(text, 'contributing-factors');
  const e = explainPhraseFinding(r.doc, f)!;
  assert.match(f.message, /Only 2 contributing factors are listed \(layers found: detection\)/);
  assert.deepEqual(
    e.factors!.map((x) => [x.layer, x.from, x.reason]),
    [
      ['detection', 'label', 'label "Detection gap"'],
      ['detection', 'words', 'words "alert" (detection)'],
    ],
  );
  assert.equal(explainPhraseFinding(r.doc, { rule: 'action-owner', range: f.range }), undefined);
});

test('readFactorLayer: label, sub-heading, words, and the technical default', () => {
  const doc = run(pm('## Contributing factors\n\n### Rollout gap\n\n- Config pushes skip the canary stage.\n\n### Other\n\n- The parser returns NULL for renamed columns.\n- Owners of the alias were never told; the runbook has no step for it.\n- [organizational] Q3 launch pressure.')).doc;
  const read = doc.factors.map(readFactorLayer).map((x) => [x.layer, x.from, x.reason]);
  assert.deepEqual(read, [
    ['rollout-control', 'heading', 'sub-heading "Rollout gap"'],
    ['technical-trigger', 'default', 'no detection, rollout, runbook or organizational words: read as the behaviour of code, configuration or data'],
    ['responsibility-runbook', 'words', 'words "owners", "alias", "runbook" (responsibility/runbook)'],
    ['organizational', 'label', 'label "organizational"'],
  ]);
});

test('judgeAssertion gives a reason either way', () => {
  const no = judgeAssertion('Human error played no part in the refill delay.', 0, 11);
  assert.equal(no.asserted, false);
  assert.match(no.why!, /denies it/);
  const chat = judgeAssertion('- 06:32 dana: pretty sure this is operator error', 34, 48);
  assert.equal(chat.asserted, false);
  assert.match(chat.reason, /chat message/);
  const idiom = judgeAssertion('Without a doubt this was human error.', 25, 36);
  assert.equal(idiom.asserted, true);
});

test('judgeVagueness: exhortation, intention, comparative, and concrete changes', () => {
  assert.equal(judgeVagueness('Be more careful with key rotations')?.kind, 'exhortation');
  assert.equal(judgeVagueness('Look into why the lag alert took 30 minutes')?.kind, 'intention', 'a number describing the past is not a target');
  assert.equal(judgeVagueness('Document and think about overcommit ratios')?.kind, 'intention');
  assert.equal(judgeVagueness('Make the failover more robust')?.kind, 'comparative');
  assert.equal(judgeVagueness('Monitor certificate expiry better')?.kind, 'comparative');
  assert.equal(judgeVagueness('Improve the rollover script: wait for new partition leaders before each restart'), undefined);
  assert.equal(judgeVagueness('Improve monitoring: better dashboards')?.kind, 'comparative', 'a vague change after the colon does not rescue it');
  assert.equal(judgeVagueness('Upgrade the Kafka client library in `orders-consumer`'), undefined);
  assert.equal(judgeVagueness('Add a pre-deploy job that double-checks the limiter config'), undefined);
});

const MB = 1 << 20;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length));

test('adversarial 1 MB lines through the language and factor rules complete', { timeout: 300_000 }, () => {
  const rules = ['no-human-error', 'no-blame', 'no-vague-action', 'single-root-cause', 'contributing-factors'].map((n) => RULES_BY_NAME.get(n)!);
  const units = [
    ' ', 'human error ', '"', 'not ', 'the root cause was ', 'Root cause: ', 'The on-call engineer forgot ', 'Ana Bell ', 'careless ',
    '`', '<!-- ', '1', 'a, ', ' \t', '[16:59] ana: ', 'It would be easy to call this ', '; ', 'better ', 'investigate ', 'be more careful ',
    ': add ', '- ', '| ', 'alert ', 'deploy ',
  ];
  // Units that repeat a phrase make tens of thousands of findings: one shape each keeps the test short.
  const many = new Set(['human error ', 'careless ', 'The on-call engineer forgot ']);
  const counts = new Map<string, number>();
  for (const unit of units) {
    // The hostile line as prose, as a factor, as a missed defense and as an action cell (each document stays under the 5 MB reading limit).
    const line = fill(unit);
    const shapes = [
      `## Summary\n\nSummary ${line} human error`,
      `## Contributing factors\n\n- ${line}x`,
      `## What went wrong\n\n- ${line}`,
      `## Action items\n\n| Action | Owner |\n| --- | --- |\n| ${line} | @a |`,
    ];
    const text = pm(many.has(unit) ? shapes[0] : shapes.join('\n\n'));
    const r = lint(text, { relativePath: 'postmortems/x.md', rules });
    assert.equal(r.doc.truncated, undefined, `${JSON.stringify(unit)}: read in full`);
    assert.ok(r.findings.every((f) => !/rule failed/.test(f.message)), `${JSON.stringify(unit)}: no rule threw`);
    for (const f of r.findings) counts.set(`${unit}|${f.rule}`, (counts.get(`${unit}|${f.rule}`) ?? 0) + 1);
  }
  // A rule stops after MAX_FINDINGS_PER_RULE findings in a document and says so in one more finding:
  // the repeated claim fills the cap, and the rule ends there instead of reading the rest.
  assert.equal(counts.get('human error |no-human-error'), MAX_FINDINGS_PER_RULE + 1, 'the repeated claim fills the per-rule cap');
  assert.equal(counts.get('careless |no-blame'), MAX_FINDINGS_PER_RULE + 1);
  assert.equal(counts.get(' |no-human-error'), 1, 'the phrase after a megabyte of spaces is still judged');
  assert.equal(counts.get('be more careful |no-vague-action'), 1);
});
