import { realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

/**
 * Serving the built renderer, shared by the browser-mode HTTP server and Electron's app://
 * protocol: one Content-Security-Policy, one path check, one SPA fallback.
 */

/** antd styles itself with CSS-in-JS at run time, hence style-src 'unsafe-inline'; no inline scripts. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  'frame-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const STATIC_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.bcmap': 'application/octet-stream',
};

export function contentType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticTarget =
  | { kind: 'file'; path: string; spaFallback: boolean }
  | { kind: 'bad_path' }
  | { kind: 'not_found' }
  | { kind: 'no_build' };

/**
 * Maps a URL path (raw, still percent-encoded, without query) to a file under `root`.
 * Refuses `..` segments, backslashes, NUL and dot-files before any normalisation (so
 * `/%2e%2e/` cannot sneak past), and checks the real path stays inside the root (symlinks).
 * A missing path without an extension is the single-page app's route: index.html.
 * Directories are never listed.
 */
export function resolveStatic(root: string, rawPath: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad_path' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad_path' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.') || s.includes(':'))) return { kind: 'bad_path' };

  let realRoot: string;
  try {
    realRoot = realpathSync(resolve(root));
  } catch {
    return { kind: 'no_build' };
  }
  const index = join(realRoot, 'index.html');
  const candidate = segments.length === 0 ? index : join(realRoot, ...segments);
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + sep);
  if (!inside(candidate)) return { kind: 'bad_path' };

  const fileOrNull = (p: string): string | null => {
    try {
      const real = realpathSync(p);
      if (!inside(real)) return null;
      return statSync(real).isFile() ? real : null;
    } catch {
      return null;
    }
  };
  const found = fileOrNull(candidate);
  if (found) return { kind: 'file', path: found, spaFallback: false };
  const last = segments[segments.length - 1] ?? '';
  if (extname(last) === '') {
    const idx = fileOrNull(index);
    return idx ? { kind: 'file', path: idx, spaFallback: true } : { kind: 'no_build' };
  }
  return { kind: 'not_found' };
}

/** Shown instead of the app when `npm run build` has not been run. */
export const NO_BUILD_PAGE =
  '<!doctype html><meta charset="utf-8"><title>年报助手</title><p>界面尚未构建。请在项目文件夹中运行 <code>npm run build</code>，然后刷新本页。</p>';
