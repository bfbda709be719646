/**
 * Judgement fixtures: test/fixtures/judgement/<rule>.md holds sentences written in many styles
 * (prose, bullets, table cells, headings, task lists, quoted mail, chat-log lines, policy lines,
 * questions, "not X; it was Y" splits, "rather than", "would be easy to call", negations that do
 * not govern the phrase). <rule>.expected.json lists, by 1-based line, the words the rule must flag
 * (`asserted`) and the words on other lines it must leave alone (`notAsserted`, each with the style
 * it exercises). The rule's findings must be exactly the asserted ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../src/core/lint';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'judgement');
const NOW = Date.parse('2026-11-27T11:00:00Z');

interface Case {
  line: number;
  text: string;
  style?: string;
}
interface Expected {
  rule: string;
  asserted: Case[];
  notAsserted: Case[];
}

const fixtures = fs.readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

test('there is a judgement fixture for each language rule', () => {
  assert.deepEqual(
    fixtures.map((f) => f.replace(/\.md$/, '')),
    ['no-blame', 'no-human-error', 'no-vague-action', 'single-root-cause'],
  );
});

for (const name of fixtures) {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, name.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected;
  const text = fs.readFileSync(path.join(DIR, name), 'utf8');
  const lines = text.split('\n');

  test(`${name}: at least ten asserted and ten refuted, quoted or mentioned sentences, each on its line`, () => {
    assert.ok(expected.asserted.length >= 10, `${expected.asserted.length} asserted`);
    assert.ok(expected.notAsserted.length >= 10, `${expected.notAsserted.length} not asserted`);
    for (const c of [...expected.asserted, ...expected.notAsserted]) {
      assert.ok(lines[c.line - 1]?.includes(c.text), `line ${c.line} holds "${c.text}"`);
    }
    const styles = new Set(expected.notAsserted.map((c) => c.style));
    assert.ok(styles.size >= 8, 'the refutations are written in many styles');
  });

  test(`${name}: ${expected.rule} flags exactly the asserted sentences`, () => {
    const r = lint(text, { relativePath: `postmortems/${name}`, now: NOW });
    assert.equal(r.doc.kind, 'postmortem');
    const got = r.findings
      .filter((f) => f.rule === expected.rule)
      .map((f) => ({ line: f.range.line + 1, text: lines[f.range.line].slice(f.range.column, f.range.endColumn) }));
    const want = expected.asserted.map((c) => ({ line: c.line, text: c.text }));
    assert.deepEqual(got, want);
    const clean = new Set(expected.notAsserted.map((c) => c.line));
    for (const g of got) assert.ok(!clean.has(g.line), `line ${g.line} must not be flagged`);
  });

  test(`${name}: every message quotes the words that triggered it`, () => {
    const r = lint(text, { relativePath: `postmortems/${name}`, now: NOW });
    for (const f of r.findings.filter((x) => x.rule === expected.rule)) {
      const words = lines[f.range.line].slice(f.range.column, f.range.endColumn);
      assert.ok(f.message.includes(`"${words}`) || f.message.includes(words.slice(0, 30)), `${f.message} quotes "${words}"`);
    }
  });
}
