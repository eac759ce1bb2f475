import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { exportBytes } from '../../main/export/index.js';
import { importBuffer, importPath } from '../../main/import/index.js';
import { toInterchange } from '../../shared/model/interchange.js';
import { ReportSchema } from '../../shared/model/report.js';
import { fixture } from '../helpers/fixtures.js';

/** Every fixture in expected/: each given field and cell must match, each null must be null. */

const SOURCES: Record<string, string[]> = {
  'zhongning-enhe-2024': [
    'reports/zhongning-enhe-2024.txt',
    'documents/zhongning-enhe-2024.docx',
    'documents/zhongning-enhe-2024.doc',
    'documents/zhongning-enhe-2024.pdf',
    // Ours: the .docx saved as a web page by LibreOffice (rowspan/colspan), re-encoded GBK with a gb2312 meta.
    'local:zhongning-enhe-2024.county.html',
    // Ours: the .txt as a simple page (entities, script/style to skip).
    'local:zhongning-enhe-2024.html',
    // Ours: the county page saved by Chromium as 网页，单个文件 (MIME, quoted-printable, GBK).
    'local:zhongning-enhe-2024.mhtml',
  ],
  'yongning-lijun-2023': ['reports/yongning-lijun-2023.txt'],
  'xingqing-zhangzheng-2023': ['reports/xingqing-zhangzheng-2023.txt'],
  'longde-liancai-2019': ['reports/longde-liancai-2019.txt'],
  'huaian-city-2024': ['documents/huaian-city-2024.pdf'],
  'template-2021-blank': ['documents/template-2021-blank.docx'],
};

type Json = Record<string, unknown>;

function compare(expected: Json, got: Json): { matched: number; total: number; wrong: string[] } {
  let matched = 0;
  let total = 0;
  const wrong: string[] = [];
  const check = (path: string, want: unknown, have: unknown) => {
    total++;
    if (want === have || (want === null && have === undefined)) matched++;
    else wrong.push(`${path}: 应为 ${JSON.stringify(want)}，读到 ${JSON.stringify(have)}`);
  };
  for (const k of ['format', 'year', 'issuedOn']) if (k in expected) check(k, expected[k], got[k]);
  const office = expected.office as Json | undefined;
  if (office) for (const [k, v] of Object.entries(office)) check(`office.${k}`, v, (got.office as Json)[k] ?? null);
  const et = expected.tables as Record<string, Json | null>;
  const gt = got.tables as Record<string, Json | null>;
  for (const [tid, table] of Object.entries(et)) {
    if (table === null) {
      check(`tables.${tid}`, null, gt[tid]);
      continue;
    }
    for (const [row, want] of Object.entries(table)) {
      const have = (gt[tid]?.[row] ?? null) as Json | unknown[] | null;
      if (want === null) {
        total++;
        const cells = have === null ? [] : Array.isArray(have) ? have : Object.values(have);
        if (cells.every((c) => c === null)) matched++;
        else wrong.push(`tables.${tid}.${row}: 应为空（文件中没有），读到 ${JSON.stringify(have)}`);
        continue;
      }
      const entries = Array.isArray(want) ? want.map((v, i) => [String(i), v] as const) : Object.entries(want as Json);
      for (const [col, v] of entries) {
        const h = have === null ? null : Array.isArray(have) ? have[Number(col)] : (have as Json)[col];
        check(`tables.${tid}.${row}.${col}`, v, h);
      }
    }
  }
  return { matched, total, wrong };
}

