/** Bad input never escapes the parser: every case returns a result with precise problems. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument, type ParsedDocument } from '../../src/core/parser';
import { listFiles, markdownBlocks, read, ROOT } from './helpers';

function assertRangesInside(doc: ParsedDocument): void {
  for (const p of doc.problems) {
    const r = p.range;
    assert.ok(r.line >= 0 && r.line < Math.max(1, doc.lines.length), `problem line ${r.line} outside document: ${p.message}`);
    assert.ok(r.endLine >= r.line, 'end line before start');
    assert.ok(r.column >= 0 && r.column <= (doc.lines[r.line] ?? '').length, `column ${r.column} outside line ${r.line}: ${p.message}`);
    assert.ok(r.endColumn >= 0 && r.endColumn <= (doc.lines[r.endLine] ?? '').length, `end column outside line: ${p.message}`);
    assert.ok(typeof p.message === 'string' && p.message.length > 0);
  }
}

const INCIDENT = markdownBlocks(read('docs/format.md'))[0];

test('docs/format.md examples parse with zero problems', () => {
  const blocks = markdownBlocks(read('docs/format.md'));
  assert.equal(blocks.length, 2);
  const [incident, postmortem] = blocks.map((b) => parseDocument(b));
  assert.equal(incident.kind, 'incident');
  assert.deepEqual(incident.problems, []);
  assert.ok(incident.incident, 'incident front matter validates');
  assert.equal(incident.timeline.length, 7);
  assert.ok(incident.timeline.every((e) => e.format === 'sitrep' && e.at !== undefined && e.kind));
  assert.equal(incident.statusUpdates.length, 1);
  assert.equal(incident.statusUpdates[0].fields.size, 5);
  assert.equal(incident.checkpoints.length, 1);
  assert.equal(incident.checkpoints[0].fields.size, 7);
  assert.equal(postmortem.kind, 'postmortem');
  assert.deepEqual(postmortem.problems, []);
  assert.ok(postmortem.postmortem);
  assert.equal(postmortem.actionItems.length, 3);
  assert.ok(postmortem.actionItems.every((a) => a.category && a.fields.due && a.fields.verification && a.fields.owner));
  assert.equal(postmortem.factors.length, 4);
  assert.equal(new Set(postmortem.factors.map((f) => f.layer)).size, 4);
  assert.equal(postmortem.impactScope.length, 1);
});

test('every third-party template (test/fixtures/templates) parses without an exception', () => {
  const files = listFiles(path.join(ROOT, 'test', 'fixtures', 'templates'), (f) => f.endsWith('.md'));
  for (const f of files) {
    const doc = parseDocument(fs.readFileSync(f, 'utf8'), { relativePath: `postmortems/${path.basename(f)}` });
    assert.equal(doc.kind, 'postmortem', path.basename(f));
    assert.ok(!doc.problems.some((p) => p.code === 'parse-error'), `${path.basename(f)}: ${JSON.stringify(doc.problems)}`);
    const headings = doc.lines.filter((l) => /^#{1,6}\s/.test(l)).length;
    assert.equal(doc.sections.length, headings, `${path.basename(f)}: every heading becomes a section`);
    assertRangesInside(doc);
  }
});

test('CRLF line breaks: same items, ranges on the same lines and columns', () => {
  const lf = parseDocument(INCIDENT);
  const crlf = parseDocument(INCIDENT.replace(/\n/g, '\r\n'));
  assert.equal(crlf.eol, '\r\n');
  assert.deepEqual(crlf.problems, []);
  assert.deepEqual(crlf.timeline.map((e) => [e.line, e.time?.range, e.source?.text]), lf.timeline.map((e) => [e.line, e.time?.range, e.source?.text]));
  assert.deepEqual(crlf.frontMatter?.entries.get('severity'), lf.frontMatter?.entries.get('severity'));
  const bad = parseDocument(INCIDENT.replace('severity: SEV2', 'severity: SEV7').replace(/\n/g, '\r\n'));
  const p = bad.problems.find((x) => x.message.includes('severity'));
  assert.ok(p);
  assert.equal(bad.lines[p.range.line].slice(p.range.column, p.range.endColumn), 'SEV7');
});

test('a byte-order mark is skipped and columns still match the text', () => {
  const doc = parseDocument('\uFEFF' + INCIDENT.replace('severity: SEV2', 'severity: SEV7'));
  assert.equal(doc.hadBom, true);
  assert.equal(doc.kind, 'incident');
  const p = doc.problems.find((x) => x.message.includes('severity'));
  assert.ok(p);
  assert.equal(doc.lines[p.range.line].slice(p.range.column, p.range.endColumn), 'SEV7');
});

test('empty and whitespace-only documents', () => {
  for (const text of ['', '\n', '   \n\n', '---\n---\n']) {
    const doc = parseDocument(text, { relativePath: 'incidents/x.md' });
    assert.ok(Array.isArray(doc.problems));
    assertRangesInside(doc);
  }
  const empty = parseDocument('');
  assert.equal(empty.kind, 'unknown');
  assert.deepEqual(empty.problems, []);
});

test('binary bytes give one clear problem at the first NUL', () => {
  const doc = parseDocument('---\ntype: incident\n---\nabc\u0000\u0001\u0002def', { relativePath: 'incidents/x.md' });
  assert.equal(doc.problems.length, 1);
  assert.match(doc.problems[0].message, /binary/);
  assert.deepEqual(doc.problems[0].range, { line: 3, column: 3, endLine: 3, endColumn: 4 });
});

test('a 10 MB document returns with a size problem instead of hanging', () => {
  const line = '- 2026-11-27T09:52:00Z [fact] ' + 'x'.repeat(90) + '\n';
  const big = INCIDENT + '\n## Timeline\n' + line.repeat(Math.ceil(10_000_000 / line.length));
  assert.ok(big.length >= 10_000_000);
  const doc = parseDocument(big);
  assert.equal(doc.kind, 'incident');
  assert.equal(doc.truncated, true);
  assert.ok(doc.problems.some((p) => /MB/.test(p.message)));
  assert.ok(doc.incident, 'front matter is still read');
  assertRangesInside(doc);
});

test('YAML edge cases: aliases bomb, tags, a list as front matter, tabs', () => {
  const bomb = '---\ntype: incident\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n';
  const cases = [bomb, '---\n- a\n- b\n---\n', '---\ntype: !!binary aGVsbG8=\n---\n', '---\n\ttype: incident\n---\n', '---\ntype: incident\nstarted: 2026-11-27T09:44:00Z\nstarted: 2026-11-27T09:45:00Z\n---\n'];
  for (const text of cases) {
    const doc = parseDocument(text, { relativePath: 'incidents/x.md' });
    assert.ok(doc.problems.length > 0, JSON.stringify(text));
    assertRangesInside(doc);
  }
});

test('property: 2,000 random documents never throw and keep ranges inside the text', () => {
  const pieces = fc.constantFrom(
    '---', '---\n', 'type: incident\n', 'type: postmortem\n', 'severity: SEV2\n', 'started: 2026-02-30T10:00:00Z\n',
    'roles:\n  commander: "@a"\n', 'title: [unclosed\n', 'a: &x b\nc: *x\n', '## Timeline\n', '## Action items\n',
    '## Contributing factors\n', '## Status updates\n', '### 2026-11-27T10:00:00Z\n', '- **Known:** x\n',
    '- 2026-11-27T09:52:00Z [detection] fired (source: a.ts:1)\n', '- 10:42 paged\n', '| ID | Action | Owner | Due |\n',
    '|---|---|---|---|\n', '| A1 | fix | @a | soon |\n', '- [ ] do (owner: @a, due: 2026-12-01, category: prevent, verify: x)\n',
    '```\ncode\n', '<!-- c -->\n', '\r\n', '\r', '\uFEFF', '\u0000', '| a \\| b |\n', '    indented\n', '> quote\n', '\t', ' ',
  );
  const docs = fc.oneof(
    fc.array(fc.oneof(pieces, fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 })), { maxLength: 40 }).map((a) => a.join('')),
    fc.string({ maxLength: 400 }),
  );
  let runs = 0;
  fc.assert(
    fc.property(docs, fc.constantFrom('incidents/a.md', 'postmortems/b.md', 'notes/c.md'), (text, rel) => {
      runs++;
      const doc = parseDocument(text, { relativePath: rel });
      assert.ok(!doc.problems.some((p) => p.code === 'parse-error' && p.message.startsWith('Sitrep could not read')), JSON.stringify(doc.problems));
      if (!doc.truncated) assertRangesInside(doc);
    }),
    { numRuns: 2000 },
  );
  assert.equal(runs, 2000);
});
