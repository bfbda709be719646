// Adopting Sitrep on an existing repository from the command line: discovery, nothing found,
// sitrep init, the baseline and --max-warnings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { init } from '../../src/cli/init';
import { run } from '../../src/cli/lint';
import { parseConfig } from '../../src/core/config';
import { read } from './helpers';

const NOW = Date.parse('2026-11-27T11:00:00Z');

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { cwd, stdout: (s: string) => (out.stdout += s), stderr: (s: string) => (out.stderr += s), now: NOW } };
}

function lintCli(args: string[], cwd: string) {
  const { out, io: i } = io(cwd);
  const code = run(['lint', ...args], i);
  return { code, ...out };
}

function initCli(args: string[], cwd: string) {
  const { out, io: i } = io(cwd);
  const code = init(args, i);
  return { code, ...out };
}

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-adopt-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const filesIn = (stdout: string) => [...new Set((JSON.parse(stdout) as Array<{ file: string }>).map((x) => x.file))].sort();

// Postmortems as teams keep them: no Sitrep front matter, in the SRE-book and prose shapes.
const sreBook = read('test/fixtures/corpus/docs/01-ledger-failover-stale-balances.md');
const prose = read('test/fixtures/corpus/docs/09-ingestion-rebalance-storm.md');
const blame = read('test/fixtures/lint/no-blame.md');
const warningsOnly = read('test/fixtures/lint/no-blame.md'); // five no-blame warnings, no errors
const readme =
  '# Postmortems\n\nEvery SEV2 or worse gets a blameless review here within five working days.\n\n' +
  '## Index\n\n- [Ledger failover](2026-02-24-ledger.md)\n\n## How we write them\n\n' +
  'List contributing factors rather than one root cause; give every action an owner and a due date.\n';

function scratch(): string {
  return repo({
    'README.md': '# Payments platform\n\nSee docs/.\n',
    'docs/post-mortems/2026-02-24-ledger.md': sreBook,
    'docs/post-mortems/README.md': readme,
    'Documentation/postmortems/2026-03-09-ingestion.md': prose,
    'Documentation/postmortems/index.md': '# Index\n\n- [Ingestion](2026-03-09-ingestion.md)\n',
    'Documentation/guide.md': '# Guide\n\n## Action items\n\nHow we track follow-ups.\n',
  });
}

