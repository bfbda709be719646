/**
 * Parser fixtures in test/fixtures/parser state their expectations inline, in an
 * `<!-- expect … -->` comment holding YAML (lines and columns 1-based).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../../src/core/parser';
import { formatTimestamp } from '../../src/core/time';
import { listFiles, ROOT } from './helpers';

interface ProblemExpect { line: number; column?: number; endColumn?: number; code: string; message?: string }
interface Expect {
  kind: string;
  problems: ProblemExpect[];
  sections?: string[];
  timeline?: Array<{ line: number; time?: string; problem?: string; at?: string; kind?: string; source?: string }>;
  actions?: Array<Record<string, string | number | boolean>>;
  factors?: Array<{ line: number; layer?: string }>;
}

const dir = path.join(ROOT, 'test', 'fixtures', 'parser');
const fixtures = listFiles(dir, (f) => f.endsWith('.md'));

test('parser fixtures exist', () => assert.ok(fixtures.length >= 8));

for (const file of fixtures) {
  test(`fixture ${path.basename(file)}`, () => {
    const text = fs.readFileSync(file, 'utf8');
    const m = /<!-- expect\n([\s\S]*?)-->/.exec(text);
    assert.ok(m, 'fixture has an <!-- expect --> block');
    const exp = parseYaml(m[1]) as Expect;
    const rel = `postmortems/${path.basename(file)}`;
    const doc = parseDocument(text, { relativePath: rel });
    assert.equal(doc.kind, exp.kind, 'kind');

    const got = doc.problems.map((p) => ({ line: p.range.line + 1, column: p.range.column + 1, endColumn: p.range.endColumn + 1, code: p.code, message: p.message }));
    assert.equal(got.length, exp.problems.length, `problem count: ${JSON.stringify(got, null, 1)}`);
    exp.problems.forEach((e, i) => {
      const g = got[i];
      assert.equal(g.line, e.line, `problem ${i} line: ${g.message}`);
      if (e.column !== undefined) assert.equal(g.column, e.column, `problem ${i} column: ${g.message}`);
      if (e.endColumn !== undefined) assert.equal(g.endColumn, e.endColumn, `problem ${i} end column: ${g.message}`);
      assert.equal(g.code, e.code);
      if (e.message) assert.ok(g.message.includes(e.message), `"${g.message}" should include "${e.message}"`);
    });

    if (exp.sections) assert.deepEqual(doc.sections.filter((s) => s.key).map((s) => s.key), exp.sections);
    if (exp.timeline) {
      assert.equal(doc.timeline.length, exp.timeline.length, 'timeline entries');
      exp.timeline.forEach((e, i) => {
        const t = doc.timeline[i];
        assert.equal(t.line + 1, e.line);
        if (e.time !== undefined) assert.equal(t.time?.text, e.time);
        assert.equal(t.timeProblem, e.problem);
        if (e.at) assert.equal(t.at !== undefined ? formatTimestamp(t.at) : undefined, e.at);
        if (e.source) assert.equal(t.source?.text, e.source);
        // The time's range points at the time text on its line.
        if (t.time) assert.equal(doc.lines[t.line].slice(t.time.range.column, t.time.range.endColumn), t.time.text);
      });
    }
    if (exp.actions) {
      assert.equal(doc.actionItems.length, exp.actions.length, 'action items');
      exp.actions.forEach((e, i) => {
        const a = doc.actionItems[i];
        for (const [k, v] of Object.entries(e)) {
          if (k === 'line') assert.equal(a.line + 1, v);
          else if (k === 'checked') assert.equal(a.checked, v);
          else {
            const f = a.fields[k as keyof typeof a.fields];
            assert.equal(f?.text, v, `action ${i} ${k}`);
            assert.equal(doc.lines[f!.range.line].slice(f!.range.column, f!.range.endColumn), f!.text, `action ${i} ${k} range`);
          }
        }
      });
    }
    if (exp.factors) {
      assert.deepEqual(doc.factors.map((f) => ({ line: f.line + 1, layer: f.layer })), exp.factors);
    }
  });
}
