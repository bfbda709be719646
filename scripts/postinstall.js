#!/usr/bin/env node
'use strict';
// npm postinstall: builds dist/ when it is missing and esbuild is at hand, which is the case in a
// clone (npm ci) and when pre-commit installs the hook from this repository. An installed package
// already holds dist/cli.js, and a failed build never fails an install: `sitrep` then says to run
// `npm run build`. (Not `prepare`: npm prints its banner on the stdout of `npm pack`, which
// pre-commit reads as the tarball's name.)
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
if (fs.existsSync(path.join(root, 'dist', 'cli.js'))) process.exit(0);
try {
  require.resolve('esbuild', { paths: [root] });
} catch {
  console.error('sitrep: dist/ is missing and esbuild is not installed; run `npm install` then `npm run build`.');
  process.exit(0);
}
const r = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: ['ignore', 2, 2] });
if (r.status !== 0) console.error('sitrep: building dist/ failed; run `npm run build` to see why.');
