import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project (or packaged app) root: the nearest folder above this module holding our
 * package.json. The same code runs from main/ through tsx, from dist/ as a bundle and from
 * inside app.asar, so paths are found, not assumed.
 */
let cachedRoot: string | undefined;

export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        if ((JSON.parse(readFileSync(p, 'utf8')) as { name?: string }).name === 'nianbao') return (cachedRoot = dir);
      } catch {
        /* not ours; keep looking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('找不到年报助手的安装文件夹（package.json）。');
    dir = up;
  }
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The built renderer (`npm run build`); NIANBAO_RENDERER_DIR overrides it (tests). */
export function rendererDir(env: Record<string, string | undefined> = process.env): string {
  return env.NIANBAO_RENDERER_DIR || join(appRoot(), 'dist', 'renderer');
}