describe('import: every fixture reads as expected/*.json', () => {
  const expectedFiles = readdirSync(fixture('expected')).filter((f) => f.endsWith('.json'));
  it('has a source for every expected file', () => {
    for (const f of expectedFiles) assert.ok(SOURCES[f.replace(/\.json$/, '')], `no source listed for ${f}`);
  });
  for (const f of expectedFiles) {
    const name = f.replace(/\.json$/, '');
    for (const src of SOURCES[name] ?? []) {
      it(`${src}`, async () => {
        const expected = JSON.parse(readFileSync(fixture('expected', f), 'utf8')) as Json;
        const res = await importPath(src.startsWith('local:') ? new URL(`./fixtures/${src.slice(6)}`, import.meta.url).pathname : fixture(src));
        assert.ok(ReportSchema.safeParse(res.report).success);
        const { matched, total, wrong } = compare(expected, res.report as unknown as Json);
        process.stdout.write(`# ${src}: ${matched}/${total} matched\n`);
        assert.deepEqual(wrong, []);
        assert.equal(res.report.provenance?.importedFrom?.fileName, src.replace(/^local:/, '').split('/').pop());
      });
    }
  }

  it('the blank form is a 2021 report with every cell null', async () => {
    const res = await importPath(fixture('documents/template-2021-blank.docx'));
    assert.equal(res.report.format, '2021');
    for (const t of Object.values(res.report.tables)) {
      assert.ok(t);
      for (const row of Object.values(t)) for (const v of Array.isArray(row) ? row : Object.values(row ?? {})) assert.equal(v, null);
    }
  });

  it('finds title, office contacts, sub-parts and 成文日期', async () => {
    const z = await importPath(fixture('reports/zhongning-enhe-2024.txt'));
    assert.equal(z.report.title, '中宁县恩和镇2024年政府信息公开工作年度报告');
    assert.equal(z.report.office.postcode, '755100');
    assert.equal(z.report.office.phone, '0955-5710003');
    assert.equal(z.report.office.email, 'znxehz@163.com');
    assert.deepEqual(
      z.report.sections.overview.map((p) => p.heading),
      ['', '（一）主动公开方面', '（二）依申请公开方面', '（三）政府信息管理方面', '（四）平台建设情况', '（五）监督保障方面'],
    );
    assert.match(z.report.sections.other.at(-1)?.text ?? '', /未收取信息处理费/);
    const x = await importPath(fixture('reports/xingqing-zhangzheng-2023.txt'));
    assert.equal(x.report.issuedOn, '2024-01-29');
    assert.equal(x.report.signature, '兴庆区掌政镇人民政府');
    assert.ok(x.notes.some((n) => n.status === 'notFound' && n.field === 'tables.applications'));
  });

  it('round trip: interchange JSON written and imported again is identical', async () => {
    for (const src of ['reports/zhongning-enhe-2024.txt', 'reports/longde-liancai-2019.txt', 'documents/huaian-city-2024.pdf']) {
      const first = await importPath(fixture(src));
      const json = JSON.stringify(toInterchange(first.report));
      const again = await importBuffer('x.nianbao.json', new TextEncoder().encode(json));
      assert.equal(again.source.kind, 'nianbao');
      assert.deepEqual(again.report, first.report);
    }
  });

  it('round trip through the exporter: DOCX and PDF written by Nianbao read back to the same tables and texts', { timeout: 120_000 }, async () => {
    // PDF text is re-flowed by the page width: a space next to a line break cannot be told from
    // none, so PDF texts are compared without whitespace. DOCX keeps paragraphs: compared exactly.
    const bare = (x: unknown) => JSON.stringify(x).replace(/\s|\\n/g, '');
    for (const src of ['reports/zhongning-enhe-2024.txt', 'reports/longde-liancai-2019.txt', 'documents/huaian-city-2024.pdf']) {
      const first = (await importPath(fixture(src))).report;
      for (const kind of ['docx', 'pdf'] as const) {
        const out = await exportBytes(first, kind);
        const again = (await importBuffer(out.fileName, out.data)).report;
        const what = `${src} → ${out.fileName}`;
        assert.deepEqual(again.tables, first.tables, what);
        for (const k of ['format', 'year', 'title'] as const) assert.equal(again[k], first[k], `${what}: ${k}`);
        assert.equal(again.office.name, first.office.name, what);
        assert.equal(again.office.phone, first.office.phone, `${what}: phone`);
        const same = kind === 'docx' ? (a: unknown, b: unknown, m: string) => assert.deepEqual(a, b, m) : (a: unknown, b: unknown, m: string) => assert.equal(bare(a), bare(b), m);
        same(again.preamble, first.preamble, `${what}: preamble`);
        for (const k of ['overview', 'problems', 'other'] as const) same(again.sections[k], first.sections[k], `${what}: ${k}`);
      }
    }
  });
});
