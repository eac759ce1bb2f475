/**
 * The report as a sequence of blocks, in reading order: what every writer (PDF, DOCX, HTML)
 * prints. Tables are carried as their template and data; each writer walks the template grid.
 */
import { getTemplate, SECTIONS } from '../../shared/templates/index.js';
import type { SectionTemplate, TableTemplate } from '../../shared/templates/index.js';
import { readCell } from '../../shared/model/cells.js';
import { reportTitle } from '../../shared/model/title.js';
import type { Cover, Part, Report } from '../../shared/model/report.js';
import { chineseDate } from './layout.js';

export type RunRole = 'body' | 'h1' | 'h2';

export interface Run {
  text: string;
  role: RunRole;
}

export type Block =
  | { kind: 'title'; text: string }
  /** A paragraph: first line indented unless `indent` is false; runs may start with a run-in heading. */
  | { kind: 'para'; runs: Run[]; indent: boolean; align?: 'left' | 'center' | 'right' }
  /** A heading on a line of its own. */
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'table'; template: TableTemplate; data: Record<string, unknown> | null }
  | { kind: 'signature'; office: string; date: string | null }
  | { kind: 'blank'; lines: number }
  | { kind: 'pageBreak' };

const H1_RUNIN = /^([一二三四五六七八九十]{1,3}、[^。\n]{1,40}。)/;
const H2_RUNIN = /^([（(][一二三四五六七八九十]{1,3}[）)][^。\n]{1,40}。)/;
const H2_LINE = /^[（(][一二三四五六七八九十]{1,3}[）)]/;

/** 「（一）主动公开方面。2024年…」 → heading run + body run; else one body run. */
export function runsOf(text: string): Run[] {
  const t = text.trim();
  for (const [re, role] of [
    [H2_RUNIN, 'h2'],
    [H1_RUNIN, 'h1'],
  ] as const) {
    const m = re.exec(t);
    if (m && m[1]!.length < t.length) return [{ text: m[1]!, role }, { text: t.slice(m[1]!.length), role: 'body' }];
  }
  return [{ text: t, role: 'body' }];
}

/**
 * Text as it can be printed: tabs and odd spaces become spaces; control and zero-width
 * characters (pasted from web pages and PDFs) are dropped — a font draws them as empty boxes,
 * and Word's XML cannot hold the control characters at all.
 */
export function printable(s: string): string {
  return s.replace(/[\t\u00a0\u2000-\u200a\u202f\u205f]/g, ' ').replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ufff9-\ufffb]/g, '');
}

function printableBlock(b: Block): Block {
  switch (b.kind) {
    case 'title':
    case 'heading':
      return { ...b, text: printable(b.text) };
    case 'para':
      return { ...b, runs: b.runs.map((r) => ({ ...r, text: printable(r.text) })) };
    case 'signature':
      return { ...b, office: printable(b.office), date: b.date === null ? null : printable(b.date) };
    default:
      return b;
  }
}

function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function proseBlocks(parts: Part[]): Block[] {
  const out: Block[] = [];
  for (const p of parts) {
    const paras = paragraphs(p.text);
    const heading = p.heading.trim();
    if (heading) {
      const level: 1 | 2 = H2_LINE.test(heading) ? 2 : /^[一二三四五六七八九十]{1,3}、/.test(heading) ? 1 : 2;
      // A part's heading is a line of its own (partsFromText); a heading the user ran into its
      // paragraph (（一）主动公开方面。2024年…) is in the text and set run-in by runsOf.
      if (/^\d+[.．]/.test(heading)) {
        out.push({ kind: 'para', indent: true, runs: [{ text: heading, role: 'body' }] });
      } else {
        out.push({ kind: 'heading', level, text: heading });
      }
    }
    for (const s of paras) out.push({ kind: 'para', indent: true, runs: runsOf(s) });
  }
  return out;
}

function sectionHeading(r: Report, s: SectionTemplate): string {
  const written = r.headings?.[s.id]?.trim();
  const words = written ? written.replace(/^[一二三四五六七八九十]{1,3}[、.．]\s*/, '') : s.heading;
  return `${s.numeral}、${words}`;
}

/** The report's blocks: title, preamble, 一 to 六 (tables from the template of its format), signature. */
export function reportBlocks(r: Report): Block[] {
  const tpl = getTemplate(r.format);
  const out: Block[] = [{ kind: 'title', text: reportTitle(r) }];
  if (r.preamble) for (const s of paragraphs(r.preamble)) out.push({ kind: 'para', indent: true, runs: runsOf(s) });
  for (const s of SECTIONS) {
    out.push({ kind: 'heading', level: 1, text: sectionHeading(r, s) });
    if (s.kind === 'table' && s.table) {
      out.push({ kind: 'table', template: tpl.tables[s.table], data: r.tables[s.table] as Record<string, unknown> | null });
    } else {
      const id = s.id as 'overview' | 'problems' | 'other';
      out.push(...proseBlocks(r.sections[id]));
    }
  }
  const office = (r.signature ?? r.office.name ?? '').trim();
  const date = chineseDate(r.issuedOn);
  if (office || date) out.push({ kind: 'signature', office, date });
  return out.map(printableBlock);
}

