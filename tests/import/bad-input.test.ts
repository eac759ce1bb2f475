import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { ApiError } from '../../shared/api.js';
import { importBuffer, importPath } from '../../main/import/index.js';
import { fixture } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-bad-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function refused(p: Promise<unknown>, pattern: RegExp): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ApiError, `not an ApiError: ${String(e)}`);
    assert.equal(e.code, 'import_failed');
    assert.match(e.message, pattern);
    assert.match(e.message, /[\u4e00-\u9fff]/);
    return e.message;
  }
  assert.fail('import should have been refused');
}

/** A zip written by hand, so the directory can state sizes that are not true. */
function rawZip(name: string, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(n.length, 28);
  const dirOffset = 30 + n.length + deflated.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + n.length, 12);
  eocd.writeUInt32LE(dirOffset, 16);
  return new Uint8Array(Buffer.concat([local, n, Buffer.from(deflated), central, n, eocd]));
}

function pdf(draw: (d: PDFKit.PDFDocument) => void, opts: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const d = new PDFDocument(opts);
    const chunks: Buffer[] = [];
    d.on('data', (c: Buffer) => chunks.push(c));
    d.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    draw(d);
    d.end();
  });
}

describe('import: bad input is refused with a Chinese reason, nothing crashes', () => {
  it('empty file', async () => {
    await refused(importBuffer('a.docx', new Uint8Array()), /空的/);
    writeFileSync(join(dir, 'empty.txt'), '');
    await refused(importPath(join(dir, 'empty.txt')), /空的/);
  });

  it('a file over 200 MB is refused before it is read', async () => {
    const big = join(dir, 'big.pdf');
    writeFileSync(big, '%PDF-1.4\n');
    truncateSync(big, 200 * 1024 * 1024 + 1);
    const t0 = performance.now();
    await refused(importPath(big), /200 MB/);
    assert.ok(performance.now() - t0 < 1000);
  });

  it('missing file', async () => {
    await refused(importPath(join(dir, 'nope.docx')), /找不到|无法打开/);
  });

  it('a renamed .xlsx', async () => {
    const z = new JSZip();
    z.file('[Content_Types].xml', '<Types/>');
    z.file('xl/workbook.xml', '<workbook/>');
    const data = await z.generateAsync({ type: 'uint8array' });
    await refused(importBuffer('去年报告.docx', data), /Excel/);
  });

  it('a corrupt zip', async () => {
    const good = new Uint8Array(readFileSync(fixture('documents/zhongning-enhe-2024.docx')));
    await refused(importBuffer('r.docx', good.slice(0, 2000)), /损坏/);
    const noisy = good.slice();
    for (let i = 200; i < noisy.length - 200; i += 97) noisy[i] ^= 0x5a;
    await refused(importBuffer('r.docx', noisy), /[\u4e00-\u9fff]/);
  });

  it('zip bombs: declared too large, and lying about the size', async () => {
    const zeros = deflateRawSync(Buffer.alloc(1024));
    await refused(importBuffer('bomb.docx', rawZip('word/document.xml', zeros, 0xfffffff0)), /100 MB/);
    const huge = deflateRawSync(Buffer.alloc(110 * 1024 * 1024), { level: 9 });
    const t0 = performance.now();
    await refused(importBuffer('bomb.docx', rawZip('word/document.xml', huge, 1000)), /100 MB/);
    assert.ok(performance.now() - t0 < 15_000);
  });

  it('an encrypted PDF', async () => {
    const data = await pdf((d) => d.text('secret'), { userPassword: 'x', ownerPassword: 'y' });
    await refused(importBuffer('r.pdf', data), /密码/);
  });

  it('a scanned PDF (no text layer)', async () => {
    const data = await pdf((d) => d.rect(50, 50, 400, 600).fill('#888'));
    await refused(importBuffer('scan.pdf', data), /扫描件/);
  });

  it('another kind of document', async () => {
    const text = '关于召开2025年春季防火工作会议的通知\n各村委会：\n定于3月5日上午9时在镇政府三楼会议室召开春季防火工作会议，请各村支部书记准时参加。\n特此通知。\n某某镇人民政府\n2025年3月1日\n';
    await refused(importBuffer('通知.txt', new TextEncoder().encode(text)), /不是政府信息公开工作年度报告/);
    await refused(importBuffer('x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])), /图片/);
  });

  it('a single-file web page with no page in it', async () => {
    const mime = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b1--\r\n';
    await refused(importBuffer('报告.mht', new TextEncoder().encode(mime)), /单个文件网页/);
  });

  it('a broken .nianbao.json lists its issues in Chinese', async () => {
    const msg = await refused(importBuffer('r.nianbao.json', new TextEncoder().encode('{"schema":"nianbao/1","format":"2030","year":"x","tables":{}}')), /不符合格式要求/);
    assert.match(msg, /format|year/);
    await refused(importBuffer('r.nianbao.json', new TextEncoder().encode('{"schema":')), /不是有效的 JSON/);
  });
});
