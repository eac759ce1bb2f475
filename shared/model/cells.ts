import { getTemplate } from '../templates/index.js';
import type { CellAddress, CellRef, FormatId, TableId, TableTemplate } from '../templates/index.js';
import type { CellValue, Tables } from './report.js';

/** Reads one cell of a table by row and column code; undefined when the table is absent. */
export function getCell(format: FormatId, tables: Tables, ref: CellRef): CellValue | undefined {
  const t = getTemplate(format).tables[ref.table];
  const data = tables[ref.table] as Record<string, unknown> | null;
  if (!data) return undefined;
  return readCell(t, data, ref);
}

export function readCell(t: TableTemplate, data: Record<string, unknown>, at: CellAddress): CellValue | undefined {
  const row = data[at.row];
  if (row === undefined || row === null) return undefined;
  if (t.storage === 'array') {
    const i = t.columnOrder.indexOf(at.col);
    return i < 0 ? undefined : ((row as CellValue[])[i] ?? null);
  }
  const v = (row as Record<string, CellValue>)[at.col];
  return v === undefined ? undefined : v;
}

/** Returns new tables with one cell changed (the table is created, all cells null, if absent). */
export function setCell(format: FormatId, tables: Tables, ref: CellRef, value: CellValue): Tables {
  return setCells(format, tables, [{ ref, value }]);
}

export function setCells(format: FormatId, tables: Tables, changes: { ref: CellRef; value: CellValue }[]): Tables {
  const next: Tables = { ...tables };
  const copied = new Set<TableId>();
  for (const { ref, value } of changes) {
    const t = getTemplate(format).tables[ref.table];
    if (!copied.has(ref.table)) {
      const cur = tables[ref.table] as Record<string, unknown> | null;
      (next as Record<TableId, unknown>)[ref.table] = cur ? cloneTable(t, cur) : emptyTable(t);
      copied.add(ref.table);
    }
    writeCell(t, next[ref.table] as Record<string, unknown>, ref, value);
  }
  return next;
}

export function writeCell(t: TableTemplate, data: Record<string, unknown>, at: CellAddress, value: CellValue): void {
  if (t.storage === 'array') {
    const i = t.columnOrder.indexOf(at.col);
    if (i < 0) throw new Error(`${t.caption}: no column ${at.col}`);
    const row = (data[at.row] as CellValue[] | undefined) ?? new Array<CellValue>(t.columnOrder.length).fill(null);
    row[i] = value;
    data[at.row] = row;
  } else {
    const row = (data[at.row] as Record<string, CellValue> | undefined) ?? {};
    row[at.col] = value;
    data[at.row] = row;
  }
}

function cloneTable(t: TableTemplate, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = t.storage === 'array' ? [...(v as CellValue[])] : { ...(v as Record<string, CellValue>) };
  return out;
}

/** A table of the template with every cell null ("not filled in", not 0). */
export function emptyTable(t: TableTemplate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of t.rows) {
    out[r.code] =
      t.storage === 'array' ? new Array<CellValue>(t.columnOrder.length).fill(null) : Object.fromEntries(r.cells.map((c) => [c.col, null]));
  }
  return out;
}

export function emptyTables(format: FormatId): Tables {
  const tpl = getTemplate(format).tables;
  return {
    active: emptyTable(tpl.active) as Tables['active'],
    applications: emptyTable(tpl.applications) as Tables['applications'],
    reviews: emptyTable(tpl.reviews) as Tables['reviews'],
  };
}

/** Every logical cell of a table, in row then column order. */
export function* eachCell(t: TableTemplate): Generator<CellRef & { kind: string; derived: boolean }> {
  for (const r of t.rows) for (const c of r.cells) yield { table: t.id, row: r.code, col: c.col, kind: c.kind, derived: c.derived };
}
