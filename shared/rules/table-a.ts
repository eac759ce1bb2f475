import type { Finding } from '../findings.js';
import { readCell } from '../model/cells.js';
import { cellName, findRow } from '../templates/index.js';
import type { CellRef } from '../templates/index.js';
import { fmt } from './labels.js';
import { withPrevious } from './previous.js';
import type { Rule } from './types.js';

const TABLE = 'active' as const;
/** 2021 format, 第二十条第（一）项: the rows that carry a stock of documents in force. */
const STOCK_ROWS = ['regulations', 'normativeDocs'] as const;
const COL = { issued: 'issued', repealed: 'repealed', inForce: 'inForce' } as const;
/** 镇/乡人民政府 and 街道办事处 make no 规章 (立法法 第九十三条). */
const TOWNSHIP = /(?:镇|乡)(?:人民政府|政府)?$|街道(?:办事处)?$|街道办$/;

function stock(input: Parameters<Rule['check']>[0]) {
  const pair = withPrevious(input, TABLE);
  // 现行有效件数 exists in the 2021 format only; a 2019 report's 对外公开总数量 is another measure.
  if (!pair || input.previous?.format !== '2021' || input.report.format !== '2021') return [];
  const { t, data, prevData, prevYear } = pair;
  return STOCK_ROWS.map((row) => {
    const get = (d: Record<string, unknown>, col: string) => readCell(t, d, { row, col }) ?? null;
    return {
      row,
      label: findRow(t, row)?.label ?? row,
      lastInForce: get(prevData, COL.inForce),
      issued: get(data, COL.issued),
      repealed: get(data, COL.repealed),
      inForce: get(data, COL.inForce),
      prevYear,
    };
  });
}

export const aInForce: Rule = {
  id: 'a.inForce',
  severity: 'warning',
  group: 'active',
  title: '现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
  check(input) {
    const t = input.template.tables[TABLE];
    const out: Finding[] = [];
    for (const s of stock(input)) {
      if (s.lastInForce === null || s.issued === null || s.repealed === null || s.inForce === null) continue;
      const expected = s.lastInForce + s.issued - s.repealed;
      if (expected === s.inForce || expected < 0) continue;
      const ref: CellRef = { table: TABLE, row: s.row, col: COL.inForce };
      out.push({
        rule: 'a.inForce',
        severity: 'warning',
        locations: [{ kind: 'cell', ref }, { kind: 'cell', ref: { ...ref, col: COL.issued } }, { kind: 'cell', ref: { ...ref, col: COL.repealed } }],
        message:
          `${t.caption}「${s.label}」：${s.prevYear ?? '上一'}年度现行有效 ${s.lastInForce} 件 + 本年制发 ${s.issued} 件 − 本年废止 ${s.repealed} 件 = ${expected} 件，` +
          `但现行有效件数填的是 ${s.inForce} 件。请核对；如其他各栏无误，现行有效件数应为 ${expected}。`,
        fix: { label: `现行有效件数改为 ${expected}`, edits: [{ kind: 'cell', ref, value: expected }] },
      });
    }
    return out;
  },
};

export const aRepealed: Rule = {
  id: 'a.repealed',
  severity: 'warning',
  group: 'active',
  title: '本年废止件数不超过上年现行有效件数 + 本年制发件数',
  check(input) {
    const t = input.template.tables[TABLE];
    const out: Finding[] = [];
    for (const s of stock(input)) {
      if (s.lastInForce === null || s.issued === null || s.repealed === null) continue;
      const max = s.lastInForce + s.issued;
      if (s.repealed <= max) continue;
      out.push({
        rule: 'a.repealed',
        severity: 'warning',
        locations: [{ kind: 'cell', ref: { table: TABLE, row: s.row, col: COL.repealed } }],
        message:
          `${t.caption}「${s.label}」：本年废止 ${s.repealed} 件，但${s.prevYear ?? '上一'}年度现行有效只有 ${s.lastInForce} 件、本年制发 ${s.issued} 件，` +
          `最多只能废止 ${max} 件。请核对本年废止件数和上年的现行有效件数。`,
      });
    }
    return out;
  },
};

export const aTownship: Rule = {
  id: 'a.township',
  severity: 'warning',
  group: 'active',
  title: '乡镇政府、街道办事处没有制定规章的权限',
  check(input) {
    const name = input.report.office.name?.trim() ?? '';
    if (!TOWNSHIP.test(name)) return [];
    const t = input.template.tables[TABLE];
    const data = input.report.tables[TABLE] as Record<string, unknown> | null;
    const row = findRow(t, 'regulations');
    if (!data || !row) return [];
    const nonZero = row.cells
      .map((c) => ({ ref: { table: TABLE, row: row.code, col: c.col } as CellRef, v: readCell(t, data, { row: row.code, col: c.col }) }))
      .filter((x) => typeof x.v === 'number' && x.v !== 0);
    if (nonZero.length === 0) return [];
    return [
      {
        rule: 'a.township',
        severity: 'warning',
        locations: nonZero.map((x) => ({ kind: 'cell' as const, ref: x.ref })),
        message:
          `${name}是乡镇（街道），没有制定规章的权限，但${nonZero.map((x) => `${cellName(t, x.ref)} 填了 ${fmt(x.v)}`).join('，')}。` +
          `本机关制发的文件应填在“${findRow(t, 'normativeDocs')?.label ?? ''}”一行；确实没有的请填 0。`,
        fix: { label: '规章各栏改为 0', edits: nonZero.map((x) => ({ kind: 'cell' as const, ref: x.ref, value: 0 })) },
      },
    ];
  },
};

export const TABLE_A_RULES: Rule[] = [aInForce, aRepealed, aTownship];
