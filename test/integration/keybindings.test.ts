// Sitrep's keyboard shortcuts are Ctrl+K chords (Cmd+K on macOS) that collide with no default
// shortcut of this VS Code, read from its own default keybindings, and whose second key carries
// no Alt or Super/Meta that a desktop could take first.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { activateSitrep } from './helpers';

interface Binding {
  key: string;
  command: string;
  mac?: string;
}

/** "Ctrl+K Shift+I" and "shift+i ctrl+k"-style orderings compare equal: modifiers sorted, lower case. */
function normal(key: string): string {
  return key
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((part) => part.split('+').sort((a, b) => Number(!/^(ctrl|shift|alt|meta|cmd|win)$/.test(a)) - Number(!/^(ctrl|shift|alt|meta|cmd|win)$/.test(b)) || a.localeCompare(b)).join('+'))
    .join(' ');
}

/** JSON with comments (the default keybindings file) as data. */
function parseJsonc(text: string): unknown {
  const noComments = text.replace(/"(?:\\.|[^"\\])*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith('"') ? m : ''));
  return JSON.parse(noComments.replace(/,(\s*[}\]])/g, '$1'));
}

suite('Keybindings', () => {
  test('every Sitrep shortcut is a Ctrl+K chord that no default VS Code shortcut uses', async () => {
    await activateSitrep();
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const doc = await new Promise<vscode.TextDocument>((resolve, reject) => {
      const find = () => vscode.workspace.textDocuments.find((d) => /keybindings\.json$/.test(d.uri.path) && d.uri.scheme !== 'file');
      const now = find();
      if (now) return resolve(now);
      const timer = setTimeout(() => reject(new Error('the default keybindings did not open')), 10000);
      const sub = vscode.workspace.onDidOpenTextDocument(() => {
        const d = find();
        if (d) {
          clearTimeout(timer);
          sub.dispose();
          resolve(d);
        }
      });
    });
    const defaults = parseJsonc(doc.getText()) as Binding[];
    assert.ok(defaults.length > 500, `read ${defaults.length} default keybindings`);
    const taken = new Map<string, string>();
    for (const b of defaults) if (b.key && !b.command.startsWith('sitrep.')) taken.set(normal(b.key), b.command);
    const ours = (vscode.extensions.getExtension('sitrep.sitrep')!.packageJSON as { contributes: { keybindings: Binding[] } }).contributes.keybindings;
    assert.deepEqual(
      ours.map((b) => b.command).sort(),
      ['sitrep.copyStatusUpdate', 'sitrep.declareIncident', 'sitrep.logTimelineEntry', 'sitrep.markMitigated', 'sitrep.postStatusUpdate'],
    );
    for (const b of ours) {
      const key = normal(b.key);
      assert.match(key, /^ctrl\+k \S+$/, `${b.command}: a Ctrl+K chord`);
      assert.match(normal(b.mac ?? ''), /^cmd\+k \S+$/, `${b.command}: a Cmd+K chord on macOS`);
      assert.doesNotMatch(key.split(' ')[1], /\b(alt|meta|win|cmd)\b/, `${b.command}: no Alt or Super in the second key`);
      assert.equal(taken.get(key), undefined, `${b.key} (${b.command}) collides with ${taken.get(key)}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
