/**
 * The PDF writer (pdfkit). Every measurement comes from layout.ts; tables are drawn from the
 * template grid with their merges (borders drawn here, since pdfkit has no merged tables).
 * Text is placed line by line on the 22-line grid; each line but the last of a paragraph is
 * spread to the right edge by character spacing; characters are set in the first font of their
 * role's chain that has them, and a character no font has is reported, never drawn as a box.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Cover, Report } from '../../shared/model/report.js';
import { reportTitle } from '../../shared/model/title.js';
import { coverBlocks, placeTable, reportBlocks } from './content.js';
import type { Block, PlacedCell, PlacedTable, Run, RunRole } from './content.js';
import { fontFor, fontSet, isInvisible, shippedFontDir } from './fonts.js';
import type { FontChoice, FontSet } from './fonts.js';
import { GRID, PAGE_NUMBER, PAGE_PT, PARAGRAPH, SIZE, TABLE, mm, pageNumberText } from './layout.js';
import type { FontRole } from './layout.js';
import { breakParagraph, titleLines } from './linebreak.js';

type Doc = InstanceType<typeof PDFDocument>;

/** The character drawn in place of one no font has (the typesetter's 〓 “geta”), after reporting it. */
const MISSING_MARK = '〓';
/** Body text on the character grid: 28 characters a line (GRID.charPitch), not 27.6. */
const TRACK = GRID.charPitch - SIZE.body;
/** fontkit features switched off (pdfkit passes the object on to fontkit's layout). */
const NO_SHAPING = { kern: false, liga: false, clig: false, calt: false, rlig: false } as unknown as PDFKit.Mixins.TextOptions['features'];
/** Share of the type size from the centre of an ideograph's em box down to the baseline. */
const BASELINE_BELOW_CENTRE = 0.38;

export interface PdfOutput {
  data: Uint8Array;
  pages: number;
  missingChars: string[];
  /** The font used for each role, for messages and tests. */
  fonts: Record<FontRole, string>;
}

// ---- pdfkit font plumbing ---------------------------------------------------------------

interface EmbeddedFontLike {
  name: string;
}
type EmbeddedFontCtor = new (doc: Doc, font: unknown, id: string) => EmbeddedFontLike;
let embeddedFontCtor: EmbeddedFontCtor | null = null;

/**
 * pdfkit only opens fonts from a path or a buffer (and parses them again for every document);
 * its EmbeddedFont class takes a parsed fontkit font. We get the class once from a throwaway
 * document and hand it our fonts, parsed once per process (fonts.ts).
 */
function embeddedFontClass(): EmbeddedFontCtor {
  if (embeddedFontCtor) return embeddedFontCtor;
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.font(readFileSync(join(shippedFontDir(), 'NianbaoSansSC-Regular.ttf')));
  embeddedFontCtor = (probe as unknown as { _font: { constructor: EmbeddedFontCtor } })._font.constructor;
  return embeddedFontCtor;
}

interface DocFonts {
  doc: Doc;
  keys: Map<FontChoice['font'], string>;
}

function useFont(df: DocFonts, choice: FontChoice, size: number): void {
  let key = df.keys.get(choice.font);
  if (!key) {
    const d = df.doc as unknown as { _fontCount: number; _fontFamilies: Record<string, unknown> };
    key = `NB${df.keys.size + 1}`;
    const ef = new (embeddedFontClass())(df.doc, choice.font, `F${++d._fontCount}`);
    d._fontFamilies[key] = ef;
    df.keys.set(choice.font, key);
  }
  df.doc.font(key).fontSize(size);
}

// ---- measuring and font runs ------------------------------------------------------------

const advanceCache = new WeakMap<object, Map<number, number>>();

/** Advance of one code point in a font, in em. */
function advance(f: FontChoice, cp: number): number {
  let m = advanceCache.get(f.font);
  if (!m) advanceCache.set(f.font, (m = new Map()));
  let a = m.get(cp);
  if (a === undefined) {
    a = f.font.glyphForCodePoint(cp).advanceWidth / f.font.unitsPerEm;
    m.set(cp, a);
  }
  return a;
}

interface Seg {
  text: string;
  font: FontChoice;
  size: number;
}

