/**
 * Publishing status updates to the team's chat through incoming webhooks (Slack, Microsoft Teams
 * workflows, Mattermost). The webhooks — URL included — live in VS Code's SecretStorage only,
 * never in settings or the workspace. A restricted incident publishes only its redacted message,
 * and only to a webhook marked for restricted incidents. A publish that fails (10 s timeout, an
 * HTTP error, no network) says so and offers to retry; the update is already in the document.
 */
import * as vscode from 'vscode';
import { CHAT_FORMAT_LABELS, CHAT_FORMATS, chatPayload, type ChatFormat, type ChatMessage } from '../../core/incident';

export interface Webhook {
  id: string;
  name: string;
  format: ChatFormat;
  url: string;
  /** Allowed to receive (redacted) updates of restricted incidents. */
  restricted: boolean;
}

const SECRET_KEY = 'sitrep.chatWebhooks';
const PUBLISH_TIMEOUT_MS = 10_000;

function isWebhook(w: unknown): w is Webhook {
  const x = w as Webhook;
  return !!x && typeof x.id === 'string' && typeof x.name === 'string' && typeof x.url === 'string' && (CHAT_FORMATS as readonly string[]).includes(x.format);
}

/** Why a typed webhook URL is not usable, or undefined. */
function webhookUrlProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return 'Paste the webhook URL your chat gave you (https://…).';
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && /^(?:127\.0\.0\.1|localhost|\[::1\])$/.test(u.hostname))) return 'Webhook URLs use https:// (plain http only to this machine).';
  return undefined;
}

export class WebhookStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async list(): Promise<Webhook[]> {
    try {
      const raw = await this.secrets.get(SECRET_KEY);
      const v: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(v) ? v.filter(isWebhook) : [];
    } catch {
      return [];
    }
  }

  /** Adds a webhook, replacing one of the same name. */
  async add(w: Omit<Webhook, 'id'>): Promise<Webhook> {
    const all = (await this.list()).filter((x) => x.name !== w.name);
    const hook = { ...w, id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` };
    await this.secrets.store(SECRET_KEY, JSON.stringify([...all, hook]));
    return hook;
  }

  async remove(id: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, JSON.stringify((await this.list()).filter((x) => x.id !== id)));
  }

  /** The webhooks an incident may publish to: all of them, or those marked for restricted incidents. */
  async eligible(restricted: boolean): Promise<Webhook[]> {
    return (await this.list()).filter((w) => !restricted || w.restricted);
  }
}

export type PublishResult = { ok: true; webhook: string } | { ok: false; webhook: string; reason: string };

/** Posts JSON to a webhook with a timeout. Never throws: a failure comes back with its reason. */
async function postJson(url: string, body: unknown, timeoutMs = PUBLISH_TIMEOUT_MS): Promise<{ ok: true } | { ok: false; reason: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: controller.signal });
    if (res.ok) return { ok: true };
    const detail = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 120);
    return { ok: false, reason: `the chat answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${detail ? `: ${detail}` : ''}` };
  } catch (e) {
    if (controller.signal.aborted) return { ok: false, reason: `no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}` };
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return { ok: false, reason: `could not reach the chat (${cause ?? (e instanceof Error ? e.message : String(e))}); check the network` };
  } finally {
    clearTimeout(timer);
  }
}

/** Publishes a message to one webhook. A restricted message goes only to a webhook marked for it. */
export async function publish(hook: Webhook, message: ChatMessage, timeoutMs = PUBLISH_TIMEOUT_MS): Promise<PublishResult> {
  if (message.restricted && !hook.restricted) return { ok: false, webhook: hook.name, reason: 'it is not marked for restricted incidents' };
  const r = await postJson(hook.url, chatPayload(hook.format, message), timeoutMs);
  return r.ok ? { ok: true, webhook: hook.name } : { ok: false, webhook: hook.name, reason: r.reason };
}

/**
 * Publishes with progress in a notification; a failure says why and offers Retry (and copying the
 * message instead). Resolves with the first attempt's result.
 */
export async function publishWithFeedback(hook: Webhook, message: ChatMessage, plain: string, timeoutMs = PUBLISH_TIMEOUT_MS): Promise<PublishResult> {
  const attempt = () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Sitrep: publishing the status update to ${hook.name}…` }, () => publish(hook, message, timeoutMs));
  const result = await attempt();
  const report = (r: PublishResult): void => {
    if (r.ok) {
      vscode.window.setStatusBarMessage(`$(comment-discussion) Sitrep: published to ${r.webhook}`, 8000);
      return;
    }
    void vscode.window
      .showErrorMessage(`Sitrep: the status update is saved in the incident, but publishing to ${r.webhook} failed: ${r.reason}.`, 'Retry', 'Copy as message')
      .then(async (pick) => {
        if (pick === 'Retry') report(await attempt());
        else if (pick === 'Copy as message') await vscode.env.clipboard.writeText(plain);
      });
  };
  report(result);
  return result;
}

