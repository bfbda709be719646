// Hover in the real extension host: on a timeline entry, the resolved UTC instant and where its
// date and zone came from; on an action item, each field and the label or column it came from.
// The fixture (fixture/postmortems/reading/retro.md) is written the way teams write retros: a zone
// named once in a note, a date sub-heading, and action fields inline and on a line below.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activateSitrep, sitrepDiagnostics, workspaceUri } from './helpers';

function text(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

async function hoverOn(doc: vscode.TextDocument, needle: string): Promise<string> {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in the fixture`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 1));
  return text(hovers ?? []);
}

suite('Sitrep hover shows what was read', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    await activateSitrep();
    doc = await vscode.workspace.openTextDocument(workspaceUri('postmortems/reading/retro.md'));
    await vscode.window.showTextDocument(doc);
    await sitrepDiagnostics(doc.uri, (d) => d.length > 0);
  });

  test('a timeline entry shows its UTC instant, and the date and zone it took from its context', async () => {
    const h = await hoverOn(doc, '9:40 AM');
    assert.match(h, /2026-03-04T08:40:00Z/, h);
    assert.match(h, /date 2026-03-04 from the heading "4 March 2026"/, h);
    assert.match(h, /zone CET from the note "All times are CET"/, h);
  });

  test('an action item shows each field and the label it came from, including the line below the item', async () => {
    const first = await hoverOn(doc, 'Size the consumer pool');
    assert.match(first, /due: 2026-04-03 from "2026-04-03" \(inline label "target"\)/, first);
    assert.match(first, /owner: "@rin" \(inline label "owner"\)/, first);
    const second = await hoverOn(doc, 'Look into better alerting');
    assert.match(second, /category: "detect" \(label "category" on line 22, under the item\)/, second);
    assert.match(second, /verification: "TBD" \(label "verify" on line 22, under the item\) — has no verification/, second);
  });

  test('a line with a language finding shows the words judged, the clause and why it counts', async () => {
    await sitrepDiagnostics(doc.uri, (d) => d.some((x) => typeof x.code === 'object' && x.code !== null && x.code.value === 'no-vague-action'));
    const h = await hoverOn(doc, 'Look into better alerting');
    assert.match(h, /Sitrep no-vague-action:\*\* "Look into better alerting for the queue"|Sitrep no-vague-action:\*\* "Look into/, h);
    assert.match(h, /judged: "Look into better alerting for the queue"/, h);
    assert.match(h, /why: an intention to look into something/, h);
    assert.match(h, /Sitrep read this action item/, h);
  });
});
