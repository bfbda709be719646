/**
 * Documents in shapes the development corpus does not use (test/fixtures/reading): every labelled
 * finding is reported and nothing else of the labelled rules is, planted traps included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatScore, scoreCorpus } from '../eval/score';

test('reading fixtures in other shapes: exact findings, no trap flagged', () => {
  const s = scoreCorpus(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'reading'));
  const report = formatScore(s, 'reading');
  assert.ok(s.tp >= 19, report);
  assert.deepEqual(s.misses, [], report);
  assert.deepEqual(s.extras, [], report);
});
