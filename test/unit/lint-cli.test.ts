import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/lint';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures', 'lint');

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), now: Date.parse('2026-11-27T11:00:00Z') });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-cli-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const clean = fs.readFileSync(path.join(FIX, 'postmortem-clean.md'), 'utf8');
const human = fs.readFileSync(path.join(FIX, 'no-human-error.md'), 'utf8');
const blame = fs.readFileSync(path.join(FIX, 'no-blame.md'), 'utf8');

test('exit 0 without errors, text format file:line:col  severity  rule  message', () => {
  const dir = workspace({ 'postmortems/a.md': clean, 'postmortems/b.md': blame });
  const r = cli(['lint'], dir);
  assert.equal(r.code, 0, r.stderr); // warnings only
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[0], /^postmortems\/b\.md:17:18 {2}warning {2}no-blame {2}"careless" blames a person\./);
  assert.match(r.stderr, /2 documents checked: 0 errors, 5 warnings/);
});

test('exit 1 with errors; folders and quoted globs; files that are not documents are skipped in folders', () => {
  const dir = workspace({ 'postmortems/a.md': human, 'notes/readme.md': '# Just notes\n\nhuman error\n' });
  assert.equal(cli(['lint', '.'], dir).code, 1);
  const g = cli(['lint', 'postmortems/*.md', '--format', 'json'], dir);
  assert.equal(g.code, 1);
  assert.deepEqual([...new Set((JSON.parse(g.stdout) as Array<{ file: string }>).map((x) => x.file))], ['postmortems/a.md']);
  // Named explicitly, a markdown file is linted whatever its path.
  const named = cli(['lint', 'notes/readme.md', '--format', 'json'], dir);
  assert.ok((JSON.parse(named.stdout) as Array<{ rule: string }>).some((x) => x.rule === 'no-human-error'));
});

test('exit 2 on usage errors, with a message that says what to do', () => {
  const dir = workspace({});
  for (const args of [['lint', '--format', 'xml'], ['lint', '--bogus'], ['frobnicate'], ['lint', 'missing.md'], ['lint', '--now', 'yesterday'], []]) {
    const r = cli(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.ok(r.stderr.length > 20);
  }
  assert.match(cli(['lint', 'missing.md'], dir).stderr, /does not exist/);
  assert.equal(cli(['lint', '--help'], dir).code, 0);
});

test('a broken config: reported on the config file, linting goes on with defaults, exit 2', () => {
  const dir = workspace({ '.sitrep.yaml': 'rules:\n  no-blame: loud\n', 'postmortems/b.md': blame });
  const r = cli(['lint'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^\.sitrep\.yaml:2:\d+ {2}error {2}config {2}/m);
  assert.match(r.stderr, /linting with the default settings/);
  assert.equal(r.stdout.trim().split('\n').length, 5, 'findings still printed');
  const missing = cli(['lint', '--config', 'nope.yaml'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read the configuration/);
});

test('--config levels and document globs apply', () => {
  // One postmortem section only: off the document globs that is not enough to count as a document.
  const weak = '# Retro\n\n## Action items\n\n- Page on lag above 30 s; the on-call was careless (owner: @a)\n';
  const dir = workspace({ 'conf/sitrep.yaml': 'documents: ["docs/pm/**"]\nrules:\n  no-blame: error\n', 'docs/pm/b.md': weak });
  const r = cli(['lint', '--config', 'conf/sitrep.yaml', '--format', 'json', '--allow-empty', 'docs'], dir);
  // Globs are relative to the config file's folder: docs/pm/** from conf/ does not match, so nothing is linted.
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), []);
  assert.equal(cli(['lint', '--config', 'conf/sitrep.yaml', 'docs'], dir).code, 2, 'nothing found is exit 2 without --allow-empty');
  fs.renameSync(path.join(dir, 'conf/sitrep.yaml'), path.join(dir, '.sitrep.yaml'));
  const r2 = cli(['lint', '--format', 'json'], dir);
  assert.equal(r2.code, 1);
  assert.ok((JSON.parse(r2.stdout) as Array<{ severity: string; rule: string }>).every((x) => x.rule !== 'no-blame' || x.severity === 'error'));
});

test('unreadable and binary files are reported and make the exit status 2 (the check stopped)', () => {
  const dir = workspace({ 'postmortems/bin.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]), 'postmortems/a.md': clean });
  fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'postmortems', 'gone.md'));
  const r = cli(['lint', '--format', 'json', 'postmortems'], dir);
  const out = JSON.parse(r.stdout) as Array<{ file: string; rule: string; severity: string }>;
  assert.ok(out.some((x) => x.file === 'postmortems/bin.md' && x.rule === 'parse-error'), r.stdout);
  assert.ok(out.some((x) => x.file === 'postmortems/gone.md' && x.rule === 'read-error'), r.stdout);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^sitrep: exit 2: .*Fix or exclude/m);
});

test('--fix writes the fixes and reports what is left', () => {
  const dir = workspace({ 'postmortems/a.md': human });
  const r = cli(['lint', '--fix', '--format', 'json'], dir);
  const after = fs.readFileSync(path.join(dir, 'postmortems/a.md'), 'utf8');
  assert.notEqual(after, human);
  assert.ok(!/caused by human error/.test(after));
  assert.deepEqual(JSON.parse(r.stdout), []);
  assert.equal(r.code, 0);
});

