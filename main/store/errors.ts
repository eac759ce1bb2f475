import { ApiError } from '../../shared/api.js';
import { errnoCode, NewerVersionError } from './durable-file.js';

/** Disk errors as the clerk should read them: what happened, and what to do. */
export function ioError(e: unknown, dataDir: string): ApiError {
  const code = errnoCode(e) ?? 'UNKNOWN';
  const where = `数据文件夹：${dataDir}`;
  let msg: string;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      msg = `磁盘空间不足，无法保存。请删除一些不需要的文件、腾出磁盘空间后再保存（${where}）。`;
      break;
    case 'EACCES':
    case 'EPERM':
      msg = `没有权限读写数据文件。请检查文件夹的权限，或用 --data-dir 指定一个有权限的文件夹（${where}）。`;
      break;
    case 'EROFS':
      msg = `数据文件夹所在的磁盘是只读的，无法保存。请换一个可写的文件夹（--data-dir）或检查U盘的写保护开关（${where}）。`;
      break;
    case 'EBUSY':
      msg = `数据文件正被其他程序（如杀毒软件、同步盘）占用。请稍等片刻再试，或暂时关闭占用它的程序（${where}）。`;
      break;
    case 'EMFILE':
    case 'ENFILE':
      msg = `同时打开的文件过多。请关闭一些程序后重试（${where}）。`;
      break;
    case 'EIO':
      msg = `读写磁盘时出错，磁盘可能有故障。请尽快把数据文件夹复制到别处备份（${where}）。`;
      break;
    case 'ENOTDIR':
    case 'EISDIR':
      msg = `数据文件夹的路径不对（被同名文件占用）。请检查或用 --data-dir 换一个文件夹（${where}）。`;
      break;
    default:
      msg = `读写数据文件时出错（${code}）。请检查磁盘和文件夹后重试（${where}）。`;
  }
  return new ApiError('io', msg, { code });
}

export function notFound(id: string): ApiError {
  return new ApiError('not_found', `找不到编号为“${id}”的报告。它可能已被彻底删除，请刷新报告列表。`);
}

export function newerVersion(e: NewerVersionError): ApiError {
  return new ApiError('unsupported', `文件“${e.path}”是由更新版本的年报助手保存的（数据版本 ${e.version}），本版本无法读取。请升级年报助手后再打开。`);
}

/** Turns anything thrown inside the store into an ApiError with a Chinese message. */
export function toApiError(e: unknown, dataDir: string): unknown {
  if (e instanceof ApiError) return e;
  if (e instanceof NewerVersionError) return newerVersion(e);
  if (errnoCode(e) !== undefined && e instanceof Error && 'syscall' in e) return ioError(e, dataDir);
  return e;
}
