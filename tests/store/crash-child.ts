/**
 * The writer killed by crash.test.ts: takes the lock, opens the store and saves the report in a
 * loop, writing the version number into it. Prints `start N` before and `done N` after each save
 * (written with writeSync, so the parent has the line before the next step begins). The test
 * bundles this file with esbuild once, so that each of the hundreds of runs starts in ~0.1 s.
 */
import { readFileSync, writeSync } from 'node:fs';
import type { Report } from '../../shared/model/report.js';
import { acquireWriterLock, openStore } from '../../main/store/index.js';

const [dataDir, id, firstArg, baseFile] = process.argv.slice(2);
const say = (s: string) => writeSync(1, s + '\n');

const lock = await acquireWriterLock(dataDir);
// A short journal: the list snapshot is rewritten every few saves, so kills land in that too.
const store = await openStore(dataDir, { compactAfter: 4 });
const base = JSON.parse(readFileSync(baseFile, 'utf8')) as Report;
say('ready');
for (let v = Number(firstArg); ; v++) {
  // Vary the size, so a torn write would show as a cut-off file, not a same-length one.
  const filler = '补充说明。'.repeat((v * 7919) % 400);
  say(`start ${v}`);
  await store.saveReport(id, { ...base, preamble: `版本 ${v}\n${filler}` });
  say(`done ${v}`);
}
void lock;
