import type { ReportMeta } from '../../../shared/api.js';

/** Display helpers for the list and dialogs: dates in the clerk's local time, statuses in words. */

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-01-05 14:03 in local time; '—' for a missing or unreadable date. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 2026年1月5日 from 2026-01-05 (成文日期). */
export function formatChineseDate(ymd: string | null | undefined): string {
  const m = ymd ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '—';
}

export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The year a clerk usually reports on: last year (in January 2027 they write the 2026 report). */
export function defaultReportYear(now = new Date()): number {
  return now.getFullYear() - 1;
}

export type StatusTone = 'error' | 'warning' | 'success' | 'default';

/** 「2 个错误」「1 个警告」「通过」「未检查」 from the checker counts kept with the report. */
export function findingsStatus(f: ReportMeta['findings']): { text: string; tone: StatusTone } {
  if (!f) return { text: '未检查', tone: 'default' };
  if (f.errors > 0) return { text: f.warnings > 0 ? `${f.errors} 个错误，${f.warnings} 个警告` : `${f.errors} 个错误`, tone: 'error' };
  if (f.warnings > 0) return { text: `${f.warnings} 个警告`, tone: 'warning' };
  return { text: '通过', tone: 'success' };
}

export const FORMAT_LABEL: Record<'2021' | '2019', string> = { '2021': '2021 年版', '2019': '2019 年版' };

/** Full-width digits (０-９) as ASCII: clerks often type with the Chinese IME in full-width mode. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Full-width ASCII forms (digits, letters, ＠, ．, －, ：, ／) as ASCII, for codes, phones, addresses on the web. */
export function halfWidthAscii(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function excerpt(s: string | null | undefined, max = 80): string {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
