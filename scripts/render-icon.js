#!/usr/bin/env node
'use strict';
// Renders scripts/icon.svg to media/icon.png (256 × 256, the Marketplace icon) with the test
// editor's Chromium. Run it after changing the SVG: node scripts/render-icon.js
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { findChromium } = require('./lib/editor');
const { CHROMIUM_ARGS } = require('./lib/codeserver');

async function main() {
  const root = path.resolve(__dirname, '..');
  const svg = fs.readFileSync(path.join(root, 'scripts', 'icon.svg'), 'utf8');
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: run npm run setup-editor or set SITREP_CHROMIUM');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    fs.writeFileSync(path.join(root, 'media', 'icon.png'), png);
    console.log(`wrote media/icon.png (${png.length} bytes)`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
