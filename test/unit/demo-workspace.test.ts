/** npm start's demo workspace: examples/ with its clock moved to now. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/parser';
import { ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const demo = require(path.join(ROOT, 'scripts', 'lib', 'demo.js')) as {
  prepareDemoWorkspace(from: string, to: string, now?: number): number;
  shiftText(text: string, delta: number): string;
  EXAMPLES_NOW: number;
};

test('shiftText moves timestamps, times of day and dates, and leaves ids alone', () => {
  const delta = 15 * 3_600_000 + 7 * 60_000;
  const out = demo.shiftText('a: 2026-11-27T09:44:00Z\nb: 2026-11-27T11:05Z\nsince 09:44Z; id 2026-11-27-checkout-5xx-k3f9 | 2026-12-15 |', delta);
  assert.equal(out, 'a: 2026-11-28T00:51:00Z\nb: 2026-11-28T02:12Z\nsince 00:51Z; id 2026-11-27-checkout-5xx-k3f9 | 2026-12-16 |');
});

test('the demo copy puts the active example incident mid-response at the given moment', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-demo-'));
  try {
    const now = Date.UTC(2027, 2, 3, 14, 30);
    demo.prepareDemoWorkspace(path.join(ROOT, 'examples'), dir, now);
    const text = fs.readFileSync(path.join(dir, 'incidents', '2026-11-27-checkout-5xx', 'incident.md'), 'utf8');
    const doc = parseDocument(text);
    assert.ok(doc.incident, JSON.stringify(doc.problems));
    const due = Date.parse(doc.incident.next_update_due!);
    assert.ok(due > now && due - now <= 10 * 60_000, `next update due ${doc.incident.next_update_due}`);
    assert.ok(Date.parse(doc.incident.started) < now);
    assert.ok(fs.existsSync(path.join(dir, '.sitrep.yaml')));
    // It opens on the active incident (npm start's first screen).
    assert.match(fs.readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8'), /"sitrep\.showActiveIncidentOnStartup": true/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
