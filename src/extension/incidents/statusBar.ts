/**
 * The status-bar countdown for the incident whose update is due soonest, the overdue reminder and
 * the strategy-checkpoint prompt. The one-second tick reads the in-memory index only.
 */
import * as vscode from 'vscode';
import { OverdueReminders, overdueNotice, statusBarView, StrategyPrompts, timeWithUtc, type IndexedIncident } from '../../core/incident';
import { COMMANDS } from '../commandIds';
import type { IndexService } from './indexing';
import { readSettings } from './settings';
import { displayZone } from './times';

export function registerStatusBar(context: vscode.ExtensionContext, service: IndexService): void {
  const item = vscode.window.createStatusBarItem('sitrep.incidentCountdown', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Sitrep incident countdown';
  // Settings are read once and again only when they change: the tick itself reads nothing.
  let settings = readSettings();
  const reminders = new OverdueReminders(settings.overdueReminderMinutes);
  const strategy = new StrategyPrompts();

  let zone = displayZone();
  const notifyOverdue = async (i: IndexedIncident) => {
    const pick = await vscode.window.showWarningMessage(overdueNotice(i, Date.now(), zone), 'Post update', 'Snooze 5 min');
    if (pick === 'Post update') await vscode.commands.executeCommand(COMMANDS.postStatusUpdate, { incident: i.key });
    else if (pick === 'Snooze 5 min') reminders.snooze(i.key, Date.now() + 5 * 60_000);
  };

  const promptStrategy = async (i: IndexedIncident) => {
    const name = i.restricted ? i.id ?? i.name : i.title;
    const pick = await vscode.window.showWarningMessage(
      `${name} is not mitigated by its strategy checkpoint (${i.strategyCheckpoint !== undefined ? timeWithUtc(i.strategyCheckpoint, Date.now(), zone) : ''}). Change strategy: escalate, widen the mitigation, or take it to the decision maker.`,
      'Escalate severity',
      'Log strategy decision',
      'Set next checkpoint',
    );
    if (pick === 'Escalate severity') await vscode.commands.executeCommand(COMMANDS.changeSeverity, { incident: i.key });
    else if (pick === 'Log strategy decision') await vscode.commands.executeCommand(COMMANDS.logTimelineEntry, { incident: i.key, kind: 'decision' });
    else if (pick === 'Set next checkpoint') await vscode.commands.executeCommand(COMMANDS.setStrategyCheckpoint, { incident: i.key });
  };

  const tick = () => {
    const now = Date.now();
    const view = statusBarView(service.index, now, settings.warningMinutes, zone);
    if (!view.visible) {
      item.hide();
    } else {
      item.text = view.text;
      item.tooltip = view.tooltip;
      item.backgroundColor =
        view.state === 'overdue' ? new vscode.ThemeColor('statusBarItem.errorBackground') : view.state === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      item.command = { command: COMMANDS.postStatusUpdate, title: 'Post status update', arguments: [{ incident: view.key }] };
      item.accessibilityInformation = { label: view.text.replace(/\$\([a-z-]+\)\s*/g, '') };
      item.show();
    }
    // A broken front matter keeps its countdown and its reminders (on what can still be read).
    const active = service.index.active().filter((i) => i.valid || i.nextUpdateDue !== undefined);
    for (const key of reminders.due(active.map((i) => ({ key: i.key, due: i.nextUpdateDue })), now)) {
      const i = active.find((x) => x.key === key);
      if (i) void notifyOverdue(i);
    }
    for (const key of strategy.due(active.map((i) => ({ key: i.key, checkpoint: i.strategyCheckpoint, investigating: i.status === 'investigating' })), now)) {
      const i = active.find((x) => x.key === key);
      if (i) void promptStrategy(i);
    }
  };
  const timer = setInterval(tick, 1000);
  const onConfig = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('sitrep')) return;
    settings = readSettings();
    zone = displayZone();
    reminders.setInterval(settings.overdueReminderMinutes);
    tick();
  });
  context.subscriptions.push(item, { dispose: () => clearInterval(timer) }, service.onDidChange(tick), onConfig);
  tick();
}
