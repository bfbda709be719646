#!/usr/bin/env node
// Runs every compiled benchmark (out/bench/*.bench.js) in its own process, one after another.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'out', 'bench');
const only = process.argv.slice(2);
const files = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((f) => f.endsWith('.bench.js') && (only.length === 0 || only.some((o) => f.includes(o)))).sort()
  : [];
if (files.length === 0) {
  console.error('No benchmarks found in out/bench (run npm run compile-tests).');
  process.exit(2);
}
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f.replace(/\.bench\.js$/, '')} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
