/**
 * The command line under hostile or busy conditions (issue 13): the exit-code contract, bounded
 * reads (FIFOs, devices, files over the cap), undecodable files, and --fix writes that lose
 * nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, sarifUri } from '../../src/cli/lint';
import { writeJson, toJson, type FileResult } from '../../src/cli/output';
import { readDocument } from '../../src/cli/read';
import { writeFixed } from '../../src/cli/write';
import { walk } from '../../src/cli/files';
import { decodeText, encodeText } from '../../src/core/encoding';
import { lint } from '../../src/core/lint';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const human = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'lint', 'no-human-error.md'), 'utf8');

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), now: Date.parse('2026-11-27T11:00:00Z') });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-cli-rel-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A postmortem whose only errors have fixes (no-human-error's prompt). */
function fixableOnly(): string {
  const clean = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'lint', 'postmortem-clean.md'), 'utf8');
  return clean.replace(/(## Summary\s*\n\s*\n)/, '$1The outage was caused by human error. ');
}

test('--fix on a read-only file: nothing written, findings still reported, exit 2', () => {
  const text = fixableOnly();
  assert.ok(lint(text, { relativePath: 'postmortems/a.md', now: Date.parse('2026-11-27T11:00:00Z') }).findings.some((f) => f.severity === 'error' && f.fix));
  const dir = workspace({ 'postmortems/a.md': text });
  const file = path.join(dir, 'postmortems/a.md');
  fs.chmodSync(file, 0o444);
  const r = cli(['lint', '--fix', '--format', 'json'], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), text);
  const out = JSON.parse(r.stdout) as Array<{ rule: string }>;
  assert.ok(out.some((f) => f.rule === 'write-error'));
  assert.ok(out.some((f) => f.rule === 'no-human-error'), 'the unfixed findings are still there');
  assert.match(r.stderr, /cannot write fixes to postmortems\/a\.md: the file is read-only/);
  assert.match(r.stderr, /^sitrep: exit 2: fixes that could not be written/m);
});

test('--fix keeps a line appended while it ran (compare before write, retry)', () => {
  const dir = workspace({ 'postmortems/a.md': human });
  const file = path.join(dir, 'postmortems/a.md');
  const read = readDocument(file);
  assert.equal(read.kind, 'text');
  if (read.kind !== 'text') return;
  let calls = 0;
  const outcome = writeFixed(file, read, (text) => {
    calls++;
    // Another process appends while the first fixes are computed.
    if (calls === 1) fs.appendFileSync(file, '\nAppended during the run.\n');
    return text.replace('caused by human error', 'caused by CONDITIONS');
  });
  assert.equal(outcome.kind, 'written');
  assert.equal(calls, 2, 'the fixes were computed again from the new content');
  const after = fs.readFileSync(file, 'utf8');
  assert.match(after, /Appended during the run\./);
  assert.match(after, /caused by CONDITIONS/);
  assert.deepEqual(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
});

test('a Latin-1 file is reported (encoding), never written, exit 2', () => {
  const latin1 = Buffer.from(human.replace('caused by human error', 'caused by human error at the caf\u00e9'), 'latin1');
  const dir = workspace({ 'postmortems/a.md': latin1 });
  const r = cli(['lint', '--fix', '--format', 'json'], dir);
  assert.equal(r.code, 2);
  const out = JSON.parse(r.stdout) as Array<{ rule: string; message: string }>;
  assert.deepEqual(out.map((f) => f.rule), ['encoding']);
  assert.match(out[0].message, /not UTF-8/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'postmortems/a.md')), latin1, 'bytes untouched');
});

test('UTF-16 with a byte-order mark is read as text and fixed in UTF-16', () => {
  const bytes = encodeText(human, 'utf-16le', true);
  const dir = workspace({ 'postmortems/a.md': Buffer.from(bytes) });
  const r = cli(['lint', '--format', 'json'], dir);
  const out = JSON.parse(r.stdout) as Array<{ rule: string }>;
  assert.ok(out.some((f) => f.rule === 'no-human-error'), r.stdout);
  assert.ok(!out.some((f) => f.rule === 'parse-error'), 'not reported as binary');
  cli(['lint', '--fix'], dir);
  const after = fs.readFileSync(path.join(dir, 'postmortems/a.md'));
  assert.deepEqual([after[0], after[1]], [0xff, 0xfe]);
  const decoded = decodeText(after);
  assert.ok(decoded.ok && decoded.encoding === 'utf-16le' && !/caused by human error/.test(decoded.text));
});

