/** Third-party templates (Google SRE book, PagerDuty, …; copies in test/fixtures/templates) lint without an exception, with findings on real ranges. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, fix } from '../../src/core/lint';

const TEMPLATES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'templates');
const files = fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.md')).sort();

for (const f of files) {
  test(`template ${f} lints without an exception`, () => {
    const text = fs.readFileSync(path.join(TEMPLATES, f), 'utf8');
    for (const kind of ['postmortem', 'incident'] as const) {
      const r = lint(text, { assumeKind: kind, now: Date.parse('2026-11-27T09:00:00Z') });
      assert.ok(!r.findings.some((x) => /rule failed/.test(x.message)), 'no rule crashed');
      for (const x of r.findings) {
        assert.ok(x.range.line >= 0 && x.range.line < r.doc.lines.length, `${x.rule} line in range`);
        assert.ok(x.range.endColumn <= r.doc.lines[x.range.endLine].length, `${x.rule} end column in range`);
      }
      // Fixing all is safe too.
      assert.doesNotThrow(() => fix(text, { assumeKind: kind }));
    }
    // As a postmortem, an empty template asks for its sections.
    const pm = lint(text, { assumeKind: 'postmortem' });
    assert.ok(pm.findings.some((x) => x.rule === 'required-sections' || x.rule === 'contributing-factors'));
  });
}