export type CoverFields = { [K in keyof Cover]-?: string };

/** Cover letter fields with defaults from the report (the office, the county). */
export function coverWithDefaults(r: Report, cover: Cover | null | undefined): CoverFields {
  const office = r.office.name ?? '';
  const c = cover ?? {};
  // A township's county is the start of its name (中宁县恩和镇人民政府 → 中宁县).
  const countyName = r.office.county || /^(.{2,12}?[县区旗])(?=.{1,10}(?:镇|乡|街道))/.exec(office)?.[1] || '';
  const county = countyName ? `${countyName.replace(/人民政府$/, '')}人民政府办公室` : '县人民政府办公室';
  return {
    docNumber: c.docNumber ?? '',
    addressee: c.addressee || `${county}：`,
    body: c.body || `根据《中华人民共和国政府信息公开条例》和上级有关要求，现将《${reportTitle(r)}》报送你们，请审阅。`,
    signer: c.signer || office,
    date: c.date || chineseDate(r.issuedOn) || '',
  };
}

/** 上报函 as blocks: its own first page. */
export function coverBlocks(r: Report, cover: Cover | null | undefined): Block[] {
  const c = coverWithDefaults(r, cover);
  const addressee = /[：:]$/.test(c.addressee) ? c.addressee : `${c.addressee}：`;
  const out: Block[] = [];
  if (c.docNumber) out.push({ kind: 'para', indent: false, align: 'center', runs: [{ text: c.docNumber, role: 'body' }] }, { kind: 'blank', lines: 1 });
  out.push({ kind: 'title', text: `关于报送${reportTitle(r)}的函` });
  out.push({ kind: 'para', indent: false, runs: [{ text: addressee, role: 'body' }] });
  for (const s of paragraphs(c.body)) out.push({ kind: 'para', indent: true, runs: [{ text: s, role: 'body' }] });
  out.push({ kind: 'para', indent: true, runs: [{ text: '附件：' + reportTitle(r), role: 'body' }] });
  out.push({ kind: 'signature', office: c.signer, date: chineseDate(c.date) ?? c.date });
  out.push({ kind: 'pageBreak' });
  return out.map(printableBlock);
}

/** A printed figure: integers as they are, money with up to four decimals; null prints empty. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (Number.isInteger(v)) return String(v);
  return String(Math.round(v * 10000) / 10000);
}

export function cellText(t: TableTemplate, data: Record<string, unknown> | null, ref: { row: string; col: string }): string {
  return data ? formatValue(readCell(t, data, ref)) : '';
}

/** The printed grid resolved into positioned cells: row, column, spans, text, header flag. */
export interface PlacedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  header: boolean;
  value: boolean;
}

export interface PlacedTable {
  template: TableTemplate;
  cells: PlacedCell[];
  rows: number;
  cols: number;
  /** Row roles, from the template. */
  roles: ('header' | 'block' | 'body')[];
  /** Leading header rows: repeated after a page break. */
  headerRows: number;
}

/** Places every grid cell at its column, skipping columns covered by row spans from above. */
export function placeTable(t: TableTemplate, data: Record<string, unknown> | null): PlacedTable {
  const cells: PlacedCell[] = [];
  const covered: boolean[][] = t.grid.map(() => new Array<boolean>(t.gridColumns).fill(false));
  t.grid.forEach((row, r) => {
    let c = 0;
    for (const g of row.cells) {
      while (c < t.gridColumns && covered[r]![c]) c++;
      const rowSpan = g.rowSpan ?? 1;
      const colSpan = g.colSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (covered[r + dr]) covered[r + dr]![c + dc] = true;
      cells.push({
        row: r,
        col: c,
        rowSpan,
        colSpan,
        text: g.type === 'label' ? g.text : cellText(t, data, g.ref),
        header: g.type === 'label' && !!g.header,
        value: g.type === 'value',
      });
      c += colSpan;
    }
  });
  let headerRows = 0;
  while (headerRows < t.grid.length && t.grid[headerRows]!.role === 'header') headerRows++;
  return { template: t, cells, rows: t.grid.length, cols: t.gridColumns, roles: t.grid.map((g) => g.role), headerRows };
}