interface TableMetrics {
  t: PlacedTable;
  size: number;
  /** Line height of cell text. */
  lh: number;
  /** Left edge of each column, and the right edge of the last. */
  colX: number[];
  cellWidth: (c: PlacedCell) => number;
  linesOf: (c: PlacedCell) => string[];
  /** Height a cell's text needs, padding included. */
  need: (c: PlacedCell) => number;
  sizeOf: (c: PlacedCell) => number;
  heights: number[];
  headerH: number;
  firstGroup: number;
}

class Writer {
  readonly doc: Doc;
  readonly df: DocFonts;
  readonly missing = new Set<string>();
  readonly metricsCache = new WeakMap<Block, TableMetrics>();
  page = 0;
  /** Offset from the top of the text block, points. */
  y = 0;

  constructor(
    readonly fonts: FontSet,
    title: string,
  ) {
    this.doc = new PDFDocument({
      autoFirstPage: false,
      size: [PAGE_PT.width, PAGE_PT.height],
      margins: { top: 0, left: 0, right: 0, bottom: 0 },
      compress: true,
      // Kept buffered so a table can go back and draw merged cells on the pages it began on.
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: { Title: title, Creator: '年报助手', Producer: '年报助手 (pdfkit)' },
    });
    this.df = { doc: this.doc, keys: new Map() };
  }

  chain(role: FontRole): FontChoice[] {
    return this.fonts.chains[role];
  }

  /** Splits text into runs of one font each; characters no font has are recorded and marked. */
  segments(text: string, role: FontRole, size: number): Seg[] {
    const chain = this.chain(role);
    const out: Seg[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let f = isInvisible(cp) ? chain[0]! : fontFor(chain, cp);
      let c = ch;
      if (!f) {
        this.missing.add(ch);
        c = MISSING_MARK;
        f = fontFor(chain, MISSING_MARK.codePointAt(0)!) ?? chain[0]!;
      }
      const last = out[out.length - 1];
      if (last && last.font === f && last.size === size) last.text += c;
      else out.push({ text: c, font: f, size });
    }
    return out;
  }

  width(text: string, role: FontRole, size: number): number {
    let w = 0;
    for (const s of this.segments(text, role, size)) for (const ch of s.text) w += advance(s.font, ch.codePointAt(0)!) * size;
    return w;
  }

  /** Draws runs starting at x on the given baseline, `spacing` after each character. */
  draw(segs: Seg[], x: number, baseline: number, spacing = 0): number {
    for (const s of segs) {
      useFont(this.df, s.font, s.size);
      // Kerning and ligatures off: each character advances by its own width, as measured here,
      // so spread lines end exactly at the right edge and the character spacing counts characters.
      const opts: PDFKit.Mixins.TextOptions = { lineBreak: false, baseline: 'alphabetic', features: NO_SHAPING };
      if (spacing) opts.characterSpacing = spacing;
      if (s.font.embolden) {
        this.doc.lineWidth(s.size * 0.03);
        opts.fill = true;
        opts.stroke = true;
      }
      this.doc.text(s.text, x, baseline, opts);
      for (const ch of s.text) x += advance(s.font, ch.codePointAt(0)!) * s.size + spacing;
    }
    return x;
  }

  // ---- pages ----

  newPage(): void {
    this.doc.addPage({ size: [PAGE_PT.width, PAGE_PT.height], margin: 0 });
    this.page++;
    this.y = 0;
    this.pageNumber(this.page);
  }

  /** `— n —` 7 mm below the text block; odd pages right, even left, inset one character. */
  pageNumber(n: number): void {
    const size = SIZE.pageNumber;
    const text = pageNumberText(n);
    const segs = this.segments(text, 'pageNumber', size);
    const w = this.width(text, 'pageNumber', size);
    const inset = PAGE_NUMBER.insetChars * SIZE.body;
    const x = n % 2 === 1 ? PAGE_PT.left + PAGE_PT.blockWidth - inset - w : PAGE_PT.left + inset;
    // The dashes sit at the centre of the em box: that line is 7 mm below the text block.
    const baseline = PAGE_PT.top + PAGE_PT.blockHeight + mm(PAGE_NUMBER.belowBlockMm) + size * BASELINE_BELOW_CENTRE;
    this.draw(segs, x, baseline);
  }

  /** Makes room for `h` points, starting a new page when the text block is full. */
  ensure(h: number): void {
    if (this.page === 0 || this.y + h > PAGE_PT.blockHeight + 0.01) this.newPage();
  }

