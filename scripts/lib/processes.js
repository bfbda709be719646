'use strict';
// Starting and stopping the processes a run owns, by PID and process group, never by name.

const fs = require('node:fs');
const net = require('node:net');

/** Resolves to a TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port and we may bind it. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** The first free port at or after `from` (for a stable, memorable URL in `npm start`). */
async function firstFreePort(from = 8080, tries = 200) {
  for (let p = from; p < from + tries; p++) if (await portIsFree(p)) return p;
  return freePort();
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** PIDs of every live descendant of `pid` (Linux /proc), deepest last. */
function descendants(pid) {
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const children = new Map();
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      // pid (comm) state ppid ...; comm may contain spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(e));
    } catch {
      /* process went away */
    }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    for (const c of children.get(p) || []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/**
 * Stops a process we started with `detached: true` (so it leads its own process group):
 * SIGTERM to the group and to any descendant that left it, then SIGKILL after `graceMs`.
 * Resolves once the leader and all those descendants are gone.
 */
async function stopProcessTree(pid, { graceMs = 5000 } = {}) {
  if (!pid) return;
  const tree = [pid, ...descendants(pid)];
  signal(-pid, 'SIGTERM');
  for (const p of tree) signal(p, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && tree.some(alive)) await new Promise((r) => setTimeout(r, 50));
  if (tree.some(alive)) {
    signal(-pid, 'SIGKILL');
    for (const p of tree) if (alive(p)) signal(p, 'SIGKILL');
    const killDeadline = Date.now() + 2000;
    while (Date.now() < killDeadline && tree.some(alive)) await new Promise((r) => setTimeout(r, 50));
  }
}

module.exports = { freePort, portIsFree, firstFreePort, alive, descendants, stopProcessTree };
