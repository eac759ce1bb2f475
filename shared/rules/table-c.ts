import type { Finding } from '../findings.js';
import { readCell } from '../model/cells.js';
import { findRow } from '../templates/index.js';
import { colLabel, fmt } from './labels.js';
import { withPrevious } from './previous.js';
import type { Rule } from './types.js';

const TABLE = 'reviews' as const;

export const cGroupTotal: Rule = {
  id: 'c.groupTotal',
  severity: 'error',
  group: 'reviews',
  title: '表四每一组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  check(input) {
    const t = input.template.tables[TABLE];
    const data = input.report.tables[TABLE] as Record<string, unknown> | null;
    if (!data) return [];
    const out: Finding[] = [];
    for (const dv of input.totals()) {
      if (dv.ref.table !== TABLE || dv.stored === null || dv.computed === null || dv.stored === dv.computed) continue;
      const d = t.derivations.find((x) => x.target.row === dv.ref.row && x.target.col === dv.ref.col);
      if (!d) continue;
      const row = findRow(t, dv.ref.row);
      if (d.sum.some((p) => (readCell(t, data, p) ?? null) === null)) continue;
      const parts = d.sum.map((p) => `${colLabel(t, p)} ${fmt(readCell(t, data, p) ?? null)}`);
      out.push({
        rule: 'c.groupTotal',
        severity: 'error',
        locations: [{ kind: 'cell', ref: dv.ref }, ...d.sum.map((p) => ({ kind: 'cell' as const, ref: { table: TABLE, ...p } }))],
        message:
          `${t.caption}「${row?.label ?? dv.ref.row}」：${parts.join(' + ')} = ${fmt(dv.computed)}，但总计填的是 ${fmt(dv.stored)}，` +
          `相差 ${fmt(Math.abs(dv.stored - dv.computed))}。请核对各栏；各栏无误的话，总计应为 ${fmt(dv.computed)}。`,
        fix: { label: `总计采用计算值 ${fmt(dv.computed)}（原为 ${fmt(dv.stored)}）`, edits: [{ kind: 'cell', ref: dv.ref, value: dv.computed }] },
      });
    }
    return out;
  },
};

const PENDING = 'pending';
const TOTAL = 'total';

export const cPendingCarried: Rule = {
  id: 'c.pendingCarried',
  severity: 'info',
  group: 'reviews',
  title: '上一年度尚未审结的案件，本年通常有了结果',
  check(input) {
    const pair = withPrevious(input, TABLE);
    if (!pair) return [];
    const { t, data, pt, prevData, prevYear } = pair;
    const out: Finding[] = [];
    for (const row of t.rows) {
      const pending = readCell(pt, prevData, { row: row.code, col: PENDING });
      if (!pending) continue;
      // The result columns: every typed column except 尚未审结 (the template says which are derived).
      const results = row.cells.filter((c) => !c.derived && c.col !== PENDING && c.col !== TOTAL);
      const values = results.map((c) => readCell(t, data, { row: row.code, col: c.col }));
      if (values.some((v) => v === null || v === undefined)) continue;
      const decided = (values as number[]).reduce((a, b) => a + b, 0);
      if (decided >= pending) continue;
      out.push({
        rule: 'c.pendingCarried',
        severity: 'info',
        locations: results.map((c) => ({ kind: 'cell' as const, ref: { table: TABLE, row: row.code, col: c.col } })),
        message:
          `${prevYear ?? '上一'}年度报告${t.caption}「${row.label}」尚未审结 ${pending} 件，本年${results.map((c) => c.label).join('、')}合计只有 ${decided} 件。` +
          `上年未审结的案件今年有了结果的，请填入相应的结果栏。`,
      });
    }
    return out;
  },
};

export const TABLE_C_RULES: Rule[] = [cGroupTotal, cPendingCarried];