  baselineOfLine(size: number): number {
    return PAGE_PT.top + this.y + GRID.linePitch / 2 + size * BASELINE_BELOW_CENTRE;
  }

  snapToGrid(): void {
    const n = Math.ceil(this.y / GRID.linePitch - 0.001);
    this.y = n * GRID.linePitch;
    if (this.y >= PAGE_PT.blockHeight - 0.01 && this.page > 0) this.y = PAGE_PT.blockHeight + 1; // next line starts a page
  }

  // ---- blocks ----

  title(text: string): void {
    const size = SIZE.title;
    const maxChars = Math.floor(PAGE_PT.blockWidth / size);
    const lines = titleLines(text, maxChars);
    for (const line of lines) {
      this.ensure(GRID.linePitch);
      const w = this.width(line, 'title', size);
      this.draw(this.segments(line, 'title', size), PAGE_PT.left + (PAGE_PT.blockWidth - w) / 2, this.baselineOfLine(size));
      this.y += GRID.linePitch;
    }
    this.y += PARAGRAPH.linesAfterTitle * GRID.linePitch;
  }

  /** `keep`: points that must follow the heading on its page (at least the next line). */
  heading(level: 1 | 2, text: string, keep: number = GRID.linePitch): void {
    const role: RunRole = level === 1 ? 'h1' : 'h2';
    if (this.page === 0 || this.y + GRID.linePitch + keep > PAGE_PT.blockHeight + 0.01) this.newPage();
    this.paragraph([{ text, role }], true);
  }

  /**
   * `tail`: points that must follow the paragraph on its last page (the signature): when they do
   * not fit, the paragraph's last two lines go over with them, so no page holds only the signature.
   */
  paragraph(runs: Run[], indent: boolean, align: 'left' | 'center' | 'right' = 'left', tail = 0): void {
    const size = SIZE.body;
    const { text, roleAt, lines } = this.breakRuns(runs, indent);
    const carryFrom = tail > 0 ? Math.max(0, lines.length - 2) : -1;
    lines.forEach((line, k) => {
      if (k === carryFrom && this.page > 0 && this.y + (lines.length - k) * GRID.linePitch + tail > PAGE_PT.blockHeight + 0.01) this.newPage();
      this.ensure(GRID.linePitch);
      const segs: Seg[] = [];
      let i = line.start;
      while (i < line.end) {
        const role = roleAt[i] ?? 'body';
        let j = i;
        while (j < line.end && (roleAt[j] ?? 'body') === role) j++;
        segs.push(...this.segments(text.slice(i, j), role, size));
        i = j;
      }
      // line.width counts TRACK after every character; the ink ends one TRACK earlier.
      const n = [...line.text].length;
      const ink = line.width - TRACK;
      let x = PAGE_PT.left + line.indent;
      let spacing = TRACK;
      if (align === 'center') x = PAGE_PT.left + (PAGE_PT.blockWidth - ink) / 2;
      else if (align === 'right') x = PAGE_PT.left + PAGE_PT.blockWidth - ink;
      // Spread: the characters of every line but a paragraph's last reach the right edge.
      else if (!line.last && n > 1) spacing = TRACK + (PAGE_PT.blockWidth - line.indent - ink) / (n - 1);
      this.draw(segs, x, this.baselineOfLine(size), spacing);
      this.y += GRID.linePitch;
    });
  }

  /** A paragraph of runs (run-in headings in their own fonts) broken into lines of the text block. */
  breakRuns(runs: Run[], indent: boolean): { text: string; roleAt: FontRole[]; lines: ReturnType<typeof breakParagraph> } {
    const size = SIZE.body;
    const text = runs.map((r) => r.text).join('');
    const roleAt: FontRole[] = [];
    for (const r of runs) for (let i = 0; i < r.text.length; i++) roleAt.push(r.role);
    const measure = (s: string, start: number) => {
      let w = 0;
      let i = start;
      for (const ch of s) {
        const role = roleAt[i] ?? 'body';
        const f = fontFor(this.chain(role), ch.codePointAt(0)!) ?? this.chain(role)[0]!;
        w += advance(f, ch.codePointAt(0)!) * size + TRACK;
        i += ch.length;
      }
      return w;
    };
    const firstIndent = indent ? PARAGRAPH.firstLineIndentChars * GRID.charPitch : 0;
    // 28 characters fill the line exactly: a hair of room for rounding.
    const lines = breakParagraph(text, measure, PAGE_PT.blockWidth + 0.01, firstIndent);
    return { text, roleAt, lines };
  }

