import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../ipc/sender.js';
import { NO_BUILD_PAGE, STATIC_HEADERS, contentType, resolveStatic } from '../server/static.js';

/** Must run before the app is ready: app:// behaves like https (standard, secure origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** Serves the built renderer on app://nianbao/ with the same CSP and path checks as the browser mode. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return text(403, '拒绝访问');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, '不支持的请求方法');
    // The raw path, before URL normalisation, so encoded `..` is seen and refused.
    const rawPath = request.url.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/)[0] || '/';
    const t = resolveStatic(rendererDir, rawPath);
    if (t.kind === 'bad_path') return text(400, '请求的路径不合法');
    if (t.kind === 'not_found') return text(404, '找不到该文件');
    if (t.kind === 'no_build') return new Response(NO_BUILD_PAGE, { status: 503, headers: { ...STATIC_HEADERS, 'Content-Type': 'text/html; charset=utf-8' } });
    const body = await readFile(t.path);
    return new Response(body, { status: 200, headers: { ...STATIC_HEADERS, 'Content-Type': contentType(t.path), 'Cache-Control': 'no-cache' } });
  });
}
