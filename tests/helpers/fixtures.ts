import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared/fixtures` beside the project root (CI has it there too); NIANBAO_FIXTURES overrides. */
export const FIXTURES = process.env.NIANBAO_FIXTURES ?? join(ROOT, '..', 'shared', 'fixtures');

if (!existsSync(FIXTURES)) throw new Error(`fixtures not found at ${FIXTURES}`);

export const fixture = (...p: string[]) => join(FIXTURES, ...p);
