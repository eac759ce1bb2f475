import type { Finding, FindingLocation } from '../findings.js';
import { readCell } from '../model/cells.js';
import type { CellValue } from '../model/report.js';
import { findRow } from '../templates/index.js';
import type { CellRef, TableTemplate } from '../templates/index.js';
import { fmt, rowTag } from './labels.js';
import type { MentionKind } from './prose-numbers.js';
import type { Rule, RuleInput } from './types.js';

type Mention = ReturnType<RuleInput['mentions']>[number];

const textLoc = (m: Mention): FindingLocation => ({ kind: 'text', path: m.path, start: m.start, end: m.end });

/** A cell's printed value, or the computed total when a total was left blank. */
function value(input: RuleInput, ref: CellRef): CellValue {
  const t = input.template.tables[ref.table];
  const data = input.report.tables[ref.table] as Record<string, unknown> | null;
  if (!data) return null;
  const v = readCell(t, data, ref);
  if (v !== null && v !== undefined) return v;
  return computed(input, ref);
}

function computed(input: RuleInput, ref: CellRef): CellValue {
  return input.totals().find((d) => d.ref.table === ref.table && d.ref.row === ref.row && d.ref.col === ref.col)?.computed ?? null;
}

/**
 * The figures a prose count may agree with: the printed total and, when b.rowTotal/c.groupTotal
 * already flag it as wrong, the total of its parts (one mistake, one finding).
 */
function candidates(input: RuleInput, refs: CellRef[]): number[] {
  const printed = refs.map((r) => value(input, r));
  const recomputed = refs.map((r) => computed(input, r) ?? value(input, r));
  const sum = (xs: CellValue[]) => (xs.some((x) => x === null) ? null : (xs as number[]).reduce((a, b) => a + b, 0));
  return [sum(printed), sum(recomputed)].filter((x): x is number => x !== null);
}

function said(m: Mention): string {
  return `正文写的是“${m.phrase.replace(/\s+/g, ' ').trim()}”`;
}

function rowName(t: TableTemplate, row: string): string {
  return findRow(t, row)?.label ?? row;
}

export const tApplications: Rule = {
  id: 't.applications',
  severity: 'warning',
  group: 'text',
  title: '正文中收到的申请件数与表三“一、本年新收”总计一致',
  check(input) {
    const t = input.template.tables.applications;
    const newRef: CellRef = { table: 'applications', row: 'new', col: 'total' };
    const total = value(input, newRef);
    if (total === null) return [];
    const carried = value(input, { ...newRef, row: 'carriedIn' });
    const ok = new Set(candidates(input, [newRef]));
    // 受理/办理 may include last year's carried-over applications: accept that figure too.
    for (const c of candidates(input, [newRef, { ...newRef, row: 'carriedIn' }])) ok.add(c);
    const out: Finding[] = [];
    for (const m of input.mentions()) {
      if (m.kind !== 'applications') continue;
      if (m.negated ? total === 0 : ok.has(m.value)) continue;
      out.push({
        rule: 't.applications',
        severity: 'warning',
        locations: [textLoc(m), { kind: 'cell', ref: newRef }],
        message: m.negated
          ? `${said(m)}，但${t.caption}「${rowName(t, 'new')}」总计为 ${fmt(total)} 件。请核对：确实收到了申请的，改正正文；没有收到的，表三应填 0。`
          : `${said(m)}（${m.value} 件），但${t.caption}「${rowName(t, 'new')}」总计为 ${fmt(total)} 件${carried ? `（加上年结转为 ${fmt(total + carried)} 件）` : ''}。请核对正文或表三，使两者一致。`,
      });
    }
    return out;
  },
};

function caseRule(id: 't.reviews' | 't.suits', kind: MentionKind, rows: string[], what: string, title: string): Rule {
  return {
    id,
    severity: 'warning',
    group: 'text',
    title,
    check(input) {
      const t = input.template.tables.reviews;
      const refs: CellRef[] = rows.map((row) => ({ table: 'reviews', row, col: 'total' }));
      const values = refs.map((r) => value(input, r));
      if (values.some((v) => v === null)) return [];
      const total = (values as number[]).reduce((a, b) => a + b, 0);
      const ok = new Set(candidates(input, refs));
      const where = rows.map((r) => `「${rowName(t, r)}」总计`).join('与');
      const out: Finding[] = [];
      for (const m of input.mentions()) {
        if (m.kind !== kind || ok.has(m.value)) continue;
        out.push({
          rule: id,
          severity: 'warning',
          locations: [textLoc(m), ...refs.map((ref) => ({ kind: 'cell' as const, ref }))],
          message: m.negated
            ? `${said(m)}，即没有${what}，但${t.caption}${where}${rows.length > 1 ? '合计' : ''}为 ${fmt(total)} 件。请核对正文或表四。`
            : `${said(m)}（${m.value} 件），但${t.caption}${where}${rows.length > 1 ? '合计' : ''}为 ${fmt(total)} 件。请核对正文或表四，使两者一致。`,
        });
      }
      return out;
    },
  };
}

export const tReviews = caseRule('t.reviews', 'review', ['review'], '行政复议', '正文中的行政复议件数与表四一致');
export const tSuits = caseRule('t.suits', 'suit', ['suitDirect', 'suitAfterReview'], '行政诉讼', '正文中的行政诉讼件数 = 未经复议直接起诉总计 + 复议后起诉总计');

