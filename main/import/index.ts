import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api.js';
import type { ImportResult, SourceKind } from '../../shared/import-types.js';
import type { NeutralDocument } from './document.js';
import { importFailed, MAX_FILE_BYTES } from './errors.js';
import { recognise } from './recognise/index.js';
import { looksLikeInterchange, readInterchange } from './readers/nianbao.js';
import { isMhtml } from './readers/mhtml.js';
import { readText } from './readers/text.js';

export type { NeutralDocument } from './document.js';
export { recognise } from './recognise/index.js';

type DocKind = Exclude<SourceKind, 'nianbao'>;

/** What the bytes are, by their signature first and the file name second. */
export function detectKind(fileName: string, data: Uint8Array): SourceKind | 'zip' | 'ole' | 'unknown' {
  const ext = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const at = (i: number, ...b: number[]) => b.every((x, k) => data[i + k] === x);
  if (at(0, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (data.length > 1024 && ext === 'pdf' && new TextDecoder('latin1').decode(data.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (at(0, 0x50, 0x4b, 0x03, 0x04) || at(0, 0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (/\.nianbao\.json$/i.test(fileName) || ext === 'json' || looksLikeInterchange(data)) return 'nianbao';
  if (ext === 'html' || ext === 'htm' || ext === 'mhtml' || ext === 'mht' || ext === 'xhtml') return 'html';
  const head = new TextDecoder('utf-8').decode(data.subarray(0, 2048)).toLowerCase();
  if (/<html|<!doctype html|<body|<table/.test(head) || isMhtml(data)) return 'html';
  if (['txt', 'md', 'markdown', 'text', ''].includes(ext)) return 'text';
  if (['docx', 'doc', 'pdf', 'wps', 'rtf', 'xlsx', 'xls', 'ppt', 'pptx', 'odt', 'png', 'jpg', 'jpeg', 'ofd', 'zip', 'rar'].includes(ext)) return 'unknown';
  return 'text';
}

async function readDocument(kind: DocKind, data: Uint8Array): Promise<NeutralDocument> {
  switch (kind) {
    case 'text':
      return readText(data);
    case 'html':
      return (await import('./readers/html.js')).readHtml(data);
    case 'docx':
      return (await import('./readers/docx.js')).readDocx(data);
    case 'doc':
      return (await import('./readers/doc.js')).readDoc(data);
    case 'pdf':
      return (await import('./readers/pdf.js')).readPdf(data);
  }
}

function unsupported(fileName: string): ApiError {
  const ext = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  if (['xlsx', 'xls', 'et'].includes(ext)) return importFailed('这是一个表格文件（Excel），不是年度报告。请选择年度报告的 Word、PDF、网页或文本文件。');
  if (['png', 'jpg', 'jpeg', 'bmp', 'tif', 'tiff'].includes(ext)) return importFailed('图片里的文字无法直接读取。请选择年度报告的 Word 或 PDF 文件，或把内容输入到新报告中。');
  if (ext === 'ofd') return importFailed('暂不支持 OFD 文件。请用版式阅读器另存为 PDF，或选择 Word 文件后再导入。');
  if (ext === 'wps' || ext === 'rtf') return importFailed('暂不支持这种文件。请在 WPS 或 Word 中另存为 .docx 后再导入。');
  return importFailed('无法识别这种文件。请选择年度报告的 Word（.docx/.doc）、PDF、网页（.html/.mht）、文本（.txt）或年报助手（.nianbao.json）文件。');
}

/** Reads any supported file into a report and notes. Never writes anything; throws ApiError('import_failed'). */
export async function importBuffer(fileName: string, data: Uint8Array): Promise<ImportResult> {
  const name = basename(fileName.replace(/\\/g, '/')) || '未命名文件';
  if (data.length > MAX_FILE_BYTES) throw importFailed('文件超过 200 MB，无法导入。年度报告文件通常只有几百 KB，请确认选择的文件是否正确。');
  if (data.length === 0) throw importFailed('文件是空的（0 字节），无法导入。请选择有内容的年度报告文件。');
  const detected = detectKind(name, data);
  const source = (kind: SourceKind) => ({ fileName: name, kind, size: data.length });
  try {
    if (detected === 'nianbao') {
      const report = readInterchange(data);
      return { report, notes: [{ status: 'found', what: '年报助手报告文件', detail: '内容已按 nianbao/1 格式校验' }], source: source('nianbao') };
    }
    let kind: DocKind;
    if (detected === 'zip') kind = 'docx';
    else if (detected === 'ole') kind = 'doc';
    else if (detected === 'unknown') throw unsupported(name);
    else kind = detected;
    const doc = await readDocument(kind, data);
    const { report, notes } = recognise(doc, { fileName: name, kind, at: new Date().toISOString() });
    return { report, notes, source: source(kind) };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw importFailed(`读取文件时出错，文件可能已损坏。请用 Word 或 WPS 打开后另存一份再导入。（${errorText(e)}）`);
  }
}

function errorText(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.replace(/\s+/g, ' ').slice(0, 120);
}

/** Reads a file from disk, refusing over-large files before reading them. */
export async function importPath(path: string): Promise<ImportResult> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw importFailed(`“${basename(path)}”不是文件，请选择一个年度报告文件。`);
    size = st.size;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw importFailed(`找不到或无法打开文件“${basename(path)}”。请检查路径是否正确、文件是否被其他程序占用。`);
  }
  if (size > MAX_FILE_BYTES) throw importFailed('文件超过 200 MB，无法导入。年度报告文件通常只有几百 KB，请确认选择的文件是否正确。');
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(path));
  } catch {
    throw importFailed(`无法读取文件“${basename(path)}”。请检查文件权限，或把文件复制到桌面后再试。`);
  }
  return importBuffer(basename(path), data);
}
