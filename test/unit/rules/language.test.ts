/** Edge cases of the language rules: what is a claim, what is a refutation, what is code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';

const pm = (body: string) => `---\ntype: postmortem\n---\n# T\n\n${body}\n`;
const hits = (rule: string, body: string) =>
  lint(pm(body))
    .findings.filter((f) => f.rule === rule)
    .map((f) => pm(body).split('\n')[f.range.line].slice(f.range.column, f.range.endColumn));

test('no-human-error: claims', () => {
  assert.deepEqual(hits('no-human-error', 'Root cause: operator error.'), ['operator error']);
  assert.deepEqual(hits('no-human-error', 'This was pilot error, plain and simple.'), ['pilot error']);
  assert.deepEqual(hits('no-human-error', 'It was a mistake of the deployer.'), ['a mistake of the deployer']);
  assert.deepEqual(hits('no-human-error', "It was the SRE's fault."), ["SRE's fault"]);
  assert.deepEqual(hits('no-human-error', 'The outage was caused by an engineer running the wrong script.'), ['caused by an engineer running']);
  assert.deepEqual(hits('no-human-error', 'Caused by @ana deploying on Friday.'), ['Caused by @ana deploying']);
});

test('no-human-error: refutations and non-claims', () => {
  for (const s of [
    'We do not accept human error as an explanation.',
    "We don't stop at human error.",
    'Rather than stopping at operator error, we asked why the tool allowed it.',
    'Human error is not an explanation; it is where the analysis starts.',
    'This was not human error.',
    "It was nobody's fault.",
    'The API returned `user error` codes.',
    'The load balancer caused by design a retry storm.',
    'The outage was caused by the config push running ahead of the canary.',
  ]) assert.deepEqual(hits('no-human-error', s), [], s);
  assert.deepEqual(hits('no-human-error', '```\nhuman error\n```'), []);
  assert.deepEqual(hits('no-human-error', '<!-- human error -->'), []);
});

test('no-human-error: a negation elsewhere in the sentence does not excuse the claim', () => {
  assert.deepEqual(hits('no-human-error', 'The page was not answered because of human error.'), ['human error']);
});

test('no-blame: person-blaming words, and words that only look like them', () => {
  assert.deepEqual(hits('no-blame', 'The on-call was negligent and incompetent.'), ['negligent', 'incompetent']);
  assert.deepEqual(hits('no-blame', 'The operator forgot the flag.'), ['The operator forgot']);
  assert.deepEqual(hits('no-blame', 'He wasn\'t paying attention.'), ["wasn't paying attention"]);
  assert.deepEqual(hits('no-blame', 'We forgot nothing: the checklist ran.'), []);
  assert.deepEqual(hits('no-blame', 'Nobody was careless; the tool had no guardrail.'), []);
  assert.deepEqual(hits('no-blame', 'We were careful and the rollout was slow.'), []);
  assert.deepEqual(hits('no-blame', 'Blameless reviews work.'), []);
});

test('no-vague-action: only action items are judged', () => {
  const table = (action: string) =>
    `## Action items\n\n| Action | Owner | Due | Category | Verification |\n| --- | --- | --- | --- | --- |\n| ${action} | @a | 2026-12-01 | prevent | A drill shows it |`;
  assert.deepEqual(hits('no-vague-action', table('Pay more attention to alerts')), ['Pay more attention']);
  assert.deepEqual(hits('no-vague-action', table('Remember to drain nodes first')), ['Remember to']);
  assert.deepEqual(hits('no-vague-action', table('Communicate better with support')), ['Communicate better']);
  assert.deepEqual(hits('no-vague-action', table('Block deploys when the canary fails')), []);
  assert.deepEqual(hits('no-vague-action', 'Be more careful. Monitor better.'), [], 'prose is not an action');
});

test('single-root-cause: claims and refutations', () => {
  assert.deepEqual(hits('single-root-cause', 'The root cause was a bad config.'), ['The root cause']);
  assert.deepEqual(hits('single-root-cause', 'The sole cause was the cache.'), ['The sole cause']);
  assert.deepEqual(hits('single-root-cause', '**Root cause:** the cache'), ['Root cause']);
  assert.deepEqual(hits('single-root-cause', 'There is no single root cause.'), []);
  assert.deepEqual(hits('single-root-cause', 'We did a root cause analysis.'), []);
  assert.deepEqual(hits('single-root-cause', 'Root causes are many.'), []);
});
