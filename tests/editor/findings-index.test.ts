import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { editCells } from '../../shared/editor/edits.js';
import { fromInterchange } from '../../shared/model/index.js';
import type { Report } from '../../shared/model/index.js';
import { checkReport } from '../../shared/rules/index.js';
import { indexFindings, stableCells, stableTotals } from '../../renderer/src/editor/findings-index.js';
import { fixture } from '../helpers/fixtures.js';

/**
 * The editor's per-cell index of the checker's findings (renderer/src/editor/findings-index.ts,
 * pure): what each cell shows, and the identities kept between keystrokes so that only the table
 * typed in re-renders. On a real report (zhongning-enhe-2024), with the checker for real.
 */
function real(): Report {
  const r = fromInterchange(JSON.parse(readFileSync(fixture('expected', 'zhongning-enhe-2024.json'), 'utf8')));
  if (!r.ok) throw new Error('fixture does not parse');
  return r.report;
}

const cell = (row: string, col: string) => ({ table: 'applications' as const, row, col });

describe('findings index', () => {
  it('puts a broken 勾稽关系 on its cells, worst severity first, with the message as the tooltip', () => {
    const r = real();
    const before = indexFindings(checkReport(r));
    assert.equal(before.cells.applications.size, 0, 'the real report is clean in 表三');
    const start = r.tables.applications!.new![0]!;
    const broken = editCells(r, [{ ref: cell('new', 'natural'), value: start + 3 }]);
    const idx = indexFindings(checkReport(broken));
    const m = idx.cells.applications.get('new|natural');
    assert.ok(m, 'the typed cell is marked');
    assert.equal(m.severity, 'error');
    assert.equal(m.blank, false);
    assert.match(m.message, /一\+二=\d+，但三（七）\+四=\d+/);
    assert.ok(idx.cells.applications.get('carriedOut|natural'), 'and the other side of the balance');
    assert.equal(idx.cells.active.size, 0);
  });

  it('a blank cell is shown as "to fill", not as an error border', () => {
    const r = real();
    const blanked = editCells(r, [{ ref: cell('granted', 'commercial'), value: null }]);
    const m = indexFindings(checkReport(blanked)).cells.applications.get('granted|commercial');
    assert.ok(m);
    assert.equal(m.blank, true);
    assert.match(m.message, /还没有填/);
  });

  it('keeps the maps of tables whose marks and totals did not change (one table re-renders per keystroke)', () => {
    const r = real();
    const first = stableCells(null, indexFindings(checkReport(r)).cells);
    const totals0 = stableTotals(null, r);
    // A keystroke in 表二 (no finding changes anywhere, no total of 三/四 changes).
    const typed = editCells(r, [{ ref: { table: 'active', row: 'penalty', col: 'decisions' }, value: 9 }]);
    const second = stableCells(first, indexFindings(checkReport(typed)).cells);
    const totals1 = stableTotals(totals0, typed);
    for (const t of ['active', 'applications', 'reviews'] as const) {
      assert.equal(second[t], first[t], `${t} marks kept`);
      assert.equal(totals1[t], totals0[t], `${t} totals kept`);
    }
    // A keystroke in 表三 that breaks the balance: 表三's marks and totals are new, the others kept.
    const broken = editCells(r, [{ ref: cell('new', 'natural'), value: 50 }]);
    const third = stableCells(second, indexFindings(checkReport(broken)).cells);
    const totals2 = stableTotals(totals1, broken);
    assert.notEqual(third.applications, second.applications);
    assert.equal(third.active, second.active);
    assert.equal(third.reviews, second.reviews);
    assert.notEqual(totals2.applications, totals1.applications);
    assert.equal(totals2.reviews, totals1.reviews);
    assert.equal(totals2.applications.map.get('new|total'), 50 + r.tables.applications!.new!.slice(1, 6).reduce<number>((a, v) => a + (v ?? 0), 0));
  });
});
