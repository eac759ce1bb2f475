#!/usr/bin/env node
// `npm test`: typecheck, lint, build, then every test file under tests/ in Node's test runner
// (unit, integration, end-to-end in Chromium). Ends with one line `N passed, N failed, N skipped`
// summing all of them. `npm test -- <substring>` runs only the test files whose path contains it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const quick = process.argv.includes('--quick'); // skip typecheck/lint/build (local iteration)
const t0 = Date.now();
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const skips = [];

function step(name, cmd, args) {
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return r.status === 0;
}

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures-local') continue;
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (/\.test\.(ts|mts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

if (!quick && filter.length === 0) {
  step('typecheck (tsc strict)', 'npm', ['run', '--silent', 'typecheck']);
  step('lint (eslint, process boundaries)', 'npm', ['run', '--silent', 'lint']);
}
if (!quick) step('build (renderer, main, preload)', 'npm', ['run', '--silent', 'build']);

let files = findTests(join(root, 'tests')).map((f) => relative(root, f)).sort();
if (filter.length) files = files.filter((f) => filter.some((s) => f.includes(s)));
const countsFile = join(mkdtempSync(join(tmpdir(), 'nianbao-test-')), 'counts.json');
process.stdout.write(`\n▶ ${files.length} test files\n`);
const r = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/count-reporter.mjs')}`,
    '--test-reporter-destination=stderr',
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NIANBAO_TEST_COUNTS: countsFile } },
);
try {
  const c = JSON.parse(readFileSync(countsFile, 'utf8'));
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
  failures.push(...c.failures);
  skips.push(...(c.skips ?? []));
} catch {
  failed++;
  failures.push(`test runner exited ${r.status} without counts`);
}
// Skipped is never passed: each skip is listed with its reason.
if (skips.length) process.stdout.write(`\nSkipped:\n${skips.map((f) => `  - ${f}`).join('\n')}\n`);
if (failures.length) process.stdout.write(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
process.stdout.write(`\nTotal time: ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed > 0 ? 1 : 0);
