/**
 * Writes schemas/*.json from the zod schemas in src/core/model/schemas.ts (npm run schemas).
 * With --check, writes nothing and exits 1 when schemas/ differs from what the zod schemas generate.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { toJsonSchemas } from '../src/core/model/schemas';
import { REPORT_JSON_SCHEMAS } from '../src/core/report/schema';

export function renderSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(toJsonSchemas())) out[file] = JSON.stringify(schema, null, 2) + '\n';
  // The learning report's output shape (src/core/report/schema.ts).
  for (const [file, { schema, title }] of Object.entries(REPORT_JSON_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
    out[file] = JSON.stringify({ ...json, title }, null, 2) + '\n';
  }
  return out;
}

function main(): void {
  const dir = path.resolve(__dirname, '..', '..', 'schemas');
  const check = process.argv.includes('--check');
  let stale = 0;
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(renderSchemas())) {
    const target = path.join(dir, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (current === text) continue;
    stale++;
    if (check) console.error(`schemas/${file} is out of date: run npm run schemas`);
    else {
      fs.writeFileSync(target, text);
      console.log(`wrote schemas/${file}`);
    }
  }
  if (check && stale) process.exit(1);
  if (!check && !stale) console.log('schemas/ is up to date');
}

if (require.main === module) main();
