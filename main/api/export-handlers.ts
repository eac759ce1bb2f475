import { ApiError } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import type { AppContext } from '../context.js';

// TODO(export): replace with the real implementation.
export function exportHandlers(_ctx: AppContext): Pick<ApiHandlers, 'exportReport'> {
  const todo = async (): Promise<never> => {
    throw new ApiError('unsupported', '此功能尚未完成');
  };
  return { exportReport: todo };
}
