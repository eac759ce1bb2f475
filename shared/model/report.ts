import { z } from 'zod';
import { getTemplate } from '../templates/index.js';
import type { FormatId, TableTemplate } from '../templates/index.js';

/**
 * The report, defined once. The same schema validates IPC arguments, stored files and
 * imported interchange JSON (`nianbao/1`, spec/format.md). `null` always means "not present /
 * not recognised", which is different from 0.
 */

export const SCHEMA_ID = 'nianbao/1';

const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const CellValueSchema = z.number().finite().nullable();
export type CellValue = z.infer<typeof CellValueSchema>;

export const OfficeSchema = z.object({
  /** 机关名称, e.g. 中宁县恩和镇人民政府 */
  name: optionalText(200),
  /** 所属县区 */
  county: optionalText(200),
  address: optionalText(400),
  postcode: optionalText(20),
  phone: optionalText(100),
  email: optionalText(200),
  website: optionalText(400),
});
export type Office = z.infer<typeof OfficeSchema>;

export const PartSchema = z.object({
  /** （一）主动公开方面; empty for a plain paragraph block (the section's introduction). */
  heading: text(500),
  text: text(200_000),
});
export type Part = z.infer<typeof PartSchema>;

/**
 * A prose section as sub-parts. Interchange writes 五 and 六 as plain strings (format.md);
 * a string is read as parts by `partsFromText`.
 */
export const ProseSchema = z.union([text(400_000), z.array(PartSchema).max(200)]).transform((v) => (typeof v === 'string' ? partsFromText(v) : v));
export type Prose = Part[];

const SUBHEADING = /^\s*[（(][一二三四五六七八九十]{1,3}[）)][^\n]{0,60}$/;

/** Splits text into parts at lines that are sub-part headings of their own (（一）存在的问题). */
export function partsFromText(s: string): Part[] {
  const lines = s.replace(/\r\n?/g, '\n').split('\n');
  const parts: Part[] = [];
  let cur: Part = { heading: '', text: '' };
  const push = () => {
    if (cur.heading !== '' || cur.text.trim() !== '') parts.push({ heading: cur.heading, text: cur.text.replace(/^\n+|\n+$/g, '') });
  };
  for (const line of lines) {
    if (SUBHEADING.test(line) && !/[。；]./.test(line.trim())) {
      push();
      cur = { heading: line.trim(), text: '' };
    } else {
      cur.text += (cur.text ? '\n' : '') + line;
    }
  }
  push();
  return parts;
}

/** Inverse of partsFromText: headings on lines of their own. */
export function partsToText(parts: Part[]): string {
  return parts
    .map((p) => (p.heading ? (p.text ? `${p.heading}\n${p.text}` : p.heading) : p.text))
    .filter((s) => s !== '')
    .join('\n');
}

export const SectionsSchema = z.object({
  overview: ProseSchema,
  problems: ProseSchema,
  other: ProseSchema,
});

/** A row is null when the document does not contain it (a table cut off part-way). */
const row = (n: number) => z.array(CellValueSchema).length(n).nullable();
export const ActiveTableSchema = z.record(z.string(), z.record(z.string(), CellValueSchema).nullable());
export const ApplicationsTableSchema = z.record(z.string(), row(7));
export const ReviewsTableSchema = z.record(z.string(), row(5));
export type ActiveTable = z.infer<typeof ActiveTableSchema>;
export type ArrayTable = Record<string, CellValue[] | null>;

export const TablesSchema = z.object({
  active: ActiveTableSchema.nullable(),
  applications: ApplicationsTableSchema.nullable(),
  reviews: ReviewsTableSchema.nullable(),
});
export type Tables = z.infer<typeof TablesSchema>;

export const HeadingsSchema = z.object({
  overview: optionalText(200),
  active: optionalText(200),
  applications: optionalText(200),
  reviews: optionalText(200),
  problems: optionalText(200),
  other: optionalText(200),
});

/** 上报函: the cover letter to the county that real offices attach. */
export const CoverSchema = z.object({
  docNumber: optionalText(100),
  addressee: optionalText(200),
  body: optionalText(20_000),
  signer: optionalText(200),
  date: optionalText(40),
});
export type Cover = z.infer<typeof CoverSchema>;

export const ProvenanceSchema = z.object({
  importedFrom: z
    .object({ fileName: text(500), kind: z.enum(['nianbao', 'docx', 'doc', 'pdf', 'html', 'text']), at: text(40) })
    .nullable()
    .optional(),
  /** The report this one was started from with 以此为基础新建下一年度报告. */
  basedOn: z.object({ reportId: text(100).nullable(), year: z.number().int().nullable(), title: optionalText(300) }).nullable().optional(),
  /** Notes left by conversions (2019 → 2021) and next-year, for the clerk to read. */
  notes: z.array(text(2000)).max(500).optional(),
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const YearSchema = z.number().int().min(1990).max(2200);

export const ReportSchema = z
  .object({
    schema: z.literal(SCHEMA_ID).default(SCHEMA_ID),
    format: z.enum(['2021', '2019']),
    year: YearSchema.nullable(),
    /** As written in the document; null: the standard title `<office><year>年政府信息公开工作年度报告`. */
    title: optionalText(300),
    office: OfficeSchema.default({}),
    /** 成文日期 */
    issuedOn: z.string().regex(DATE).nullable().default(null),
    preamble: text(100_000).nullable().default(null),
    sections: SectionsSchema.default({ overview: [], problems: [], other: [] }),
    /** The six headings as written, where they differ from the national wording. */
    headings: HeadingsSchema.optional(),
    /** 发文机关署名 under 六; null: the office name. */
    signature: optionalText(200),
    tables: TablesSchema,
    cover: CoverSchema.nullable().optional(),
    provenance: ProvenanceSchema.optional(),
  })
  .superRefine((r, ctx) => {
    for (const issue of tableShapeIssues(r.format, r.tables)) ctx.addIssue({ code: 'custom', message: issue.message, path: ['tables', ...issue.path] });
  });

export type Report = z.output<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;

/** Each table holds exactly the rows and columns of its template. */
export function tableShapeIssues(format: FormatId, tables: Tables): { path: string[]; message: string }[] {
  const out: { path: string[]; message: string }[] = [];
  const tpl = getTemplate(format).tables;
  for (const id of ['active', 'applications', 'reviews'] as const) {
    const data = tables[id] as Record<string, unknown> | null;
    if (data === null) continue;
    const t: TableTemplate = tpl[id];
    const want = new Set(t.rows.map((r) => r.code));
    for (const key of Object.keys(data)) if (!want.has(key)) out.push({ path: [id, key], message: `${t.caption}没有“${key}”这一行（${format}年格式）` });
    for (const r of t.rows) {
      const v = data[r.code];
      if (v === undefined) {
        out.push({ path: [id, r.code], message: `${t.caption}缺少“${r.shortLabel}”这一行` });
        continue;
      }
      if (v !== null && t.storage === 'object') {
        const obj = v as Record<string, unknown>;
        const cols = new Set(r.cells.map((c) => c.col));
        for (const c of r.cells) if (!(c.col in obj)) out.push({ path: [id, r.code, c.col], message: `${t.caption}“${r.shortLabel}”缺少“${c.label}”` });
        for (const k of Object.keys(obj)) if (!cols.has(k)) out.push({ path: [id, r.code, k], message: `${t.caption}“${r.shortLabel}”没有“${k}”这一栏` });
      }
    }
  }
  return out;
}
