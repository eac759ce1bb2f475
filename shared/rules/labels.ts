import type { CellAddress, LogicalRow, TableTemplate } from '../templates/index.js';
import { findRow } from '../templates/index.js';

/**
 * Short names for messages, derived from the template's own labels so no rule repeats one:
 * 「一、本年新收…」 → 一; 「三、本年度办理结果 （七）总计」 → 三（七）; 「… （三）不予公开 1.属于国家秘密」 → 三（三）1.
 */
export function rowTag(row: LogicalRow): string {
  const parts = row.label.split(' ');
  let tag = '';
  for (const p of parts) {
    const top = /^([一二三四五六七八九十]+)、/.exec(p);
    const sub = /^([（(][一二三四五六七八九十]+[）)])/.exec(p);
    const item = /^(\d+)[.．、]/.exec(p);
    if (top) tag += top[1];
    else if (sub) tag += sub[1].replace('(', '（').replace(')', '）');
    else if (item) tag += item[1];
  }
  return tag || row.shortLabel;
}

/** 「一、本年新收政府信息公开申请数量」 — the row's own printed label, for messages. */
export function rowLabel(t: TableTemplate, row: string): string {
  return findRow(t, row)?.label ?? row;
}

export function colLabel(t: TableTemplate, at: CellAddress): string {
  return findRow(t, at.row)?.cells.find((c) => c.col === at.col)?.label ?? at.col;
}

/** Figures as clerks write them: integers plain, money with up to four decimals. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return '（空）';
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
}
