import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/api.js';
import { toInterchange } from '../../shared/model/interchange.js';
import { ReportSchema } from '../../shared/model/report.js';
import { importBuffer, importPath } from '../../main/import/index.js';
import { fixture } from '../helpers/fixtures.js';

/** Runs in a worker so the test can stop it if a mutated file ever made the importer hang. */

interface Seed {
  name: string;
  data: Uint8Array;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seeds(): Promise<Seed[]> {
  const file = (p: string) => ({ name: p.split('/').pop() ?? p, data: new Uint8Array(readFileSync(fixture(p))) });
  const json = toInterchange((await importPath(fixture('reports/zhongning-enhe-2024.txt'))).report);
  return [
    file('reports/zhongning-enhe-2024.txt'),
    file('reports/yongning-lijun-2023.txt'),
    file('reports/longde-liancai-2019.txt'),
    file('reports/xingqing-zhangzheng-2023.txt'),
    { name: 'zhongning.html', data: new Uint8Array(readFileSync(new URL('./fixtures/zhongning-enhe-2024.html', import.meta.url))) },
    { name: 'county.html', data: new Uint8Array(readFileSync(new URL('./fixtures/zhongning-enhe-2024.county.html', import.meta.url))) },
    { name: 'chrome.mhtml', data: new Uint8Array(readFileSync(new URL('./fixtures/zhongning-enhe-2024.mhtml', import.meta.url))) },
    { name: 'zhongning.nianbao.json', data: new TextEncoder().encode(JSON.stringify(json)) },
    file('documents/zhongning-enhe-2024.docx'),
    file('documents/template-2021-blank.docx'),
    file('documents/zhongning-enhe-2024.doc'),
    file('documents/zhongning-enhe-2024.pdf'),
    file('documents/huaian-city-2024.pdf'),
  ];
}

function mutate(rand: () => number, base: Seed, other: Seed): Seed {
  const pick = rand();
  const d = base.data;
  if (pick < 0.45) {
    const out = d.slice();
    const flips = 1 + Math.floor(rand() * 24);
    for (let k = 0; k < flips; k++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
    return { name: base.name, data: out };
  }
  if (pick < 0.7) return { name: base.name, data: d.slice(0, Math.floor(rand() * d.length)) };
  if (pick < 0.9) {
    const a = Math.floor(rand() * d.length);
    const b = Math.floor(rand() * other.data.length);
    const out = new Uint8Array(a + other.data.length - b);
    out.set(d.subarray(0, a), 0);
    out.set(other.data.subarray(b), a);
    return { name: base.name, data: out };
  }
  // A block of the file repeated or removed.
  const a = Math.floor(rand() * d.length);
  const len = Math.floor(rand() * Math.min(4096, d.length - a));
  const out = rand() < 0.5 ? new Uint8Array([...d.subarray(0, a), ...d.subarray(a + len)]) : new Uint8Array([...d.subarray(0, a + len), ...d.subarray(a, a + len), ...d.subarray(a + len)]);
  return { name: base.name, data: out };
}

const { seed, count } = workerData as { seed: number; count: number };
const rand = mulberry32(seed);
const all = await seeds();
// PDFs are the slowest to read: fewer of them, more of the rest.
const weights = [3, 2, 2, 2, 1, 1, 2, 3, 2, 2, 1, 1];
const total = weights.reduce((a, b) => a + b, 0);
const choose = () => {
  let r = rand() * total;
  for (let k = 0; k < all.length; k++) if ((r -= weights[k]) < 0) return all[k];
  return all[0];
};
for (let i = 0; i < count; i++) {
  const base = choose();
  const m = mutate(rand, base, all[Math.floor(rand() * all.length)]);
  parentPort?.postMessage({ type: 'start', i, name: m.name, size: m.data.length });
  const t0 = performance.now();
  let outcome: string;
  let detail = '';
  try {
    const r = await importBuffer(m.name, m.data);
    outcome = ReportSchema.safeParse(r.report).success ? 'report' : 'invalid';
  } catch (e) {
    if (e instanceof ApiError && e.code === 'import_failed' && /[\u4e00-\u9fff]/.test(e.message)) outcome = 'refused';
    else {
      outcome = 'crash';
      detail = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
    }
  }
  parentPort?.postMessage({ type: 'done', i, name: m.name, outcome, detail, ms: performance.now() - t0 });
}
parentPort?.postMessage({ type: 'end' });
