/**
 * A status update as a chat-ready message — severity, short title, status, commander, known,
 * unknown, impact, mitigation, and the next update in local time with UTC — and as the payload of
 * an incoming webhook: Slack (text plus blocks), Microsoft Teams workflows (an Adaptive Card) and
 * Mattermost (Slack-compatible markdown text). No ids or file paths appear. For a restricted
 * incident the title, known and unknown are left out. Pure: the caller passes `now` and the zone.
 */
import type { IncidentStatus, Severity } from '../model/schemas';
import { parseTimestamp } from '../time';
import { oneLine, type StatusUpdateInput } from './edits';
import { timeWithUtc, type DisplayZone } from './timeinput';

export interface ChatIncident {
  title: string;
  severity?: Severity;
  status?: IncidentStatus;
  restricted: boolean;
  commander?: string;
}

interface ChatInput {
  incident: ChatIncident;
  update: StatusUpdateInput;
  now: number;
  zone: DisplayZone;
}

export interface ChatMessage {
  severity: string;
  /** Short title ("Restricted incident" for a restricted one). */
  title: string;
  status: string;
  /** "investigating · update 15:15 CET (14:15 UTC) · commander @maria" */
  context: string;
  fields: Array<{ label: string; value: string }>;
  /** "Next update by 15:45 CET (14:45 UTC)" or the final-update line. */
  next: string;
  final: boolean;
  restricted: boolean;
}

const RESTRICTED_PLACEHOLDER = '(restricted: shared with need-to-know responders only)';
const FINAL_LINE = 'This is the final update: the incident is resolved and no further updates follow.';
const TITLE_MAX = 80;

/** A title cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shortTitle(title: string, max = TITLE_MAX): string {
  const t = oneLine(title);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/(?<![\s,;:.—–-])[\s,;:.—–-]+$/, '')}…`;
}

function when(iso: string, now: number, zone: DisplayZone): string {
  const ms = parseTimestamp(iso);
  return ms === undefined ? oneLine(iso) : timeWithUtc(ms, now, zone);
}

/** The message a status update makes, redacted for a restricted incident. */
export function chatMessage({ incident, update, now, zone }: ChatInput): ChatMessage {
  const r = incident.restricted;
  const final = !!update.final;
  const status = final ? 'resolved' : (incident.status ?? 'investigating');
  const hidden = (v: string) => (r ? RESTRICTED_PLACEHOLDER : oneLine(v) || 'none');
  const context = [status, update.time ? `update ${when(update.time, now, zone)}` : undefined, incident.commander ? `commander ${incident.commander}` : undefined].filter(Boolean).join(' · ');
  return {
    severity: incident.severity ?? 'SEV?',
    title: r ? 'Restricted incident' : shortTitle(incident.title),
    status,
    context,
    fields: [
      { label: 'Known', value: hidden(update.known) },
      { label: 'Unknown', value: hidden(update.unknown) },
      { label: 'Impact', value: oneLine(update.impact) || 'none' },
      { label: 'Mitigation', value: oneLine(update.mitigation) || 'none' },
    ],
    next: final ? FINAL_LINE : update.nextUpdate ? `Next update by ${when(update.nextUpdate, now, zone)}` : 'Next update: not set',
    final,
    restricted: r,
  };
}

/** The message as plain text (the clipboard, email). */
export function messageText(m: ChatMessage): string {
  return [`[${m.severity}] ${m.title}${m.final ? ' — resolved, all clear' : ''}`, m.context, ...m.fields.map((f) => `${f.label}: ${f.value}`), m.next].join('\n');
}

export const CHAT_FORMATS = ['slack', 'teams', 'mattermost'] as const;
export type ChatFormat = (typeof CHAT_FORMATS)[number];

export const CHAT_FORMAT_LABELS: Record<ChatFormat, { label: string; detail: string }> = {
  slack: { label: 'Slack', detail: 'incoming webhook; JSON with text and blocks' },
  teams: { label: 'Microsoft Teams', detail: 'a Teams workflow "when a webhook request is received"; an Adaptive Card' },
  mattermost: { label: 'Mattermost', detail: 'incoming webhook; Slack-compatible markdown text' },
};

/** Slack mrkdwn treats &, < and > as control characters (links, mentions): escape them. */
function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A mention in a pasted value must not page a whole channel. */
function noBroadcast(s: string): string {
  return s.replace(/@(channel|here|all|everyone)\b/gi, '@\u200b$1');
}

function slackPayload(m: ChatMessage): unknown {
  const head = `${m.severity} · ${m.title}${m.final ? ' · all clear' : ''}`;
  return {
    text: slackEscape(messageText(m)),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: head.slice(0, 150), emoji: false } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(m.context) }] },
      { type: 'section', fields: m.fields.map((f) => ({ type: 'mrkdwn', text: `*${f.label}*\n${slackEscape(f.value).slice(0, 1900)}` })) },
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(m.next) }] },
    ],
  };
}

function teamsPayload(m: ChatMessage): unknown {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: `${m.severity} · ${m.title}${m.final ? ' · all clear' : ''}`, weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text: m.context, isSubtle: true, spacing: 'None', wrap: true },
            { type: 'FactSet', facts: m.fields.map((f) => ({ title: f.label, value: f.value })) },
            { type: 'TextBlock', text: m.next, wrap: true },
          ],
        },
      },
    ],
  };
}

function mattermostPayload(m: ChatMessage): unknown {
  const lines = [`#### ${m.severity} · ${m.title}${m.final ? ' · all clear' : ''}`, `_${m.context}_`, '', ...m.fields.map((f) => `**${f.label}:** ${f.value}`), '', m.next];
  return { text: noBroadcast(lines.join('\n')) };
}

/** The JSON body an incoming webhook of this kind takes. */
export function chatPayload(format: ChatFormat, m: ChatMessage): unknown {
  if (format === 'teams') return teamsPayload(m);
  if (format === 'mattermost') return mattermostPayload(m);
  return slackPayload(m);
}
