// Publishing status updates to chat, in the real extension host, to an HTTP receiver this test
// starts on 127.0.0.1: the exact payload, the update saved before publishing, a receiver that never
// answers (timeout), one that answers 500, one that is not there, and the restricted track.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { activateSitrep } from './helpers';

interface Received {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/** A webhook receiver: answers each POST as `mode` says and records what it got. */
class Receiver {
  readonly received: Received[] = [];
  mode: 'ok' | 'error' | 'hang' = 'ok';
  /** Called as each request arrives, before it is answered. */
  onArrive: (() => void) | undefined;
  private readonly hanging: http.ServerResponse[] = [];
  private readonly server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      let body: unknown = data;
      try {
        body = JSON.parse(data);
      } catch {
        /* recorded as text */
      }
      this.onArrive?.();
      this.received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body });
      this.waiters.splice(0).forEach((w) => w());
      if (this.mode === 'hang') this.hanging.push(res);
      else if (this.mode === 'error') res.writeHead(500, { 'content-type': 'text/plain' }).end('channel_not_found');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  private waiters: Array<() => void> = [];

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/sitrep`;
  }

  /** Resolves when the n-th request has arrived (event-driven, bounded). */
  until(n: number, timeout = 10000): Promise<void> {
    if (this.received.length >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`receiver got ${this.received.length} of ${n} requests`)), timeout);
      const check = () => {
        if (this.received.length >= n) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  async stop(): Promise<void> {
    this.hanging.splice(0).forEach((r) => r.destroy());
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

const NOW = Date.UTC(2030, 0, 15, 10, 15, 0);
const NEXT = '2030-01-15T10:45:00Z';

async function declare(title: string, extra: Record<string, unknown> = {}): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<string>('sitrep.declareIncident', {
    title,
    severity: 'SEV2',
    impact: 'EU checkouts fail',
    solo: '@it',
    restricted: false,
    open: false,
    now: NOW - 10 * 60_000,
    throwOnError: true,
    ...extra,
  });
  return vscode.Uri.parse(uri!);
}

async function fileText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

const update = { known: 'Payment client times out after 2 s', unknown: 'Why the provider slowed down', impact: 'About 30% of EU checkouts fail', mitigation: 'Raising the client timeout to 5 s' };

suite('Chat publishing', () => {
  const slack = new Receiver();
  const teams = new Receiver();
  let slackUrl = '';
  let teamsUrl = '';

  suiteSetup(async () => {
    await activateSitrep();
    // Times in the payload in UTC, so that the expected JSON does not depend on this machine's zone.
    await vscode.workspace.getConfiguration('sitrep').update('timeDisplay', 'utc', vscode.ConfigurationTarget.Global);
    slackUrl = await slack.start();
    teamsUrl = await teams.start();
    await vscode.commands.executeCommand('sitrep.setUpChatWebhook', { name: '#incidents', format: 'slack', url: slackUrl, restricted: false, notify: false, throwOnError: true });
    await vscode.commands.executeCommand('sitrep.setUpChatWebhook', { name: 'Security war room', format: 'teams', url: teamsUrl, restricted: true, notify: false, throwOnError: true });
  });

  suiteTeardown(async () => {
    await slack.stop();
    await teams.stop();
    await vscode.workspace.getConfiguration('sitrep').update('timeDisplay', undefined, vscode.ConfigurationTarget.Global);
  });

  test('a status update is saved, then published to Slack as exactly this text plus blocks', async () => {
    const uri = await declare('Checkout 5xx in EU');
    slack.mode = 'ok';
    const before = slack.received.length;
    await vscode.commands.executeCommand('sitrep.postStatusUpdate', { incident: uri.toString(), ...update, nextUpdate: NEXT, now: NOW, publish: '#incidents', notify: false, throwOnError: true });
    await slack.until(before + 1);
    const got = slack.received[before];
    assert.equal(got.path, '/hooks/sitrep');
    assert.equal(got.contentType, 'application/json');
    assert.deepEqual(got.body, {
      text: [
        '[SEV2] Checkout 5xx in EU',
        'investigating · update 10:15 UTC · commander @it',
        'Known: Payment client times out after 2 s',
        'Unknown: Why the provider slowed down',
        'Impact: About 30% of EU checkouts fail',
        'Mitigation: Raising the client timeout to 5 s',
        'Next update by 10:45 UTC',
      ].join('\n'),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'SEV2 · Checkout 5xx in EU', emoji: false } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'investigating · update 10:15 UTC · commander @it' }] },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Known*\nPayment client times out after 2 s' },
            { type: 'mrkdwn', text: '*Unknown*\nWhy the provider slowed down' },
            { type: 'mrkdwn', text: '*Impact*\nAbout 30% of EU checkouts fail' },
            { type: 'mrkdwn', text: '*Mitigation*\nRaising the client timeout to 5 s' },
          ],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Next update by 10:45 UTC' }] },
      ],
    });
    assert.match(await fileText(uri), new RegExp(`^- \\*\\*Next update:\\*\\* ${NEXT}$`, 'm'));
  });

  test('an update written into a buffer with unsaved edits: the buffer is saved, edits and update, before it is published', async () => {
    const uri = await declare('Cart totals wrong');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(doc.lineCount, 0), '\nA note the responder has not saved yet.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty);
    slack.mode = 'ok';
    const before = slack.received.length;
    // What the file holds at the moment the update arrives at the receiver.
    let onDiskWhenPublished = '';
    slack.onArrive = () => (onDiskWhenPublished = fs.readFileSync(uri.fsPath, 'utf8'));
    try {
      await vscode.commands.executeCommand('sitrep.postStatusUpdate', { incident: uri.toString(), ...update, nextUpdate: NEXT, now: NOW, publish: '#incidents', notify: false, throwOnError: true });
      await slack.until(before + 1);
    } finally {
      slack.onArrive = undefined;
    }
    assert.ok(!doc.isDirty, 'the buffer was saved');
    assert.match(onDiskWhenPublished, /^A note the responder has not saved yet\.$/m, "the responder's edit is in the file");
    assert.match(onDiskWhenPublished, /^- \*\*Known:\*\* Payment client times out after 2 s$/m, 'the update is in the file');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a receiver that never answers: the update is in the file, the publish times out and says so', async () => {
    const uri = await declare('Search latency');
    slack.mode = 'hang';
    const before = slack.received.length;
    await vscode.commands.executeCommand('sitrep.postStatusUpdate', {
      incident: uri.toString(),
      ...update,
      nextUpdate: NEXT,
      now: NOW,
      publish: '#incidents',
      publishTimeoutMs: 400,
      notify: false,
      throwOnError: true,
    });
    await slack.until(before + 1);
    assert.match(await fileText(uri), /^- \*\*Known:\*\* Payment client times out after 2 s$/m, 'saved in the file whatever the chat does');
    const retry = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>('sitrep.publishStatusUpdate', { incident: uri.toString(), webhook: '#incidents', timeoutMs: 400, now: NOW, notify: false, throwOnError: true });
    assert.deepEqual(retry, { ok: false, webhook: '#incidents', reason: 'no answer within 400 ms' });
    assert.equal(slack.received.length, before + 2, 'the retry was sent');
  });

  test('an HTTP error and no network come back with their reason', async () => {
    const uri = await declare('Login errors');
    await vscode.commands.executeCommand('sitrep.postStatusUpdate', { incident: uri.toString(), ...update, nextUpdate: NEXT, now: NOW, notify: false, throwOnError: true });
    slack.mode = 'error';
    const failed = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>('sitrep.publishStatusUpdate', { incident: uri.toString(), webhook: '#incidents', notify: false, throwOnError: true });
    assert.deepEqual(failed, { ok: false, webhook: '#incidents', reason: 'the chat answered HTTP 500 Internal Server Error: channel_not_found' });
    // A port nobody listens on.
    const gone = new Receiver();
    const goneUrl = await gone.start();
    await gone.stop();
    await vscode.commands.executeCommand('sitrep.setUpChatWebhook', { name: 'gone', format: 'mattermost', url: goneUrl, restricted: false, notify: false, throwOnError: true });
    const offline = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>('sitrep.publishStatusUpdate', { incident: uri.toString(), webhook: 'gone', notify: false, throwOnError: true });
    assert.equal(offline?.ok, false);
    assert.match(offline?.reason ?? '', /^could not reach the chat \(ECONNREFUSED\); check the network$/);
    await vscode.commands.executeCommand('sitrep.removeChatWebhook', { name: 'gone', throwOnError: true });
  });

  test('a restricted incident publishes only its redacted message, only to a webhook marked for it', async () => {
    const uri = await declare('Token for tenant 42 leaked', { restricted: true });
    slack.mode = 'ok';
    teams.mode = 'ok';
    const slackBefore = slack.received.length;
    const teamsBefore = teams.received.length;
    // Asked to publish to a channel not marked for restricted incidents: nothing is sent there.
    await vscode.commands.executeCommand('sitrep.postStatusUpdate', {
      incident: uri.toString(),
      known: 'Token for tenant 42 leaked in debug logs',
      unknown: 'Which sessions used it',
      impact: 'Some logins fail',
      mitigation: 'Rotating signing keys',
      nextUpdate: NEXT,
      now: NOW,
      publish: '#incidents',
      notify: false,
      throwOnError: true,
    });
    const refused = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>('sitrep.publishStatusUpdate', { incident: uri.toString(), webhook: '#incidents', notify: false, throwOnError: true });
    assert.deepEqual(refused, { ok: false, webhook: '#incidents', reason: 'it is not marked for restricted incidents' });
    assert.equal(slack.received.length, slackBefore, 'nothing reached the unmarked channel');
    // The marked channel gets the redacted message as an Adaptive Card.
    const sent = await vscode.commands.executeCommand<{ ok: boolean }>('sitrep.publishStatusUpdate', { incident: uri.toString(), webhook: 'Security war room', now: NOW, notify: false, throwOnError: true });
    assert.deepEqual(sent, { ok: true, webhook: 'Security war room' });
    await teams.until(teamsBefore + 1);
    const card = teams.received[teamsBefore].body;
    assert.deepEqual(card, {
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
              { type: 'TextBlock', text: 'SEV2 · Restricted incident', weight: 'Bolder', size: 'Medium', wrap: true },
              { type: 'TextBlock', text: 'investigating · update 10:15 UTC · commander @it', isSubtle: true, spacing: 'None', wrap: true },
              {
                type: 'FactSet',
                facts: [
                  { title: 'Known', value: '(restricted: shared with need-to-know responders only)' },
                  { title: 'Unknown', value: '(restricted: shared with need-to-know responders only)' },
                  { title: 'Impact', value: 'Some logins fail' },
                  { title: 'Mitigation', value: 'Rotating signing keys' },
                ],
              },
              { type: 'TextBlock', text: 'Next update by 10:45 UTC', wrap: true },
            ],
          },
        },
      ],
    });
    assert.doesNotMatch(JSON.stringify(card), /tenant 42|Token|restricted-/);
  });

  test('webhook URLs are kept in secret storage, never in settings or the workspace', async () => {
    const settings = JSON.stringify(vscode.workspace.getConfiguration('sitrep'));
    assert.ok(!settings.includes('127.0.0.1'), 'no webhook URL in the settings');
    const files = await vscode.workspace.findFiles('**/*', undefined, 500);
    for (const f of files) {
      const text = await fileText(f);
      assert.ok(!text.includes(slackUrl) && !text.includes(teamsUrl), `a webhook URL in ${f.fsPath}`);
    }
  });
});
