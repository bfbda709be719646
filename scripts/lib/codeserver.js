'use strict';
// Starts code-server for one run (tests, screenshots, `npm start`) and installs Sitrep into a
// private extensions folder. Every run gets its own user-data and extensions folders.

const fs = require('node:fs');
const path = require('node:path');
const { execFile, spawn } = require('node:child_process');
const { codeServerBin, repoRoot } = require('./editor');
const { stopProcessTree } = require('./processes');

// What a packaged extension contains (a superset of what .vscodeignore lets `vsce package` ship:
// `npx vsce ls` lists that); missing ones are skipped.
const EXTENSION_FILES = [
  'package.json',
  'package.nls.json',
  'dist',
  'schemas',
  'snippets',
  'media',
  'docs',
  'l10n',
  'walkthroughs',
  'resources',
  'images',
  'syntaxes',
  'language-configuration.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'LICENSE.md',
];

function readManifest(root = repoRoot) {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
}

function extensionId(manifest = readManifest()) {
  return `${manifest.publisher}.${manifest.name}`;
}

/**
 * Copies the built extension into `<extensionsDir>/<publisher>.<name>-<version>`, replacing an
 * older copy. Requires `npm run build` to have produced dist/.
 */
function installExtensionCopy(extensionsDir, root = repoRoot) {
  const manifest = readManifest(root);
  const main = manifest.main ? path.join(root, manifest.main) : undefined;
  if (main && !fs.existsSync(main) && !fs.existsSync(main + '.js')) {
    throw new Error(`${manifest.main} is missing: run \`npm run build\` first.`);
  }
  const target = path.join(extensionsDir, `${extensionId(manifest)}-${manifest.version}`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Remove any copy of this extension (any version) so the editor sees exactly one.
  for (const entry of fs.readdirSync(extensionsDir)) {
    if (entry.startsWith(`${extensionId(manifest)}-`)) fs.rmSync(path.join(extensionsDir, entry), { recursive: true, force: true });
  }
  fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const f of EXTENSION_FILES) {
    const src = path.join(root, f);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(target, f), { recursive: true });
  }
  return target;
}

/**
 * Installs a packaged extension the way a user does: `code-server --install-extension <vsix>`
 * into the private extensions folder (with its own config file, so nothing is written to the
 * home folder). Resolves with the installed folder; rejects with the output when it fails or
 * takes longer than `timeoutMs`.
 */
function installVsix(vsix, { extensionsDir, userDataDir, timeoutMs = 60000 }) {
  const configFile = path.join(userDataDir, 'code-server-config.yaml');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (!fs.existsSync(configFile)) fs.writeFileSync(configFile, 'auth: none\n');
  if (!fs.existsSync(vsix)) return Promise.reject(new Error(`${vsix} does not exist: run \`npm run package\` first.`));
  const args = [codeServerBin(), '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (err) return reject(new Error(`code-server --install-extension ${path.basename(vsix)} failed (${err.killed ? `no answer in ${timeoutMs} ms` : err.message}):\n${output}`));
      const installed = fs.readdirSync(extensionsDir).find((e) => e.startsWith(`${extensionId()}-`));
      if (!installed) return reject(new Error(`code-server did not install ${path.basename(vsix)} into ${extensionsDir}:\n${output}`));
      resolve(path.join(extensionsDir, installed));
    });
  });
}

/** Writes `<userDataDir>/User/settings.json`; the defaults keep the first screen quiet. */
function writeUserSettings(userDataDir, settings = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const all = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'github.copilot.enable': { '*': false },
    ...settings,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(all, null, 2) + '\n');
}

/**
 * Starts code-server and resolves once it listens. The process leads its own process group so
 * `stop()` can end it and everything it spawned (extension host, file watcher, terminals).
 * @param {{workspace: string, userDataDir: string, extensionsDir: string, port: number,
 *   host?: string, env?: NodeJS.ProcessEnv, onOutput?: (text: string) => void,
 *   startTimeoutMs?: number, extraArgs?: string[]}} opts
 */
function startCodeServer(opts) {
  const host = opts.host || '127.0.0.1';
  const configFile = path.join(opts.userDataDir, 'code-server-config.yaml');
  fs.mkdirSync(opts.userDataDir, { recursive: true });
  fs.mkdirSync(opts.extensionsDir, { recursive: true });
  if (!fs.existsSync(configFile)) fs.writeFileSync(configFile, 'auth: none\n');
  const args = [
    codeServerBin(),
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `${host}:${opts.port}`,
    '--user-data-dir', opts.userDataDir,
    '--extensions-dir', opts.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(opts.extraArgs || []),
    opts.workspace,
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(opts.env || {}) },
  });
  let output = '';
  const url = `http://${host}:${opts.port}/`;
  const server = {
    pid: child.pid,
    port: opts.port,
    url,
    child,
    get output() {
      return output;
    },
    exited: new Promise((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig }))),
    async stop() {
      await stopProcessTree(child.pid);
    },
  };
  return new Promise((resolve, reject) => {
    const timeoutMs = opts.startTimeoutMs || 30000;
    const timer = setTimeout(() => {
      void server.stop();
      reject(new Error(`code-server did not start listening within ${timeoutMs} ms. Output:\n${output.slice(-3000)}`));
    }, timeoutMs);
    const onData = (buf) => {
      const text = buf.toString();
      output += text;
      if (output.length > 2_000_000) output = output.slice(-1_000_000);
      if (opts.onOutput) opts.onOutput(text);
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve(server);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (code ${code}) before it was ready. Output:\n${output.slice(-3000)}`));
    });
  });
}

/** The workbench URL for a folder, optionally with a test `payload` (see docs/testing.md). */
function workbenchUrl(server, folder, payload) {
  let u = `${server.url}?folder=${encodeURIComponent(folder)}`;
  if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

/** `vscode-remote://` URI of an absolute path on this machine, as the payload wants it. */
function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${absPath}`;
}

/** Chromium flags that work on these machines (closed network, root). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

module.exports = {
  EXTENSION_FILES,
  CHROMIUM_ARGS,
  readManifest,
  extensionId,
  installExtensionCopy,
  installVsix,
  writeUserSettings,
  startCodeServer,
  workbenchUrl,
  remoteUri,
};
