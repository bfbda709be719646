/**
 * Quick fixes are data: each is applied with applyEdits and the result re-linted. Every fixable
 * rule has a `fixTest('<rule>', …)` here (the registry test checks that).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, disableFix, fix, lint, type Finding, type Fix } from '../../src/core/lint';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'lint');
const NOW = Date.parse('2026-11-27T11:00:00Z');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');

function fixTest(rule: string, name: string, body: () => void): void {
  test(`${rule} fix: ${name}`, body);
}

function findings(text: string, rule?: string): Finding[] {
  const all = lint(text, { relativePath: 'x.md', now: NOW }).findings;
  return rule ? all.filter((f) => f.rule === rule) : all;
}

function apply(text: string, f: Fix): string {
  return applyEdits(text, f.edits);
}

fixTest('no-human-error', 'every claim is replaced by a prompt and the finding goes away', () => {
  let text = read('no-human-error.md');
  const before = findings(text, 'no-human-error');
  assert.equal(before.length, 4);
  for (let i = 0; i < 4; i++) {
    const f = findings(text, 'no-human-error')[0];
    assert.ok(f.fix, 'has a fix');
    text = apply(text, f.fix);
  }
  assert.deepEqual(findings(text, 'no-human-error'), []);
  assert.match(text, /The outage was caused by \[which system conditions allowed this action\?/);
  // "caused by Maria running …": the person goes, the action stays, the prompt ends the sentence.
  assert.match(text, /The incident was caused by running the migration twice \[which system conditions allowed this action\?[^\]]*\]\./);
  assert.ok(!/Maria/.test(text));
  // No new findings of other rules appear.
  const others = (t: string) => findings(t).filter((f) => f.rule !== 'no-human-error').map((f) => `${f.rule}@${f.range.line}`);
  assert.deepEqual(others(text), others(read('no-human-error.md')));
});

fixTest('action-category', 'a synonym is replaced by its category (preferred fix)', () => {
  const text = read('action-category.md');
  const f = findings(text, 'action-category').find((x) => /preventative/.test(x.message))!;
  assert.equal(f.fix?.title, 'Set category to "prevent"');
  const fixed = apply(text, f.fix!);
  assert.match(fixed, /\| @tom \| 2026-12-15 \| prevent \|/);
  assert.equal(findings(fixed, 'action-category').length, findings(text, 'action-category').length - 1);
});

fixTest('action-category', 'the four categories are offered for a value with no synonym, and for an empty cell', () => {
  const text = read('action-category.md');
  const other = findings(text, 'action-category').find((x) => /"other"/.test(x.message))!;
  assert.equal(other.fix, undefined, 'no automatic choice');
  assert.deepEqual(other.suggestions?.map((s) => s.title), ['prevent', 'detect', 'mitigate', 'learn'].map((c) => `Set category to "${c}"`));
  const empty = findings(text, 'action-category').find((x) => /no category/.test(x.message))!;
  const fixed = apply(text, empty.suggestions!.find((s) => /learn/.test(s.title))!);
  assert.match(fixed, /\| @priya \| 2026-12-10 \| learn \| Runbook page/);
  assert.equal(findings(fixed, 'action-category').length, 3);
});

fixTest('action-category', 'a task-list item gets the field next to its other fields', () => {
  const text = read('prose-tasklist.md');
  const missing = findings(text, 'action-category').find((x) => /no category/.test(x.message))!;
  const fixed = apply(text, missing.suggestions!.find((s) => /prevent/.test(s.title))!);
  assert.match(fixed, /\(owner: @kim, category: prevent\)/);
  const after = findings(fixed, 'action-category');
  assert.equal(after.length, 1, 'only the "detection" synonym is left');
  const all = fix(fixed, { relativePath: 'x.md', now: NOW });
  assert.equal(all.result.findings.filter((f) => f.rule === 'action-category').length, 0);
});

fixTest('status-update-next-time', 'a missing next update is added at the end of the update, one cadence later', () => {
  const text = read('status-update-next-time.md');
  const f = findings(text, 'status-update-next-time').find((x) => /does not say/.test(x.message))!;
  assert.ok(f.fix);
  const fixed = apply(text, f.fix!);
  assert.match(fixed, /- \*\*Mitigation:\*\* Preparing a rollback of payments-api in eu-west-1\.\n- \*\*Next update:\*\* 2026-11-27T11:05:00Z\n/);
  assert.equal(findings(fixed, 'status-update-next-time').length, 1, 'the "when we know more" one has no automatic fix');
});

fixTest('status-update-next-time', 'a placeholder next update is filled in', () => {
  const text = read('status-update-next-time.md').replace('- **Next update:** when we know more', '- **Next update:** TBD');
  const f = findings(text, 'status-update-next-time').find((x) => /TBD|does not say/.test(x.message) && x.range.line > 45)!;
  const fixed = apply(text, f.fix!);
  assert.match(fixed, /- \*\*Next update:\*\* 2026-11-27T11:30:00Z/);
});

test('fix all applies every fix and re-lints until none is left; the text keeps its line breaks', () => {
  const crlf = read('no-human-error.md').replace(/\n/g, '\r\n');
  const r = fix(crlf, { relativePath: 'x.md', now: NOW });
  assert.equal(r.applied, 4);
  assert.deepEqual(r.result.findings.filter((f) => f.rule === 'no-human-error'), []);
  assert.ok(!/[^\r]\n/.test(r.text), 'only CRLF line breaks');
});

test('disable for this line: heading, paragraph, table row and front matter; the finding goes and nothing else changes', () => {
  const cases: Array<[string, string]> = [
    ['contributing-factors-few.md', 'contributing-factors'],
    ['no-blame.md', 'no-blame'],
    ['action-due-date.md', 'action-due-date'],
    ['front-matter-schema.md', 'front-matter-schema'],
    ['required-sections.md', 'required-sections'],
  ];
  for (const [name, rule] of cases) {
    const text = read(name);
    const before = lint(text, { relativePath: name, now: NOW });
    const f = before.findings.find((x) => x.rule === rule)!;
    const fixed = apply(text, disableFix(before.doc, f.range.line, rule));
    const after = lint(fixed, { relativePath: name, now: NOW });
    const count = (fs_: Finding[]) => fs_.filter((x) => x.rule === rule).length;
    if (f.range.line < before.doc.bodyStartLine) assert.equal(count(after.findings), 0, `${name}: file-wide`);
    else {
      const onLine = before.findings.filter((x) => x.rule === rule && x.range.line === f.range.line).length;
      assert.equal(count(after.findings), count(before.findings) - onLine, `${name}: the line's ${rule} findings go`);
    }
    assert.equal(after.doc.actionItems.length, before.doc.actionItems.length, `${name}: action table intact`);
    assert.equal(after.doc.sections.length, before.doc.sections.length, `${name}: sections intact`);
    const others = (r: typeof before) => r.findings.filter((x) => x.rule !== rule).length;
    assert.equal(others(after), others(before), `${name}: no other finding changes`);
  }
});

test('disable for this line appends to an existing control comment', () => {
  const text = '# T\n\n<!-- sitrep-disable-next-line no-blame -->\nThe engineer was careless and it was human error.\n';
  const doc = lint(text, { assumeKind: 'postmortem' }).doc;
  const f = disableFix(doc, 3, 'no-human-error');
  assert.equal(applyEdits(text, f.edits), '# T\n\n<!-- sitrep-disable-next-line no-blame no-human-error -->\nThe engineer was careless and it was human error.\n');
});

fixTest('no-vague-action', 'the suggestion puts a prompt for the change and its signal after the action text', () => {
  const text = read('no-vague-action.md');
  const f = findings(text, 'no-vague-action').find((x) => x.message.startsWith('"Monitor better"'));
  assert.ok(f && f.suggestions?.length, 'has a suggestion');
  assert.equal(f.fix, undefined, 'a prompt is never applied by fix-all');
  const after = apply(text, f.suggestions![0]);
  assert.match(after, /\| A2 \| Monitor better → \[the change to the system: [^\]]+\] \(verify: \[[^\]]+\]\) \| @priya \|/);
});

const pmDoc = (body: string) => `---\ntype: postmortem\n---\n# Search slowed\n\n${body}\n`;
const SEEDED = /- \*\*technical-trigger:\*\* (.*)\n- \*\*detection:\*\* \[[^\]]+\]\n- \*\*rollout-control:\*\* \[[^\]]+\]\n- \*\*responsibility-runbook:\*\* \[[^\]]+\]\n- \*\*organizational:\*\* \[[^\]]+\]/;

fixTest('single-root-cause', 'a "Root cause" heading over one story becomes a factors list seeded with the story as the trigger', () => {
  const text = read('single-root-cause.md');
  const f = findings(text, 'single-root-cause')[0];
  assert.ok(f.fix, 'has a fix');
  const fixed = apply(text, f.fix);
  assert.match(fixed, /^## Contributing factors$/m);
  assert.equal(SEEDED.exec(fixed)?.[1], 'A refresh interval of 100 ms pushed to every cluster at once.');
  assert.deepEqual(findings(fixed, 'single-root-cause'), []);
  // The placeholders are not counted as factors: the factors rule still asks for them to be filled.
  assert.match(findings(fixed, 'contributing-factors')[0].message, /Only 1 contributing factor/);
});

fixTest('single-root-cause', 'a claim inside a paragraph moves into a factors list after the paragraph', () => {
  const text = pmDoc('## Summary\n\nSearch slowed for an hour. The root cause was a stale replica. We failed over at 10:00.\n\n## Timeline\n');
  const f = findings(text, 'single-root-cause')[0];
  const fixed = apply(text, f.fix!);
  assert.match(fixed, /Search slowed for an hour\. We failed over at 10:00\.\n\n\*\*Contributing factors:\*\*\n\n- \*\*technical-trigger:\*\* A stale replica\./);
  assert.equal(SEEDED.exec(fixed)?.[1], 'A stale replica.');
  assert.deepEqual(findings(fixed, 'single-root-cause'), []);
  assert.equal(lint(fixed, { relativePath: 'x.md' }).doc.factors.length, 5, 'the list is read as the factors section');
});

fixTest('single-root-cause', 'a "**Root Causes**: X" label and a "Root cause: X" list item become the list', () => {
  const label = pmDoc('**Root Causes**: a bad TTL push to the tile cache.\n\n## Action items\n');
  const fixedLabel = apply(label, findings(label, 'single-root-cause')[0].fix!);
  assert.equal(SEEDED.exec(fixedLabel)?.[1], 'A bad TTL push to the tile cache.');
  assert.deepEqual(findings(fixedLabel, 'single-root-cause'), []);
  for (const list of ['- Root cause: the places table has no index.\n- Other lesson.', '- Other lesson.\n- Root cause: the places table has no index.']) {
    const item = pmDoc(`## Lessons learned\n\n${list}\n`);
    const fixed = apply(item, findings(item, 'single-root-cause')[0].fix!);
    assert.match(fixed, /- Other lesson\.\n\n\*\*Contributing factors:\*\*\n\n/);
    assert.equal(SEEDED.exec(fixed)?.[1], 'The places table has no index.');
    assert.deepEqual(findings(fixed, 'single-root-cause'), []);
  }
});

fixTest('single-root-cause', 'with factors listed elsewhere, the claim is renamed the technical trigger', () => {
  const text = pmDoc('## Summary\n\nIn short, the root cause was a storage cleanup rule.\n\n## Contributing factors\n\n- **detection:** no alert on object counts.\n- **technical-trigger:** the rule matched a prefix.\n- **rollout-control:** rules apply fleet-wide at once.\n');
  const f = findings(text, 'single-root-cause')[0];
  assert.match(f.fix!.title, /technical trigger/);
  const fixed = apply(text, f.fix!);
  assert.match(fixed, /In short, the technical trigger was a storage cleanup rule\./);
  assert.deepEqual(findings(fixed, 'single-root-cause'), []);
});

fixTest('contributing-factors', 'factors listed under "What went wrong" are moved under a new "Contributing factors" heading', () => {
  const text = pmDoc(
    '## What went wrong\n\nThree things lined up.\n\n- The font package was dropped from the base image.\n- No alert compares rendered PDF sizes with yesterday.\n- Image refreshes ship to every renderer at once, with no canary.\n\n## Action items\n',
  );
  const f = findings(text, 'contributing-factors')[0];
  assert.equal(f.range.line, 0, 'on line 1: there is no factors section');
  assert.match(f.message, /the 3 items under "What went wrong" \(line 6\) read as factors \(layers: technical trigger, detection, rollout\/control\)/);
  assert.equal(f.fix, undefined, 'moving text is offered, never applied by fix-all');
  const fixed = apply(text, f.suggestions![0]);
  assert.match(fixed, /## Contributing factors\n\n- The font package was dropped from the base image\.\n- No alert compares rendered PDF sizes with yesterday\.\n- Image refreshes ship to every renderer at once, with no canary\.\n\n## What went wrong\n\nThree things lined up\.\n/);
  assert.deepEqual(findings(fixed, 'contributing-factors'), []);

  // A section holding nothing but the list: the heading itself is renamed.
  const only = pmDoc('## What went wrong\n\n- The font package was dropped.\n- No alert on PDF sizes.\n');
  const renamed = apply(only, findings(only, 'contributing-factors')[0].suggestions![0]);
  assert.match(renamed, /^## Contributing factors\n\n- The font package was dropped\.\n- No alert on PDF sizes\.$/m);
  assert.match(findings(renamed, 'contributing-factors')[0].message, /Only 2 contributing factors are listed \(layers found: technical trigger, detection\)/);
});

fixTest('front-matter-schema', 'severity: SEV7 is offered SEV1 to SEV4; picking one clears the finding', () => {
  const text = read('incident-clean.md').replace(/^severity: SEV\d$/m, 'severity: SEV7');
  const f = findings(text, 'front-matter-schema');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].suggestions?.map((s) => s.title), ['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((s) => `Set severity to ${s}`));
  const fixed = apply(text, f[0].suggestions![1]);
  assert.match(fixed, /^severity: SEV2$/m);
  assert.deepEqual(findings(fixed, 'front-matter-schema'), []);
});
