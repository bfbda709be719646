#!/usr/bin/env node
'use strict';
// Installs what real-editor runs need, once: code-server into .vscode-test/code-server/ (or
// $SITREP_EDITOR_CACHE/code-server/) and Debian's chromium. Fast when both are already there.
// Usage: node scripts/setup-editor.js [--no-browser]

const { ensureEditor, SetupError } = require('./lib/editor');

function main() {
  const started = Date.now();
  const browser = !process.argv.includes('--no-browser');
  const found = ensureEditor({ browser });
  console.log(`code-server ${found.codeServerVersion}: ${found.codeServer}`);
  if (browser) console.log(`chromium: ${found.chromium}`);
  console.log(`editor ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (err) {
  if (err instanceof SetupError) {
    console.error(`setup-editor: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
