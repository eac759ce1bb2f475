/**
 * One cold export in a fresh process, for bench/export.bench.ts: loading the writers, finding and
 * parsing the fonts, writing the file. Prints {"ms", "bytes", "pages"} on stdout.
 */
import { readFileSync } from 'node:fs';
import type { Report } from '../shared/model/report.js';

const [kind, reportFile] = process.argv.slice(2) as ['pdf' | 'docx', string];
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
const t0 = performance.now();
const { exportBytes } = await import('../main/export/index.js');
const out = await exportBytes(report, kind, null);
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, bytes: out.data.length, pages: out.pages ?? null }) + '\n');
