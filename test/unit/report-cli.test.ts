/** `sitrep report` on examples/ and on a generated corpus whose recurring classes are known. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reportCorpus } from '../../bench/report-corpus';
import { runReport } from '../../src/cli/report';
import { LearningReport } from '../../src/core/report/schema';
import { ROOT } from './helpers';

const NOW = '2026-11-27T12:00:00Z';

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = runReport(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), now: Date.parse(NOW) });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-report-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function json(args: string[], cwd: string): LearningReport {
  const r = cli([...args, '--format', 'json'], cwd);
  assert.equal(r.code, 0, r.stderr);
  const parsed = LearningReport.safeParse(JSON.parse(r.stdout));
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3)));
  return parsed.data;
}

const corpus = workspace(reportCorpus({ count: 12, now: Date.parse(NOW), outside: 2 }));

test('generated corpus: the classes, their counts and the standards candidates are exactly the known ones', () => {
  const r = json([], corpus);
  assert.equal(r.documents.read, 12 + 6 + 2);
  assert.equal(r.documents.incidents, 12);
  assert.equal(r.documents.postmortems, 12);
  assert.equal(r.documents.left_out.length, 2);
  assert.ok(r.documents.left_out.every((l) => /before the window/.test(l.reason)));
  const counts = Object.fromEntries(r.classes.map((c) => [c.id, c.postmortems]));
  assert.deepEqual(counts, {
    'layer:technical-trigger': 12,
    'layer:detection': 6,
    'tag:team-a': 6,
    'tag:team-b': 6,
    'layer:responsibility-runbook': 4,
    'layer:rollout-control': 4,
    'service:svc-0': 4,
    'service:svc-1': 4,
    'service:svc-2': 4,
    'layer:organizational': 3,
    'trigger:config-change': 3,
    'trigger:deploy': 3,
    'trigger:capacity-quota': 2,
    'trigger:certificate-expiry': 2,
  });
  assert.deepEqual([...r.candidates].sort(), [
    'layer:detection',
    'layer:organizational',
    'layer:responsibility-runbook',
    'layer:rollout-control',
    'layer:technical-trigger',
    'service:svc-0',
    'service:svc-1',
    'service:svc-2',
    'tag:team-a',
    'tag:team-b',
    'trigger:config-change',
    'trigger:deploy',
  ]);
  const config = r.classes.find((c) => c.id === 'trigger:config-change')!;
  assert.equal(config.track, 'safe-change');
  assert.deepEqual(config.evidence.map((e) => e.title), ['Generated incident 0 on service 0', 'Generated incident 5 on service 2', 'Generated incident 10 on service 1']);
  // Each piece of evidence is the technical-trigger line, with its 1-based line number.
  for (const e of config.evidence) {
    const lines = fs.readFileSync(path.join(corpus, e.path), 'utf8').split('\n');
    assert.equal(e.lines.length, 1);
    assert.match(lines[e.lines[0].line - 1], /^- \*\*technical-trigger:\*\* A config push/);
  }
  assert.equal(r.classes.find((c) => c.id === 'layer:detection')!.track, 'observability');
  assert.equal(r.classes.find((c) => c.id === 'service:svc-1')!.track, 'slo');
});

test('generated corpus: action register and response metrics', () => {
  const { actions: a, response } = json([], corpus);
  assert.deepEqual([a.total, a.open, a.overdue, a.done, a.dropped, a.unverified], [48, 30, 4, 15, 3, 3]);
  const cat = Object.fromEntries(a.by_category.map((g) => [g.key, [g.total, g.open, g.overdue, g.unverified, g.done, g.dropped]]));
  assert.deepEqual(cat, { prevent: [10, 6, 0, 0, 4, 0], detect: [12, 12, 4, 0, 0, 0], mitigate: [14, 12, 0, 3, 2, 0], learn: [12, 0, 0, 0, 9, 3] });
  assert.deepEqual(a.detect_and_prevent, {
    postmortems: 12,
    covered: 10,
    share: 10 / 12,
    missing: a.detect_and_prevent.missing,
  });
  assert.equal(a.detect_and_prevent.missing.length, 2);
  assert.ok(a.detect_and_prevent.missing.every((p) => /generated-(5|11)-/.test(p)));
  assert.equal(a.by_incident.length, 12);
  assert.equal(a.by_owner.length, 3);
  assert.equal(a.by_owner.reduce((n, g) => n + g.total, 0), 48);

  assert.equal(response.incidents.length, 12);
  assert.equal(response.median_ttd_minutes, 10);
  assert.equal(response.median_ttm_minutes, 35.5);
  assert.equal(response.median_ttr_minutes, 120);
  // Six incident documents, each: one update on time, one late, one missed before resolution.
  assert.deepEqual(response.cadence, { due: 18, on_time: 6, share: 1 / 3 });
  assert.equal(response.by_month.length, 11);
  const octSev1 = response.by_month.find((m) => m.month === '2026-10' && m.severity === 'SEV1')!;
  assert.deepEqual([octSev1.incidents, octSev1.median_ttm_minutes], [2, 36]);
});

test('--since narrows the window; .sitrep.yaml report settings change the threshold and the taxonomy', () => {
  const r = json(['--since', '2026-10-01'], corpus);
  assert.equal(r.documents.incidents, 9); // incidents 0–8 start on or after 2026-10-01
  assert.equal(r.window.since, '2026-10-01T00:00:00Z');
  const dir = workspace({
    ...reportCorpus({ count: 12, now: Date.parse(NOW) }),
    '.sitrep.yaml': 'report:\n  min_postmortems: 5\n  classes:\n    deploy: false\n    caching:\n      label: Cache\n      track: ha\n      phrases: [cache warmer]\n',
  });
  const c = json([], dir);
  assert.equal(c.min_postmortems, 5);
  assert.ok(!c.classes.some((x) => x.id === 'trigger:deploy'));
  assert.equal(c.classes.find((x) => x.id === 'trigger:caching')?.postmortems, 2);
  assert.equal(c.classes.find((x) => x.id === 'trigger:caching')?.track, 'ha');
  assert.deepEqual([...c.candidates].sort(), ['layer:detection', 'layer:technical-trigger', 'tag:team-a', 'tag:team-b']);
});

test('examples/: three postmortems share a rollout/control gap and a config change', () => {
  const r = json(['--now', '2026-11-27T11:00:00Z'], path.join(ROOT, 'examples'));
  assert.equal(r.documents.incidents, 4);
  assert.equal(r.documents.postmortems, 3);
  assert.deepEqual([...r.candidates].sort(), ['layer:detection', 'layer:rollout-control', 'layer:technical-trigger', 'trigger:config-change']);
  const rollout = r.classes.find((c) => c.id === 'layer:rollout-control')!;
  assert.equal(rollout.track, 'safe-change');
  assert.deepEqual(rollout.evidence.map((e) => e.path).sort(), [
    'incidents/2026-07-22-payments-502/postmortem.md',
    'incidents/2026-09-03-login-flag/postmortem.md',
    'incidents/2026-10-14-search-latency/postmortem.md',
  ]);
  const search = rollout.evidence.find((e) => e.path.includes('search-latency'))!;
  const text = fs.readFileSync(path.join(ROOT, 'examples', search.path), 'utf8').split('\n');
  assert.match(text[search.lines[0].line - 1], /^- \*\*rollout-control:\*\* Index settings changes bypass the staged rollout/);
  assert.deepEqual([r.actions.total, r.actions.open, r.actions.overdue, r.actions.unverified, r.actions.done], [13, 9, 4, 1, 4]);
  // The active incident and the search-latency incident have status updates: 2 of 2 and 2 of 3 on time.
  assert.deepEqual(r.response.cadence, { due: 5, on_time: 4, share: 0.8 });
});

test('md to stdout: tables and Mermaid charts; --out: the Markdown links the SVG charts written beside it', () => {
  const md = cli(['--now', '2026-11-27T11:00:00Z'], path.join(ROOT, 'examples'));
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^# Learning report\n/);
  assert.match(md.stdout, /### Rollout\/control gap → Safe change\n/);
  assert.match(md.stdout, /```mermaid\nxychart-beta\n/);
  assert.match(md.stdout, /^ {2}- line 44: \[Index settings changes bypass the staged rollout/m);
  assert.match(md.stdout, /\(incidents\/2026-10-14-search-latency\/postmortem\.md#L44\)/);

  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-report-out-'));
  const file = path.join(out, 'reports', 'learning.md');
  const w = cli(['--now', '2026-11-27T11:00:00Z', '--out', file], path.join(ROOT, 'examples'));
  assert.equal(w.code, 0, w.stderr);
  assert.equal(w.stdout, '');
  const written = fs.readFileSync(file, 'utf8');
  const images = [...written.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.deepEqual(images, ['learning-charts/classes.svg', 'learning-charts/actions.svg', 'learning-charts/ttm-trend.svg']);
  for (const img of images) {
    const svg = fs.readFileSync(path.join(out, 'reports', img), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><style>/);
    assert.match(svg, /prefers-color-scheme: dark/);
  }
  // Document links are relative to the written file.
  const rel = path.relative(path.join(out, 'reports'), path.join(ROOT, 'examples')).split(path.sep).join('/');
  assert.ok(written.includes(`](${encodeURI(rel)}/incidents/2026-10-14-search-latency/postmortem.md#L44)`), 'links reach the examples from the report folder');
});

test('html: one self-contained file with the charts inline, candidates and count lists', () => {
  const r = cli(['--now', '2026-11-27T11:00:00Z', '--format', 'html'], path.join(ROOT, 'examples'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^<!DOCTYPE html>/);
  assert.doesNotMatch(r.stdout, /<(link|img)\b[^>]*(href|src)="http/);
  assert.match(r.stdout, /<svg [^>]*data-chart="classes"/);
  assert.match(r.stdout, /<article class="sr-candidate" data-class="layer:rollout-control">/);
  assert.match(r.stdout, /data-list="items:overdue"/);
  const data = JSON.parse(/<script type="application\/json" id="sr-data">([^<]*)<\/script>/.exec(r.stdout)![1]);
  assert.equal(data.items.length, 13);
});

test('usage and input errors exit 2 with a message; a broken config stops the report', () => {
  const dir = workspace(reportCorpus({ count: 1, now: Date.parse(NOW) }));
  for (const args of [['--format', 'pdf'], ['--since', 'last week'], ['--now', '2026-11-27'], ['--bogus'], ['missing.md'], ['nothing/*.md'], ['postmortems/[z-a]*.md']]) {
    const r = cli(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.ok(r.stderr.length > 20, r.stderr);
  }
  assert.equal(cli(['--help'], dir).code, 0);
  fs.writeFileSync(path.join(dir, '.sitrep.yaml'), 'report:\n  min_postmortems: 0\n  classes:\n    Bad Id: { track: ha, phrases: [x] }\n');
  const bad = cli([], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^\.sitrep\.yaml:2:\d+ {2}error {2}config/m);
  assert.equal(bad.stdout, '');
  // An empty folder is an empty report, not an error.
  const empty = workspace({});
  const e = json([], empty);
  assert.deepEqual([e.documents.read, e.classes.length, e.actions.total], [0, 0, 0]);
});


test('a document that cannot be read is left out with its reason; the report is still written and the exit status is 2', () => {
  const files = reportCorpus({ count: 2, now: Date.parse(NOW) });
  const dir = workspace(files);
  // Latin-1 bytes on a document path: not UTF-8, so not read (bounded reads, as sitrep lint).
  fs.mkdirSync(path.join(dir, 'postmortems'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'postmortems', 'latin1.md'), Buffer.from('---\ntype: postmortem\ntitle: caf\xe9\n---\n', 'latin1'));
  const r = cli(['--format', 'json'], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /skipped postmortems\/latin1\.md: This file is not UTF-8/);
  assert.match(r.stderr, /sitrep: exit 2: 1 document could not be read and is left out of the report\..*\n$/);
  const report = LearningReport.parse(JSON.parse(r.stdout));
  assert.ok(report.documents.read > 0, 'the other documents are in the report');
});
