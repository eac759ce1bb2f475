import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkHandlers } from '../../main/api/check-handlers.js';
import { importHandlers } from '../../main/api/import-handlers.js';
import type { AppContext } from '../../main/context.js';
import { runCli } from '../../main/cli/index.js';
import type { CliIO } from '../../main/cli/command.js';
import { importPath } from '../../main/import/index.js';
import { openStore } from '../../main/store/index.js';
import { fromInterchange } from '../../shared/model/interchange.js';
import { nextYearReport } from '../../shared/model/next-year.js';
import { checkReport } from '../../shared/rules/index.js';
import { fixture } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-next-year-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function io(cwd = dir): CliIO & { out: string; err: string } {
  const o = { out: '', err: '', env: { NIANBAO_DATA_DIR: join(dir, 'data-env') } as Record<string, string | undefined>, cwd } as CliIO & { out: string; err: string };
  o.stdout = (s) => void (o.out += s);
  o.stderr = (s) => void (o.err += s);
  return o;
}

describe('next year', () => {
  it('carries 结转 over, keeps 现行有效件数, blanks every other count, rewrites certain year mentions', async () => {
    const prev = (await importPath(fixture('documents/huaian-city-2024.pdf'))).report;
    const { report, mentions } = nextYearReport(prev, 'abc123');
    assert.equal(report.year, 2025);
    assert.equal(report.format, '2021');
    assert.equal(report.issuedOn, null);
    assert.deepEqual(report.tables.applications?.carriedIn, prev.tables.applications?.carriedOut);
    assert.equal(report.tables.active?.regulations?.inForce, 11);
    assert.equal(report.tables.active?.normativeDocs?.inForce, 66);
    assert.equal(report.tables.active?.regulations?.issued, null);
    assert.deepEqual(report.tables.applications?.new, [null, null, null, null, null, null, null]);
    assert.deepEqual(report.tables.reviews?.review, [null, null, null, null, null]);
    assert.deepEqual(report.provenance?.basedOn, { reportId: 'abc123', year: 2024, title: prev.title });
    assert.match(report.title ?? '', /2025年/);
    for (const m of mentions) {
      const [, section, i, field] = m.path.split('.');
      const part = report.sections[section as 'overview'][Number(i)];
      assert.equal((part as unknown as Record<string, string>)[field].slice(m.start, m.end), '2024');
    }
  });

  it('rewrites the statistics period and 「2024年，」 at a paragraph start, lists historical mentions', async () => {
    const prev = (await importPath(fixture('reports/zhongning-enhe-2024.txt'))).report;
    const { report, mentions } = nextYearReport(prev, null);
    assert.match(report.preamble ?? '', /统计期限为 2025 年 1 月 1 日至 2025 年 12 月 31 日/);
    assert.match(report.preamble ?? '', /《中宁县恩和镇 2025 年政府信息公开工作年度报告》/);
    assert.match(report.sections.overview[0].text, /^2025 年，恩和镇/);
    assert.match(report.sections.overview[1].text, /2023年度法治政府建设情况报告/);
    assert.ok(mentions.some((m) => m.path === 'sections.overview.1.text' && /2024年度预决算/.test(m.excerpt)));
  });

  it('rewrites a 起…止 period, a period with the second year left out and a year in a section heading', async () => {
    const longde = (await importPath(fixture('reports/longde-liancai-2019.txt'))).report;
    const a = nextYearReport(longde, null);
    assert.match(a.report.preamble ?? '', /统计期限自 2020 年 1 月 1 日起至 2020 年 12 月 31 日止/);
    assert.equal(a.report.headings?.overview, '2020 年联财镇政府信息公开总体情况');
    // 「在 2019 年联财镇政务公开工作总结的基础上」: the meaning is not certain, so it is listed, not changed.
    const left = a.mentions.filter((m) => m.path === 'preamble');
    assert.equal(left.length, 1);
    assert.equal(a.report.preamble?.slice(left[0].start, left[0].end), '2019');
    assert.match(left[0].excerpt, /工作总结/);
    const xingqing = (await importPath(fixture('reports/xingqing-zhangzheng-2023.txt'))).report;
    const b = nextYearReport(xingqing, null);
    assert.match(b.report.preamble ?? '', /统计数据从 2024 年 1 月 1 日至 12 月 31 日/);
    assert.ok(!b.mentions.some((m) => m.path === 'preamble'));
    // Last year's plan for this year (五 of 2023: 「2024年，我镇将…」) becomes this year's plan for next year.
    const yongning = (await importPath(fixture('reports/yongning-lijun-2023.txt'))).report;
    const c = nextYearReport(yongning, null);
    const plans = c.report.sections.problems.map((p) => p.text).join('\n');
    assert.match(plans, /2025年，我镇将认真贯彻落实/);
    assert.match(plans, /2024年，我镇在推进政府信息公开方面/); // the year under report, moved once
    assert.ok(!checkReport(c.report).some((f) => f.rule === 's.yearMentions'));
    // The checker agrees: the new drafts' statistics periods are right for their year.
    for (const r of [a.report, b.report]) assert.ok(!checkReport(r).some((f) => f.rule === 's.period'), r.title ?? '');
  });

  it('converts a 2019 report to the 2021 format with notes', async () => {
    const prev = (await importPath(fixture('reports/longde-liancai-2019.txt'))).report;
    prev.tables.active = { ...prev.tables.active, otherServices: { lastYear: 3, change: 1, decisions: 2 } };
    const { report, notes } = nextYearReport(prev, null);
    assert.equal(report.format, '2021');
    assert.equal(report.year, 2020);
    assert.equal(report.tables.active?.regulations?.inForce, 0);
    assert.ok(notes.some((n) => /2019 年格式/.test(n)));
    assert.ok(notes.some((n) => /其他对外管理服务事项/.test(n)));
    assert.ok(fromInterchange(JSON.parse(JSON.stringify(report))).ok);
  });

  it('API nextYear creates the new report in the store, importFile writes nothing', async () => {
    const dataDir = join(dir, 'data');
    const store = await openStore(dataDir);
    try {
      const ctx: AppContext = { store, host: { kind: 'browser' }, version: 'test' };
      const h = importHandlers(ctx);
      const data = readFileSync(fixture('reports/zhongning-enhe-2024.txt'));
      const imported = await h.importFile({ fileName: 'zhongning.txt', dataBase64: data.toString('base64') });
      assert.equal(imported.report.year, 2024);
      assert.equal((await store.listReports()).length, 0);
      const saved = await store.createReport({ year: 2024, report: imported.report });
      const next = await h.nextYear({ id: saved.meta.id });
      assert.equal(next.report.year, 2025);
      assert.equal(next.report.provenance?.basedOn?.reportId, saved.meta.id);
      assert.ok(next.mentions.length > 0);
      assert.equal((await store.listReports()).length, 2);
      // The link is what the cross-year rules use: last year's report comes back for the new one.
      const check = checkHandlers(ctx);
      assert.equal((await check.getPreviousReport({ id: next.meta.id }))?.year, 2024);
      const draft = structuredClone(next.report);
      assert.ok(!(await check.checkReport({ report: draft, id: next.meta.id })).some((f) => f.rule === 'b.carriedIn'));
      draft.tables.applications!.carriedIn = [5, 0, 0, 0, 0, 0, 5];
      const carried = (await check.checkReport({ report: draft, id: next.meta.id })).filter((f) => f.rule === 'b.carriedIn');
      assert.equal(carried.length, 1); // 自然人 (总计 is derived)
      assert.match(carried[0].message, /2024年度报告/);
    } finally {
      await store.close();
    }
  });

  it('CLI next-year writes <name>-<year+1>.nianbao.json and lists mentions on stderr', async () => {
    copyFileSync(fixture('reports/zhongning-enhe-2024.txt'), join(dir, 'zhongning-enhe-2024.txt'));
    const o = io();
    assert.equal(await runCli(['next-year', 'zhongning-enhe-2024.txt'], o), 0);
    const out = join(dir, 'zhongning-enhe-2025.nianbao.json');
    assert.ok(existsSync(out));
    const r = fromInterchange(JSON.parse(readFileSync(out, 'utf8')));
    assert.ok(r.ok && r.report.year === 2025);
    assert.match(o.err, /提到 2024 年/);
    const o2 = io();
    assert.equal(await runCli(['next-year', 'zhongning-enhe-2024.txt', '-o', '-'], o2), 0);
    assert.equal(JSON.parse(o2.out).year, 2025);
  });

  it('CLI import: summary, --json, --save, and exit 2 on an unreadable file', async () => {
    const o = io();
    assert.equal(await runCli(['import', fixture('reports/yongning-lijun-2023.txt')], o), 0);
    assert.match(o.out, /永宁县李俊镇人民政府/);
    assert.match(o.out, /表三：读到 12\/25 行/);
    // A relative path is read from the working directory the CLI was given.
    copyFileSync(fixture('documents/zhongning-enhe-2024.docx'), join(dir, 'relative.docx'));
    const j = io();
    assert.equal(await runCli(['import', 'relative.docx', '--json'], j), 0);
    assert.equal(JSON.parse(j.out).tables.active.penalty.decisions, 8);
    assert.match(j.err, /找到/);
    const s = io();
    const dataDir = join(dir, 'data-cli');
    assert.equal(await runCli(['import', fixture('reports/longde-liancai-2019.txt'), '--save', '--data-dir', dataDir], s), 0);
    assert.match(s.out, /已保存为报告/);
    const store = await openStore(dataDir);
    try {
      const list = await store.listReports();
      assert.equal(list.length, 1);
      assert.equal(list[0].year, 2019);
    } finally {
      await store.close();
    }
    writeFileSync(join(dir, 'bad.docx'), 'not a zip');
    const b = io();
    assert.equal(await runCli(['import', join(dir, 'bad.docx'), '--save', '--data-dir', join(dir, 'data-bad')], b), 2);
    assert.equal(b.err.trim().split('\n').length, 1);
    assert.ok(!existsSync(join(dir, 'data-bad')));
  });
});
