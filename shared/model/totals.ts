import { getTemplate } from '../templates/index.js';
import type { CellRef, FormatId, TableId } from '../templates/index.js';
import { readCell, setCells } from './cells.js';
import type { CellValue, Report, Tables } from './report.js';

export interface DerivedValue {
  ref: CellRef;
  /** What the template's derivation gives: null when every part is blank. */
  computed: CellValue;
  /** What the report holds (typed or printed in an imported document). */
  stored: CellValue;
}

/**
 * The derived totals of the template (table 三's 总计 column and （七）总计 row, table 四's 总计),
 * computed by walking the template's derivations. Blank parts count as 0 once any part is filled.
 */
export function computeTotals(format: FormatId, tables: Tables): DerivedValue[] {
  const out: DerivedValue[] = [];
  const tpl = getTemplate(format).tables;
  for (const id of ['applications', 'reviews'] as TableId[]) {
    const t = tpl[id];
    const data = tables[id] as Record<string, unknown> | null;
    if (!data) continue;
    // Later derivations (（七）总计 of 总计) read earlier computed values, not stored ones.
    const computed = new Map<string, CellValue>();
    const value = (row: string, col: string): CellValue => {
      const k = `${row}\u0000${col}`;
      return computed.has(k) ? (computed.get(k) as CellValue) : (readCell(t, data, { row, col }) ?? null);
    };
    for (const d of t.derivations) {
      let sum = 0;
      let any = false;
      for (const p of d.sum) {
        const v = value(p.row, p.col);
        if (v !== null) {
          any = true;
          sum += v;
        }
      }
      const c = any ? sum : null;
      computed.set(`${d.target.row}\u0000${d.target.col}`, c);
      out.push({ ref: { table: id, ...d.target }, computed: c, stored: readCell(t, data, d.target) ?? null });
    }
  }
  return out;
}

/** The report with every derived total replaced by its computed value. */
export function applyTotals(report: Report): Report {
  const changes = computeTotals(report.format, report.tables)
    .filter((d) => d.computed !== d.stored)
    .map((d) => ({ ref: d.ref, value: d.computed }));
  if (changes.length === 0) return report;
  return { ...report, tables: setCells(report.format, report.tables, changes) };
}

/** Totals whose stored value differs from the computed one (an imported report's printed totals). */
export function totalMismatches(report: Report): DerivedValue[] {
  return computeTotals(report.format, report.tables).filter((d) => d.stored !== d.computed);
}
