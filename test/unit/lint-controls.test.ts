import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/core/lint';

const pm = (body: string) => `---\ntype: postmortem\n---\n# T\n\n${body}\n`;
const rulesAt = (text: string) =>
  lint(text)
    .findings.filter((f) => f.rule === 'no-blame' || f.rule === 'no-human-error')
    .map((f) => `${f.range.line + 1}:${f.rule}`);

test('disable-next-line silences the named rule on the next line only', () => {
  const text = pm('<!-- sitrep-disable-next-line no-blame -->\nHe was careless.\nShe was careless.');
  assert.deepEqual(rulesAt(text), ['8:no-blame']);
});

test('disable-next-line without names silences every rule on the next line', () => {
  const text = pm('<!-- sitrep-disable-next-line -->\nHe was careless; human error.\nhuman error again');
  assert.deepEqual(rulesAt(text), ['8:no-human-error']);
});

test('disable … enable is a range; other rules still report inside it', () => {
  const text = pm('<!-- sitrep-disable no-blame -->\nHe was careless.\nIt was human error.\n<!-- sitrep-enable no-blame -->\nShe was careless.');
  assert.deepEqual(rulesAt(text), ['8:no-human-error', '10:no-blame']);
});

test('disable-file silences a rule in the whole file, wherever it is written', () => {
  const text = pm('He was careless.\n\nIt was human error.\n\n<!-- sitrep-disable-file no-blame, no-human-error -->');
  assert.deepEqual(rulesAt(text), []);
});

test('disable-line at the end of a line', () => {
  const text = pm('He was careless. <!-- sitrep-disable-line no-blame -->\nShe was careless.');
  assert.deepEqual(rulesAt(text), ['7:no-blame']);
});

test('control comments inside code blocks are ignored', () => {
  const text = pm('```markdown\n<!-- sitrep-disable-file no-blame -->\n```\n\nHe was careless.');
  assert.deepEqual(rulesAt(text), ['10:no-blame']);
});
