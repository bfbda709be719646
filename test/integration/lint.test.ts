// The linter's editor features in the real extension host: diagnostics (source, code, doc link,
// exact ranges), the rule's quick fix, "Fix all Sitrep problems", "Disable <rule> for this line",
// a broken .sitrep.yaml, "Sitrep: Lint Workspace" on a closed file, and clearing on close.
// Every case works on its own copy of fixture/postmortems/lint/template.md (a postmortem with
// "human error" as its conclusion, a vague action, a due "TBD" and a "detective" category), so
// edits in one case cannot leak into another. Waits are on onDidChangeDiagnostics, never sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activateSitrep, sitrepDiagnostics, waitForEvent, workspaceUri } from './helpers';

const TEMPLATE = 'postmortems/lint/template.md';
const PROMPT = '[which system conditions allowed this action? name the missing guardrail, signal or check]';
const ALL = ['no-human-error', 'no-vague-action', 'action-due-date', 'action-category'];

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (typeof c === 'object' && c !== null) return String(c.value);
  return c === undefined ? undefined : String(c);
}

function rules(diags: readonly vscode.Diagnostic[]): string[] {
  return diags.map(codeOf).filter((x): x is string => !!x).sort();
}

function has(...want: string[]) {
  return (d: vscode.Diagnostic[]) => want.every((r) => d.some((x) => codeOf(x) === r));
}

function lacks(...gone: string[]) {
  return (d: vscode.Diagnostic[]) => gone.every((r) => !d.some((x) => codeOf(x) === r));
}

function both(...checks: Array<(d: vscode.Diagnostic[]) => boolean>) {
  return (d: vscode.Diagnostic[]) => checks.every((c) => c(d));
}

function one(diags: readonly vscode.Diagnostic[], rule: string): vscode.Diagnostic {
  const found = diags.filter((d) => codeOf(d) === rule);
  assert.equal(found.length, 1, `one ${rule} diagnostic; got ${JSON.stringify(diags.map((d) => [codeOf(d), d.range.start.line, d.message]))}`);
  return found[0];
}

/** A fresh copy of the template at postmortems/lint/<name>.md (on disk, not opened). */
async function copyOfTemplate(name: string): Promise<vscode.Uri> {
  const uri = workspaceUri(`postmortems/lint/${name}.md`);
  await vscode.workspace.fs.copy(workspaceUri(TEMPLATE), uri, { overwrite: true });
  return uri;
}

/** Opens a fresh copy of the template in an editor and waits for its four findings. */
async function openLinted(name: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; diags: vscode.Diagnostic[] }> {
  const uri = await copyOfTemplate(name);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const diags = await sitrepDiagnostics(uri, has(...ALL));
  return { uri, doc, diags };
}

/** The range of the first occurrence of `needle` (after `after`, when given) in the document. */
function rangeOf(doc: vscode.TextDocument, needle: string, after = ''): vscode.Range {
  const text = doc.getText();
  const from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, `"${after}" is in the document`);
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" is in the document`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions ?? [];
}

function describe(actions: readonly vscode.CodeAction[]): string {
  return JSON.stringify(actions.map((a) => [a.title, a.kind?.value, a.isPreferred]));
}

