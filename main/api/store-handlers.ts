import { ApiError } from '../../shared/api.js';
import type { ApiHandlers } from '../../shared/api.js';
import type { AppContext } from '../context.js';

type StoreMethods =
  | 'listReports' | 'listTrash' | 'getReport' | 'createReport' | 'saveReport' | 'renameReport' | 'deleteReport'
  | 'restoreReport' | 'listRevisions' | 'getRevision' | 'restoreRevision' | 'getSettings' | 'saveSettings';

// TODO(store): replace with the real implementation.
export function storeHandlers(_ctx: AppContext): Pick<ApiHandlers, StoreMethods> {
  const todo = async (): Promise<never> => {
    throw new ApiError('unsupported', '此功能尚未完成');
  };
  return {
    listReports: todo, listTrash: todo, getReport: todo, createReport: todo, saveReport: todo, renameReport: todo,
    deleteReport: todo, restoreReport: todo, listRevisions: todo, getRevision: todo, restoreRevision: todo,
    getSettings: todo, saveSettings: todo,
  };
}
