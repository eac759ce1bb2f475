import { ApiError } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import type { AppContext } from '../context.js';

// TODO(check): replace with the real implementation.
export function checkHandlers(_ctx: AppContext): Pick<ApiHandlers, 'checkReport' | 'getPreviousReport'> {
  const todo = async (): Promise<never> => {
    throw new ApiError('unsupported', '此功能尚未完成');
  };
  return { checkReport: todo, getPreviousReport: todo };
}
