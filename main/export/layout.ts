/**
 * Every measurement of the printed report (spec/layout.md, after GB/T 9704-2012), in one place.
 * The PDF writer (pdfkit, points) and the DOCX writer (docx, twips and half-points) both read
 * this module; neither holds a number of its own.
 */

export const PT_PER_MM = 72 / 25.4;
export const TWIPS_PER_PT = 20;
export const mm = (v: number) => v * PT_PER_MM;
export const twips = (pt: number) => Math.round(pt * TWIPS_PER_PT);

/** A4 portrait and the text block (版心) 156 × 225 mm. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 37, left: 28, right: 26, bottom: 35 },
  textBlockMm: { width: 156, height: 225 },
} as const;

export const PAGE_PT = {
  width: mm(PAGE.widthMm),
  height: mm(PAGE.heightMm),
  top: mm(PAGE.marginMm.top),
  left: mm(PAGE.marginMm.left),
  right: mm(PAGE.marginMm.right),
  bottom: mm(PAGE.marginMm.bottom),
  blockWidth: mm(PAGE.textBlockMm.width),
  blockHeight: mm(PAGE.textBlockMm.height),
} as const;

/**
 * 22 lines of 28 characters; with 16 pt type the pitch is 225 mm / 22 ≈ 28.99 pt, exact. 28
 * characters of 16 pt are 158 mm, a little over the 156 mm block: as Word's character grid does,
 * each character advances by 156 mm / 28 ≈ 15.79 pt (0.21 pt tighter than its width).
 */
export const GRID = {
  linesPerPage: 22,
  charsPerLine: 28,
  linePitch: PAGE_PT.blockHeight / 22,
  charPitch: PAGE_PT.blockWidth / 28,
} as const;

export type FontRole = 'title' | 'body' | 'h1' | 'h2' | 'pageNumber' | 'table';

/** The fonts by role as named in the DOCX (East Asian slot) and sought on the machine, best first. */
export const FONT_NAMES: Record<FontRole, { eastAsia: string; latin: string }> = {
  title: { eastAsia: '方正小标宋简体', latin: 'Times New Roman' },
  body: { eastAsia: '仿宋_GB2312', latin: 'Times New Roman' },
  h1: { eastAsia: '黑体', latin: 'Times New Roman' },
  h2: { eastAsia: '楷体_GB2312', latin: 'Times New Roman' },
  pageNumber: { eastAsia: '宋体', latin: 'Times New Roman' },
  table: { eastAsia: '仿宋_GB2312', latin: 'Times New Roman' },
};

/** Sizes in points: 2号 22, 3号 16, 4号 14; tables 10.5–12 (wide tables the smaller). */
export const SIZE = {
  title: 22,
  body: 16,
  h1: 16,
  h2: 16,
  pageNumber: 14,
  /** Table 二 (four columns) at 12 pt, tables 三 and 四 (ten and fifteen columns) at 10.5 pt. */
  table: { active: 12, applications: 10.5, reviews: 10.5 },
} as const;

/** Table cells: padding and line height (a multiple of the table's type size). */
export const TABLE = {
  padX: 2.5,
  padY: 2.5,
  lineHeight: 1.3,
  borderWidth: 0.75,
  /** Minimum body-row height, points (Word rows of the national form are about 0.8 cm). */
  minRowHeight: 20,
} as const;

export const PARAGRAPH = {
  /** First-line indent of body paragraphs, in characters of the body size. */
  firstLineIndentChars: 2,
  /** Empty grid lines after the title, before the signature. */
  linesAfterTitle: 1,
  linesBeforeSignature: 2,
  /** The date (成文日期) is right-inset four characters; the office name is centred over it. */
  dateRightInsetChars: 4,
} as const;

/** `— 1 —`: 宋体 4号, odd pages right / even left, inset one character, 7 mm below the text block. */
export const PAGE_NUMBER = {
  prefix: '— ',
  suffix: ' —',
  insetChars: 1,
  belowBlockMm: 7,
} as const;

export function pageNumberText(n: number): string {
  return `${PAGE_NUMBER.prefix}${n}${PAGE_NUMBER.suffix}`;
}

/** Word's footer distance: from the page's bottom edge to the bottom of the page-number line. */
export const FOOTER_DISTANCE_PT = PAGE_PT.bottom - mm(PAGE_NUMBER.belowBlockMm) - SIZE.pageNumber * 1.1;

/** 2025-01-20 → 2025年1月20日 (Arabic numerals, no leading zeros). */
export function chineseDate(iso: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return iso ? iso : null;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
