import type { Edit, FindingLocation } from '../findings.js';
import { setCells } from '../model/cells.js';
import type { CellValue, Part, Report } from '../model/report.js';
import { applyTotals, totalMismatches } from '../model/totals.js';
import type { CellRef, SectionId } from '../templates/index.js';

/**
 * Reading and writing a report by the text paths of findings (shared/findings.ts TextPath) and
 * by cells, as pure functions: every edit returns a new report, which the undo history keeps.
 */
type ProseId = 'overview' | 'problems' | 'other';
const PROSE = new Set<string>(['overview', 'problems', 'other']);

export function getText(r: Report, path: string): string | null {
  const [a, b, c, d] = path.split('.');
  if (a === 'title') return r.title ?? null;
  if (a === 'preamble') return r.preamble ?? null;
  if (a === 'issuedOn') return r.issuedOn ?? null;
  if (a === 'signature') return r.signature ?? null;
  if (a === 'headings' && b) return r.headings?.[b as SectionId] ?? null;
  if (a === 'sections' && PROSE.has(b)) {
    const p = r.sections[b as ProseId][Number(c)];
    if (!p) return null;
    return d === 'heading' ? p.heading : p.text;
  }
  return null;
}

export function setText(r: Report, path: string, value: string): Report {
  const [a, b, c, d] = path.split('.');
  if (a === 'title') return { ...r, title: value };
  if (a === 'preamble') return { ...r, preamble: value };
  if (a === 'issuedOn') return { ...r, issuedOn: value === '' ? null : value };
  if (a === 'signature') return { ...r, signature: value };
  if (a === 'headings' && b) return { ...r, headings: { ...(r.headings ?? {}), [b]: value } };
  if (a === 'sections' && PROSE.has(b)) {
    const i = Number(c);
    const parts = r.sections[b as ProseId];
    if (!parts[i]) return r;
    const next: Part[] = parts.map((p, j) => (j === i ? (d === 'heading' ? { ...p, heading: value } : { ...p, text: value }) : p));
    return { ...r, sections: { ...r.sections, [b]: next } };
  }
  return r;
}

/**
 * Cells typed or pasted by the clerk. The computed totals follow — unless the report still holds
 * printed totals that differ from the computed ones (an imported document): those stay as printed
 * until the clerk adopts the computed values, so nothing the checker flags changes silently.
 */
export function editCells(r: Report, changes: { ref: CellRef; value: CellValue }[]): Report {
  if (changes.length === 0) return r;
  const consistent = totalsApplied.has(r.tables) || totalMismatches(r).length === 0;
  const next = { ...r, tables: setCells(r.format, r.tables, changes) };
  if (!consistent) return next;
  const out = applyTotals(next);
  totalsApplied.add(out.tables);
  return out;
}

/** Tables whose totals this module has just computed: the next keystroke need not check them again. */
const totalsApplied = new WeakSet<object>();

/** A finding's fix: text replacements (right to left within a field, so offsets hold) and cells. */
export function applyEdits(r: Report, edits: Edit[]): Report {
  let out = r;
  const cells = edits.filter((e) => e.kind === 'cell');
  if (cells.length) out = { ...out, tables: setCells(out.format, out.tables, cells.map((e) => ({ ref: e.ref, value: e.value }))) };
  const texts = edits.filter((e) => e.kind === 'text').sort((x, y) => y.start - x.start);
  for (const e of texts) {
    const cur = getText(out, e.path) ?? '';
    out = setText(out, e.path, cur.slice(0, e.start) + e.replacement + cur.slice(e.end));
  }
  return out;
}

/** The parts of the editor, in the order of the left rail. */
export const PART_IDS = ['basic', 'preamble', 'overview', 'active', 'applications', 'reviews', 'problems', 'other'] as const;
export type PartId = (typeof PART_IDS)[number];

export function partOfLocation(loc: FindingLocation): PartId | null {
  switch (loc.kind) {
    case 'report':
      return null;
    case 'section':
      return loc.section;
    case 'cell':
      return loc.ref.table;
    case 'text': {
      const [a, b] = loc.path.split('.');
      if (a === 'preamble') return 'preamble';
      if ((a === 'sections' || a === 'headings') && b) return b as PartId;
      return 'basic';
    }
  }
}

export type PartState = 'empty' | 'error' | 'warning' | 'complete';

function tableEmpty(data: unknown): boolean {
  if (!data) return true;
  for (const row of Object.values(data as Record<string, unknown>)) {
    if (!row) continue;
    const vals = Array.isArray(row) ? row : Object.values(row as Record<string, unknown>);
    if (vals.some((v) => v !== null)) return false;
  }
  return true;
}

function partEmpty(r: Report, id: PartId): boolean {
  switch (id) {
    case 'basic':
      return !r.office.name?.trim() && !r.title?.trim() && !r.issuedOn;
    case 'preamble':
      return !r.preamble?.trim();
    case 'overview':
    case 'problems':
    case 'other':
      return r.sections[id].every((p) => p.text.trim() === '');
    case 'active':
    case 'applications':
    case 'reviews':
      return tableEmpty(r.tables[id]);
  }
}

/**
 * The mark of each part in the rail. A part with nothing in it is 'empty' (its findings only say
 * so); otherwise errors before warnings; infos do not count.
 */
export function partStates(r: Report, findings: { severity: string; locations: FindingLocation[] }[]): Record<PartId, PartState> {
  const worst = new Map<PartId, 'error' | 'warning'>();
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    for (const loc of f.locations) {
      const p = partOfLocation(loc);
      if (!p) continue;
      if (f.severity === 'error' || !worst.has(p)) worst.set(p, f.severity);
    }
  }
  const out = {} as Record<PartId, PartState>;
  for (const id of PART_IDS) out[id] = partEmpty(r, id) ? 'empty' : (worst.get(id) ?? 'complete');
  return out;
}

export const cellKey = (table: string, row: string, col: string): string => `${table}|${row}|${col}`;
