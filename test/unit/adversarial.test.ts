/**
 * Hostile input (issue 13): 1 MB lines of every shape that once made a regular expression
 * backtrack, in every place a rule or reader looks, must be linted, fixed and indexed. The test
 * asserts that each completes; a regular expression that backtracks makes it time out (which is
 * the failure). How long each takes is measured by `npm run bench` (bench/adversarial.bench.ts).
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentsWith, frontMatterDocuments, SHAPES } from '../../bench/adversarial';
import { parseConfig } from '../../src/core/config';
import { compileGlob, GlobError, matchesAny } from '../../src/core/glob';
import { fastParse, generateIncidentId, IncidentIndex, oneLine } from '../../src/core/incident';
import { fix, lint } from '../../src/core/lint';
import { phraseMatcher } from '../../src/core/lint/phrases';

const MB = 1_000_000;
const NOW = Date.parse('2026-11-27T12:00:00Z');
// Documents hold the line several times; the size cap is raised so that their bodies are read.
const options = (kind: string) => ({ relativePath: `${kind}s/x.md`, now: NOW, maxLength: 20 * MB });

for (const shape of SHAPES) {
  test(`1 MB line: ${shape.name}`, { timeout: 120_000 }, () => {
    const line = shape.line(MB);
    for (const { kind, text } of documentsWith(line)) {
      const r = lint(text, options(kind));
      assert.equal(r.doc.truncated, undefined, `${shape.name}: the body was read`);
      new IncidentIndex().update(`file:///${kind}`, text, { relativePath: `${kind}s/x.md` });
    }
    // Fixing re-lints up to ten times: the same expressions, so a tenth of the size is enough.
    for (const { kind, text } of documentsWith(shape.line(MB / 10))) {
      fix(text, options(kind));
      fastParse(text);
    }
    oneLine(line);
    generateIncidentId(line, { now: NOW, taken: new Set() });
  });
}

test('1 MB front matter: many keys, repeated keys, long values, CR line breaks', { timeout: 120_000 }, () => {
  for (const text of frontMatterDocuments(MB)) {
    const r = lint(text, { relativePath: 'postmortems/x.md', now: NOW });
    assert.ok(r.findings.some((f) => f.rule === 'parse-error' && /front matter/i.test(f.message)), 'the cap is reported');
  }
  // Under the cap, 5,000 repeated keys are found in linear time.
  const dup = `---\ntype: postmortem\n${'a: 1\n'.repeat(5_000)}---\n# x\n`;
  const r = lint(dup, { relativePath: 'postmortems/x.md', now: NOW });
  assert.ok(r.findings.length > 0);
});

test('configured phrases and globs cannot make matching slow', { timeout: 60_000 }, () => {
  const m = phraseMatcher(['error - blame', 'a  -  - b', '- x -']);
  m.matchAll('error' + ' '.repeat(MB) + 'x');
  m.matchAll(('error - ').repeat(MB / 8) + 'x');
  assert.throws(() => compileGlob('*a*a*a*a*a*a*a*a*a*a*a*b'), GlobError);
  assert.throws(() => compileGlob('**/a/**/b/**/c/**'), GlobError);
  assert.throws(() => compileGlob('+(a|b)'), GlobError);
  assert.equal(matchesAny('a'.repeat(MB), ['*a*b', '**/x']), false);
  assert.equal(matchesAny(('a/').repeat(200) + 'x', ['**/a*/**/*a*b']), false);
  const cfg = parseConfig(`documents:\n  - "*a*a*a*a*b"\n  - "[z-a]"\n  - incidents/**\n`);
  assert.deepEqual(cfg.config.documents, ['incidents/**']);
  assert.equal(cfg.problems.length, 2);
});
