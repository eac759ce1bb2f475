import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../../helpers/fixtures.js';

/**
 * Shared end-to-end helpers: a real `nianbao serve` child on a temp data folder, real Chromium
 * (playwright-core, /usr/bin/chromium), and the app page. They build nothing when the build is
 * current (`npm test` builds first); a missing or outdated renderer or CLI bundle is handled here
 * (the renderer is built once with Vite, the CLI runs from source), so a quick run tests the code
 * as it is now.
 */

export const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--lang=zh-CN', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const RENDERER_INDEX = join(ROOT, 'dist', 'renderer', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

function mtime(p: string): number {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

/** Builds dist/renderer with Vite when it is missing or older than the renderer/shared sources (once, under a lock). */
export function ensureRenderer(): void {
  const stale = () => mtime(RENDERER_INDEX) < Math.max(newestMtime(join(ROOT, 'renderer')), newestMtime(join(ROOT, 'shared')));
  if (!stale()) return;
  const lock = join(tmpdir(), 'nianbao-e2e-renderer-build.lock');
  const t0 = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes is left over from a killed run.
      if (Date.now() - mtime(lock) > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - t0 > 180_000) throw new Error('waited too long for another renderer build');
      spawnSync('sleep', ['0.5']);
    }
  }
  try {
    if (!stale()) return;
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const r = spawnSync(process.execPath, [vite, 'build', '--config', join(ROOT, 'vite.config.ts'), '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Server {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server wrote on stderr (notices, warnings). */
  stderr: () => string;
  stop: () => Promise<void>;
}

/** `nianbao serve --no-open --port 0 --data-dir <dir>`; resolves on its first line `Nianbao: http://127.0.0.1:PORT/?token=TOKEN`. */
export async function startServer(dataDir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-data-')), opts: { port?: number } = {}): Promise<Server> {
  ensureRenderer();
  const cli = join(ROOT, 'dist', 'cli', 'nianbao.mjs');
  const fromSource = mtime(cli) < Math.max(newestMtime(join(ROOT, 'main')), newestMtime(join(ROOT, 'shared')));
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'nianbao.mjs'), 'serve', '--no-open', '--port', String(opts.port ?? 0), '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, NIANBAO_DATA_DIR: '', NIANBAO_RENDERER_DIR: '', ...(fromSource ? { NIANBAO_FROM_SOURCE: '1' } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`nianbao serve did not start within 60 s\n${err}`)), 60_000);
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) {
        clearTimeout(t);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(out.split('\n')[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`nianbao serve exited with ${code}\n${err}`));
    });
  });
  const m = /^Nianbao: (http:\/\/127\.0\.0\.1:\d+\/\?token=([A-Za-z0-9_-]+))\s*$/.exec(first);
  if (!m) throw new Error(`unexpected first line of nianbao serve: ${first}`);
  const url = m[1];
  return {
    url,
    origin: new URL(url).origin,
    token: m[2],
    dataDir,
    child,
    stderr: () => err,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
}

/** A fresh browser context (downloads allowed, zh-CN) with the app loaded from the server's token URL. */
export async function openApp(browser: Browser, server: Server, viewport = { width: 1280, height: 860 }): Promise<AppPage> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(server.url);
  await page.getByRole('heading', { name: '年度报告' }).waitFor({ timeout: 30_000 });
  return { context, page, errors };
}

/** Where screenshots go: NIANBAO_E2E_SHOTS or a temp folder (printed once). */
export const SHOTS_DIR = process.env.NIANBAO_E2E_SHOTS ?? join(tmpdir(), 'nianbao-e2e-shots');

/**
 * Waits until no antd motion (modal zoom, fade, message) is running: they are class-driven. A
 * click on a dialog button while it still zooms in can miss on a loaded machine.
 */
export async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(() => !document.querySelector('[class*="-appear"], [class*="-enter"], [class*="-leave"]'), null, { timeout: 5_000, polling: 50 })
    .catch(() => undefined);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const p = join(SHOTS_DIR, `${name}.png`);
  // The settled screen; finite CSS animations left are run to their end.
  await settled(page);
  await page.screenshot({ path: p, animations: 'disabled' });
  return p;
}

/** Calls the API from inside the page with the page's token, as the renderer does (to check the store). */
export async function apiCall<T>(page: Page, server: Server, method: string, args: unknown = {}): Promise<T> {
  const r = await page.evaluate(
    async ([m, a, t]) => {
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': t as string }, body: JSON.stringify(a) });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, args, server.token] as const,
  );
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value as T;
}
