import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../helpers/fixtures.js';

// API-level end-to-end in real Chromium against a real `nianbao serve`: the page's own fetch
// calls (with the Origin header a browser really sends) go through the token check and the CSP,
// data survives a reload, and a call without the token is refused. The UI-level flows are in
// the renderer's own e2e tests; this page is a minimal stand-in so the test does not depend on them.

const BIN = join(ROOT, 'bin', 'nianbao.mjs');

function page(): string {
  const base = mkdtempSync(join(tmpdir(), 'nianbao-e2e-web-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>年报助手</title>' +
      '<script>window.inlineRan = true;</script>' + // must be blocked by the CSP
      '<script src="/assets/app.js"></script><div id="root"></div>',
  );
  writeFileSync(
    join(root, 'assets', 'app.js'),
    `window.externalRan = true;
     window.call = async (method, args, token) => {
       const res = await fetch('/api/' + method, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Nianbao-Token': token } : {}) }, body: JSON.stringify(args ?? {}) });
       return { status: res.status, body: await res.json() };
     };`,
  );
  return root;
}

describe('browser mode in Chromium (API level)', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  let child: ReturnType<typeof spawn>;
  let url = '';
  let token = '';
  let browser: Browser;
  let tab: Page;

  before(async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--no-open', '--port', '0', '--data-dir', dataDir], {
      cwd: ROOT,
      env: { ...process.env, NIANBAO_RENDERER_DIR: page(), NIANBAO_DATA_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const first = await new Promise<string>((resolve, reject) => {
      let out = '';
      const t = setTimeout(() => reject(new Error('serve did not start')), 30_000);
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) {
          clearTimeout(t);
          resolve(out.split('\n')[0]);
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    url = first.replace(/^Nianbao: /, '');
    token = new URL(url).searchParams.get('token') ?? '';
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    tab = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    child?.kill('SIGTERM');
  });

  it('loads the page; the CSP blocks inline script and allows our own', async () => {
    const res = await tab.goto(url);
    assert.equal(res?.status(), 200);
    assert.equal(await tab.title(), '年报助手');
    assert.equal(await tab.evaluate(() => (globalThis as { externalRan?: boolean }).externalRan), true);
    assert.equal(await tab.evaluate(() => (globalThis as { inlineRan?: boolean }).inlineRan), undefined);
  });

  type Call = (m: string, a: unknown, t?: string) => Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string } } }>;
  const call = (m: string, a: unknown, t?: string) => tab.evaluate(([m, a, t]) => (globalThis as unknown as { call: Call }).call(m as string, a, t as string | undefined), [m, a, t] as const);

  it('creates a report and sets the office profile; both survive a reload', async () => {
    const created = await call('createReport', { year: 2024 }, token);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const id = (created.body.value as { meta: { id: string } }).meta.id;
    const settings = (await call('getSettings', {}, token)).body.value as { office: Record<string, unknown> };
    const saved = await call('saveSettings', { ...settings, office: { ...settings.office, name: '某某县某某镇人民政府' } }, token);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));

    await tab.reload();
    const list = await call('listReports', {}, token);
    assert.deepEqual((list.body.value as { id: string }[]).map((r) => r.id), [id]);
    const again = (await call('getSettings', {}, token)).body.value as { office: { name: string } };
    assert.equal(again.office.name, '某某县某某镇人民政府');
  });

  it('a call without the token gets 401', async () => {
    const r = await call('listReports', {});
    assert.equal(r.status, 401);
    assert.equal(r.body.ok, false);
  });

  it('another site cannot call the API, even knowing the token (Origin check)', async () => {
    const other = await browser.newPage();
    try {
      await other.goto('about:blank');
      const port = new URL(url).port;
      // Fetch from an opaque origin: the browser sends `Origin: null`, which the server refuses.
      const statuses = await other.evaluate(
        // No named functions inside: tsx would wrap them in a helper the page does not have.
        async ([port, token]) => {
          const inits: RequestInit[] = [
            { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token }, body: '{"year":2030}' },
            { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{"year":2031}' },
          ];
          const out: number[] = [];
          for (const init of inits) {
            try {
              out.push((await fetch(`http://127.0.0.1:${port}/api/createReport`, init)).status);
            } catch {
              out.push(-1); // the CORS preflight was refused: the POST was never sent
            }
          }
          return out;
        },
        [port, token] as const,
      );
      assert.ok(statuses.every((s) => s !== 200), String(statuses));
      const list = await call('listReports', {}, token);
      assert.deepEqual((list.body.value as { year: number }[]).map((r) => r.year), [2024], 'nothing was created from the other page');
    } finally {
      await other.close();
    }
  });
});
