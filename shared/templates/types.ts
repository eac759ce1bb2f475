/**
 * A national table form as data. The editor, the checker, the importers and the
 * exporters all walk these definitions; no row label is written anywhere else.
 *
 * Two layers:
 * - logical rows/cells: what the report stores and what rules address (row code × column code);
 * - the printed grid: header and body cells with the merges of the national form, whose value
 *   cells point back into the logical layer.
 */
export type TableId = 'active' | 'applications' | 'reviews';
export type FormatId = '2021' | '2019';

/** count: integer ≥ 0; signed: integer (本年增/减); money: ≥ 0, up to four decimals, 万元. */
export type CellKind = 'count' | 'signed' | 'money';

export interface CellAddress {
  row: string;
  col: string;
}

export interface CellRef extends CellAddress {
  table: TableId;
}

export interface LogicalCell {
  col: string;
  /** Column label as printed, with its parent header, e.g. 「法人或其他组织 商业企业」. */
  label: string;
  kind: CellKind;
  /** Computed from other cells by the template's derivations; shown, never typed. */
  derived: boolean;
}

export interface LogicalRow {
  code: string;
  /** Row label as printed, with its parent groups, e.g. 「三、本年度办理结果 （三）不予公开 1.属于国家秘密」. */
  label: string;
  /** The row's own label only (the last part of `label`). */
  shortLabel: string;
  cells: LogicalCell[];
  /** Rows that are totals of other rows (（七）总计). */
  derived: boolean;
}

export interface LabelGridCell {
  type: 'label';
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** Header cells are centred and repeated after a page break. */
  header?: boolean;
  /** Block titles of table 二 (第二十条第（一）项). */
  block?: boolean;
}

export interface ValueGridCell {
  type: 'value';
  ref: CellAddress;
  rowSpan?: number;
  colSpan?: number;
}

export type GridCell = LabelGridCell | ValueGridCell;

export interface GridRow {
  /** header rows repeat after a page break; block rows start a block of table 二. */
  role: 'header' | 'block' | 'body';
  cells: GridCell[];
}

export interface Derivation {
  target: CellAddress;
  sum: CellAddress[];
}

export interface TableTemplate {
  id: TableId;
  /** Section numeral the table belongs to (二, 三, 四) and its caption for accessible names (表二 …). */
  section: '二' | '三' | '四';
  caption: string;
  title: string;
  /** How the interchange JSON stores a row: an object keyed by column code, or an array in column order. */
  storage: 'object' | 'array';
  /** For array storage: the column codes in order. */
  columnOrder: string[];
  rows: LogicalRow[];
  /** Number of columns of the printed grid. */
  gridColumns: number;
  /** Relative widths of the printed grid's columns (sum arbitrary). */
  columnWidths: number[];
  grid: GridRow[];
  /** Ordered: a derivation may use the result of an earlier one. */
  derivations: Derivation[];
}

export type SectionId = 'overview' | 'active' | 'applications' | 'reviews' | 'problems' | 'other';

export interface SectionTemplate {
  id: SectionId;
  numeral: '一' | '二' | '三' | '四' | '五' | '六';
  heading: string;
  kind: 'prose' | 'table';
  table?: TableId;
  /** What the section usually holds; shown as a prompt in the editor. */
  hint: string;
  /** Default sub-part headings offered for a new report. */
  defaultParts: string[];
}

export interface FormatTemplate {
  format: FormatId;
  /** The document that issued the format. */
  issuedBy: string;
  sections: SectionTemplate[];
  tables: Record<TableId, TableTemplate>;
}