/** Set Up Chat Webhook: the chat, a name, the URL (kept in SecretStorage) and whether restricted incidents may use it. */
export async function setUpWebhook(store: WebhookStore, args: Record<string, unknown>): Promise<string | undefined> {
  const given = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
  let format = given('format') as ChatFormat | undefined;
  if (!format) {
    const p = await vscode.window.showQuickPick(
      CHAT_FORMATS.map((f) => ({ label: CHAT_FORMAT_LABELS[f].label, detail: CHAT_FORMAT_LABELS[f].detail, f })),
      { title: 'Set Up Chat Webhook: which chat?', ignoreFocusOut: true },
    );
    if (!p) return undefined;
    format = p.f;
  }
  if (!(CHAT_FORMATS as readonly string[]).includes(format)) throw new Error(`Unknown chat format ${format}: one of ${CHAT_FORMATS.join(', ')}.`);
  const name =
    given('name') ??
    (await vscode.window.showInputBox({ title: 'Set Up Chat Webhook: name', prompt: 'How Sitrep names it when publishing, e.g. #incidents', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Required.') }));
  if (!name) return undefined;
  const url =
    given('url') ??
    (await vscode.window.showInputBox({
      title: `Set Up Chat Webhook: ${name} URL`,
      prompt: 'The incoming webhook URL. It is kept in VS Code’s secret storage, never in settings or the workspace.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => webhookUrlProblem(v),
    }));
  if (!url) return undefined;
  const problem = webhookUrlProblem(url);
  if (problem) throw new Error(problem);
  let restricted = typeof args.restricted === 'boolean' ? args.restricted : undefined;
  if (restricted === undefined) {
    const p = await vscode.window.showQuickPick(
      [
        { label: 'No', description: 'restricted incidents never publish here', r: false },
        { label: 'Yes: a need-to-know channel', description: 'restricted incidents may publish their redacted message here', r: true },
      ],
      { title: `Set Up Chat Webhook: may restricted incidents publish to ${name}?`, ignoreFocusOut: true },
    );
    if (!p) return undefined;
    restricted = p.r;
  }
  const hook = await store.add({ name: name.trim(), format, url: url.trim(), restricted });
  if (args.notify !== false) void vscode.window.showInformationMessage(`Sitrep: status updates can now be published to ${hook.name} (${CHAT_FORMAT_LABELS[format].label}).`);
  return hook.id;
}

/** Remove Chat Webhook: pick one; it is deleted from SecretStorage. */
export async function removeWebhook(store: WebhookStore, args: Record<string, unknown>): Promise<string | undefined> {
  const all = await store.list();
  const named = typeof args.name === 'string' ? all.find((w) => w.name === args.name) : undefined;
  const hook =
    named ??
    (all.length
      ? (await vscode.window.showQuickPick(all.map((w) => ({ label: w.name, description: `${CHAT_FORMAT_LABELS[w.format].label}${w.restricted ? ' · restricted incidents allowed' : ''}`, w })), { title: 'Remove Chat Webhook' }))?.w
      : undefined);
  if (!hook) {
    if (!all.length) void vscode.window.showInformationMessage('Sitrep: no chat webhook is set up.');
    return undefined;
  }
  await store.remove(hook.id);
  return hook.id;
}
