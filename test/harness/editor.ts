// A real VS Code (code-server) in a real browser, one per test file. Every run gets a fresh copy of
// a fixture workspace, fresh user-data and extensions folders, and a free port; `stop()` ends every
// process it started, by PID. The helpers below wait on visible UI state, never on fixed sleeps.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { CodeServer } from '../../scripts/lib/codeserver';
import { codeServerLib, editorLib, fixturesDir, processLib, resultsDir } from './paths';

export interface EditorOptions {
  /** Folder copied to a fresh temp dir and opened as the workspace: absolute, or a folder name
   * under test/harness/fixtures/. Default: 'incident-workspace'. */
  fixture?: string;
  /** Extra user settings (merged over quiet defaults such as workbench.startupEditor: none). */
  settings?: Record<string, unknown>;
  /** Copy the built extension (package.json + dist/ ...) into the private extensions folder. Default true. */
  installExtension?: boolean;
  /** Folder of the extension to install (default: $SITREP_EXTENSION_ROOT, else this repository). */
  extensionRoot?: string;
  /** Install this packaged extension with `code-server --install-extension` instead of copying
   * the built folder (`installExtension` is then ignored). */
  vsix?: string;
  /** Workbench `payload` entries, given a function that turns an absolute path into the URI the
   * workbench wants (used to run the integration suite in the extension host). */
  payload?: (remote: (absPath: string) => string) => Array<[string, string]>;
  /** Workspace-relative file to have open when the workbench appears (no Go to File round trip). */
  openFile?: string;
  /** Extra environment for code-server (and so for its extension host). */
  env?: NodeJS.ProcessEnv;
  viewport?: { width: number; height: number };
  /** Short name used for the temp folder and for artifacts in test-results/. */
  label?: string;
  /** Keep the temp folder after stop() (for debugging). Also kept when SITREP_KEEP_TMP=1. */
  keepTemp?: boolean;
}

export interface Problem {
  /** 'error' | 'warning' | 'info' | 'hint' (from the row's icon). */
  severity: string;
  message: string;
  /** e.g. 'sitrep' */
  source: string;
  /** e.g. 'front-matter-schema' */
  code: string;
  /** 1-based, as the Problems panel shows them. */
  line: number;
  column: number;
  /** The file name of the resource row the entry sits under. */
  file: string;
}

export interface TreeItem {
  label: string;
  description: string;
  /** 1-based depth in the tree. */
  level: number;
  expanded: boolean | undefined;
  ariaLabel: string;
}

const live = new Set<Editor>();

/** Page script: notes when each status-bar text first shows (performance.now()), every 50 ms for a minute. */
const STATUS_BAR_WATCH = `
window.__statusBarSeen = {};
(() => {
  const started = Date.now();
  const timer = setInterval(() => {
    document.querySelectorAll('.part.statusbar .statusbar-item').forEach((e) => {
      const t = e.innerText.replace(/\\s+/g, ' ').trim();
      if (t && !(t in window.__statusBarSeen)) window.__statusBarSeen[t] = performance.now();
    });
    if (Date.now() - started > 60000) clearInterval(timer);
  }, 50);
})();
`;