test('a FIFO and a link to /dev/zero named *.md are reported without being read; the run goes on', { timeout: 20_000 }, () => {
  const dir = workspace({ 'postmortems/ok.md': human });
  execFileSync('mkfifo', [path.join(dir, 'postmortems/pipe.md')]);
  fs.symlinkSync('/dev/zero', path.join(dir, 'postmortems/zero.md'));
  const r = cli(['lint', '--format', 'json', 'postmortems'], dir);
  const out = JSON.parse(r.stdout) as Array<{ file: string; rule: string; message: string }>;
  assert.match(out.find((f) => f.file === 'postmortems/pipe.md')!.message, /named pipe/);
  assert.match(out.find((f) => f.file === 'postmortems/zero.md')!.message, /device/);
  assert.ok(out.some((f) => f.file === 'postmortems/ok.md' && f.rule === 'no-human-error'));
  assert.equal(r.code, 2);
});

test('a 600 MB file is reported as over the cap without being read; other files are linted', () => {
  const dir = workspace({ 'postmortems/ok.md': human });
  const big = path.join(dir, 'postmortems/big.md');
  const fd = fs.openSync(big, 'w');
  fs.ftruncateSync(fd, 600_000_000); // sparse: no disk used
  fs.closeSync(fd);
  const r = cli(['lint', '--format', 'json'], dir);
  const out = JSON.parse(r.stdout) as Array<{ file: string; rule: string; message: string; severity: string }>;
  const cap = out.find((f) => f.file === 'postmortems/big.md')!;
  assert.equal(cap.rule, 'parse-error');
  assert.equal(cap.severity, 'error');
  assert.match(cap.message, /600\.0 MB; Sitrep checks documents up to 5\.0 MB/);
  assert.ok(out.some((f) => f.file === 'postmortems/ok.md'));
  assert.equal(r.code, 2);
});

test('bad globs on the command line and in .sitrep.yaml: a message and exit 2, no stack trace', () => {
  const dir = workspace({ 'postmortems/a.md': human });
  const r = cli(['lint', 'postmortems/[z-a].md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /runs backwards/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  const many = cli(['lint', 'postmortems/*a*a*a*a*a*a*b.md'], dir);
  assert.equal(many.code, 2);
  assert.match(many.stderr, /at most 2 are allowed/);
  fs.writeFileSync(path.join(dir, '.sitrep.yaml'), 'documents: ["[z-a]/**"]\n');
  const c = cli(['lint'], dir);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /^\.sitrep\.yaml:1:\d+ {2}error {2}config {2}documents: the glob "\[z-a\]\/\*\*" has the character range/m);
});

test('a symbolic-link loop is named as one, not as missing', () => {
  const dir = workspace({});
  fs.symlinkSync(path.join(dir, 'b.md'), path.join(dir, 'a.md'));
  fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
  const r = cli(['lint', 'a.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /loop of symbolic links/);
});

test('SARIF artifact URIs are percent-encoded; JSON is written in pieces with the same text', () => {
  assert.equal(sarifUri('postmortems/a#b c%.md'), 'postmortems/a%23b%20c%25.md');
  assert.equal(sarifUri('../x/y?.md'), '../x/y%3F.md');
  const results: FileResult[] = [{ file: 'a.md', findings: lint(human, { relativePath: 'postmortems/a.md' }).findings }, { file: 'b.md', findings: [] }];
  let s = '';
  writeJson(results, (x) => (s += x));
  assert.equal(s, JSON.stringify(toJson(results), null, 2) + '\n');
  let empty = '';
  writeJson([], (x) => (empty += x));
  assert.equal(empty, '[]\n');
});

test('CR-only line breaks: no false YAML errors in front matter', () => {
  const cr = human.replace(/\r?\n/g, '\r');
  const r = lint(cr, { relativePath: 'postmortems/a.md' });
  assert.ok(!r.findings.some((f) => f.message.startsWith('YAML')), JSON.stringify(r.findings.filter((f) => f.message.startsWith('YAML'))));
  assert.equal(r.doc.kind, 'postmortem');
});

test('a folder that cannot be listed is reported (not "0 documents", exit 0)', () => {
  const dir = workspace({ 'postmortems/a.md': human });
  // As root every folder is readable, so a path that is not a folder stands in for one: readdir fails.
  const w = walk(path.join(dir, 'postmortems', 'a.md'));
  assert.equal(w.unreadable.length, 1);
  assert.match(w.unreadable[0].reason, /ENOTDIR|not a directory/i);
});
