/** Reading our PDFs back for the export tests: pdf.js text items with positions, poppler tools. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TextItem {
  str: string;
  /** Left edge and right edge, points from the page's left. */
  x: number;
  right: number;
  /** Baseline, points from the page's top. */
  baseline: number;
  /** Type size, points. */
  size: number;
}

export interface PageText {
  width: number;
  height: number;
  items: TextItem[];
}

/** Every page's text items in content-stream order (the order they were drawn). */
export async function pdfPages(data: Uint8Array): Promise<PageText[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({
    data: data.slice(),
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: PageText[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [, , w, h] = page.view as [number, number, number, number];
      const tc = await page.getTextContent();
      const items: TextItem[] = [];
      for (const raw of tc.items) {
        if (!('str' in raw) || raw.str === '') continue;
        const t = raw.transform as number[];
        items.push({ str: raw.str, x: t[4]!, right: t[4]! + raw.width, baseline: h - t[5]!, size: Math.hypot(t[2]!, t[3]!) });
      }
      pages.push({ width: w, height: h, items });
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

/** Runs a poppler tool on the PDF (written to a temp file) and returns its stdout. */
export function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', data: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-read-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, data);
    const out = tool === 'pdftotext' ? [file, '-'] : [file];
    return execFileSync(tool, [...args, ...out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext -bbox: every word with its box, by page (points, from the top left). */
export function bboxWords(data: Uint8Array): { width: number; height: number; words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] }[] {
  const html = poppler('pdftotext', data, ['-bbox']);
  const pages: ReturnType<typeof bboxWords> = [];
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else pages[pages.length - 1]!.words.push({ xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]), text: decode(m[7]!) });
  }
  return pages;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
