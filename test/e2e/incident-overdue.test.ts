// An incident whose status update is overdue: the status bar shows the overdue state and one
// non-modal notification offers "Post update" and "Snooze 5 min". Its strategy checkpoint has
// passed unmitigated, so Sitrep also prompts to change strategy.
import * as assert from 'node:assert/strict';
import { editorSuite } from '../harness';
import { clockSeconds, iso, makeFixture } from './incident-helpers';

const now = Date.now();
const fixture = makeFixture('overdue', {
  'incidents/2026-11-27-db-failover-x7k2/incident.md': [
    '---',
    'type: incident',
    'id: 2026-11-27-db-failover-x7k2',
    'title: Primary database failover stuck',
    'severity: SEV2',
    'status: investigating',
    'restricted: false',
    'roles:',
    '  commander: "@ana"',
    '  operations: "@ana"',
    '  communications: "@ana"',
    '  scribe: "@ana"',
    '  solo: true',
    'impact:',
    '  summary: Writes fail for all tenants',
    `started: ${iso(now - 50 * 60_000)}`,
    `detected: ${iso(now - 45 * 60_000)}`,
    'update_cadence_minutes: 60',
    `next_update_due: ${iso(now - 3 * 60_000)}`,
    `strategy_checkpoint: ${iso(now - 60_000)}`,
    '---',
    '',
    '# Primary database failover stuck',
    '',
    '## Timeline',
    '',
    `- ${iso(now - 45 * 60_000)} [detection] Write error alert fired`,
    '',
  ].join('\n'),
});

editorSuite('incident overdue', { fixture }, (scenario) => {
  scenario('an overdue incident shows the overdue state and the notification', async (editor) => {
    const text = await editor.waitForStatusBarText(/SEV2 Primary database… · overdue \d+:\d\d/, 30000);
    const secs = clockSeconds(text);
    assert.ok(secs >= 3 * 60 && secs < 10 * 60, text);
    const item = editor.page.locator('.part.statusbar .statusbar-item', { hasText: 'Primary database' }).first();
    assert.match((await item.getAttribute('class')) ?? '', /error-kind/);
    const message = await editor.waitForNotification(/Primary database failover stuck: status update overdue by \d+ min/, 20000);
    assert.match(message, /it was due at \d\d:\d\d /);
    assert.doesNotMatch(message, /overdue 0:00/);
    const toast = editor.page.locator('.notifications-toasts .notification-list-item', { hasText: 'status update overdue' }).first();
    await toast.locator('a.monaco-button, .monaco-button', { hasText: 'Post update' }).first().waitFor({ state: 'visible' });
    await toast.locator('a.monaco-button, .monaco-button', { hasText: 'Snooze 5 min' }).first().waitFor({ state: 'visible' });
  });

  scenario('a strategy checkpoint passed unmitigated prompts a change of strategy', async (editor) => {
    const message = await editor.waitForNotification(/not mitigated by its strategy checkpoint/, 20000);
    assert.match(message, /escalate, widen the mitigation, or take it to the decision maker/);
    const toast = editor.page.locator('.notifications-toasts .notification-list-item', { hasText: 'strategy checkpoint' }).first();
    await toast.locator('a.monaco-button, .monaco-button', { hasText: 'Escalate severity' }).first().waitFor({ state: 'visible' });
  });
});