// Safety net: if the test process dies, take code-server's whole process group with it.
process.once('exit', () => {
  for (const e of live) {
    try {
      if (e.server) process.kill(-e.server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exactText(s: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(s)}\\s*$`, 'i');
}

/** Polls `probe` until it returns a value that is not undefined/false, or throws after `timeout` ms. */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeout = 15000, interval = 100, message = 'condition' }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export class Editor {
  browser: Browser | undefined;
  page!: Page;
  server: CodeServer | undefined;
  /** The temp folder holding workspace/, user-data/ and extensions/. */
  readonly runDir: string;
  /** Absolute path of the workspace folder the editor has open. */
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** The folder the extension was installed to (copied, or unpacked from the .vsix). */
  installedExtension: string | undefined;
  readonly label: string;
  /** When the workbench page finished loading (epoch ms), to measure what shows how soon after. */
  pageLoadedAt = 0;
  private stopped = false;

  private constructor(private readonly options: EditorOptions) {
    this.label = (options.label || 'e2e').replace(/[^A-Za-z0-9_.-]+/g, '-');
    this.runDir = fs.mkdtempSync(path.join(os.tmpdir(), `sitrep-${this.label}-`));
    this.workspace = path.join(this.runDir, 'workspace');
    this.userDataDir = path.join(this.runDir, 'user-data');
    this.extensionsDir = path.join(this.runDir, 'extensions');
  }

  /** Starts code-server and a browser on a fresh copy of the fixture; resolves when the workbench is up. */
  static async start(options: EditorOptions = {}): Promise<Editor> {
    const editor = new Editor(options);
    live.add(editor);
    try {
      await editor.boot();
      return editor;
    } catch (err) {
      await editor.saveArtifacts('start-failed').catch(() => undefined);
      await editor.stop();
      throw err;
    }
  }

  private async boot(): Promise<void> {
    const opts = this.options;
    const fixture = opts.fixture
      ? path.isAbsolute(opts.fixture) ? opts.fixture : path.join(fixturesDir, opts.fixture)
      : path.join(fixturesDir, 'incident-workspace');
    if (!fs.existsSync(fixture)) throw new Error(`fixture folder ${fixture} does not exist`);
    fs.cpSync(fixture, this.workspace, { recursive: true });
    codeServerLib.writeUserSettings(this.userDataDir, opts.settings);
    fs.mkdirSync(this.extensionsDir, { recursive: true });
    if (!editorLib.codeServerInstalled()) {
      throw new Error('code-server is not installed: run `npm run setup-editor` (npm test does this for you).');
    }
    if (opts.vsix) this.installedExtension = await codeServerLib.installVsix(opts.vsix, { extensionsDir: this.extensionsDir, userDataDir: this.userDataDir });
    else if (opts.installExtension !== false) this.installedExtension = codeServerLib.installExtensionCopy(this.extensionsDir, opts.extensionRoot || process.env.SITREP_EXTENSION_ROOT || undefined);

    const chromiumPath = editorLib.findChromium();
    if (!chromiumPath) throw new Error('no Chromium found: run `npm run setup-editor` or set SITREP_CHROMIUM.');

    // The port is free when picked; if something grabs it before code-server binds, try another.
    for (let attempt = 1; ; attempt++) {
      const port = await processLib.freePort();
      try {
        this.server = await codeServerLib.startCodeServer({
          workspace: this.workspace,
          userDataDir: this.userDataDir,
          extensionsDir: this.extensionsDir,
          port,
          env: opts.env,
        });
        break;
      } catch (err) {
        if (attempt >= 3 || !/EADDRINUSE/.test(String(err))) throw err;
      }
    }
    const server = this.server!;
    this.recordPid('code-server', server.pid);
    this.browser = await chromium.launch({ executablePath: chromiumPath, args: codeServerLib.CHROMIUM_ARGS });
    this.recordPid('chromium', this.browserPid());
    this.page = await this.browser.newPage({ viewport: opts.viewport || { width: 1400, height: 900 } });
    // No single Playwright action may wait longer than this; helpers pass their own bounds.
    this.page.setDefaultTimeout(15000);
    const remote = (p: string) => codeServerLib.remoteUri(server, p);
    const payload: Array<[string, string]> = opts.payload ? opts.payload(remote) : [];
    if (opts.openFile) payload.push(['openFile', remote(this.file(opts.openFile))]);
    // Notes when each status-bar text first shows, in ms since navigation started (statusBarFirstSeen).
    await this.page.addInitScript({ content: STATUS_BAR_WATCH });
    await this.page.goto(codeServerLib.workbenchUrl(server, this.workspace, payload.length ? payload : undefined));
    this.pageLoadedAt = Date.now();
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 30000 });
    if (opts.openFile) {
      await this.activeTab(path.basename(opts.openFile)).waitFor({ state: 'visible', timeout: 30000 });
      // The restored editor takes focus a moment later (closing any quick input opened before).
      await this.page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
    }
  }

  /** Stops the browser and code-server (whole process tree), pass or fail. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      if (this.browser) await Promise.race([this.browser.close(), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      /* the browser process is killed with its group below if it survived */
    }
    const browserPid = this.browserPid();
    if (browserPid && processLib.alive(browserPid)) await processLib.stopProcessTree(browserPid);
    if (this.server) await this.server.stop();
    live.delete(this);
    for (const f of this.pidFiles) fs.rmSync(f, { force: true });
    if (!this.options.keepTemp && process.env.SITREP_KEEP_TMP !== '1') {
      fs.rmSync(this.runDir, { recursive: true, force: true });
    }
  }

  private browserPid(): number | undefined {
    // playwright's Browser has process() at run time for a launched browser.
    return (this.browser as unknown as { process?: () => { pid?: number } | undefined } | undefined)?.process?.()?.pid;
  }

  private readonly pidFiles: string[] = [];
  /** With SITREP_PID_DIR set (scripts/test.js sets it), leaves a note of each process started so
   * the runner can stop survivors if a test process is killed before its own cleanup ran. */
  private recordPid(kind: string, pid: number | undefined): void {
    const dir = process.env.SITREP_PID_DIR;
    if (!dir || !pid) return;
    fs.mkdirSync(dir, { recursive: true });
    const f = path.join(dir, `${kind}-${pid}`);
    fs.writeFileSync(f, String(pid));
    this.pidFiles.push(f);
  }

  /** code-server's output so far (server log, extension host exits, errors). */
  get serverOutput(): string {
    return this.server ? this.server.output : '';
  }

  /** Saves a screenshot and the server log into test-results/; returns the screenshot path. */
  async saveArtifacts(name: string): Promise<string> {
    fs.mkdirSync(resultsDir, { recursive: true });
    const base = path.join(resultsDir, `${this.label}-${name}`.replace(/[^A-Za-z0-9_.-]+/g, '-'));
    fs.writeFileSync(`${base}.log`, this.serverOutput);
    if (this.page) await this.page.screenshot({ path: `${base}.png` });
    return `${base}.png`;
  }

  /** A screenshot of the whole window (or of `locator`) at `file`. */
  async screenshot(file: string, locator?: Locator): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (locator) await locator.screenshot({ path: file });
    else await this.page.screenshot({ path: file });
  }

  // ---------------------------------------------------------------- files

  /** Absolute path of a workspace-relative path. */
  file(rel: string): string {
    return path.join(this.workspace, rel);
  }

  /** Reads a file of the workspace from disk (what the editor saved). */
  readWorkspaceFile(rel: string): string {
    return fs.readFileSync(this.file(rel), 'utf8');
  }

  /** Opens a workspace file through Go to File, as a person would, and waits for its tab. */
  async openFile(rel: string): Promise<void> {
    const base = path.basename(rel);
    const dir = path.dirname(rel) === '.' ? '' : path.dirname(rel).split('/').pop()!;
    // F1 without the '>' prefix is Go to File. File search can take several seconds on a busy
    // machine the first time, so the row gets a longer bound than the palette.
    await this.chooseQuickOpenRow(rel, base, dir, 30000, `the file ${rel}`);
    await this.activeTab(base).waitFor({ state: 'visible', timeout: 15000 });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
  }

  /**
   * Opens the palette, types `text`, and clicks the row whose label is exactly `label` (and whose
   * text contains `alsoContains`). The quick input closes whenever focus moves (an editor opening,
   * a notification), so a round that loses its widget starts again, within `timeout` overall.
   */
  private async chooseQuickOpenRow(text: string, label: string, alsoContains: string, timeout: number, what: string): Promise<void> {
    const deadline = Date.now() + timeout;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        const input = await this.openQuickInput('F1');
        await input.fill(text, { timeout: 3000 });
        const row = this.page
          .locator('.quick-input-widget .quick-input-list .monaco-list-row')
          .filter({ has: this.page.locator('.label-name', { hasText: exactText(label) }) })
          .filter({ hasText: alsoContains })
          .first();
        // If the widget closes while we wait, start the round again rather than wait it out.
        await Promise.race([
          row.waitFor({ state: 'visible', timeout: Math.max(1000, deadline - Date.now()) }),
          this.quickInput.waitFor({ state: 'hidden', timeout: Math.max(1000, deadline - Date.now()) }).then(() => {
            throw new Error('the quick input closed');
          }),
        ]);
        await row.click({ timeout: 3000 });
        return;
      } catch (err) {
        lastError = err;
      }
    }
    const why = lastError instanceof Error ? `: ${lastError.message.split('\n')[0]}` : '';
    throw new Error(`could not choose ${what} in the quick input within ${timeout} ms${why}`);
  }

  /** The active editor tab with this file name. */
  activeTab(fileName: string): Locator {
    return this.page.locator('.tabs-container .tab.active', { hasText: fileName });
  }

  // ---------------------------------------------------------------- quick input & commands

  /** The quick input widget (command palette, quick pick, input box). */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  private async openQuickInput(key: string): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    // Keystrokes typed before the widget exists are lost: press, then wait for it.
    await waitUntil(
      async () => {
        if (await input.isVisible()) return true;
        await this.page.keyboard.press(key);
        await input.waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
        return input.isVisible();
      },
      { timeout: 15000, interval: 200, message: `the quick input after ${key}` },
    );
    return input;
  }

  /**
   * Runs a command from the command palette by its full title as shown there, e.g.
   * 'Sitrep: Declare Incident'. Resolves once the palette entry was chosen.
   */
  async runCommand(title: string, timeout = 20000): Promise<void> {
    await this.chooseQuickOpenRow(`>${title}`, title, '', timeout, `the command ${JSON.stringify(title)}`);
  }

  /**
   * Waits for a quick input (input box or pick) to be showing, optionally one whose title, prompt
   * or placeholder matches `expect`; returns the widget.
   */
  async waitForQuickInput(expect?: string | RegExp, timeout = 10000): Promise<Locator> {
    const widget = this.quickInput;
    await widget.waitFor({ state: 'visible', timeout });
    if (expect !== undefined) {
      await waitUntil(
        async () => {
          const text = [
            await widget.locator('.quick-input-title').innerText().catch(() => ''),
            await widget.locator('.quick-input-message').innerText().catch(() => ''),
            (await widget.locator('.quick-input-box input').getAttribute('placeholder').catch(() => '')) || '',
            (await widget.locator('.quick-input-box input').getAttribute('aria-label').catch(() => '')) || '',
          ].join('\n');
          return typeof expect === 'string' ? text.includes(expect) : expect.test(text);
        },
        { timeout, message: `a quick input matching ${String(expect)}` },
      );
    }
    return widget;
  }

  /** Title, placeholder, prompt and first rows of the quick input, to notice when it moves on. */
  private async quickInputState(): Promise<string> {
    const w = this.quickInput;
    if (!(await w.isVisible().catch(() => false))) return '<hidden>';
    return [
      await w.locator('.quick-input-title').innerText().catch(() => ''),
      (await w.locator('.quick-input-box input').getAttribute('placeholder').catch(() => '')) || '',
      await w.locator('.quick-input-message').innerText().catch(() => ''),
      (await w.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts().catch(() => [])).slice(0, 5).join('|'),
    ].join('\n');
  }

  /** After an answer: waits until the quick input closed or shows something else (next step, or a validation message). */
  private async waitForQuickInputToMoveOn(before: string, what: string): Promise<void> {
    await waitUntil(async () => (await this.quickInputState()) !== before, { timeout: 10000, interval: 50, message: `the quick input to react to ${what}` });
  }

  /**
   * Types `text` into the showing input box (replacing what is there) and presses Enter; resolves
   * once the input closed or moved on to its next step. Pass `expect` (matched against the title,
   * prompt or placeholder) to be sure the text goes to the right step of a multi-step flow.
   */
  async answerQuickInput(text: string, expect?: string | RegExp): Promise<void> {
    const widget = await this.waitForQuickInput(expect);
    const input = widget.locator('.quick-input-box input');
    await input.fill(text);
    const before = await this.quickInputState();
    await input.press('Enter');
    await this.waitForQuickInputToMoveOn(before, `the answer ${JSON.stringify(text)}`);
  }

  /** Presses Enter on the showing input box or quick pick as it is (its prefilled value, its active item). */
  async acceptQuickInput(expect?: string | RegExp): Promise<void> {
    const widget = await this.waitForQuickInput(expect);
    const before = await this.quickInputState();
    await widget.locator('.quick-input-box input').press('Enter');
    await this.waitForQuickInputToMoveOn(before, 'Enter');
  }

  /** Clicks the Back button of the showing multi-step input; resolves once the previous step shows. */
  async quickInputBack(expect?: string | RegExp): Promise<void> {
    const widget = await this.waitForQuickInput(expect);
    const before = await this.quickInputState();
    await widget.locator('.quick-input-left-action-bar .action-label').first().click();
    await this.waitForQuickInputToMoveOn(before, 'Back');
  }

  /** Closes the showing quick input with Escape; resolves once it is gone. */
  async dismissQuickInput(): Promise<void> {
    const widget = await this.waitForQuickInput();
    await widget.locator('.quick-input-box input').press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 10000 });
  }

  /** The value in the showing input box. */
  async quickInputValue(): Promise<string> {
    return (await this.waitForQuickInput()).locator('.quick-input-box input').inputValue();
  }

  /** The message under the showing input box (a validation error, or what a time was read as). */
  async quickInputMessage(): Promise<string> {
    return (await (await this.waitForQuickInput()).locator('.quick-input-message').innerText().catch(() => '')).trim();
  }

  /** Chooses the item whose label is exactly `label` in the showing quick pick; resolves once the
   * pick closed or moved on to its next step. */
  async pickQuickItem(label: string, expect?: string | RegExp): Promise<void> {
    const widget = await this.waitForQuickInput(expect);
    const row = widget
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactText(label) }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 10000 });
    const before = await this.quickInputState();
    await row.click();
    await this.waitForQuickInputToMoveOn(before, `picking ${JSON.stringify(label)}`);
  }

  /** Labels of the items the showing quick pick lists (only those rendered on screen). */
  async quickPickItems(): Promise<string[]> {
    await this.quickInput.waitFor({ state: 'visible' });
    return this.quickInput.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
  }

  // ---------------------------------------------------------------- status bar & notifications

  /** Texts of every status-bar item, left to right. */
  async statusBarTexts(): Promise<string[]> {
    const texts = await this.page.locator('.part.statusbar .statusbar-item').allInnerTexts();
    return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  }

  /**
   * When a status-bar text matching `match` first showed, in ms after the page's navigation started
   * and after its load event (noted every 50 ms during the first minute), or undefined.
   */
  async statusBarFirstSeen(match: RegExp): Promise<{ text: string; sinceNavigation: number; sinceLoad: number } | undefined> {
    const r = (await this.page.evaluate(
      '({ seen: window.__statusBarSeen || {}, load: (performance.getEntriesByType("navigation")[0] || {}).loadEventEnd || 0 })',
    )) as { seen: Record<string, number>; load: number };
    const hits = Object.entries(r.seen).filter(([t]) => match.test(t)).sort((a, b) => a[1] - b[1]);
    if (!hits.length) return undefined;
    const [text, at] = hits[0];
    return { text, sinceNavigation: Math.round(at), sinceLoad: Math.round(at - r.load) };
  }

  /** Waits for a status-bar item whose text matches and returns that text. */
  async waitForStatusBarText(match: string | RegExp, timeout = 15000): Promise<string> {
    const item = this.page.locator('.part.statusbar .statusbar-item', { hasText: match }).first();
    await item.waitFor({ state: 'visible', timeout });
    return (await item.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Messages of the notification toasts on screen. */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
  }

  /** Waits for a notification toast whose message matches; returns its message. */
  async waitForNotification(match: string | RegExp, timeout = 15000): Promise<string> {
    const item = this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: match }).first();
    await item.waitFor({ state: 'visible', timeout });
    return item.innerText();
  }

  // ---------------------------------------------------------------- views

  /** The activity-bar entry of a view container, by its title (e.g. 'Sitrep'). */
  activityBarItem(title: string): Locator {
    return this.page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title.replace(/"/g, '\\"')}"]`).first();
  }

  /** Opens a view container from the activity bar (does not toggle it closed if already open). */
  async openViewContainer(title: string, timeout = 20000): Promise<void> {
    const item = this.activityBarItem(title);
    await item.waitFor({ state: 'visible', timeout });
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title', { hasText: new RegExp(escapeRegExp(title), 'i') });
    if (!(await sidebarTitle.isVisible().catch(() => false))) await item.click();
    await sidebarTitle.waitFor({ state: 'visible', timeout });
  }

  /** A view pane in the side bar by its title (e.g. 'Incidents'). */
  viewPane(title: string): Locator {
    return this.page
      .locator('.part.sidebar .pane')
      .filter({ has: this.page.locator('.pane-header h3.title', { hasText: exactText(title) }) })
      .first();
  }

  /** Expands a view pane if it is collapsed and waits for its body. */
  async expandView(title: string, timeout = 15000): Promise<Locator> {
    const pane = this.viewPane(title);
    await pane.waitFor({ state: 'visible', timeout });
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await pane.locator('.pane-body').waitFor({ state: 'visible', timeout });
    return pane;
  }

  /** The items a tree view shows (rendered rows only; expand nodes to see their children). */
  async treeItems(viewTitle: string): Promise<TreeItem[]> {
    const pane = await this.expandView(viewTitle);
    const rows = pane.locator('.pane-body .monaco-list-row');
    const n = await rows.count();
    const out: TreeItem[] = [];
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const expandedAttr = await row.getAttribute('aria-expanded');
      out.push({
        label: (await row.locator('.label-name').first().innerText().catch(() => '')).trim(),
        description: (await row.locator('.label-description').first().innerText().catch(() => '')).trim(),
        level: Number((await row.getAttribute('aria-level')) || '1'),
        expanded: expandedAttr === null ? undefined : expandedAttr === 'true',
        ariaLabel: (await row.getAttribute('aria-label')) || '',
      });
    }
    return out;
  }

  /** Waits until the view lists an item whose label matches; returns all items at that moment. */
  async waitForTreeItem(viewTitle: string, match: string | RegExp, timeout = 15000): Promise<TreeItem[]> {
    return waitUntil(
      async () => {
        const items = await this.treeItems(viewTitle);
        return items.some((i) => (typeof match === 'string' ? i.label === match : match.test(i.label))) ? items : undefined;
      },
      { timeout, message: `an item ${String(match)} in the ${viewTitle} view` },
    );
  }

  // ---------------------------------------------------------------- problems

  /** Opens the Problems panel (View: Focus Problems) and waits for it. */
  async openProblems(): Promise<Locator> {
    const panel = this.page.locator('.part.panel .markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    }
    await panel.waitFor({ state: 'visible', timeout: 10000 });
    return panel;
  }

  /** The entries the Problems panel shows (opens it; rows rendered on screen). */
  async problems(): Promise<Problem[]> {
    const panel = await this.openProblems();
    const rows = panel.locator('.monaco-list-row');
    const n = await rows.count();
    const out: Problem[] = [];
    let file = '';
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      if ((await row.locator('.marker-message-details-container, .marker-message').count()) === 0) {
        const name = await row.locator('.label-name').first().innerText().catch(() => '');
        if (name) file = name.trim();
        continue;
      }
      const iconClass = (await row.locator('.marker-icon').first().getAttribute('class').catch(() => '')) || '';
      const severity = /error/.test(iconClass) ? 'error' : /warning/.test(iconClass) ? 'warning' : /info/.test(iconClass) ? 'info' : 'hint';
      const text = async (sel: string) => (await row.locator(sel).first().innerText().catch(() => '')).trim();
      const where = await text('.marker-line');
      const m = /Ln\s*(\d+),\s*Col\s*(\d+)/i.exec(where);
      out.push({
        severity,
        message: await text('.marker-message'),
        source: await text('.marker-source'),
        code: (await text('.marker-code')).replace(/^\(|\)$/g, ''),
        line: m ? Number(m[1]) : 0,
        column: m ? Number(m[2]) : 0,
        file,
      });
    }
    return out;
  }

  /** Waits until the Problems panel lists an entry matching `pred`; returns the entries then. */
  async waitForProblem(pred: (p: Problem) => boolean, timeout = 20000): Promise<Problem[]> {
    return waitUntil(async () => {
      const all = await this.problems();
      return all.some(pred) ? all : undefined;
    }, { timeout, interval: 250, message: 'a matching entry in the Problems panel' });
  }
}
