import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeDocx } from '../../main/export/docx.js';
import { writeHtml } from '../../main/export/html.js';
import { importBuffer, importPath } from '../../main/import/index.js';
import { getTemplate } from '../../shared/templates/index.js';
import type { Report } from '../../shared/model/report.js';
import { reportTitle } from '../../shared/model/title.js';
import { fixture } from '../helpers/fixtures.js';

/**
 * Round trip: every fixture report of expected/ is imported from its real document, exported
 * as DOCX and as HTML, and imported again; tables, section texts and the report's fields come
 * back the same.
 */

const SOURCES: Record<string, string> = {
  'huaian-city-2024': 'documents/huaian-city-2024.pdf',
  'longde-liancai-2019': 'reports/longde-liancai-2019.txt',
  'template-2021-blank': 'documents/template-2021-blank.docx',
  'xingqing-zhangzheng-2023': 'reports/xingqing-zhangzheng-2023.txt',
  'yongning-lijun-2023': 'reports/yongning-lijun-2023.txt',
  'zhongning-enhe-2024': 'reports/zhongning-enhe-2024.txt',
};

/**
 * Tables cell by cell. A table or row missing from the source document (null) is printed as the
 * form's blank cells, which read back as null cells: both are "no figure here".
 */
function tableCells(r: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const tpl = getTemplate(r.format);
  for (const id of ['active', 'applications', 'reviews'] as const) {
    const t = tpl.tables[id];
    const data = r.tables[id] as Record<string, unknown> | null;
    for (const row of t.rows) {
      const v = data?.[row.code] ?? null;
      for (const c of row.cells) {
        let cell: unknown = null;
        if (Array.isArray(v)) cell = v[t.columnOrder.indexOf(c.col)];
        else if (v && typeof v === 'object') cell = (v as Record<string, unknown>)[c.col];
        out.set(`${id}.${row.code}.${c.col}`, (cell ?? null) as number | null);
      }
    }
  }
  return out;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');
const sectionText = (r: Report, id: 'overview' | 'problems' | 'other') => squash(r.sections[id].map((p) => p.heading + p.text).join(''));

function assertSame(a: Report, b: Report, what: string) {
  assert.equal(b.format, a.format, `${what}: format`);
  const ta = tableCells(a);
  const tb = tableCells(b);
  assert.equal(tb.size, ta.size);
  let nonNull = 0;
  for (const [k, v] of ta) {
    assert.equal(tb.get(k), v, `${what}: ${k}`);
    if (v !== null) nonNull++;
  }
  for (const id of ['overview', 'problems', 'other'] as const) assert.equal(sectionText(b, id), sectionText(a, id), `${what}: section ${id}`);
  assert.equal(squash(b.preamble), squash(a.preamble), `${what}: preamble`);
  for (const [id, h] of Object.entries(a.headings ?? {})) if (h) assert.equal(squash(b.headings?.[id as 'overview'] ?? ''), squash(h), `${what}: heading ${id}`);
  return nonNull;
}

async function source(name: string): Promise<Report> {
  const r = (await importPath(fixture(SOURCES[name]!))).report;
  // The clerk dates the report before filing it (the checker asks for it); a dated report
  // prints its signature over the date, which is how the importer knows it from section 六.
  return r.issuedOn ? r : { ...r, issuedOn: '2025-01-20' };
}

describe('round trip: fixture → DOCX / HTML → import', () => {
  for (const name of Object.keys(SOURCES)) {
    it(`${name}: DOCX and HTML give back the tables, sections, title and signature`, async () => {
      const a = await source(name);
      const docx = (await importBuffer(`${name}.docx`, await writeDocx(a, {}))).report;
      const html = (await importBuffer(`${name}.html`, new TextEncoder().encode(writeHtml(a, { fragment: false })))).report;
      for (const [kind, b] of [
        ['DOCX', docx],
        ['HTML', html],
      ] as const) {
        const nonNull = assertSame(a, b, `${name} ${kind}`);
        if (name !== 'template-2021-blank') assert.ok(nonNull >= 10, `${name}: the fixture has figures (${nonNull})`);
        assert.equal(b.issuedOn, a.issuedOn, `${name} ${kind}: 成文日期`);
        if (a.year !== null && a.office.name) {
          assert.equal(b.year, a.year, `${name} ${kind}: year`);
          assert.equal(b.office.name, a.office.name, `${name} ${kind}: office`);
          assert.equal(reportTitle(b), reportTitle(a), `${name} ${kind}: title`);
          assert.equal(b.signature ?? b.office.name, a.signature ?? a.office.name, `${name} ${kind}: signature`);
        }
      }
    });
  }

  it('a DOCX with the 上报函 cover page still reads back as the same report', async () => {
    const a = await source('zhongning-enhe-2024');
    const b = (await importBuffer('c.docx', await writeDocx(a, { cover: { docNumber: '恩政发〔2025〕3号', addressee: '中宁县人民政府办公室' } }))).report;
    assertSame(a, b, 'cover');
    assert.equal(reportTitle(b), reportTitle(a));
    // The importer keeps the cover letter apart from the report.
    assert.equal(b.cover?.docNumber, '恩政发〔2025〕3号');
    assert.equal(b.cover?.addressee, '中宁县人民政府办公室');
    assert.equal(b.cover?.signer, a.office.name);
    assert.match(b.cover?.body ?? '', /现将《中宁县恩和镇2024年政府信息公开工作年度报告》报送/);
  });
});
