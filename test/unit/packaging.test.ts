// What the .vsix and the npm package need: a manifest the Marketplace accepts, links that work
// there, runtime files only, and the same document discovery in the editor setting as in the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_DOCUMENT_GLOBS } from '../../src/core/discovery';
import { ROOT } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('the editor setting defaults to the core document globs', () => {
  assert.deepEqual(pkg.contributes.configuration.properties['sitrep.documentGlobs'].default, DEFAULT_DOCUMENT_GLOBS);
  assert.equal(typeof pkg.contributes.configuration.properties['sitrep.lint.showBaselined'].default, 'boolean');
});

test('the manifest has what vsce and the Marketplace need: repository, icon (PNG, at least 128 px), changelog', () => {
  assert.match(pkg.repository.url, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
  const icon = fs.readFileSync(path.join(ROOT, pkg.icon));
  assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
  const width = icon.readUInt32BE(16);
  const height = icon.readUInt32BE(20);
  assert.ok(width >= 128 && height >= 128, `${width}×${height}`);
  assert.match(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}$`, 'm'));
  assert.doesNotMatch(pkg.scripts.package, /allow-missing-repository/);
});

test('every relative link and image in README.md points at a file in the repository (the Marketplace rewrites them to it)', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(links.length > 5);
  for (const link of links) {
    if (/^(https?:|mailto:|#)/.test(link)) continue;
    const file = link.split('#')[0];
    assert.ok(fs.existsSync(path.join(ROOT, file)), `README links to ${link}, which does not exist`);
  }
  // The Marketplace shows no SVG from the repository.
  assert.ok(!links.some((l) => !/^https?:/.test(l) && /\.svg$/i.test(l)));
});

test('vsce ls lists only runtime files', () => {
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  const files = out.split('\n').map((l) => l.trim()).filter(Boolean);
  const runtime = [
    /^package\.json$/,
    /^README\.md$/,
    /^LICENSE$/,
    /^CHANGELOG\.md$/,
    /^dist\/extension\.js$/,
    /^dist\/web\/extension\.js$/,
    /^dist\/(web\/)?worker\.js$/,
    /^schemas\/(incident|postmortem|config|baseline)\.schema\.json$/,
    /^snippets\/[\w.-]+$/,
    /^media\/[\w.-]+\.(svg|png|css)$/,
    /^docs\/(incidents|format|cli|report)\.md$/,
    /^docs\/rules\/[\w-]+\.md$/,
  ];
  assert.deepEqual(files.filter((f) => !runtime.some((r) => r.test(f))), []);
  for (const needed of ['package.json', 'dist/extension.js', 'dist/web/extension.js', 'dist/worker.js', 'dist/web/worker.js', 'media/icon.png', 'docs/rules/no-blame.md', 'CHANGELOG.md']) {
    assert.ok(files.includes(needed), needed);
  }
  // Every page a shipped page links to is shipped too.
  for (const page of files.filter((f) => f.startsWith('docs/'))) {
    const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
    for (const m of text.matchAll(/\]\(([\w./-]+\.md)(#[\w-]*)?\)/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), m[1]));
      assert.ok(files.includes(target), `${page} links to ${target}, which is not in the .vsix`);
    }
  }
  // Every schema and stylesheet the manifest contributes is shipped.
  for (const v of [...pkg.contributes.jsonValidation, ...pkg.contributes.yamlValidation]) assert.ok(files.includes(v.url.replace(/^\.\//, '')), v.url);
  for (const css of pkg.contributes['markdown.previewStyles'] ?? []) assert.ok(files.includes(css.replace(/^\.\//, '')), css);
});

test('.pre-commit-hooks.yaml runs sitrep lint over the repository when documents or settings change', () => {
  const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  const hook = hooks.find((h) => h.id === 'sitrep-lint');
  assert.ok(hook);
  assert.equal(hook.entry, 'sitrep lint');
  assert.equal(hook.language, 'node');
  assert.equal(hook.pass_filenames, false);
  const files = new RegExp(String(hook.files));
  for (const f of ['docs/post-mortems/a.md', 'x.markdown', '.sitrep.yaml', 'sub/.sitrep.yml', '.sitrep-baseline.json']) assert.ok(files.test(f), f);
  assert.ok(!files.test('src/index.ts'));
  assert.ok(pkg.bin.sitrep, 'the npm package provides the sitrep command');
  const npmignore = fs.readFileSync(path.join(ROOT, '.npmignore'), 'utf8');
  // vsce refuses a package.json "files" list beside .vscodeignore: .npmignore decides the npm package.
  assert.equal(pkg.files, undefined);
  assert.ok(npmignore.includes('!dist/cli.js'), 'the npm package ships the bundled CLI');
  // pre-commit installs the hook with `npm install`, then reads the stdout of `npm pack` as the
  // tarball's name: no script may run during `npm pack` (npm prints its banner there).
  for (const s of ['prepare', 'prepack', 'postpack']) assert.equal(pkg.scripts[s], undefined, s);
  assert.match(pkg.scripts.postinstall, /scripts\/postinstall\.js/);
  assert.ok(npmignore.includes('!scripts/postinstall.js'), 'the postinstall script is in the package');
});
