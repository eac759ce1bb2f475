import { ApiError } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import type { AppContext } from '../context.js';

/** Base64 from the renderer as bytes; empty or undecodable data is an argument error. */
function decode(dataBase64: string): Uint8Array {
  const buf = Buffer.from(dataBase64, 'base64');
  if (buf.length === 0) throw new ApiError('invalid_argument', '文件内容为空，无法保存。');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

const BROWSER_SAVE = '浏览器模式下不能直接保存到指定位置：文件会作为下载保存到浏览器的“下载”文件夹。';

/** Host services: what the desktop app does with the operating system, absent in the browser mode. */
export function hostHandlers(ctx: AppContext): Pick<ApiHandlers, 'getAppInfo' | 'saveFile' | 'showInFolder' | 'printPdf'> {
  return {
    async getAppInfo() {
      return { host: ctx.host.kind, version: ctx.version, dataDir: ctx.store.dataDir, notices: [...(ctx.notices ?? [])] };
    },
    async saveFile({ suggestedName, dataBase64 }) {
      if (!ctx.host.saveFile) throw new ApiError('unsupported', BROWSER_SAVE);
      const path = await ctx.host.saveFile(suggestedName, decode(dataBase64));
      return { path };
    },
    async showInFolder({ path }) {
      if (!ctx.host.showInFolder) throw new ApiError('unsupported', '浏览器模式下无法打开文件夹：请在浏览器的“下载”列表中查看文件。');
      await ctx.host.showInFolder(path);
      return null;
    },
    async printPdf({ dataBase64 }) {
      if (!ctx.host.printPdf) throw new ApiError('unsupported', '浏览器模式下请下载 PDF 后用 PDF 阅读器打印。');
      const data = decode(dataBase64);
      if (Buffer.from(data.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new ApiError('invalid_argument', '要打印的内容不是 PDF 文件。');
      await ctx.host.printPdf(data);
      return null;
    },
  };
}
