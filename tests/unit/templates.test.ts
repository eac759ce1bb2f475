import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cellName, getTemplate, tableTemplate } from '../../shared/templates/index.js';
import type { GridRow, TableTemplate } from '../../shared/templates/index.js';
import { applyTotals, blankReport, computeTotals, fromInterchange, getCell, setCell, toInterchange, totalMismatches } from '../../shared/model/index.js';
import { FIXTURES } from '../helpers/fixtures.js';

/** Lays a printed grid out as a matrix, checking that merges tile it exactly. */
function occupancy(t: TableTemplate, rows: GridRow[]): string[][] {
  const m: string[][] = rows.map(() => new Array<string>(t.gridColumns).fill(''));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < t.gridColumns && m[r][c] !== '') c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let i = 0; i < rs; i++)
        for (let j = 0; j < cs; j++) {
          assert.ok(r + i < rows.length && c + j < t.gridColumns, `${t.caption}: cell overflows at row ${r}`);
          assert.equal(m[r + i][c + j], '', `${t.caption}: overlap at ${r + i},${c + j}`);
          m[r + i][c + j] = cell.type === 'label' ? `label:${cell.text}` : `${cell.ref.row}/${cell.ref.col}`;
        }
      c += cs;
    }
  });
  for (const [i, row] of m.entries()) assert.ok(row.every((x) => x !== ''), `${t.caption}: row ${i} has a hole`);
  return m;
}

describe('templates', () => {
  for (const format of ['2021', '2019'] as const) {
    for (const t of Object.values(getTemplate(format).tables)) {
      it(`${format} ${t.caption}: the printed grid tiles exactly and holds every logical cell once`, () => {
        const m = occupancy(t, t.grid);
        const refs = m.flat().filter((x) => !x.startsWith('label:'));
        const logical = t.rows.flatMap((r) => r.cells.map((c) => `${r.code}/${c.col}`));
        assert.deepEqual(new Set(refs), new Set(logical));
      });
    }
  }

  it('2021 table 三 has 25 rows and the result label spans the 22 result rows', () => {
    const t = tableTemplate('2021', 'applications');
    assert.equal(t.rows.length, 25);
    const lead = t.grid.flatMap((r) => r.cells).find((c) => c.type === 'label' && c.text === '三、本年度办理结果');
    assert.equal(lead?.rowSpan, 22);
    assert.equal(tableTemplate('2019', 'applications').rows.length, 23);
    const lead19 = tableTemplate('2019', 'applications').grid.flatMap((r) => r.cells).find((c) => c.type === 'label' && c.text === '三、本年度办理结果');
    assert.equal(lead19?.rowSpan, 20);
  });

  it('row codes match the expected fixtures', () => {
    for (const name of ['zhongning-enhe-2024', 'longde-liancai-2019']) {
      const exp = JSON.parse(readFileSync(`${FIXTURES}/expected/${name}.json`, 'utf8'));
      for (const id of ['active', 'applications', 'reviews'] as const) {
        const t = tableTemplate(exp.format, id);
        assert.deepEqual(Object.keys(exp.tables[id]).sort(), t.rows.map((r) => r.code).sort(), `${name} ${id}`);
      }
    }
  });

  it('accessible cell names read like the form', () => {
    const t = tableTemplate('2021', 'applications');
    assert.equal(cellName(t, { row: 'new', col: 'natural' }), '表三 一、本年新收政府信息公开申请数量 自然人');
  });
});

describe('model', () => {
  it('every expected fixture parses as interchange and round-trips', () => {
    for (const name of ['zhongning-enhe-2024', 'longde-liancai-2019', 'huaian-city-2024', 'template-2021-blank', 'xingqing-zhangzheng-2023', 'yongning-lijun-2023']) {
      const exp = JSON.parse(readFileSync(`${FIXTURES}/expected/${name}.json`, 'utf8'));
      const res = fromInterchange(exp);
      assert.ok(res.ok, `${name}: ${JSON.stringify(!res.ok && res.issues)}`);
      if (!res.ok) return;
      const again = fromInterchange(JSON.parse(JSON.stringify(toInterchange(res.report))));
      assert.ok(again.ok);
      if (again.ok) assert.deepEqual(again.report, res.report);
    }
  });

  it('totals are computed from the template and match a real report', () => {
    const exp = JSON.parse(readFileSync(`${FIXTURES}/expected/zhongning-enhe-2024.json`, 'utf8'));
    const res = fromInterchange(exp);
    assert.ok(res.ok);
    if (!res.ok) return;
    assert.deepEqual(totalMismatches(res.report), []);
    let r = blankReport(2025, { name: '某某镇人民政府' });
    r = { ...r, tables: setCell(r.format, r.tables, { table: 'applications', row: 'granted', col: 'natural' }, 3) };
    r = { ...r, tables: setCell(r.format, r.tables, { table: 'applications', row: 'unable.notHeld', col: 'commercial' }, 2) };
    r = applyTotals(r);
    const at = (row: string, col: string) => getCell(r.format, r.tables, { table: 'applications', row, col });
    assert.equal(at('granted', 'total'), 3);
    assert.equal(at('resultTotal', 'natural'), 3);
    assert.equal(at('resultTotal', 'commercial'), 2);
    assert.equal(at('resultTotal', 'total'), 5);
    assert.equal(at('new', 'total'), null, 'a row with nothing filled stays blank');
    assert.equal(computeTotals(r.format, r.tables).length, 24 + 7 + 3);
  });
});
