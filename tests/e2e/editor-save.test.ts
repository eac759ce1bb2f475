/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiCall, launchBrowser, openApp, screenshot, startServer } from './helpers/app.js';
import type { Server } from './helpers/app.js';

/**
 * Saving without a click, against a real `nianbao serve` on a fixed port and a temp data folder:
 * autosave within a second of the last change; 「正在保存…」 while the server does not answer
 * (the process stopped with SIGSTOP); a failed save shown at once and retried until it succeeds
 * (the report's revision folder replaced by a file, so the store's write fails even for root);
 * the server gone altogether: the text typed kept in the browser and offered again when the
 * report is reopened from a new server; the last change saved when the page is closed.
 */

const CELL = '表三 一、本年新收政府信息公开申请数量 自然人';
const REVIEW = '表四 行政复议 结果维持';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const state = (page: Page) => page.locator('[data-save-state]');

async function openReport(page: Page, server: Server, id: string): Promise<void> {
  await page.goto(`${server.url}#/report/${id}`);
  await page.getByRole('heading', { name: '基本信息' }).waitFor({ timeout: 20_000 });
}

async function typeCell(page: Page, name: string, text: string): Promise<void> {
  const c = page.getByLabel(name, { exact: true });
  await c.scrollIntoViewIfNeeded();
  await c.click();
  await page.keyboard.type(text);
}

let browser: Browser;
let dataDir: string;
let port: number;
let server: Server;

before(async () => {
  browser = await launchBrowser();
  dataDir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-save-'));
  port = await freePort();
  server = await startServer(dataDir, { port });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('editor saving (Chromium, browser mode)', () => {
  it('autosaves within a second; shows 正在保存…, 保存失败 and retries; keeps what was typed when the server is gone', async () => {
    const { page, context } = await openApp(browser, server, { width: 1280, height: 800 });
    try {
      const created = await apiCall<{ meta: { id: string } }>(page, server, 'createReport', { year: 2024 });
      const id = created.meta.id;
      await openReport(page, server, id);
      await page.locator('[data-save-state="saved"]').waitFor();

      // Autosave: the save request leaves within one second of the last keystroke, nothing clicked.
      await typeCell(page, CELL, '7');
      const typedAt = Date.now();
      const req = await page.waitForRequest((r) => r.url().endsWith('/api/saveReport'), { timeout: 5_000 });
      const delay = Date.now() - typedAt;
      assert.ok(delay < 1000, `save request ${delay} ms after the keystroke`);
      await req.response();
      await page.locator('[data-save-state="saved"]').waitFor();
      assert.match(await state(page).innerText(), /^已保存 \d\d:\d\d$/);
      const stored = await apiCall<{ report: { tables: { applications: Record<string, (number | null)[]> } } }>(page, server, 'getReport', { id });
      assert.equal(stored.report.tables.applications.new[0], 7);

      // The server stopped (SIGSTOP): the save waits, and says so.
      process.kill(server.child.pid!, 'SIGSTOP');
      try {
        await typeCell(page, CELL, '8');
        await page.locator('[data-save-state="saving"]').waitFor({ timeout: 5_000 });
        assert.equal(await state(page).innerText(), '正在保存…');
        await screenshot(page, 'editor-saving');
      } finally {
        process.kill(server.child.pid!, 'SIGCONT');
      }
      await page.locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });

      // The store's write fails (the report's revision folder is a file now): shown at once, retried.
      const revDir = join(dataDir, 'revisions', id);
      assert.ok(existsSync(revDir), 'the store keeps revisions per report');
      renameSync(revDir, `${revDir}.aside`);
      writeFileSync(revDir, 'not a folder');
      let attempts = 0;
      const count = (r: { url(): string }) => {
        if (r.url().endsWith('/api/saveReport')) attempts++;
      };
      page.on('request', count);
      try {
        await page.keyboard.press('Enter');
        await typeCell(page, REVIEW, '3');
        await page.locator('[data-save-state="error"]').waitFor({ timeout: 5_000 });
        assert.match(await state(page).innerText(), /^保存失败：.+秒后自动重试/);
        await screenshot(page, 'editor-save-failed');
        // Retried by itself (1 s, then 2 s…), still failing while the folder is wrong.
        const t0 = Date.now();
        while (attempts < 2 && Date.now() - t0 < 8_000) await page.waitForTimeout(100);
        assert.ok(attempts >= 2, `retried (${attempts} attempts)`);
        assert.equal(await page.getByLabel(REVIEW, { exact: true }).inputValue(), '3', 'what was typed stays on screen');
      } finally {
        rmSync(revDir, { force: true });
        renameSync(`${revDir}.aside`, revDir);
      }
      await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
      page.off('request', count);
      const mended = await apiCall<{ report: { tables: { reviews: Record<string, (number | null)[]> } } }>(page, server, 'getReport', { id });
      assert.equal(mended.report.tables.reviews.review[0], 3, 'saved once the store could write again');

      // The server gone: the failure says what to do, the figures stay in the browser and are
      // offered again when the report is opened from the next server on the same address.
      await server.stop();
      await page.keyboard.press('Enter'); // done with the 3; the click below selects the figure again
      await typeCell(page, REVIEW, '4');
      await page.locator('[data-save-state="error"]').waitFor({ timeout: 5_000 });
      assert.match(await state(page).innerText(), /^保存失败：无法连接年报助手的本地服务/);
      await page.waitForTimeout(400); // the safety copy is written within 250 ms of a change
      server = await startServer(dataDir, { port });
      await openReport(page, server, id);
      assert.equal(await page.getByLabel(REVIEW, { exact: true }).inputValue(), '3', 'the store has the last saved figure');
      const banner = page.getByRole('alert').filter({ hasText: '尚未保存的修改' });
      await banner.waitFor();
      await screenshot(page, 'editor-rescue');
      await banner.getByRole('button', { name: '恢复这些修改' }).click();
      assert.equal(await page.getByLabel(REVIEW, { exact: true }).inputValue(), '4');
      await page.locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
      const rescued = await apiCall<{ report: { tables: { reviews: Record<string, (number | null)[]> } } }>(page, server, 'getReport', { id });
      assert.equal(rescued.report.tables.reviews.review[0], 4);
    } finally {
      await context.close();
    }
  });

  it('saves the last change when the window closes', async () => {
    const { page, context } = await openApp(browser, server);
    try {
      const created = await apiCall<{ meta: { id: string } }>(page, server, 'createReport', { year: 2023 });
      const id = created.meta.id;
      await openReport(page, server, id);
      await page.locator('[data-save-state="saved"]').waitFor();
      const intro = page.getByLabel('一、导语 正文', { exact: true });
      await intro.click();
      await page.keyboard.type('关闭窗口前刚写的一句话。');
      // Closed at once, well before the autosave pause ends.
      await page.close({ runBeforeUnload: true });
      const check = await context.newPage();
      await check.goto(server.url);
      let text = '';
      for (let i = 0; i < 40 && !text.includes('关闭窗口前'); i++) {
        const r = await apiCall<{ report: { sections: { overview: { text: string }[] } } }>(check, server, 'getReport', { id });
        text = r.report.sections.overview[0].text;
        if (!text.includes('关闭窗口前')) await check.waitForTimeout(100);
      }
      assert.equal(text, '关闭窗口前刚写的一句话。');
    } finally {
      await context.close();
    }
  });
});
