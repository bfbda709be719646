import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, loadConfig, phraseMatcher } from '../../src/core/lint';
import type { Config } from '../../src/core/model/schemas';

const doc = `---\ntype: postmortem\n---\n# T\n\nThe engineer was careless and dropped the ball.\nThe team cut corners on the review.\n`;
const rules = (text: string, config: Config | undefined) =>
  lint(text, { config })
    .findings.filter((f) => f.rule === 'no-blame')
    .map((f) => `${f.severity}:${text.split('\n')[f.range.line].slice(f.range.column, f.range.endColumn)}`);

test('rule levels from the config: off, info, and the default', () => {
  assert.deepEqual(rules(doc, undefined), ['warning:careless', 'warning:dropped the ball']);
  assert.deepEqual(rules(doc, { rules: { 'no-blame': 'off' } }), []);
  assert.deepEqual(rules(doc, { rules: { 'no-blame': 'info' } }), ['info:careless', 'info:dropped the ball']);
  assert.deepEqual(rules(doc, { rules: { 'no-blame': { level: 'error' } } }), ['error:careless', 'error:dropped the ball']);
});

test('extra phrases are literal and case-insensitive, on word boundaries', () => {
  assert.deepEqual(rules(doc, { rules: { 'no-blame': { phrases: ['cut corners'] } } }), ['warning:careless', 'warning:dropped the ball', 'warning:cut corners']);
  const m = phraseMatcher(['a.b', '(x+)+$', 'cut corners']);
  assert.deepEqual(m.matchAll('aXb a.b CUT   corners shortcut corners'), [[4, 7], [8, 21]]);
  // A phrase that would be a catastrophic regular expression is matched literally, fast.
  const evil = phraseMatcher(['(a+)+$']);
  const t0 = Date.now();
  assert.deepEqual(evil.matchAll('a'.repeat(50_000) + '!'), []);
  assert.ok(Date.now() - t0 < 1000);
});

test('no-vague-action and no-human-error take extra phrases too', () => {
  const text = `---\ntype: postmortem\n---\n# T\n\nIt was a brain fart.\n\n## Action items\n\n- [ ] Socialise the learnings (owner: @a, due: 2026-12-01, category: learn, verify: quiz shows 90% right)\n`;
  const f = lint(text, { config: { rules: { 'no-human-error': { phrases: ['brain fart'] }, 'no-vague-action': { phrases: ['socialise the learnings'] } } } }).findings;
  assert.ok(f.some((x) => x.rule === 'no-human-error' && x.range.line === 5));
  assert.ok(f.some((x) => x.rule === 'no-vague-action' && x.range.line === 9));
});

test('loadConfig: unknown rule names are reported at their key with a suggestion and ignored', () => {
  const r = loadConfig('rules:\n  no-blam: off\n  action-owner: info\n');
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /Unknown rule "no-blam".*did you mean "no-blame"/i);
  assert.deepEqual(r.problems[0].range, { line: 1, column: 2, endLine: 1, endColumn: 9 });
  assert.deepEqual(r.config.rules, { 'action-owner': 'info' });
});

test('loadConfig: phrases on a rule that takes none are reported', () => {
  const r = loadConfig('rules:\n  action-owner: { phrases: [x] }\n');
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /takes no phrases/);
});

test('loadConfig: a broken file gives problems and the defaults, never an exception', () => {
  for (const text of ['rules: [', 'rules:\n  no-blame: loud\n', '- a\n- b\n', 'severities:\n  SEV1: { cadence_minutes: "x" }\n', '\u0000\u0001']) {
    const r = loadConfig(text);
    assert.ok(r.problems.length >= 1, JSON.stringify(text));
    assert.deepEqual(r.config, {});
    // Linting goes on with the defaults.
    assert.ok(lint(doc, { config: r.config }).findings.length > 0);
  }
});

test('configured cadence is used for lower severities', () => {
  const inc = (sev: string) => `---\ntype: incident\nseverity: ${sev}\nstatus: investigating\nroles: { commander: "@a", solo: true }\n---\n# I\n\n## Status updates\n\n### 2026-11-27T10:00:00Z\n- **Known:** x\n`;
  const next = (sev: string, config = {}) =>
    lint(inc(sev), { config }).findings.find((f) => f.rule === 'status-update-next-time')?.fix?.edits[0].text;
  assert.match(next('SEV3')!, /2026-11-27T12:00:00Z$/);
  assert.match(next('SEV3', { severities: { SEV3: { cadence_minutes: 90 } } })!, /2026-11-27T11:30:00Z$/);
  assert.match(next('SEV1', { severities: { SEV1: { cadence_minutes: 120 } } })!, /2026-11-27T10:30:00Z$/, 'SEV1 never above 30');
});
