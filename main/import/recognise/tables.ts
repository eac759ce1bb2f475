import type { ImportNote } from '../../../shared/import-types.js';
import type { CellValue, Tables } from '../../../shared/model/report.js';
import { getTemplate, REVIEW_GROUPS } from '../../../shared/templates/index.js';
import type { FormatId, TableId, TableTemplate } from '../../../shared/templates/index.js';
import { core, coverage, squash } from './normalise.js';
import type { Token } from './tokens.js';

/**
 * Reads tables 二, 三 and 四 from the token stream by their row labels. Every row of the three
 * templates is a slot, in printed order; a run of figures is given to the slot whose label best
 * matches the text read since the previous run, looking a little ahead of the last row found so
 * that missing rows are skipped without ever going back.
 */

interface Slot {
  table: TableId;
  code: string;
  label: string;
  core: string;
  width: number;
}

interface Hit {
  values: CellValue[];
  block: number;
  page?: number;
  excerpt: string;
  guessed: boolean;
}

const LOOKAHEAD = 14;

function slotsFor(format: FormatId): Slot[] {
  const tpl = getTemplate(format).tables;
  const out: Slot[] = [];
  for (const id of ['active', 'applications', 'reviews'] as const) {
    const t = tpl[id];
    for (const r of t.rows) {
      const label = id === 'reviews' ? (REVIEW_GROUPS.find((g) => g.code === r.code)?.label.split(' ').pop() ?? r.shortLabel) : r.shortLabel;
      out.push({ table: id, code: r.code, label: r.label, core: core(label), width: r.cells.length });
    }
  }
  return out;
}

/**
 * How well a label matches the text gathered before a run: 0 (no) … 1 (contained whole). Only
 * the end of that text counts (the label and 8 characters of slack): a row's label sits next
 * to its figures, while the column header repeated where a table runs onto a new page (「…总计」)
 * comes well before them and must not be read as the row 「（七）总计」. Table 四 reads its
 * column-group headers instead (240 characters back).
 */
function score(slot: Slot, buffer: string, after = ''): number {
  const c = slot.core;
  if (!c || !buffer) return 0;
  // Table 四 has no row labels: its groups (行政复议, 行政诉讼…) head the columns, far above the figures.
  const window = slot.table === 'reviews' ? 240 : Math.max(12, c.length + 8);
  const { ratio, longest } = coverage(c, (buffer.length > window ? buffer.slice(-window) : buffer) + after);
  if (longest < Math.min(c.length, 3)) return 0;
  return ratio >= 0.6 ? ratio : 0;
}

/** Header words that only one of the two formats prints in table 二. */
const FORMAT_MARKERS: Record<FormatId, string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'],
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '采购项目数量', '政府集中采购'],
};

export function detectFormat(tokens: Token[]): { format: FormatId; sure: boolean } {
  const text = squash(tokens.filter((t) => t.kind === 'text').map((t) => t.text).join(''));
  const count = (f: FormatId) => FORMAT_MARKERS[f].filter((m) => text.includes(m)).length;
  const a = count('2021');
  const b = count('2019');
  if (a === 0 && b === 0) return { format: '2021', sure: false };
  return { format: b > a ? '2019' : '2021', sure: true };
}

export interface TableReading {
  tables: Tables;
  notes: ImportNote[];
  /** Rows found per table (0 = table not found). */
  found: Record<TableId, number>;
}