  /** What a signature needs below the text before it, at its tightest (one blank line). */
  signatureHeight(b: Extract<Block, { kind: 'signature' }>): number {
    return (1 + (b.office ? 1 : 0) + (b.date ? 1 : 0)) * GRID.linePitch;
  }

  /** Office name centred over the date; the date flush right, inset four characters. */
  signature(office: string, date: string | null): void {
    const size = SIZE.body;
    const lines = (office ? 1 : 0) + (date ? 1 : 0);
    // GB/T 9704 allows tightening when the signature does not fit: one blank line instead of two.
    const fits = (blank: number) => this.page > 0 && this.y + (blank + lines) * GRID.linePitch <= PAGE_PT.blockHeight + 0.01;
    const blank = fits(PARAGRAPH.linesBeforeSignature) ? PARAGRAPH.linesBeforeSignature : fits(1) ? 1 : 0;
    if (blank === 0) this.newPage();
    else this.y += blank * GRID.linePitch;
    const right = PAGE_PT.left + PAGE_PT.blockWidth;
    const dateW = date ? this.width(date, 'body', size) : 0;
    const officeW = office ? this.width(office, 'body', size) : 0;
    // The date right-inset four characters, the name centred over it (layout.md); a name so long
    // that it would run past the right edge moves both left, still centred.
    let dateX = right - PARAGRAPH.dateRightInsetChars * size - dateW;
    let officeX = date ? dateX + (dateW - officeW) / 2 : right - 2 * size - officeW;
    const over = Math.max(0, officeX + officeW - right);
    officeX = Math.max(PAGE_PT.left, officeX - over);
    dateX -= over;
    if (office) {
      this.draw(this.segments(office, 'body', size), officeX, this.baselineOfLine(size));
      this.y += GRID.linePitch;
    }
    if (date) {
      this.draw(this.segments(date, 'body', size), dateX, this.baselineOfLine(size));
      this.y += GRID.linePitch;
    }
  }

  /** A table's grid measured: column positions, each cell's lines, each row's height (cached per block). */
  tableMetrics(block: Extract<Block, { kind: 'table' }>): TableMetrics {
    const hit = this.metricsCache.get(block);
    if (hit) return hit;
    const t = placeTable(block.template, block.data);
    const size = SIZE.table[block.template.id];
    const lh = size * TABLE.lineHeight;
    const total = block.template.columnWidths.reduce((a, b) => a + b, 0);
    const colW = block.template.columnWidths.map((w) => (w / total) * PAGE_PT.blockWidth);
    const colX: number[] = [PAGE_PT.left];
    for (const w of colW) colX.push(colX[colX.length - 1]! + w);

    const cellWidth = (c: PlacedCell) => colX[c.col + c.colSpan]! - colX[c.col]!;
    const lineCache = new Map<PlacedCell, string[]>();
    const linesOf = (c: PlacedCell): string[] => {
      let ls = lineCache.get(c);
      if (!ls) {
        const inner = cellWidth(c) - 2 * TABLE.padX;
        // A figure is never broken over lines (it would read as two numbers): it is set smaller.
        ls = c.text === '' ? [] : c.value ? [c.text] : breakParagraph(c.text, (s) => this.width(s, 'table', size), inner).map((l) => l.text);
        lineCache.set(c, ls);
      }
      return ls;
    };
    const need = (c: PlacedCell) => linesOf(c).length * lh + 2 * TABLE.padY;
    /** Type size of a cell: the table's, or smaller for a figure wider than its cell (not below 5 pt). */
    const sizeOf = (c: PlacedCell): number => {
      if (!c.value || c.text === '') return size;
      const inner = cellWidth(c) - 2 * TABLE.padX;
      const w = this.width(c.text, 'table', size);
      return w <= inner ? size : Math.max(5, (size * inner) / w);
    };

    const heights = new Array<number>(t.rows).fill(TABLE.minRowHeight);
    for (const c of t.cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, need(c));
    for (const c of t.cells) {
      if (c.rowSpan === 1) continue;
      let sum = 0;
      for (let r = c.row; r < c.row + c.rowSpan; r++) sum += heights[r]!;
      const lack = need(c) - sum;
      if (lack > 0) for (let r = c.row; r < c.row + c.rowSpan; r++) heights[r]! += lack / c.rowSpan;
    }
    const headerH = heights.slice(0, t.headerRows).reduce((a, b) => a + b, 0);
    // What must stand together at the table's start: the header rows, any block title rows and the first body row.
    let firstGroup = headerH;
    let fr = t.headerRows;
    while (fr < t.rows && t.roles[fr] !== 'body') firstGroup += heights[fr++]!;
    firstGroup += heights[fr] ?? 0;
    const m = { t, size, lh, colX, cellWidth, linesOf, need, sizeOf, heights, headerH, firstGroup };
    this.metricsCache.set(block, m);
    return m;
  }

