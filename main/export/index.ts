/**
 * One entry for every export: the API handler, the CLI and the bench come here. Each kind goes
 * to its writer (pdf.ts, docx.ts, html.ts); the file name is the standard one of title.ts.
 */
import type { ExportKind, ExportResult } from '../../shared/api.js';
import type { Cover, Report } from '../../shared/model/report.js';
import { exportFileName } from '../../shared/model/title.js';

export const EXPORT_MIME: Record<ExportKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
  htmlFragment: 'text/html;charset=utf-8',
};

export const EXPORT_EXT: Record<ExportKind, string> = { pdf: 'pdf', docx: 'docx', html: 'html', htmlFragment: 'html' };

export interface ExportBytes {
  fileName: string;
  mime: string;
  data: Uint8Array;
  missingChars: string[];
  pages?: number;
}

/** The file itself (the CLI writes it; the API sends it base64). */
export async function exportBytes(report: Report, kind: ExportKind, cover?: Cover | null): Promise<ExportBytes> {
  const fileName = exportFileName(report, EXPORT_EXT[kind]);
  const mime = EXPORT_MIME[kind];
  switch (kind) {
    // Each writer is loaded when first used: a PDF export does not load the docx library.
    case 'pdf': {
      const { renderPdf } = await import('./pdf.js');
      const out = await renderPdf(report, { cover });
      return { fileName, mime, data: out.data, missingChars: out.missingChars, pages: out.pages };
    }
    case 'docx': {
      // Word and WPS set the text in the clerk's own fonts: nothing to report here.
      const { writeDocx } = await import('./docx.js');
      return { fileName, mime, data: await writeDocx(report, { cover }), missingChars: [] };
    }
    case 'html':
    case 'htmlFragment': {
      // The web page has no cover letter: it is what the county publishes.
      const { writeHtml } = await import('./html.js');
      return { fileName, mime, data: new TextEncoder().encode(writeHtml(report, { fragment: kind === 'htmlFragment' })), missingChars: [] };
    }
  }
}

export async function exportReport(report: Report, kind: ExportKind, cover?: Cover | null): Promise<ExportResult> {
  const out = await exportBytes(report, kind, cover);
  const r: ExportResult = { fileName: out.fileName, mime: out.mime, dataBase64: Buffer.from(out.data).toString('base64'), missingChars: out.missingChars };
  if (out.pages !== undefined) r.pages = out.pages;
  return r;
}

/** 「堃」（U+5803）: a character a clerk can find again in the report. */
export function charName(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  return `「${c}」（U+${cp.toString(16).toUpperCase().padStart(4, '0')}）`;
}

/** The Chinese message for characters no font on this machine has. */
export function missingCharsMessage(chars: string[]): string {
  return `有 ${chars.length} 个字在本机所有字体中都没有：${chars.map(charName).join('、')}。PDF 中这些字会印成“〓”。请安装含有这些字的字体，或在报告中改写后再导出。`;
}
