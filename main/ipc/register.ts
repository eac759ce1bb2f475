// The ONLY main-process file that touches ipcMain (enforced by eslint.config.js).
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { API_METHODS, IPC_CHANNEL_PREFIX } from '../../shared/api.js';
import type { ApiHandlers, ApiResponse } from '../../shared/api.js';
import { dispatch, errorResponse } from './dispatch.js';
import { isTrustedSender } from './sender.js';

/**
 * Registers every method of the contract once as `nianbao:<method>`. Each call checks the sender
 * frame is our own app:// page, parses its arguments with the contract's schema and resolves to
 * an ApiResponse envelope (never rejects: Error fields do not survive contextBridge).
 */
export function registerApi(handlers: ApiHandlers): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + method, async (event: IpcMainInvokeEvent, raw: unknown): Promise<ApiResponse<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) {
        return errorResponse('forbidden', '拒绝了来自未知页面的请求。');
      }
      return dispatch(handlers, method, raw);
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(IPC_CHANNEL_PREFIX + method);
  };
}
