import { z } from 'zod';
import { ReportIdSchema, SettingsSchema } from '../../shared/api.js';
import type { ReportMeta, Settings } from '../../shared/api.js';
import { ReportSchema } from '../../shared/model/report.js';
import type { Report } from '../../shared/model/report.js';
import { reportTitle } from '../../shared/model/title.js';
import { NewerVersionError } from './durable-file.js';

/**
 * What the store keeps on disk. Every file carries `storeVersion`; `migrate*` bring an older
 * file up to STORE_VERSION before it is validated. Version 0 is a file without the field: a
 * bare report (e.g. an interchange file copied into reports/ by hand) or bare settings.
 */
export const STORE_VERSION = 1;

export const FindingsCountSchema = z.object({ errors: z.number().int().min(0), warnings: z.number().int().min(0), infos: z.number().int().min(0) });

export const ReportMetaSchema = z.object({
  id: ReportIdSchema,
  title: z.string().max(1000),
  officeName: z.string().max(1000).nullable(),
  year: z.number().int().nullable(),
  format: z.enum(['2021', '2019']),
  createdAt: z.string().min(1).max(40),
  updatedAt: z.string().min(1).max(40),
  revision: z.number().int().min(1),
  deletedAt: z.string().max(40).nullable(),
  basedOn: z.string().max(100).nullable(),
  importedFrom: z.string().max(1000).nullable(),
  findings: FindingsCountSchema.nullable(),
}) satisfies z.ZodType<ReportMeta>;

export interface ReportDoc {
  storeVersion: number;
  meta: ReportMeta;
  report: Report;
}

const ReportDocSchema = z.object({ storeVersion: z.literal(STORE_VERSION), meta: ReportMetaSchema, report: ReportSchema });

export interface SettingsDoc {
  storeVersion: number;
  settings: Settings;
}
const SettingsDocSchema = z.object({ storeVersion: z.literal(STORE_VERSION), settings: SettingsSchema });

export interface IndexDoc {
  storeVersion: number;
  /** Names the journal (`index.<generation>.log`) holding the changes made since this snapshot. */
  generation: number;
  reports: Record<string, ReportMeta>;
}
const IndexDocSchema = z.object({ storeVersion: z.literal(STORE_VERSION), generation: z.number().int().min(0), reports: z.record(z.string(), ReportMetaSchema) });

export const DEFAULT_SETTINGS: Settings = { office: {}, deadline: '01-31' };

function versionOf(path: string, raw: unknown): number {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
  const v = (raw as { storeVersion?: unknown }).storeVersion;
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error('bad storeVersion');
  if (v > STORE_VERSION) throw new NewerVersionError(path, v);
  return v;
}

/** The list entry of a report, derived from its content. */
export function metaFromReport(id: string, report: Report, base: Partial<ReportMeta> & { createdAt: string; updatedAt: string; revision: number }): ReportMeta {
  return {
    id,
    title: reportTitle(report),
    officeName: report.office.name?.trim() ? report.office.name.trim() : null,
    year: report.year,
    format: report.format,
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
    revision: base.revision,
    deletedAt: base.deletedAt ?? null,
    basedOn: report.provenance?.basedOn?.reportId ?? null,
    importedFrom: report.provenance?.importedFrom?.fileName ?? null,
    findings: base.findings ?? null,
  };
}

/** Reads a report file (current or revision) of report `id`; throws when it does not belong to it. */
export function decodeReportDoc(path: string, id: string, raw: unknown, fileTime: () => string): ReportDoc {
  let doc = raw;
  if (versionOf(path, raw) === 0) {
    // A bare report: wrap it, deriving the list entry from its content.
    const report = ReportSchema.parse(raw);
    const t = fileTime();
    doc = { storeVersion: 1, meta: metaFromReport(id, report, { createdAt: t, updatedAt: t, revision: 1 }), report };
  }
  const parsed = ReportDocSchema.parse(doc);
  if (parsed.meta.id !== id) throw new Error(`file belongs to report ${parsed.meta.id}, not ${id}`);
  return parsed;
}

export function decodeSettingsDoc(path: string, raw: unknown): SettingsDoc {
  const v = versionOf(path, raw);
  const doc = v === 0 ? { storeVersion: 1, settings: raw } : raw;
  return SettingsDocSchema.parse(doc);
}

export function decodeIndexDoc(path: string, raw: unknown): IndexDoc {
  versionOf(path, raw);
  return IndexDocSchema.parse(raw);
}

/** Only the list entry of a report file, for rebuilding the index quickly (the report is validated when opened). */
export function decodeMetaOnly(path: string, id: string, raw: unknown): ReportMeta {
  const v = versionOf(path, raw);
  if (v === 0) return decodeReportDoc(path, id, raw, () => new Date().toISOString()).meta;
  const meta = ReportMetaSchema.parse((raw as { meta?: unknown }).meta);
  if (meta.id !== id) throw new Error(`file belongs to report ${meta.id}, not ${id}`);
  return meta;
}
