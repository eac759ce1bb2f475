import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBuffer } from '../main/import/index.js';
import { FIXTURES } from '../tests/helpers/fixtures.js';
import { emit, stats, time } from './harness.js';

/** Import time per fixture format (median of repeated runs after one warm-up). */
const CASES: { label: string; file: string; runs: number }[] = [
  { label: 'txt', file: join(FIXTURES, 'reports/zhongning-enhe-2024.txt'), runs: 30 },
  { label: 'txt-2019', file: join(FIXTURES, 'reports/longde-liancai-2019.txt'), runs: 30 },
  { label: 'html', file: new URL('../tests/import/fixtures/zhongning-enhe-2024.html', import.meta.url).pathname, runs: 30 },
  { label: 'html-county', file: new URL('../tests/import/fixtures/zhongning-enhe-2024.county.html', import.meta.url).pathname, runs: 30 },
  { label: 'mhtml', file: new URL('../tests/import/fixtures/zhongning-enhe-2024.mhtml', import.meta.url).pathname, runs: 30 },
  { label: 'docx', file: join(FIXTURES, 'documents/zhongning-enhe-2024.docx'), runs: 20 },
  { label: 'docx-blank-form', file: join(FIXTURES, 'documents/template-2021-blank.docx'), runs: 20 },
  { label: 'doc', file: join(FIXTURES, 'documents/zhongning-enhe-2024.doc'), runs: 20 },
  { label: 'pdf', file: join(FIXTURES, 'documents/zhongning-enhe-2024.pdf'), runs: 10 },
  { label: 'pdf-huaian', file: join(FIXTURES, 'documents/huaian-city-2024.pdf'), runs: 10 },
];

for (const c of CASES) {
  const data = new Uint8Array(readFileSync(c.file));
  const name = c.file.split('/').pop() ?? c.label;
  await importBuffer(name, data);
  const samples: number[] = [];
  for (let i = 0; i < c.runs; i++) samples.push((await time(() => importBuffer(name, data))).ms);
  const s = stats(samples);
  emit('import', `import_${c.label}_median`, s.median, 'ms', { p95: Math.round(s.p95 * 10) / 10, n: s.n, bytes: data.length });
}
