/**
 * The checker runs on every keystroke: a full check of a complete report (every table filled,
 * about 10,000 characters of prose) must stay well under a frame. And a county office checks a
 * folder of township reports at once: time per file through the CLI's own code path.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyTotals, blankReport, generatePreamble, setCells, toInterchange } from '../shared/model/index.js';
import type { Report } from '../shared/model/index.js';
import { eachCell } from '../shared/model/index.js';
import { getTemplate, TABLE_IDS } from '../shared/templates/index.js';
import type { CellRef } from '../shared/templates/index.js';
import { checkReport, clearTextCache } from '../shared/rules/index.js';
import { runCli } from '../main/cli/index.js';
import { FIXTURES } from '../tests/helpers/fixtures.js';
import { emit, stats } from './harness.js';

const OFFICE = { name: '中宁县恩和镇人民政府', county: '中宁县', address: '中宁县恩和镇恩和街', postcode: '755100', phone: '0955-5710003', website: 'https://www.znzf.gov.cn' };

/** Sentences of a real report (zhongning-enhe-2024), repeated to the length of a long one. */
const SENTENCES = [
  '2024年我镇政府信息公开严格按照相关要求，主动公开2024年度预决算、2023年度法治政府建设情况报告、机构职能和人员编制规定等政府信息19条。',
  '通过“中宁县恩和镇人民政府”微信公众号平台发布爱国教育、安全知识、惠民政策、环境卫生整治等各类信息共408篇，关注人数4109人，各类信息累计浏览15.3万次。',
  '恩和镇严格按照要求，完善公开申请登记、审核、办理、答复、归档等工作制度，依法依规做好政府信息依申请公开，收到依申请公开 4 件，已办结，因政府信息公开申请引起行政复议1件，无行政诉讼情况。',
  '我镇高度重视政府信息公开工作，结合全镇工作实际，认真组织实施，规范政府信息公开工作，做到任务明确、措施具体、责任到人。',
  '以政府网站为“主平台”，坚持把群众最关心的事项和社会关注的热点作为重点，按照上级的时间规定，及时更新维护政务公开网站和公众号中的信息。',
  '全年作出行政处罚8件，制发行政规范性文件 2 件，均已按规定公开。',
];

function completeReport(targetChars: number): Report {
  const year = 2024;
  const r = blankReport(year, OFFICE);
  r.preamble = generatePreamble(OFFICE, year);
  r.issuedOn = '2025-01-20';
  const changes: { ref: CellRef; value: number }[] = [];
  for (const id of TABLE_IDS) for (const c of eachCell(getTemplate('2021').tables[id])) if (!c.derived) changes.push({ ref: { table: c.table, row: c.row, col: c.col }, value: 0 });
  const set = (ref: CellRef, value: number) => changes.push({ ref, value });
  set({ table: 'applications', row: 'new', col: 'natural' }, 3);
  set({ table: 'applications', row: 'new', col: 'commercial' }, 1);
  set({ table: 'applications', row: 'granted', col: 'natural' }, 2);
  set({ table: 'applications', row: 'unable.notHeld', col: 'natural' }, 1);
  set({ table: 'applications', row: 'denied.thirdParty', col: 'commercial' }, 1);
  set({ table: 'reviews', row: 'review', col: 'corrected' }, 1);
  set({ table: 'active', row: 'penalty', col: 'decisions' }, 8);
  set({ table: 'active', row: 'normativeDocs', col: 'issued' }, 2);
  set({ table: 'active', row: 'normativeDocs', col: 'inForce' }, 12);
  set({ table: 'active', row: 'fees', col: 'amountWanYuan' }, 1.25);
  r.tables = setCells('2021', r.tables, changes);
  const parts = ['（一）主动公开方面', '（二）依申请公开方面', '（三）政府信息管理方面', '（四）平台建设情况', '（五）监督保障方面'];
  const overview = parts.map((heading) => ({ heading, text: '' }));
  let n = 0;
  for (let i = 0; n < targetChars - 600; i++) {
    const s = SENTENCES[i % SENTENCES.length];
    overview[i % overview.length].text += s;
    n += s.length;
  }
  r.sections = {
    overview,
    problems: [
      { heading: '（一）存在的主要问题', text: '信息公开决策全过程公开不够全面、及时，答复群众依申请公开不够及时，各村村务公开较薄弱，人员素质不齐，栏目更新不够及时规范等问题。' },
      { heading: '（二）改进情况', text: '2025年，我镇将强化公开主体责任，细化信息公开内容，明确公开范围，加强事前事中的政府信息及时公开，做到依法公开、全量公开、按时公开。' },
    ],
    other: [{ heading: '（一）信息处理费收取情况', text: '2024 年，恩和镇未收取信息处理费。' }],
  };
  return applyTotals(r);
}

const report = completeReport(10_000);
const proseChars = (report.preamble ?? '').length + [...report.sections.overview, ...report.sections.problems, ...report.sections.other].reduce((a, p) => a + p.heading.length + p.text.length, 0);
const sanity = checkReport(report);
if (sanity.length !== 0) throw new Error(`bench report is not clean: ${sanity.map((f) => f.rule + ' ' + f.message).join('\n')}`);

