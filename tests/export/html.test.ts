/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { placeTable } from '../../main/export/content.js';
import { writeHtml } from '../../main/export/html.js';
import { importPath } from '../../main/import/index.js';
import { htmlToDocument } from '../../main/import/readers/html.js';
import type { TableBlock } from '../../main/import/document.js';
import type { Report } from '../../shared/model/report.js';
import { reportTitle } from '../../shared/model/title.js';
import { getTemplate } from '../../shared/templates/index.js';
import { fixture } from '../helpers/fixtures.js';

const TABLES = ['active', 'applications', 'reviews'] as const;

const tablesOf = (html: string) => htmlToDocument(html).blocks.filter((b): b is TableBlock => b.kind === 'table');
const cellKeys = (t: TableBlock) => t.rows.flat().map((c) => `${c.row}:${c.col} ${c.rowSpan}×${c.colSpan} ${c.text.replace(/\s+/g, '')}`);
const expectedKeys = (r: Report, id: (typeof TABLES)[number]) =>
  placeTable(getTemplate(r.format).tables[id], r.tables[id] as Record<string, unknown> | null).cells.map((c) => `${c.row}:${c.col} ${c.rowSpan}×${c.colSpan} ${c.text.replace(/\s+/g, '')}`);

let zhongning: Report;
let longde: Report;

before(async () => {
  zhongning = (await importPath(fixture('reports/zhongning-enhe-2024.txt'))).report;
  longde = (await importPath(fixture('reports/longde-liancai-2019.txt'))).report;
});

