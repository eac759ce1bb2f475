// Writes schema/nianbao-1.schema.json from the zod ReportSchema, so county tools can read our
// files without our code. `npm run schema`; a test fails when the shipped file is out of date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interchangeJsonSchema } from '../main/schema/json-schema.js';

const out = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'schema', 'nianbao-1.schema.json');
writeFileSync(out, JSON.stringify(interchangeJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${out}\n`);
