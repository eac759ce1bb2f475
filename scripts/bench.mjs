#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in turn (one process each, so one bench's warm
// caches do not flatter another). Each prints one JSON line per figure
// ({"bench": "...", "metric": "...", "value": n, "unit": "ms", ...}) on stdout; this collects
// them all into bench/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const results = [];
let failed = 0;
for (const f of files) {
  process.stderr.write(`\n▶ bench/${f}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join('bench', f)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  for (const line of r.stdout.split('\n')) {
    const s = line.trim();
    if (!s) continue;
    process.stdout.write(s + '\n');
    try {
      const o = JSON.parse(s);
      if (o && typeof o === 'object' && 'metric' in o) results.push(o);
    } catch {
      /* a bench's free-form line */
    }
  }
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench/${f} exited ${r.status}\n`);
  }
}
// A partial run (`npm run bench store`) keeps the figures of the benches it did not run.
const ran = new Set(files.map((f) => f.replace(/\.bench\.ts$/, '')));
const resultsFile = join(root, 'bench', 'results.json');
if (only.length > 0 && existsSync(resultsFile)) {
  try {
    const kept = (JSON.parse(readFileSync(resultsFile, 'utf8')).results ?? []).filter((o) => !ran.has(o.bench) && !results.some((r) => r.bench === o.bench));
    results.unshift(...kept);
  } catch {
    /* an unreadable old file is simply replaced */
  }
}
const machine = { node: process.version, platform: process.platform, arch: process.arch, cpus: (await import('node:os')).cpus().length };
writeFileSync(resultsFile, JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2) + '\n');
process.stderr.write(`\n${results.length} figures written to bench/results.json\n`);
process.exit(failed ? 1 : 0);
