import { XMLParser } from 'fast-xml-parser';
import { paragraph } from '../document.js';
import type { Block, NeutralDocument, TableBlock, TableCell } from '../document.js';
import { importFailed } from '../errors.js';
import { openZip } from './zip.js';

/**
 * .docx: paragraphs and real tables from word/document.xml. Merges are resolved here
 * (w:gridSpan across, w:vMerge down) so the recogniser sees each cell once with its spans.
 */

type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: XNode): XNode[] => {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
};
const attr = (n: XNode, name: string): string | undefined => n[':@']?.[name];

function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((k) => tagOf(k) === tag);
}

/** Text of a paragraph: runs, tabs, breaks; fields' instructions skipped. */
function paragraphText(p: XNode): string {
  let out = '';
  const walk = (n: XNode) => {
    const tag = tagOf(n);
    if (tag === '#text') return;
    if (tag === 'w:t') {
      for (const k of kids(n)) if (tagOf(k) === '#text') out += String(k['#text']);
      return;
    }
    if (tag === 'w:tab') out += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') out += '\n';
    else if (tag === 'w:instrText' || tag === 'w:delText' || tag === 'w:pPr' || tag === 'w:rPr') return;
    else if (tag === 'w:noBreakHyphen') out += '-';
    else if (tag === 'w:sym') out += '';
    for (const k of kids(n)) walk(k);
  };
  walk(p);
  return out;
}

function cellText(tc: XNode): string {
  const parts: string[] = [];
  const walk = (n: XNode) => {
    for (const k of kids(n)) {
      const t = tagOf(k);
      if (t === 'w:p') parts.push(paragraphText(k));
      else if (t === 'w:tbl') parts.push(tableToText(k));
      else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') walk(k);
    }
  };
  walk(tc);
  return parts.join('\n').trim();
}

/** A table nested in a cell is rare in reports; its text is kept, its structure is not. */
function tableToText(tbl: XNode): string {
  return rowsOf(tbl)
    .map((tr) => cellsOf(tr).map(cellText).join('\t'))
    .join('\n');
}

function rowsOf(tbl: XNode): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode) => {
    for (const k of kids(n)) {
      const t = tagOf(k);
      if (t === 'w:tr') out.push(k);
      else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') walk(k);
    }
  };
  walk(tbl);
  return out;
}

function cellsOf(tr: XNode): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode) => {
    for (const k of kids(n)) {
      const t = tagOf(k);
      if (t === 'w:tc') out.push(k);
      else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml') walk(k);
    }
  };
  walk(tr);
  return out;
}

function readTable(tbl: XNode): TableBlock {
  const rows: TableCell[][] = [];
  /** The cell that started a vertical merge, by grid column. */
  const openMerge = new Map<number, TableCell>();
  rowsOf(tbl).forEach((tr, ri) => {
    const row: TableCell[] = [];
    const trPr = child(tr, 'w:trPr');
    const before = Number(trPr ? attr(child(trPr, 'w:gridBefore') ?? {}, 'w:val') : 0) || 0;
    let col = before;
    for (const tc of cellsOf(tr)) {
      const pr = child(tc, 'w:tcPr');
      const span = Math.max(1, Math.min(64, Number(pr ? attr(child(pr, 'w:gridSpan') ?? {}, 'w:val') : 1) || 1));
      const vm = pr ? child(pr, 'w:vMerge') : undefined;
      const vmVal = vm ? (attr(vm, 'w:val') ?? 'continue') : null;
      if (vmVal === 'continue' && openMerge.has(col)) {
        const top = openMerge.get(col);
        if (top) top.rowSpan++;
      } else {
        const cell: TableCell = { text: cellText(tc), row: ri, col, rowSpan: 1, colSpan: span };
        row.push(cell);
        for (let c = col; c < col + span; c++) openMerge.delete(c);
        if (vmVal === 'restart') openMerge.set(col, cell);
      }
      col += span;
    }
    rows.push(row);
  });
  return { kind: 'table', rows, blankIsCell: true };
}

function bodyBlocks(body: XNode, out: Block[]): void {
  for (const k of kids(body)) {
    const t = tagOf(k);
    if (t === 'w:p') {
      const text = paragraphText(k);
      for (const line of text.split('\n')) if (line.trim() !== '') out.push(paragraph(line));
    } else if (t === 'w:tbl') out.push(readTable(k));
    else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml' || t === 'w:ins' || t === 'w:smartTag') bodyBlocks(k, out);
  }
}

export async function readDocx(data: Uint8Array): Promise<NeutralDocument> {
  const zip = await openZip(data);
  const xml = await zip.text('word/document.xml');
  if (xml === null) {
    if (zip.names.some((n) => n.startsWith('xl/'))) throw importFailed('这是一个 Excel 表格文件，不是年度报告。请选择年度报告的 Word、PDF、网页或文本文件。');
    if (zip.names.some((n) => n.startsWith('ppt/'))) throw importFailed('这是一个 PowerPoint 演示文稿，不是年度报告。请选择年度报告的 Word、PDF、网页或文本文件。');
    throw importFailed('这个压缩文件里没有 Word 文档内容（word/document.xml），无法导入。请选择 .docx 格式的年度报告。');
  }
  // Entity declarations have no place in a Word document and are how XML bombs work.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 4096))) throw importFailed('Word 文档内容异常（含有不允许的声明），已拒绝读取。请用 Word 或 WPS 另存一份再导入。');
  let tree: XNode[];
  try {
    tree = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      parseTagValue: false,
      processEntities: true,
      htmlEntities: false,
    }).parse(xml) as XNode[];
  } catch {
    throw importFailed('Word 文档内容已损坏，无法读取。请用 Word 或 WPS 打开后另存一份再导入。');
  }
  const doc = tree.find((n) => tagOf(n) === 'w:document');
  const body = doc ? child(doc, 'w:body') : undefined;
  if (!body) throw importFailed('Word 文档里没有正文，无法导入。请确认文件是否正确。');
  const blocks: Block[] = [];
  bodyBlocks(body, blocks);
  return { blocks };
}
