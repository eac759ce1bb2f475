import type { CellKind } from '../templates/index.js';

/**
 * What the clerk types into a table cell, read as a figure (rules.md cell.integer, cell.money).
 * Pure: the editor calls it on every keystroke and on paste.
 */
export type CellInput =
  | { kind: 'value'; value: number | null }
  /** `一`, `无`, `—`, `/` in a figure cell: 0 only once the clerk confirms (「按 0 填写？」). */
  | { kind: 'askZero'; written: string; message: string }
  | { kind: 'refused'; message: string };

/** Placeholders offices write for "nothing happened". `一` is also the numeral one, hence the question. */
const ZEROISH = new Set(['一', '无', '—', '——', '－', '-', '–', '/', '／', '\\', '、', '没有', '否']);

const MAX_ABS = 1e9;

/** Full-width digits and signs (IME) become ASCII; separators and every kind of space are dropped. */
export function normaliseCellText(raw: string): string {
  let s = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff10 && code <= 0xff19) s += String.fromCharCode(code - 0xff10 + 48);
    else if (ch === '．' || ch === '。') s += '.';
    else if (ch === '＋') s += '+';
    else if (ch === '−' || ch === '﹣' || ch === '－') s += '-';
    else s += ch;
  }
  // Thousands separators (1,234 / 1，234) and spaces inside or around the figure.
  return s.replace(/[,，\s\u3000\u00a0\u200b-\u200d\ufeff]/g, '');
}

function unitStripped(s: string, kind: CellKind): string {
  if (kind === 'money') return s.replace(/万元$|万$/, '');
  return s.replace(/[件项个次]$/, '');
}

export function parseCellInput(raw: string, kind: CellKind): CellInput {
  const s0 = normaliseCellText(raw);
  if (s0 === '') return { kind: 'value', value: null };
  if (ZEROISH.has(s0)) {
    return { kind: 'askZero', written: s0, message: `“${s0}”不是数字。没有发生的请填 0，按 0 填写吗？` };
  }
  const s = unitStripped(s0, kind);
  if (kind === 'money') {
    if (/^元$|[^万]元$/.test(s0)) return { kind: 'refused', message: '这一栏以万元为单位，请换算成万元再填（例如 1.25 万元填 1.25）。' };
    if (/^-/.test(s) && /^-(\d+(\.\d*)?|\.\d+)$/.test(s)) return { kind: 'refused', message: '金额不能为负数。' };
    if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { kind: 'refused', message: '请填写以万元为单位的金额，例如 1.25；没有就填 0。' };
    const decimals = (s.split('.')[1] ?? '').length;
    if (decimals > 4) return { kind: 'refused', message: '金额以万元为单位，最多保留四位小数。' };
    const v = Number(s);
    if (!Number.isFinite(v) || v > MAX_ABS) return { kind: 'refused', message: '数字太大，请核对。' };
    return { kind: 'value', value: Math.round(v * 10000) / 10000 };
  }
  if (/^[-+]?\d+\.\d*[1-9]\d*$/.test(s) || /^[-+]?\.\d+$/.test(s)) return { kind: 'refused', message: '件数必须是整数。' };
  if (/^[-+]?\d+\.0*$/.test(s)) return parseCellInput(s.replace(/\.0*$/, ''), kind);
  if (kind === 'count' && /^-\d+$/.test(s)) {
    return { kind: 'refused', message: '件数不能为负数，请填写 0 或正整数。' };
  }
  const ok = kind === 'signed' ? /^[-+]?\d+$/ : /^\+?\d+$/;
  if (!ok.test(s)) {
    return { kind: 'refused', message: kind === 'signed' ? '请填写整数，减少的填负数（例如 -2）；没有变化填 0。' : '请填写整数，例如 12；没有就填 0。' };
  }
  const v = Number(s);
  if (!Number.isSafeInteger(v) || Math.abs(v) > MAX_ABS) return { kind: 'refused', message: '数字太大，请核对。' };
  return { kind: 'value', value: v === 0 ? 0 : v };
}

/** How a stored figure is shown in its cell: blank for null, no thousands separators (the form has none). */
export function formatCellValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
