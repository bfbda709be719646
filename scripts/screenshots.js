#!/usr/bin/env node
'use strict';
// npm run screenshots: renders the README tour images into docs/images/ with the same harness the
// end-to-end tests use (fresh copy of examples/, private profile, real code-server and Chromium).
//   start.png       npm start's first screen: the Sitrep view, the active incident, the postmortem
//                   and the Problems panel, as the examples workspace opens
//   postmortem.png  the postmortem with the linter's findings in the Problems panel
//   report.png      Sitrep: Open Learning Report: headline figures and standards candidates
//   report-charts.png  the same report scrolled to its charts
//   preview-timeline.png  the Markdown preview of the postmortem with its timeline picture
//   hover.png       a hover on a linter finding: the words, the clause judged and why, and what was read
// Usage: node scripts/screenshots.js [--only start,postmortem,report,preview]

const fs = require('node:fs');
const path = require('node:path');
const { repoRoot, ensureEditor, SetupError } = require('./lib/editor');
const { prepareDemoWorkspace } = require('./lib/demo');
const { npmCmd, runCommand, ensureDependencies } = require('./lib/run');

const OUT = path.join(repoRoot, 'docs', 'images');
const POSTMORTEM = 'incidents/2026-10-14-search-latency/postmortem.md';

async function step(name, fn) {
  const t = Date.now();
  try {
    await fn();
    console.log(`[screenshots] ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return true;
  } catch (err) {
    console.log(`[screenshots] ${name} FAILED: ${err.message.split('\n')[0]}`);
    return false;
  }
}

/** Waits for something optional; on timeout it says so and the picture is taken anyway. */
async function bestEffort(what, fn) {
  try {
    await fn();
  } catch (err) {
    console.log(`[screenshots]   warning: ${what} did not show (${err.message.split('\n')[0]})`);
  }
}

/** Moves the pointer out of the way and waits for hovers and the activation spinner to go. */
async function settle(editor) {
  await editor.page.mouse.move(800, 300);
  await bestEffort('hovers to close', () =>
    editor.page.locator('.workbench-hover-container, .monaco-hover:not(.hidden)').first().waitFor({ state: 'hidden', timeout: 5000 }),
  );
  await bestEffort('extension activation to finish', () =>
    editor.page.locator('.part.statusbar .statusbar-item', { hasText: 'Activating Extensions' }).first().waitFor({ state: 'hidden', timeout: 15000 }),
  );
}

/** The frame (webviews sit two iframes deep) holding an element that matches `selector`. */
async function frameWith(editor, selector, timeout = 20000) {
  const { waitUntil } = require(path.join(repoRoot, 'out', 'test', 'harness', 'editor.js'));
  return waitUntil(
    async () => {
      for (const f of editor.page.frames()) {
        if (!f.isDetached() && (await f.locator(selector).count().catch(() => 0)) > 0) return f;
      }
      return undefined;
    },
    { timeout, interval: 200, message: `a webview showing ${selector}` },
  );
}

async function main() {
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg >= 0 ? process.argv[onlyArg + 1].split(',') : ['start', 'postmortem', 'report', 'preview', 'hover'];
  await ensureDependencies();
  ensureEditor({ browser: true });
  for (const [name, args] of [['compile-tests', ['run', '--silent', 'compile-tests']], ['build', ['run', '--silent', 'build']]]) {
    const r = await runCommand(npmCmd, args, { quiet: true });
    if (r.code !== 0 && !(name === 'compile-tests' && fs.existsSync(path.join(repoRoot, 'out', 'test', 'harness', 'editor.js')))) {
      process.stdout.write(r.output);
      throw new SetupError(`npm run ${name} failed (output above).`);
    }
  }
  const { Editor } = require(path.join(repoRoot, 'out', 'test', 'harness', 'editor.js'));
  // The same clock-shifted copy of examples/ that npm start opens: the incident is mid-response now.
  const demoFixture = () => {
    const dir = path.join(require('node:os').tmpdir(), `sitrep-screenshots-${process.pid}`);
    prepareDemoWorkspace(path.join(repoRoot, 'examples'), dir);
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  fs.mkdirSync(OUT, { recursive: true });
  let ok = true;

  const editor = await Editor.start({
    label: 'screenshots',
    fixture: demoFixture(),
    // As npm start opens it: the postmortem from the URL, the rest from the workspace setting.
    openFile: POSTMORTEM,
    viewport: { width: 1280, height: 800 },
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'window.zoomLevel': 0 },
  });
  try {
    if (only.includes('start')) {
      ok = (await step('start.png', async () => {
        // Nothing is clicked: this is the screen npm start opens to.
        await bestEffort('the Sitrep status-bar item', () => editor.waitForStatusBarText(/SEV2 .* · update in/, 20000));
        await bestEffort('the active incident', () => editor.activeTab('incident.md').waitFor({ state: 'visible', timeout: 15000 }));
        await bestEffort('the Incidents view items', () => editor.waitForTreeItem('Incidents', /Checkout returns 5xx/, 20000));
        await bestEffort('the Problems panel', () => editor.page.locator('.part.panel .markers-panel').waitFor({ state: 'visible', timeout: 15000 }));
        await settle(editor);
        await editor.screenshot(path.join(OUT, 'start.png'));
      })) && ok;
    }
    if (only.includes('postmortem')) {
      ok = (await step('postmortem.png', async () => {
        await editor.openFile(POSTMORTEM);
        await bestEffort('the linter findings in Problems', () => editor.waitForProblem((p) => p.source === 'sitrep', 20000));
        await settle(editor);
        await editor.screenshot(path.join(OUT, 'postmortem.png'));
      })) && ok;
    }
    if (only.includes('report')) {
      ok = (await step('report.png', async () => {
        // The extension's commands are in the palette once its activity-bar entry shows.
        await editor.activityBarItem('Sitrep').waitFor({ state: 'visible', timeout: 30000 });
        await editor.runCommand('Sitrep: Open Learning Report');
        const frame = await frameWith(editor, 'article.sr-candidate');
        await settle(editor);
        await editor.screenshot(path.join(OUT, 'report.png'));
        // The charts further down: recurring classes, then the action register.
        await frame.locator('#classes h2').evaluate((h) => h.scrollIntoView({ block: 'start' }));
        await settle(editor);
        await editor.screenshot(path.join(OUT, 'report-charts.png'));
      })) && ok;
    }
    if (only.includes('preview')) {
      ok = (await step('preview-timeline.png', async () => {
        await editor.openFile(POSTMORTEM);
        await editor.runCommand('Markdown: Open Preview');
        await frameWith(editor, '.sitrep-timeline svg');
        await settle(editor);
        await editor.screenshot(path.join(OUT, 'preview-timeline.png'));
      })) && ok;
    }
    if (only.includes('hover')) {
      ok = (await step('hover.png', async () => {
        await editor.openFile(POSTMORTEM);
        await bestEffort('the linter findings in Problems', () => editor.waitForProblem((p) => p.source === 'sitrep', 20000));
        const words = editor.page.locator('.monaco-editor .view-lines span', { hasText: 'operator error' }).last();
        await words.waitFor({ state: 'visible', timeout: 15000 });
        const box = await words.boundingBox();
        if (!box) throw new Error('the words are not on screen');
        const text = (await words.textContent()) || '';
        const at = Math.max(0, text.indexOf('operator error'));
        const x = box.x + (box.width * (at + 5)) / Math.max(1, text.length);
        await editor.page.mouse.move(x, box.y + box.height / 2);
        await editor.page.locator('.monaco-hover', { hasText: 'judged' }).first().waitFor({ state: 'visible', timeout: 15000 });
        // Wait for the hover's fade-in to finish (its opacity and its ancestors' reach 1).
        await editor.page.waitForFunction(() => {
          let el = [...document.querySelectorAll('.monaco-hover')].find((h) => h.textContent && h.textContent.includes('judged'));
          for (; el; el = el.parentElement) if (Number(getComputedStyle(el).opacity) < 1) return false;
          return true;
        }, undefined, { timeout: 5000 });
        await editor.screenshot(path.join(OUT, 'hover.png'));
      })) && ok;
    }
  } finally {
    await editor.stop();
  }
  console.log(`[screenshots] images in ${path.relative(process.cwd(), OUT) || OUT}`);
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  if (err instanceof SetupError) console.error(`screenshots: ${err.message}`);
  else console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
