/**
 * Multi-step prompts that lose nothing: which step comes next or before (steps that do not apply
 * to the answers so far are skipped both ways), and drafts — the answers of a prompt dismissed
 * half-way, offered again when the command runs next. Pure: the extension shows the steps and
 * keeps the drafts.
 */
import { formatDuration } from '../time';

export type Answers = Record<string, string>;

export interface FlowStep {
  key: string;
  /** Shown in a draft's description ("title", "impact"). */
  label: string;
  /** Whether the step applies, given the answers so far (default: always). */
  when?: (answers: Answers) => boolean;
}

const applies = (s: FlowStep, a: Answers) => !s.when || s.when(a);

/** The first step after `from` that applies; `steps.length` when the flow is done. */
export function nextStep(steps: readonly FlowStep[], answers: Answers, from: number): number {
  for (let i = from + 1; i < steps.length; i++) if (applies(steps[i], answers)) return i;
  return steps.length;
}

/** The last step before `from` that applies; -1 when there is none (Back is not offered). */
export function previousStep(steps: readonly FlowStep[], answers: Answers, from: number): number {
  for (let i = Math.min(from, steps.length) - 1; i >= 0; i--) if (applies(steps[i], answers)) return i;
  return -1;
}

/** Answers that no longer apply (a step skipped after an earlier answer changed) are dropped. */
export function liveAnswers(steps: readonly FlowStep[], answers: Answers): Answers {
  const out: Answers = {};
  for (const s of steps) if (applies(s, out) && Object.prototype.hasOwnProperty.call(answers, s.key)) out[s.key] = answers[s.key];
  return out;
}

export interface Draft {
  /** The command ("sitrep.declareIncident") and the incident it was for, if any. */
  command: string;
  incident?: string;
  answers: Answers;
  /** The step showing when it was dismissed, and what was typed there. */
  step: string;
  typed?: string;
  savedAt: number;
}

/** Where a draft is kept: one per command and incident. */
export function draftKey(command: string, incident?: string): string {
  return incident ? `${command}\u0000${incident}` : command;
}

/** A draft worth offering: something was answered or typed, and it is not older than a day. */
export function isResumable(d: Draft | undefined, now: number): d is Draft {
  if (!d) return false;
  if (now - d.savedAt > 24 * 3600_000) return false;
  return Object.values(d.answers).some((v) => v.trim() !== '') || !!d.typed?.trim();
}

/** "3 answers (title "Checkout returns 5xx", severity SEV1, impact), saved 4 min ago". */
export function describeDraft(d: Draft, steps: readonly FlowStep[], now: number): string {
  const given = steps.filter((s) => Object.prototype.hasOwnProperty.call(d.answers, s.key));
  const shown = given.slice(0, 3).map((s, i) => {
    const v = d.answers[s.key].replace(/\s+/g, ' ').trim();
    return i < 2 && v ? `${s.label} "${v.length > 30 ? v.slice(0, 29) + '…' : v}"` : s.label;
  });
  const more = given.length > 3 ? `, +${given.length - 3}` : '';
  const ago = now - d.savedAt < 60_000 ? 'just now' : `${formatDuration(now - d.savedAt)} ago`;
  const n = given.length;
  return `${n} answer${n === 1 ? '' : 's'}${n ? ` (${shown.join(', ')}${more})` : ''}${d.typed?.trim() ? `${n ? ' and' : ''} text typed at ${steps.find((s) => s.key === d.step)?.label ?? d.step}` : ''}, saved ${ago}`;
}
