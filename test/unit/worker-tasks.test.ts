/**
 * The Sitrep worker's tasks (src/extension/worker/tasks.ts, no vscode import): the lint summary the
 * editor keeps, the hover lines read from the same text (the hover provider asks the worker, so
 * the extension-host thread never parses), and the learning report's reading of a document. Every
 * answer crosses a worker boundary, so each must survive a structured clone unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../src/core/explain';
import { lint } from '../../src/core/lint';
import { parseDocument } from '../../src/core/parser';
import { readReportDoc, ReportModel } from '../../src/core/report';
import { handle } from '../../src/extension/worker/tasks';
import type { WorkerResponse } from '../../src/extension/worker/protocol';

const PM = [
  '---',
  'type: postmortem',
  'incident: 2026-03-04-queue',
  'title: Queue backlog',
  'severity: SEV2',
  'status: draft',
  'started: 2026-03-04T08:10:00Z',
  'authors: ["@rin"]',
  '---',
  '# Queue backlog',
  '',
  '## Timeline',
  '',
  '- 2026-03-04T08:40:00Z [action] consumers restarted one at a time',
  '',
  '## Action items',
  '',
  '| ID | Action | Owner | Due | Category | Verification | Status |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  '| A1 | Look into better alerting for the queue | @rin | 2026-04-03 | detect | TBD | open |',
  '',
].join('\n');
const WHERE = { relativePath: 'postmortems/2026-03-04-queue.md' };

type Ok = Extract<WorkerResponse, { ok: true }>;
type ResultOf<T extends Ok['type']> = Extract<Ok, { type: T }>['result'];

function ok<T extends Ok['type']>(res: WorkerResponse, type: T): ResultOf<T> {
  assert.ok(res.ok, res.ok ? '' : res.error);
  assert.equal(res.type, type);
  assert.deepEqual(structuredClone(res), res, 'the answer survives the worker boundary');
  return res.result as ResultOf<T>;
}

test('lint: the findings and what code actions need, as the core lints the text', () => {
  const summary = ok(handle({ id: 1, type: 'lint', text: PM, options: WHERE }), 'lint');
  const direct = lint(PM, WHERE);
  assert.equal(summary.kind, 'postmortem');
  assert.deepEqual(summary.findings, direct.findings);
  assert.ok(summary.findings.some((f) => f.rule === 'no-vague-action'));
  assert.deepEqual([summary.bodyStartLine, summary.eol, summary.truncated], [direct.doc.bodyStartLine, direct.doc.eol, false]);
});

test('hover: the lines hoverAt gives for the line, with the findings the editor passes; nothing off a document', () => {
  const findings = ok(handle({ id: 1, type: 'lint', text: PM, options: WHERE }), 'lint').findings;
  const line = PM.split('\n').findIndex((l) => l.includes('Look into better alerting'));
  const lines = ok(handle({ id: 2, type: 'hover', text: PM, options: { ...WHERE, line, findings } }), 'hover');
  assert.deepEqual(lines, hoverAt(parseDocument(PM, WHERE), line, findings));
  assert.ok(lines?.some((l) => /no-vague-action/.test(l)), JSON.stringify(lines));
  // Another text at the same path is read again, not taken from the last lint.
  const edited = PM.replace('Look into better alerting for the queue', 'Alert on queue depth over 10,000 for 5 minutes');
  const fresh = ok(handle({ id: 3, type: 'hover', text: edited, options: { ...WHERE, line, findings: [] } }), 'hover');
  assert.deepEqual(fresh, hoverAt(parseDocument(edited, WHERE), line, []));
  assert.notDeepEqual(fresh, lines);
  // A README is no document: no hover.
  assert.equal(ok(handle({ id: 4, type: 'hover', text: '# Notes\n\nJust notes.\n', options: { relativePath: 'notes/README.md', line: 0, findings: [] } }), 'hover'), undefined);
});

test('report: the document as the learning report reads it; a model fed by the worker builds the same report', () => {
  const options = { ...WHERE, config: {} };
  const doc = ok(handle({ id: 1, type: 'report', text: PM, options }), 'report');
  assert.deepEqual(doc, readReportDoc(PM, options));
  assert.equal(doc?.actions.length, 1);
  const fed = new ReportModel();
  assert.ok(fed.put('k', PM, WHERE.relativePath, doc));
  assert.ok(!fed.put('k', PM, WHERE.relativePath, doc), 'the same text again: nothing to do');
  assert.ok(fed.isCurrent('k', PM, WHERE.relativePath));
  assert.ok(!fed.isCurrent('k', PM + '\n', WHERE.relativePath));
  const read = new ReportModel();
  read.set('k', PM, options);
  const now = Date.parse('2026-04-10T00:00:00Z');
  assert.deepEqual(fed.build({ now }), read.build({ now }));
});

test('a task that throws answers with the error instead of stopping the worker', () => {
  const bad = handle({ id: 9, type: 'hover', text: PM, options: { ...WHERE, line: 0, findings: null as unknown as [] } });
  assert.deepEqual([bad.id, bad.ok], [9, false]);
  if (!bad.ok) assert.match(bad.error, /\S/);
  // The next request is answered as usual.
  assert.equal(ok(handle({ id: 10, type: 'lint', text: PM, options: WHERE }), 'lint').kind, 'postmortem');
});
