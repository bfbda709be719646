// Where things are, whether this file runs from test/harness (ts) or out/test/harness (compiled).
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'scripts', 'lib', 'codeserver.js'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the Sitrep repository above ${start}`);
    dir = parent;
  }
}

export const repoRoot = findRepoRoot(__dirname);
export const fixturesDir = path.join(repoRoot, 'test', 'harness', 'fixtures');
export const resultsDir = path.join(repoRoot, 'test-results');

// The plain-JS helpers in scripts/lib are shared with npm start and npm run screenshots.
/* eslint-disable @typescript-eslint/no-require-imports */
export const codeServerLib = require(path.join(repoRoot, 'scripts', 'lib', 'codeserver.js')) as typeof import('../../scripts/lib/codeserver');
export const processLib = require(path.join(repoRoot, 'scripts', 'lib', 'processes.js')) as typeof import('../../scripts/lib/processes');
export const editorLib = require(path.join(repoRoot, 'scripts', 'lib', 'editor.js')) as typeof import('../../scripts/lib/editor');
