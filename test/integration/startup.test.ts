// The first read as the editor opens: the incidents folder's small incident files are read on the
// extension host's thread, newest first, before the worker is asked anything, so the countdown
// does not wait for the worker to start; a large one goes through the worker.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import { SitrepWorker } from '../../src/extension/worker/client';
import { ownIndex, workspaceUri } from './helpers';

/** A worker that notes which documents it was asked to summarise. */
class NotingWorker extends SitrepWorker {
  readonly asked: string[] = [];
  override summarize(...args: Parameters<SitrepWorker['summarize']>): ReturnType<SitrepWorker['summarize']> {
    this.asked.push(args[0]);
    return super.summarize(...args);
  }
}

function incidentText(title: string, extra = ''): string {
  return [
    '---',
    'type: incident',
    `title: ${title}`,
    'severity: SEV3',
    'status: resolved',
    'started: 2099-12-30T10:00:00Z',
    'resolved: 2099-12-30T11:00:00Z',
    'roles:',
    '  commander: "@first"',
    '  solo: true',
    '---',
    '',
    `# ${title}`,
    '',
    '## Timeline',
    '',
    '- 2099-12-30T10:00:00Z [fact] Alerts fired.',
    extra,
    '',
  ].join('\n');
}

suite('First read (issue 11: the countdown as the editor opens)', () => {
  test('small incident files are indexed before the worker is asked anything; one over 64 KB goes through the worker', async function () {
    this.timeout(60_000);
    const small = workspaceUri('incidents/2099-12-30-first-read-small/incident.md');
    const big = workspaceUri('incidents/2099-12-31-first-read-big/incident.md');
    fs.mkdirSync(path.dirname(small.fsPath), { recursive: true });
    fs.mkdirSync(path.dirname(big.fsPath), { recursive: true });
    fs.writeFileSync(small.fsPath, incidentText('First read small'));
    fs.writeFileSync(big.fsPath, incidentText('First read big', '- 2099-12-30T10:05:00Z [fact] Noted a detail of the response for the record.\n'.repeat(1200)));
    assert.ok(fs.statSync(big.fsPath).size > 64_000);

    const index = ownIndex((uri) => new NotingWorker(uri));
    const { worker, service } = index;
    try {
      let first: { keys: string[]; asked: string[]; workersStarted: number } | undefined;
      const sub = service.onDidChange(() => {
        first ??= { keys: [...service.index.keys()], asked: [...worker.asked], workersStarted: worker.started };
      });
      await service.rescan();
      sub.dispose();
      assert.ok(first, 'the index changed');
      assert.ok(first.keys.includes(small.toString()), `the small incident was read first: ${first.keys.join(', ')}`);
      assert.ok(!first.keys.includes(big.toString()), 'the large incident was not read on this thread');
      assert.deepEqual(first.asked, [], 'the worker was asked nothing before the first change');
      assert.equal(first.workersStarted, 0, 'no worker had started');
      // After the scan, the large one is in the index, read by the worker.
      assert.ok(service.index.keys().includes(big.toString()), 'the large incident is indexed after the scan');
      assert.ok(worker.asked.includes(big.toString()), 'the worker read the large incident');
      assert.ok(!worker.asked.includes(small.toString()), 'the small one was not read twice');
      assert.equal(service.index.incidents().find((i) => i.key === small.toString())?.title, 'First read small');
    } finally {
      index.dispose();
      fs.rmSync(path.dirname(small.fsPath), { recursive: true, force: true });
      fs.rmSync(path.dirname(big.fsPath), { recursive: true, force: true });
    }
  });

  test('an incident.md that is a FIFO or a link to /dev/zero is never read: the first read and the scan finish without it', async function () {
    this.timeout(60_000);
    const fifo = workspaceUri('incidents/2099-12-31-first-read-fifo/incident.md');
    const zero = workspaceUri('incidents/2099-12-31-first-read-zero/incident.md');
    for (const u of [fifo, zero]) fs.mkdirSync(path.dirname(u.fsPath), { recursive: true });
    execFileSync('mkfifo', [fifo.fsPath]);
    fs.symlinkSync('/dev/zero', zero.fsPath);
    const index = ownIndex((uri) => new NotingWorker(uri));
    const { worker, service } = index;
    try {
      await service.rescan();
      const keys = service.index.keys();
      assert.ok(!keys.includes(fifo.toString()) && !keys.includes(zero.toString()), keys.join(', '));
      assert.ok(!worker.asked.includes(fifo.toString()) && !worker.asked.includes(zero.toString()), 'neither was sent to the worker');
      assert.ok(keys.some((k) => k.endsWith('/incident.md')), 'the other incidents were read');
    } finally {
      index.dispose();
      for (const u of [fifo, zero]) fs.rmSync(path.dirname(u.fsPath), { recursive: true, force: true });
    }
  });
});
