/**
 * `nianbao export FILE [--pdf OUT] [--docx OUT] [--html OUT] [--cover]` on real fixture files
 * of several kinds (text, Word, PDF, our own .nianbao.json); the files written are read back.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import JSZip from 'jszip';
import { runCli } from '../../main/cli/index.js';
import { importBuffer } from '../../main/import/index.js';
import { blankReport } from '../../shared/model/blank.js';
import { toInterchange } from '../../shared/model/index.js';
import { fixture } from '../helpers/fixtures.js';
import { poppler } from './pdf-read.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['export', ...argv], { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env: { NIANBAO_FONTS: 'shipped' }, cwd: dir });
  return { code, out, err };
}

const compact = (s: string) => s.replace(/\s+/g, '');

describe('nianbao export', () => {
  it('a text report to PDF and Word with the 上报函; both read back', async () => {
    const r = await cli(fixture('reports/zhongning-enhe-2024.txt'), '--pdf', 'out/恩和.pdf', '--docx', 'out/恩和.docx', '--cover');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^已导出 PDF 文件：out\/恩和\.pdf（\d+ 页）\n已导出 Word 文件：out\/恩和\.docx\n$/);
    const pdf = readFileSync(join(dir, 'out/恩和.pdf'));
    const text = compact(poppler('pdftotext', pdf));
    assert.ok(text.includes('关于报送中宁县恩和镇2024年政府信息公开工作年度报告的函'), text.slice(0, 100));
    assert.ok(text.includes('中宁县人民政府办公室：'), 'the county, from the office name');
    const back = (await importBuffer('恩和.pdf', new Uint8Array(pdf))).report;
    assert.deepEqual(back.tables.applications?.new, [2, 0, 0, 0, 0, 0, 2]); // 本年新收 of the fixture (expected/zhongning-enhe-2024.json)
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out/恩和.docx')));
    assert.ok(zip.file('word/document.xml'));
  });

  it('without an output option: the PDF under the standard name in the current folder; a Word file and a PDF as input', async () => {
    const r = await cli(fixture('documents/zhongning-enhe-2024.docx'));
    const web = await cli(fixture('documents/zhongning-enhe-2024.docx'), '--html', 'web/enhe.html');
    assert.equal(web.code, 0, web.err);
    assert.match(readFileSync(join(dir, 'web/enhe.html'), 'utf8'), /<table[\s\S]*rowspan=/);
    assert.equal(r.code, 0, r.err);
    const name = '中宁县恩和镇人民政府2024年政府信息公开工作年度报告.pdf';
    assert.match(r.out, new RegExp(`已导出 PDF 文件：${name}`));
    assert.ok(existsSync(join(dir, name)));
    const fromPdf = await cli(fixture('documents/huaian-city-2024.pdf'), '--pdf', 'huaian.pdf');
    assert.equal(fromPdf.code, 0, fromPdf.err);
    assert.ok(compact(poppler('pdftotext', readFileSync(join(dir, 'huaian.pdf')))).includes('淮安市人民政府'));
  });

  it('a report with errors is still exported, with a Chinese note pointing to nianbao check', async () => {
    const r = await cli(fixture('reports/yongning-lijun-2023.txt'), '--pdf', 'yongning.pdf');
    assert.equal(r.code, 0);
    assert.match(r.err, /检查发现 \d+ 个错误，仍按原样导出。用 nianbao check .* 查看并改正后再报送。/);
    assert.ok(existsSync(join(dir, 'yongning.pdf')));
  });

  it('a character no font has: named in Chinese, the PDF not written (exit 1) unless --force', async () => {
    const rep = blankReport(2024, { name: '中宁县恩和镇人民政府' });
    rep.preamble = '联系人：张𠀾。';
    writeFileSync(join(dir, 'rare.nianbao.json'), JSON.stringify(toInterchange(rep)));
    const r = await cli('rare.nianbao.json', '--pdf', 'rare.pdf');
    assert.equal(r.code, 1);
    assert.match(r.err, /有 1 个字在本机所有字体中都没有：「𠀾」（U\+2003E）/);
    assert.match(r.err, /没有写出 rare\.pdf。确需导出.*--force/);
    assert.ok(!existsSync(join(dir, 'rare.pdf')));
    const forced = await cli('rare.nianbao.json', '--pdf', 'rare.pdf', '--force');
    assert.equal(forced.code, 0);
    assert.ok(compact(poppler('pdftotext', readFileSync(join(dir, 'rare.pdf')))).includes('联系人：张〓。'));
  });

  it('bad input and bad usage: exit 2 with a Chinese message', async () => {
    writeFileSync(join(dir, 'notes.txt'), '这不是年度报告。');
    const bad = await cli('missing.docx');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^missing\.docx: 无法读取 — .*[\u4e00-\u9fff]/);
    assert.equal((await cli()).code, 2);
    const two = await cli('a.txt', 'b.txt');
    assert.equal(two.code, 2);
    const unknown = await cli(fixture('reports/zhongning-enhe-2024.txt'), '--pfd', 'x.pdf');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /不认识的选项 --pfd/);
  });
});
