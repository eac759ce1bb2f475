import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ReportMeta, Settings } from '../../shared/api.js';
import { apiCall, launchBrowser, openApp, screenshot, settled, startServer } from './helpers/app.js';
import type { AppPage, Server } from './helpers/app.js';

// The first screen in real Chromium against a real `nianbao serve` on a temp data folder:
// office profile, create, reload, rename, 回收站 and back, next year. Every step is done the way
// a clerk does it (clicks, keys) and checked both on screen and in the store through the API.

const OFFICE = '中宁县恩和镇人民政府';

describe('app shell in Chromium (browser mode)', { timeout: 180_000 }, () => {
  let server: Server;
  let browser: Browser;
  let app: AppPage;
  let page: Page;

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

  it('first screen: empty list in Chinese, a warning that the office profile is missing', async () => {
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal(await page.title(), '年报助手');
    await page.getByText('还没有报告').waitFor();
    await page.getByText('还没有填写本机关信息').first().waitFor();
    assert.ok(await page.getByRole('button', { name: /新建报告/ }).isVisible());
    assert.ok(await page.getByRole('button', { name: /导入文件/ }).isVisible());
    await screenshot(page, '01-empty-list');
  });

  it('settings: Chinese validation messages, full-width digits normalised, saved to the store', async () => {
    await page.getByRole('button', { name: '填写本机关信息' }).click();
    await page.getByRole('heading', { name: '本机关信息设置' }).waitFor();
    await page.getByLabel('机关名称').fill(OFFICE);
    await page.getByLabel('所属县区').fill('宁夏回族自治区中卫市中宁县');
    await page.getByLabel('地址').fill('中宁县恩和镇政府街１号');
    await page.getByLabel('邮编').fill('７５５１');
    await page.getByLabel('电子邮箱').fill('enhe-at-example');
    await page.getByLabel('电话').fill('０９５５－５０１２３４５');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('邮编应为 6 位数字').waitFor();
    await page.getByText('电子邮箱格式不对').waitFor();
    await screenshot(page, '02-settings-invalid');
    await page.getByLabel('邮编').fill('７５５１００');
    await page.getByLabel('电子邮箱').fill('enhe@example.gov.cn');
    await page.getByLabel('公开截止日期').fill('1-31');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('本机关信息已保存').waitFor();
    const s = await apiCall<Settings>(page, server, 'getSettings');
    assert.equal(s.office.name, OFFICE);
    assert.equal(s.office.postcode, '755100');
    assert.equal(s.office.phone, '0955-5012345');
    assert.equal(s.office.address, '中宁县恩和镇政府街1号');
    assert.equal(s.deadline, '01-31');
    await screenshot(page, '03-settings-saved');
  });

  it('settings typed but not saved survive leaving the page; 放弃这些修改 takes them back', async () => {
    await page.getByLabel('网站').fill('www.enhe.gov.cn');
    await page.keyboard.press('Alt+l');
    await page.getByRole('heading', { name: '年度报告', exact: true }).waitFor();
    await page.keyboard.press('Alt+s');
    await page.getByRole('heading', { name: '本机关信息设置' }).waitFor();
    await page.getByText('已恢复上次填写但还没有保存的内容').waitFor();
    assert.equal(await page.getByLabel('网站').inputValue(), 'www.enhe.gov.cn');
    assert.equal((await apiCall<Settings>(page, server, 'getSettings')).office.website, null, 'not saved by itself');
    await page.getByRole('button', { name: '放弃这些修改' }).click();
    assert.equal(await page.getByLabel('网站').inputValue(), '');
    await page.keyboard.press('Alt+l');
    await page.keyboard.press('Alt+s');
    await page.getByRole('heading', { name: '本机关信息设置' }).waitFor();
    await page.getByLabel('机关名称').waitFor();
    assert.equal(await page.getByText('已恢复上次填写但还没有保存的内容').count(), 0);
  });

  it('creates a report for last year with Ctrl+N, the profile prefilled; it survives a reload', async () => {
    await page.getByRole('button', { name: '报告列表', exact: true }).click();
    await page.getByRole('heading', { name: '年度报告' }).waitFor();
    assert.equal(await page.getByText('还没有填写本机关信息').count(), 0, 'the warning is gone once the profile is set');
    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: '新建年度报告' });
    await dialog.waitFor();
    const lastYear = new Date().getFullYear() - 1;
    assert.equal(await dialog.getByLabel('报告年度').inputValue(), String(lastYear));
    await dialog.getByText(`标题：${OFFICE}${lastYear}年政府信息公开工作年度报告`).waitFor();
    await screenshot(page, '04-new-report');
    await dialog.getByLabel('报告年度').press('Enter');
    await page.waitForURL(/#\/report\/[a-z0-9-]+$/);
    await page.waitForFunction((t) => document.title === t, `${OFFICE}${lastYear}年政府信息公开工作年度报告 - 年报助手`);
    const list = await apiCall<ReportMeta[]>(page, server, 'listReports');
    assert.equal(list.length, 1);
    assert.equal(list[0].year, lastYear);
    assert.equal(list[0].officeName, OFFICE);
    await page.getByRole('button', { name: '报告列表', exact: true }).click();
    await row(`${OFFICE}${lastYear}年`).waitFor();
    await page.reload();
    await row(`${OFFICE}${lastYear}年`).waitFor();
    assert.match(await row(`${OFFICE}${lastYear}年`).innerText(), new RegExp(`${lastYear} 年`));
    const s = await apiCall<Settings>(page, server, 'getSettings');
    assert.equal(s.office.name, OFFICE, 'the profile survives the reload');
    await screenshot(page, '05-list-one-report');
  });

  it('renames a report (Enter saves)', async () => {
    await row(OFFICE).getByRole('button', { name: /^重命名/ }).click();
    const dialog = page.getByRole('dialog', { name: '重命名报告' });
    await dialog.getByLabel('报告标题').fill('恩和镇年度报告（测试）');
    await dialog.getByLabel('报告标题').press('Enter');
    await row('恩和镇年度报告（测试）').waitFor();
    const list = await apiCall<ReportMeta[]>(page, server, 'listReports');
    assert.equal(list[0].title, '恩和镇年度报告（测试）');
  });

  it('deletes to 回收站 and restores from it', async () => {
    await row('恩和镇年度报告（测试）').getByRole('button', { name: /^删除/ }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '移到回收站后可以随时在“回收站”中恢复' });
    await confirm.waitFor();
    await settled(page);
    await confirm.getByRole('button', { name: '移到回收站' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('还没有报告').waitFor();
    assert.equal((await apiCall<ReportMeta[]>(page, server, 'listReports')).length, 0);
    await page.getByRole('button', { name: '回收站', exact: true }).click();
    await page.getByRole('heading', { name: '回收站' }).waitFor();
    await screenshot(page, '06-trash');
    await row('恩和镇年度报告（测试）').getByRole('button', { name: /^恢复/ }).click();
    await page.getByText('回收站是空的').waitFor();
    assert.equal((await apiCall<ReportMeta[]>(page, server, 'listTrash')).length, 0);
    await page.getByRole('button', { name: '报告列表', exact: true }).click();
    await row('恩和镇年度报告（测试）').waitFor();
    assert.equal((await apiCall<ReportMeta[]>(page, server, 'listReports')).length, 1);
  });

  it('以此为基础新建下一年度报告: lists the remaining old-year mentions and opens the new report', async () => {
    const [base] = await apiCall<ReportMeta[]>(page, server, 'listReports');
    const year = base.year!;
    // Give the report prose that mentions its year in ways next-year cannot rewrite for sure.
    const opened = await apiCall<{ report: Record<string, unknown> }>(page, server, 'getReport', { id: base.id });
    const report = { ...opened.report, preamble: `本报告统计期间为${year}年1月1日至${year}年12月31日。${year}年共召开专题会议3次，${year - 1}年为2次。` };
    await apiCall(page, server, 'saveReport', { id: base.id, report });

    await row(base.title).getByRole('button', { name: /新建下一年度报告/ }).click();
    const dialog = page.getByRole('dialog', { name: '以此为基础新建下一年度报告' });
    await dialog.waitFor();
    await settled(page);
    await dialog.getByRole('button', { name: `新建 ${year + 1} 年度报告` }).click();
    await dialog.getByText(/正文中还有 \d+ 处提到旧年度/).waitFor();
    await dialog.getByText(`${year}年共召开专题会议`).first().waitFor();
    await screenshot(page, '07-next-year');
    await dialog.getByRole('button', { name: '打开新报告' }).click();
    await page.waitForURL(/#\/report\/[a-z0-9-]+$/);
    const list = await apiCall<ReportMeta[]>(page, server, 'listReports');
    const next = list.find((m) => m.year === year + 1);
    assert.ok(next, 'a report for the next year was stored');
    assert.equal(next.basedOn, base.id);
    assert.ok(page.url().endsWith(`#/report/${next.id}`));
    const nextReport = await apiCall<{ report: { preamble: string } }>(page, server, 'getReport', { id: next.id });
    assert.match(nextReport.report.preamble, new RegExp(`统计期间为${year + 1}年1月1日至${year + 1}年12月31日`));
    await page.getByRole('button', { name: '报告列表', exact: true }).click();
    await row(`${year + 1}`).getByText('由上一年度报告新建').waitFor();
  });

  it('no errors in the page', () => {
    assert.deepEqual(app.errors, []);
  });
});
