import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';

/**
 * 1,200 mutated fixture files (byte flips, truncations, splices, repeated/removed blocks) over
 * every format, seeded so a failure is reproducible. Each must give a schema-valid report or an
 * ApiError('import_failed') in Chinese; a file taking over 10 s counts as a hang.
 */
const COUNT = 1200;
const SEED = 20250131;
const PER_FILE_MS = 10_000;
const TOTAL_MS = 150_000;

describe('import fuzz', () => {
  it(`${COUNT} mutated files: report or Chinese refusal, never a crash or hang`, { timeout: TOTAL_MS + 20_000 }, async () => {
    // Workers do not inherit the tsx loader: the worker loads it itself, then the TypeScript file.
    const entry = new URL('./fuzz-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
    const worker = new Worker(boot, { eval: true, workerData: { seed: SEED, count: COUNT } });
    const counts: Record<string, number> = { report: 0, refused: 0, crash: 0, invalid: 0 };
    const byType: Record<string, number> = {};
    const problems: string[] = [];
    let current = '';
    let slowest = 0;
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          void worker.terminate();
          reject(new Error(`导入卡住超过 ${PER_FILE_MS} ms：${current}`));
        }, PER_FILE_MS);
      };
      arm();
      worker.on('message', (m: { type: string; i: number; name: string; outcome: string; detail: string; ms: number; size: number }) => {
        if (m.type === 'start') {
          current = `#${m.i} ${m.name} (${m.size} 字节)`;
          arm();
        } else if (m.type === 'done') {
          counts[m.outcome] = (counts[m.outcome] ?? 0) + 1;
          const ext = m.name.replace(/^.*?\./, '');
          byType[ext] = (byType[ext] ?? 0) + 1;
          slowest = Math.max(slowest, m.ms);
          if (m.outcome === 'crash' || m.outcome === 'invalid') problems.push(`#${m.i} ${m.name}: ${m.outcome} ${m.detail.slice(0, 400)}`);
          if (Date.now() - started > TOTAL_MS) {
            void worker.terminate();
            reject(new Error('fuzz run over its time budget'));
          }
        } else if (m.type === 'end') {
          if (timer) clearTimeout(timer);
          resolve();
        }
      });
      worker.on('error', (e) => {
        if (timer) clearTimeout(timer);
        reject(e);
      });
    });
    await worker.terminate();
    const done = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `# fuzz: ${done} files (${Object.entries(byType).map(([k, v]) => `${k} ${v}`).join(', ')}): ${counts.report} read, ${counts.refused} refused with a Chinese message, ${counts.crash} crashed, ${counts.invalid} invalid; slowest ${Math.round(slowest)} ms; ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
    assert.deepEqual(problems, []);
    assert.equal(done, COUNT);
  });
});
