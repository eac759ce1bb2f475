import type { TableId, TableTemplate } from '../templates/index.js';
import { getTemplate } from '../templates/index.js';
import type { RuleInput } from './types.js';

export interface TablePair {
  /** This year's template and data of the table. */
  t: TableTemplate;
  data: Record<string, unknown>;
  /** Last year's, read with last year's own template (a 2019 report keeps its 2019 rows). */
  pt: TableTemplate;
  prevData: Record<string, unknown>;
  prevYear: number | null;
}

/** One table of this year's report beside the same table of last year's, or null when either is missing. */
export function withPrevious(input: RuleInput, table: TableId): TablePair | null {
  const prev = input.previous;
  const data = input.report.tables[table] as Record<string, unknown> | null;
  const prevData = prev?.tables[table] as Record<string, unknown> | null | undefined;
  if (!prev || !data || !prevData) return null;
  return { t: input.template.tables[table], data, pt: getTemplate(prev.format).tables[table], prevData, prevYear: prev.year };
}
