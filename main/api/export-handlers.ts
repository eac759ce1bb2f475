import { ApiError } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import type { Report } from '../../shared/model/report.js';
import type { AppContext } from '../context.js';

/**
 * Export over the API: the editor sends the report as it stands (unsaved edits included); a
 * report list entry sends only its id and the store supplies the report. The writers load
 * lazily so that starting the app does not parse fonts or load pdfkit.
 */
export function exportHandlers(ctx: AppContext): Pick<ApiHandlers, 'exportReport'> {
  return {
    async exportReport({ id, report, kind, cover }) {
      // The contract types the argument as schema input; main has already parsed it with ReportSchema.
      let r = report as Report | undefined;
      if (!r) {
        if (!id) throw new ApiError('invalid_argument', '需要报告编号或报告内容');
        r = (await ctx.store.getReport(id)).report;
      }
      // 上报函 only when the dialog asks for it (its fields may all be empty: defaults from the report).
      const c = cover ?? null;
      const { exportReport } = await import('../export/index.js');
      try {
        return await exportReport(r, kind, c);
      } catch (e) {
        if (e instanceof ApiError) throw e;
        throw new ApiError('internal', `导出失败：${e instanceof Error ? e.message : String(e)}。请重试；如仍失败，请把报告文件发给技术支持。`);
      }
    },
  };
}
