/**
 * The DOCX writer (`docx`). Every measurement comes from layout.ts and every word from the
 * content blocks (content.ts), so the Word file, the PDF and the web page print the same report.
 * Tables are written from the template grid with the national form's merges (w:gridSpan across,
 * w:vMerge down); their header rows repeat after a page break and no row splits.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  LineRuleType,
  OnOffElement,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { IRunOptions, ParagraphChild } from 'docx';
import type { Cover, Report } from '../../shared/model/report.js';
import { reportTitle } from '../../shared/model/title.js';
import { coverBlocks, placeTable, reportBlocks } from './content.js';
import type { Block, PlacedCell, PlacedTable, Run } from './content.js';
import { FONT_NAMES, FOOTER_DISTANCE_PT, GRID, PAGE, PAGE_NUMBER, PAGE_PT, PARAGRAPH, SIZE, TABLE, mm, twips } from './layout.js';
import type { FontRole } from './layout.js';
import { xmlSafe } from './html.js';
import { titleLines } from './linebreak.js';

// ---- measurements in Word's units (twips, half-points, eighths of a point) --------------------

const PAGE_TW = {
  width: twips(mm(PAGE.widthMm)),
  height: twips(mm(PAGE.heightMm)),
  top: twips(PAGE_PT.top),
  left: twips(PAGE_PT.left),
  right: twips(PAGE_PT.right),
  bottom: twips(PAGE_PT.bottom),
  blockWidth: twips(PAGE_PT.blockWidth),
  footer: twips(FOOTER_DISTANCE_PT),
};

/** Rounded down so that 22 lines fit the text block (22 × 579 ≤ 12756 twips). */
export const LINE_PITCH_TW = Math.floor(GRID.linePitch * 20);

/*
 * The grid is of lines only. A character grid (linesAndChars with charSpace ≈ −842, as GB/T 9704
 * templates for Word carry) makes LibreOffice set every 16 pt character in two grid cells and
 * spread table text, so lines come out at 17 characters; with the line grid Word, WPS and
 * LibreOffice all set 16 pt type at its own width, as the PDF writer does.
 */

const halfPoints = (pt: number) => Math.round(pt * 2);
const BODY_EM_TW = twips(SIZE.body);

// ---- runs ---------------------------------------------------------------------------------------

/** East Asian font in the East Asian slot, the Latin font in ascii/hAnsi/cs. */
function fontOf(role: FontRole) {
  const f = FONT_NAMES[role];
  return { ascii: f.latin, hAnsi: f.latin, cs: f.latin, eastAsia: f.eastAsia, hint: 'eastAsia' };
}

function run(text: string, role: FontRole, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text: xmlSafe(text), font: fontOf(role), size: halfPoints(size), sizeComplexScript: halfPoints(size), ...extra });
}

/** Width of a line of body text in twips: ideographs one em, ASCII half an em (Times digits). */
function textWidthTw(s: string, size = SIZE.body): number {
  let em = 0;
  for (const ch of s) em += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return Math.round(em * twips(size));
}

