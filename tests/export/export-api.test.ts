/**
 * exportReport over the API with the real store: by id (the store supplies the report) or with
 * the report as the editor holds it; the standard file name; the file read back.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import JSZip from 'jszip';
import { exportHandlers } from '../../main/api/export-handlers.js';
import type { AppContext } from '../../main/context.js';
import { importPath } from '../../main/import/index.js';
import { openStore } from '../../main/store/index.js';
import { ApiError, parseArgs } from '../../shared/api.js';
import { exportFileName } from '../../shared/model/title.js';
import { fixture } from '../helpers/fixtures.js';
import { poppler } from './pdf-read.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-api-'));
const stores: { close(): Promise<void> }[] = [];
after(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const compact = (s: string) => s.replace(/\s+/g, '');

describe('exportReport API', () => {
  it('by id from the store, or with the edited report; PDF and Word; the standard file name', async () => {
    const store = await openStore(join(dir, 'data'));
    stores.push(store);
    const ctx: AppContext = { store, host: { kind: 'browser' }, version: 'test' };
    const api = exportHandlers(ctx);
    const report = (await importPath(fixture('reports/zhongning-enhe-2024.txt'))).report;
    const opened = await store.createReport({ year: 2024, report });

    const byId = await api.exportReport(parseArgs('exportReport', { id: opened.meta.id, kind: 'pdf' }));
    assert.equal(byId.fileName, '中宁县恩和镇人民政府2024年政府信息公开工作年度报告.pdf');
    assert.equal(byId.fileName, exportFileName(report, 'pdf'));
    assert.equal(byId.mime, 'application/pdf');
    assert.deepEqual(byId.missingChars, []);
    const pdf = Buffer.from(byId.dataBase64, 'base64');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(byId.pages && byId.pages >= 5);
    assert.ok(compact(poppler('pdftotext', pdf)).includes('中宁县恩和镇人民政府'));

    // The editor sends its unsaved text: that is what is exported, not the stored copy.
    const edited = structuredClone(opened.report);
    edited.preamble = '本报告依据《中华人民共和国政府信息公开条例》编制（草稿已修改）。';
    const withReport = await api.exportReport(parseArgs('exportReport', { id: opened.meta.id, report: edited, kind: 'pdf', cover: {} }));
    const text = compact(poppler('pdftotext', Buffer.from(withReport.dataBase64, 'base64')));
    assert.ok(text.includes('（草稿已修改）'));
    assert.ok(text.includes('关于报送'), 'cover page asked for');

    const docx = await api.exportReport(parseArgs('exportReport', { id: opened.meta.id, kind: 'docx' }));
    assert.equal(docx.fileName, '中宁县恩和镇人民政府2024年政府信息公开工作年度报告.docx');
    assert.equal(docx.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(Buffer.from(docx.dataBase64, 'base64'));
    assert.ok((await zip.file('word/document.xml')!.async('string')).includes('中宁县恩和镇'));

    // The web page for the county website: a whole page, or the fragment to paste.
    const page = await api.exportReport(parseArgs('exportReport', { id: opened.meta.id, kind: 'html' }));
    assert.equal(page.fileName, '中宁县恩和镇人民政府2024年政府信息公开工作年度报告.html');
    assert.equal(page.mime, 'text/html;charset=utf-8');
    const html = Buffer.from(page.dataBase64, 'base64').toString('utf8');
    assert.match(html, /<html[\s>]/i);
    const fragment = Buffer.from((await api.exportReport(parseArgs('exportReport', { report: edited, kind: 'htmlFragment' }))).dataBase64, 'base64').toString('utf8');
    assert.doesNotMatch(fragment, /<html[\s>]/i);
    assert.match(fragment, /<table[\s\S]*rowspan=/);
    assert.ok(fragment.includes('（草稿已修改）'));
  });

  it('says in Chinese what is wrong: no report given, an unknown id', async () => {
    const store = await openStore(join(dir, 'data2'));
    stores.push(store);
    const api = exportHandlers({ store, host: { kind: 'browser' }, version: 'test' });
    assert.throws(
      () => parseArgs('exportReport', { kind: 'pdf' }),
      (e: unknown) => e instanceof ApiError && e.code === 'invalid_argument' && /需要报告编号或报告内容/.test(e.message),
    );
    await assert.rejects(
      api.exportReport(parseArgs('exportReport', { id: 'no-such-report', kind: 'pdf' })),
      (e: unknown) => e instanceof ApiError && e.code === 'not_found' && /[\u4e00-\u9fff]/.test(e.message),
    );
  });
});
