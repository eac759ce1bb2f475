#!/usr/bin/env node
// The `nianbao` command. Runs the built CLI (dist/cli/nianbao.mjs, `npm run build`) when it is
// there; otherwise runs the TypeScript sources through tsx, so a fresh checkout and the tests
// work without a build.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/nianbao.mjs', import.meta.url));
const source = fileURLToPath(new URL('../main/cli/index.ts', import.meta.url));

let cli;
if (existsSync(built) && process.env.NIANBAO_FROM_SOURCE !== '1') {
  cli = await import(pathToFileURL(built).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport(pathToFileURL(source).href, import.meta.url);
}
await cli.main(process.argv.slice(2));
