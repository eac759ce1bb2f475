import { z } from 'zod';
import type { Finding } from './findings.js';
import type { ImportResult, YearMention } from './import-types.js';
import { CoverSchema, OfficeSchema, ReportSchema, YearSchema } from './model/report.js';
import type { Office, Report } from './model/report.js';

/**
 * The one contract between the renderer and main (Electron IPC) or the browser-mode server
 * (HTTP). Method name → zod schema of its arguments → result type. Main parses every argument
 * with these schemas before a handler sees it.
 */

export const ReportIdSchema = z.string().regex(/^[a-z0-9-]{6,64}$/, '报告编号格式不对');
const Id = z.object({ id: ReportIdSchema }).strict();
const None = z.object({}).strict().optional();

export const SettingsSchema = z.object({
  office: OfficeSchema,
  /** Publishing deadline (s.deadline) as MM-DD of the year after the report's year. */
  deadline: z.string().regex(/^\d{2}-\d{2}$/).default('01-31'),
});
export type Settings = z.output<typeof SettingsSchema>;

export type ReportStatus = 'draft' | 'imported';

export interface ReportMeta {
  id: string;
  title: string;
  officeName: string | null;
  year: number | null;
  format: '2021' | '2019';
  createdAt: string;
  updatedAt: string;
  /** Number of the latest revision. */
  revision: number;
  deletedAt: string | null;
  /** The report it was started from (next year), for cross-year checks. */
  basedOn: string | null;
  importedFrom: string | null;
  /** Counts from the checker at the last save; null before the first check. */
  findings: { errors: number; warnings: number; infos: number } | null;
}

export interface RevisionInfo {
  revision: number;
  savedAt: string;
  size: number;
}

/** Told to the user when a damaged file was moved aside and the last good revision loaded. */
export interface RecoveryNotice {
  damagedFile: string;
  restoredRevision: number | null;
  message: string;
}

export interface OpenedReport {
  meta: ReportMeta;
  report: Report;
  recovery?: RecoveryNotice;
}

export type ExportKind = 'pdf' | 'docx' | 'html' | 'htmlFragment';

export interface ExportResult {
  fileName: string;
  mime: string;
  dataBase64: string;
  /** Characters no available font has (PDF): reported before export, never printed as boxes. */
  missingChars: string[];
  pages?: number;
}

export interface AppInfo {
  host: 'electron' | 'browser';
  version: string;
  dataDir: string;
  /** Files found damaged and moved aside when the store opened (settings, index): shown once at start. */
  notices?: RecoveryNotice[];
}

const ExportArgs = z
  .object({
    id: ReportIdSchema.optional(),
    report: ReportSchema.optional(),
    kind: z.enum(['pdf', 'docx', 'html', 'htmlFragment']),
    cover: CoverSchema.nullable().optional(),
  })
  .strict()
  .refine((a) => a.id !== undefined || a.report !== undefined, { message: '需要报告编号或报告内容' });

/** 200 MB of file, base64. The importer caps the size itself with a clearer message. */
const MAX_IMPORT_BASE64 = Math.ceil((200 * 1024 * 1024 * 4) / 3) + 4;

function method<A extends z.ZodType, R>(args: A) {
  return { args, result: undefined as unknown as R };
}

