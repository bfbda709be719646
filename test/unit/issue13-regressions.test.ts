/**
 * Regression tests for the exact reproductions of issue 13 (the adversarial test and the CLI
 * reliability tests cover the shapes and the command line more widely).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, toSarif } from '../../src/cli/lint';
import { writeSarif } from '../../src/cli/output';
import { IncidentIndex, incidentChildren, incidentRoots, renderIncident, soloRoles, statusBarView } from '../../src/core/incident';
import { lint } from '../../src/core/lint';
import { isPlaceholderLine } from '../../src/core/parser/markdown';
import { formatDate, formatTimestamp, parseDate, parseTimestamp } from '../../src/core/time';

const NOW = Date.parse('2026-11-27T11:00:00Z');

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), now: NOW });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-13-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

test('#1 the table row that took 108 s: `sitrep lint docs` on 14, 60 and 10,000 empty cells', { timeout: 60_000 }, () => {
  for (const cells of [14, 60, 10_000]) {
    const row = `${'|   '.repeat(cells)} done |`;
    assert.equal(isPlaceholderLine(`${'|   '.repeat(cells)}|`), true);
    assert.equal(isPlaceholderLine(row), false);
    const dir = workspace({ 'docs/README.md': `# Matrix\n\n${row}\n`, 'notes/readme.md': `# Notes\n\n${row}\n` });
    const r = cli(['lint', 'docs', 'notes/readme.md'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
  }
});

test('#2 a heading of 40,000 spaces', { timeout: 60_000 }, () => {
  const r = lint('---\ntype: postmortem\n---\n\n## a' + ' '.repeat(40_000) + 'b\n', { relativePath: 'postmortems/x.md', now: NOW });
  assert.equal(r.doc.sections[0].title.trim(), 'a' + ' '.repeat(40_000) + 'b'.trim());
});

test('#3 100,000 front-matter keys (1.2 MB) and 24 MB of front matter are refused at the cap, quickly', { timeout: 60_000 }, () => {
  let keys = '';
  for (let i = 0; i < 100_000; i++) keys += `k${i}: v\n`;
  const r = lint(`---\ntype: postmortem\n${keys}---\n\n# x\n`, { relativePath: 'postmortems/x.md', now: NOW });
  assert.ok(r.findings.some((f) => f.rule === 'parse-error' && /front matter is \d+ KB/.test(f.message)));
  assert.equal(r.doc.kind, 'postmortem', 'the type is still read');
  const big = `---\ntype: postmortem\ntitle: ${'x'.repeat(24_000_000)}\n---\n# x\n`;
  const r2 = lint(big, { relativePath: 'postmortems/x.md', now: NOW, maxLength: 30_000_000 });
  assert.ok(r2.findings.some((f) => f.rule === 'parse-error' && /front matter/.test(f.message)));
});

test('#10 800 KB of list items: bounded findings, bounded memory', { timeout: 60_000 }, () => {
  let body = '---\ntype: postmortem\n---\n\n# X\n\n## Timeline\n\n';
  while (body.length < 800_000) body += '- a\n';
  const before = process.memoryUsage().heapUsed;
  const r = lint(body, { relativePath: 'postmortems/x.md', now: NOW });
  const grew = process.memoryUsage().heapUsed - before;
  assert.ok(r.findings.length < 2_000, `${r.findings.length} findings`);
  assert.ok(grew < 400_000_000, `heap grew ${Math.round(grew / 1e6)} MB`);
  // Under the line cap, a rule stops at 500 findings and says so once.
  let items = '---\ntype: postmortem\n---\n\n# X\n\n## Timeline\n\n';
  for (let i = 0; i < 20_000; i++) items += '- a\n';
  const r2 = lint(items, { relativePath: 'postmortems/x.md', now: NOW });
  const perRule = new Map<string, number>();
  for (const f of r2.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  assert.ok([...perRule.values()].every((n) => n <= 501), JSON.stringify([...perRule]));
  assert.ok(r2.findings.some((f) => /stopped .* after 500 findings/.test(f.message)));
});

test('#11 a document over the size cap is an error', () => {
  const r = lint('---\ntype: postmortem\n---\n# x\n' + 'a\n'.repeat(100), { relativePath: 'postmortems/x.md', now: NOW, maxLength: 50 });
  const cap = r.findings.find((f) => f.rule === 'parse-error')!;
  assert.equal(cap.severity, 'error');
});

test('#12 a huge cadence does not throw "Invalid time value" nor empty the Incidents view', () => {
  const text = renderIncident({ id: '2026-11-27-big-a1b2', title: 'Huge cadence', severity: 'SEV4', impactSummary: 'i', roles: soloRoles('@a'), cadenceMinutes: 240, now: NOW }).replace(
    /^update_cadence_minutes: .*$/m,
    'update_cadence_minutes: 1e300',
  );
  const index = new IncidentIndex();
  index.update('file:///big.md', text, { relativePath: 'incidents/big/incident.md' });
  index.update('file:///ok.md', renderIncident({ id: '2026-11-27-ok-a1b2', title: 'Fine', severity: 'SEV2', impactSummary: 'i', roles: soloRoles('@a'), cadenceMinutes: 60, now: NOW }), { relativePath: 'incidents/ok/incident.md' });
  const roots = incidentRoots(index, NOW);
  assert.ok(roots.length >= 2, JSON.stringify(roots.map((r) => r.label)));
  for (const r of roots) incidentChildren(index, r, NOW);
  statusBarView(index, NOW);
  assert.equal(formatTimestamp(1e300), '+275760-09-13T00:00:00Z');
});

test('years 0000–0099 stay years 0000–0099', () => {
  assert.equal(formatTimestamp(parseTimestamp('0042-03-04T05:06:07Z')!), '0042-03-04T05:06:07Z');
  assert.equal(formatDate(parseDate('0099-12-31')!), '0099-12-31');
  assert.equal(formatDate(parseDate('0000-01-01')!), '0000-01-01');
});

test('#8 SARIF is written result by result: the same log as one JSON.stringify', () => {
  const text = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'lint', 'no-human-error.md'), 'utf8');
  const results = [{ file: 'postmortems/a b#.md', findings: lint(text, { relativePath: 'postmortems/a.md' }).findings }, { file: 'x.md', findings: [] }];
  let s = '';
  writeSarif(results, '1.2.3', (x) => (s += x));
  assert.deepEqual(JSON.parse(s), toSarif(results, '1.2.3'));
  assert.equal(s, JSON.stringify(toSarif(results, '1.2.3'), null, 2) + '\n');
  assert.equal(JSON.parse(s).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'postmortems/a%20b%23.md');
});
