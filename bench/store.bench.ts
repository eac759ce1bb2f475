/**
 * Store benchmarks (issue 2 §7): save latency with 10 and with 500 reports in the store, and the
 * cold open of a 500-report store in a new process. Reports are complete and realistic: the
 * figures of a real township report and ~11 000 characters of its prose. Every save changes the
 * content (as autosave does while the clerk types), so each one writes a revision.
 *
 * Targets: save p95 < 15 ms; p95 with 500 within 1.5× of p95 with 10; cold open < 300 ms.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../shared/model/report.js';
import { emit, stats } from './harness.js';

const SAVES = 600;
const WARMUP = 20;
const COLD_RUNS = 7;

async function fill(dir: string, n: number, base: Report): Promise<{ ids: string[] }> {
  const { openStore } = await import('../main/store/index.js');
  const store = await openStore(dir);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const year = 2015 + (i % 10);
    const office = { ...base.office, name: `第${Math.floor(i / 10) + 1}镇人民政府` };
    const { meta } = await store.createReport({ year, report: { ...base, year, office } });
    ids.push(meta.id);
  }
  await store.close();
  return { ids };
}

/**
 * Saves alternate between the two stores, so that both see the same machine (other processes,
 * disk flushes, JIT warm-up) and the ratio compares like with like.
 */
async function saveLatencies(stores: { dir: string; ids: string[] }[], base: Report, floorDir: string): Promise<{ samples: number[][]; floor: number[] }> {
  const { openStore } = await import('../main/store/index.js');
  const { writeFileDurable } = await import('../main/store/durable-file.js');
  const opened = await Promise.all(stores.map((s) => openStore(s.dir)));
  const samples: number[][] = stores.map(() => []);
  // The floor: one bare durable write of the same size (temp, fsync, rename, fsync folder),
  // interleaved with the saves, so a loaded machine shows in both figures alike.
  const floor: number[] = [];
  const floorFile = join(floorDir, 'floor.json');
  for (let i = 0; i < WARMUP + SAVES; i++) {
    const f0 = performance.now();
    await writeFileDurable(floorFile, JSON.stringify({ i, report: base }));
    if (i >= WARMUP) floor.push(performance.now() - f0);
    // A keystroke's worth of change in the middle of the prose.
    const overview = base.sections.overview.map((p, j) => (j === 3 ? { ...p, text: `${p.text}${'改'.repeat(i % 50)}${i}` } : p));
    const report = { ...base, sections: { ...base.sections, overview } };
    for (let k = 0; k < stores.length; k++) {
      const ids = stores[k].ids;
      const t0 = performance.now();
      await opened[k].saveReport(ids[Math.floor(ids.length / 2)], report, { findings: { errors: 0, warnings: i % 3, infos: 1 } });
      const ms = performance.now() - t0;
      if (i >= WARMUP) samples[k].push(ms);
    }
  }
  for (const s of opened) await s.close();
  return { samples, floor };
}

/** In a fresh process: the time to openStore + listReports (and, apart, the module loading before it). */
function coldOpen(dir: string): { open: number; withImport: number; count: number } {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--cold-open', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cold open child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { open: number; withImport: number; count: number };
}

async function coldOpenChild(dir: string): Promise<void> {
  const t0 = performance.now();
  const { openStore } = await import('../main/store/index.js');
  const t1 = performance.now();
  const store = await openStore(dir, { readOnly: false });
  const list = await store.listReports();
  const t2 = performance.now();
  await store.close();
  process.stdout.write(JSON.stringify({ open: t2 - t1, withImport: t2 - t0, count: list.length }) + '\n');
}

async function main(): Promise<void> {
  const { realisticReport, proseLength } = await import('../tests/store/helpers.js');
  const base = realisticReport();
  const results: Record<number, ReturnType<typeof stats>> = {};
  const dirs: string[] = [];
  try {
    const sizes = [10, 500];
    const filled: { dir: string; ids: string[] }[] = [];
    for (const n of sizes) {
      const dir = mkdtempSync(join(tmpdir(), `nianbao-bench-${n}-`));
      dirs.push(dir);
      filled.push({ dir, ...(await fill(dir, n, base)) });
    }
    const floorDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-floor-'));
    dirs.push(floorDir);
    const { samples, floor } = await saveLatencies(filled, base, floorDir);
    const f = stats(floor);
    emit('store', 'durable_write_floor_p95', f.p95, 'ms', { n: f.n, median: Math.round(f.median * 1000) / 1000, what: 'one bare temp+fsync+rename+fsync-folder write of a report, interleaved (a save does this plus a journal fdatasync)' });
    sizes.forEach((n, k) => {
      const s = stats(samples[k]);
      results[n] = s;
      emit('store', `save_median_${n}_reports`, s.median, 'ms', { n: s.n, proseChars: proseLength(base) });
      // fsync stalls dominate the tail: the machine's load is part of the figure.
      emit('store', `save_p95_${n}_reports`, s.p95, 'ms', { n: s.n, max: Math.round(s.max * 1000) / 1000, target: '< 15', loadavg1: loadavg()[0] });
    });
    emit('store', 'save_p95_ratio_500_vs_10', results[500].p95 / results[10].p95, 'x', { target: '<= 1.5', medianRatio: Math.round((results[500].median / results[10].median) * 1000) / 1000 });

    const runs = Array.from({ length: COLD_RUNS }, () => coldOpen(dirs[1]));
    if (runs.some((r) => r.count !== 500)) throw new Error(`cold open listed ${runs.map((r) => r.count).join(',')} reports`);
    const open = stats(runs.map((r) => r.open));
    const withImport = stats(runs.map((r) => r.withImport));
    emit('store', 'cold_open_500_reports', open.median, 'ms', { n: open.n, max: open.max, target: '< 300', what: 'new process: openStore + listReports' });
    emit('store', 'cold_open_500_reports_with_module_load', withImport.median, 'ms', { n: withImport.n, max: withImport.max });
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

const i = process.argv.indexOf('--cold-open');
await (i >= 0 ? coldOpenChild(process.argv[i + 1]) : main());