export function readTables(tokens: Token[], format: FormatId): TableReading {
  const slots = slotsFor(format);
  const hits = new Map<number, Hit>();
  const notes: ImportNote[] = [];
  let pos = -1;
  let buffer = '';
  let bufferStart: Token | null = null;
  /** The row still missing figures (a row split across lines). */
  let open: { slot: number; hit: Hit } | null = null;

  const place = (slotIndex: number, values: CellValue[], at: Token, excerpt: string, guessed: boolean): CellValue[] => {
    const s = slots[slotIndex];
    const take = values.slice(0, s.width);
    const hit: Hit = { values: [...take], block: at.block, excerpt: excerpt.slice(0, 80), guessed };
    if (at.page !== undefined) hit.page = at.page;
    hits.set(slotIndex, hit);
    pos = slotIndex;
    open = take.length < s.width ? { slot: slotIndex, hit } : null;
    return values.slice(s.width);
  };

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind === 'break') {
      buffer = '';
      bufferStart = null;
      open = null;
      i++;
      continue;
    }
    if (t.kind === 'text') {
      if (!bufferStart) bufferStart = t;
      buffer += squash(t.text);
      i++;
      continue;
    }
    // A run of figures and blanks.
    const run: CellValue[] = [];
    const first = t;
    while (i < tokens.length && (tokens[i].kind === 'num' || tokens[i].kind === 'blank')) run.push(tokens[i++].value);
    // The text right after the run: the rest of a label wrapped round its figures.
    let after = '';
    for (let k = i; k < tokens.length && tokens[k].kind === 'text'; k++) after += squash(tokens[k].text);
    let rest: CellValue[] = run;
    const excerpt = `${bufferStart?.text ?? ''}`;

    if (buffer === '' && open) {
      const o: { slot: number; hit: Hit } = open;
      const need = slots[o.slot].width - o.hit.values.length;
      o.hit.values.push(...rest.slice(0, need));
      rest = rest.slice(need);
      open = o.hit.values.length < slots[o.slot].width ? o : null;
    } else if (buffer !== '') {
      let best = -1;
      let bestScore = 0;
      // A run of nothing but blanks (an empty form, a spare column) needs a clear label.
      const floor = rest.every((v) => v === null) ? 0.85 : 0;
      for (const tail of floor > 0 ? [''] : ['', after.slice(0, 40)]) {
        for (let k = pos + 1; k < Math.min(slots.length, pos + 1 + LOOKAHEAD); k++) {
          const sc = score(slots[k], buffer, tail);
          if (sc < floor) continue;
          if (sc > bestScore + 1e-9) {
            best = k;
            bestScore = sc;
          }
        }
        if (best >= 0) break;
      }
      if (best >= 0) rest = place(best, rest, first, excerpt, false);
      else if (rest.length === 15 && !hasTable(hits, slots, 'reviews') && hasTable(hits, slots, 'applications')) {
        // Table 四 under a lost header: its fifteen figures in one line are unmistakable.
        const start = slots.findIndex((s) => s.table === 'reviews');
        rest = place(start, rest, first, excerpt, true);
      }
    }
    // Figures left over: the next rows in order, when the run is exactly as long as they are
    // (table 四 printed as one line of fifteen; a row whose label was lost).
    while (rest.length > 0 && pos + 1 < slots.length && rest.length >= slots[pos + 1].width && !open) {
      const next = slots[pos + 1];
      const inReviews = next.table === 'reviews' && slots[pos].table === 'reviews';
      if (!inReviews && rest.length !== next.width) break;
      rest = place(pos + 1, rest, first, excerpt, !inReviews);
    }
    if (rest.some((v) => v !== null))
      notes.push({
        status: 'uncertain',
        what: '表格中的数字',
        detail: `有 ${rest.length} 个数字找不到对应的行，已忽略，请核对`,
        source: pointer(first, excerpt),
      });
    buffer = '';
    bufferStart = null;
  }

  const tpl = getTemplate(format).tables;
  const tables: Tables = { active: null, applications: null, reviews: null };
  const found: Record<TableId, number> = { active: 0, applications: 0, reviews: 0 };
  for (const id of ['active', 'applications', 'reviews'] as const) {
    const t = tpl[id];
    const mine = slots.map((s, k) => ({ s, k })).filter((x) => x.s.table === id);
    const rowsFound = mine.filter((x) => hits.has(x.k));
    found[id] = rowsFound.length;
    if (rowsFound.length === 0) {
      notes.push({ status: 'notFound', what: t.caption, detail: `文件中没有找到${t.caption}（${t.title}），该表留空`, field: `tables.${id}` });
      continue;
    }
    const data: Record<string, unknown> = {};
    const missing: string[] = [];
    for (const { s, k } of mine) {
      const hit = hits.get(k);
      if (!hit) {
        data[s.code] = null;
        missing.push(s.label);
        continue;
      }
      const vals = [...hit.values];
      while (vals.length < s.width) vals.push(null);
      const derived = fillFromTotal(t, s.code, vals);
      data[s.code] = rowValue(t, s.code, vals);
      if (derived)
        notes.push({
          status: 'uncertain',
          what: `${t.caption}“${s.label}”`,
          detail: `有一格在文件中读不出来，已按本行总计推算为 ${derived.value}，请核对`,
          field: `tables.${id}.${s.code}`,
          source: pointer(hit, hit.excerpt),
        });
      if (hit.guessed)
        notes.push({
          status: 'uncertain',
          what: `${t.caption}“${s.label}”`,
          detail: '行标签没有识别出来，按表格顺序推定，请核对',
          field: `tables.${id}.${s.code}`,
          source: pointer(hit, hit.excerpt),
        });
      if (hit.values.length < s.width)
        notes.push({
          status: 'uncertain',
          what: `${t.caption}“${s.label}”`,
          detail: `这一行只读到 ${hit.values.length} 个数字（应有 ${s.width} 个），缺的留空`,
          field: `tables.${id}.${s.code}`,
          source: pointer(hit, hit.excerpt),
        });
    }
    (tables as Record<TableId, unknown>)[id] = data;
    const first = hits.get(rowsFound[0].k);
    notes.push({
      status: 'found',
      what: t.caption,
      detail: `读到 ${rowsFound.length} 行，共 ${mine.length} 行`,
      field: `tables.${id}`,
      ...(first ? { source: pointer(first, first.excerpt) } : {}),
    });
    if (missing.length)
      notes.push({
        status: 'notFound',
        what: `${t.caption}的部分行`,
        detail: `文件中没有这些行，已留空：${missing.join('；')}`,
        field: `tables.${id}`,
      });
  }
  return { tables, notes, found };
}

