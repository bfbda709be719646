#!/usr/bin/env node
'use strict';
// npm start: installs what is missing, builds Sitrep, installs it into a private code-server
// profile (.vscode-test/user-data, .vscode-test/extensions) and serves VS Code on 127.0.0.1 with
// the examples open. Prints the URL; Ctrl-C stops it.
// By default it opens a fresh copy of examples/ (.vscode-test/demo-workspace) whose clock is moved
// to now, so the active incident is mid-response whatever the date; --in-place opens examples/
// itself (edits stay, times as written), --folder opens any folder.
// Usage: node scripts/start.js [--port N] [--in-place | --folder path]

const fs = require('node:fs');
const path = require('node:path');
const { repoRoot, ensureEditor, SetupError } = require('./lib/editor');
const { npmCmd, runCommand, ensureDependencies, stopRunningCommands } = require('./lib/run');
const { firstFreePort, portIsFree } = require('./lib/processes');
const { installExtensionCopy, startCodeServer, readManifest, extensionId } = require('./lib/codeserver');
const { prepareDemoWorkspace } = require('./lib/demo');

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Keeps the user's settings from earlier runs; fills in the quiet defaults they have not set. */
function mergeUserSettings(userDataDir) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  let existing = {};
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* first run, or not plain JSON: start from the defaults */
  }
  const defaults = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    // The demo workspace sits inside this repository's git-ignored .vscode-test/.
    'git.openRepositoryInParentFolders': 'never',
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...defaults, ...existing }, null, 2) + '\n');
}

async function main() {
  const t0 = Date.now();
  // Ctrl-C while installing or building: stop what runs, then leave.
  const early = () => void stopRunningCommands().then(() => process.exit(130));
  process.on('SIGINT', early);
  process.on('SIGTERM', early);
  const step = (msg) => console.log(`[start] ${msg}`);

  const deps = await ensureDependencies();
  if (deps.installed) step(`npm dependencies installed (${(deps.ms / 1000).toFixed(1)} s)`);

  ensureEditor({ browser: false });

  step('building the extension');
  const build = await runCommand(npmCmd, ['run', '--silent', 'build'], { quiet: true });
  if (build.code !== 0) {
    process.stdout.write(build.output);
    throw new SetupError('npm run build failed (output above).');
  }

  const state = path.join(repoRoot, '.vscode-test');
  const userDataDir = path.join(state, 'user-data');
  const extensionsDir = path.join(state, 'extensions');
  mergeUserSettings(userDataDir);
  const installed = installExtensionCopy(extensionsDir);
  step(`installed ${extensionId(readManifest())} ${readManifest().version} into ${path.relative(repoRoot, installed)}`);

  const examples = path.join(repoRoot, 'examples');
  let folder;
  let demo = false;
  if (option('--folder')) folder = path.resolve(option('--folder'));
  else if (process.argv.includes('--in-place')) folder = examples;
  else {
    folder = path.join(state, 'demo-workspace');
    prepareDemoWorkspace(examples, folder);
    demo = true;
    step(`copied examples/ to ${path.relative(repoRoot, folder)} with its times moved to now`);
  }
  let port;
  if (option('--port')) {
    port = Number(option('--port'));
    if (!(await portIsFree(port))) throw new SetupError(`port ${port} is in use; pick another with --port or leave it out.`);
  } else {
    port = await firstFreePort(8080);
  }

  const logFile = path.join(state, 'code-server.log');
  const log = fs.createWriteStream(logFile);
  const server = await startCodeServer({
    workspace: folder,
    userDataDir,
    extensionsDir,
    port,
    onOutput: (text) => log.write(text),
  });

  process.off('SIGINT', early);
  process.off('SIGTERM', early);
  let stopping = false;
  const stop = async (why, code) => {
    if (stopping) return;
    stopping = true;
    step(`${why}: stopping code-server (pid ${server.pid})`);
    await server.stop();
    log.end();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('interrupted', 0));
  process.on('SIGTERM', () => void stop('terminated', 0));
  process.on('SIGHUP', () => void stop('hung up', 0));
  void server.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`[start] code-server exited (${signal || `code ${code}`}); its log is in ${path.relative(repoRoot, logFile)}`);
    log.end();
    process.exit(code || 1);
  });

  // The examples open on the active incident (the workspace setting) beside the postmortem the
  // linter has things to say about, which the workbench opens from the URL.
  const postmortem = path.join(folder, 'incidents', '2026-10-14-search-latency', 'postmortem.md');
  const payload = folder !== examples && !demo ? undefined : [['openFile', `vscode-remote://127.0.0.1:${port}${postmortem}`]];
  const url = `${server.url}?folder=${encodeURIComponent(folder)}${payload && fs.existsSync(postmortem) ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  console.log('');
  console.log(`  Sitrep is running in VS Code (code-server) on ${path.relative(process.cwd(), folder) || folder}`);
  if (demo) console.log('  (a fresh copy of examples/ each start, its clock moved to now; npm start -- --in-place opens examples/ itself)');
  console.log(`  Open: ${url}`);
  console.log('');
  console.log(`  Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s. Server log: ${path.relative(repoRoot, logFile)}. Ctrl-C stops it.`);
}

main().catch((err) => {
  if (err instanceof SetupError) console.error(`start: ${err.message}`);
  else console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
