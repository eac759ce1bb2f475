import type { ApiHandlers, ReportMeta, Settings } from '../../shared/api.js';
import type { Report } from '../../shared/model/report.js';
import type { AppContext } from '../context.js';
import { summarizeFindings } from './check-summary.js';

type StoreMethods =
  | 'listReports' | 'listTrash' | 'getReport' | 'createReport' | 'saveReport' | 'renameReport' | 'deleteReport'
  | 'restoreReport' | 'listRevisions' | 'getRevision' | 'restoreRevision' | 'getSettings' | 'saveSettings';

/**
 * The store methods of the contract. Arguments arrive parsed by `parseArgs` (IPC and HTTP
 * layers). The list's status column shows the checker's counts, refreshed on every change of
 * content; a save of unchanged content only updates those counts, it makes no new revision.
 */
export function storeHandlers(ctx: AppContext): Pick<ApiHandlers, StoreMethods> {
  const store = ctx.store;
  // The contract types parsed arguments by their input shape; parseArgs has already applied the
  // schemas' defaults, and the store validates reports and settings again before writing.
  const asReport = (r: unknown) => r as Report;
  const counted = async (id: string, report: Report): Promise<ReportMeta> =>
    store.saveReport(id, report, { findings: summarizeFindings(report, await store.findPrevious(id), (await store.getSettings()).deadline) });

  return {
    listReports: () => store.listReports(),
    listTrash: () => store.listTrash(),
    getReport: ({ id }) => store.getReport(id),
    createReport: async (args) => {
      const opened = await store.createReport({ year: args.year, format: args.format, report: args.report === undefined ? undefined : asReport(args.report) });
      const meta = await counted(opened.meta.id, opened.report);
      return { ...opened, meta };
    },
    saveReport: ({ id, report }) => counted(id, asReport(report)),
    renameReport: async ({ id, title }) => {
      await store.renameReport(id, title);
      const { report } = await store.getReport(id);
      return counted(id, report);
    },
    deleteReport: ({ id }) => store.deleteReport(id),
    restoreReport: ({ id }) => store.restoreReport(id),
    listRevisions: ({ id }) => store.listRevisions(id),
    getRevision: ({ id, revision }) => store.getRevision(id, revision),
    restoreRevision: async ({ id, revision }) => {
      const opened = await store.restoreRevision(id, revision);
      const meta = await counted(id, opened.report);
      return { ...opened, meta };
    },
    getSettings: () => store.getSettings(),
    saveSettings: (s) => store.saveSettings(s as Settings),
  };
}
