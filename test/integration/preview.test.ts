// The Markdown preview's timeline picture in the real extension host: a large document is drawn
// from the worker's reading, never read on the extension host's thread; an edit not read yet is
// drawn from the last reading and marked for a refresh; a small unread text is read in-thread.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { suite, test } from 'mocha';
import { timelinePlugin } from '../../src/core/report';
import { PreviewReadings } from '../../src/extension/report/preview';
import { ReportSource } from '../../src/extension/report/source';
import { SitrepWorker } from '../../src/extension/worker/client';
import { ownIndex, workspaceUri } from './helpers';

function postmortem(title: string, padding: number): string {
  return [
    '---',
    'type: postmortem',
    `title: ${title}`,
    'severity: SEV2',
    'started: 2026-10-14T09:00:00Z',
    'detected: 2026-10-14T09:10:00Z',
    'mitigated: 2026-10-14T09:40:00Z',
    'resolved: 2026-10-14T10:30:00Z',
    '---',
    '',
    `# ${title}`,
    '',
    '## Timeline',
    '',
    '- 2026-10-14T09:00:00Z [fact] Search p99 rose above 2 s.',
    '- 2026-10-14T09:10:00Z [detection] The latency alert paged the on-call engineer.',
    '- 2026-10-14T09:40:00Z [mitigation] The index settings change was rolled back.',
    '',
    '## Notes',
    '',
    ...Array.from({ length: padding }, (_, i) => `Observation ${i + 1}: the shard queue depth stayed under the 500-item limit during replay.`),
    '',
  ].join('\n');
}

suite('Markdown preview timeline picture (off the extension-host thread)', () => {
  test('a large postmortem is drawn from the worker\'s reading; an unread edit from the last one; a small unread text is read here', async function () {
    this.timeout(60_000);
    const big = workspaceUri('postmortems/preview-large.md');
    const text = postmortem('Search latency after the index change', 1200);
    assert.ok(text.length > 64_000);
    fs.mkdirSync(path.dirname(big.fsPath), { recursive: true });
    fs.writeFileSync(big.fsPath, text);
    const index = ownIndex((uri) => new SitrepWorker(uri));
    const { worker, service } = index;
    const source = new ReportSource(service, worker);
    const readings = new PreviewReadings(source);
    try {
      await service.rescan();
      await source.sync();
      const md = new MarkdownIt({ html: true }).use(timelinePlugin, { read: (t: string, env: unknown) => readings.read(t, env) });
      const env = { currentDocument: big };
      assert.match(md.render(text, env), /class="sitrep-timeline"/, 'drawn from the worker\'s reading');
      assert.equal(readings.isBehind(big), false);
      // An edit the worker has not read: the last reading is drawn, and the preview waits for the new one.
      const edited = text.replace('Search p99 rose above 2 s.', 'Search p99 rose above 2.5 s.');
      assert.match(md.render(edited, env), /class="sitrep-timeline"/);
      assert.equal(readings.isBehind(big), true);
      // A large text the worker never read (another document): no picture, and nothing read here.
      const other = workspaceUri('notes/preview-unread.md');
      assert.doesNotMatch(md.render(text, { currentDocument: other }), /sitrep-timeline/);
      // A small one is read here.
      assert.match(md.render(postmortem('Small one', 3), { currentDocument: other }), /class="sitrep-timeline"/);
    } finally {
      readings.dispose();
      source.dispose();
      index.dispose();
      fs.rmSync(big.fsPath, { force: true });
    }
  });
});
