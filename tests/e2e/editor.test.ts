/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiCall, launchBrowser, openApp, screenshot, startServer } from './helpers/app.js';
import type { Server } from './helpers/app.js';

/**
 * The report editor in real Chromium against `nianbao serve`, used as a clerk would: a new report,
 * the preamble from the office profile, table 三 typed until the 勾稽关系 breaks and mended, a
 * block pasted from Excel, undo and redo, full-width digits, reload, an older revision restored,
 * and one whole pass with the keyboard alone.
 */

const OFFICE = {
  name: '中宁县恩和镇人民政府',
  county: '中宁县',
  address: '中宁县恩和镇政府大院',
  postcode: '755100',
  phone: '0955-5011234',
  website: 'www.znx.gov.cn',
};

let server: Server;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const cell = (page: Page, name: string): Locator => page.getByLabel(name, { exact: true });
const td = (page: Page, key: string): Locator => page.locator(`td[data-cell-td="${key}"]`);

async function typeInto(page: Page, name: string, text: string): Promise<void> {
  const c = cell(page, name);
  await c.scrollIntoViewIfNeeded();
  await c.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
}

async function newReport(page: Page, year: number): Promise<string> {
  await page.getByRole('button', { name: /新建报告/ }).click();
  const input = page.locator('#nb-new-year');
  await input.fill(String(year));
  await page.getByRole('button', { name: '新 建' }).or(page.getByRole('button', { name: '新建', exact: true })).click();
  try {
    await page.waitForURL(/#\/report\//, { timeout: 20_000 });
    await page.getByRole('heading', { name: '基本信息' }).waitFor({ timeout: 20_000 });
  } catch (e) {
    // What the page showed instead (a dialog still open, a message, the spinner): for the log.
    const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 600)).catch(() => '(page gone)');
    throw new Error(`the editor did not open at ${page.url()}: ${String(e)}\npage text: ${shown}\nserver: ${server.stderr().slice(-600)}`);
  }
  const m = /#\/report\/([a-z0-9-]+)/.exec(page.url());
  assert.ok(m, `the editor's address names the report: ${page.url()}`);
  return m[1];
}

async function openById(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}#/report/${id}`);
  await page.getByRole('heading', { name: '基本信息' }).waitFor({ timeout: 20_000 });
}

type Stored = {
  title?: string | null;
  preamble?: string | null;
  sections: Record<'overview' | 'problems' | 'other', { heading: string; text: string }[]>;
  tables: { active: Record<string, Record<string, number | null>>; applications: Record<string, (number | null)[]>; reviews: Record<string, (number | null)[]> };
};

const T3 = '表三 一、本年新收政府信息公开申请数量';
const NEW_NATURAL = `${T3} 自然人`;
const CARRIED_IN_NATURAL = '表三 二、上年结转政府信息公开申请数量 自然人';
const GRANTED_NATURAL = '表三 三、本年度办理结果 （一）予以公开 自然人';
const CARRIED_OUT_NATURAL = '表三 四、结转下年度继续办理 自然人';

