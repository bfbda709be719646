import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeIncompleteTime, formatClock, formatDuration, formatTimestamp, isValidDate, parseTimestamp, toUtc } from '../../src/core/time';
import { globProblem, globToRegExp, matchesAny, DEFAULT_DOCUMENT_GLOBS } from '../../src/core/glob';
import { parseConfig } from '../../src/core/config';
import { effectiveCadence } from '../../src/core/incident';
import { parseDocument } from '../../src/core/parser';

test('timestamps: zones, offsets, minutes precision, impossible dates', () => {
  assert.equal(parseTimestamp('2026-11-27T09:52:00Z'), Date.UTC(2026, 10, 27, 9, 52));
  assert.equal(parseTimestamp('2026-11-27T10:52+01:00'), Date.UTC(2026, 10, 27, 9, 52));
  assert.equal(parseTimestamp('2026-11-27T04:22:30-0530'), Date.UTC(2026, 10, 27, 9, 52, 30));
  assert.equal(parseTimestamp('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
  for (const bad of ['2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-27T24:00:00Z', '2026-11-27T09:52:00', '09:52Z', 'soon']) {
    assert.equal(parseTimestamp(bad), undefined, bad);
  }
  assert.equal(toUtc('2026-11-27T10:52:00+01:00'), '2026-11-27T09:52:00Z');
  assert.equal(formatTimestamp(Date.UTC(2026, 10, 27, 9, 52, 7, 999)), '2026-11-27T09:52:07Z');
  assert.equal(isValidDate('2026-12-01'), true);
  assert.equal(isValidDate('2026-11-31'), false);
  assert.equal(describeIncompleteTime('10:42'), 'has no date');
  assert.equal(describeIncompleteTime('2026-11-27 10:42'), 'has no time zone');
  assert.equal(describeIncompleteTime('2026-11-27T10:42Z'), undefined);
});

test('clock and duration formatting', () => {
  assert.equal(formatClock(724), '12:04');
  assert.equal(formatClock(-192), '3:12');
  assert.equal(formatClock(3723), '1:02:03');
  assert.equal(formatDuration(47 * 60_000), '47 min');
  assert.equal(formatDuration(125 * 60_000), '2 h 05 min');
  assert.equal(formatDuration(76 * 3_600_000), '3 d 4 h');
});

test('globs: **, *, alternatives; default document globs', () => {
  assert.ok(matchesAny('incidents/2026/x/incident.md', DEFAULT_DOCUMENT_GLOBS));
  assert.ok(matchesAny('docs/postmortem-2026-10.md', DEFAULT_DOCUMENT_GLOBS));
  assert.ok(matchesAny('postmortem.md', DEFAULT_DOCUMENT_GLOBS));
  assert.ok(!matchesAny('docs/readme.md', DEFAULT_DOCUMENT_GLOBS));
  assert.ok(globToRegExp('ops/{incidents,retros}/*.md').test('ops/retros/a.md'));
  assert.ok(!globToRegExp('ops/*.md').test('ops/a/b.md'));
  assert.ok(globToRegExp('a?.md').test('ab.md'));
});

test('globs: the default document globs pass the limits; alternatives count their own wildcards; any letter case matches', () => {
  for (const g of DEFAULT_DOCUMENT_GLOBS) assert.equal(globProblem(g), undefined, g);
  // Of {a,b} alternatives the most any one has counts, with the wildcards around the group.
  assert.equal(globProblem('{*a*,b}.md'), undefined);
  assert.equal(globProblem('{*a,*b}*.md'), undefined);
  assert.match(globProblem('*{a*,b}*.md') ?? '', /3 \* wildcards/);
  assert.match(globProblem('*a*a*b') ?? '', /3 \* wildcards/);
  assert.ok(matchesAny('Documentation/PostMortems/2024-db.md', DEFAULT_DOCUMENT_GLOBS));
  assert.ok(matchesAny('docs/2024-03-RCA.md', DEFAULT_DOCUMENT_GLOBS));
  assert.ok(!matchesAny('games/arcade.md', DEFAULT_DOCUMENT_GLOBS));
});

test('documents: recognised by type, by path, and not by an ignore glob', () => {
  const body = '# Title\n\n## Action items\n\n- [ ] x\n';
  assert.equal(parseDocument(body, { relativePath: 'notes/a.md' }).kind, 'unknown');
  assert.equal(parseDocument(body, { relativePath: 'incidents/2026/a.md' }).kind, 'postmortem');
  assert.equal(parseDocument('# T\n\n## Status updates\n', { relativePath: 'incidents/a.md' }).kind, 'incident');
  assert.equal(parseDocument(body, { relativePath: 'incidents/archive/a.md', ignore: ['incidents/archive/**'] }).kind, 'unknown');
  assert.equal(parseDocument('---\ntype: postmortem\n---\n', { relativePath: 'notes/a.md' }).kind, 'postmortem');
  assert.equal(parseDocument(body, { relativePath: 'ops/retro.md', globs: ['ops/**'] }).kind, 'postmortem');
});

test('config: valid file, broken YAML and schema errors fall back to defaults with ranges', () => {
  const ok = parseConfig('documents: ["ops/**"]\nseverities:\n  SEV3: { cadence_minutes: 90 }\nrules:\n  no-blame: off\n');
  assert.deepEqual(ok.problems, []);
  assert.equal(effectiveCadence('SEV3', undefined, ok.config), 90);
  assert.equal(effectiveCadence('SEV1', undefined, ok.config), 30);
  const broken = parseConfig('rules: [\n');
  assert.deepEqual(broken.config, {});
  assert.equal(broken.problems.length, 1);
  const wrong = parseConfig('rules:\n  no-blame: loud\nfoo: 1\n');
  assert.deepEqual(wrong.config, {});
  assert.deepEqual(wrong.problems.map((p) => [p.range.line, p.range.column]), [[1, 12], [2, 0]]);
  const capped = parseConfig('severities:\n  SEV1: { cadence_minutes: 45 }\n');
  assert.equal(capped.problems.length, 1);
  assert.equal(effectiveCadence('SEV1', undefined, capped.config), 30);
  assert.deepEqual(parseConfig('').problems, []);
  assert.deepEqual(parseConfig('\uFEFFrules: {}\n').problems, []);
});
