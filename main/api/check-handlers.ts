import { ApiError } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import type { Report } from '../../shared/model/report.js';
import { checkReport } from '../../shared/rules/index.js';
import type { AppContext } from '../context.js';

/** The checker over the API: the editor sends the report as it stands; the store supplies last year's and the deadline. */
export function checkHandlers(ctx: AppContext): Pick<ApiHandlers, 'checkReport' | 'getPreviousReport'> {
  const previousOf = async (id: string | undefined): Promise<Report | null> => {
    if (!id) return null;
    try {
      return await ctx.store.findPrevious(id);
    } catch (e) {
      // A report not saved yet has no previous year; the check still runs without the cross-year rules.
      if (e instanceof ApiError && e.code === 'not_found') return null;
      throw e;
    }
  };
  return {
    async checkReport({ report, id }) {
      const [previous, settings] = await Promise.all([previousOf(id), ctx.store.getSettings()]);
      // The contract types the argument as schema input; main has already parsed it with ReportSchema.
      return checkReport(report as Report, { previous, deadline: settings.deadline });
    },
    async getPreviousReport({ id }) {
      return ctx.store.findPrevious(id);
    },
  };
}
