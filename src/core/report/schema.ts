/**
 * The learning report's JSON shape (`sitrep report --format json`). schemas/report.schema.json is
 * generated from this (npm run schemas) and a test fails when they drift. Lines are 1-based.
 */
import { z } from 'zod';
import { ACTION_CATEGORIES, SEVERITIES, STANDARDS_TRACKS } from '../model/schemas';

const Minutes = z.number().nonnegative().describe('Whole minutes.');
const Stamp = z.string().describe('ISO 8601 timestamp in UTC, e.g. 2026-11-27T09:52:00Z.');
const Share = z.number().min(0).max(1).nullable().describe('A share between 0 and 1, or null when there is nothing to divide by.');

const ReportLine = z.strictObject({
  line: z.number().int().min(1),
  text: z.string(),
});

const ClassEvidence = z.strictObject({
  path: z.string().describe('The postmortem, relative to the report folder.'),
  title: z.string(),
  incident: z.string().optional().describe('Incident id.'),
  lines: z.array(ReportLine).min(1).describe('The factor lines (or the front-matter line of a service or tag) that put this postmortem in the class.'),
});

export const RecurringClass = z.strictObject({
  id: z.string().describe('"layer:<layer>", "trigger:<class id>", "service:<name>" or "tag:<name>".'),
  kind: z.enum(['layer', 'trigger', 'service', 'tag']),
  label: z.string(),
  track: z.enum(STANDARDS_TRACKS).describe('The standards track this class feeds.'),
  postmortems: z.number().int().min(1).describe('Postmortems in the window where the class is seen.'),
  candidate: z.boolean().describe('True when postmortems ≥ min_postmortems: a standards candidate.'),
  evidence: z.array(ClassEvidence),
});

export const ActionState = z.enum(['open', 'overdue', 'done', 'dropped']);

export const ReportActionItem = z.strictObject({
  path: z.string(),
  line: z.number().int().min(1),
  incident: z.string().describe('Title of the incident the postmortem explains.'),
  id: z.string().optional(),
  text: z.string(),
  owner: z.string().optional(),
  due: z.string().optional(),
  category: z.enum(ACTION_CATEGORIES).optional(),
  state: ActionState.describe('open (due date not passed or none), overdue (open and due before the report day), done, dropped (won\'t do, cancelled, obsolete).'),
  unverified: z.boolean().describe('No observable verification signal written.'),
  age_days: z.number().int().nonnegative().optional().describe('Open items: whole days since the incident was resolved (else started).'),
});

export const ActionGroup = z.strictObject({
  key: z.string(),
  label: z.string(),
  total: z.number().int(),
  open: z.number().int().describe('Open items, overdue ones included.'),
  overdue: z.number().int(),
  unverified: z.number().int(),
  done: z.number().int(),
  dropped: z.number().int(),
  items: z.array(z.number().int()).describe('Indexes into actions.items.'),
});

export const IncidentResponse = z.strictObject({
  id: z.string().optional(),
  title: z.string(),
  severity: z.enum(SEVERITIES).optional(),
  month: z.string().optional().describe('YYYY-MM of the start, in UTC.'),
  incident_path: z.string().optional(),
  postmortem_path: z.string().optional(),
  started: Stamp.optional(),
  detected: Stamp.optional(),
  mitigated: Stamp.optional(),
  resolved: Stamp.optional(),
  ttd_minutes: Minutes.optional().describe('Time to detect: started → detected.'),
  ttm_minutes: Minutes.optional().describe('Time to mitigate: started → mitigated.'),
  ttr_minutes: Minutes.optional().describe('Time to resolve: started → resolved.'),
  updates_due: z.number().int().describe('Status updates that were due (see docs/report.md).'),
  updates_on_time: z.number().int(),
});

export const MonthSeverity = z.strictObject({
  month: z.string().describe('YYYY-MM'),
  severity: z.enum(SEVERITIES),
  incidents: z.number().int().min(1),
  median_ttd_minutes: Minutes.nullable(),
  median_ttm_minutes: Minutes.nullable(),
  median_ttr_minutes: Minutes.nullable(),
});

export const LearningReport = z
  .strictObject({
    version: z.literal(1),
    generated_at: Stamp,
    window: z.strictObject({ since: Stamp, until: Stamp, days: z.number().int().min(0) }),
    min_postmortems: z.number().int().min(1),
    documents: z.strictObject({
      read: z.number().int().describe('Incident and postmortem documents read.'),
      incidents: z.number().int().describe('Incidents in the window (an incident document, its postmortem, or both).'),
      postmortems: z.number().int().describe('Postmortems in the window.'),
      left_out: z.array(z.strictObject({ path: z.string(), reason: z.string() })).describe('Documents not counted, and why (outside the window, no start time, restricted).'),
    }),
    classes: z.array(RecurringClass).describe('Every recurring class seen in the window, most postmortems first.'),
    candidates: z.array(z.string()).describe('Ids of the classes that are standards candidates.'),
    actions: z.strictObject({
      total: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
      unverified: z.number().int(),
      done: z.number().int(),
      dropped: z.number().int(),
      median_open_age_days: z.number().nonnegative().nullable(),
      detect_and_prevent: z.strictObject({
        postmortems: z.number().int(),
        covered: z.number().int().describe('Postmortems with at least one detect and one prevent action (dropped ones not counted).'),
        share: Share,
        missing: z.array(z.string()).describe('Paths of the postmortems not covered.'),
      }),
      by_category: z.array(ActionGroup),
      by_owner: z.array(ActionGroup),
      by_incident: z.array(ActionGroup),
      items: z.array(ReportActionItem),
    }),
    response: z.strictObject({
      incidents: z.array(IncidentResponse).describe('Oldest first.'),
      by_month: z.array(MonthSeverity).describe('Per month and severity, oldest month first.'),
      median_ttd_minutes: Minutes.nullable(),
      median_ttm_minutes: Minutes.nullable(),
      median_ttr_minutes: Minutes.nullable(),
      cadence: z.strictObject({ due: z.number().int(), on_time: z.number().int(), share: Share }),
    }),
  })
  .describe('Sitrep learning report: recurring classes and standards candidates, action register health and response metrics across incidents.');

export type LearningReport = z.infer<typeof LearningReport>;
export type RecurringClass = z.infer<typeof RecurringClass>;
export type ReportActionItem = z.infer<typeof ReportActionItem>;
export type ActionGroup = z.infer<typeof ActionGroup>;
export type IncidentResponse = z.infer<typeof IncidentResponse>;
export type MonthSeverity = z.infer<typeof MonthSeverity>;

/** The JSON schema files this module adds to schemas/. */
export const REPORT_JSON_SCHEMAS = {
  'report.schema.json': { schema: LearningReport, title: 'Sitrep learning report (sitrep report --format json)' },
} as const;
