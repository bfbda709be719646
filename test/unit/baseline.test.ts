import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  buildBaseline,
  compareWithBaseline,
  fingerprint,
  parseBaseline,
  serializeBaseline,
  splitByBaseline,
  type FileFindings,
} from '../../src/core/baseline';
import { lint, type Finding } from '../../src/core/lint';
import { read } from './helpers';

const NOW = Date.parse('2026-11-27T11:00:00Z');
const blame = read('test/fixtures/lint/no-blame.md');

function checked(file: string, text: string): FileFindings {
  return { file, text, findings: lint(text, { relativePath: file, now: NOW }).findings };
}

const finding = (rule: string, line: number, column: number, endColumn: number): Finding => ({
  rule,
  severity: 'warning',
  message: 'm',
  range: { line, column, endLine: line, endColumn },
});

test('a fingerprint depends on the rule and the text a finding sits on, not on its line', () => {
  const lines = ['intro', 'Tom was careless here.', '', 'More', 'Tom  was CARELESS here.', 'Ana was careless too.'];
  const a = fingerprint(lines, finding('no-blame', 1, 8, 16));
  const moved = fingerprint(lines, finding('no-blame', 4, 9, 17));
  assert.equal(a.text, 'careless');
  assert.equal(a.fingerprint, moved.fingerprint, 'same text (case folded) on another line');
  assert.notEqual(a.fingerprint, fingerprint(lines, finding('no-human-error', 1, 8, 16)).fingerprint, 'another rule');
  assert.notEqual(a.fingerprint, fingerprint(lines, finding('no-blame', 1, 0, 3)).fingerprint, 'other text');
  assert.match(a.fingerprint, /^[0-9a-f]{16}$/);
  // An empty range (a missing section reported at the title) is keyed by its whole line.
  const empty = fingerprint(lines, finding('required-sections', 0, 0, 0));
  assert.equal(empty.text, 'intro');
  // Whitespace runs are folded: a reflowed multi-line range keeps its fingerprint.
  const multi = (ls: string[]) => fingerprint(ls, { ...finding('x', 0, 2, 0), range: { line: 0, column: 2, endLine: 1, endColumn: 4 } });
  assert.equal(multi(['- one two', 'three four']).fingerprint, multi(['- one   two', 'three four']).fingerprint);
});

test('every finding of an unchanged corpus is suppressed; nothing is new or stale', () => {
  const files = [checked('pm/blame.md', blame)];
  assert.ok(files[0].findings.length >= 4, 'the fixture has findings');
  const b = buildBaseline(files);
  const r = compareWithBaseline(b, files, true);
  assert.equal(r.suppressed, files[0].findings.length);
  assert.deepEqual(r.files[0].fresh, []);
  assert.deepEqual(r.stale, []);
});

test('inserting lines above a finding keeps it baselined; a new finding is reported alone', () => {
  const b = buildBaseline([checked('pm/blame.md', blame)]);
  const shifted = blame.replace('## Summary\n', '## Summary\n\nTwo new lines of context\nabove the old findings.\n');
  const after = checked('pm/blame.md', shifted);
  const firstBlame = (fs: readonly Finding[]) => fs.find((f) => f.rule === 'no-blame')!.range.line;
  assert.equal(firstBlame(after.findings), firstBlame(lint(blame, { now: NOW }).findings) + 3, 'the findings moved down');
  const same = compareWithBaseline(b, [after], true);
  assert.deepEqual(same.files[0].fresh, []);
  assert.deepEqual(same.stale, []);

  const added = checked('pm/blame.md', shifted.replace('## Impact\n', 'Priya was negligent with the alert.\n\n## Impact\n'));
  const r = compareWithBaseline(b, [added], true);
  assert.equal(r.files[0].fresh.length, 1);
  assert.equal(r.files[0].fresh[0].rule, 'no-blame');
  assert.match(added.text.split('\n')[r.files[0].fresh[0].range.line], /negligent/);
  assert.equal(r.suppressed, added.findings.length - 1);
});

