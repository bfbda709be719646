/**
 * The npm package (issue 13): `npm pack` holds the built CLI and nothing of the tests or sources,
 * its contents are the ones docs/cli.md lists, and `npx sitrep lint` works from the packed
 * tarball installed in an empty folder (offline: the bundles need no dependencies).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function pack(dest: string): { tarball: string; files: string[] } {
  // No script runs during npm pack (pre-commit reads its output): dist/ is built first, as
  // npm run build does.
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT, stdio: 'pipe' });
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', dest], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const info = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { tarball: path.join(dest, info[0].filename), files: info[0].files.map((f) => f.path).sort() };
}

test('npm pack: the built CLI, worker and extension; no tests, sources or source maps; as docs/cli.md lists', { timeout: 180_000 }, () => {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-pack-'));
  try {
    const { tarball, files } = pack(dest);
    for (const f of ['bin/sitrep.js', 'dist/cli.js', 'dist/extension.js', 'dist/worker.js', 'dist/web/extension.js', 'dist/web/worker.js', 'scripts/postinstall.js', 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      assert.ok(files.includes(f), `${f} is packed`);
    }
    const unwanted = files.filter((f) => (/^(?:src|test|out|bench|scripts|\.ci)\//.test(f) && f !== 'scripts/postinstall.js') || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(unwanted, []);
    // docs/cli.md lists the package contents (the top-level entries).
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## The npm package'));
    assert.ok(section.length > 20, 'docs/cli.md has a "The npm package" section');
    for (const f of files.filter((x) => !x.startsWith('docs/') && !x.startsWith('media/') && !x.startsWith('schemas/') && !x.startsWith('snippets/'))) {
      assert.ok(section.includes(`\`${f}\``), `docs/cli.md lists ${f}`);
    }
    for (const dir of ['docs/', 'media/', 'schemas/', 'snippets/']) assert.ok(section.includes(`\`${dir}`), `docs/cli.md lists ${dir}`);

    // Installed from the tarball into an empty project, `npx sitrep lint` runs.
    const project = path.join(dest, 'project');
    fs.mkdirSync(path.join(project, 'postmortems'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n');
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'pipe' });
    fs.writeFileSync(path.join(project, 'postmortems', 'a.md'), fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'lint', 'no-human-error.md')));
    const r = spawnSync(npx, ['--offline', 'sitrep', 'lint', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.ok((JSON.parse(r.stdout) as Array<{ rule: string }>).some((f) => f.rule === 'no-human-error'), r.stdout);
    const help = spawnSync(npx, ['--offline', 'sitrep', '--help'], { cwd: project, encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /Usage: sitrep lint/);
  } finally {
    fs.rmSync(dest, { recursive: true, force: true });
  }
});