describe('HTML for the website', () => {
  it('a clean fragment: no script, style element, class, external file or event handler', () => {
    const f = writeHtml(zhongning, { fragment: true });
    assert.match(f, /^<div style="[^"]+">/);
    assert.match(f, /<\/div>$/);
    for (const bad of [/<script/i, /<style/i, /\sclass=/i, /\ssrc=/i, /\shref=/i, /<link/i, /<img/i, /\son[a-z]+=/i, /<html|<head|<body/i, /url\(/i]) assert.doesNotMatch(f, bad);
    // Title, the six headings, the three tables.
    assert.ok(f.includes(`>${reportTitle(zhongning)}</h1>`));
    assert.equal((f.match(/<h2 /g) ?? []).length, 6);
    assert.equal((f.match(/<table /g) ?? []).length, 3);
  });

  it('a full page wraps the same fragment: doctype, charset, title', () => {
    const page = writeHtml(zhongning, { fragment: false });
    assert.match(page, /^<!doctype html>\n<html lang="zh-CN">/);
    assert.ok(page.includes('<meta charset="utf-8">'));
    assert.ok(page.includes(`<title>${reportTitle(zhongning)}</title>`));
    assert.ok(page.includes(writeHtml(zhongning, { fragment: true })));
    assert.doesNotMatch(page, /<script|<link|\ssrc=|\shref=/i);
  });

  it('all text escaped, and read back unchanged', () => {
    const evil = '<script>alert(1)</script> & "引号" \'单\' <b>粗</b>';
    const r: Report = { ...zhongning, title: `某镇2024年政府信息公开工作年度报告<i>`, sections: { ...zhongning.sections, other: [{ heading: '', text: evil }] } };
    for (const html of [writeHtml(r, { fragment: true }), writeHtml(r, { fragment: false })]) {
      assert.doesNotMatch(html, /<script|<b>|<i>/);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot; &#39;单&#39; &lt;b&gt;粗&lt;/b&gt;'));
      const texts = htmlToDocument(html).blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
      assert.ok(texts.includes(evil), 'the text reads back as written');
    }
    const withControls = writeHtml({ ...zhongning, sections: { ...zhongning.sections, other: [{ heading: '', text: '未收取\u000b信息处理费\u0001。' }] } }, { fragment: true });
    assert.doesNotMatch(withControls, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    assert.ok(withControls.includes('未收取信息处理费。'));
  });

  for (const [name, get] of [
    ['2021 (中宁县恩和镇 2024)', () => zhongning],
    ['2019 (隆德县联财镇 2019)', () => longde],
  ] as const) {
    it(`${name}: the three tables as real <table>s with the form's rowspan/colspan, cell for cell`, () => {
      const r = get();
      const tables = tablesOf(writeHtml(r, { fragment: true }));
      assert.equal(tables.length, 3);
      TABLES.forEach((id, i) => assert.deepEqual(cellKeys(tables[i]!), expectedKeys(r, id), `${r.format} ${id}`));
    });
  }

  it('borders and centred headers set inline on every cell', () => {
    const f = writeHtml(zhongning, { fragment: true });
    const tds = f.match(/<td[^>]*>/g) ?? [];
    const cells = TABLES.flatMap((id) => placeTable(getTemplate('2021').tables[id], null).cells);
    assert.equal(tds.length, cells.length);
    tds.forEach((td, i) => {
      assert.match(td, /style="[^"]*border:1px solid #000/);
      assert.match(td, /vertical-align:middle/);
      if (cells[i]!.header || cells[i]!.value) assert.match(td, /text-align:center/, `${cells[i]!.text} centred`);
    });
    for (const t of f.match(/<table[^>]*>/g) ?? []) assert.match(t, /border-collapse:collapse/);
  });
});

const CHROMIUM = '/usr/bin/chromium';

describe('HTML pasted into a website editor (Chromium)', { skip: existsSync(CHROMIUM) ? false : 'Chromium is not installed' }, () => {
  let browser: Browser;
  const server = createServer((_q, s) => {
    s.setHeader('content-type', 'text/html; charset=utf-8');
    s.end('<!doctype html><meta charset="utf-8"><title>编辑器</title><div id="editor" contenteditable="true" style="min-height:200px"></div>');
  });
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    server.close();
  });

  it('copy as HTML, Ctrl+V into a contenteditable editor: the tables, their merges, borders and centring survive', { timeout: 60_000 }, async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ctx = await browser.newContext();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const page = await ctx.newPage();
    await page.goto(url + '/');
    const fragment = writeHtml(zhongning, { fragment: true });
    // What the app's 复制网页版 does: the fragment on the clipboard as text/html.
    await page.evaluate(async (html) => {
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([html], { type: 'text/plain' }) })]);
    }, fragment);
    await page.focus('#editor');
    await page.keyboard.press('Control+V');
    const pasted = await page.evaluate(() => document.getElementById('editor')!.innerHTML);
    const tables = tablesOf(pasted);
    assert.equal(tables.length, 3);
    TABLES.forEach((id, i) => assert.deepEqual(cellKeys(tables[i]!), expectedKeys(zhongning, id), `pasted ${id}`));
    // A string, so the bundler's helpers (keepNames) do not leak into the page.
    const look = (await page.evaluate(`(() => {
      const cells = Array.from(document.querySelectorAll('#editor td'));
      const header = cells.find((c) => c.textContent === '申请人情况');
      const label = cells.find((c) => c.textContent === '1.属于国家秘密');
      return {
        cells: cells.length,
        bordered: cells.filter((c) => getComputedStyle(c).borderTopStyle === 'solid' && getComputedStyle(c).borderLeftWidth === '1px').length,
        headerAlign: getComputedStyle(header).textAlign,
        labelAlign: getComputedStyle(label).textAlign,
        merged: cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).length,
        headings: Array.from(document.querySelectorAll('#editor h2')).map((h) => h.textContent.slice(0, 2)),
      };
    })()`)) as { cells: number; bordered: number; headerAlign: string; labelAlign: string; merged: number; headings: string[] };
    assert.equal(look.bordered, look.cells, 'every cell keeps its border');
    assert.equal(look.headerAlign, 'center');
    assert.match(look.labelAlign, /^(left|start)$/, 'row labels stay left');
    const merged = TABLES.flatMap((id) => placeTable(getTemplate('2021').tables[id], null).cells).filter((c) => c.rowSpan > 1 || c.colSpan > 1).length;
    assert.equal(look.merged, merged);
    assert.deepEqual(look.headings, ['一、', '二、', '三、', '四、', '五、', '六、']);
    await ctx.close();
  });
});