/**
 * A row with exactly one figure missing (covered by a label in a PDF) and its printed total:
 * the missing part is the total minus the others. Only for rows that add up by the template.
 */
function fillFromTotal(t: TableTemplate, code: string, vals: CellValue[]): { value: number } | null {
  if (t.storage !== 'array') return null;
  const d = t.derivations.find((x) => x.target.row === code && x.sum.every((p) => p.row === code));
  if (!d) return null;
  const idx = (col: string) => t.columnOrder.indexOf(col);
  const all = [d.target, ...d.sum].map((a) => idx(a.col));
  const missing = all.filter((i) => vals[i] === null || vals[i] === undefined);
  if (missing.length !== 1 || vals.some((v, i) => v === null && !all.includes(i))) return null;
  const m = missing[0];
  const total = vals[idx(d.target.col)];
  const parts = d.sum.map((p) => vals[idx(p.col)]);
  const value = m === idx(d.target.col) ? parts.reduce<number>((a, b) => a + (b ?? 0), 0) : (total ?? 0) - parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  if (!Number.isInteger(value) || value < 0) return null;
  vals[m] = value;
  return { value };
}

function hasTable(hits: Map<number, Hit>, slots: Slot[], id: TableId): boolean {
  for (const k of hits.keys()) if (slots[k].table === id) return true;
  return false;
}

function rowValue(t: TableTemplate, code: string, vals: CellValue[]): unknown {
  if (t.storage === 'array') return vals;
  const row = t.rows.find((r) => r.code === code);
  return Object.fromEntries((row?.cells ?? []).map((c, i) => [c.col, vals[i] ?? null]));
}

function pointer(at: { block: number; page?: number }, excerpt: string): { block: number; page?: number; excerpt?: string } {
  const p: { block: number; page?: number; excerpt?: string } = { block: at.block };
  if (at.page !== undefined) p.page = at.page;
  if (excerpt) p.excerpt = excerpt.slice(0, 80);
  return p;
}
