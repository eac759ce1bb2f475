import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { ReportSchema } from '../../shared/model/index.js';
import { acquireWriterLock, LOCK_FILE, openStore } from '../../main/store/index.js';
import { ROOT } from '../helpers/fixtures.js';
import { realisticReport, tempDir } from './helpers.js';

/**
 * A writer saving in a loop is killed with SIGKILL at random moments, again and again. After each
 * kill the store must open (taking over the dead writer's lock), the report must validate, and it
 * must hold a version the writer had started saving, no older than the last save it finished.
 */

const MIN_KILLS = 200;
// Typically 25–30 s on 2 cores; the bound leaves room for a machine busy with other suites.
const TIME_BUDGET_MS = 110_000;

interface Run {
  started: number[];
  done: number[];
  ready: boolean;
}

function runAndKill(bundle: string, dataDir: string, id: string, first: number, baseFile: string, rand: () => number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const run: Run = { started: [], done: [], ready: false };
    const child = spawn(process.execPath, [bundle, dataDir, id, String(first), baseFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let killed = false;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    // Three ways to pick the moment: any time from spawn (opening, lock, recovery), a random delay
    // after the first save begins, or right as the k-th save begins.
    const mode = Math.floor(rand() * 3);
    const afterStarts = 1 + Math.floor(rand() * 6);
    if (mode === 0) setTimeout(kill, rand() * 150);
    let buf = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s: string) => {
      buf += s;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const [word, n] = line.split(' ');
        if (word === 'ready') {
          run.ready = true;
          if (mode === 1) setTimeout(kill, rand() * 30);
        } else if (word === 'start') {
          run.started.push(Number(n));
          if (mode === 2 && run.started.length === afterStarts) setImmediate(kill);
        } else if (word === 'done') run.done.push(Number(n));
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => (err += s));
    const guard = setTimeout(kill, 5000); // a child that never reads 'ready' still ends
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (${code}): ${err}`));
      else resolve(run);
    });
  });
}

describe('crash test', () => {
  it(`a writer killed with SIGKILL at random moments (≥ ${MIN_KILLS} times) never leaves the store unreadable or older than its last finished save`, async () => {
    const t = tempDir('nianbao-crash-');
    try {
      const bundle = join(t.dir, 'crash-child.mjs');
      await build({ entryPoints: [join(ROOT, 'tests/store/crash-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'error', minify: true });
      const dataDir = join(t.dir, 'data');
      const baseFile = join(t.dir, 'base.json');
      const base = realisticReport();
      writeFileSync(baseFile, JSON.stringify(base));

      const setup = await openStore(dataDir);
      const { meta } = await setup.createReport({ year: 2024, report: { ...base, preamble: '版本 0\n' } });
      await setup.close();
      const id = meta.id;

      let seed = 20261123;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const t0 = Date.now();
      let kills = 0;
      let recoveries = 0;
      let staleLocks = 0;
      let tempsLeft = 0;
      let savesFinished = 0;
      let killedMidSave = 0;
      let lastLoaded = 0;
      let next = 1;
      const seen = new Set<number>();
      while (kills < MIN_KILLS && Date.now() - t0 < TIME_BUDGET_MS) {
        const run = await runAndKill(bundle, dataDir, id, next, baseFile, rand);
        kills++;
        savesFinished += run.done.length;
        if (run.started.length > run.done.length) killedMidSave++;
        if (existsSync(join(dataDir, LOCK_FILE))) staleLocks++;
        tempsLeft += readdirSync(join(dataDir, 'reports')).filter((n) => n.includes('.tmp-')).length;

        const lock = await acquireWriterLock(dataDir);
        const store = await openStore(dataDir);
        try {
          const got = await store.getReport(id);
          if (got.recovery) recoveries++;
          ReportSchema.parse(got.report);
          const v = Number(/^版本 (\d+)\n/.exec(got.report.preamble ?? '')?.[1] ?? NaN);
          assert.ok(v === lastLoaded || run.started.includes(v), `kill ${kills}: loaded version ${v}, writer started ${run.started.join(',') || 'none'}, before ${lastLoaded}`);
          const lastDone = run.done.length ? run.done[run.done.length - 1] : lastLoaded;
          assert.ok(v >= lastDone, `kill ${kills}: loaded version ${v} is older than the last finished save ${lastDone}`);
          // The list entry and the revision history agree with the report file.
          const [listed] = await store.listReports();
          assert.equal(listed.revision, got.meta.revision, `kill ${kills}: list entry revision`);
          assert.deepEqual(await store.getRevision(id, got.meta.revision), got.report, `kill ${kills}: current revision file`);
          seen.add(v);
          lastLoaded = v;
          next = Math.max(next, ...run.started) + 1;
        } finally {
          await store.close();
          await lock.release();
        }
        assert.equal(readdirSync(join(dataDir, 'reports')).filter((n) => n.includes('.tmp-')).length, 0, 'temp files cleaned up on open');
      }
      const secs = (Date.now() - t0) / 1000;
      console.log(
        `crash-test: ${kills} kills in ${secs.toFixed(1)} s, ${killedMidSave} during a save, ${recoveries} recoveries needed, ` +
          `${seen.size} distinct versions seen (last ${lastLoaded}), ${savesFinished} saves finished, ${staleLocks} stale locks taken over, ${tempsLeft} temp files cleaned up`,
      );
      assert.ok(kills >= MIN_KILLS, `only ${kills} kills within the time budget`);
      assert.equal(recoveries, 0, 'atomic writes: a kill never damages the report file');
      assert.ok(killedMidSave > kills / 4, `kills landed mid-save ${killedMidSave} times`);
    } finally {
      t.done();
    }
  });
});
