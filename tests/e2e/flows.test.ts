/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Download, Page } from 'playwright-core';
import type { AppInfo, ReportMeta } from '../../shared/api.js';
import { fixture } from '../helpers/fixtures.js';
import { apiCall, launchBrowser, openApp, screenshot, settled, startServer } from './helpers/app.js';
import type { AppPage, Server } from './helpers/app.js';

// The clerk's main flows in real Chromium against a real `nianbao serve` on a temp data folder:
// import real fixture files (file chooser, drag and drop) and see what was found before anything
// is stored; export PDF and Word as downloads; print preview; copy the web version; a damaged
// data file told on screen after a restart; the keyboard alone from the list through a dialog
// into the editor. Each step is checked on screen and in the store through the API.

const TXT = fixture('reports', 'zhongning-enhe-2024.txt');
const DOCX = fixture('documents', 'zhongning-enhe-2024.docx');
const BLANK = fixture('documents', 'template-2021-blank.docx');
const PDF = fixture('documents', 'huaian-city-2024.pdf');

async function downloadBytes(d: Download): Promise<Buffer> {
  const p = await d.path();
  return readFileSync(p);
}

/**
 * Does what opens the file picker and picks `file`. Playwright turns on its file-chooser
 * interception asynchronously: a round trip to the page first, and the action is tried once more
 * if no picker shows (a loaded machine lost the race otherwise, about one run in three).
 */
