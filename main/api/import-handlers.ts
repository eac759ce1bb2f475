import { ApiError } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import type { AppContext } from '../context.js';

// TODO(import): replace with the real implementation.
export function importHandlers(_ctx: AppContext): Pick<ApiHandlers, 'importFile' | 'nextYear'> {
  const todo = async (): Promise<never> => {
    throw new ApiError('unsupported', '此功能尚未完成');
  };
  return { importFile: todo, nextYear: todo };
}
