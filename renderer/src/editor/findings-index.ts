import type { Finding, Severity } from '../../../shared/findings.js';
import { computeTotals } from '../../../shared/model/totals.js';
import type { CellValue, Report } from '../../../shared/model/report.js';
import type { TableId } from '../../../shared/templates/index.js';

/** What a cell shows of the findings that concern it: the worst severity and every message. */
export interface CellMark {
  severity: Severity;
  message: string;
  /** Only cell.empty concerns the cell: shown as a pale "to fill" cell, not a red border on every blank. */
  blank: boolean;
}

/** A finding at a span of a text field, with the index of the finding in the panel. */
export interface TextMark {
  finding: Finding;
  index: number;
  start: number;
  end: number;
}

export interface FindingsIndex {
  cells: Record<TableId, Map<string, CellMark>>;
  texts: Map<string, TextMark[]>;
  sections: Map<string, Finding[]>;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const TABLES: TableId[] = ['active', 'applications', 'reviews'];

export function indexFindings(findings: Finding[]): FindingsIndex {
  const cells = { active: new Map(), applications: new Map(), reviews: new Map() } as Record<TableId, Map<string, CellMark>>;
  const texts = new Map<string, TextMark[]>();
  const sections = new Map<string, Finding[]>();
  findings.forEach((f, index) => {
    for (const loc of f.locations) {
      if (loc.kind === 'cell') {
        const m = cells[loc.ref.table];
        const key = `${loc.ref.row}|${loc.ref.col}`;
        const cur = m.get(key);
        const blank = f.rule === 'cell.empty';
        const message = blank ? '这一格还没有填。没有发生的请填 0。' : f.message;
        if (!cur) m.set(key, { severity: f.severity, message, blank });
        else if (!cur.message.includes(message)) {
          m.set(key, {
            severity: RANK[f.severity] < RANK[cur.severity] ? f.severity : cur.severity,
            message: cur.blank ? message : blank ? cur.message : `${cur.message}\n${message}`,
            blank: cur.blank && blank,
          });
        }
      } else if (loc.kind === 'text') {
        const list = texts.get(loc.path) ?? [];
        list.push({ finding: f, index, start: loc.start, end: loc.end });
        texts.set(loc.path, list);
      } else if (loc.kind === 'section') {
        const list = sections.get(loc.section) ?? [];
        if (!list.includes(f)) list.push(f);
        sections.set(loc.section, list);
      }
    }
  });
  return { cells, texts, sections };
}

function cellSig(m: Map<string, CellMark>): string {
  let s = '';
  for (const [k, v] of m) s += `${k}\u0001${v.severity}\u0001${v.blank ? 1 : 0}\u0001${v.message}\u0002`;
  return s;
}

/**
 * Keeps the previous maps where nothing changed, so a keystroke in one table re-renders that
 * table only (the grids are memoised on these identities).
 */
export function stableCells(prev: Record<TableId, { sig: string; map: Map<string, CellMark> }> | null, next: Record<TableId, Map<string, CellMark>>) {
  const out = {} as Record<TableId, { sig: string; map: Map<string, CellMark> }>;
  for (const id of TABLES) {
    const sig = cellSig(next[id]);
    out[id] = prev && prev[id].sig === sig ? prev[id] : { sig, map: next[id] };
  }
  return out;
}

export function stableTotals(prev: Record<TableId, { sig: string; map: Map<string, CellValue> }> | null, report: Pick<Report, 'format' | 'tables'>) {
  const maps = { active: new Map(), applications: new Map(), reviews: new Map() } as Record<TableId, Map<string, CellValue>>;
  for (const d of computeTotals(report.format, report.tables)) maps[d.ref.table].set(`${d.ref.row}|${d.ref.col}`, d.computed);
  const out = {} as Record<TableId, { sig: string; map: Map<string, CellValue> }>;
  for (const id of TABLES) {
    let sig = '';
    for (const [k, v] of maps[id]) sig += `${k}=${v};`;
    out[id] = prev && prev[id].sig === sig ? prev[id] : { sig, map: maps[id] };
  }
  return out;
}

/** Signature of a list of text marks (the prose sections are memoised on it). */
export function marksSig(list: TextMark[] | undefined): string {
  return list ? list.map((m) => `${m.index}:${m.start}-${m.end}:${m.finding.rule}:${m.finding.message}`).join('|') : '';
}