/** The table 二 rows a prose count can name; the mention kinds are named after them. */
const ACTIVE_KINDS: MentionKind[] = ['regulations', 'normativeDocs', 'penalty', 'licensing'];

export const tActive: Rule = {
  id: 't.active',
  severity: 'warning',
  group: 'text',
  title: '正文中写的规章、规范性文件、行政处罚、行政许可件数与表二一致',
  check(input) {
    const t = input.template.tables.active;
    const data = input.report.tables.active as Record<string, unknown> | null;
    if (!data) return [];
    const out: Finding[] = [];
    for (const m of input.mentions()) {
      if (!ACTIVE_KINDS.includes(m.kind)) continue;
      const row = findRow(t, m.kind);
      if (!row) continue;
      // Prose rarely says which column it means (制发? 现行有效? 公开?): a figure that matches
      // any column of the row is taken as agreeing.
      const cells = row.cells.map((c) => ({ c, v: readCell(t, data, { row: row.code, col: c.col }) }));
      const known = cells.filter((x): x is { c: (typeof cells)[number]['c']; v: number } => typeof x.v === 'number');
      if (known.length === 0 || known.some((x) => x.v === m.value)) continue;
      out.push({
        rule: 't.active',
        severity: 'warning',
        locations: [textLoc(m), ...known.map((x) => ({ kind: 'cell' as const, ref: { table: 'active' as const, row: row.code, col: x.c.col } }))],
        message:
          `${said(m)}（${m.value} 件），但${t.caption}「${row.label}」一行${known.map((x) => `${x.c.label} ${fmt(x.v)}`).join('、')}，没有一栏是 ${m.value}。` +
          `请核对：正文说的若是本机关本年的${row.label}，表二要填上；若不是，请把正文写清楚。`,
      });
    }
    return out;
  },
};

/** 国办函〔2020〕109号 applies from the 2020 reports on. */
export const FEE_FROM_YEAR = 2020;
const FEE = /处理费/;
const FEE_NOT_COLLECTED = /(?:未|没有|不|无|免)[^。；，,]{0,6}收取?[^。；]{0,10}处理费|免收|(?:无|没有|未产生|未发生)[^。；，,]{0,4}(?:信息)?处理费|处理费[^。；]{0,8}(?:为|共|计)?(?:0|零)(?:元|万元)?(?![0-9.])|处理费[^。；]{0,8}(?:无|未收取|没有收取)/;
const FEE_COLLECTED = /收取[^。；]{0,12}处理费|处理费[^。；]{0,8}收取/;
const FEE_AMOUNT = /[0-9]+(?:\.[0-9]+)?万?元/;
const UNPAID_FEE_ROW = 'other.unpaidFee';

export const tFee: Rule = {
  id: 't.fee',
  severity: 'error',
  group: 'text',
  title: '第六部分写明是否收取信息处理费，收取的写明金额',
  check(input) {
    const { report } = input;
    if (report.year !== null && report.year < FEE_FROM_YEAR) return [];
    const fields = input.texts().filter((f) => f.section === 'other' && (f.role === 'partText' || f.role === 'partHeading'));
    if (!fields.some((f) => f.role === 'partText')) return []; // an empty 六 is s.sections' finding, which names the fee
    const all = fields.map((f) => f.compact.s).join('。');
    const bt = input.template.tables.applications;
    const unpaidRow = findRow(bt, UNPAID_FEE_ROW);
    const unpaid = unpaidRow ? value(input, { table: 'applications', row: UNPAID_FEE_ROW, col: 'total' }) : null;
    const noticeNote = unpaid
      ? `表三「${rowTag(unpaidRow!)} ${unpaidRow!.shortLabel}」有 ${unpaid} 件，说明本年发出过收费通知，更要写明收费情况。`
      : '';
    if (!FEE.test(all)) {
      const parts = report.sections.other;
      const last = parts.length - 1;
      const sentence = '本年度未收取信息处理费。';
      const canOffer = last >= 0 && !unpaid;
      const lastText = canOffer ? parts[last].text : '';
      return [
        {
          rule: 't.fee',
          severity: 'error',
          locations: [{ kind: 'section', section: 'other' }],
          message:
            `“六、其他需要报告的事项”没有说明本年度是否收取信息处理费（国办函〔2020〕109号要求必须说明）。${noticeNote}` +
            `没有收取的写“${sentence}”；收取了的写明件数和金额。注意：信息处理费不是表二的“行政事业性收费”。`,
          ...(canOffer
            ? {
                fix: {
                  label: `如确实未收取，补上“${sentence}”`,
                  edits: [
                    {
                      kind: 'text' as const,
                      path: `sections.other.${last}.text`,
                      start: lastText.length,
                      end: lastText.length,
                      replacement: (lastText.trim() ? '\n' : '') + sentence,
                    },
                  ],
                },
              }
            : {}),
        },
      ];
    }
    if (FEE_NOT_COLLECTED.test(all)) return [];
    if (FEE_COLLECTED.test(all) && !FEE_AMOUNT.test(all)) {
      return [
        {
          rule: 't.fee',
          severity: 'error',
          locations: [{ kind: 'section', section: 'other' }],
          message: `“六、其他需要报告的事项”写了收取信息处理费，但没有写金额。请写明收取的件数和金额（元）。${noticeNote}`,
        },
      ];
    }
    return [];
  },
};

export const TEXT_RULES: Rule[] = [tApplications, tReviews, tSuits, tActive, tFee];
