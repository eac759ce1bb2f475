import { ApiError } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import type { AppContext } from '../context.js';

// TODO(host): replace with the real implementation.
export function hostHandlers(_ctx: AppContext): Pick<ApiHandlers, 'getAppInfo' | 'saveFile' | 'showInFolder' | 'printPdf'> {
  const todo = async (): Promise<never> => {
    throw new ApiError('unsupported', '此功能尚未完成');
  };
  return { getAppInfo: todo, saveFile: todo, showInFolder: todo, printPdf: todo };
}