async function pickFile(page: Page, open: () => Promise<void>, file: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.evaluate(() => 0);
    await open();
    try {
      await (await chooser).setFiles(file);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

describe('clerk flows in Chromium (browser mode)', { timeout: 300_000 }, () => {
  let server: Server;
  let browser: Browser;
  let app: AppPage;
  let page: Page;
  let htmlUnsupported = false;
  let importRefused = false;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    app = await openApp(browser, server);
    page = app.page;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const row = (text: string) => page.getByRole('row').filter({ hasText: text });
  const reports = () => apiCall<ReportMeta[]>(page, server, 'listReports');

  it('imports a real .txt report via Ctrl+O: found / not found shown, nothing stored until 保存为报告', async () => {
    await pickFile(page, () => page.keyboard.press('Control+o'), TXT);
    const dialog = page.getByRole('dialog', { name: /导入：zhongning-enhe-2024\.txt/ });
    await dialog.getByText(/识别结果：\d+ 项已找到，\d+ 项未找到，\d+ 项不确定/).waitFor({ timeout: 60_000 });
    // The recognised report beside the notes, before anything is saved.
    await dialog.getByRole('region', { name: '识别出的报告' }).getByText('中宁县恩和镇人民政府').first().waitFor();
    await dialog.getByText(/^全部（\d+）$/).click();
    const found = await dialog.getByRole('list', { name: '识别说明列表' }).getByText('已找到').count();
    assert.ok(found > 5, `the notes list what was found (${found})`);
    assert.equal((await reports()).length, 0, 'nothing reaches the store before the clerk saves');
    await screenshot(page, '10-import-txt');
    await dialog.getByRole('button', { name: '保存为报告' }).click();
    await page.waitForURL(/#\/report\/[a-z0-9-]+$/);
    const list = await reports();
    assert.equal(list.length, 1);
    assert.equal(list[0].importedFrom, 'zhongning-enhe-2024.txt');
    assert.equal(list[0].year, 2024);
    await page.getByRole('button', { name: '报告列表', exact: true }).click();
    await row('中宁县恩和镇').getByText('导入自 zhongning-enhe-2024.txt').waitFor();
  });

  it('a .docx dropped on the window opens the import dialog; 取消 stores nothing', async () => {
    const b64 = readFileSync(DOCX).toString('base64');
    const dt = await page.evaluateHandle((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([bytes], 'zhongning-enhe-2024.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      return t;
    }, b64);
    await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
    await page.getByText('松开鼠标即可导入这个文件').waitFor();
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    const dialog = page.getByRole('dialog', { name: /导入：zhongning-enhe-2024\.docx/ });
    await dialog.getByText(/识别结果：/).waitFor({ timeout: 60_000 });
    await dialog.getByRole('region', { name: '识别出的报告' }).getByText(/行政复议|政府信息公开/).first().waitFor();
    await screenshot(page, '11-import-docx-dropped');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await reports()).length, 1, 'cancelled: still one report');
  });

  it('a file that is not a report (a spreadsheet) is refused with a Chinese reason; nothing stored', async () => {
    const before = (await reports()).length;
    const dt = await page.evaluateHandle(() => {
      const t = new DataTransfer();
      // A zip that is not a Word document, as a renamed spreadsheet is.
      const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
      t.items.add(new File([bytes], '统计表.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      return t;
    });
    await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    const dialog = page.getByRole('dialog', { name: /导入：统计表\.xlsx/ });
    const alert = dialog.getByRole('alert').filter({ hasText: '无法导入这个文件' });
    await alert.waitFor({ timeout: 30_000 });
    const why = (await alert.innerText()).replace('无法导入这个文件', '');
    assert.match(why, /[\u4e00-\u9fff]/, `a Chinese reason: ${why}`);
    importRefused = true;
    await screenshot(page, '12-import-refused');
    assert.equal(await dialog.getByRole('button', { name: '保存为报告' }).count(), 0, 'nothing to save');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await reports()).length, before);
  });

  it('the blank form imports with every figure not found and asks for the year before saving', async () => {
    await pickFile(page, () => page.getByRole('button', { name: /导入文件/ }).click(), BLANK);
    const dialog = page.getByRole('dialog', { name: /导入：template-2021-blank\.docx/ });
    await dialog.getByText(/识别结果：/).waitFor({ timeout: 60_000 });
    await dialog.getByText('没有识别出报告年度，请填写：').waitFor();
    const save = dialog.getByRole('button', { name: '保存为报告' });
    assert.equal(await save.isDisabled(), true, 'cannot save without a year');
    assert.ok((await dialog.getByRole('list', { name: '识别说明列表' }).getByText('未找到').count()) > 0, 'not-found items are listed');
    await screenshot(page, '12-import-blank');
    await dialog.getByRole('spinbutton').fill('2025');
    await save.click();
    await page.waitForURL(/#\/report\/[a-z0-9-]+$/);
    const blank = (await reports()).find((m) => m.importedFrom === 'template-2021-blank.docx');
    assert.ok(blank, 'saved');
    assert.equal(blank.year, 2025);
    const { report } = await apiCall<{ report: { tables: unknown } }>(page, server, 'getReport', { id: blank.id });
    const numbers: number[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'number') numbers.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(report.tables);
    assert.deepEqual(numbers, [], 'not found stays empty, never 0');
    await apiCall(page, server, 'deleteReport', { id: blank.id });
    await page.getByRole('button', { name: '报告列表', exact: true }).click();
  });

  it('imports the real 淮安 PDF (WPS) and saves it', async () => {
    await pickFile(page, () => page.getByRole('button', { name: /导入文件/ }).click(), PDF);
    const dialog = page.getByRole('dialog', { name: /导入：huaian-city-2024\.pdf/ });
    await dialog.getByText(/识别结果：/).waitFor({ timeout: 90_000 });
    await dialog.getByRole('region', { name: '识别出的报告' }).getByText('淮安市人民政府').first().waitFor();
    await dialog.getByRole('button', { name: '保存为报告' }).click();
    await page.waitForURL(/#\/report\/[a-z0-9-]+$/);
    const m = (await reports()).find((r) => r.importedFrom === 'huaian-city-2024.pdf');
    assert.ok(m);
    assert.equal(m.year, 2024);
    await page.getByRole('button', { name: '报告列表', exact: true }).click();
  });

  it('import, then at once 以此新建下一年度报告: saved import linked as last year, old-year mentions listed', async () => {
    const before = (await reports()).length;
    await pickFile(page, () => page.getByRole('button', { name: /导入文件/ }).click(), fixture('reports', 'yongning-lijun-2023.txt'));
    const dialog = page.getByRole('dialog', { name: /导入：yongning-lijun-2023\.txt/ });
    await dialog.getByText(/识别结果：/).waitFor({ timeout: 60_000 });
    assert.equal((await reports()).length, before, 'nothing stored while the clerk looks');
    await dialog.getByRole('button', { name: '保存，并以此新建 2024 年度报告' }).click();
    const next = page.getByRole('dialog', { name: '以此为基础新建下一年度报告' });
    await next.waitFor();
    await settled(page);
    await next.getByRole('button', { name: '新建 2024 年度报告' }).click();
    await next.getByText(/正文中(还有 \d+ 处提到旧年度|没有其他提到旧年度的地方)/).waitFor({ timeout: 60_000 });
    await screenshot(page, '23-import-then-next-year');
    await next.getByRole('button', { name: '打开新报告' }).click();
    await page.waitForURL(/#\/report\/[a-z0-9-]+$/);
    const list = await reports();
    const imported = list.find((m) => m.importedFrom === 'yongning-lijun-2023.txt');
    const made = list.find((m) => m.basedOn === imported?.id);
    assert.ok(imported && made, 'the import and the next year are both stored, linked');
    assert.equal(made.year, 2024);
    assert.ok(page.url().endsWith(`#/report/${made.id}`), 'the new report is open');
    await page.getByRole('button', { name: '报告列表', exact: true }).click();
    await page.getByRole('heading', { name: '年度报告', exact: true }).waitFor();
  });

  it('导出 PDF and 导出 Word from the list: checker errors first, then downloads with the standard name', async () => {
    const title = '中宁县恩和镇';
    await row(title).getByRole('button', { name: /^导出或打印/ }).click();
    const dialog = page.getByRole('dialog', { name: '导出与打印' });
    await dialog.waitFor();
    await screenshot(page, '13-export-dialog'); // waits for the dialog to settle

    const run = async (label: RegExp, key: string): Promise<Download> => {
      const download = page.waitForEvent('download', { timeout: 90_000 });
      // PDF by its key (Alt+P, as listed beside the button), Word with the mouse.
      if (key) await page.keyboard.press(key);
      else await dialog.getByRole('button', { name: label }).click();
      // The checker runs first; its errors are shown and export goes on only when confirmed.
      const errors = dialog.getByText(/检查发现 \d+ 个错误/);
      const first = await Promise.race([download.then(() => 'download' as const), errors.waitFor({ timeout: 90_000 }).then(() => 'errors' as const)]);
      if (first === 'errors') {
        await screenshot(page, '14-export-errors');
        await dialog.getByRole('button', { name: '仍然导出' }).click();
      }
      const d = await download;
      await dialog.getByText(/已下载：/).waitFor();
      return d;
    };

    // With a 上报函: its fields default from the report; the document number typed here is kept with the report.
    await dialog.getByRole('checkbox', { name: /附上报函/ }).check();
    await dialog.getByLabel('文号').fill('恩政发〔2025〕3号');
    assert.match(await dialog.getByLabel('落款').inputValue(), /中宁县恩和镇人民政府/);
    await screenshot(page, '13-export-cover');
    const pdf = await run(/^导出 PDF/, 'Alt+p');
    const stored = (await reports()).find((m) => m.title.includes('中宁县恩和镇'))!;
    const withCover = await apiCall<{ report: { cover?: { docNumber: string } | null } }>(page, server, 'getReport', { id: stored.id });
    assert.equal(withCover.report.cover?.docNumber, '恩政发〔2025〕3号', 'the cover letter is kept with the report');
    assert.equal(pdf.suggestedFilename(), '中宁县恩和镇人民政府2024年政府信息公开工作年度报告.pdf');
    const pdfBytes = await downloadBytes(pdf);
    assert.ok(pdfBytes.length > 10_000, `PDF size ${pdfBytes.length}`);
    assert.equal(pdfBytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = spawnSync('pdftotext', ['-', '-'], { input: pdfBytes, encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    assert.ok(text.includes('恩政发〔2025〕3号'), 'the cover letter is in the PDF');
    assert.ok(text.includes('中宁县恩和镇2024年政府信息公开工作年度报告'), 'the report title is in the PDF');

    const docx = await run(/^导出 Word/, '');
    assert.equal(docx.suggestedFilename(), '中宁县恩和镇人民政府2024年政府信息公开工作年度报告.docx');
    const docxBytes = await downloadBytes(docx);
    assert.ok(docxBytes.length > 5_000, `DOCX size ${docxBytes.length}`);
    assert.equal(docxBytes.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a zip');
    await screenshot(page, '15-export-done');
  });

  it('打印 shows a preview of the PDF in the page, ready for the browser print dialog', async () => {
    // The page's CSP does not let it fetch its own blob: URLs; keep the Blob behind each URL to read it back.
    await page.evaluate(() => {
      const w = window as unknown as { __blobs: Record<string, Blob> };
      w.__blobs = {};
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => {
        const u = create(b);
        if (b instanceof Blob) w.__blobs[u] = b;
        return u;
      };
    });
    const dialog = page.getByRole('dialog', { name: /导出与打印|打印预览/ });
    await dialog.getByRole('button', { name: /^打印/ }).click();
    const errors = dialog.getByText(/检查发现 \d+ 个错误/);
    const frame = page.getByTestId('print-preview');
    const first = await Promise.race([frame.waitFor({ timeout: 90_000 }).then(() => 'frame' as const), errors.waitFor({ timeout: 90_000 }).then(() => 'errors' as const)]);
    if (first === 'errors') await dialog.getByRole('button', { name: '仍然导出' }).click();
    await frame.waitFor();
    const src = await frame.getAttribute('src');
    assert.match(src ?? '', /^blob:/);
    const head = await page.evaluate(async (u) => {
      const blob = (window as unknown as { __blobs: Record<string, Blob> }).__blobs[u];
      const b = new Uint8Array(await blob.arrayBuffer());
      return { magic: String.fromCharCode(...b.subarray(0, 5)), size: b.length };
    }, src!);
    assert.equal(head.magic, '%PDF-');
    assert.ok(head.size > 10_000);
    assert.equal(await page.getByRole('dialog', { name: '打印预览' }).getByRole('button', { name: '打印', exact: true }).evaluate((b) => b === document.activeElement), true, 'focus on 打印');
    // Give the PDF viewer a moment to draw the first page for the screenshot.
    await page.waitForTimeout(1500);
    await screenshot(page, '16-print-preview');
    await page.getByRole('dialog', { name: '打印预览' }).getByRole('button', { name: '返回' }).click();
  });

  it('复制网页版 puts the HTML fragment on the clipboard as text/html', async (t) => {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const dialog = page.getByRole('dialog', { name: '导出与打印' });
    await dialog.getByRole('button', { name: /^复制网页版/ }).click();
    const errors = dialog.getByText(/检查发现 \d+ 个错误/);
    const done = dialog.getByText(/网页版已复制|只复制了纯文本|无法访问剪贴板/);
    const failed = dialog.getByRole('alert').filter({ hasText: '导出没有完成' });
    const outcome = () =>
      Promise.race([
        done.waitFor({ timeout: 90_000 }).then(() => 'done' as const),
        errors.waitFor({ timeout: 90_000 }).then(() => 'errors' as const),
        failed.waitFor({ timeout: 90_000 }).then(() => 'failed' as const),
      ]);
    let first = await outcome();
    if (first === 'errors') {
      await dialog.getByRole('button', { name: '仍然导出' }).click();
      first = await outcome();
    }
    if (first === 'failed') {
      const why = await failed.innerText();
      // The HTML writer belongs to the export issue; until it lands the server answers 'unsupported'.
      assert.match(why, /网页导出尚未完成/, `an unexpected export error: ${why}`);
      htmlUnsupported = true;
      await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();
      await dialog.waitFor({ state: 'hidden' });
      t.skip('the HTML export handler still answers unsupported (网页导出尚未完成); the clear message was shown');
      return;
    }
    await dialog.getByText('网页版已复制。请在网站后台编辑器中粘贴（Ctrl+V）。').waitFor();
    const clip = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items[0];
      return { types: item.types, html: item.types.includes('text/html') ? await (await item.getType('text/html')).text() : '' };
    });
    assert.ok(clip.types.includes('text/html'), `clipboard types: ${clip.types.join(', ')}`);
    assert.match(clip.html, /<table/);
    assert.match(clip.html, /中宁县恩和镇人民政府/);
    assert.doesNotMatch(clip.html, /<script/i);
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('keyboard only: Tab to 新建报告, Escape closes the dialog, Enter creates, the editor opens; back and Tab to 打开', async () => {
    await page.getByRole('heading', { name: '年度报告', exact: true }).waitFor();
    // F1 lists every shortcut; Escape closes the list.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: '键盘快捷键' });
    await help.getByText('新建报告').waitFor();
    await screenshot(page, '21-shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const focusedName = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.innerText ?? '').trim() : '';
    });
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focusedName()).startsWith('新建报告');
    }
    assert.ok(reached, '新建报告 is reachable with Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'keyboard focus is visible');
    await screenshot(page, '17-keyboard-focus');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '新建年度报告' });
    await dialog.waitFor();
    assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true, 'focus moves into the dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.ok((await focusedName()).startsWith('新建报告'), 'focus returns to the button after Escape');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2023');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/report\/[a-z0-9-]+$/);
    await page.getByRole('toolbar', { name: '报告操作' }).waitFor({ timeout: 30_000 });
    const created = (await reports()).find((m) => m.year === 2023 && m.importedFrom === null);
    assert.ok(created, 'created for 2023 from the keyboard');
    await screenshot(page, '18-editor-by-keyboard');

    // Back to the list with the access key of 报告列表, then Tab to the new report's 打开.
    await page.keyboard.press('Alt+l');
    await page.getByRole('heading', { name: '年度报告', exact: true }).waitFor({ timeout: 10_000 });
    reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focusedName()) === `打开 ${created.title}` && (await page.evaluate(() => document.activeElement?.tagName)) === 'BUTTON';
    }
    assert.ok(reached, '打开 of the new report is reachable with Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/report/${created.id}$`));
  });

  it('导出 in the editor: the checker errors of an unfinished report come first; 返回修改 stops, 仍然导出 downloads', async () => {
    // Still on the report created from the keyboard: blank, so the checker finds errors.
    const toolbar = page.getByRole('toolbar', { name: '报告操作' });
    await toolbar.getByRole('button', { name: '导出', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '导出与打印' });
    await dialog.waitFor();
    await settled(page);
    // A 上报函 typed here goes into the open report (through its history, so autosave stores it).
    await dialog.getByRole('checkbox', { name: /附上报函/ }).check();
    await dialog.getByLabel('文号').fill('政发〔2024〕7号');
    await dialog.getByRole('button', { name: /^导出 PDF/ }).click();
    await dialog.getByText(/检查发现 \d+ 个错误/).waitFor({ timeout: 60_000 });
    const listed = await dialog.getByRole('list', { name: '检查发现的错误' }).getByRole('listitem').count();
    assert.ok(listed > 0, 'the errors are listed');
    assert.equal(await dialog.getByRole('button', { name: '返回修改' }).evaluate((b) => b === document.activeElement), true, 'the safe choice has the focus');
    await screenshot(page, '14-export-errors');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /^导出 PDF/ }).waitFor();
    await dialog.getByRole('button', { name: /^导出 PDF/ }).click();
    await dialog.getByText(/检查发现 \d+ 个错误/).waitFor({ timeout: 60_000 });
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await dialog.getByRole('button', { name: '仍然导出' }).click();
    const d = await download;
    assert.match(d.suggestedFilename(), /2023年政府信息公开工作年度报告\.pdf$/);
    const bytes = await downloadBytes(d);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const id = decodeURIComponent(page.url().split('#/report/')[1] ?? '');
    let stored: string | undefined;
    for (let i = 0; i < 50 && stored !== '政发〔2024〕7号'; i++) {
      stored = (await apiCall<{ report: { cover?: { docNumber: string } | null } }>(page, server, 'getReport', { id })).report.cover?.docNumber;
      if (stored !== '政发〔2024〕7号') await page.waitForTimeout(200);
    }
    assert.equal(stored, '政发〔2024〕7号', 'the cover letter typed in the editor is saved with the report');
  });

  it('no errors in the page', () => {
    // API errors come with an HTTP status Chromium logs (501 unsupported, 422 import refused); shown to the clerk above.
    assert.deepEqual(
      app.errors.filter((e) => !(htmlUnsupported && /status of 501/.test(e)) && !(importRefused && /status of 422/.test(e))),
      [],
    );
  });
});

