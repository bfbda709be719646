import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parser';
import { COMMANDS } from '../../src/extension/commandIds';
import { read } from './helpers';

interface Pkg {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string; icon?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    viewsWelcome: Array<{ view: string; contents: string }>;
    configuration: { properties: Record<string, { markdownDescription?: string; description?: string }> };
    snippets: Array<{ language: string; path: string }>;
  };
}

const pkg = JSON.parse(read('package.json')) as Pkg;
test('the command ids the extension registers are exactly the contributed ones, each with category Sitrep and a codicon', () => {
  // Registration itself is checked in the real editor (test/integration/extension.test.ts).
  assert.deepEqual(Object.values(COMMANDS).sort(), pkg.contributes.commands.map((c) => c.command).sort());
  for (const c of pkg.contributes.commands) {
    assert.match(c.command, /^sitrep\.[a-z]+[A-Za-z]*$/, `${c.command} is sitrep.verbNoun`);
    assert.equal(c.category, 'Sitrep', c.command);
    assert.match(c.icon ?? '', /^\$\([a-z-]+\)$/, c.command);
  }
});

test('menus reference contributed commands; both views have welcome content', () => {
  const ids = new Set(pkg.contributes.commands.map((c) => c.command));
  for (const [menu, items] of Object.entries(pkg.contributes.menus)) for (const m of items) assert.ok(ids.has(m.command), `${menu}: ${m.command}`);
  for (const view of ['sitrep.incidents', 'sitrep.actionItems']) {
    const w = pkg.contributes.viewsWelcome.find((x) => x.view === view);
    assert.ok(w, view);
    assert.match(w.contents, /command:sitrep\.openDocumentation/);
  }
  for (const [key, p] of Object.entries(pkg.contributes.configuration.properties)) {
    assert.ok(p.markdownDescription || p.description, `${key} has a description`);
  }
});

test('the snippets parse, and what they insert is read by the parser', () => {
  const s = pkg.contributes.snippets.find((x) => x.language === 'markdown');
  assert.ok(s);
  const raw = read(s.path.replace(/^\.\//, ''));
  const snippets = JSON.parse(raw.replace(/^\s*\/\/.*$/gm, '')) as Record<string, { prefix: string[]; body: string[] }>;
  assert.deepEqual(Object.keys(snippets).length, 5);
  // Expand the variables and placeholders the way the editor would (first choice, default text).
  const expand = (body: string[]) =>
    body
      .join('\n')
      .replace(/\$\{CURRENT_YEAR\}/g, '2026')
      .replace(/\$\{CURRENT_MONTH\}/g, '11')
      .replace(/\$\{CURRENT_DATE\}/g, '27')
      .replace(/\$\{CURRENT_HOUR\}/g, '10')
      .replace(/\$\{CURRENT_MINUTE\}/g, '15')
      .replace(/\$\{CURRENT_SECOND\}/g, '00')
      .replace(/\$\{CURRENT_TIMEZONE_OFFSET\}/g, '+01:00')
      .replace(/\$\{\d+\|([^,|}]+)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^{}]*)\}/g, '$1')
      .replace(/\$\{\d+:([^{}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  const entry = expand(snippets['Sitrep timeline entry'].body);
  const inc = parseDocument(`## Timeline\n\n${entry}\n\n## Status updates\n\n${expand(snippets['Sitrep status update'].body)}\n\n## Checkpoints\n\n${expand(snippets['Sitrep checkpoint packet'].body)}\n`, { assumeKind: 'incident' });
  assert.equal(inc.timeline.length, 1);
  assert.equal(inc.timeline[0].at, Date.UTC(2026, 10, 27, 9, 15));
  assert.equal(inc.timeline[0].kind, 'fact');
  assert.equal(inc.statusUpdates[0].fields.size, 5);
  assert.equal(inc.checkpoints[0].fields.size, 7);
  const pm = parseDocument(expand(snippets['Sitrep postmortem skeleton'].body));
  assert.equal(pm.kind, 'postmortem');
  assert.deepEqual(pm.problems, []);
  assert.equal(pm.actionItems.length, 1);
  assert.equal(pm.factors.length, 5);
  const row = parseDocument(`## Action items\n\n| ID | Action | Owner | Due | Category | Verification | Status |\n| --- | --- | --- | --- | --- | --- | --- |\n${expand(snippets['Sitrep action item row'].body)}\n`, { assumeKind: 'postmortem' });
  assert.equal(row.actionItems[0].category, 'prevent');
  assert.equal(row.actionItems[0].fields.due?.text, '2026-11-27');
});
