import { activeTemplate } from './active.js';
import { applicationsTemplate } from './applications.js';
import { reviewsTemplate } from './reviews.js';
import { SECTIONS } from './sections.js';
import type { CellAddress, FormatId, FormatTemplate, LogicalCell, LogicalRow, TableId, TableTemplate } from './types.js';

export * from './types.js';
export { SECTIONS, SECTION_IDS, sectionById, standardHeading } from './sections.js';
export { APPLICANT_COLUMNS, BALANCE_NOTE, resultComponentCodes } from './applications.js';
export { REVIEW_COLUMNS, REVIEW_GROUPS } from './reviews.js';

export const FORMATS: readonly FormatId[] = ['2021', '2019'];
export const TABLE_IDS: readonly TableId[] = ['active', 'applications', 'reviews'];

function build(format: FormatId): FormatTemplate {
  return {
    format,
    issuedBy: format === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号',
    sections: SECTIONS,
    tables: { active: activeTemplate(format), applications: applicationsTemplate(format), reviews: reviewsTemplate() },
  };
}

const TEMPLATES: Record<FormatId, FormatTemplate> = { '2021': build('2021'), '2019': build('2019') };

export function getTemplate(format: FormatId): FormatTemplate {
  return TEMPLATES[format];
}

export function tableTemplate(format: FormatId, table: TableId): TableTemplate {
  return TEMPLATES[format].tables[table];
}

export function findRow(t: TableTemplate, row: string): LogicalRow | undefined {
  return t.rows.find((r) => r.code === row);
}

export function findCell(t: TableTemplate, at: CellAddress): LogicalCell | undefined {
  return findRow(t, at.row)?.cells.find((c) => c.col === at.col);
}

/** 「表三 一、本年新收政府信息公开申请数量 自然人」: the accessible name of a cell, also used in messages. */
export function cellName(t: TableTemplate, at: CellAddress): string {
  const row = findRow(t, at.row);
  const cell = row?.cells.find((c) => c.col === at.col);
  return [t.caption, row?.label ?? at.row, cell?.label ?? at.col].join(' ');
}
