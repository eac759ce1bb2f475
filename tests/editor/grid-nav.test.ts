import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyRange, findPos, moveFrom, navGrid, normaliseRange, planPaste } from '../../shared/editor/grid-nav.js';
import { parseTsv } from '../../shared/editor/tsv.js';
import { tableTemplate } from '../../shared/templates/index.js';

const apps = tableTemplate('2021', 'applications');
const reviews = tableTemplate('2021', 'reviews');
const active = tableTemplate('2021', 'active');

describe('keyboard walk of a table', () => {
  it('follows the printed body rows, every logical cell exactly once', () => {
    for (const t of [apps, reviews, active, tableTemplate('2019', 'active'), tableTemplate('2019', 'applications')]) {
      const nav = navGrid(t);
      const seen = nav.flat().map((c) => `${c.row}/${c.col}`);
      const want = t.rows.flatMap((r) => r.cells.map((c) => `${r.code}/${c.col}`));
      assert.deepEqual([...seen].sort(), [...want].sort(), t.caption);
    }
    const nav = navGrid(apps);
    assert.deepEqual(nav[0].map((c) => c.col), ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']);
    assert.equal(nav[0][6].derived, true);
    assert.equal(navGrid(reviews).length, 1, '表四 is printed as one row of fifteen figures');
    assert.equal(navGrid(reviews)[0].length, 15);
  });

  it('moves with arrows (stopping at edges) and Tab (wrapping)', () => {
    const nav = navGrid(apps);
    const p = findPos(nav, { row: 'new', col: 'total' });
    assert.deepEqual(p, { r: 0, c: 6 });
    assert.equal(moveFrom(nav, p!, 'right'), null);
    assert.deepEqual(moveFrom(nav, p!, 'next'), { r: 1, c: 0 });
    assert.deepEqual(moveFrom(nav, { r: 1, c: 0 }, 'prev'), { r: 0, c: 6 });
    assert.equal(moveFrom(nav, { r: 0, c: 0 }, 'up'), null);
    assert.deepEqual(moveFrom(nav, { r: 0, c: 3 }, 'down'), { r: 1, c: 3 });
    const last = { r: nav.length - 1, c: nav[nav.length - 1].length - 1 };
    assert.equal(moveFrom(nav, last, 'next'), null, 'Tab past the last cell leaves the table');
    // 表二: a block title row is not a line of cells; 行政许可 has one wide cell.
    const an = navGrid(active);
    const lic = findPos(an, { row: 'licensing', col: 'decisions' })!;
    assert.deepEqual(moveFrom(an, { r: lic.r - 1, c: 2 }, 'down'), lic, 'down from a three-cell line lands on the one cell');
  });

  it('pastes a 3×4 block cell for cell, skipping computed totals and refusing bad values', () => {
    const nav = navGrid(apps);
    const start = findPos(nav, { row: 'new', col: 'research' })!;
    const block = parseTsv('1\t2\t3\t4\r\n5\tx\t7\t8\r\n9\t无\t11\t12\r\n');
    const res = planPaste(nav, start, block);
    // Columns research, publicInterest, legalService, otherOrg: none is derived.
    assert.equal(res.changes.length, 10);
    assert.deepEqual(res.changes[0], { ref: { row: 'new', col: 'research' }, value: 1 });
    assert.deepEqual(res.changes.at(-1), { ref: { row: nav[2][0].row, col: 'otherOrg' }, value: 12 });
    assert.equal(res.refused.length, 1);
    assert.deepEqual(res.refused[0].ref, { row: 'carriedIn', col: 'publicInterest' });
    assert.equal(res.askZero.length, 1);

    // Starting two columns further, the fourth value of each line lands on 总计 and is skipped.
    const res2 = planPaste(nav, { r: 0, c: 3 }, parseTsv('1\t2\t3\t4\n'));
    assert.equal(res2.changes.length, 3);
    assert.equal(res2.onDerived, 1);
    const res3 = planPaste(nav, { r: nav.length - 1, c: 5 }, parseTsv('1\t2\t3\n4\t5\t6'));
    assert.equal(res3.outside, 4);
  });

  it('copies a selection as tab-separated rows', () => {
    const nav = navGrid(apps);
    const tsv = copyRange(nav, normaliseRange({ r: 1, c: 1 }, { r: 0, c: 0 }), (at) => `${at.row}.${at.col}`);
    assert.equal(tsv, 'new.natural\tnew.commercial\r\ncarriedIn.natural\tcarriedIn.commercial');
  });
});
