import { ApiError, isApiMethod, parseArgs } from '../../shared/api.js';
import type { ApiErrorShape, ApiHandlers, ApiMethod, ApiResponse } from '../../shared/api.js';

/**
 * Transport-neutral: one call of the contract, from raw (untrusted) arguments to an ApiResponse
 * envelope. Electron IPC and the browser-mode HTTP server both go through here, so both parse
 * every argument with the contract's schema and both turn failures into the same typed errors.
 */

export type ErrorLog = (method: string, error: unknown) => void;

const defaultLog: ErrorLog = (method, error) => {
  process.stderr.write(`[nianbao] ${method} 失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
};

/** Node's errno codes a clerk can act on, in Chinese. */
const IO_HINTS: Record<string, string> = {
  ENOSPC: '磁盘已满。请清理磁盘空间后重试。',
  EACCES: '没有权限读写数据文件夹。请检查文件夹权限，或换一个数据文件夹。',
  EPERM: '没有权限读写数据文件夹（文件可能被其他程序占用）。请关闭占用它的程序后重试。',
  EROFS: '数据文件夹所在的磁盘是只读的。请换一个可写的数据文件夹。',
  EBUSY: '数据文件正被其他程序占用。请关闭占用它的程序后重试。',
  EMFILE: '同时打开的文件太多。请稍后重试。',
};

/** Any thrown value as the shape that crosses the boundary; never leaks a stack to the client. */
export function toErrorShape(method: string, error: unknown, log: ErrorLog = defaultLog): ApiErrorShape {
  if (error instanceof ApiError) return error.toShape();
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  log(method, error);
  if (IO_HINTS[code]) return { code: 'io', message: `读写数据文件失败（${code}）：${IO_HINTS[code]}` };
  return { code: 'internal', message: '发生了意外错误，操作没有完成。请重试；如果问题仍然存在，请重新启动年报助手，并把日志中的信息告诉技术支持。' };
}

export function errorResponse(code: ApiErrorShape['code'], message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } };
}

export async function dispatch(handlers: ApiHandlers, method: string, rawArgs: unknown, log: ErrorLog = defaultLog): Promise<ApiResponse<unknown>> {
  if (!isApiMethod(method)) return errorResponse('not_found', `没有名为“${method.slice(0, 60)}”的接口。请更新年报助手。`);
  try {
    const args = parseArgs(method, rawArgs);
    const handler = handlers[method] as (a: unknown) => Promise<unknown>;
    const value = await handler(args);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    return { ok: false, error: toErrorShape(method, e, log) };
  }
}

export type { ApiMethod };
