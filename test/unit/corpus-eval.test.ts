/**
 * The labelled corpus (test/fixtures/corpus, CC0) scored through the CLI: overall precision and
 * recall must stay at or above 0.97, and so must no-human-error, no-blame and no-vague-action.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatScore, scoreCorpus } from '../eval/score';

const DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');

test('labelled corpus: precision and recall at least 0.97 overall and for the phrase rules', () => {
  const s = scoreCorpus(DIR);
  const report = formatScore(s, 'corpus');
  assert.ok(s.tp + s.fn >= 150, `the corpus holds its labels (${s.tp + s.fn})\n${report}`);
  assert.ok(s.precision >= 0.97, `precision ${s.precision}\n${report}`);
  assert.ok(s.recall >= 0.97, `recall ${s.recall}\n${report}`);
  for (const rule of ['no-human-error', 'no-blame', 'no-vague-action']) {
    const r = s.rules.find((x) => x.rule === rule);
    assert.ok(r && r.precision >= 0.97 && r.recall >= 0.97, `${rule}: ${JSON.stringify(r)}\n${report}`);
  }
});