describe('damaged data files are told on screen (browser mode)', { timeout: 180_000 }, () => {
  let server: Server;
  let browser: Browser;

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a truncated report file and a broken settings file: notices with the place of the damaged file, last good revision loaded', async () => {
    server = await startServer();
    browser = await launchBrowser();
    let app = await openApp(browser, server);
    await apiCall(app.page, server, 'saveSettings', { office: { name: '隆德县联财镇人民政府' }, deadline: '01-31' });
    const opened = await apiCall<{ meta: ReportMeta; report: Record<string, unknown> }>(app.page, server, 'createReport', { year: 2024 });
    const id = opened.meta.id;
    await apiCall(app.page, server, 'saveReport', { id, report: { ...opened.report, preamble: '第二次保存的前言。' } });
    await app.context.close();
    const dataDir = server.dataDir;
    await server.stop();

    // Damage both files the way a power cut does: a truncated report, a settings file of zeros.
    // A new file replaces each (the revisions beside the report are hard links to earlier bytes).
    const reportFile = join(dataDir, 'reports', `${id}.json`);
    const text = readFileSync(reportFile, 'utf8');
    rmSync(reportFile);
    writeFileSync(reportFile, text.slice(0, Math.floor(text.length / 2)));
    const settingsFile = join(dataDir, 'settings.json');
    rmSync(settingsFile);
    writeFileSync(settingsFile, Buffer.alloc(64));
    // And the list of reports (index.json, rebuilt from the report files).
    const indexFile = join(dataDir, 'index.json');
    rmSync(indexFile, { force: true });
    writeFileSync(indexFile, '{"version":1,"reports":[{"id":');
    assert.ok(statSync(reportFile).size > 0);

    server = await startServer(dataDir);
    app = await openApp(browser, server);
    const page = app.page;
    const info = await apiCall<AppInfo>(page, server, 'getAppInfo');
    assert.equal(info.notices?.length, 2, 'the settings file and the index were found damaged at open');
    const banner = page.getByRole('region', { name: '数据文件恢复提示' });
    await banner.getByText(/设置文件已损坏/).waitFor();
    await banner.getByText(/报告目录文件已损坏.*重新建立目录（共 1 份报告）/).waitFor();
    for (const n of info.notices!) await banner.getByText(n.damagedFile).first().waitFor();
    await screenshot(page, '19-store-notice');

    await page.getByRole('row').filter({ hasText: '2024' }).getByRole('button', { name: /^打开/ }).click();
    const notice = page.getByRole('alert').filter({ hasText: '这份报告的文件曾经损坏，已自动恢复' });
    await notice.waitFor({ timeout: 30_000 });
    assert.match(await notice.innerText(), /\.damaged-/);
    assert.match(await notice.innerText(), /第 \d+ 版/);
    await screenshot(page, '20-report-recovered');
    const again = await apiCall<{ report: { preamble: string } }>(page, server, 'getReport', { id });
    assert.equal(again.report.preamble, '第二次保存的前言。', 'the last good revision is what opens');
    await notice.getByRole('button', { name: '我知道了' }).click();
    await notice.waitFor({ state: 'hidden' });
    for (let i = 0; i < 2; i++) await banner.getByRole('button', { name: /我知道了/ }).first().click();
    await banner.waitFor({ state: 'hidden' });
    assert.deepEqual(app.errors, []);

    // The local service stopped (its window closed): the next action says what to do.
    await server.stop();
    await page.getByRole('button', { name: '回收站', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '无法连接年报助手的本地服务' }).getByText(/nianbao serve 仍在运行，然后刷新页面/).waitFor();
    await page.getByText('列表没有读出来（见上面的提示），报告并没有丢失。').waitFor();
    assert.equal(await page.getByText('回收站是空的').count(), 0, 'a list that could not be read is not shown as empty');
    await screenshot(page, '22-service-gone');
  });
});
