/** `sitrep explain`: what Sitrep read, as text and JSON, and its usage errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { explain } from '../../src/cli/explain';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function cli(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = explain(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

test('text: kind and why, timeline instants with the context they used, action fields with their labels', () => {
  const r = cli(['test/fixtures/reading/docs/a-blog-nested-pacific.md']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^test\/fixtures\/reading\/docs\/a-blog-nested-pacific\.md: postmortem \(from its sections\)/);
  assert.match(r.stdout, /29: ## Why it happened {2}→ contributing-factors/);
  // 4:37 PM PST on 3 March 2026 is 00:37 UTC on 4 March.
  assert.match(r.stdout, /16: 2026-03-04T00:37:00Z {2}config push lowers/);
  assert.match(r.stdout, /date 2026-03-03 from the parent item "March 3, 2026"/);
  assert.match(r.stdout, /zone Pacific Standard Time from the note "All times in this post are Pacific Standard Time \(PST\)"/);
  assert.match(r.stdout, /21: \(gives "around 1am", not a clock time\)/);
  assert.match(r.stdout, /41: Add the config canary to the push pipeline\n {6}Done \(checked task\)/);
  assert.match(r.stdout, /42: Investigate options for faster cache warm-up[\s\S]*?due: 2026-04-10 from "2026-04-10" \(inline label "due"\)/);
  assert.match(r.stdout, /\[detection\] from label "Detection gap"/);
  assert.match(r.stdout, /Language findings, and why:\n {2}42: no-vague-action "Investigate options for[^"]*"\n {6}judged: "Investigate options for faster cache warm-up"\n {6}why: an intention/);
});

test('json: one object with the parts, 1-based lines, status updates with next times', () => {
  const r = cli(['--format', 'json', 'test/fixtures/reading/docs/b-incident-slack.md']);
  assert.equal(r.code, 0, r.stderr);
  const e = JSON.parse(r.stdout);
  assert.equal(e.kind, 'incident');
  assert.equal(e.recognised, true);
  const updates = e.statusUpdates as Array<{ line: number; next?: { stated: boolean; utc?: string }; final: boolean }>;
  assert.deepEqual(updates.map((u) => [u.line, u.next?.stated ?? null, u.final]), [
    [12, true, false],
    [14, null, false],
    [16, true, false],
    [18, null, true],
  ]);
  const t = e.timeline as Array<{ line: number; utc?: string; problem?: string; zone?: { from: string } }>;
  assert.equal(t[0].utc, '2026-05-19T09:48:00Z');
  assert.equal(t[0].zone?.from, 'the column header "When (UTC)"');
  assert.equal(t.find((x) => x.line === 26)?.problem, 'has no date');
  const judged = cli(['--format', 'json', 'test/fixtures/reading/docs/d-prose-root-cause.md']);
  const j = JSON.parse(judged.stdout).judgements as Array<{ line: number; rule: string; words: string; reason: string }>;
  assert.deepEqual(j.map((x) => [x.line, x.rule]), [[5, 'contributing-factors'], [12, 'no-blame'], [25, 'no-vague-action']]);
  assert.equal(j[1].words, 'dropped the ball');
});

test('a file that a folder lint would skip is explained with a note', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-explain-'));
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nNothing here.\n');
  const r = cli(['notes.md'], dir);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Not recognised as an incident or postmortem/);
  assert.equal(JSON.parse(cli(['notes.md', '--format=json'], dir).stdout).recognised, false);
});

test('usage errors exit 2 with a message', () => {
  assert.equal(cli([]).code, 2);
  const two = cli(['a.md', 'b.md']);
  assert.equal(two.code, 2);
  assert.match(two.stderr, /name one file/);
  const fmt = cli(['--format', 'xml', 'README.md']);
  assert.equal(fmt.code, 2);
  assert.match(fmt.stderr, /--format takes text or json/);
  const missing = cli(['does-not-exist.md']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /"does-not-exist\.md": Cannot read this file: it does not exist/);
  const folder = cli(['docs']);
  assert.equal(folder.code, 2);
  assert.match(folder.stderr, /not a regular file/);
  assert.equal(cli(['--help']).code, 0);
});