// Warm up the JIT, then time checks two ways:
// - cold: a report never seen before (the text cache emptied each time): every field scanned;
// - keystroke: what the editor does — one character typed into the longest prose part, the
//   other fields unchanged (their scans are remembered by text).
for (let i = 0; i < 300; i++) {
  clearTextCache();
  checkReport(report);
}
function measure(label: string, prepare: (i: number) => Report, target: { median: string; p99: string }) {
  const samples: number[] = [];
  // CPU time of the thread as well: on a shared, loaded machine the wall-clock tail is mostly
  // the scheduler, and the CPU figure shows what the check itself costs.
  const cpu: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const r = prepare(i);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    checkReport(r);
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const s = stats(samples);
  const c = stats(cpu);
  const load = loadavg()[0];
  emit('check', `${label}, median`, s.median, 'ms', { proseChars, target: target.median, load });
  emit('check', `${label}, p95`, s.p95, 'ms', { proseChars, load });
  emit('check', `${label}, p99`, s.p99, 'ms', { proseChars, target: target.p99, load });
  emit('check', `${label}, CPU time median`, c.median, 'ms', { proseChars });
  emit('check', `${label}, CPU time p99`, c.p99, 'ms', { proseChars });
}
measure(
  'full check cold',
  () => {
    clearTextCache();
    return report;
  },
  { median: '< 1 ms', p99: '< 3 ms' },
);
const longest = report.sections.overview.reduce((best, p, i, all) => (p.text.length > all[best].text.length ? i : best), 0);
measure(
  'full check after a keystroke',
  (i) => {
    const overview = report.sections.overview.map((p, k) => (k === longest ? { ...p, text: p.text + '字'.repeat(1 + (i % 7)) + String(i) } : p));
    return { ...report, sections: { ...report.sections, overview } };
  },
  { median: '< 1 ms', p99: '< 3 ms' },
);

// Batch: 100 report files in a folder, checked by `nianbao check FOLDER --json` exactly as a county office runs it.
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-check-'));
try {
  const towns = ['恩和镇', '鸣沙镇', '白马乡', '余丁乡', '宁安镇', '石空镇', '新堡镇', '大战场镇', '喊叫水乡', '徐套乡'];
  for (let i = 0; i < 100; i++) {
    const r = structuredClone(report);
    r.office.name = `中宁县${towns[i % towns.length]}${i}人民政府`;
    writeFileSync(join(dir, `report-${String(i).padStart(3, '0')}.nianbao.json`), JSON.stringify(toInterchange(r)));
  }
  const runs: number[] = [];
  let bytes = 0;
  for (let k = 0; k < 5; k++) {
    let out = '';
    const t0 = performance.now();
    const code = await runCli(['check', dir, '--json'], { stdout: (x) => void (out += x), stderr: () => undefined, env: {}, cwd: dir });
    runs.push(performance.now() - t0);
    if (code !== 0) throw new Error(`batch check exited ${code}`);
    bytes = out.length;
  }
  const b = stats(runs);
  emit('check', 'batch of 100 files, total (median of 5)', b.median, 'ms', { files: 100, outputChars: bytes });
  emit('check', 'batch, per file', b.median / 100, 'ms', { files: 100, note: 'read + import (.nianbao.json) + check + JSON output' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The same through the files a county office really receives: Word, old Word, PDF and text,
// 100 copies of the fixtures (each read by the importer, then checked).
const docs = mkdtempSync(join(tmpdir(), 'nianbao-bench-check-docs-'));
try {
  const sources = [
    'reports/zhongning-enhe-2024.txt',
    'reports/yongning-lijun-2023.txt',
    'documents/zhongning-enhe-2024.docx',
    'documents/zhongning-enhe-2024.doc',
    'documents/zhongning-enhe-2024.pdf',
    'documents/huaian-city-2024.pdf',
  ];
  const kinds: Record<string, number> = {};
  for (let i = 0; i < 100; i++) {
    const src = sources[i % sources.length];
    const ext = src.slice(src.lastIndexOf('.'));
    kinds[ext] = (kinds[ext] ?? 0) + 1;
    copyFileSync(join(FIXTURES, src), join(docs, `report-${String(i).padStart(3, '0')}${ext}`));
  }
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const code = await runCli(['check', docs, '--json'], { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: docs });
    runs.push(performance.now() - t0);
    if (code === 2) throw new Error('batch check of documents could not read a file');
  }
  const b = stats(runs);
  emit('check', 'batch of 100 documents (.txt/.docx/.doc/.pdf), total (median of 3)', b.median, 'ms', { files: 100, kinds: JSON.stringify(kinds), load: loadavg()[0] });
  emit('check', 'batch of documents, per file', b.median / 100, 'ms', { files: 100, note: 'read + import (Word/PDF/text) + check + JSON output' });
} finally {
  rmSync(docs, { recursive: true, force: true });
}