  table(block: Extract<Block, { kind: 'table' }>): void {
    const { t, size, lh, colX, cellWidth, linesOf, need, sizeOf, heights, headerH, firstGroup } = this.tableMetrics(block);

    // Place rows on pages: header rows repeat after a break; a block title and the header under
    // it stay with the first row that follows; no row is split.
    const placed: { page: number; y: number }[] = [];
    if (this.page === 0) this.newPage();
    if (this.y + firstGroup > PAGE_PT.blockHeight + 0.01) this.newPage();
    // The rows under a small merged label (（四）无法提供 over its three rows) stay on one page,
    // so its label is printed beside them; a tall one (三、本年度办理结果) may run over.
    const keepTo = heights.map((_, k) => k);
    for (const c of t.cells) {
      if (c.rowSpan < 2 || c.row < t.headerRows) continue;
      const h = heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
      if (h <= PAGE_PT.blockHeight / 4) keepTo[c.row] = Math.max(keepTo[c.row]!, c.row + c.rowSpan - 1);
    }
    const repeats: { page: number; y: number }[] = [];
    let r = 0;
    while (r < t.rows) {
      let end = r;
      if (r >= t.headerRows) {
        while (end < t.rows - 1 && t.roles[end] !== 'body') end++;
        for (let k = r; k <= end; k++) end = Math.max(end, keepTo[k]!);
      }
      const h = heights.slice(r, end + 1).reduce((a, b) => a + b, 0);
      if (this.y + h > PAGE_PT.blockHeight + 0.01 && r >= t.headerRows) {
        this.newPage();
        if (t.headerRows > 0) {
          repeats.push({ page: this.page, y: this.y });
          this.y += headerH;
        }
      }
      for (let k = r; k <= end; k++) {
        placed[k] = { page: this.page, y: this.y };
        this.y += heights[k]!;
      }
      r = end + 1;
    }

    // Draw on each page the rows placed there: go back to earlier pages with the page buffer.
    const drawCell = (c: PlacedCell, top: number, h: number, withText: boolean) => {
      const x = colX[c.col]!;
      const w = cellWidth(c);
      const absTop = PAGE_PT.top + top;
      this.doc.lineWidth(TABLE.borderWidth).rect(x, absTop, w, h).stroke();
      if (!withText) return;
      const ls = linesOf(c);
      const textH = ls.length * lh;
      let ly = absTop + (h - textH) / 2;
      const cs = sizeOf(c);
      for (const l of ls) {
        const lw = this.width(l, 'table', cs);
        const centred = c.header || c.value || cellWidth(c) < 6 * size;
        const lx = centred ? x + (w - lw) / 2 : x + TABLE.padX;
        this.draw(this.segments(l, 'table', cs), lx, ly + lh / 2 + cs * BASELINE_BELOW_CENTRE);
        ly += lh;
      }
    };

    const onPage = (page: number, fn: () => void) => {
      this.doc.switchToPage(page - 1);
      fn();
    };
    for (const c of t.cells) {
      if (c.row < t.headerRows || c.rowSpan === 1) {
        const p = placed[c.row]!;
        let h = 0;
        for (let k = c.row; k < c.row + c.rowSpan; k++) h += heights[k]!;
        onPage(p.page, () => drawCell(c, p.y, h, true));
        continue;
      }
      // A merged cell that runs over a page break: a box on each page; its text in the first
      // part if it fits there, else in the tallest part.
      const segsByPage = new Map<number, { top: number; bottom: number }>();
      for (let k = c.row; k < c.row + c.rowSpan; k++) {
        const p = placed[k]!;
        const s = segsByPage.get(p.page);
        if (s) s.bottom = p.y + heights[k]!;
        else segsByPage.set(p.page, { top: p.y, bottom: p.y + heights[k]! });
      }
      const parts = [...segsByPage.entries()];
      let textPart = parts[0]!;
      if (textPart[1].bottom - textPart[1].top < need(c)) {
        for (const p of parts) if (p[1].bottom - p[1].top > textPart[1].bottom - textPart[1].top) textPart = p;
      }
      for (const p of parts) onPage(p[0], () => drawCell(c, p[1].top, p[1].bottom - p[1].top, p === textPart));
    }
    for (const rep of repeats) {
      let y = rep.y;
      const rowTop: number[] = [];
      for (let k = 0; k < t.headerRows; k++) {
        rowTop[k] = y;
        y += heights[k]!;
      }
      for (const c of t.cells) {
        if (c.row >= t.headerRows) continue;
        let h = 0;
        for (let k = c.row; k < c.row + c.rowSpan; k++) h += heights[k]!;
        onPage(rep.page, () => drawCell(c, rowTop[c.row]!, h, true));
      }
    }
    this.doc.switchToPage(this.page - 1);
    this.snapToGrid();
  }

