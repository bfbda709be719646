/**
 * Sitrep's incident settings (`sitrep.*`), read fresh each time they are needed. The settings that
 * are part of the configuration (cadences, document globs) are read by the ConfigStore.
 */
import * as vscode from 'vscode';

interface IncidentSettings {
  incidentsFolder: string;
  restrictedStorageFolder: string;
  warningMinutes: number;
  overdueReminderMinutes: number;
  handle: string;
}

export function readSettings(): IncidentSettings {
  const c = vscode.workspace.getConfiguration('sitrep');
  return {
    incidentsFolder: (c.get<string>('incidentsFolder') || 'incidents').replace(/^\/+|(?<!\/)\/+$/g, '') || 'incidents',
    restrictedStorageFolder: c.get<string>('restrictedStorageFolder') ?? '',
    warningMinutes: Math.max(0, c.get<number>('statusBar.warningMinutes') ?? 5),
    overdueReminderMinutes: Math.max(1, c.get<number>('overdueReminderMinutes') ?? 5),
    handle: c.get<string>('responderHandle') ?? '',
  };
}
