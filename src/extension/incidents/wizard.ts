/**
 * Multi-step prompts that lose nothing typed: each step has a Back button, times and due dates
 * are read as people type them (what was understood shows before Enter), and a prompt dismissed half-way
 * keeps its answers as a draft that the command offers to resume the next time it runs. Which
 * step comes next, and what a draft says, is decided in the core (src/core/incident/flow.ts).
 */
import * as vscode from 'vscode';
import {
  describeDraft,
  draftKey,
  isResumable,
  liveAnswers,
  nextStep,
  previousStep,
  readDueDate,
  readTimeInput,
  type Answers,
  type Draft,
  type FlowStep,
  type TimeDirection,
} from '../../core/incident';
import { formatTimestamp } from '../../core/time';
import { displayZone } from './times';
import { Cancelled } from './ui';

export const BACK = Symbol('back');
export type Back = typeof BACK;

/** A prompt closed without an answer (Escape, focus moved away), with what was typed in it. */
export class Dismissed extends Error {
  constructor(readonly typed: string) {
    super('dismissed');
  }
}

type Text = string | ((a: Answers) => string | undefined);
const text = (t: Text | undefined, a: Answers) => (typeof t === 'function' ? t(a) : t);

interface StepBase extends FlowStep {
  title: Text;
}

interface InputStep extends StepBase {
  kind: 'input';
  prompt?: Text;
  placeholder?: Text;
  /** The value offered when the step has no answer yet. */
  initial?: Text;
  validate?: (value: string, a: Answers) => string | undefined;
  optional?: boolean;
  password?: boolean;
}

/** A time typed as people say it; the answer is the instant as an ISO 8601 UTC timestamp. */
interface TimeStep extends StepBase {
  kind: 'time';
  direction: TimeDirection;
  prompt?: Text;
  initial?: Text;
  /** Further checks of the instant (after a start, within the cadence…). */
  check?: (ms: number, a: Answers) => string | undefined;
  /** Words that answer the step without a time (e.g. "final"), mapped to the stored answer. */
  words?: Record<string, string>;
}

/** A due date typed as people say it (tomorrow, +10d, friday, 15 Dec); the answer is YYYY-MM-DD. */
interface DateStep extends StepBase {
  kind: 'date';
  prompt?: Text;
  initial?: Text;
}

type PickItem = vscode.QuickPickItem & { value: string };

interface PickStep extends StepBase {
  kind: 'pick';
  placeholder?: Text;
  items: (a: Answers) => PickItem[];
  /** Lets the responder type a value that is not in the list (shown as an extra item). */
  other?: string;
}

/** A step with its own UI (a review loop); it returns the answer or BACK. */
interface CustomStep extends StepBase {
  kind: 'custom';
  run: (a: Answers, canGoBack: boolean) => Promise<string | Back>;
}

export type Step = InputStep | TimeStep | DateStep | PickStep | CustomStep;

export interface Position {
  step: number;
  total: number;
  canGoBack: boolean;
}

const DRAFTS_KEY = 'sitrep.drafts';

/**
 * Drafts of dismissed prompts: in memory, and in the workspace state (kept on this machine, never
 * in the workspace) unless the prompt is about a restricted incident.
 */
export class Drafts {
  private readonly memory = new Map<string, Draft>();

  constructor(private readonly state: vscode.Memento) {}

  get(key: string): Draft | undefined {
    return this.memory.get(key) ?? this.state.get<Record<string, Draft>>(DRAFTS_KEY, {})[key];
  }

  async set(key: string, draft: Draft, persist: boolean): Promise<void> {
    this.memory.set(key, draft);
    if (persist) await this.state.update(DRAFTS_KEY, { ...this.state.get<Record<string, Draft>>(DRAFTS_KEY, {}), [key]: draft });
  }

  async clear(key: string): Promise<void> {
    this.memory.delete(key);
    const all = { ...this.state.get<Record<string, Draft>>(DRAFTS_KEY, {}) };
    if (key in all) {
      delete all[key];
      await this.state.update(DRAFTS_KEY, all);
    }
  }
}

