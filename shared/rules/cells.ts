import type { Finding, FindingLocation } from '../findings.js';
import { readCell } from '../model/cells.js';
import { cellName, TABLE_IDS } from '../templates/index.js';
import type { CellRef } from '../templates/index.js';
import { fmt } from './labels.js';
import type { Rule } from './types.js';

/** Clerks who type 元 instead of 万元 produce five-figure amounts for a township (rules.md). */
const MONEY_WARN_AT = 10000;
/**
 * A city or county government really collects hundreds of millions of yuan (淮安市人民政府 2024:
 * 96171.6 万元); warning it would be a false alarm. Its threshold is 100 亿元.
 */
const MONEY_WARN_AT_ABOVE_TOWNSHIP = 1_000_000;
const ABOVE_TOWNSHIP = /(?:市|县|区|州|盟|旗|省|自治区)(?:人民政府|政府)(?:办公室|办公厅)?$/;

/** Visits every filled cell of the tables the report contains. */
function eachValue(input: Parameters<Rule['check']>[0], visit: (ref: CellRef, kind: string, v: number, derived: boolean) => void): void {
  const { report, template } = input;
  for (const id of TABLE_IDS) {
    const data = report.tables[id] as Record<string, unknown> | null;
    if (!data) continue;
    const t = template.tables[id];
    for (const row of t.rows)
      for (const cell of row.cells) {
        const v = readCell(t, data, { row: row.code, col: cell.col });
        if (v === null || v === undefined) continue;
        visit({ table: id, row: row.code, col: cell.col }, cell.kind, v, cell.derived);
      }
  }
}

const cellLoc = (ref: CellRef): FindingLocation => ({ kind: 'cell', ref });

export const cellInteger: Rule = {
  id: 'cell.integer',
  severity: 'error',
  group: 'cells',
  title: '件数是不小于 0 的整数（本年增/减可为负数）',
  check(input) {
    const out: Finding[] = [];
    eachValue(input, (ref, kind, v) => {
      if (kind === 'money') return;
      const t = input.template.tables[ref.table];
      if (!Number.isInteger(v)) {
        out.push({
          rule: 'cell.integer',
          severity: 'error',
          locations: [cellLoc(ref)],
          message: `${cellName(t, ref)} 填的是 ${fmt(v)}，件数必须是整数，请改正。`,
        });
      } else if (kind === 'count' && v < 0) {
        out.push({
          rule: 'cell.integer',
          severity: 'error',
          locations: [cellLoc(ref)],
          message: `${cellName(t, ref)} 填的是 ${fmt(v)}，件数不能为负数，请改正（只有“本年增/减”可以填负数）。`,
        });
      }
    });
    return out;
  },
};

export const cellMoney: Rule = {
  id: 'cell.money',
  severity: 'error',
  group: 'cells',
  title: '金额不小于 0，最多四位小数（单位：万元）',
  check(input) {
    const out: Finding[] = [];
    eachValue(input, (ref, kind, v) => {
      if (kind !== 'money') return;
      const t = input.template.tables[ref.table];
      const name = cellName(t, ref);
      if (v < 0) {
        out.push({ rule: 'cell.money', severity: 'error', locations: [cellLoc(ref)], message: `${name} 填的是 ${fmt(v)}，金额不能为负数，请改正。` });
      } else if (Math.abs(v * 10000 - Math.round(v * 10000)) > 1e-6) {
        out.push({
          rule: 'cell.money',
          severity: 'error',
          locations: [cellLoc(ref)],
          message: `${name} 填的是 ${v}，单位是万元，最多保留四位小数（即精确到元），请改为 ${fmt(v)}。`,
          fix: { label: `改为 ${fmt(v)}`, edits: [{ kind: 'cell', ref, value: Math.round(v * 10000) / 10000 }] },
        });
      } else if (v >= (ABOVE_TOWNSHIP.test(input.report.office.name?.trim() ?? '') ? MONEY_WARN_AT_ABOVE_TOWNSHIP : MONEY_WARN_AT)) {
        out.push({
          rule: 'cell.money',
          severity: 'warning',
          locations: [cellLoc(ref)],
          message: `${name} 填的是 ${fmt(v)} 万元，即 ${fmt(v / 10000)} 亿元，数额很大。单位是万元：如果填的是“元”，应改为 ${fmt(v / 10000)}。`,
          fix: { label: `按“元”换算为 ${fmt(v / 10000)} 万元`, edits: [{ kind: 'cell', ref, value: Math.round(v) / 10000 }] },
        });
      }
    });
    return out;
  },
};

export const cellEmpty: Rule = {
  id: 'cell.empty',
  severity: 'error',
  group: 'cells',
  title: '已完成的报告不留空格，没有的填 0',
  check(input) {
    const out: Finding[] = [];
    const { report, template } = input;
    for (const id of TABLE_IDS) {
      const data = report.tables[id] as Record<string, unknown> | null;
      if (!data) continue; // a missing table is s.sections' finding
      const t = template.tables[id];
      const blank: CellRef[] = [];
      const missingRows: string[] = [];
      for (const row of t.rows) {
        // Totals are computed from their parts; a blank total goes away when the parts are filled.
        const typed = row.cells.filter((c) => !c.derived);
        if (typed.length === 0) continue;
        if (data[row.code] === null || data[row.code] === undefined) missingRows.push(row.label);
        for (const cell of typed) {
          const v = readCell(t, data, { row: row.code, col: cell.col });
          if (v === null || v === undefined) blank.push({ table: id, row: row.code, col: cell.col });
        }
      }
      if (blank.length === 0) continue;
      const first = cellName(t, blank[0]);
      const rows = missingRows.length
        ? `其中 ${missingRows.length} 行整行没有（${missingRows.slice(0, 3).join('、')}${missingRows.length > 3 ? '等' : ''}），可能是导入时原文件表格不全。`
        : '';
      out.push({
        rule: 'cell.empty',
        severity: 'error',
        locations: blank.map(cellLoc),
        message: `${t.caption}有 ${blank.length} 个空格（第一个：${first}）。${rows}已完成的报告不能留空格，没有发生的请填 0（“/”“—”“无”都不算数字）。`,
      });
    }
    return out;
  },
};

export const CELL_RULES: Rule[] = [cellInteger, cellMoney, cellEmpty];
