import type { CellAddress, CellKind, TableTemplate } from '../templates/index.js';
import { parseCellInput } from './cell-input.js';
import { formatTsv } from './tsv.js';

/**
 * The value cells of a table as the keyboard walks them: one line per printed body row, cells
 * left to right — the same order the eye reads the paper form in.
 */
export interface NavCell extends CellAddress {
  kind: CellKind;
  derived: boolean;
}

export interface NavPos {
  r: number;
  c: number;
}

const cache = new WeakMap<TableTemplate, NavCell[][]>();

export function navGrid(t: TableTemplate): NavCell[][] {
  const hit = cache.get(t);
  if (hit) return hit;
  const out: NavCell[][] = [];
  for (const g of t.grid) {
    if (g.role !== 'body') continue;
    const line: NavCell[] = [];
    for (const c of g.cells) {
      if (c.type !== 'value') continue;
      const row = t.rows.find((r) => r.code === c.ref.row);
      const cell = row?.cells.find((x) => x.col === c.ref.col);
      if (!cell) continue;
      line.push({ row: c.ref.row, col: c.ref.col, kind: cell.kind, derived: cell.derived });
    }
    if (line.length) out.push(line);
  }
  cache.set(t, out);
  return out;
}

export function findPos(nav: NavCell[][], at: CellAddress): NavPos | null {
  for (let r = 0; r < nav.length; r++) {
    const c = nav[r].findIndex((x) => x.row === at.row && x.col === at.col);
    if (c >= 0) return { r, c };
  }
  return null;
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev' | 'home' | 'end';

/**
 * The cell a key moves to, or null at the edge (Tab past the last cell leaves the table).
 * Arrows stop at the edges; Tab/Shift+Tab wrap to the next/previous line.
 */
export function moveFrom(nav: NavCell[][], p: NavPos, m: Move): NavPos | null {
  const clampC = (r: number, c: number) => Math.min(c, nav[r].length - 1);
  switch (m) {
    case 'up':
      return p.r > 0 ? { r: p.r - 1, c: clampC(p.r - 1, p.c) } : null;
    case 'down':
      return p.r < nav.length - 1 ? { r: p.r + 1, c: clampC(p.r + 1, p.c) } : null;
    case 'left':
      return p.c > 0 ? { r: p.r, c: p.c - 1 } : null;
    case 'right':
      return p.c < nav[p.r].length - 1 ? { r: p.r, c: p.c + 1 } : null;
    case 'home':
      return { r: p.r, c: 0 };
    case 'end':
      return { r: p.r, c: nav[p.r].length - 1 };
    case 'next':
      if (p.c < nav[p.r].length - 1) return { r: p.r, c: p.c + 1 };
      return p.r < nav.length - 1 ? { r: p.r + 1, c: 0 } : null;
    case 'prev':
      if (p.c > 0) return { r: p.r, c: p.c - 1 };
      return p.r > 0 ? { r: p.r - 1, c: nav[p.r - 1].length - 1 } : null;
  }
}

export interface PasteResult {
  changes: { ref: CellAddress; value: number | null }[];
  refused: { ref: CellAddress; text: string; message: string }[];
  /** `无`, `—`, `/`…: 0 only after the clerk says so. */
  askZero: { ref: CellAddress; written: string }[];
  /** Values that fell on computed totals (kept computed) or outside the table. */
  onDerived: number;
  outside: number;
}

/**
 * A block from Excel/WPS placed from the focused cell onwards, cell for cell as it was copied:
 * a value that lands on a computed total is skipped (the total stays computed), values beyond
 * the table are dropped, and each value is read like typed input.
 */
export function planPaste(nav: NavCell[][], start: NavPos, block: string[][]): PasteResult {
  const res: PasteResult = { changes: [], refused: [], askZero: [], onDerived: 0, outside: 0 };
  block.forEach((line, i) => {
    const r = start.r + i;
    line.forEach((text, j) => {
      const c = start.c + j;
      const cell = r < nav.length ? nav[r][c] : undefined;
      if (!cell) {
        if (text.trim() !== '') res.outside++;
        return;
      }
      const ref = { row: cell.row, col: cell.col };
      if (cell.derived) {
        res.onDerived++;
        return;
      }
      const p = parseCellInput(text, cell.kind);
      if (p.kind === 'value') res.changes.push({ ref, value: p.value });
      else if (p.kind === 'askZero') res.askZero.push({ ref, written: p.written });
      else res.refused.push({ ref, text, message: p.message });
    });
  });
  return res;
}

export interface NavRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function normaliseRange(a: NavPos, b: NavPos): NavRange {
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

export function inRange(rg: NavRange | null, r: number, c: number): boolean {
  return rg !== null && r >= rg.r0 && r <= rg.r1 && c >= rg.c0 && c <= rg.c1;
}

/** The selected block as Excel reads a paste: tab-separated, one line per row. */
export function copyRange(nav: NavCell[][], rg: NavRange, read: (at: CellAddress) => string): string {
  const rows: string[][] = [];
  for (let r = rg.r0; r <= rg.r1 && r < nav.length; r++) {
    const line: string[] = [];
    for (let c = rg.c0; c <= rg.c1 && c < nav[r].length; c++) line.push(read(nav[r][c]));
    rows.push(line);
  }
  return formatTsv(rows);
}
