import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, editCells, getText, partOfLocation, partStates, setText } from '../../shared/editor/edits.js';
import { blankReport, getCell, setCell, totalMismatches } from '../../shared/model/index.js';
import type { Report } from '../../shared/model/index.js';
import { checkReport } from '../../shared/rules/index.js';

const office = { name: '中宁县恩和镇人民政府', county: '中宁县' };
const base = (): Report => blankReport(2024, office);
const ref = (row: string, col: string) => ({ table: 'applications' as const, row, col });

describe('editing a report', () => {
  it('reads and writes every text path of findings', () => {
    let r = base();
    r = setText(r, 'preamble', '前言');
    r = setText(r, 'sections.overview.1.text', '主动公开内容');
    r = setText(r, 'sections.problems.0.heading', '小标题');
    r = setText(r, 'headings.other', '六、其他');
    r = setText(r, 'title', '标题');
    r = setText(r, 'issuedOn', '2025-01-20');
    assert.equal(getText(r, 'preamble'), '前言');
    assert.equal(getText(r, 'sections.overview.1.text'), '主动公开内容');
    assert.equal(r.sections.overview[1].heading, '（一）主动公开', 'heading kept');
    assert.equal(getText(r, 'sections.problems.0.heading'), '小标题');
    assert.equal(getText(r, 'headings.other'), '六、其他');
    assert.equal(r.title, '标题');
    assert.equal(setText(r, 'issuedOn', '').issuedOn, null);
    assert.equal(setText(r, 'sections.overview.99.text', 'x'), r, 'a missing part changes nothing');
  });

  it('typed cells recompute the totals', () => {
    let r = editCells(base(), [{ ref: ref('new', 'natural'), value: 3 }]);
    r = editCells(r, [{ ref: ref('new', 'commercial'), value: 2 }]);
    assert.equal(getCell(r.format, r.tables, ref('new', 'total')), 5);
    r = editCells(r, [{ ref: ref('granted', 'natural'), value: 4 }]);
    assert.equal(getCell(r.format, r.tables, ref('resultTotal', 'natural')), 4);
    assert.equal(getCell(r.format, r.tables, ref('resultTotal', 'total')), 4);
  });

  it('printed totals of an imported report stay until the clerk adopts them', () => {
    let r = base();
    for (const col of ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg']) {
      r = { ...r, tables: setCell(r.format, r.tables, ref('new', col), col === 'natural' ? 3 : 0) };
    }
    r = { ...r, tables: setCell(r.format, r.tables, ref('new', 'total'), 9) };
    assert.equal(totalMismatches(r).length, 1);
    r = editCells(r, [{ ref: ref('carriedIn', 'natural'), value: 1 }]);
    assert.equal(getCell(r.format, r.tables, ref('new', 'total')), 9, 'printed total kept');
    const f = checkReport(r).find((x) => x.rule === 'b.rowTotal');
    assert.ok(f?.fix, 'the checker offers the computed total');
    r = applyEdits(r, f.fix.edits);
    assert.equal(getCell(r.format, r.tables, ref('new', 'total')), 3);
  });

  it('applies several text replacements in one field right to left', () => {
    let r = setText(base(), 'preamble', '2023年1日至12月31日，2023年');
    r = applyEdits(r, [
      { kind: 'text', path: 'preamble', start: 0, end: 4, replacement: '2024' },
      { kind: 'text', path: 'preamble', start: 15, end: 19, replacement: '2024' },
    ]);
    assert.equal(r.preamble, '2024年1日至12月31日，2024年');
  });

  it('maps findings to the parts of the rail and marks each part', () => {
    assert.equal(partOfLocation({ kind: 'text', path: 'sections.problems.1.text', start: 0, end: 1 }), 'problems');
    assert.equal(partOfLocation({ kind: 'text', path: 'preamble', start: 0, end: 1 }), 'preamble');
    assert.equal(partOfLocation({ kind: 'text', path: 'title', start: 0, end: 1 }), 'basic');
    assert.equal(partOfLocation({ kind: 'cell', ref: ref('new', 'natural') }), 'applications');
    assert.equal(partOfLocation({ kind: 'section', section: 'other' }), 'other');

    let r = base();
    let st = partStates(r, checkReport(r));
    assert.equal(st.applications, 'empty');
    assert.equal(st.basic, 'complete', 'the office name is filled in');
    r = editCells(r, [{ ref: ref('new', 'natural'), value: 3 }]);
    st = partStates(r, checkReport(r));
    assert.equal(st.applications, 'error', 'blank cells and a broken balance');
    st = partStates(r, []);
    assert.equal(st.applications, 'complete');
  });
});
