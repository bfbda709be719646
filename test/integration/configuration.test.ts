// One configuration in the real extension host: the sitrep.cadenceMinutes setting reaches the
// linter as it reaches the countdown, and a change to it re-lints open documents. The incident
// has no cadence of its own (a malformed document the Incidents view still counts down for), so
// the setting decides; its only status update names no next update, so the linter's quick fix
// proposes "update time + cadence".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteTeardown, test } from 'mocha';
import { activateSitrep, sitrepDiagnostics, workspaceUri } from './helpers';

const REL = 'incidents/2026-11-27-no-cadence/incident.md';

const DOC = [
  '---',
  'type: incident',
  'id: 2026-11-27-no-cadence-a1b2',
  'title: Search latency',
  'severity: SEV2',
  'status: investigating',
  'restricted: false',
  'roles:',
  '  commander: "@maria"',
  '  operations: "@dev"',
  '  communications: "@sam"',
  '  scribe: "@lee"',
  'impact:',
  '  summary: Search is slow for EU users.',
  'started: 2026-11-27T10:40:00Z',
  'detected: 2026-11-27T10:45:00Z',
  '---',
  '# Search latency',
  '',
  '## Status updates',
  '',
  '### 2026-11-27T11:00:00Z',
  '- **Known:** p95 search latency is 4 s in eu-west.',
  '- **Unknown:** Whether the index rebuild is the trigger.',
  '- **Impact:** EU users searching.',
  '- **Mitigation:** Pausing the rebuild.',
  '',
].join('\n');

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

/** The title of the quick fix offered for the status-update-next-time diagnostic. */
async function nextUpdateFix(uri: vscode.Uri, diag: vscode.Diagnostic): Promise<string | undefined> {
  // The request is cancelled when the document is re-linted meanwhile; ask again (bounded).
  // A re-lint may also replace the diagnostics between reading them and asking for actions, which
  // then come back empty: ask again with the diagnostic as it is now (bounded).
  for (let attempt = 0; ; attempt++) {
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      if ((actions ?? []).length === 0 && attempt < 4) {
        diag = vscode.languages.getDiagnostics(uri).find((d) => d.source === 'sitrep' && codeOf(d) === 'status-update-next-time') ?? diag;
        continue;
      }
      const titles = (actions ?? []).filter((a) => a.isPreferred).map((a) => a.title);
      assert.equal(titles.length, 1, `one preferred fix at the update's heading; got ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
      return titles[0];
    } catch (e) {
      if (attempt >= 4 || !/Canceled/.test(String(e))) throw e;
    }
  }
}

suite('Configuration', () => {
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('sitrep').update('cadenceMinutes', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('sitrep.cadenceMinutes is honoured by the linter, and changing it re-lints the open document', async () => {
    await activateSitrep();
    const uri = workspaceUri(REL);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(DOC));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const isNextTime = (d: vscode.Diagnostic) => codeOf(d) === 'status-update-next-time';

    // Default SEV2 cadence: 60 minutes.
    let diags = await sitrepDiagnostics(uri, (d) => d.some((x) => isNextTime(x) && x.message.includes('2026-11-27T12:00:00Z')));
    assert.equal(await nextUpdateFix(uri, diags.find(isNextTime)!), 'Add "Next update: 2026-11-27T12:00:00Z"');

    await vscode.workspace.getConfiguration('sitrep').update('cadenceMinutes', { SEV2: 30 }, vscode.ConfigurationTarget.Workspace);
    diags = await sitrepDiagnostics(uri, (d) => d.some((x) => isNextTime(x) && x.message.includes('2026-11-27T11:30:00Z')));
    assert.equal(await nextUpdateFix(uri, diags.find(isNextTime)!), 'Add "Next update: 2026-11-27T11:30:00Z"');
  });
});
