#!/usr/bin/env node
'use strict';
// npm run eval: precision and recall of the linter, per rule and overall, on the labelled corpus
// copied into test/fixtures/corpus (or a corpus folder given as the argument: labels.yaml + docs/).
// Exits 1 when overall precision or recall is below --min (default 0.97).
const path = require('node:path');
const { scoreCorpus, formatScore } = require('../out/test/eval/score.js');

const args = process.argv.slice(2);
const minAt = args.indexOf('--min');
const min = minAt >= 0 ? Number(args[minAt + 1]) : 0.97;
const dir = path.resolve(args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--min') || path.join(__dirname, '..', 'test', 'fixtures', 'corpus'));
const s = scoreCorpus(dir);
process.stdout.write(formatScore(s, path.relative(process.cwd(), dir) || dir));
process.exit(s.precision >= min && s.recall >= min ? 0 : 1);
