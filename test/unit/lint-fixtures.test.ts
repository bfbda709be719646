/**
 * Lint fixtures: test/fixtures/lint/<name>.md with <name>.expected.json beside it, holding every
 * finding the document must produce (1-based line, rule, and the exact flagged text on that line).
 * The engine and the CLI's JSON must both match the expectations exactly; nothing else may appear.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, RULES, type Finding } from '../../src/core/lint';
import { run, type JsonFinding } from '../../src/cli/lint';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'lint');
const NOW_ISO = '2026-11-27T11:00:00Z';
const NOW = Date.parse(NOW_ISO);

interface Expected {
  kind: 'postmortem' | 'incident';
  findings: Array<{ line: number; rule: string; text: string; column?: number; endLine?: number }>;
}

const fixtures = fs.readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

function expectedOf(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(DIR, name.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected;
}

/** Expected findings as exact 1-based positions (end column exclusive, as the CLI writes them). */
function expectedPositions(name: string): Array<Omit<JsonFinding, 'message'>> {
  const lines = fs.readFileSync(path.join(DIR, name), 'utf8').split(/\r?\n/);
  const severity = new Map(RULES.map((r) => [r.name, r.defaultSeverity]));
  return expectedOf(name).findings.map((e) => {
    const lineText = lines[e.line - 1];
    const col = e.column !== undefined ? e.column - 1 : lineText.indexOf(e.text);
    assert.ok(col >= 0, `${name}:${e.line}: "${e.text}" is not on that line`);
    return {
      file: name,
      line: e.line,
      column: col + 1,
      endLine: e.endLine ?? e.line,
      endColumn: col + e.text.length + 1,
      rule: e.rule,
      severity: severity.get(e.rule) ?? 'error',
    };
  });
}

function lintFixture(name: string): Finding[] {
  const text = fs.readFileSync(path.join(DIR, name), 'utf8');
  let r = lint(text, { relativePath: name, now: NOW });
  if (r.doc.kind === 'unknown') r = lint(text, { relativePath: name, now: NOW, assumeKind: expectedOf(name).kind });
  assert.equal(r.doc.kind, expectedOf(name).kind, `${name}: kind`);
  return r.findings;
}

test('every fixture has its expectations', () => {
  assert.ok(fixtures.length >= 20, `found ${fixtures.length} fixtures`);
  for (const f of fixtures) assert.ok(fs.existsSync(path.join(DIR, f.replace(/\.md$/, '.expected.json'))), `${f} has no .expected.json`);
});

for (const name of fixtures) {
  test(`engine findings for ${name} match the expectations exactly`, () => {
    const got = lintFixture(name).map((f) => ({
      file: name,
      line: f.range.line + 1,
      column: f.range.column + 1,
      endLine: f.range.endLine + 1,
      endColumn: f.range.endColumn + 1,
      rule: f.rule,
      severity: f.severity,
    }));
    assert.deepEqual(got, expectedPositions(name));
  });
}

test('the CLI JSON for all fixtures matches the expected findings exactly', () => {
  let out = '';
  let err = '';
  const code = run(['lint', '--format', 'json', '--now', NOW_ISO, ...fixtures], {
    cwd: DIR,
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  });
  assert.equal(code, 1, err); // the fixtures hold errors
  const got = JSON.parse(out) as JsonFinding[];
  for (const g of got) assert.ok(typeof g.message === 'string' && g.message.length > 10, `message for ${g.rule}`);
  const expected = fixtures.flatMap(expectedPositions);
  const strip = (x: JsonFinding[]) => x.map(({ message: _m, ...rest }) => rest);
  assert.deepEqual(strip(got), expected);
});

test('every rule has at least one positive fixture case', () => {
  const seen = new Set(fixtures.flatMap((f) => expectedOf(f).findings.map((e) => e.rule)));
  const missing = RULES.map((r) => r.name).filter((n) => !seen.has(n));
  assert.deepEqual(missing, []);
});

test('clean documents (the format examples) produce no findings', () => {
  assert.deepEqual(lintFixture('postmortem-clean.md'), []);
  assert.deepEqual(lintFixture('incident-clean.md'), []);
});

test('tempting negatives: refutations, "careful" outside an action, a Root cause heading over layered factors', () => {
  const human = lintFixture('no-human-error.md').filter((f) => f.rule === 'no-human-error');
  const lines = fs.readFileSync(path.join(DIR, 'no-human-error.md'), 'utf8').split('\n');
  const refuting = lines.findIndex((l) => l.startsWith('We do not accept human error'));
  const ratherThan = lines.findIndex((l) => l.startsWith('Rather than stopping at operator error'));
  assert.ok(refuting > 0 && ratherThan > 0);
  assert.equal(human.filter((f) => f.range.line === refuting || f.range.line === ratherThan).length, 0);
  assert.equal(human.length, 4, 'the four claims, nothing in code spans or blocks');

  const vague = lintFixture('no-vague-action.md');
  const carefulProse = fs.readFileSync(path.join(DIR, 'no-vague-action.md'), 'utf8').split('\n').findIndex((l) => l.startsWith('We were careful'));
  assert.ok(carefulProse > 0);
  assert.equal(vague.filter((f) => f.range.line === carefulProse).length, 0);

  assert.deepEqual(lintFixture('root-cause-layered.md'), []);
});