function timeMessage(step: TimeStep, value: string, a: Answers): { ok: boolean; message: vscode.InputBoxValidationMessage | undefined; answer?: string } {
  const word = step.words?.[value.trim().toLowerCase()];
  if (word !== undefined) return { ok: true, message: undefined, answer: word };
  const now = Date.now();
  const r = readTimeInput(value, { now, zone: displayZone(), direction: step.direction });
  if (!r.ok) return { ok: false, message: { message: r.problem, severity: vscode.InputBoxValidationSeverity.Error } };
  const problem = step.check?.(r.at, a);
  if (problem) return { ok: false, message: { message: `${r.understood}. ${problem}`, severity: vscode.InputBoxValidationSeverity.Error } };
  return { ok: true, message: { message: r.understood, severity: vscode.InputBoxValidationSeverity.Info }, answer: formatTimestamp(r.at) };
}

function dateMessage(value: string): { ok: boolean; message: vscode.InputBoxValidationMessage; answer?: string } {
  const r = readDueDate(value, { now: Date.now(), zone: displayZone() });
  if (!r.ok) return { ok: false, message: { message: r.problem, severity: vscode.InputBoxValidationSeverity.Error } };
  return { ok: true, message: { message: r.understood, severity: vscode.InputBoxValidationSeverity.Info }, answer: r.date };
}

/** One input box (text, time or date). Resolves with the answer or BACK; rejects with Dismissed. */
export function showInput(step: InputStep | TimeStep | DateStep, a: Answers, at: Position, value: string): Promise<string | Back> {
  const box = vscode.window.createInputBox();
  box.title = text(step.title, a);
  box.prompt = text(step.prompt, a);
  if (step.kind === 'input') {
    box.placeholder = text(step.placeholder, a);
    box.password = !!step.password;
  }
  box.value = value;
  box.ignoreFocusOut = true;
  box.step = at.step;
  box.totalSteps = at.total;
  box.buttons = at.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  const check = (v: string): { ok: boolean; message: string | vscode.InputBoxValidationMessage | undefined; answer?: string } => {
    if (step.kind === 'time') return timeMessage(step, v, a);
    if (step.kind === 'date') return dateMessage(v);
    const t = v.trim();
    if (!step.optional && !t) return { ok: false, message: 'Required.' };
    const problem = step.validate?.(t, a);
    return problem ? { ok: false, message: problem } : { ok: true, message: undefined, answer: t };
  };
  box.validationMessage = value ? check(value).message : undefined;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (v: string | Back) => {
      settled = true;
      resolve(v);
      box.hide();
    };
    box.onDidChangeValue((v) => {
      box.validationMessage = v.trim() || step.kind !== 'input' ? check(v).message : undefined;
    });
    box.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) finish(BACK);
    });
    box.onDidAccept(() => {
      const r = check(box.value);
      if (!r.ok) {
        box.validationMessage = r.message;
        return;
      }
      finish(r.answer ?? '');
    });
    box.onDidHide(() => {
      if (!settled) reject(new Dismissed(box.value));
      box.dispose();
    });
    box.show();
  });
}

/** One quick pick. Resolves with the chosen item's value or BACK; rejects with Dismissed. */
export function showPick(step: PickStep, a: Answers, at: Position): Promise<string | Back> {
  const qp = vscode.window.createQuickPick<PickItem>();
  const base = step.items(a);
  qp.title = text(step.title, a);
  qp.placeholder = text(step.placeholder, a);
  qp.items = base;
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.step = at.step;
  qp.totalSteps = at.total;
  qp.buttons = at.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  const previous = base.find((i) => i.value === a[step.key]);
  if (previous) qp.activeItems = [previous];
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (v: string | Back) => {
      settled = true;
      resolve(v);
      qp.hide();
    };
    if (step.other) {
      qp.onDidChangeValue((v) => {
        const t = v.trim();
        qp.items = t ? [...base, { label: t, description: step.other, value: t, alwaysShow: true }] : base;
      });
    }
    qp.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) finish(BACK);
    });
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
      if (chosen) finish(chosen.value);
    });
    qp.onDidHide(() => {
      if (!settled) reject(new Dismissed(''));
      qp.dispose();
    });
    qp.show();
  });
}

