/** The rule registry: every rule, in the order they are documented. Rule names are a public interface. */
import type { Rule } from '../lint/types';
import { rule as noHumanError } from './no-human-error';
import { rule as noBlame } from './no-blame';
import { rule as noVagueAction } from './no-vague-action';
import { rule as actionDueDate } from './action-due-date';
import { rule as actionVerification } from './action-verification';
import { rule as actionCategory } from './action-category';
import { rule as actionOwner } from './action-owner';
import { rule as actionOverdue } from './action-overdue';
import { rule as contributingFactors } from './contributing-factors';
import { rule as singleRootCause } from './single-root-cause';
import { rule as requiredSections } from './required-sections';
import { rule as templateHint } from './template-hint';
import { rule as timelineTimestamps } from './timeline-timestamps';
import { rule as timelineCoverage } from './timeline-coverage';
import { rule as impactSummary } from './impact-summary';
import { rule as frontMatterSchema } from './front-matter-schema';
import { rule as rolesAssigned } from './roles-assigned';
import { rule as statusUpdateNextTime } from './status-update-next-time';
import { rule as updateCadence } from './update-cadence';
import { rule as checkpointComplete } from './checkpoint-complete';

export const RULES: readonly Rule[] = [
  noHumanError,
  noBlame,
  noVagueAction,
  actionDueDate,
  actionVerification,
  actionCategory,
  actionOwner,
  actionOverdue,
  contributingFactors,
  singleRootCause,
  requiredSections,
  templateHint,
  timelineTimestamps,
  timelineCoverage,
  impactSummary,
  frontMatterSchema,
  rolesAssigned,
  statusUpdateNextTime,
  updateCadence,
  checkpointComplete,
];

export const RULES_BY_NAME: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.name, r]));

export function ruleByName(name: string): Rule | undefined {
  return RULES_BY_NAME.get(name);
}
