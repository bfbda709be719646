/** Small prompt helpers over showQuickPick / showInputBox (answerable from the real-editor harness). */
import * as vscode from 'vscode';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export async function ask(title: string, opts: { prompt?: string; value?: string; placeHolder?: string; validate?: (v: string) => string | undefined; optional?: boolean } = {}): Promise<string> {
  const v = await vscode.window.showInputBox({
    title,
    prompt: opts.prompt,
    value: opts.value,
    placeHolder: opts.placeHolder,
    ignoreFocusOut: true,
    validateInput: (s) => {
      if (!opts.optional && !s.trim()) return 'Required.';
      return opts.validate?.(s.trim()) ?? undefined;
    },
  });
  if (v === undefined) throw new Cancelled();
  return v.trim();
}

export async function pick<T extends vscode.QuickPickItem>(title: string, items: T[], placeHolder?: string): Promise<T> {
  const p = await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
  if (!p) throw new Cancelled();
  return p;
}

/** Uses a value given in the command's argument object, else asks. */
export async function given<T>(value: T | undefined, prompt: () => Promise<T>): Promise<T> {
  return value !== undefined && value !== null && value !== '' ? value : prompt();
}