describe('report editor (Chromium, browser mode)', () => {
  it('a clerk writes a report: preamble, table 三 with its 勾稽关系, paste, undo/redo, full-width digits, reload, revisions', async () => {
    const { page, errors, context } = await openApp(browser, server, { width: 1440, height: 900 });
    try {
      await apiCall(page, server, 'saveSettings', { office: OFFICE, deadline: '01-31' });
      await page.reload();
      await page.getByRole('heading', { name: '年度报告' }).waitFor();
      const id = await newReport(page, 2024);

      // Header: title, year, save state.
      await page.getByRole('heading', { level: 1, name: `${OFFICE.name}2024年政府信息公开工作年度报告` }).waitFor();
      assert.match(await page.locator('.nb-head-year').innerText(), /2024 年度/);
      await waitSaved(page);
      await screenshot(page, 'editor-basic');

      // 前言: emptied, then generated from the office profile; regenerating asks first.
      const preamble = page.getByLabel('前言正文', { exact: true });
      await preamble.fill('');
      await page.getByRole('button', { name: '按机关信息生成前言' }).click();
      const generated = await preamble.inputValue();
      assert.match(generated, /2024年1月1日至2024年12月31日/);
      assert.match(generated, new RegExp(OFFICE.phone));
      await preamble.fill(`${generated}\n本报告如有疑问请来电。`);
      await page.getByRole('button', { name: '按机关信息重新生成前言' }).click();
      await page.locator('.ant-modal-confirm-title').getByText('重新生成前言？').waitFor();
      await page.getByRole('button', { name: '保留现在的前言' }).click();
      assert.match(await preamble.inputValue(), /本报告如有疑问请来电。$/, 'cancel keeps the text');
      assert.match(await page.locator('#nb-part-preamble .nb-count').innerText(), /^\d+ 字$/);

      // 表三: typed until the 勾稽关系 breaks (一 + 二 ≠ 三（七） + 四).
      await typeInto(page, NEW_NATURAL, '5');
      await typeInto(page, CARRIED_IN_NATURAL, '0');
      await typeInto(page, GRANTED_NATURAL, '3');
      await typeInto(page, CARRIED_OUT_NATURAL, '1');
      assert.equal(await cell(page, '表三 三、本年度办理结果 （七）总计 自然人（自动计算）').inputValue(), '3', '（七）总计 is computed');
      assert.equal(await cell(page, `${T3} 总计（自动计算）`).inputValue(), '5', '总计 is computed');
      const balance = page.locator('.nb-finding[data-rule="b.balance"]').first();
      await balance.waitFor();
      assert.match(await balance.innerText(), /一\+二=5，但三（七）\+四=4/);
      assert.match((await td(page, 'applications|carriedOut|natural').getAttribute('class')) ?? '', /nb-sev-error/, 'the cell has a red border');
      assert.match((await td(page, 'applications|new|natural').getAttribute('class')) ?? '', /nb-sev-error/);
      assert.equal(await page.locator('[data-part="applications"]').getAttribute('data-state'), 'error', 'the rail marks 三');
      // The finding at the cell: a tooltip while the cell has focus.
      await cell(page, CARRIED_OUT_NATURAL).focus();
      assert.match(await page.getByRole('tooltip').innerText(), /本年新收加上年结转的申请/);
      await screenshot(page, 'editor-table-finding');
      // A click in the panel goes to the cell.
      await balance.locator('.nb-finding-go').click();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), NEW_NATURAL);
      // Mended: the finding goes away.
      await typeInto(page, CARRIED_OUT_NATURAL, '2');
      await balance.waitFor({ state: 'detached' });
      assert.doesNotMatch((await td(page, 'applications|carriedOut|natural').getAttribute('class')) ?? '', /nb-sev-error/);

      // A refused value keeps the last good one, with a message at the cell.
      const gn = cell(page, GRANTED_NATURAL);
      await gn.click();
      await page.keyboard.type('3.5');
      assert.match(await page.getByRole('tooltip').innerText(), /整数/);
      await page.keyboard.press('Escape');
      assert.equal(await gn.inputValue(), '3', 'Escape gives back the value before the edit');
      // Enter on a refused value: not taken, the cell keeps the figure it had, a message says why.
      await gn.click();
      await page.keyboard.type('7.5');
      assert.match(await page.getByRole('tooltip').innerText(), /件数必须是整数/);
      await page.keyboard.press('Enter');
      assert.equal(await gn.inputValue(), '3', 'the 7 typed on the way is not kept');
      await page.locator('.ant-message').getByText(/“7\.5”没有填入。件数必须是整数。这一格保留原来的内容（3）/).waitFor();
      // 无 asks 「按 0 填写？」.
      await gn.click();
      await page.keyboard.type('无');
      await page.keyboard.press('Enter');
      await page.locator('.ant-modal-confirm-title').getByText('按 0 填写？').waitFor();
      await page.getByRole('button', { name: '按 0 填写' }).click();
      assert.equal(await gn.inputValue(), '0');
      await typeInto(page, GRANTED_NATURAL, '3');

      // Full-width digits typed with the IME.
      await typeInto(page, '表四 行政复议 结果维持', '１２');
      assert.equal(await cell(page, '表四 行政复议 结果维持').inputValue(), '12');
      assert.equal(await cell(page, '表四 行政复议 总计（自动计算）').inputValue(), '12');

      // A 3×4 block from Excel (tab-separated, \r\n rows) pasted from 科研机构 of row 一.
      const start = cell(page, `${T3} 法人或其他组织 科研机构`);
      await start.click();
      await start.evaluate((el) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', '1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t10\t11\t12\r\n');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      const researchCells = ['科研机构', '社会公益组织', '法律服务机构', '其他'];
      const rows = [T3, '表三 二、上年结转政府信息公开申请数量', '表三 三、本年度办理结果 （一）予以公开'];
      const read = async () => {
        const out: string[][] = [];
        for (const r of rows) {
          const line: string[] = [];
          for (const c of researchCells) line.push(await cell(page, `${r} 法人或其他组织 ${c}`).inputValue());
          out.push(line);
        }
        return out;
      };
      const pasted = [
        ['1', '2', '3', '4'],
        ['5', '6', '7', '8'],
        ['9', '10', '11', '12'],
      ];
      assert.deepEqual(await read(), pasted);
      assert.equal(await cell(page, `${T3} 总计（自动计算）`).inputValue(), String(5 + 1 + 2 + 3 + 4));
      await screenshot(page, 'editor-pasted');

      // Copy a block out: Shift+arrows select, Ctrl+C writes tab-separated rows.
      await start.click();
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowDown');
      const copied = await page.evaluate(() => {
        const dt = new DataTransfer();
        document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
        return dt.getData('text/plain');
      });
      assert.equal(copied, '1\t2\r\n5\t6');

      // Undo and redo across the whole report: the paste, then a text edit.
      await page.keyboard.press('Control+Z');
      assert.deepEqual(await read(), rows.map(() => ['', '', '', '']), 'undo takes the whole paste back');
      await page.keyboard.press('Control+Y');
      assert.deepEqual(await read(), pasted, 'redo puts it back');
      const intro = page.getByLabel('一、导语 正文', { exact: true });
      await intro.click();
      await page.keyboard.type('本年度，恩和镇认真贯彻落实《中华人民共和国政府信息公开条例》。');
      await page.waitForTimeout(50);
      await page.keyboard.press('Control+Z');
      assert.equal(await intro.inputValue(), '', 'a burst of typing is one undo step');
      await page.keyboard.press('Control+Shift+Z');
      assert.match(await intro.inputValue(), /认真贯彻落实/);

      // Text pasted from Word keeps its paragraphs and loses invisible characters.
      const problems = page.getByLabel('五、（一）存在的主要问题 正文', { exact: true });
      await problems.click();
      await problems.evaluate((el) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', '一是公开内容不够全面。\u200b\r\n\r\n二是更新不够及时。\r\n');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      assert.equal(await problems.inputValue(), '一是公开内容不够全面。\n\n二是更新不够及时。');

      // Sub-parts: add one, move it up, with the keyboard-reachable buttons.
      await page.locator('#nb-part-problems').getByRole('button', { name: '添加小节' }).click();
      const newHeading = page.getByLabel('五部分第 4 段的小标题', { exact: true });
      assert.equal(await newHeading.inputValue(), '（三）');
      await page.getByRole('button', { name: '上移 五、（三）', exact: true }).click();
      assert.equal(await page.getByLabel('五部分第 3 段的小标题', { exact: true }).inputValue(), '（三）');
      assert.equal(await page.getByLabel('五部分第 4 段的小标题', { exact: true }).inputValue(), '（二）改进情况', 'moved below (三)');
      await page.getByRole('button', { name: '删除 五、（三）', exact: true }).click();
      assert.equal(await page.getByLabel('五部分第 3 段的小标题', { exact: true }).inputValue(), '（二）改进情况');
      assert.equal(await page.getByLabel('五部分第 4 段的小标题', { exact: true }).count(), 0);

      // Saved without a click; everything is there after a reload.
      await waitSaved(page);
      const stored = await apiCall<{ report: { tables: { applications: Record<string, (number | null)[]> }; preamble: string } }>(page, server, 'getReport', { id });
      assert.deepEqual(stored.report.tables.applications.new, [5, null, 1, 2, 3, 4, 15]);
      await page.reload();
      await page.getByRole('heading', { name: '基本信息' }).waitFor({ timeout: 20_000 });
      assert.deepEqual(await read(), pasted);
      assert.equal(await cell(page, NEW_NATURAL).inputValue(), '5');
      assert.equal(await cell(page, '表四 行政复议 结果维持').inputValue(), '12');
      assert.match(await page.getByLabel('一、导语 正文', { exact: true }).inputValue(), /认真贯彻落实/);
      assert.match(await page.getByLabel('前言正文', { exact: true }).inputValue(), /本报告如有疑问请来电。$/);

      // 历史版本: restore the first revision (the report as created).
      await page.getByRole('button', { name: '历史版本' }).click();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByText('第 1 版').waitFor();
      const revs = await drawer.locator('.nb-revision').count();
      assert.ok(revs >= 2, `several revisions (${revs})`);
      await drawer.getByRole('button', { name: '查看第 1 版' }).click();
      await page.getByRole('dialog').getByText(/第 1 版（.*只读）/).waitFor();
      await screenshot(page, 'editor-revision-view');
      await page.getByRole('button', { name: '恢复这一版' }).click();
      await page.locator('.ant-modal-confirm-title').getByText('恢复到第 1 版？').waitFor();
      await page.getByRole('button', { name: '恢复这一版' }).last().click();
      await drawer.waitFor({ state: 'hidden' });
      assert.equal(await cell(page, NEW_NATURAL).inputValue(), '', 'the figures of the first revision (none)');
      assert.equal(await page.getByLabel('一、导语 正文', { exact: true }).inputValue(), '');
      await waitSaved(page);
      const after = await apiCall<{ report: { tables: { applications: Record<string, (number | null)[]> } } }>(page, server, 'getReport', { id });
      assert.deepEqual(after.report.tables.applications.new, [null, null, null, null, null, null, null]);

      assert.deepEqual(errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
    } finally {
      await context.close();
    }
  });

  it('one whole pass with the keyboard alone: the rail, the preamble, the text, every table, undo', async () => {
    const { page, errors, context } = await openApp(browser, server, { width: 1440, height: 900 });
    try {
      // The office profile in 设置 (as the first run asks for it): the new report's 前言 is drawn from it.
      await apiCall(page, server, 'saveSettings', { office: OFFICE, deadline: '01-31' });
      await page.reload();
      await page.getByRole('heading', { name: '年度报告' }).waitFor();
      await page.keyboard.press('Control+N');
      await page.locator('#nb-new-year').waitFor();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2023');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: '基本信息' }).waitFor({ timeout: 20_000 });
      const id = /#\/report\/([a-z0-9-]+)/.exec(page.url())![1];
      const active = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return { label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '', readOnly: el?.readOnly ?? false, tag: el?.tagName ?? '', id: el?.id ?? '' };
        });
      /** Tab (or Shift+Tab) until the focus is on `label`; fails after `max` presses. */
      const tabTo = async (label: string | RegExp, max = 120, key = 'Tab') => {
        for (let i = 0; i < max; i++) {
          const a = await active();
          if (typeof label === 'string' ? a.label === label : label.test(a.label)) return a;
          await page.keyboard.press(key);
        }
        assert.fail(`Tab never reached ${label}; at ${(await active()).label}`);
      };

      // The rail: Tab into it, Enter on 前言 puts the focus on that part's heading.
      await tabTo(/^.前言（(未填写|已完成|有错误|有警告)）$/);
      await page.keyboard.press('Enter');
      assert.equal((await active()).id, 'nb-h-preamble');
      // 前言 regenerated from the profile: Enter on the button, Enter on the question's default answer.
      await tabTo('按机关信息重新生成前言');
      await page.keyboard.press('Enter');
      await page.locator('.ant-modal-confirm-title').getByText('重新生成前言？').waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
      assert.match(await page.getByLabel('前言正文', { exact: true }).inputValue(), /2023年1月1日至2023年12月31日/);
      // 一: the introduction typed; a sub-part added with Enter on 添加小节 later on.
      await tabTo('一、导语 正文');
      await page.keyboard.type('2023年，恩和镇坚持以公开为常态、不公开为例外，全面推进政务公开工作。');
      for (const [heading, text] of [
        ['（一）主动公开', '全年主动公开政府信息120条，涵盖预决算、行政执法、惠民政策等内容。'],
        ['（二）依申请公开', '全年未收到政府信息公开申请，依申请公开工作制度健全。'],
        ['（三）政府信息管理', '严格执行信息发布前保密审查制度，规范信息发布流程。'],
        ['（四）平台建设', '依托县政府门户网站和政务新媒体及时发布各类信息。'],
        ['（五）监督保障', '将政务公开纳入年度目标考核，定期开展自查。'],
      ]) {
        await tabTo(`一、${heading} 正文`);
        await page.keyboard.type(text);
      }

      // Tab into 表二; 表二 and 表三 by Tab: every cell typed (0) unless computed; Tab leaves one table for the next.
      let a = await tabTo('表二 规章 本年制发件数', 200);
      let typed = 0;
      for (let i = 0; i < 400; i++) {
        a = await active();
        if (!a.label.startsWith('表二') && !a.label.startsWith('表三')) break;
        if (!a.readOnly) {
          await page.keyboard.type('0');
          typed++;
        }
        await page.keyboard.press('Tab');
      }
      assert.equal(typed, 10 + 24 * 6, '表二 10 cells, 表三 24 rows of figures × 6 columns');
      assert.equal(a.label, '表四 行政复议 结果维持', 'Tab after the last cell of 表三 lands in 表四');
      // 表四 with arrows: one row of fifteen figures.
      for (let i = 0; i < 15; i++) {
        a = await active();
        if (!a.readOnly) await page.keyboard.type('0');
        await page.keyboard.press('ArrowRight');
      }
      // Tab out of 表四 into 五.
      await page.keyboard.press('Tab');
      await tabTo('五、导语 正文');
      await page.keyboard.type('对照年度报告要求，我镇政务公开工作还存在一些问题。');
      await tabTo('五、（一）存在的主要问题 正文');
      await page.keyboard.type('一是公开内容不够全面，二是栏目更新不够及时。');
      await tabTo('五、（二）改进情况 正文');
      await page.keyboard.type('2024年将加强培训，健全信息更新机制，确保公开内容及时准确。');
      // 六: the 信息处理费 sentence with Enter, and a sub-part added with Enter on 添加小节.
      await tabTo('插入“本年度未收取信息处理费。”');
      await page.keyboard.press('Enter');
      await tabTo('添加小节');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '六部分第 2 段的小标题', null, { timeout: 2_000 }); // the new sub-part takes the focus
      // Its number is there already, the caret after it: the clerk types the title.
      await page.keyboard.type('其他事项说明');
      assert.equal(await page.getByLabel('六部分第 2 段的小标题', { exact: true }).inputValue(), '（一）其他事项说明');
      await page.keyboard.press('Tab');
      await tabTo('六、（一）其他事项说明 正文', 6);
      await page.keyboard.type('无其他需要报告的事项。');
      // Ctrl+Z / Ctrl+Y from the keyboard, across the whole report.
      await page.keyboard.press('Control+Z');
      assert.equal(await page.getByLabel('六、（一）其他事项说明 正文', { exact: true }).inputValue(), '');
      await page.keyboard.press('Control+Y');
      assert.equal(await page.getByLabel('六、（一）其他事项说明 正文', { exact: true }).inputValue(), '无其他需要报告的事项。');

      await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
      for (const part of ['preamble', 'overview', 'active', 'applications', 'reviews', 'problems', 'other']) {
        assert.equal(await page.locator(`[data-part="${part}"]`).getAttribute('data-state'), 'complete', `${part} complete`);
      }
      assert.equal(await page.locator('.nb-cell.nb-blank').count(), 0, 'no blank cell left');
      assert.equal(await page.locator('.nb-finding.nb-sev-error').count(), 0, 'no error left');

      // Keyboard in a column: Enter goes down, arrows go across.
      const first = page.getByLabel(NEW_NATURAL, { exact: true });
      await first.focus();
      await page.keyboard.type('4');
      await page.keyboard.press('Enter');
      assert.equal((await active()).label, CARRIED_IN_NATURAL);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowRight');
      assert.equal((await active()).label, `${T3} 法人或其他组织 商业企业`);
      await screenshot(page, 'editor-keyboard');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Delete');
      await page.keyboard.type('0');
      await page.keyboard.press('Enter');
      await waitSaved(page);
      const stored = (await apiCall<{ report: Stored }>(page, server, 'getReport', { id })).report;
      assert.equal(stored.sections.overview[0].text, '2023年，恩和镇坚持以公开为常态、不公开为例外，全面推进政务公开工作。');
      assert.equal(stored.tables.applications.new[0], 0);
      assert.deepEqual(stored.tables.reviews.review, [0, 0, 0, 0, 0]);
      assert.deepEqual(errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
    } finally {
      await context.close();
    }
  });

  it('input at the cell: thousands separators and spaces dropped, full-width digits, no minus in counts, 万元 with four decimals', async () => {
    const { page, errors, context } = await openApp(browser, server, { width: 1366, height: 768 });
    try {
      const created = await apiCall<{ meta: { id: string } }>(page, server, 'createReport', { year: 2024 });
      const id = created.meta.id;
      await openById(page, id);
      await typeInto(page, NEW_NATURAL, '1,234');
      assert.equal(await cell(page, NEW_NATURAL).inputValue(), '1234');
      await typeInto(page, `${T3} 法人或其他组织 商业企业`, '１，２３４');
      assert.equal(await cell(page, `${T3} 法人或其他组织 商业企业`).inputValue(), '1234');
      await typeInto(page, `${T3} 法人或其他组织 科研机构`, '1 234');
      assert.equal(await cell(page, `${T3} 法人或其他组织 科研机构`).inputValue(), '1234');
      assert.equal(await cell(page, `${T3} 总计（自动计算）`).inputValue(), '3702');

      // F2 and a double-click edit in place (the caret after the figure); Delete clears; a computed cell refuses typing.
      const nn = cell(page, NEW_NATURAL);
      await nn.click();
      await page.keyboard.press('F2');
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      assert.equal(await nn.inputValue(), '12345');
      await nn.dblclick();
      await page.waitForTimeout(50);
      await page.keyboard.type('6');
      await page.keyboard.press('Enter');
      assert.equal(await nn.inputValue(), '123456');
      await nn.click();
      await page.keyboard.press('Delete');
      assert.equal(await nn.inputValue(), '');
      await page.keyboard.type('1234');
      await page.keyboard.press('Enter');
      const totalCell = cell(page, `${T3} 总计（自动计算）`);
      await totalCell.click();
      await page.keyboard.type('9');
      assert.equal(await totalCell.inputValue(), '3702', 'the computed total is not typed over');

      // A minus where the form has no decreases: refused at the cell, the cell stays empty.
      const carried = cell(page, CARRIED_IN_NATURAL);
      await carried.click();
      await page.keyboard.type('-3');
      assert.match(await page.getByRole('tooltip').innerText(), /件数不能为负数/);
      assert.equal(await carried.getAttribute('aria-invalid'), 'true');
      await screenshot(page, 'editor-refused');
      await page.keyboard.press('Enter');
      assert.equal(await carried.inputValue(), '');
      await page.locator('.ant-message').getByText(/“-3”没有填入。件数不能为负数/).waitFor();

      // Money in 万元: up to four decimals; a fifth, or 元, refused with the last good value kept.
      const fee = page.locator('input[data-cell="active|fees|amountWanYuan"]');
      assert.match((await fee.getAttribute('aria-label')) ?? '', /^表二 行政事业性收费 /);
      await fee.scrollIntoViewIfNeeded();
      await fee.click();
      await page.keyboard.type('12.3456');
      await page.keyboard.press('Enter');
      assert.equal(await fee.inputValue(), '12.3456');
      await fee.click();
      await page.keyboard.type('1.23456');
      assert.match(await page.getByRole('tooltip').innerText(), /最多保留四位小数/);
      await page.keyboard.press('Enter');
      assert.equal(await fee.inputValue(), '12.3456');
      await fee.click();
      await page.keyboard.type('300元');
      assert.match(await page.getByRole('tooltip').innerText(), /换算成万元/);
      await page.keyboard.press('Escape');
      assert.equal(await fee.inputValue(), '12.3456');

      // The year typed digit by digit (full-width too): taken once it is a year.
      const year = page.getByLabel('报告年度', { exact: true });
      await year.scrollIntoViewIfNeeded();
      await year.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('２０２５');
      assert.equal(await year.inputValue(), '2025');
      assert.match(await page.locator('.nb-head-year').innerText(), /2025 年度/);
      await page.keyboard.press('Tab');

      // 成文日期 typed the way a clerk writes it, shown in Chinese whatever the browser's language.
      const issued = page.getByLabel('成文日期', { exact: true });
      await issued.scrollIntoViewIfNeeded();
      await issued.click();
      await page.keyboard.type('2026-01-20');
      await page.keyboard.press('Enter');
      assert.equal(await issued.inputValue(), '2026年1月20日');
      await page.keyboard.press('Tab');

      await waitSaved(page);
      const stored = (await apiCall<{ report: Stored & { year: number; issuedOn: string | null } }>(page, server, 'getReport', { id })).report;
      assert.equal(stored.year, 2025);
      assert.equal(stored.issuedOn, '2026-01-20');

      // The 2019 form's 本年增/减 is the one column where a minus belongs (full-width minus too).
      const old = await apiCall<{ meta: { id: string } }>(page, server, 'createReport', { year: 2019, format: '2019' });
      await openById(page, old.meta.id);
      const change = page.locator('#nb-part-active input[data-cell$="|change"]').first();
      assert.match((await change.getAttribute('aria-label')) ?? '', /^表二 .+ 本年增\/减$/);
      await change.scrollIntoViewIfNeeded();
      await change.click();
      await page.keyboard.type('－２');
      await page.keyboard.press('Enter');
      assert.equal(await change.inputValue(), '-2');
      await waitSaved(page);
      assert.deepEqual(stored.tables.applications.new.slice(0, 3), [1234, 1234, 1234]);
      assert.equal(stored.tables.applications.carriedIn[0], null);
      assert.equal(stored.tables.active.fees.amountWanYuan, 12.3456);
      assert.deepEqual(errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
    } finally {
      await context.close();
    }
  });

  it('one click fixes: printed totals adopted, a title corrected; a click in the panel goes to the text', async () => {
    const { page, errors, context } = await openApp(browser, server, { width: 1440, height: 900 });
    try {
      const created = await apiCall<{ meta: { id: string }; report: Stored & Record<string, unknown> }>(page, server, 'createReport', { year: 2024 });
      const id = created.meta.id;
      // As an imported report would be: printed totals that differ from the sums, last year's title.
      const r = structuredClone(created.report);
      r.office = { ...(r.office as object), name: OFFICE.name };
      r.title = `${OFFICE.name}2023年政府信息公开工作年度报告`;
      r.tables.applications.new = [1, 0, 0, 0, 0, 0, 5];
      r.tables.reviews.review = [1, 1, 0, 0, 9];
      await apiCall(page, server, 'saveReport', { id, report: r });
      await openById(page, id);

      const total = td(page, 'applications|new|total');
      assert.equal(await total.locator('input').inputValue(), '1', 'the computed total is shown');
      assert.equal(await total.locator('.nb-printed').textContent(), '印 5', 'the printed one beside it');
      await page.locator('#nb-part-applications .nb-totals-banner').getByText('这张表中有 1 个合计与各栏之和不一致').waitFor();
      const fix = page.locator('.nb-findings').getByRole('button', { name: /总计采用计算值 1（原为 5）/ });
      await fix.scrollIntoViewIfNeeded();
      await screenshot(page, 'editor-fix-before');
      await fix.click();
      await fix.waitFor({ state: 'detached' });
      assert.equal(await total.locator('.nb-printed').count(), 0);
      assert.equal(await page.locator('#nb-part-applications .nb-totals-banner').count(), 0);
      // 表四: the table's banner adopts every computed total at once.
      const adopt = page.locator('#nb-part-reviews .nb-totals-banner').getByRole('button', { name: '全部采用计算值' });
      await adopt.click();
      await adopt.waitFor({ state: 'detached' });
      assert.equal(await td(page, 'reviews|review|total').locator('.nb-printed').count(), 0);

      // The title: a click on the finding goes to the field; its fix writes the standard title.
      const titleFinding = page.locator('.nb-finding[data-rule="s.title"]');
      await titleFinding.locator('.nb-finding-go').click();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-path')), 'title');
      await titleFinding.getByRole('button', { name: /^改为“/ }).click();
      await titleFinding.waitFor({ state: 'detached' });
      assert.equal(await page.getByLabel('报告标题', { exact: true }).inputValue(), `${OFFICE.name}2024年政府信息公开工作年度报告`);
      // And Ctrl+Z takes a fix back like any change.
      await page.getByLabel('报告标题', { exact: true }).focus();
      await page.keyboard.press('Control+Z');
      assert.equal(await page.getByLabel('报告标题', { exact: true }).inputValue(), `${OFFICE.name}2023年政府信息公开工作年度报告`);
      await page.keyboard.press('Control+Y');

      await waitSaved(page);
      const stored = (await apiCall<{ report: Stored }>(page, server, 'getReport', { id })).report;
      assert.equal(stored.tables.applications.new[6], 1);
      assert.equal(stored.tables.reviews.review[4], 2);
      assert.equal(stored.title, `${OFFICE.name}2024年政府信息公开工作年度报告`);
      assert.deepEqual(errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
    } finally {
      await context.close();
    }
  });

  it('sub-parts of 一 and 六 added, removed and reordered; regenerating the preamble asks and replaces; every part looked at', async () => {
    const { page, errors, context } = await openApp(browser, server, { width: 1366, height: 768 });
    try {
      await apiCall(page, server, 'saveSettings', { office: OFFICE, deadline: '01-31' });
      const created = await apiCall<{ meta: { id: string } }>(page, server, 'createReport', { year: 2024 });
      const id = created.meta.id;
      await openById(page, id);

      // The office profile: emptied here, filled again from 设置 with one click.
      const officeName = page.locator('input[data-path="office.name"]');
      await officeName.fill('');
      await page.locator('input[data-path="office.phone"]').fill('');
      await page.getByRole('button', { name: '填入“设置”中的机关信息' }).click();
      assert.equal(await officeName.inputValue(), OFFICE.name);
      assert.equal(await page.locator('input[data-path="office.phone"]').inputValue(), OFFICE.phone);

      // 前言: a text of one's own, then regenerated after the question; Ctrl+Z brings it back.
      const preamble = page.getByLabel('前言正文', { exact: true });
      await preamble.fill('自己写的前言。');
      await page.getByRole('button', { name: '按机关信息重新生成前言' }).click();
      await page.getByRole('button', { name: '重新生成', exact: true }).click();
      // The text is replaced once the dialog's promise settles: wait for it rather than read at once.
      await page.waitForFunction(() => /2024年1月1日至2024年12月31日/.test(document.querySelector<HTMLTextAreaElement>('textarea[aria-label="前言正文"]')?.value ?? ''));
      const generated = await preamble.inputValue();
      assert.match(generated, /2024年1月1日至2024年12月31日/);
      assert.doesNotMatch(generated, /自己写的前言/);
      await preamble.focus();
      await page.keyboard.press('Control+Z');
      assert.equal(await preamble.inputValue(), '自己写的前言。');
      await page.keyboard.press('Control+Y');
      assert.equal(await preamble.inputValue(), generated);

      // 一: （五） removed, （二） moved up, a new sub-part added and written.
      const overview = page.locator('#nb-part-overview');
      const headingOf = (n: number) => page.getByLabel(`一部分第 ${n} 段的小标题`, { exact: true });
      assert.equal(await headingOf(6).inputValue(), '（五）监督保障');
      await overview.getByRole('button', { name: '删除 一、（五）监督保障', exact: true }).click();
      assert.equal(await headingOf(6).count(), 0);
      await overview.getByRole('button', { name: '上移 一、（二）依申请公开', exact: true }).click();
      assert.equal(await headingOf(2).inputValue(), '（二）依申请公开');
      assert.equal(await headingOf(3).inputValue(), '（一）主动公开');
      await overview.getByRole('button', { name: '添加小节' }).click();
      assert.equal(await headingOf(6).inputValue(), '（五）');
      await headingOf(6).fill('（五）监督保障');
      await page.getByLabel('一、（五）监督保障 正文', { exact: true }).fill('严格落实考核制度。');

      // 六: the 信息处理费 sentence inserted with one click, then a sub-part of its own.
      const other = page.locator('#nb-part-other');
      await other.getByRole('button', { name: '插入“本年度未收取信息处理费。”' }).click();
      assert.equal(await other.getByRole('button', { name: '插入“本年度未收取信息处理费。”' }).count(), 0);
      await other.getByRole('button', { name: '添加小节' }).click();
      const otherHeading = page.getByLabel('六部分第 2 段的小标题', { exact: true });
      assert.equal(await otherHeading.inputValue(), '（一）');
      await otherHeading.fill('（一）其他需要报告的事项');
      await other.getByRole('button', { name: '上移 六、（一）其他需要报告的事项', exact: true }).click();
      assert.equal(await page.getByLabel('六部分第 1 段的小标题', { exact: true }).inputValue(), '（一）其他需要报告的事项');

      await waitSaved(page);
      const stored = (await apiCall<{ report: Stored }>(page, server, 'getReport', { id })).report;
      assert.deepEqual(
        stored.sections.overview.map((p) => p.heading),
        ['', '（二）依申请公开', '（一）主动公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障'],
      );
      assert.equal(stored.sections.overview[5].text, '严格落实考核制度。');
      assert.deepEqual(
        stored.sections.other.map((p) => [p.heading, p.text]),
        [
          ['（一）其他需要报告的事项', ''],
          ['', '本年度未收取信息处理费。'],
        ],
      );
      assert.equal(stored.preamble, generated);

      // Every part, reached from the rail, photographed for a look.
      for (const part of ['basic', 'preamble', 'overview', 'active', 'applications', 'reviews', 'problems', 'other']) {
        await page.locator(`[data-part="${part}"]`).click();
        assert.equal(await page.evaluate(() => document.activeElement?.id), `nb-h-${part}`, `the rail goes to ${part}`);
        await page.waitForTimeout(50);
        await screenshot(page, `editor-part-${part}`);
      }
      assert.deepEqual(errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
    } finally {
      await context.close();
    }
  });
  it('新建下一年度 from the toolbar: what was just typed is saved first, then the new report opens', async () => {
    const { page, errors, context } = await openApp(browser, server, { width: 1440, height: 900 });
    try {
      const created = await apiCall<{ meta: { id: string } }>(page, server, 'createReport', { year: 2024 });
      await openById(page, created.meta.id);
      // Saves take 2.5 s here, as on a slow disk: the new year must still start from what was typed
      // (the button waits for the save on its way, then opens the dialog).
      await page.route(/\/api\/saveReport$/, async (route) => {
        await new Promise((r) => setTimeout(r, 2500));
        await route.continue();
      });
      const intro = page.getByLabel('一、导语 正文', { exact: true });
      await intro.scrollIntoViewIfNeeded();
      await intro.fill('2024年，本镇全面推进政务公开。');
      await page.getByRole('toolbar', { name: '报告操作' }).getByRole('button', { name: '新建下一年度' }).click();
      const dialog = page.getByRole('dialog', { name: '以此为基础新建下一年度报告' });
      await dialog.getByRole('button', { name: '新建 2025 年度报告' }).click();
      await dialog.getByRole('button', { name: '打开新报告' }).click();
      await page.waitForURL((u) => /#\/report\//.test(u.hash) && !u.hash.endsWith(created.meta.id));
      await page.locator('.nb-head-year', { hasText: '2025 年度' }).waitFor();
      const newId = /#\/report\/([a-z0-9-]+)/.exec(page.url())![1];
      const next = await apiCall<{ meta: { basedOn?: string }; report: Stored }>(page, server, 'getReport', { id: newId });
      assert.equal(next.meta.basedOn, created.meta.id);
      // The sentence typed a moment before is in the new report, its year among those listed to check.
      assert.match(next.report.sections.overview[0].text, /本镇全面推进政务公开/);
      assert.deepEqual(errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
    } finally {
      await context.close();
    }
  });
});
