/**
 * The web page for the county website: one self-contained fragment (and a full page around it)
 * from the same content blocks the PDF and DOCX writers print. Content systems' editors keep
 * inline styles and drop classes, <style> and scripts, so every look is set inline: borders,
 * centred headers and the national form's rowspan/colspan on real <table>s. No script, no
 * external file, no class; all text escaped.
 */
import type { Report } from '../../shared/model/report.js';
import { reportTitle } from '../../shared/model/title.js';
import { placeTable, reportBlocks } from './content.js';
import type { Block, PlacedCell, Run } from './content.js';
import { FONT_NAMES, PAGE_PT, PARAGRAPH, SIZE, TABLE } from './layout.js';
import type { FontRole } from './layout.js';

const FALLBACK: Record<FontRole, string> = {
  title: "'方正小标宋简体', '华文中宋', 'STZhongsong', 'SimSun', serif",
  body: "'仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', serif",
  h1: "'黑体', 'SimHei', 'STHeiti', sans-serif",
  h2: "'楷体_GB2312', '楷体', 'KaiTi', 'STKaiti', serif",
  pageNumber: "'宋体', 'SimSun', serif",
  table: "'仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', serif",
};

/** CSS font-family of a role: the official font first (as layout.ts names it), then common ones. */
function family(role: FontRole): string {
  const official = `'${FONT_NAMES[role].eastAsia}'`;
  const rest = FALLBACK[role].split(', ').filter((f) => f !== official);
  return [official, ...rest].join(', ');
}

/** Web sizes keep the printed proportions of body and title (16 and 22 px); tables at their point size in px (14, 16). */
const PX = (pt: number) => `${Math.round((pt / SIZE.body) * 16 * 10) / 10}px`;

/**
 * Characters XML 1.0 and HTML cannot hold (control characters that old .doc files and pasted
 * text carry, lone surrogates): left out of every file we write. In a .docx Word would refuse
 * to open the file.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlSafe = (s: string): string => s.replace(NOT_XML, '');

export function escapeHtml(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escaped text with its line breaks as <br>. */
const textHtml = (s: string) => s.split('\n').map(escapeHtml).join('<br>');

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => (r.role === 'body' ? escapeHtml(r.text) : `<span style="font-family:${family(r.role)}">${escapeHtml(r.text)}</span>`))
    .join('');
}

const P_STYLE = `margin:0;line-height:1.8;text-align:justify`;
const INDENT = `text-indent:${PARAGRAPH.firstLineIndentChars}em`;

function tableHtml(block: Extract<Block, { kind: 'table' }>): string {
  const t = placeTable(block.template, block.data);
  const total = block.template.columnWidths.reduce((a, b) => a + b, 0);
  const pct = block.template.columnWidths.map((w) => Math.round((w / total) * 1000) / 10);
  const border = `border:1px solid #000`;
  const pad = `padding:${Math.round(TABLE.padY * 1.333)}px ${Math.round(TABLE.padX * 1.333 + 2)}px`;
  const byRow: PlacedCell[][] = Array.from({ length: t.rows }, () => []);
  for (const c of t.cells) byRow[c.row]!.push(c);
  const out: string[] = [];
  out.push(
    `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;${border};width:100%;margin:8px 0 16px;font-family:${family('table')};font-size:${Math.round((SIZE.table[block.template.id] * 4) / 3)}px">`,
  );
  out.push(`<colgroup>${pct.map((p) => `<col style="width:${p}%">`).join('')}</colgroup>`);
  out.push('<tbody>');
  for (const row of byRow) {
    out.push('<tr>');
    for (const c of row) {
      const spans = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
      // As in print: headers, figures and cells narrower than six characters are centred.
      const widthPt = (pct.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0) / 100) * PAGE_PT.blockWidth;
      const centred = c.header || c.value || widthPt < 6 * SIZE.table[block.template.id];
      const style = `${border};${pad};vertical-align:middle;text-align:${centred ? 'center' : 'left'}`;
      out.push(`<td${spans} style="${style}">${textHtml(c.text)}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  return out.join('');
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1 style="margin:0 0 24px;text-align:center;font-weight:bold;font-size:${PX(SIZE.title)};line-height:1.5;font-family:${family('title')}">${escapeHtml(b.text)}</h1>`;
    case 'heading':
      return b.level === 1
        ? `<h2 style="margin:0;${INDENT};font-weight:normal;font-size:${PX(SIZE.h1)};line-height:1.8;font-family:${family('h1')}">${escapeHtml(b.text)}</h2>`
        : `<h3 style="margin:0;${INDENT};font-weight:normal;font-size:${PX(SIZE.h2)};line-height:1.8;font-family:${family('h2')}">${escapeHtml(b.text)}</h3>`;
    case 'para': {
      const align = b.align && b.align !== 'left' ? `;text-align:${b.align}` : '';
      return `<p style="${P_STYLE}${b.indent ? `;${INDENT}` : ''}${align}">${runsHtml(b.runs)}</p>`;
    }
    case 'table':
      return tableHtml(b);
    case 'signature': {
      const out: string[] = [];
      const pad = `padding-right:${PARAGRAPH.dateRightInsetChars}em`;
      if (b.office) out.push(`<p style="${P_STYLE};margin-top:32px;text-align:right;${pad}">${escapeHtml(b.office)}</p>`);
      if (b.date) out.push(`<p style="${P_STYLE};text-align:right;${pad}">${escapeHtml(b.date)}</p>`);
      return out.join('\n');
    }
    case 'blank':
      return '';
    case 'pageBreak':
      return '';
  }
}

/** The report as HTML: a fragment to paste into a content system, or a whole page wrapping it. */
export function writeHtml(report: Report, opts: { fragment: boolean } = { fragment: true }): string {
  const body = reportBlocks(report)
    .map(blockHtml)
    .filter((s) => s !== '')
    .join('\n');
  const fragment = `<div style="max-width:800px;margin:0 auto;color:#000;font-size:16px;line-height:1.8;font-family:${family('body')}">\n${body}\n</div>`;
  if (opts.fragment) return fragment;
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(reportTitle(report))}</title>`,
    '</head>',
    '<body style="margin:0;padding:24px 16px;background:#fff">',
    fragment,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