  blocks(bs: Block[]): void {
    for (let i = 0; i < bs.length; i++) {
      const b = bs[i]!;
      const next = bs[i + 1];
      if (b.kind === 'heading' && next?.kind === 'table' && this.page > 0 && this.y + GRID.linePitch + this.tableMetrics(next).firstGroup > PAGE_PT.blockHeight + 0.01) this.newPage();
      switch (b.kind) {
        case 'title':
          if (this.page === 0) this.newPage();
          this.title(b.text);
          break;
        case 'heading': {
          // A heading over a short last paragraph and the signature goes over with them.
          const after = bs[i + 2];
          // A heading over a heading (一、 then （一）) keeps both with the next line.
          const keep =
            next?.kind === 'para' && after?.kind === 'signature' && this.breakRuns(next.runs, next.indent).lines.length <= 2
              ? this.breakRuns(next.runs, next.indent).lines.length * GRID.linePitch + this.signatureHeight(after)
              : next?.kind === 'heading'
                ? 2 * GRID.linePitch
                : GRID.linePitch;
          this.heading(b.level, b.text, keep);
          break;
        }
        case 'para':
          this.paragraph(b.runs, b.indent, b.align, next?.kind === 'signature' ? this.signatureHeight(next) : 0);
          break;
        case 'table':
          this.table(b);
          break;
        case 'signature':
          this.signature(b.office, b.date);
          break;
        case 'blank':
          this.y += b.lines * GRID.linePitch;
          break;
        case 'pageBreak':
          this.y = PAGE_PT.blockHeight + 1;
          break;
      }
    }
  }

  async finish(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.end();
    await done;
    const b = Buffer.concat(chunks);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
}

/** Characters of the report that no available font has (checked before export). */
export function missingCharacters(report: Report, opts: { cover?: Cover | null } = {}): string[] {
  const fonts = fontSet();
  const blocks = [...(opts.cover !== undefined && opts.cover !== null ? coverBlocks(report, opts.cover) : []), ...reportBlocks(report)];
  const missing = new Set<string>();
  const check = (text: string, role: FontRole) => {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!isInvisible(cp) && !fontFor(fonts.chains[role], cp)) missing.add(ch);
    }
  };
  for (const b of blocks) {
    if (b.kind === 'title') check(b.text, 'title');
    else if (b.kind === 'heading') check(b.text, b.level === 1 ? 'h1' : 'h2');
    else if (b.kind === 'para') for (const r of b.runs) check(r.text, r.role);
    else if (b.kind === 'signature') check(b.office + (b.date ?? ''), 'body');
    else if (b.kind === 'table') for (const c of placeTable(b.template, b.data).cells) check(c.text, 'table');
  }
  return [...missing];
}

export async function renderPdf(report: Report, opts: { cover?: Cover | null } = {}): Promise<PdfOutput> {
  const fonts = fontSet();
  const w = new Writer(fonts, reportTitle(report));
  if (opts.cover !== undefined && opts.cover !== null) w.blocks(coverBlocks(report, opts.cover));
  w.blocks(reportBlocks(report));
  if (w.page === 0) w.newPage();
  const data = await w.finish();
  const used = Object.fromEntries((Object.keys(fonts.chains) as FontRole[]).map((r) => [r, fonts.chains[r][0]!.name])) as Record<FontRole, string>;
  return { data, pages: w.page, missingChars: [...w.missing], fonts: used };
}
