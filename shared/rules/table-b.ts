import type { Finding, FindingLocation } from '../findings.js';
import { readCell } from '../model/cells.js';
import type { CellValue } from '../model/report.js';
import { findRow } from '../templates/index.js';
import type { CellRef, TableTemplate } from '../templates/index.js';
import { colLabel, fmt, rowTag } from './labels.js';
import { withPrevious } from './previous.js';
import type { Rule, RuleInput } from './types.js';

const TABLE = 'applications' as const;
/** The rows of the 勾稽关系 printed on the form: 一 + 二 = 三（七） + 四. */
const BALANCE = { inflow: ['new', 'carriedIn'], outflow: ['resultTotal', 'carriedOut'] } as const;

const cell = (row: string, col: string): FindingLocation => ({ kind: 'cell', ref: { table: TABLE, row, col } });
const tag = (t: TableTemplate, row: string) => {
  const r = findRow(t, row);
  return r ? rowTag(r) : row;
};

/** 三（六）3 → 三（六）: the group a result row belongs to. */
const groupTag = (t: TableTemplate, row: string) => tag(t, row).replace(/\d+$/, '');

function mismatchFinding(input: RuleInput, rule: string, which: 'row' | 'column'): Finding[] {
  const t = input.template.tables[TABLE];
  const data = input.report.tables[TABLE] as Record<string, unknown> | null;
  if (!data) return [];
  const out: Finding[] = [];
  const derivations = new Map(t.derivations.map((d) => [`${d.target.row}/${d.target.col}`, d]));
  for (const dv of input.totals()) {
    if (dv.ref.table !== TABLE) continue;
    const isColumnTotal = dv.ref.row === 'resultTotal';
    if ((which === 'column') !== isColumnTotal) continue;
    if (dv.stored === null || dv.computed === null || dv.stored === dv.computed) continue;
    const d = derivations.get(`${dv.ref.row}/${dv.ref.col}`);
    if (!d) continue;
    const parts = d.sum.map((p) => readCell(t, data, p) ?? null);
    // A part not in the document (a table cut off) makes the recomputed total meaningless; cell.empty says so.
    if (parts.some((v) => v === null)) continue;
    const diff = dv.stored - dv.computed;
    const tail = `相差 ${fmt(Math.abs(diff))}。请核对各栏数字；各栏无误的话，${which === 'row' ? '总计' : '（七）总计'}应为 ${fmt(dv.computed)}。`;
    const message =
      which === 'row'
        ? `${t.caption}「${tag(t, dv.ref.row)}」一行：${colLabel(t, d.sum[0])}至${colLabel(t, d.sum[d.sum.length - 1])}各栏之和 ${parts.map(fmt).join('+')}=${fmt(dv.computed)}，但总计填的是 ${fmt(dv.stored)}，${tail}`
        : `${t.caption}「${colLabel(t, dv.ref)}」一栏：${tag(t, d.sum[0].row)}至${groupTag(t, d.sum[d.sum.length - 1].row)}各项之和为 ${fmt(dv.computed)}，但${tag(t, 'resultTotal')}总计填的是 ${fmt(dv.stored)}，${tail}`;
    out.push({
      rule,
      severity: 'error',
      locations: [{ kind: 'cell', ref: dv.ref }, ...d.sum.map((p) => cell(p.row, p.col))],
      message,
      fix: { label: `总计采用计算值 ${fmt(dv.computed)}（原为 ${fmt(dv.stored)}）`, edits: [{ kind: 'cell', ref: dv.ref, value: dv.computed }] },
    });
  }
  return out;
}

export const bRowTotal: Rule = {
  id: 'b.rowTotal',
  severity: 'error',
  group: 'applications',
  title: '表三每一行：总计 = 自然人 + 法人或其他组织五栏',
  check: (input) => mismatchFinding(input, 'b.rowTotal', 'row'),
};

export const bResultTotal: Rule = {
  id: 'b.resultTotal',
  severity: 'error',
  group: 'applications',
  title: '表三每一栏：（七）总计 = （一）至（六）各项之和',
  check: (input) => mismatchFinding(input, 'b.resultTotal', 'column'),
};

export const bBalance: Rule = {
  id: 'b.balance',
  severity: 'error',
  group: 'applications',
  title: '表三勾稽关系：一 + 二 = 三（七） + 四',
  check(input) {
    const t = input.template.tables[TABLE];
    const data = input.report.tables[TABLE] as Record<string, unknown> | null;
    if (!data) return [];
    const computed = new Map<string, CellValue>();
    for (const dv of input.totals()) if (dv.ref.table === TABLE) computed.set(`${dv.ref.row}/${dv.ref.col}`, dv.computed);
    // A printed total is what the county reads; a total never filled in is what the editor will compute.
    const value = (row: string, col: string): CellValue => readCell(t, data, { row, col }) ?? computed.get(`${row}/${col}`) ?? null;
    const out: Finding[] = [];
    for (const col of t.columnOrder) {
      const ins = BALANCE.inflow.map((r) => value(r, col));
      const outs = BALANCE.outflow.map((r) => value(r, col));
      if ([...ins, ...outs].some((v) => v === null)) continue;
      const a = (ins as number[]).reduce((x, y) => x + y, 0);
      const b = (outs as number[]).reduce((x, y) => x + y, 0);
      if (a === b) continue;
      const lhs = BALANCE.inflow.map((r) => tag(t, r)).join('+');
      const rhs = BALANCE.outflow.map((r) => tag(t, r)).join('+');
      out.push({
        rule: 'b.balance',
        severity: 'error',
        locations: [...BALANCE.inflow, ...BALANCE.outflow].map((r) => cell(r, col)),
        message:
          `${t.caption}「${colLabel(t, { row: 'new', col })}」一栏：${lhs}=${a}，但${rhs}=${b}，相差${Math.abs(a - b)}。` +
          `本年新收加上年结转的申请，应当等于本年办理完的加结转下年度的，请核对这一栏的${lhs}、${rhs}。`,
      });
    }
    return out;
  },
};

export const bCarriedIn: Rule = {
  id: 'b.carriedIn',
  severity: 'warning',
  group: 'applications',
  title: '表三 二（上年结转）等于上一年度报告的 四（结转下年度继续办理）',
  check(input) {
    // Last year may be a 2019-format report: read with its own template (二/四 have the same codes).
    const pair = withPrevious(input, TABLE);
    if (!pair) return [];
    const { t, data, pt, prevData, prevYear } = pair;
    const out: Finding[] = [];
    const row = findRow(t, 'carriedIn');
    for (const c of row?.cells ?? []) {
      if (c.derived) continue;
      const ref: CellRef = { table: TABLE, row: 'carriedIn', col: c.col };
      const now = readCell(t, data, ref);
      const before = readCell(pt, prevData, { row: 'carriedOut', col: c.col });
      if (now === null || now === undefined || before === null || before === undefined || now === before) continue;
      out.push({
        rule: 'b.carriedIn',
        severity: 'warning',
        locations: [{ kind: 'cell', ref }],
        message:
          `${t.caption}「${c.label}」一栏：${tag(t, 'carriedIn')}上年结转填的是 ${fmt(now)}，` +
          `但${prevYear ?? '上一'}年度报告的${tag(t, 'carriedOut')}结转下年度继续办理是 ${fmt(before)}。两者通常相同，请核对。`,
        fix: { label: `采用上年的 ${fmt(before)}`, edits: [{ kind: 'cell', ref, value: before }] },
      });
    }
    return out;
  },
};

export const TABLE_B_RULES: Rule[] = [bRowTotal, bResultTotal, bBalance, bCarriedIn];