test('a fixed finding is reported as a stale entry, so the baseline can shrink', () => {
  const b = buildBaseline([checked('pm/blame.md', blame)]);
  const fixedText = blame.replace('@sam is to blame for the delay.\n', '');
  const r = compareWithBaseline(b, [checked('pm/blame.md', fixedText)], true);
  assert.equal(r.stale.length, 1);
  assert.equal(r.stale[0].rule, 'no-blame');
  assert.equal(r.stale[0].file, 'pm/blame.md');
  assert.match(r.stale[0].text ?? '', /blame/);
  assert.deepEqual(r.files[0].fresh, []);
});

test('identical findings are counted: the baseline accepts as many as it saw', () => {
  const text = '# Retro\n\n## Summary\n\nTom was careless.\n\nTom was careless.\n\n## Action items\n\n- x\n';
  const two = checked('postmortems/a.md', text);
  const b = buildBaseline([two]);
  const blameEntries = b.findings.filter((e) => e.rule === 'no-blame');
  assert.equal(blameEntries.length, 1);
  assert.equal(blameEntries[0].count, 2);
  const three = checked('postmortems/a.md', text.replace('## Action items', 'Tom was careless.\n\n## Action items'));
  const r = compareWithBaseline(b, [three], true);
  assert.deepEqual(r.files[0].fresh.map((f) => f.rule), ['no-blame']);
});

test('a partial run neither reports other files as stale nor forgets them when updating', () => {
  const a = checked('a.md', blame);
  const other = checked('b.md', blame);
  const b = buildBaseline([a, other]);
  assert.deepEqual(compareWithBaseline(b, [a], false).stale, []);
  assert.ok(compareWithBaseline(b, [a], true).stale.every((e) => e.file === 'b.md'));
  assert.ok(compareWithBaseline(b, [a], true).stale.length > 0, 'a complete run without b.md: its entries no longer occur');
  const partial = buildBaseline([checked('a.md', '# Clean\n')], b, false);
  assert.ok(partial.findings.some((e) => e.file === 'b.md'), 'b.md kept');
  assert.ok(!partial.findings.some((e) => e.file === 'a.md' && e.rule === 'no-blame'), 'a.md replaced');
  assert.ok(!buildBaseline([checked('a.md', '# Clean\n')], b, true).findings.some((e) => e.file === 'b.md'), 'complete: b.md dropped');
});

test('the editor split: baselined findings apart from fresh ones, per file', () => {
  const b = buildBaseline([checked('pm/blame.md', blame)]);
  const added = checked('pm/blame.md', blame.replace('## Impact\n', 'Priya was negligent.\n\n## Impact\n'));
  const s = splitByBaseline(b, added);
  assert.equal(s.fresh.length, 1);
  assert.equal(s.baselined.length, added.findings.length - 1);
  // Another file with the same text is not covered by this file's entries.
  assert.equal(splitByBaseline(b, { ...added, file: 'pm/other.md' }).baselined.length, 0);
  assert.equal(splitByBaseline(undefined, added).fresh.length, added.findings.length);
});

test('serialized baselines are sorted, stable and read back', () => {
  const b = buildBaseline([checked('z.md', blame), checked('a.md', blame)]);
  const text = serializeBaseline(b);
  assert.ok(text.endsWith('}\n'));
  const back = parseBaseline(text);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.baseline, b);
  assert.equal(serializeBaseline(back.baseline!), text);
  const files = b.findings.map((e) => e.file);
  assert.deepEqual(files, [...files].sort());
});

test('a broken baseline file gives a message with its line, never an exception', () => {
  const bad = parseBaseline('{\n  "version": 1,\n  "findings": [\n    { "file": "a.md", "rule": "x" ,\n');
  assert.equal(bad.baseline, undefined);
  assert.match(bad.problems[0].message, /not valid JSON/);
  const wrong = parseBaseline('{\n  "version": 1,\n  "findings": [\n    { "file": "a.md", "rule": "x", "fingerprint": "0123456789abcdef" },\n    { "file": "b.md", "rule": "x", "fingerprint": "nope" }\n  ]\n}\n');
  assert.equal(wrong.baseline, undefined);
  assert.match(wrong.problems[0].message, /findings\.1\.fingerprint/);
  assert.equal(wrong.problems[0].line, 5);
  assert.match(parseBaseline('{"version": 2, "findings": []}').problems[0].message, /version/);
  fc.assert(
    fc.property(fc.string(), (s) => {
      const r = parseBaseline(s);
      return r.baseline !== undefined || r.problems.length === 1;
    }),
    { numRuns: 300 },
  );
});
