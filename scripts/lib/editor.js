'use strict';
// Finds or installs the pieces a real-editor run needs: code-server (VS Code served to a browser,
// kept out of the project's dependencies in a git-ignored cache folder) and a Chromium to drive it.
// Used by scripts/setup-editor.js, start.js, test.js, screenshots.js and the test harness.
// See docs/testing.md and shared/docs/real-editor-testing.md.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep versions whose install step looks for this archive in its temp-dir cache.
const RIPGREP_CACHE_VERSIONS = ['1.15.11', '1.15.12', '1.15.13', '1.15.14', '1.16.0', '1.17.0', '1.17.1', '1.18.0'];
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

const repoRoot = path.resolve(__dirname, '..', '..');

/** A failure whose message is enough on its own: the scripts print it without a stack trace. */
class SetupError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SetupError';
  }
}

function cacheDir() {
  const fromEnv = process.env.SITREP_EDITOR_CACHE;
  return fromEnv ? path.resolve(fromEnv) : path.join(repoRoot, '.vscode-test');
}

function codeServerDir() {
  return path.join(cacheDir(), 'code-server');
}

function codeServerBin() {
  return path.join(codeServerDir(), 'node_modules', '.bin', 'code-server');
}

function installedMarker() {
  return path.join(codeServerDir(), '.sitrep-installed');
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

function log(msg) {
  process.stderr.write(`[setup-editor] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: opts.quiet ? 'pipe' : 'inherit', encoding: 'utf8', ...opts });
  if (r.error) throw new SetupError(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    const out = opts.quiet ? `\n${(r.stdout || '').slice(-2000)}${(r.stderr || '').slice(-4000)}` : '';
    throw new SetupError(`${cmd} ${args.join(' ')} failed with exit code ${r.status}${out}`);
  }
  return r;
}

let aptUpdated = false;
/** Installs Debian packages when running as root; otherwise explains what to install. */
function aptInstall(packages, why) {
  if (packages.length === 0) return;
  const hasApt = Boolean(which('apt-get'));
  if (!isRoot() || !hasApt) {
    throw new SetupError(
      `${why} needs the system package${packages.length > 1 ? 's' : ''} ${packages.join(' ')}.\n` +
        `Install ${packages.length > 1 ? 'them' : 'it'} (for example: sudo apt-get install -y ${packages.join(' ')}) and run this again.`,
    );
  }
  if (!aptUpdated) {
    log('apt-get update');
    run('apt-get', ['update'], { quiet: true });
    aptUpdated = true;
  }
  log(`apt-get install -y ${packages.join(' ')}`);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    quiet: true,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function findChromium() {
  const fromEnv = process.env.SITREP_CHROMIUM;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new SetupError(`SITREP_CHROMIUM=${fromEnv} does not exist.`);
    return fromEnv;
  }
  for (const c of CHROMIUM_CANDIDATES) if (fs.existsSync(c)) return c;
  for (const c of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const p = which(c);
    if (p) return p;
  }
  return undefined;
}

/** Returns the path of a Chromium, installing Debian's `chromium` package when root. */
function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  aptInstall(['chromium'], 'Driving the editor in tests and screenshots');
  found = findChromium();
  if (!found) throw new SetupError('Installed the chromium package but found no chromium executable; set SITREP_CHROMIUM to its path.');
  return found;
}

function codeServerInstalled() {
  try {
    const marker = fs.readFileSync(installedMarker(), 'utf8').trim();
    const pkg = JSON.parse(fs.readFileSync(path.join(codeServerDir(), 'node_modules', 'code-server', 'package.json'), 'utf8'));
    return marker === CODE_SERVER_VERSION && pkg.version === CODE_SERVER_VERSION && fs.existsSync(codeServerBin());
  } catch {
    return false;
  }
}

/** Puts Debian's rg where @vscode/ripgrep's install step looks before it tries to download. */
function primeRipgrepCache(rg) {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-rg-'));
  try {
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    for (const v of RIPGREP_CACHE_VERSIONS) {
      const dir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${v}`);
      fs.mkdirSync(dir, { recursive: true });
      const archive = path.join(dir, RIPGREP_ARCHIVE);
      if (!fs.existsSync(archive)) run('tar', ['czf', archive, '-C', staging, 'rg'], { quiet: true });
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function installCodeServer() {
  if (process.arch !== 'x64' || process.platform !== 'linux') {
    throw new SetupError(`Automatic code-server setup supports linux-x64 only (this is ${process.platform}-${process.arch}).`);
  }
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir()} (once; about a minute)`);
  const missing = [];
  if (!dpkgInstalled('libkrb5-dev') && which('dpkg-query')) missing.push('libkrb5-dev');
  if (!which('rg')) missing.push('ripgrep');
  aptInstall(missing, `Installing code-server ${CODE_SERVER_VERSION}`);
  const rg = which('rg');
  if (!rg) throw new SetupError('ripgrep (rg) is needed to install code-server; install the ripgrep package.');
  primeRipgrepCache(rg);

  const dir = codeServerDir();
  fs.rmSync(installedMarker(), { force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pkgJson = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgJson)) {
    fs.writeFileSync(pkgJson, JSON.stringify({ name: 'sitrep-editor-cache', private: true, description: 'code-server for Sitrep real-editor runs (generated)' }, null, 2) + '\n');
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir,
    quiet: true,
    // code-server's install step refuses to run as root without these two settings.
    env: { ...process.env, npm_config_yes: 'true', ...(isRoot() ? { npm_config_unsafe_perm: 'true' } : {}) },
  });
  if (!fs.existsSync(codeServerBin())) throw new SetupError(`npm install finished but ${codeServerBin()} is missing.`);
  // code-server's postinstall installs VS Code's own node modules; a run without it cannot start.
  const vscodeModules = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  if (!fs.existsSync(vscodeModules)) {
    throw new SetupError(`code-server's install step did not complete (${vscodeModules} is missing). Remove ${dir} and try again.`);
  }
  fs.writeFileSync(installedMarker(), CODE_SERVER_VERSION + '\n');
  log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Makes sure code-server (and, unless `browser: false`, Chromium) are present.
 * Fast when they already are. Returns their paths.
 */
function ensureEditor({ browser = true } = {}) {
  if (!codeServerInstalled()) installCodeServer();
  const result = { codeServer: codeServerBin(), codeServerVersion: CODE_SERVER_VERSION, cacheDir: cacheDir(), chromium: undefined };
  if (browser) result.chromium = ensureChromium();
  return result;
}

module.exports = {
  CODE_SERVER_VERSION,
  SetupError,
  repoRoot,
  cacheDir,
  codeServerDir,
  codeServerBin,
  codeServerInstalled,
  findChromium,
  ensureChromium,
  ensureEditor,
  aptInstall,
  which,
};