test('plain sitrep lint finds the postmortems in docs/post-mortems/ and Documentation/postmortems/ and leaves the READMEs alone', () => {
  const dir = scratch();
  const r = lintCli(['--format', 'json'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(filesIn(r.stdout), ['Documentation/postmortems/2026-03-09-ingestion.md', 'docs/post-mortems/2026-02-24-ledger.md']);
  const text = lintCli([], dir);
  assert.match(text.stderr, /^2 documents checked: \d+ errors, \d+ warnings; 4 markdown files skipped \(not incident or postmortem documents\)\.$/m);
  assert.doesNotMatch(text.stdout, /README|index\.md|guide\.md/);
  // Folder names match whatever their case, at any depth.
  fs.renameSync(path.join(dir, 'Documentation/postmortems'), path.join(dir, 'Documentation/PostMortems'));
  assert.ok(filesIn(lintCli(['--format', 'json'], dir).stdout).includes('Documentation/PostMortems/2026-03-09-ingestion.md'));
});

test('no documents found: exit 2 with what was searched and how to point Sitrep at the documents; --allow-empty exits 0', () => {
  const dir = repo({ 'README.md': '# Service\n', 'docs/guide.md': '# Guide\n\nHow to deploy.\n' });
  const r = lintCli([], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /no incident or postmortem documents found/);
  assert.match(r.stderr, /Searched: \.\/: 2 markdown files, none recognised as a document/);
  assert.match(r.stderr, /default document globs \(\*\*\/\{postmortems,post-mortems,/);
  assert.match(r.stderr, /sitrep init/);
  assert.match(r.stderr, /"documents:" in \.sitrep\.yaml/);
  assert.match(r.stderr, /--allow-empty/);
  const allowed = lintCli(['--allow-empty'], dir);
  assert.equal(allowed.code, 0);
  assert.match(allowed.stderr, /^0 documents checked: 0 errors, 0 warnings; 2 markdown files skipped/m);
  // A configuration whose globs match nothing is named in the message.
  fs.writeFileSync(path.join(dir, '.sitrep.yaml'), 'documents: ["reviews/**"]\n');
  const configured = lintCli([], dir);
  assert.equal(configured.code, 2);
  assert.match(configured.stderr, /the "documents" globs in \.sitrep\.yaml \(reviews\/\*\*\)/);
});

test('sitrep init writes .sitrep.yaml with the document folders and counts, prints next steps, and lint then finds the same documents', () => {
  const dir = scratch();
  const r = initCli([], dir);
  assert.equal(r.code, 0, r.stderr);
  const yaml = fs.readFileSync(path.join(dir, '.sitrep.yaml'), 'utf8');
  const loaded = parseConfig(yaml);
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual([...(loaded.config.documents ?? [])].sort(), ['Documentation/postmortems/**', 'docs/post-mortems/**']);
  assert.match(yaml, /"docs\/post-mortems\/\*\*" +# 1 document, 1 other markdown file/);
  assert.match(yaml, /"Documentation\/postmortems\/\*\*" +# 1 document, 1 other markdown file/);
  assert.match(r.stdout, /Found 2 documents:/);
  assert.match(r.stdout, /Next steps:[\s\S]*sitrep lint --update-baseline[\s\S]*sitrep init --ci github/);
  assert.ok(!fs.existsSync(path.join(dir, '.github')), 'no workflow without --ci');
  const after = lintCli(['--format', 'json'], dir);
  assert.deepEqual(filesIn(after.stdout), ['Documentation/postmortems/2026-03-09-ingestion.md', 'docs/post-mortems/2026-02-24-ledger.md']);
});

test('sitrep init never overwrites without --force; --ci github writes a workflow that lints and uploads SARIF', () => {
  const dir = scratch();
  fs.writeFileSync(path.join(dir, '.sitrep.yaml'), 'rules:\n  no-blame: error\n');
  const kept = initCli([], dir);
  assert.equal(kept.code, 2, 'nothing written');
  assert.match(kept.stderr, /\.sitrep\.yaml exists and was left as it is \(--force replaces it\)/);
  assert.equal(fs.readFileSync(path.join(dir, '.sitrep.yaml'), 'utf8'), 'rules:\n  no-blame: error\n');

  const ci = initCli(['--ci', 'github'], dir);
  assert.equal(ci.code, 0, 'the workflow is written even though the configuration is kept');
  assert.equal(fs.readFileSync(path.join(dir, '.sitrep.yaml'), 'utf8'), 'rules:\n  no-blame: error\n');
  const wf = parseYaml(fs.readFileSync(path.join(dir, '.github/workflows/sitrep.yml'), 'utf8'));
  const steps = wf.jobs.lint.steps as Array<{ run?: string; uses?: string; with?: Record<string, string>; if?: string }>;
  assert.ok(steps.some((s) => /sitrep@\d+\.\d+\.\d+ lint$/.test(s.run ?? '')), 'a step fails the job on errors');
  assert.ok(steps.some((s) => /lint --format sarif .*> sitrep\.sarif/.test(s.run ?? '')));
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.equal(upload?.with?.sarif_file, 'sitrep.sarif');
  assert.equal(wf.permissions['security-events'], 'write');

  assert.equal(initCli(['--ci', 'github'], dir).code, 2, 'both exist now');
  const forced = initCli(['--force'], dir);
  assert.equal(forced.code, 0);
  assert.match(fs.readFileSync(path.join(dir, '.sitrep.yaml'), 'utf8'), /^documents:/m);
  assert.equal(initCli(['--ci', 'gitlab'], dir).code, 2);
  assert.equal(initCli(['somewhere'], dir).code, 2);
});

test('sitrep init in a repository without documents writes a commented configuration', () => {
  const dir = repo({ 'README.md': '# Service\n' });
  const r = initCli([], dir);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Found no incident or postmortem documents/);
  const yaml = fs.readFileSync(path.join(dir, '.sitrep.yaml'), 'utf8');
  assert.deepEqual(parseConfig(yaml), { config: {}, problems: [] });
  assert.match(yaml, /^# documents:$/m);
});

test('baseline: --update-baseline accepts today\'s findings; later runs report only new ones and survive lines inserted above', () => {
  const dir = scratch();
  const before = lintCli(['--format', 'json'], dir);
  const all = JSON.parse(before.stdout) as unknown[];
  assert.ok(all.length > 5);

  const w = lintCli(['--update-baseline'], dir);
  assert.equal(w.code, 0, w.stderr);
  assert.equal(w.stdout, '');
  assert.match(w.stderr, new RegExp(`wrote \\.sitrep-baseline\\.json: ${all.length} findings in 2 documents accepted`));
  const baseline = JSON.parse(fs.readFileSync(path.join(dir, '.sitrep-baseline.json'), 'utf8'));
  assert.equal(baseline.version, 1);
  assert.ok(baseline.findings.every((e: { line?: number }) => e.line === undefined), 'no line numbers in the baseline');

  const quiet = lintCli([], dir);
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.equal(quiet.stdout, '');
  assert.match(quiet.stderr, new RegExp(`${all.length} findings suppressed by \\.sitrep-baseline\\.json`));
  assert.match(quiet.stderr, /2 documents checked: 0 errors, 0 warnings/);

  // Lines inserted above the findings: still all suppressed.
  const ledger = path.join(dir, 'docs/post-mortems/2026-02-24-ledger.md');
  const original = fs.readFileSync(ledger, 'utf8');
  const firstHeading = original.indexOf('\n## ');
  const shifted = original.slice(0, firstHeading) + '\n\nA note added during review,\nover two lines.\n' + original.slice(firstHeading);
  fs.writeFileSync(ledger, shifted);
  const moved = lintCli(['--format', 'json'], dir);
  assert.equal(moved.code, 0, moved.stderr);
  assert.deepEqual(JSON.parse(moved.stdout), []);

  // A new problem is reported alone, and fails the run.
  fs.writeFileSync(ledger, shifted.replace('\n## ', '\nThe operator was careless with the failover.\n\n## '));
  const fresh = lintCli(['--format', 'json'], dir);
  const found = JSON.parse(fresh.stdout) as Array<{ rule: string; line: number }>;
  assert.deepEqual(found.map((f) => f.rule), ['no-blame']);
  assert.match(fs.readFileSync(ledger, 'utf8').split('\n')[found[0].line - 1], /careless/);
  assert.equal(lintCli(['--no-baseline', '--format', 'json'], dir).stdout.length > fresh.stdout.length, true);
  assert.equal(lintCli(['--max-warnings', '0'], dir).code, 1, 'the new warning is over --max-warnings 0');

  // A fixed finding: its entry no longer occurs and is reported so the baseline can shrink.
  const dueless = '| Be more careful during manual failovers';
  assert.ok(shifted.includes(dueless));
  fs.writeFileSync(ledger, shifted.replace(/^\| Be more careful during manual failovers.*\n/m, ''));
  const shrunk = lintCli([], dir);
  assert.equal(shrunk.code, 0, shrunk.stderr);
  assert.match(shrunk.stderr, /baseline entries in \.sitrep-baseline\.json no longer occur[\s\S]*docs\/post-mortems\/2026-02-24-ledger\.md {2}no-vague-action/);
  assert.equal(lintCli(['--update-baseline'], dir).code, 0);
  assert.doesNotMatch(lintCli([], dir).stderr, /no longer occur/);
});

test('baseline: a missing --baseline file, a broken baseline and a broken configuration are exit 2 with a message', () => {
  const dir = repo({ 'postmortems/a.md': blame });
  const missing = lintCli(['--baseline', 'nope.json'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /the baseline nope\.json does not exist/);

  fs.writeFileSync(path.join(dir, '.sitrep-baseline.json'), '{\n  "version": 1,\n  "findings": [\n    { "file": 3 }\n  ]\n}\n');
  const broken = lintCli(['--format', 'json'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /^\.sitrep-baseline\.json:4:1 {2}error {2}baseline {2}"findings\.0\.file"/m);
  assert.equal((JSON.parse(broken.stdout) as unknown[]).length, 5, 'every finding is reported');

  fs.writeFileSync(path.join(dir, '.sitrep.yaml'), 'rules:\n  no-blame: loud\n');
  const refused = lintCli(['--update-baseline'], dir);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /not writing \.sitrep-baseline\.json while the configuration has errors/);
  assert.match(fs.readFileSync(path.join(dir, '.sitrep-baseline.json'), 'utf8'), /"file": 3/, 'left as it was');
  assert.equal(lintCli(['--update-baseline', '--no-baseline'], dir).code, 2);
});

test('a baseline written for some files keeps the entries of the others', () => {
  const dir = repo({ 'postmortems/a.md': blame, 'postmortems/b.md': blame });
  assert.equal(lintCli(['--update-baseline'], dir).code, 0);
  fs.writeFileSync(path.join(dir, 'postmortems/a.md'), blame.replace('@sam is to blame for the delay.\n', ''));
  const partial = lintCli(['--update-baseline', 'postmortems/a.md'], dir);
  assert.match(partial.stderr, /entries of documents not checked in this run are kept/);
  const files = (JSON.parse(fs.readFileSync(path.join(dir, '.sitrep-baseline.json'), 'utf8')).findings as Array<{ file: string; count?: number }>);
  assert.equal(files.filter((e) => e.file === 'postmortems/b.md').reduce((n, e) => n + (e.count ?? 1), 0), 5);
  assert.equal(files.filter((e) => e.file === 'postmortems/a.md').reduce((n, e) => n + (e.count ?? 1), 0), 4);
  // Linting one file reports no stale entries for the others.
  assert.doesNotMatch(lintCli(['postmortems/a.md'], dir).stderr, /no longer occur/);
});

test('--max-warnings N: exit 1 only when more than N warnings are reported', () => {
  const dir = repo({ 'postmortems/a.md': warningsOnly });
  assert.equal(lintCli([], dir).code, 0);
  assert.equal(lintCli(['--max-warnings', '5'], dir).code, 0);
  const over = lintCli(['--max-warnings=4'], dir);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /5 warnings, more than --max-warnings 4 allows/);
  for (const bad of ['x', '-1', '2.5']) {
    const r = lintCli(['--max-warnings', bad], dir);
    assert.equal(r.code, 2, bad);
  }
  assert.match(lintCli(['--max-warnings', 'x'], dir).stderr, /not a whole number/);
});

test('the baseline never accepts or hides a file that could not be checked: writing it with one is exit 2, and so is every later run', () => {
  const dir = repo({ 'postmortems/a.md': blame });
  // Latin-1 bytes on a document path: not UTF-8, so not read (an `encoding` finding).
  fs.writeFileSync(path.join(dir, 'postmortems', 'latin1.md'), Buffer.from('---\ntype: postmortem\ntitle: caf\xe9\n---\n', 'latin1'));
  const up = lintCli(['--update-baseline'], dir);
  assert.equal(up.code, 2, up.stderr);
  assert.match(up.stderr, /wrote \.sitrep-baseline\.json/);
  assert.match(up.stderr, /postmortems\/latin1\.md:1:1 {2}error {2}encoding/);
  assert.match(up.stderr, /sitrep: exit 2: files that are not UTF-8\./);
  const baseline = JSON.parse(fs.readFileSync(path.join(dir, '.sitrep-baseline.json'), 'utf8')) as { findings: Array<{ file: string; rule: string }> };
  assert.ok(baseline.findings.length > 0);
  assert.ok(baseline.findings.every((e) => e.rule !== 'encoding'), 'the encoding finding is not in the baseline');
  const later = lintCli(['--format', 'json'], dir);
  assert.equal(later.code, 2, later.stderr);
  assert.deepEqual((JSON.parse(later.stdout) as Array<{ file: string; rule: string }>).map((f) => `${f.file} ${f.rule}`), ['postmortems/latin1.md encoding']);
});
