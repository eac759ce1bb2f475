import { API_METHODS, IPC_CHANNEL_PREFIX } from '../../shared/api.js';
import type { ApiMethod, ApiResponse } from '../../shared/api.js';

/** What the page gets as `window.nianbaoApi`: one function per method of the contract, nothing else. */
export type ExposedApi = Record<ApiMethod, (args: unknown) => Promise<ApiResponse<unknown>>>;

/** Pure (no Electron) so it is tested in plain Node; expose.ts passes ipcRenderer.invoke in. */
export function buildExposedApi(invoke: (channel: string, args: unknown) => Promise<unknown>): ExposedApi {
  const api = {} as ExposedApi;
  for (const method of API_METHODS) {
    // Only the argument crosses; the event object and ipcRenderer itself never reach the page.
    api[method] = (args: unknown) => invoke(IPC_CHANNEL_PREFIX + method, args) as Promise<ApiResponse<unknown>>;
  }
  return Object.freeze(api);
}
