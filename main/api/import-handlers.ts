import { ApiError } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import { nextYearReport } from '../../shared/model/next-year.js';
import type { AppContext } from '../context.js';
import { importFailed, MAX_FILE_BYTES } from '../import/errors.js';
import { importBuffer } from '../import/index.js';

/** importFile reads only — nothing reaches the store until the user saves with createReport. */
export function importHandlers(ctx: AppContext): Pick<ApiHandlers, 'importFile' | 'nextYear'> {
  return {
    async importFile({ fileName, dataBase64 }) {
      if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(dataBase64)) throw importFailed('文件数据传输不完整，无法导入。请重新选择文件。');
      const data = Buffer.from(dataBase64, 'base64');
      if (data.length > MAX_FILE_BYTES) throw importFailed('文件超过 200 MB，无法导入。年度报告文件通常只有几百 KB，请确认选择的文件是否正确。');
      return importBuffer(fileName, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    },
    async nextYear({ id }) {
      const prev = await ctx.store.getReport(id);
      if (prev.report.year === null) throw new ApiError('invalid_argument', '这份报告没有填写年度，无法新建下一年度报告。请先在报告信息中填写年度。');
      const { report, mentions } = nextYearReport(prev.report, id);
      const year = prev.report.year + 1;
      const opened = await ctx.store.createReport({ year, format: '2021', report });
      return { ...opened, mentions };
    },
  };
}
