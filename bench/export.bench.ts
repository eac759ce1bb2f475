import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { exportBytes } from '../main/export/index.js';
import { importPath } from '../main/import/index.js';
import { FIXTURES, ROOT } from '../tests/helpers/fixtures.js';
import { emit, stats, time } from './harness.js';

/**
 * Export of a complete report (淮安 2024: every table filled, 7 pages): our PDF and DOCX, warm
 * (in this process, after one export) and cold (a fresh process: modules, font search and
 * parsing included), against LibreOffice converting our DOCX to PDF on the same report.
 * Targets (issue 6): PDF warm < 300 ms, DOCX < 100 ms, ≥ 10× faster than LibreOffice, our PDF
 * no larger than LibreOffice's. Bounded: a few runs; soffice takes seconds each.
 */
const WARM_RUNS = 10;
const COLD_RUNS = 3;
const SOFFICE_RUNS = 2;

const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-export-'));
mkdirSync(join(ROOT, 'dist'), { recursive: true });
try {
  const report = (await importPath(join(FIXTURES, 'documents/huaian-city-2024.pdf'))).report;
  const reportFile = join(dir, 'report.json');
  writeFileSync(reportFile, JSON.stringify(report));

  const warm = async (kind: 'pdf' | 'docx') => {
    const first = await exportBytes(report, kind, null);
    const samples: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) samples.push((await time(() => exportBytes(report, kind, null))).ms);
    return { s: stats(samples), out: first };
  };
  // The cold child as the app ships it: one esbuild bundle (packages external), not tsx, whose
  // on-the-fly compiling would be most of a cold start here. Inside the project, so that the
  // packages and assets/fonts resolve as in the app.
  const childDir = mkdtempSync(join(ROOT, 'dist', '.bench-export-'));
  const child = join(childDir, 'child.mjs');
  await build({ entryPoints: [join(ROOT, 'bench', 'export-cold-child.ts')], outfile: child, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
  const cold = (kind: 'pdf' | 'docx') => {
    const samples: number[] = [];
    let wall = 0;
    for (let i = 0; i < COLD_RUNS; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [child, kind, reportFile], { encoding: 'utf8' });
      wall = Math.max(wall, performance.now() - t0);
      if (r.status !== 0) throw new Error(`cold ${kind} export failed: ${r.stderr}`);
      samples.push((JSON.parse(r.stdout.trim()) as { ms: number }).ms);
    }
    return { s: stats(samples), wall };
  };

  const pdf = await warm('pdf');
  emit('export', 'pdf_warm_median', pdf.s.median, 'ms', { p95: Math.round(pdf.s.p95), n: pdf.s.n, pages: pdf.out.pages, bytes: pdf.out.data.length, target: '< 300' });
  const docx = await warm('docx');
  emit('export', 'docx_warm_median', docx.s.median, 'ms', { p95: Math.round(docx.s.p95), n: docx.s.n, bytes: docx.out.data.length, target: '< 100' });
  const pdfCold = cold('pdf');
  emit('export', 'pdf_cold_median', pdfCold.s.median, 'ms', { n: pdfCold.s.n, note: 'fresh process, bundled: modules, font search and parsing, export', processWallMax: Math.round(pdfCold.wall) });
  const docxCold = cold('docx');
  emit('export', 'docx_cold_median', docxCold.s.median, 'ms', { n: docxCold.s.n, processWallMax: Math.round(docxCold.wall) });

  // LibreOffice on our DOCX, with a profile of its own (not to meet another soffice's lock).
  const docxFile = join(dir, 'report.docx');
  writeFileSync(docxFile, docx.out.data);
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  const lo: number[] = [];
  for (let i = 0; i < SOFFICE_RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile], { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    lo.push(performance.now() - t0);
  }
  const loBytes = statSync(join(dir, 'report.pdf')).size;
  const loPages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
  // The first run also creates the profile; the later ones are what a warm LibreOffice costs.
  const loMs = Math.min(...lo);
  emit('export', 'libreoffice_docx_to_pdf', loMs, 'ms', { runs: lo.map(Math.round), bytes: loBytes, pages: loPages });
  emit('export', 'speedup_pdf_warm_vs_libreoffice', loMs / pdf.s.median, 'x', { target: '>= 10' });
  emit('export', 'speedup_pdf_cold_vs_libreoffice', loMs / pdfCold.s.median, 'x');
  emit('export', 'speedup_docx_warm_vs_libreoffice', loMs / docx.s.median, 'x');
  emit('export', 'pdf_size_vs_libreoffice', pdf.out.data.length / loBytes, 'ratio', { ours: pdf.out.data.length, libreoffice: loBytes, target: '<= 1' });
  emit('export', 'pages_ours_vs_libreoffice', (pdf.out.pages ?? 0) - loPages, 'pages', { ours: pdf.out.pages, libreoffice: loPages });
} finally {
  rmSync(dir, { recursive: true, force: true });
  for (const d of readdirSync(join(ROOT, 'dist'))) if (d.startsWith('.bench-export-')) rmSync(join(ROOT, 'dist', d), { recursive: true, force: true });
}
