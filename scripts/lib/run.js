'use strict';
// Small helpers shared by the npm scripts: run a command, make sure npm dependencies are installed.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { repoRoot } = require('./editor');
const { stopProcessTree } = require('./processes');

const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// PIDs (process-group leaders) of commands started by runCommand and still running.
const active = new Set();

/** Stops every command runCommand started that is still running (on Ctrl-C, say). */
async function stopRunningCommands() {
  await Promise.all([...active].map((pid) => stopProcessTree(pid)));
}

/**
 * Runs a command in its own process group; resolves with { code, output, timedOut }.
 * Output is echoed unless `quiet`, and always collected. After `timeoutMs` the whole group is stopped.
 */
function runCommand(cmd, args, { cwd = repoRoot, env, quiet = false, timeoutMs, onStart } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...(env || {}) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    active.add(child.pid);
    if (onStart) onStart(child);
    let output = '';
    let timedOut = false;
    const onData = (stream) => (buf) => {
      output += buf.toString();
      if (!quiet) stream.write(buf);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          void stopProcessTree(child.pid);
        }, timeoutMs)
      : undefined;
    child.on('error', (err) => {
      output += String(err);
    });
    child.on('close', (code, signal) => {
      active.delete(child.pid);
      if (timer) clearTimeout(timer);
      resolve({ code: code === null ? 1 : code, signal, output, timedOut, pid: child.pid });
    });
  });
}

/** Installs npm dependencies when node_modules is missing (npm ci with a lockfile, else npm install). */
async function ensureDependencies() {
  if (fs.existsSync(path.join(repoRoot, 'node_modules', '.package-lock.json'))) return { installed: false };
  const hasLock = fs.existsSync(path.join(repoRoot, 'package-lock.json'));
  const args = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  process.stderr.write(`[sitrep] node_modules is missing: npm ${args[0]}\n`);
  const started = Date.now();
  const r = await runCommand(npmCmd, args, { quiet: false });
  if (r.code !== 0) throw new Error(`npm ${args[0]} failed (exit ${r.code})`);
  return { installed: true, ms: Date.now() - started };
}

module.exports = { npmCmd, runCommand, ensureDependencies, stopRunningCommands };
