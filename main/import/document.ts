/**
 * The neutral document every format reader produces and the one recogniser reads: an ordered
 * list of paragraphs and tables. Keeping recognition on this shape means a fix in the
 * recogniser helps every format at once.
 */

export interface TableCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  page?: number;
}

export interface TableBlock {
  kind: 'table';
  /** Physical cells per row, merges resolved: a merged cell appears once, at its top-left. */
  rows: TableCell[][];
  /**
   * True when an empty cell is a real cell of the form (Word/HTML tables): a blank value then
   * stays a blank in its place. False for rows rebuilt from text, where gaps are only layout.
   */
  blankIsCell: boolean;
  page?: number;
}

export type Block = ParagraphBlock | TableBlock;

export interface NeutralDocument {
  blocks: Block[];
}

export function paragraph(text: string, page?: number): ParagraphBlock {
  return page === undefined ? { kind: 'paragraph', text } : { kind: 'paragraph', text, page };
}

/** A table from plain rows of cell texts (no merges). */
export function simpleTable(rows: string[][], blankIsCell: boolean, page?: number): TableBlock {
  const t: TableBlock = {
    kind: 'table',
    blankIsCell,
    rows: rows.map((r, ri) => r.map((text, ci) => ({ text, row: ri, col: ci, rowSpan: 1, colSpan: 1 }))),
  };
  if (page !== undefined) t.page = page;
  return t;
}