interface FlowOptions {
  /** The command id (drafts are kept per command and incident). */
  command: string;
  /** Shown when offering to resume ("Declare Incident"). */
  name: string;
  incident?: string;
  steps: Step[];
  /** Answers given in the command's argument object: those steps are not shown. */
  given?: Answers;
  /** Whether a draft may be kept beyond this window (not for restricted incidents). */
  persist?: (a: Answers) => boolean;
  drafts: Drafts;
}

/** Offers a kept draft: resume it, or start over. Escape leaves the draft for later. */
async function offerDraft(o: FlowOptions, draft: Draft): Promise<boolean> {
  const answer = await showPick(
    {
      kind: 'pick',
      key: 'resume',
      label: 'resume',
      title: `${o.name}: you have a draft`,
      placeholder: 'Resume where you left off, or start over?',
      items: () => [
        { label: '$(history) Resume the draft', description: describeDraft(draft, o.steps, Date.now()), value: 'resume' },
        { label: '$(discard) Start over', description: 'the draft is discarded', value: 'new' },
      ],
    },
    {},
    { step: 0, total: 0, canGoBack: false },
  ).catch((e) => {
    if (e instanceof Dismissed) throw new Cancelled();
    throw e;
  });
  return answer === 'resume';
}

/**
 * Runs the steps that the given answers leave open, with Back, and returns every answer. A
 * dismissed prompt keeps its answers (and what was typed) as a draft and throws Cancelled.
 * Over 80 lines: the step loop holds navigation, drafts and the step kinds in one place, so that
 * what Back, Escape and resume do is read in one go.
 */
export async function runFlow(o: FlowOptions): Promise<Answers> {
  const given = o.given ?? {};
  const shown: FlowStep[] = o.steps.map((s) => ({ key: s.key, label: s.label, when: (a) => !(s.key in given) && (!s.when || s.when(a)) }));
  let answers: Answers = { ...given };
  let i = nextStep(shown, answers, -1);
  if (i >= o.steps.length) return answers;
  const key = draftKey(o.command, o.incident);
  const draft = o.drafts.get(key);
  let typed: string | undefined;
  if (isResumable(draft, Date.now())) {
    if (await offerDraft(o, draft)) {
      answers = { ...draft.answers, ...given };
      const at = o.steps.findIndex((s) => s.key === draft.step);
      if (at >= 0 && shown[at].when?.(answers) !== false) {
        i = at;
        typed = draft.typed;
      } else {
        // The step it stopped at no longer applies: the first one still open.
        const open = o.steps.findIndex((s, n) => shown[n].when?.(answers) !== false && !(s.key in answers));
        i = open >= 0 ? open : nextStep(shown, answers, -1);
      }
    } else await o.drafts.clear(key);
  }
  while (i < o.steps.length) {
    const step = o.steps[i];
    const visible = shown.filter((s) => s.when?.(answers) !== false);
    const at: Position = { step: visible.findIndex((s) => s.key === step.key) + 1, total: visible.length, canGoBack: previousStep(shown, answers, i) >= 0 };
    let r: string | Back;
    try {
      if (step.kind === 'pick') r = await showPick(step, answers, at);
      else if (step.kind === 'custom') r = await step.run(answers, at.canGoBack);
      else r = await showInput(step, answers, at, typed ?? answers[step.key] ?? text(step.initial, answers) ?? '');
    } catch (e) {
      if (!(e instanceof Dismissed)) throw e;
      const kept: Draft = { command: o.command, incident: o.incident, answers: liveAnswers(o.steps, answers), step: step.key, typed: e.typed, savedAt: Date.now() };
      for (const k of Object.keys(given)) delete kept.answers[k];
      if (isResumable(kept, Date.now())) {
        await o.drafts.set(key, kept, o.persist ? o.persist(answers) : true);
        vscode.window.setStatusBarMessage(`$(history) Sitrep: draft kept. Run ${o.name} again to resume it.`, 8000);
      }
      throw new Cancelled();
    }
    typed = undefined;
    if (r === BACK) {
      i = previousStep(shown, answers, i);
      continue;
    }
    answers = { ...liveAnswers(o.steps, { ...answers, [step.key]: r }), ...given };
    i = nextStep(shown, answers, i);
  }
  await o.drafts.clear(key);
  return answers;
}
