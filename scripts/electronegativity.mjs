#!/usr/bin/env node
// `npm run electronegativity`: Doyensec's Electronegativity over main/ (the Electron shell),
// offline. The check that downloads Electron's release list from GitHub
// (AvailableSecurityFixesGlobalCheck) is excluded, and the Electron version is given, because
// neither can be looked up without internet. Findings go to dist/electronegativity.csv and are
// printed as a table; the run fails only if the tool itself fails. The findings we keep are
// explained in the README / the issue note.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const out = process.argv[2] ?? join(root, 'dist', 'electronegativity.csv');
mkdirSync(dirname(out), { recursive: true });
// The tool writes into an existing file without truncating it first.
rmSync(out, { force: true });
const bin = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const r = spawnSync(process.execPath, [bin, '-i', join(root, 'main'), '-o', out, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, LANG: 'en-US' },
  timeout: 180_000,
});
if (r.status !== 0) {
  process.stderr.write(r.stdout + r.stderr);
  process.exit(1);
}
const lines = readFileSync(out, 'utf8').trim().split('\n').slice(1);
process.stdout.write(`Electronegativity over main/ (Electron ${electronVersion}): ${lines.length} finding(s) → ${out}\n`);
for (const l of lines) {
  const cells = l.match(/("([^"]*)"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
  process.stdout.write(`  ${cells[0]}  [${cells[1]}/${cells[2]}]  ${cells[3]}:${cells[4]}  ${cells[6]}\n`);
}