suite('Sitrep linter in the editor', () => {
  suiteSetup(async () => {
    await activateSitrep();
  });

  test('diagnostics carry source "sitrep", the rule name, a link to its doc page and the exact range', async () => {
    const { doc, diags } = await openLinted('findings');
    assert.deepEqual(rules(diags), [...ALL].sort(), 'exactly the four planted findings');
    const expected: Array<[string, vscode.Range, string]> = [
      ['no-human-error', rangeOf(doc, 'human error', '## Conclusion'), 'human error'],
      ['no-vague-action', rangeOf(doc, 'Be more careful', '| A1 |'), 'Be more careful'],
      ['action-due-date', rangeOf(doc, 'TBD', '| A2 |'), 'TBD'],
      ['action-category', rangeOf(doc, 'detective', '| A3 |'), 'detective'],
    ];
    for (const [rule, range, text] of expected) {
      const d = one(diags, rule);
      assert.equal(d.source, 'sitrep', rule);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error, rule);
      assert.ok(typeof d.code === 'object' && d.code !== null, `${rule}: code is { value, target }`);
      const code = d.code as { value: string | number; target: vscode.Uri };
      assert.equal(code.value, rule);
      assert.ok(code.target instanceof vscode.Uri, `${rule}: target is a URI`);
      assert.ok(code.target.path.endsWith(`/docs/rules/${rule}.md`), `${rule}: target ${code.target.toString()}`);
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target));
      assert.match(page, new RegExp(`^# ${rule}\\b`, 'm'), `${rule}: the doc page is the rule's`);
      assert.ok(d.range.isEqual(range), `${rule}: range ${JSON.stringify(d.range)} is not ${JSON.stringify(range)}`);
      assert.equal(doc.getText(d.range), text);
    }
  });

  test('the no-human-error quick fix is preferred; applying it and re-linting removes the diagnostic', async () => {
    const { uri, doc, diags } = await openLinted('quick-fix');
    const human = one(diags, 'no-human-error');
    const actions = await quickFixes(uri, human.range);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, `one preferred action; got ${describe(actions)}`);
    const fix = preferred[0];
    assert.match(fix.title, /Replace "human error" with a prompt for the system conditions/);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit, 'the fix carries an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), new RegExp(`came down to ${PROMPT.replace(/[[\]?.]/g, '\\$&')}\\.`));
    const after = await sitrepDiagnostics(uri, both(lacks('no-human-error'), has('no-vague-action', 'action-due-date', 'action-category')));
    assert.deepEqual(rules(after), ['action-category', 'action-due-date', 'no-vague-action']);
  });

  test('"Fix all Sitrep problems" (source.fixAll.sitrep) fixes every fixable finding', async () => {
    const { uri, doc } = await openLinted('fix-all');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.sitrep');
    const fixAll = (actions ?? []).filter((a) => a.kind?.value === 'source.fixAll.sitrep');
    assert.equal(fixAll.length, 1, `one fix-all action; got ${describe(actions ?? [])}`);
    assert.equal(fixAll[0].title, 'Fix all Sitrep problems');
    assert.ok(fixAll[0].edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll[0].edit));
    assert.ok(doc.getText().includes(PROMPT), 'human error replaced by the prompt');
    assert.match(doc.getText(), /^\| A3 \| Page on a two-minute cart error burn rate \| @li \| 2099-12-01 \| detect \|/m);
    // The fixable findings are gone after the re-lint; the two that need a person stay.
    const after = await sitrepDiagnostics(uri, both(lacks('no-human-error', 'action-category'), has('no-vague-action', 'action-due-date')));
    assert.deepEqual(rules(after), ['action-due-date', 'no-vague-action']);
  });

  test('"Disable no-vague-action for this line" inserts the control comment and the diagnostic goes away', async () => {
    const { uri, doc, diags } = await openLinted('disable');
    const vague = one(diags, 'no-vague-action');
    const actions = await quickFixes(uri, vague.range);
    const disable = actions.find((a) => a.title === 'Disable no-vague-action for this line');
    assert.ok(disable?.edit, `a disable action; got ${describe(actions)}`);
    assert.notEqual(disable.isPreferred, true, 'disabling is never the preferred fix');
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    const row = doc.lineAt(vague.range.start.line).text;
    assert.match(row, /^\| A1 \| Be more careful when flushing caches \|.*\| open <!-- sitrep-disable-line no-vague-action --> \|$/);
    const after = await sitrepDiagnostics(uri, both(lacks('no-vague-action'), has('no-human-error', 'action-due-date', 'action-category')));
    assert.deepEqual(rules(after), ['action-category', 'action-due-date', 'no-human-error']);
  });

  test('a broken .sitrep.yaml gives one diagnostic on that file and documents are linted with the defaults', async () => {
    const config = workspaceUri('.sitrep.yaml');
    const original = await vscode.workspace.fs.readFile(config);
    const configDiags = () => vscode.languages.getDiagnostics(config).filter((d) => d.source === 'sitrep');
    try {
      // Broken YAML that would have turned no-human-error off: none of it may apply.
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('documents: ["postmortems/**"]\nrules:\n  no-human-error: off\n  no-blame: [warning\n'));
      const problems = await waitForEvent(vscode.languages.onDidChangeDiagnostics, () => (configDiags().length > 0 ? configDiags() : undefined), {
        what: 'a diagnostic on .sitrep.yaml',
      });
      assert.equal(problems.length, 1, JSON.stringify(problems.map((d) => d.message)));
      assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
      assert.equal(codeOf(problems[0]), 'config');
      assert.match(problems[0].message, /lints with the defaults until it is fixed/);
      const { diags } = await openLinted('broken-config');
      assert.deepEqual(rules(diags), [...ALL].sort(), 'all four findings, no-human-error included');
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
    await waitForEvent(vscode.languages.onDidChangeDiagnostics, () => configDiags().length === 0, { what: 'the config diagnostic to clear' });
  });

  test('"Sitrep: Lint Workspace" fills diagnostics for a postmortem that is not open', async () => {
    const uri = await copyOfTemplate('closed');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the copy is not open');
    assert.deepEqual(vscode.languages.getDiagnostics(uri), [], 'nothing before the command');
    const totals = await vscode.commands.executeCommand<{ documents: number; errors: number; warnings: number }>('sitrep.lintWorkspace');
    assert.ok(totals && totals.documents >= 2 && totals.errors >= 4, `totals ${JSON.stringify(totals)}`);
    const diags = await sitrepDiagnostics(uri, has(...ALL));
    assert.deepEqual(rules(diags), [...ALL].sort());
    const human = one(diags, 'no-human-error');
    const line = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split(/\r?\n/)[human.range.start.line];
    assert.equal(line.slice(human.range.start.character, human.range.end.character), 'human error');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the command did not open the file');
  });

  test('diagnostics are cleared when the document is closed', async () => {
    const uri = await copyOfTemplate('close-me');
    // Opened the way a person opens it (not openTextDocument, whose reference keeps the model alive).
    await vscode.commands.executeCommand('vscode.open', uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc, 'the document is open');
    await sitrepDiagnostics(uri, has(...ALL));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const closed = waitForEvent(vscode.workspace.onDidCloseTextDocument, () => doc.isClosed, { what: 'the document to close' });
    const cleared = waitForEvent(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(uri).length === 0, {
      what: 'the diagnostics of the closed document to clear',
    });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await Promise.all([closed, cleared]);
    assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
  });
});
