/**
 * Cases the suite once missed: for each, a one-line defect planted in the product went unnoticed.
 * Each test here fails on that defect: overlapping fixes, `--fix` losing a byte-order mark, the
 * YAML boolean `True` in front matter, and an overdue warning one minute late.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/lint';
import { applyEdits, fastParse, IncidentIndex, renderIncident, setFrontMatter, soloRoles, summarize, yamlScalar } from '../../src/core/incident';
import { applyFixes, compatibleFixes, fix, lint, type Finding, type Fix, type Rule } from '../../src/core/lint';
import { fixText, lintText } from '../../src/core/lint/engine';
import { parseDocument } from '../../src/core/parser';
import { decodeText, encodeText } from '../../src/core/encoding';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'lint');
const NOW = Date.parse('2026-11-27T11:00:00Z');

const at = (line: number, column: number, endColumn = column, text = ''): Fix['edits'][number] => ({ range: { line, column, endLine: line, endColumn }, text });
const fixOf = (title: string, ...edits: Fix['edits']): Fix => ({ title, edits });

// ---- Overlapping fixes ----

test('overlapping fixes: the first is kept, one touching or overlapping it is left for the next round', () => {
  const text = 'alpha beta gamma\n';
  const replaceBeta = fixOf('beta → B', at(0, 6, 10, 'B'));
  const replaceBetaGam = fixOf('beta gam → X', at(0, 8, 13, 'X'));
  const insertInside = fixOf('insert inside beta', at(0, 8, 8, '!'));
  const insertAtEdge = fixOf('insert before beta', at(0, 6, 6, '>'));
  const insertAfterEdge = fixOf('insert after beta', at(0, 10, 10, '<'));
  assert.deepEqual(compatibleFixes(text, [replaceBeta, replaceBetaGam]).map((f) => f.title), ['beta → B']);
  assert.deepEqual(compatibleFixes(text, [replaceBetaGam, replaceBeta]).map((f) => f.title), ['beta gam → X']);
  assert.deepEqual(compatibleFixes(text, [replaceBeta, insertInside]).map((f) => f.title), ['beta → B']);
  assert.deepEqual(compatibleFixes(text, [insertInside, replaceBeta]).map((f) => f.title), ['insert inside beta']);
  // Inserts at a replacement's edges do not overlap it; two inserts at one place do.
  assert.deepEqual(compatibleFixes(text, [replaceBeta, insertAtEdge, insertAfterEdge]).length, 3);
  assert.deepEqual(compatibleFixes(text, [insertAtEdge, fixOf('same place', at(0, 6, 6, '#'))]).map((f) => f.title), ['insert before beta']);
  // A fix whose own edits overlap is never applied.
  assert.deepEqual(compatibleFixes(text, [fixOf('self-overlapping', at(0, 0, 5, 'A'), at(0, 3, 8, 'B'))]), []);
  const findings: Finding[] = [replaceBeta, replaceBetaGam, insertAtEdge, insertAfterEdge].map((f, i) => ({ rule: `r${i}`, severity: 'error', message: 'm', range: f.edits[0].range, fix: f }));
  assert.deepEqual(applyFixes(text, findings), { text: 'alpha >B< gamma\n', applied: 3 });
  assert.throws(() => applyEdits(text, [at(0, 6, 10, 'B'), at(0, 8, 13, 'X')]), /overlapping/);
});

test('overlapping fixes from two rules: fix all applies one per round and re-lints for the other', () => {
  const replacing = (name: string, re: RegExp, by: string): Rule => ({
    name,
    description: 'test rule',
    defaultSeverity: 'warning',
    fixable: true,
    docs: `docs/rules/${name}.md`,
    kinds: ['postmortem'],
    check(ctx) {
      ctx.lines.forEach((l, line) => {
        const m = re.exec(l);
        if (m) ctx.report({ range: { line, column: m.index, endLine: line, endColumn: m.index + m[0].length }, message: name, fix: { title: name, edits: [{ range: { line, column: m.index, endLine: line, endColumn: m.index + m[0].length }, text: by } ] } });
      });
    },
  });
  const rules = [replacing('a-spelling', /colour/, 'color'), replacing('b-wording', /colou?r scheme/, 'palette')];
  const text = '---\ntype: postmortem\n---\n# The colour scheme\n';
  const first = lintText(text, rules, {}).findings;
  assert.equal(first.length, 2);
  assert.equal(compatibleFixes(text, first.map((f) => f.fix!)).length, 1, 'the two fixes overlap');
  const r = fixText(text, rules, {});
  assert.equal(r.text, '---\ntype: postmortem\n---\n# The palette\n');
  assert.equal(r.applied, 2);
  assert.deepEqual(r.result.findings, []);
});

// ---- Byte-order mark ----

test('--fix keeps a byte-order mark, and so does the core fix', () => {
  const human = fs.readFileSync(path.join(FIXTURES, 'no-human-error.md'), 'utf8');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-bom-'));
  try {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'postmortems'));
    const file = path.join(dir, 'postmortems', 'a.md');
    fs.writeFileSync(file, '\ufeff' + human);
    const r = run(['lint', '--fix', '--format', 'json'], { cwd: dir, stdout: () => undefined, stderr: () => undefined, now: NOW });
    assert.equal(r, 0);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the file still starts with the UTF-8 byte-order mark');
    assert.ok(!/caused by human error/.test(bytes.toString('utf8')), 'the fixes were applied');
    assert.equal(bytes.toString('utf8').indexOf('\ufeff', 1), -1, 'one mark, at the start only');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const fixed = fix('\ufeff' + human, { now: NOW });
  assert.ok(fixed.applied > 0);
  assert.ok(fixed.text.startsWith('\ufeff---'));
});

test('the editor reads a byte-order mark once and knows to write it back', () => {
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('---\ntype: incident\n')]);
  assert.deepEqual(decodeText(withBom), { ok: true, text: '---\ntype: incident\n', encoding: 'utf-8', bom: true });
  assert.deepEqual(decodeText(new TextEncoder().encode('---\n')), { ok: true, text: '---\n', encoding: 'utf-8', bom: false });
  // Written back, the mark comes back with the text.
  assert.deepEqual(encodeText('---\ntype: incident\n', 'utf-8', true), withBom);
});

// ---- YAML boolean True ----

const NOW_MS = Date.UTC(2026, 10, 27, 9, 52, 0);
const live = () => renderIncident({ id: '2026-11-27-checkout-5xx-k3f9', title: 'Checkout 5xx', severity: 'SEV1', impactSummary: 'EU checkouts fail', roles: soloRoles('@maria'), cadenceMinutes: 30, now: NOW_MS });

test('YAML True in front matter: restricted: True is restricted everywhere', () => {
  for (const value of ['True', 'true', 'TRUE']) {
    const text = live().replace(/^restricted: false$/m, `restricted: ${value}`);
    assert.notEqual(text, live());
    const index = new IncidentIndex();
    index.update('k', text, { relativePath: 'incidents/x/incident.md' });
    const i = index.get('k');
    assert.ok(i?.kind === 'incident' && i.valid && i.restricted, `${value}: the index sees a valid restricted incident`);
    assert.equal(parseDocument(text).incident?.restricted, true, value);
    assert.deepEqual(lint(text, { now: NOW_MS }).findings.filter((f) => f.rule === 'front-matter-schema'), [], value);
    const fast = fastParse(text);
    if (fast) assert.deepEqual(summarize('k', 'p', fast), summarize('k', 'p', parseDocument(text)), `${value}: fast and full readers agree`);
  }
});

test('YAML True in front matter: a title True is a boolean to YAML, so both readers reject it alike', () => {
  const text = live().replace(/^title: .*$/m, 'title: True');
  const full = parseDocument(text);
  assert.equal(full.incident, undefined, 'the schema wants a string title');
  const fast = fastParse(text);
  if (fast) assert.deepEqual(summarize('k', 'p', fast), summarize('k', 'p', full));
  assert.ok(lint(text).findings.some((f) => f.rule === 'front-matter-schema'));
});

test('YAML True in front matter: writing the text "True" quotes it, so it reads back as text', () => {
  for (const v of ['True', 'TRUE', 'False', 'Null', 'Yes', 'No', 'On', 'Off', '~']) {
    assert.equal(yamlScalar(v), JSON.stringify(v), v);
    const r = setFrontMatter(live(), [{ path: 'roles.scribe', value: v }]);
    assert.ok(r.ok, v);
    if (!r.ok) continue;
    assert.equal((parseDocument(applyEdits(live(), r.edits)).frontMatter?.data?.roles as Record<string, unknown> | undefined)?.scribe, v);
  }
});

// ---- Overdue boundary ----

test('an overdue update is reported the second after its deadline, not a minute later', () => {
  const doc = fs.readFileSync(path.join(FIXTURES, 'update-overdue.md'), 'utf8');
  const due = Date.parse('2026-11-27T10:35:00Z');
  const overdue = (now: number) => lint(doc, { now }).findings.filter((f) => f.rule === 'update-cadence' && /overdue/.test(f.message));
  assert.deepEqual(overdue(due), [], 'at the deadline the update is due, not late');
  assert.equal(overdue(due + 1000).length, 1);
  assert.match(overdue(due + 1000)[0].message, /overdue by less than a minute \(due 2026-11-27T10:35:00Z\)/);
  assert.equal(overdue(due + 59_000).length, 1);
});
