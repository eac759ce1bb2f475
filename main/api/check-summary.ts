import type { ReportMeta } from '../../shared/api.js';
import type { Report } from '../../shared/model/report.js';
import { checkReport, countFindings } from '../../shared/rules/index.js';

/** The checker's counts for the report list's status column; the store calls it on every save. */
export function summarizeFindings(report: Report, previous: Report | null, deadline?: string): NonNullable<ReportMeta['findings']> {
  return countFindings(checkReport(report, { previous, deadline }));
}
