import type { Report } from './report.js';

export const TITLE_SUFFIX = '年政府信息公开工作年度报告';

/** `<office><year>年政府信息公开工作年度报告` (rules.md s.title). */
export function standardTitle(officeName: string | null | undefined, year: number | null): string {
  return `${officeName ?? ''}${year ?? '____'}${TITLE_SUFFIX}`;
}

export function reportTitle(r: Pick<Report, 'title' | 'office' | 'year'>): string {
  return r.title && r.title.trim() !== '' ? r.title : standardTitle(r.office.name, r.year);
}

/** The file name offered when exporting: `<office><year>年政府信息公开工作年度报告.<ext>`, safe on Windows. */
export function exportFileName(r: Pick<Report, 'title' | 'office' | 'year'>, ext: string): string {
  const base = standardTitle(r.office.name, r.year).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return `${base}.${ext}`;
}
