/** Every rule is data of the right shape, documented with a bad and a good example, and fix-tested when fixable. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, RULES } from '../../src/core/lint';

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('every rule has a doc page and every rule doc page has a rule (names are public: config, comments, output)', () => {
  const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
  assert.deepEqual(RULES.map((r) => r.name).sort(), pages.sort());
  assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length, 'rule names are unique');
});

for (const rule of RULES) {
  test(`rule ${rule.name} has the rule shape and a doc page with a bad and a good example`, () => {
    assert.match(rule.name, /^[a-z]+(?:-[a-z]+)*$/);
    assert.ok(rule.description.length > 20);
    assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity));
    assert.equal(typeof rule.fixable, 'boolean');
    assert.equal(typeof rule.check, 'function');
    assert.ok(rule.kinds.length > 0 && rule.kinds.every((k) => k === 'incident' || k === 'postmortem'));
    assert.equal(rule.docs, `docs/rules/${rule.name}.md`);
    const doc = fs.readFileSync(path.join(ROOT, rule.docs), 'utf8');
    assert.match(doc, new RegExp(`^# ${rule.name}\\b`, 'm'));
    assert.match(doc, /^## Bad\b/m);
    assert.match(doc, /^## Good\b/m);
    assert.ok((doc.match(/```markdown\n/g) ?? []).length >= 2, 'a bad and a good markdown example');
    const index = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    assert.ok(index.includes(`(${rule.name}.md)`), 'listed in docs/rules/README.md');
  });
}

test('fixable rules have fix tests, and rules that emit fixes are declared fixable', () => {
  const fixTests = fs.readFileSync(path.join(ROOT, 'test', 'unit', 'lint-fixes.test.ts'), 'utf8');
  for (const r of RULES.filter((x) => x.fixable)) assert.ok(fixTests.includes(`fixTest('${r.name}'`), `${r.name} has a fix test`);
  const dir = path.join(ROOT, 'test', 'fixtures', 'lint');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const kind of ['postmortem', 'incident'] as const) {
      for (const finding of lint(text, { assumeKind: kind, now: Date.parse('2026-11-27T11:00:00Z') }).findings) {
        if (finding.fix || finding.suggestions) assert.ok(RULES.find((r) => r.name === finding.rule)?.fixable, `${finding.rule} emits a fix but is not fixable`);
      }
    }
  }
});

test("the bad example of each rule's doc page triggers the rule and the good one does not", () => {
  for (const rule of RULES) {
    const doc = fs.readFileSync(path.join(ROOT, rule.docs), 'utf8');
    const bad = /## Bad[\s\S]*?```markdown\n([\s\S]*?)```/.exec(doc)?.[1];
    const good = /## Good[\s\S]*?```markdown\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(bad && good, rule.name);
    const kind = rule.kinds[0];
    const now = Date.parse('2026-11-27T11:00:00Z');
    const hits = (t: string) => lint(t, { assumeKind: kind, now }).findings.filter((f) => f.rule === rule.name).length;
    assert.ok(hits(bad) > 0, `${rule.name}: the bad example is flagged`);
    assert.equal(hits(good), 0, `${rule.name}: the good example is clean`);
  }
});