export const API = {
  getAppInfo: method<typeof None, AppInfo>(None),
  listReports: method<typeof None, ReportMeta[]>(None),
  listTrash: method<typeof None, ReportMeta[]>(None),
  getReport: method<typeof Id, OpenedReport>(Id),
  createReport: method<z.ZodType<{ year: number; format?: '2021' | '2019'; report?: z.input<typeof ReportSchema> }>, OpenedReport>(
    z.object({ year: YearSchema, format: z.enum(['2021', '2019']).optional(), report: ReportSchema.optional() }).strict(),
  ),
  saveReport: method<z.ZodType<{ id: string; report: z.input<typeof ReportSchema> }>, ReportMeta>(
    z.object({ id: ReportIdSchema, report: ReportSchema }).strict(),
  ),
  renameReport: method<z.ZodType<{ id: string; title: string }>, ReportMeta>(
    z.object({ id: ReportIdSchema, title: z.string().trim().min(1, '标题不能为空').max(300) }).strict(),
  ),
  deleteReport: method<typeof Id, ReportMeta>(Id),
  restoreReport: method<typeof Id, ReportMeta>(Id),
  listRevisions: method<typeof Id, RevisionInfo[]>(Id),
  getRevision: method<z.ZodType<{ id: string; revision: number }>, Report>(
    z.object({ id: ReportIdSchema, revision: z.number().int().min(1) }).strict(),
  ),
  restoreRevision: method<z.ZodType<{ id: string; revision: number }>, OpenedReport>(
    z.object({ id: ReportIdSchema, revision: z.number().int().min(1) }).strict(),
  ),
  getSettings: method<typeof None, Settings>(None),
  saveSettings: method<z.ZodType<z.input<typeof SettingsSchema>>, Settings>(SettingsSchema),

  // Import (issue 3)
  importFile: method<z.ZodType<{ fileName: string; dataBase64: string }>, ImportResult>(
    z.object({ fileName: z.string().min(1).max(500), dataBase64: z.string().max(MAX_IMPORT_BASE64, '文件超过 200 MB，无法导入') }).strict(),
  ),
  nextYear: method<typeof Id, OpenedReport & { mentions: YearMention[] }>(Id),

  // Checker (issue 4)
  checkReport: method<z.ZodType<{ report: z.input<typeof ReportSchema>; id?: string }>, Finding[]>(
    z.object({ report: ReportSchema, id: ReportIdSchema.optional() }).strict(),
  ),
  /** Last year's report of the same office, for the cross-year rules the editor runs live. */
  getPreviousReport: method<typeof Id, Report | null>(Id),

  // Export (issue 6)
  exportReport: method<typeof ExportArgs, ExportResult>(ExportArgs),
  /** Electron only: save dialog, then writes the file. Browser mode downloads instead. */
  saveFile: method<z.ZodType<{ suggestedName: string; dataBase64: string }>, { path: string | null }>(
    z.object({ suggestedName: z.string().min(1).max(300), dataBase64: z.string() }).strict(),
  ),
  /** Electron only: 打开所在文件夹. */
  showInFolder: method<z.ZodType<{ path: string }>, null>(z.object({ path: z.string().min(1).max(4000) }).strict()),
  /** Electron only: a hidden window loads the PDF and opens the system print dialog. */
  printPdf: method<z.ZodType<{ dataBase64: string }>, null>(z.object({ dataBase64: z.string() }).strict()),
} as const;

export type ApiMethod = keyof typeof API;
export const API_METHODS = Object.keys(API) as ApiMethod[];

type Contract = typeof API;
export type ApiArgs<M extends ApiMethod> = z.input<Contract[M]['args']>;
export type ApiParsedArgs<M extends ApiMethod> = z.output<Contract[M]['args']>;
export type ApiResult<M extends ApiMethod> = Contract[M]['result'];

export type ApiErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'locked'
  | 'damaged'
  | 'io'
  | 'import_failed'
  | 'unsupported'
  | 'forbidden'
  | 'internal';

export interface ApiErrorShape {
  code: ApiErrorCode;
  /** Chinese, says what happened and what to do. */
  message: string;
  details?: unknown;
}

export type ApiResponse<R> = { ok: true; value: R } | { ok: false; error: ApiErrorShape };

/** Thrown by handlers and by clients; crosses the boundary as ApiErrorShape. */
export class ApiError extends Error {
  constructor(
    public readonly code: ApiErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toShape(): ApiErrorShape {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

/** What main implements, once, for both Electron IPC and the HTTP server. */
export type ApiHandlers = { [M in ApiMethod]: (args: ApiParsedArgs<M>) => Promise<ApiResult<M>> };

/** What the renderer calls; the same shape over IPC and HTTP. Rejects with ApiError. */
export type ApiClient = {
  [M in ApiMethod]: undefined extends ApiArgs<M> ? (args?: ApiArgs<M>) => Promise<ApiResult<M>> : (args: ApiArgs<M>) => Promise<ApiResult<M>>;
};

/** Validates raw arguments of a method; throws ApiError('invalid_argument') with a Chinese message. */
export function parseArgs<M extends ApiMethod>(m: M, raw: unknown): ApiParsedArgs<M> {
  const res = API[m].args.safeParse(raw === null ? undefined : raw);
  if (!res.success) {
    const first = res.error.issues[0];
    const where = first && first.path.length ? `（${first.path.join('.')}）` : '';
    throw new ApiError('invalid_argument', `请求参数不正确${where}：${first?.message ?? '无法识别'}`, res.error.issues.slice(0, 20));
  }
  return res.data as ApiParsedArgs<M>;
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(API, name);
}

/** The IPC channel of a method. Only the typed wrappers use it. */
export const IPC_CHANNEL_PREFIX = 'nianbao:';

export type { Office, Report };