const exactLine = { line: LINE_PITCH_TW, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

// ---- blocks -------------------------------------------------------------------------------------

type Out = (Paragraph | Table)[];

function paragraphOf(runs: Run[], indent: boolean, align: 'left' | 'center' | 'right' | undefined, pageBreakBefore: boolean): Paragraph {
  // A run-in heading (（一）主动公开方面。2024年…) gives its paragraph the heading's outline level.
  const lead = runs[0]?.role;
  const outlineLevel = lead === 'h1' ? 0 : lead === 'h2' && runs.length > 1 ? 1 : undefined;
  return new Paragraph({
    children: runs.map((r) => run(r.text, r.role, SIZE.body)),
    alignment: align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: PARAGRAPH.firstLineIndentChars * BODY_EM_TW } : undefined,
    spacing: exactLine,
    ...(outlineLevel !== undefined ? { outlineLevel } : {}),
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
}

function titleParagraph(text: string, officeName: string | null | undefined, pageBreakBefore: boolean): Paragraph {
  const maxChars = Math.floor(PAGE_PT.blockWidth / SIZE.title);
  const lines = titleLines(text, maxChars, officeName);
  return offGrid(new Paragraph({
    style: 'Title',
    children: lines.map((l, i) => run(l, 'title', SIZE.title, i > 0 ? { break: 1 } : {})),
    alignment: AlignmentType.CENTER,
    spacing: { ...exactLine, after: PARAGRAPH.linesAfterTitle * LINE_PITCH_TW },
    keepNext: true,
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
  }));
}

function headingParagraph(level: 1 | 2, text: string, pageBreakBefore: boolean): Paragraph {
  return new Paragraph({
    style: level === 1 ? 'Heading1' : 'Heading2',
    children: [run(text, level === 1 ? 'h1' : 'h2', SIZE.body)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: PARAGRAPH.firstLineIndentChars * BODY_EM_TW },
    spacing: exactLine,
    keepNext: true,
    keepLines: true,
    outlineLevel: level - 1,
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
}

/** Office name centred over the date; the date flush right, inset four characters (layout.md). */
function signatureParagraphs(office: string, date: string | null, pageBreakBefore: boolean): Paragraph[] {
  const dateW = date ? textWidthTw(date) : 0;
  const officeW = office ? textWidthTw(office) : 0;
  let dateInset: number;
  let officeInset: number;
  if (officeW <= dateW || !date) {
    dateInset = PARAGRAPH.dateRightInsetChars * BODY_EM_TW;
    officeInset = date ? dateInset + Math.round((dateW - officeW) / 2) : 2 * BODY_EM_TW;
  } else {
    // A name longer than the date: the name right-inset two characters, the date centred under it.
    officeInset = Math.max(0, Math.min(2 * BODY_EM_TW, PAGE_TW.blockWidth - officeW));
    dateInset = officeInset + Math.round((officeW - dateW) / 2);
  }
  const out: Paragraph[] = [];
  const before = PARAGRAPH.linesBeforeSignature * LINE_PITCH_TW;
  if (office)
    out.push(
      new Paragraph({
        children: [run(office, 'body', SIZE.body)],
        alignment: AlignmentType.RIGHT,
        indent: { right: officeInset },
        spacing: { ...exactLine, before },
        keepNext: !!date,
        ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
      }),
    );
  if (date)
    out.push(
      new Paragraph({
        children: [run(date, 'body', SIZE.body)],
        alignment: AlignmentType.RIGHT,
        indent: { right: dateInset },
        spacing: { ...exactLine, before: office ? 0 : before },
        ...(pageBreakBefore && !office ? { pageBreakBefore: true } : {}),
      }),
    );
  return out;
}

// ---- tables -------------------------------------------------------------------------------------

/** The grid's column widths in twips, summing exactly to the text block width. */
export function columnWidthsTw(widths: number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const out = widths.map((w) => Math.floor((w / total) * PAGE_TW.blockWidth));
  out[out.length - 1]! += PAGE_TW.blockWidth - out.reduce((a, b) => a + b, 0);
  return out;
}

const BORDER = { style: BorderStyle.SINGLE, size: Math.round(TABLE.borderWidth * 8), color: '000000' };

function cellParagraphs(c: PlacedCell, size: number, centred: boolean, keepNext: boolean): Paragraph[] {
  const lines = c.text === '' ? [''] : c.text.split('\n');
  return lines.map((l) =>
    offGrid(
      new Paragraph({
        children: l === '' ? [] : [run(l, 'table', size)],
        alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: twips(size * TABLE.lineHeight), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        keepNext,
      }),
    ),
  );
}

function tableOf(block: Extract<Block, { kind: 'table' }>): Table {
  const t: PlacedTable = placeTable(block.template, block.data);
  const size = SIZE.table[block.template.id];
  const widths = columnWidthsTw(block.template.columnWidths);
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const startAt = new Map<string, PlacedCell>();
  for (const c of t.cells) startAt.set(`${c.row}:${c.col}`, c);
  /** For each grid position covered by a cell merged down from an earlier row: that cell. */
  const coveredBy = new Map<string, PlacedCell>();
  for (const c of t.cells) for (let r = c.row + 1; r < c.row + c.rowSpan; r++) coveredBy.set(`${r}:${c.col}`, c);
  // Borders and cell margins are set once on the table (w:tblBorders, w:tblCellMar), not per cell.
  const margins = { top: twips(TABLE.padY), bottom: twips(TABLE.padY), left: twips(TABLE.padX), right: twips(TABLE.padX) };

  const rows: TableRow[] = [];
  for (let r = 0; r < t.rows; r++) {
    // Header rows and block titles stay with the row below them.
    const keepNext = t.roles[r] !== 'body' && r < t.rows - 1;
    const cells: TableCell[] = [];
    for (let col = 0; col < t.cols; ) {
      const c = startAt.get(`${r}:${col}`);
      const above = coveredBy.get(`${r}:${col}`);
      if (c) {
        const narrow = spanWidth(c.col, c.colSpan) < twips(6 * size);
        cells.push(
          new TableCell({
            children: cellParagraphs(c, size, c.header || c.value || narrow, keepNext),
            columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
            verticalMerge: c.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
            width: { size: spanWidth(c.col, c.colSpan), type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
          }),
        );
        col += c.colSpan;
      } else if (above) {
        cells.push(
          new TableCell({
            children: [offGrid(new Paragraph({ children: [], spacing: { line: twips(size * TABLE.lineHeight), lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext }))],
            columnSpan: above.colSpan > 1 ? above.colSpan : undefined,
            verticalMerge: VerticalMergeType.CONTINUE,
            width: { size: spanWidth(above.col, above.colSpan), type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
          }),
        );
        col += above.colSpan;
      } else {
        throw new Error(`${block.template.caption}: grid position ${r}:${col} has no cell`);
      }
    }
    rows.push(
      new TableRow({
        children: cells,
        cantSplit: true,
        tableHeader: r < t.headerRows ? true : undefined,
        height: { value: twips(TABLE.minRowHeight), rule: HeightRule.ATLEAST },
      }),
    );
  }
  return new Table({
    rows,
    width: { size: PAGE_TW.blockWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

function blocksToChildren(bs: Block[], officeName: string | null | undefined): Out {
  const out: Out = [];
  let breakBefore = false;
  for (const b of bs) {
    switch (b.kind) {
      case 'title':
        out.push(titleParagraph(b.text, officeName, breakBefore));
        break;
      case 'heading':
        out.push(headingParagraph(b.level, b.text, breakBefore));
        break;
      case 'para':
        out.push(paragraphOf(b.runs, b.indent, b.align, breakBefore));
        break;
      case 'table':
        if (breakBefore) out.push(new Paragraph({ children: [], pageBreakBefore: true, spacing: exactLine }));
        out.push(tableOf(b));
        // Word needs a paragraph between two tables and after the last; it also gives the
        // gap of one grid line the PDF leaves after a table.
        out.push(new Paragraph({ children: [], spacing: exactLine }));
        break;
      case 'signature':
        out.push(...signatureParagraphs(b.office, b.date, breakBefore));
        break;
      case 'blank':
        for (let i = 0; i < b.lines; i++) out.push(new Paragraph({ children: [], spacing: exactLine }));
        break;
      case 'pageBreak':
        breakBefore = true;
        continue;
    }
    breakBefore = false;
  }
  return out;
}

// ---- page numbers -------------------------------------------------------------------------------

/** `— n —` with a real PAGE field: odd pages right, even pages left, inset one character. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const inset = PAGE_NUMBER.insetChars * BODY_EM_TW;
  const f = { font: fontOf('pageNumber'), size: halfPoints(SIZE.pageNumber), snapToGrid: false };
  const children: ParagraphChild[] = [new TextRun({ ...f, text: PAGE_NUMBER.prefix }), new TextRun({ ...f, children: [PageNumber.CURRENT] }), new TextRun({ ...f, text: PAGE_NUMBER.suffix })];
  return new Footer({
    children: [
      new Paragraph({
        children,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        spacing: { before: 0, after: 0 },
      }),
    ],
  });
}

// ---- the document -------------------------------------------------------------------------------

export function buildDocx(report: Report, opts: { cover?: Cover | null } = {}): Document {
  const blocks = [...(opts.cover ? coverBlocks(report, opts.cover) : []), ...reportBlocks(report)];
  const children = blocksToChildren(blocks, report.office.name);
  const styleRun = (role: FontRole) => ({ font: fontOf(role), size: halfPoints(SIZE.body), sizeComplexScript: halfPoints(SIZE.body), bold: false, italics: false, color: '000000' });
  return new Document({
    title: xmlSafe(reportTitle(report)),
    creator: '年报助手',
    description: '政府信息公开工作年度报告',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { ...styleRun('body'), language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactLine },
        },
        title: { run: { ...styleRun('title'), size: halfPoints(SIZE.title), sizeComplexScript: halfPoints(SIZE.title) }, paragraph: { alignment: AlignmentType.CENTER, spacing: exactLine } },
        heading1: { run: styleRun('h1'), paragraph: { keepNext: true, keepLines: true, spacing: exactLine, outlineLevel: 0 } },
        heading2: { run: styleRun('h2'), paragraph: { keepNext: true, keepLines: true, spacing: exactLine, outlineLevel: 1 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TW.width, height: PAGE_TW.height },
            margin: { top: PAGE_TW.top, left: PAGE_TW.left, right: PAGE_TW.right, bottom: PAGE_TW.bottom, header: twips(mm(15)), footer: PAGE_TW.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TW },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/**
 * Paragraph-level w:snapToGrid="0" for the title and table text, which `docx` has no option
 * for: Word and WPS take their exact line spacing, but LibreOffice otherwise sets each 22 pt
 * title line and each line of table text on a whole line of the 16 pt grid. The element goes
 * into the paragraph's w:pPr before w:spacing (ECMA-376 CT_PPrBase order); tests read it back.
 */
function offGrid(p: Paragraph): Paragraph {
  const props = (p as unknown as { properties?: { root?: unknown[] } }).properties?.root;
  if (!props) throw new Error('docx: paragraph properties not where expected');
  const at = props.findIndex((c) => (c as { rootKey?: string }).rootKey === 'w:spacing');
  props.splice(at < 0 ? props.length : at, 0, new OnOffElement('w:snapToGrid', false));
  return p;
}

/** The report as a .docx file. */
export async function writeDocx(report: Report, opts: { cover?: Cover | null } = {}): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(buildDocx(report, opts));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
