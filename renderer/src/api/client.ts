import { API_METHODS, ApiError } from '../../../shared/api.js';
import type { ApiClient, ApiMethod, ApiResponse } from '../../../shared/api.js';

/**
 * The typed API client. In Electron the preload exposes `window.nianbaoApi` (one function per
 * method, each resolving to an ApiResponse envelope, because errors lose their fields across
 * contextBridge); in the browser mode the same methods are `POST /api/<method>` with the per-run
 * token. The rest of the UI cannot tell the two apart.
 */
export type Transport = (method: ApiMethod, args: unknown) => Promise<ApiResponse<unknown>>;

declare global {
  interface Window {
    nianbaoApi?: Record<ApiMethod, (args: unknown) => Promise<ApiResponse<unknown>>>;
  }
}

const TOKEN_KEY = 'nianbao.token';

/** Reads `?token=` once, keeps it for this tab, and removes it from the address bar. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = browserToken();
  return async (method, args) => {
    let res: Response;
    try {
      res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token },
        body: JSON.stringify(args === undefined ? {} : args),
      });
    } catch {
      return { ok: false, error: { code: 'io', message: '无法连接年报助手的本地服务。请确认命令行窗口中的 nianbao serve 仍在运行，然后刷新页面。' } };
    }
    try {
      return (await res.json()) as ApiResponse<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `本地服务返回了无法识别的内容（HTTP ${res.status}）。请刷新页面后重试。` } };
    }
  };
}

function preloadTransport(): Transport | null {
  const bridge = window.nianbaoApi;
  if (!bridge) return null;
  return (method, args) => bridge[method](args);
}

export function createClient(transport: Transport): ApiClient {
  const client: Record<string, (args?: unknown) => Promise<unknown>> = {};
  for (const m of API_METHODS) {
    client[m] = async (args?: unknown) => {
      const r = await transport(m, args);
      if (r.ok) return r.value;
      throw new ApiError(r.error.code, r.error.message, r.error.details);
    };
  }
  return client as ApiClient;
}

export const isElectron = typeof window !== 'undefined' && window.nianbaoApi !== undefined;

/** The app's client, chosen once at start. */
export const api: ApiClient = createClient(preloadTransport() ?? httpTransport());

/**
 * The editor's last save while the page goes away (beforeunload/pagehide), fire and forget: in the
 * browser a `keepalive` request outlives the page (bodies up to 64 KB, else false — the editor keeps
 * a safety copy in localStorage as well); in Electron the IPC message is sent at once.
 */
export function saveReportOnUnload(args: { id: string; report: unknown }): boolean {
  const bridge = typeof window !== 'undefined' ? window.nianbaoApi : undefined;
  if (bridge) {
    void bridge.saveReport(args).catch(() => undefined);
    return true;
  }
  const body = JSON.stringify(args);
  if (new Blob([body]).size > 63 * 1024) return false;
  try {
    void fetch('/api/saveReport', {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
      body,
    }).catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}
