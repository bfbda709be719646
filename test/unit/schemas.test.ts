import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderSchemas } from '../../scripts/generate-schemas';
import { IncidentFrontMatter, PostmortemFrontMatter, Config, ActionItem } from '../../src/core/model/schemas';
import { ROOT } from './helpers';

test('schemas/ matches what the zod schemas generate (run npm run schemas when this fails)', () => {
  const rendered = renderSchemas();
  assert.deepEqual(Object.keys(rendered).sort(), ['baseline.schema.json', 'config.schema.json', 'incident.schema.json', 'items.schema.json', 'postmortem.schema.json', 'report.schema.json']);
  for (const [file, text] of Object.entries(rendered)) {
    const onDisk = path.join(ROOT, 'schemas', file);
    assert.ok(fs.existsSync(onDisk), `schemas/${file} is missing`);
    assert.equal(fs.readFileSync(onDisk, 'utf8'), text, `schemas/${file} drifted from src/core/model/schemas.ts`);
  }
});

test('package.json contributes the generated schemas', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const urls = [...pkg.contributes.jsonValidation, ...pkg.contributes.yamlValidation].map((v: { url: string }) => v.url);
  for (const f of ['incident', 'postmortem', 'config']) assert.ok(urls.includes(`./schemas/${f}.schema.json`), f);
  assert.ok(pkg.contributes.yamlValidation.some((v: { fileMatch: string }) => v.fileMatch === '.sitrep.yaml'));
});

test('generated JSON schema carries the enums and the timestamp pattern', () => {
  const inc = JSON.parse(renderSchemas()['incident.schema.json']);
  assert.deepEqual(inc.properties.severity.enum, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  assert.deepEqual(inc.properties.status.enum, ['investigating', 'mitigated', 'monitoring', 'resolved']);
  assert.ok(new RegExp(inc.properties.started.pattern).test('2026-11-27T09:52:00Z'));
  assert.ok(!new RegExp(inc.properties.started.pattern).test('2026-11-27 09:52'));
  assert.ok(inc.required.includes('roles'));
});

const incident = {
  type: 'incident',
  id: '2026-11-27-x-k3f9',
  title: 'x',
  severity: 'SEV1',
  status: 'investigating',
  roles: { commander: '@a', operations: '@a', communications: '@a', scribe: '@a', solo: true },
  impact: { summary: 'all checkouts fail' },
  started: '2026-11-27T09:44:00Z',
  update_cadence_minutes: 30,
};

test('incident front matter: valid, and impossible dates, zone-less times and bad enums rejected', () => {
  assert.ok(IncidentFrontMatter.safeParse(incident).success);
  assert.ok(IncidentFrontMatter.safeParse({ ...incident, started: '2026-11-27T09:44+01:00' }).success);
  assert.ok(!IncidentFrontMatter.safeParse({ ...incident, started: '2026-02-30T09:44:00Z' }).success);
  assert.ok(!IncidentFrontMatter.safeParse({ ...incident, started: '2026-11-27T09:44:00' }).success);
  assert.ok(!IncidentFrontMatter.safeParse({ ...incident, started: '2026-11-27T25:44:00Z' }).success);
  assert.ok(!IncidentFrontMatter.safeParse({ ...incident, severity: 'P1' }).success);
  assert.ok(!IncidentFrontMatter.safeParse({ ...incident, roles: { operations: '@a' } }).success);
  assert.ok(!IncidentFrontMatter.safeParse({ ...incident, severty: 'SEV1' }).success);
});

test('postmortem front matter, action item and config shapes', () => {
  assert.ok(
    PostmortemFrontMatter.safeParse({ type: 'postmortem', incident: 'i', title: 't', severity: 'SEV2', status: 'draft', started: '2026-10-14T13:05:00Z', authors: ['@p'] }).success,
  );
  assert.ok(!PostmortemFrontMatter.safeParse({ type: 'postmortem', incident: 'i', title: 't', severity: 'SEV2', status: 'done', started: '2026-10-14T13:05:00Z', authors: ['@p'] }).success);
  assert.ok(ActionItem.safeParse({ action: 'Add canary', owner: '@a', due: '2026-12-01', category: 'prevent', verification: 'canary blocks a bad build' }).success);
  assert.ok(!ActionItem.safeParse({ action: 'Add canary', owner: '@a', due: 'soon', category: 'prevent', verification: 'x' }).success);
  assert.ok(!ActionItem.safeParse({ action: 'Add canary', owner: '@a', due: '2026-12-01', category: 'corrective', verification: 'x' }).success);
  assert.ok(Config.safeParse({ documents: ['incidents/**'], rules: { 'no-blame': 'off', 'no-vague-action': { phrases: ['keep an eye on'] } } }).success);
  assert.ok(!Config.safeParse({ rules: { 'no-blame': 'loud' } }).success);
});

test('the config schema names every registered rule, and only those', async () => {
  const { RULES } = await import('../../src/core/rules');
  const { RULE_NAMES } = await import('../../src/core/model/schemas');
  assert.deepEqual([...RULE_NAMES].sort(), RULES.map((r) => r.name).sort());
  const config = JSON.parse(renderSchemas()['config.schema.json']);
  assert.deepEqual(Object.keys(config.properties.rules.properties).sort(), [...RULE_NAMES].sort());
  // Unknown names still parse (the linter reports them with a suggestion and ignores them).
  assert.ok(Config.safeParse({ rules: { 'no-blam': 'off' } }).success);
});