test('--format sarif is SARIF 2.1.0 with rules, levels and 1-based regions', () => {
  const dir = workspace({ 'postmortems/a.md': human });
  const r = cli(['lint', '--format', 'sarif'], dir);
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  const runObj = s.runs[0];
  assert.equal(runObj.tool.driver.name, 'sitrep');
  assert.ok(runObj.tool.driver.rules.some((x: { id: string }) => x.id === 'no-human-error'));
  const res = runObj.results[0];
  assert.equal(res.ruleId, 'no-human-error');
  assert.equal(res.level, 'error');
  assert.equal(runObj.tool.driver.rules[res.ruleIndex].id, 'no-human-error');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 17, startColumn: 26, endLine: 17, endColumn: 37 });
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'postmortems/a.md');
});

test('absolute and ../ globs match the way relative ones do', () => {
  const template = human.replace('type: postmortem\n', '');
  const dir = workspace({ 'templates/a.md': template, 'templates/b.md': clean, 'templates/sub/c.md': template, 'other/keep.txt': 'x' });
  const files = (r: { stdout: string }) => [...new Set((JSON.parse(r.stdout) as Array<{ file: string }>).map((x) => x.file))].sort();
  const abs = cli(['lint', '--format', 'json', path.join(dir, 'templates') + '/*.md'], dir);
  assert.equal(abs.code, 1, abs.stderr);
  assert.deepEqual(files(abs), ['templates/a.md']); // b.md is clean; sub/c.md is one folder down
  const absAll = cli(['lint', '--format', 'json', `${dir}/templates/**/*.md`], dir);
  assert.deepEqual(files(absAll), ['templates/a.md', 'templates/sub/c.md']);
  const up = cli(['lint', '--format', 'json', '../templates/*.md'], path.join(dir, 'other'));
  assert.equal(up.code, 1, up.stderr);
  assert.deepEqual(files(up), ['../templates/a.md']);
  const upText = cli(['lint', '../templates/**/*.md'], path.join(dir, 'other'));
  assert.match(upText.stderr, /^3 documents checked: /m);
  // The relative form gives the same files, and an absolute glob that matches nothing is still a usage error.
  assert.deepEqual(files(cli(['lint', '--format', 'json', 'templates/*.md'], dir)), files(abs));
  const none = cli(['lint', `${dir}/templates/*.txt`], dir);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no markdown files match/);
});

test('a folder whose markdown files are all skipped gets a hint on stderr; nothing found at all is exit 2', () => {
  const dir = workspace({ 'notes/a.md': '# Notes\n\nhuman error\n', 'notes/deep/b.md': '# More notes\n', 'one/x.md': '# x\n', 'postmortems/a.md': human });
  const r = cli(['lint', 'notes'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no incident or postmortem documents found/);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /skipped 2 markdown files in notes: none is an incident or postmortem document/);
  assert.match(r.stderr, /name the files \(sitrep lint notes\/<file>\.md\)/);
  assert.match(r.stderr, /quote a glob \(sitrep lint 'notes\/\*\*\/\*\.md'\)/);
  assert.match(r.stderr, /add "type: postmortem" or "type: incident" front matter/);
  assert.match(r.stderr, /set "documents" in \.sitrep\.yaml/);
  const allowed = cli(['lint', 'notes', '--allow-empty'], dir);
  assert.equal(allowed.code, 0);
  assert.match(allowed.stderr, /^0 documents checked: 0 errors, 0 warnings; 2 markdown files skipped \(not incident or postmortem documents\)\.$/m);
  // Following the hint works: the quoted glob lints them.
  assert.match(cli(['lint', 'notes/**/*.md'], dir).stderr, /^2 documents checked: \d+ errors/m);
  // JSON on stdout stays clean; one file is counted in the singular; errors elsewhere keep exit 1.
  const json = cli(['lint', '--format', 'json', 'one/', 'postmortems'], dir);
  assert.equal(json.code, 1);
  assert.ok((JSON.parse(json.stdout) as unknown[]).length > 0);
  assert.match(json.stderr, /skipped 1 markdown file in one: .*To lint it:/);
  assert.doesNotMatch(json.stderr, /in postmortems/);
});

test('no hint when a folder holds a recognised document, or no markdown at all', () => {
  const dir = workspace({ 'docs/pm.md': clean, 'docs/readme.md': '# Read me\n', 'empty/x.txt': 'x', '.sitrep.yaml': 'documents: ["reviews/**"]\n', 'reviews/r.md': '# Review\n\n## Follow-ups\n\n- Be more careful\n', 'notdocs/n.md': '# n\n' });
  const r = cli(['lint', 'docs', 'empty', 'reviews'], dir);
  assert.equal(r.code, 1, r.stderr); // reviews/r.md is a document (by the config's globs) with errors
  assert.doesNotMatch(r.stderr, /skipped \d+ markdown files? in/);
  assert.match(r.stderr, /^2 documents checked: .*; 1 markdown file skipped/m);
  // With a config file, the hint names it and the globs in effect.
  const hint = cli(['lint', 'empty', 'docs/', 'notdocs'], dir);
  assert.match(hint.stderr, /skipped 1 markdown file in notdocs: .*"documents" globs in \.sitrep\.yaml: reviews\/\*\*\)/);
  assert.equal(hint.code, 0);
});
