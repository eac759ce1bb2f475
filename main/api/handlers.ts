import type { ApiHandlers } from '../../shared/api.js';
import type { AppContext } from '../context.js';
import { checkHandlers } from './check-handlers.js';
import { exportHandlers } from './export-handlers.js';
import { hostHandlers } from './host-handlers.js';
import { importHandlers } from './import-handlers.js';
import { storeHandlers } from './store-handlers.js';

/** Every method of the contract, implemented once; Electron IPC and the HTTP server both call these. */
export function createHandlers(ctx: AppContext): ApiHandlers {
  return { ...storeHandlers(ctx), ...importHandlers(ctx), ...checkHandlers(ctx), ...exportHandlers(ctx), ...hostHandlers(ctx) };
}
