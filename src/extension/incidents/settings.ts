/** Sitrep's incident settings (`sitrep.*`), read fresh each time they are needed. */
import * as vscode from 'vscode';
import type { Config, Severity } from '../../core/model/schemas';

export interface IncidentSettings {
  incidentsFolder: string;
  restrictedStorageFolder: string;
  warningMinutes: number;
  overdueReminderMinutes: number;
  cadenceMinutes: Partial<Record<Severity, number>>;
  handle: string;
}

export function readSettings(): IncidentSettings {
  const c = vscode.workspace.getConfiguration('sitrep');
  return {
    incidentsFolder: (c.get<string>('incidentsFolder') || 'incidents').replace(/^\/+|(?<!\/)\/+$/g, '') || 'incidents',
    restrictedStorageFolder: c.get<string>('restrictedStorageFolder') ?? '',
    warningMinutes: Math.max(0, c.get<number>('statusBar.warningMinutes') ?? 5),
    overdueReminderMinutes: Math.max(1, c.get<number>('overdueReminderMinutes') ?? 5),
    cadenceMinutes: c.get<Partial<Record<Severity, number>>>('cadenceMinutes') ?? {},
    handle: c.get<string>('responderHandle') ?? '',
  };
}

/** The settings' cadences as a Config, overlaid by the project's .sitrep.yaml. */
export function effectiveConfig(project: Config, settings: IncidentSettings): Config {
  const severities: NonNullable<Config['severities']> = {};
  for (const sev of ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const) {
    const fromProject = project.severities?.[sev];
    const fromSetting = settings.cadenceMinutes[sev];
    if (fromProject || fromSetting) severities[sev] = { ...(fromSetting ? { cadence_minutes: fromSetting } : {}), ...(fromProject ?? {}) };
  }
  return { ...project, severities };
}
