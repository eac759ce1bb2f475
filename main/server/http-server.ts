import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiErrorCode, ApiHandlers, ApiResponse } from '../../shared/api.js';
import { dispatch, errorResponse } from '../ipc/dispatch.js';
import type { ErrorLog } from '../ipc/dispatch.js';
import { hostAllowed, originAllowed, tokenMatches } from './guard.js';
import { NO_BUILD_PAGE, STATIC_HEADERS, contentType, resolveStatic } from './static.js';

/**
 * The browser mode's HTTP server: the built renderer and `POST /api/<method>`, on 127.0.0.1 only.
 */

export interface ServerOptions {
  handlers: ApiHandlers;
  token: string;
  /** 0 → an ephemeral port. */
  port: number;
  staticDir: string;
  /** Served for /favicon.ico when the renderer has none (the app icon, so the tab shows the seal). */
  favicon?: string;
  log?: ErrorLog;
}

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

const MB = 1024 * 1024;
/** Imports carry up to 200 MB of file as base64 (≈ 267 MB) plus JSON framing. */
export const IMPORT_BODY_LIMIT = 280 * MB;
export const BODY_LIMIT = 16 * MB;

export function bodyLimit(method: string): number {
  return method === 'importFile' ? IMPORT_BODY_LIMIT : BODY_LIMIT;
}

const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function sendJson(res: ServerResponse, status: number, body: ApiResponse<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...API_HEADERS, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The envelope carries the real answer; the status only helps logs and tools. */
const STATUS: Record<ApiErrorCode, number> = {
  invalid_argument: 400,
  forbidden: 403,
  not_found: 404,
  locked: 409,
  import_failed: 422,
  unsupported: 501,
  damaged: 500,
  io: 500,
  internal: 500,
};

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, opts: ServerOptions): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, errorResponse('invalid_argument', '接口只接受 POST 请求。'));
  }
  if (!tokenMatches(opts.token, req.headers['x-nianbao-token'])) {
    return sendJson(res, 401, errorResponse('forbidden', '访问令牌无效。请使用 nianbao serve 启动时显示的完整地址（含 ?token=）重新打开页面。'));
  }
  let raw: unknown;
  try {
    const body = await readBody(req, bodyLimit(method));
    const text = body.toString('utf8');
    raw = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, errorResponse('invalid_argument', method === 'importFile' ? '文件超过 200 MB，无法导入。' : '请求内容过大。'));
    }
    return sendJson(res, 400, errorResponse('invalid_argument', '请求内容不是有效的 JSON。请刷新页面后重试。'));
  }
  const r = await dispatch(opts.handlers, method, raw, opts.log);
  sendJson(res, r.ok ? 200 : STATUS[r.error.code], r);
}

function handleStatic(req: IncomingMessage, res: ServerResponse, rawPath: string, opts: ServerOptions): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('不支持的请求方法');
    return;
  }
  let t = resolveStatic(opts.staticDir, rawPath);
  if (t.kind === 'not_found' && rawPath === '/favicon.ico' && opts.favicon && existsSync(opts.favicon)) t = { kind: 'file', path: opts.favicon, spaFallback: false };
  if (t.kind === 'bad_path') {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end('请求的路径不合法');
    return;
  }
  if (t.kind === 'not_found') {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end('找不到该文件');
    return;
  }
  if (t.kind === 'no_build') {
    res.writeHead(503, { ...STATIC_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(NO_BUILD_PAGE);
    return;
  }
  const isHtml = t.path.endsWith('.html');
  res.writeHead(200, { ...STATIC_HEADERS, 'Content-Type': contentType(t.path), 'Cache-Control': isHtml ? 'no-store' : 'no-cache' });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(t.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export function createRequestHandler(opts: ServerOptions, port: () => number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const p = port();
    if (!hostAllowed(req.headers.host, p)) {
      sendJson(res, 403, errorResponse('forbidden', '拒绝了来自其他地址的请求（Host 不符）。请使用 http://127.0.0.1 地址访问。'));
      return;
    }
    const origin = req.headers.origin;
    if (!originAllowed(typeof origin === 'string' ? origin : undefined, p)) {
      sendJson(res, 403, errorResponse('forbidden', '拒绝了来自其他网站的请求。'));
      return;
    }
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q >= 0 ? url.slice(0, q) : url;
    if (rawPath.startsWith('/api/')) {
      handleApi(req, res, rawPath.slice('/api/'.length), opts).catch((e: unknown) => {
        (opts.log ?? (() => undefined))('http', e);
        if (!res.headersSent) sendJson(res, 500, errorResponse('internal', '发生了意外错误。请重试。'));
        else res.destroy();
      });
      return;
    }
    handleStatic(req, res, rawPath, opts);
  };
}

export function startServer(opts: ServerOptions): Promise<RunningServer> {
  let boundPort = 0;
  const server: Server = createServer(createRequestHandler(opts, () => boundPort));
  server.requestTimeout = 10 * 60 * 1000; // a 200 MB import over loopback is fast, but be patient
  server.headersTimeout = 30 * 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: opts.port, host: '127.0.0.1' }, () => {
      server.off('error', reject);
      boundPort = (server.address() as AddressInfo).port;
      resolve({
        port: boundPort,
        url: `http://127.0.0.1:${boundPort}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
