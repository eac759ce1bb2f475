import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NeutralDocument } from '../document.js';
import { importFailed } from '../errors.js';
import { INDENT } from '../recognise/normalise.js';
import { isSentenceCells } from '../recognise/tokens.js';
import { textToDocument } from './text.js';

/**
 * .pdf: the text layer with positions (pdf.js, legacy build for Node). Lines are rebuilt by
 * clustering items on y, cells by gaps in x, then the text path reads them like any other
 * tab-separated text. CJK CMaps and standard fonts come from the installed pdfjs-dist: no network.
 */

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const MAX_PAGES = 300;

function assetDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const req = createRequire(import.meta.url);
  const root = dirname(req.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

/** Items of one page → text lines, cells separated by tabs. */
export function pageLines(items: Item[]): string[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  let cur: Item[] = [];
  let top = 0;
  let tol = 0;
  for (const it of sorted) {
    if (cur.length && Math.abs(top - it.y) <= tol) cur.push(it);
    else {
      if (cur.length) lines.push(cur);
      cur = [it];
      top = it.y;
      tol = Math.max(2, (it.h || 10) * 0.5);
    }
  }
  if (cur.length) lines.push(cur);
  const out: string[] = [];
  // The body's left margin: where most lines start. A prose line starting two characters in
  // is a paragraph's first line; the recogniser needs that to tell a paragraph that ends at the
  // line end from one that runs on.
  const starts = new Map<number, number>();
  for (const line of lines) {
    const x = Math.round(Math.min(...line.map((i) => i.x)));
    starts.set(x, (starts.get(x) ?? 0) + 1);
  }
  const margin = [...starts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const isFig = (x: Item) => /^\s*-?\d[\d,]*(\.\d+)?\s*$/.test(x.str);
  const centre = (x: Item) => x.x + x.w / 2;
  /** Figure columns of the last table row: a row missing a figure (a label drawn over it) keeps its place. */
  let pattern: number[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    const figs = line.filter(isFig);
    if (figs.length >= 2 && figs.length < pattern.length) {
      const used = new Set<number>();
      const ok = figs.every((f) => {
        const k = pattern.findIndex((px, idx) => !used.has(idx) && Math.abs(px - centre(f)) <= 12);
        if (k >= 0) used.add(k);
        return k >= 0;
      });
      if (ok && pattern.length - used.size <= 2) {
        const holes: Item[] = [];
        pattern.forEach((px, idx) => {
          if (!used.has(idx) && px > line[0].x) holes.push({ str: '—', x: px - 2, y: line[0].y, w: 4, h: line[0].h });
        });
        if (holes.length) {
          // Labels first, then the figures with their holes in column order.
          const labels = line.filter((x) => !isFig(x));
          const cells = [...figs, ...holes].sort((a, b) => a.x - b.x);
          line.splice(0, line.length, ...labels, ...cells);
        }
      }
    } else if (figs.length >= 3) pattern = figs.map(centre);
    let s = '';
    let prevEnd: number | null = null;
    let prevH = 10;
    for (const it of line) {
      const gap = prevEnd === null ? 0 : it.str === '—' ? 99 : it.x - prevEnd;
      const h = Math.max(prevH, it.h || 10);
      // A figure is its own cell as soon as there is any real gap: labels sit close to figures.
      const figureEdge = /^\s*[-\d.,—]+\s*$/.test(it.str) || /[\d.—]\s*$/.test(s);
      if (prevEnd !== null) s += gap > h * 0.9 || (figureEdge && gap > h * 0.2) || it.str === '—' ? '\t' : /[0-9A-Za-z]$/.test(s) && /^[0-9A-Za-z]/.test(it.str) && gap > 1 ? ' ' : '';
      s += it.str;
      prevEnd = Math.max(prevEnd ?? 0, it.x + it.w);
      prevH = it.h || 10;
    }
    let t = s.replace(/[ \u3000]{2,}/g, '\t').trim();
    // Justified prose leaves wide gaps too: a sentence is one cell, whatever its spacing.
    if (t.includes('\t') && isSentenceCells(t.split('\t'))) t = joinProseCells(t);
    // Page numbers 「- 4 -」 are not content.
    if (/^[-—–]\s*\d{1,3}\s*[-—–]$/.test(t) || /^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$/.test(t)) continue;
    t = unspace(t);
    const left = Math.min(...line.map((i) => i.x));
    const em = line[0].h || 10;
    if (!t.includes('\t') && left - margin > em * 1.2) t = INDENT + t;
    out.push(t);
  }
  return out;
}

const CJK = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]';
const CJK_GAP = new RegExp(`(?<=${CJK}) (?=${CJK})`, 'g');

/**
 * A justified line set with extra character spacing comes out of pdf.js as 「电 子 版 可 在」,
 * 「h t t p s : //」: in such a line a single space is spacing, not text, unless it separates
 * two words of Latin script.
 */
export function unspace(t: string): string {
  if ((t.match(CJK_GAP) ?? []).length < 4) return t;
  // Kept: a space between two Latin words, and in a table row between two figures (never glue
  // 「0 0」 into 00); in prose a letter-spaced phone number 「0 9 5 4」 is one number.
  const row = t.includes('\t');
  const keep = (before: string, after: string) => (/[A-Za-z0-9]{3}$/.test(before) && /^[A-Za-z0-9]{3}/.test(after)) || (row && /\d$/.test(before) && /^\d/.test(after));
  return t.replace(/(\S*) (?=(\S*))/g, (m, before: string, after: string) => (keep(before, after) ? m : before));
}

/** Cells of a prose line back into one string: no gap between CJK, one space between Latin words. */
function joinProseCells(t: string): string {
  return t.replace(/\s*\t\s*/g, (m, offset: number) => {
    const before = t[offset - 1] ?? '';
    const after = t[offset + m.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z]/.test(after) ? ' ' : '';
  });
}

export async function readPdf(data: Uint8Array): Promise<NeutralDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { cMapUrl, standardFontDataUrl } = assetDirs();
  // pdf.js may detach the buffer it is given; the caller keeps its own bytes.
  const task = pdfjs.getDocument({
    data: data.slice(),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw importFailed('这个 PDF 文件设置了密码，无法读取。请取消密码后再导入，或改用报告的 Word 文件。');
    throw importFailed('PDF 文件已损坏或格式不正确，无法读取。请重新下载该文件，或改用报告的 Word 文件。');
  }
  try {
    const all: string[] = [];
    const pageOf: number[] = [];
    const pages = Math.min(doc.numPages, MAX_PAGES);
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const tc = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of tc.items) {
        if (!('str' in raw)) continue;
        const tr = raw.transform as number[];
        items.push({ str: raw.str, x: tr[4], y: tr[5], w: raw.width, h: raw.height || Math.abs(tr[3]) || 10 });
      }
      for (const line of pageLines(items)) {
        all.push(line);
        pageOf.push(p);
      }
      page.cleanup();
    }
    const chars = all.join('').replace(/\s+/g, '').length;
    if (chars < 20) {
      throw importFailed('这个 PDF 没有可读取的文字（可能是扫描件或图片）。请改用报告的 Word 文件导入，或新建报告后把内容输入进去。');
    }
    return textToDocument(all.join('\n'), (i) => pageOf[i]);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
