import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import { ApiError, SettingsSchema } from '../../shared/api.js';
import type { OpenedReport, RecoveryNotice, ReportMeta, RevisionInfo, Settings } from '../../shared/api.js';
import { blankReport } from '../../shared/model/blank.js';
import { describeIssues } from '../../shared/model/interchange.js';
import { generatePreamble } from '../../shared/model/preamble.js';
import { ReportSchema } from '../../shared/model/report.js';
import type { Report } from '../../shared/model/report.js';
import type { FormatId } from '../../shared/templates/index.js';
import type { ReportStoreApi } from '../context.js';
import { DamagedFileError, decodeJsonText, DurableJsonFile, errnoCode, fsyncDir, moveAside, NewerVersionError, renameRetrying, tempFileOwner, tempPathFor } from './durable-file.js';
import type { DamageReason } from './durable-file.js';
import { notFound, toApiError } from './errors.js';
import { isProcessAlive } from './lock.js';
import { ReportIndex } from './report-index.js';
import { parseRevisionFileName, planThinning, revisionFileName } from './revisions.js';
import type { RevisionEntry } from './revisions.js';
import { DEFAULT_SETTINGS, decodeMetaOnly, decodeReportDoc, decodeSettingsDoc, metaFromReport, STORE_VERSION } from './schemas.js';
import type { ReportDoc, SettingsDoc } from './schemas.js';

/**
 * The durable local store. Layout of the data folder:
 *
 *   settings.json                     the office profile (lowdb)
 *   index.json, index.<n>.log         the list of reports: snapshot + journal (report-index.ts)
 *   reports/<id>.json                 the current version of each report, with its list entry (lowdb)
 *   revisions/<id>/r000012-<time>.json  every save, thinned (revisions.ts); hard links to report files
 *   nianbao.lock                      the writer lock (lock.ts), taken by the caller
 *
 * A save writes one temp file, fsyncs it, links it as the new revision, appends the list entry
 * to the journal, renames it over the report file and fsyncs the folders: its cost does not
 * depend on how many reports there are. Every operation runs one at a time.
 */

export interface OpenStoreOptions {
  /** Never writes (no recovery moves, no journal): for `nianbao list` and other readers without the lock. */
  readOnly?: boolean;
  now?: () => Date;
  /** Journal lines before the list snapshot is rewritten (tests make it small to crash mid-compaction). */
  compactAfter?: number;
}

const REPORT_FILE = /^([a-z0-9-]{6,64})\.json$/;
const ID_DIR = /^[a-z0-9-]{6,64}$/;

const REASON_TEXT: Record<DamageReason, string> = {
  empty: '文件是空的',
  not_json: '文件内容不完整，无法读取',
  invalid: '文件内容不符合报告的格式',
};

function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class NianbaoStore implements ReportStoreApi {
  /** Recoveries at open (settings, index) the UI may show once. */
  readonly notices: RecoveryNotice[] = [];
  private readonly reportsDir: string;
  private readonly revisionsDir: string;
  private readonly readOnly: boolean;
  private readonly now: () => Date;
  private readonly compactAfter: number | undefined;
  private index!: ReportIndex;
  private settings: Settings = DEFAULT_SETTINGS;
  private settingsLow!: Low<SettingsDoc | null>;
  private readonly lows = new Map<string, Low<ReportDoc | null>>();
  private readonly revs = new Map<string, RevisionEntry[]>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Revision files being removed in the background (thin). */
  private readonly removals = new Set<Promise<void>>();

  constructor(
    readonly dataDir: string,
    opts: OpenStoreOptions = {},
  ) {
    this.reportsDir = join(dataDir, 'reports');
    this.revisionsDir = join(dataDir, 'revisions');
    this.readOnly = opts.readOnly ?? false;
    this.now = opts.now ?? (() => new Date());
    this.compactAfter = opts.compactAfter;
  }

  // ── opening ──────────────────────────────────────────────────────────────────────────────

  async open(): Promise<this> {
    try {
      if (!this.readOnly) {
        await fsp.mkdir(this.reportsDir, { recursive: true });
        await fsp.mkdir(this.revisionsDir, { recursive: true });
        await this.removeDeadTemps(this.dataDir);
        await this.removeDeadTemps(this.reportsDir);
      }
      await this.loadSettings();
      this.index = await ReportIndex.load(this.dataDir, this.readOnly, this.compactAfter);
      await this.reconcile();
      return this;
    } catch (e) {
      throw toApiError(e, this.dataDir);
    }
  }

  /** Temp files of a writer that was killed mid-save; the old file beside each is intact. */
  private async removeDeadTemps(dir: string): Promise<void> {
    for (const name of await readdirOrEmpty(dir)) {
      const pid = tempFileOwner(name);
      if (pid !== null && pid !== process.pid && !isProcessAlive(pid)) await fsp.rm(join(dir, name), { force: true });
    }
  }

  private async loadSettings(): Promise<void> {
    const path = join(this.dataDir, 'settings.json');
    this.settingsLow = new Low<SettingsDoc | null>(new DurableJsonFile<SettingsDoc | null>(path, { decode: (raw) => decodeSettingsDoc(path, raw) }), null);
    try {
      await this.settingsLow.read();
      if (this.settingsLow.data) this.settings = this.settingsLow.data.settings;
    } catch (e) {
      if (!(e instanceof DamagedFileError)) throw e;
      const moved = this.readOnly ? e.path : await moveAside(e.path);
      this.settings = DEFAULT_SETTINGS;
      this.notices.push({
        damagedFile: moved,
        restoredRevision: null,
        message: `设置文件已损坏（${REASON_TEXT[e.reason]}），原文件已原样移到：${moved}。机关信息已恢复为空白，请在“设置”中重新填写机关名称等信息。`,
      });
    }
  }

  /** Brings the index in line with the report files after a crash, a lost index or files copied in by hand. */
  private async reconcile(): Promise<void> {
    const fileIds = new Set<string>();
    for (const name of await readdirOrEmpty(this.reportsDir)) {
      const m = REPORT_FILE.exec(name);
      if (m) fileIds.add(m[1]);
    }
    if (this.index.needsRebuild) {
      const revIds = (await readdirOrEmpty(this.revisionsDir)).filter((n) => ID_DIR.test(n));
      const metas: ReportMeta[] = [];
      for (const id of new Set([...fileIds, ...revIds])) {
        const meta = await this.metaFromDisk(id, fileIds.has(id));
        if (meta) metas.push(meta);
      }
      await this.index.replaceAll(metas);
      if (this.index.damagedPath) {
        this.notices.push({
          damagedFile: this.index.damagedPath,
          restoredRevision: null,
          message: `报告目录文件已损坏，原文件已原样移到：${this.index.damagedPath}。已根据各报告文件重新建立目录（共 ${metas.length} 份报告），报告内容不受影响。`,
        });
      }
      return;
    }
    for (const id of fileIds) {
      if (this.index.get(id)) continue;
      const meta = await this.metaFromDisk(id, true);
      if (meta) await this.putMeta(meta);
    }
    for (const id of [...this.index.metas.keys()]) {
      if (fileIds.has(id)) continue;
      // The report file is gone: getReport restores it from its revisions if there are any.
      if ((await this.revisions(id)).length === 0) {
        this.index.metas.delete(id);
        if (!this.readOnly) await this.index.remove(id);
      }
    }
    // A crash between the journal line and the rename leaves the entry one save ahead of the file.
    for (const id of this.index.touched) {
      if (!fileIds.has(id)) continue;
      const meta = await this.metaFromDisk(id, true);
      if (meta && !sameJson(meta, this.index.get(id))) await this.putMeta(meta);
    }
  }

  private async putMeta(meta: ReportMeta): Promise<void> {
    if (this.readOnly) this.index.metas.set(meta.id, meta);
    else await this.index.put(meta);
  }

  /**
   * The list entry of a report from its file, else from its newest readable revision. A file of
   * a newer Nianbao is left out of the list (getReport would refuse it) rather than stopping the
   * whole store from opening.
   */
  private async metaFromDisk(id: string, hasFile: boolean): Promise<ReportMeta | null> {
    try {
      return await this.metaFromFiles(id, hasFile);
    } catch (e) {
      if (e instanceof NewerVersionError) return null;
      throw e;
    }
  }

  private async metaFromFiles(id: string, hasFile: boolean): Promise<ReportMeta | null> {
    if (hasFile) {
      const path = this.reportPath(id);
      try {
        const text = await fsp.readFile(path, 'utf8');
        return decodeJsonText(path, text, (raw) => decodeMetaOnly(path, id, raw));
      } catch (e) {
        if (!(e instanceof DamagedFileError) && errnoCode(e) !== 'ENOENT') throw e;
      }
    }
    const revs = await this.revisions(id);
    for (let i = revs.length - 1; i >= 0; i--) {
      try {
        const path = revs[i].file;
        return decodeJsonText(path, await fsp.readFile(path, 'utf8'), (raw) => decodeMetaOnly(path, id, raw));
      } catch (e) {
        if (!(e instanceof DamagedFileError) && errnoCode(e) !== 'ENOENT') throw e;
      }
    }
    return null;
  }

  // ── files ────────────────────────────────────────────────────────────────────────────────

  private reportPath(id: string): string {
    return join(this.reportsDir, `${id}.json`);
  }

  private revisionDir(id: string): string {
    return join(this.revisionsDir, id);
  }

  private reportLow(id: string): Low<ReportDoc | null> {
    let low = this.lows.get(id);
    if (!low) {
      const path = this.reportPath(id);
      const adapter = new DurableJsonFile<ReportDoc | null>(
        path,
        {
          decode: (raw) => decodeReportDoc(path, id, raw, () => this.now().toISOString()),
          encode: (d) => JSON.stringify(d) + '\n',
        },
        { beforeRename: (tmp, doc) => this.beforeReportRename(id, tmp, doc) },
      );
      low = new Low<ReportDoc | null>(adapter, null);
      this.lows.set(id, low);
    }
    return low;
  }

  /**
   * Between "temp file on disk" and "rename over the report file": keep the revision (a hard
   * link to the same bytes, or a copy where the file system has no links), then journal the
   * list entry. A crash before the rename leaves the old report file and a complete revision.
   */
  private async beforeReportRename(id: string, tmp: string, doc: ReportDoc | null): Promise<void> {
    if (!doc) return;
    const revs = await this.revisions(id);
    if (!revs.some((r) => r.revision === doc.meta.revision)) {
      const dir = this.revisionDir(id);
      const fresh = revs.length === 0;
      if (fresh) await fsp.mkdir(dir, { recursive: true });
      const file = join(dir, revisionFileName(doc.meta.revision, new Date(doc.meta.updatedAt)));
      await linkOrCopy(tmp, file);
      // No fsync of this folder on every save: the fsync of reports/ after the rename commits
      // the file system's journal, link included (ext4); elsewhere a power cut can at worst
      // lose the newest revision's name, never the report file.
      if (fresh) await fsyncDir(this.revisionsDir);
      revs.push({ revision: doc.meta.revision, savedAt: new Date(doc.meta.updatedAt).toISOString(), file });
    }
    await this.index.put(doc.meta);
  }

  /** The revisions of a report, oldest first (read once, then kept up to date). */
  private async revisions(id: string): Promise<RevisionEntry[]> {
    let list = this.revs.get(id);
    if (!list) {
      const dir = this.revisionDir(id);
      list = [];
      for (const name of await readdirOrEmpty(dir)) {
        const r = parseRevisionFileName(name);
        if (r) list.push({ ...r, file: join(dir, name) });
      }
      list.sort((a, b) => a.revision - b.revision);
      this.revs.set(id, list);
    }
    return list;
  }

  /**
   * Drops thinned-out revisions from the list at once; their files are removed after the save has
   * returned (freeing blocks was the slowest step of a save under load). Nothing reads a revision
   * that is no longer listed, and a crash before the files are gone only leaves extra revisions,
   * which the next thinning removes. close() waits for the removals.
   */
  private async thin(id: string): Promise<void> {
    const list = await this.revisions(id);
    const drop = new Set(planThinning(list, this.now()));
    if (drop.size === 0) return;
    this.revs.set(id, list.filter((r) => !drop.has(r)));
    for (const r of drop) {
      const removal: Promise<void> = fsp
        .unlink(r.file)
        .catch(() => undefined) // already gone, or not removable now: thinned again next time
        .finally(() => this.removals.delete(removal));
      this.removals.add(removal);
    }
  }

  private async writeDoc(doc: ReportDoc): Promise<void> {
    if (this.readOnly) throw new ApiError('forbidden', '当前以只读方式打开数据文件夹，不能保存。');
    const low = this.reportLow(doc.meta.id);
    low.data = doc;
    try {
      await low.write();
    } catch (e) {
      // What is on disk is unknown to this process now: read it again next time.
      low.data = null;
      this.revs.delete(doc.meta.id);
      throw e;
    }
    await this.thin(doc.meta.id);
    await this.index.maybeCompact();
  }

  /** The current report file; a damaged or missing one is replaced by the newest good revision. */
  private async loadDoc(id: string): Promise<{ doc: ReportDoc; recovery?: RecoveryNotice }> {
    const low = this.reportLow(id);
    if (low.data) return { doc: low.data };
    let damaged: DamagedFileError | null = null;
    try {
      await low.read();
    } catch (e) {
      if (!(e instanceof DamagedFileError)) throw e;
      damaged = e;
    }
    if (low.data) return { doc: low.data };
    return this.recover(id, damaged);
  }

  private async recover(id: string, damaged: DamagedFileError | null): Promise<{ doc: ReportDoc; recovery: RecoveryNotice }> {
    const path = this.reportPath(id);
    const movedTo = damaged ? (this.readOnly ? path : await moveAside(path)) : null;
    const revs = await this.revisions(id);
    let good: ReportDoc | null = null;
    for (let i = revs.length - 1; i >= 0 && !good; i--) {
      const r = revs[i];
      try {
        good = decodeJsonText(r.file, await fsp.readFile(r.file, 'utf8'), (raw) => decodeReportDoc(r.file, id, raw, () => r.savedAt));
      } catch (e) {
        if (!(e instanceof DamagedFileError) && errnoCode(e) !== 'ENOENT') throw e;
        // The newest revision is often the same bytes as the damaged report file (a hard link).
        if (e instanceof DamagedFileError && !this.readOnly) await moveAside(r.file);
        revs.splice(i, 1);
      }
    }
    const what = damaged ? `报告文件已损坏（${REASON_TEXT[damaged.reason]}），原文件已原样移到：${movedTo}。` : `报告文件“${basename(path)}”不见了。`;
    if (!good) {
      throw new ApiError('damaged', `${what}没有找到可用的历史版本，无法恢复这份报告。请把数据文件夹（${this.dataDir}）复制一份交给技术人员查看。`, { damagedFile: movedTo });
    }
    const restoredRevision = good.meta.revision;
    const when = localTime(good.meta.updatedAt);
    const base = this.index.get(id) ?? good.meta;
    let doc: ReportDoc = good;
    if (!this.readOnly) {
      // Written as a new revision, so the numbers of the damaged ones are never reused.
      const meta: ReportMeta = { ...good.meta, revision: this.nextRevision(base, revs), updatedAt: this.now().toISOString(), deletedAt: base.deletedAt };
      doc = { storeVersion: STORE_VERSION, meta, report: good.report };
      await this.writeDoc(doc);
    }
    const recovery: RecoveryNotice = {
      damagedFile: movedTo ?? path,
      restoredRevision,
      message: `${what}已自动载入最近一次完好的保存（第 ${restoredRevision} 版，${when}）。请核对最近的修改是否都在，缺少的请重新填写。${this.readOnly ? '（只读打开，文件未作改动。）' : ''}`,
    };
    return { doc, recovery };
  }

  private nextRevision(meta: ReportMeta, revs: RevisionEntry[]): number {
    return Math.max(meta.revision, revs.length ? revs[revs.length - 1].revision : 0) + 1;
  }

  private metaOf(id: string): ReportMeta {
    const meta = this.index.get(id);
    if (!meta) throw notFound(id);
    return meta;
  }

  // ── one operation at a time ──────────────────────────────────────────────────────────────

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run.catch((e: unknown) => {
      throw toApiError(e, this.dataDir);
    });
  }

  // ── ReportStoreApi ───────────────────────────────────────────────────────────────────────

  listReports(): Promise<ReportMeta[]> {
    return this.exclusive(async () => [...this.index.metas.values()].filter((m) => m.deletedAt === null).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)));
  }

  listTrash(): Promise<ReportMeta[]> {
    return this.exclusive(async () => [...this.index.metas.values()].filter((m) => m.deletedAt !== null).sort((a, b) => ((a.deletedAt ?? '') < (b.deletedAt ?? '') ? 1 : -1)));
  }

  getReport(id: string): Promise<OpenedReport> {
    return this.exclusive(async () => {
      this.metaOf(id);
      const { doc, recovery } = await this.loadDoc(id);
      // Copies: a caller editing what it got must not change the cached current version.
      const report = structuredClone(doc.report);
      return recovery ? { meta: this.metaOf(id), report, recovery } : { meta: this.metaOf(id), report };
    });
  }

  createReport(input: { year: number; format?: FormatId; report?: Report }): Promise<OpenedReport> {
    return this.exclusive(async () => {
      let report: Report;
      if (input.report) report = validReport(input.report);
      else {
        report = blankReport(input.year, this.settings.office, input.format ?? '2021');
        report.preamble = generatePreamble(this.settings.office, input.year);
      }
      const id = await this.newId(report.year ?? input.year);
      const now = this.now().toISOString();
      const meta = metaFromReport(id, report, { createdAt: now, updatedAt: now, revision: 1 });
      await this.writeDoc({ storeVersion: STORE_VERSION, meta, report });
      return { meta, report: structuredClone(report) };
    });
  }

  private async newId(year: number): Promise<string> {
    for (;;) {
      const id = `${year}-${randomBytes(5).toString('hex')}`;
      if (this.index.get(id)) continue;
      if ((await readdirOrEmpty(this.revisionDir(id))).length) continue;
      try {
        await fsp.access(this.reportPath(id));
      } catch {
        return id;
      }
    }
  }

  saveReport(id: string, report: Report, opts?: { findings?: ReportMeta['findings'] }): Promise<ReportMeta> {
    return this.exclusive(() => this.save(id, validReport(report), opts?.findings));
  }

  /** A save whose content equals the current one keeps its revision (autosave with no change). */
  private async save(id: string, report: Report, findings: ReportMeta['findings'] | undefined): Promise<ReportMeta> {
    const meta = this.metaOf(id);
    const { doc: cur } = await this.loadDoc(id);
    const cm = this.metaOf(id); // loadDoc may have restored a revision
    if (sameJson(cur.report, report)) {
      if (findings === undefined || sameJson(findings, cm.findings)) return cm;
      const next = { ...cm, findings };
      await this.writeDoc({ storeVersion: STORE_VERSION, meta: next, report: cur.report });
      return next;
    }
    const next = metaFromReport(id, report, {
      createdAt: meta.createdAt,
      updatedAt: this.now().toISOString(),
      revision: this.nextRevision(cm, await this.revisions(id)),
      deletedAt: cm.deletedAt,
      findings: findings === undefined ? null : findings,
    });
    await this.writeDoc({ storeVersion: STORE_VERSION, meta: next, report });
    return next;
  }

  renameReport(id: string, title: string): Promise<ReportMeta> {
    return this.exclusive(async () => {
      this.metaOf(id);
      const { doc } = await this.loadDoc(id);
      const t = title.trim();
      if (t === '') throw new ApiError('invalid_argument', '标题不能为空');
      return this.save(id, validReport({ ...doc.report, title: t }), undefined);
    });
  }

  deleteReport(id: string): Promise<ReportMeta> {
    return this.exclusive(() => this.setDeleted(id, this.now().toISOString()));
  }

  restoreReport(id: string): Promise<ReportMeta> {
    return this.exclusive(() => this.setDeleted(id, null));
  }

  /** 回收站: only the list entry changes, in the report file too (an index rebuilt from the files keeps it). */
  private async setDeleted(id: string, deletedAt: string | null): Promise<ReportMeta> {
    const meta = this.metaOf(id);
    if ((meta.deletedAt === null) === (deletedAt === null)) return meta;
    const { doc } = await this.loadDoc(id);
    const next = { ...this.metaOf(id), deletedAt };
    await this.writeDoc({ storeVersion: STORE_VERSION, meta: next, report: doc.report });
    return next;
  }

  listRevisions(id: string): Promise<RevisionInfo[]> {
    return this.exclusive(async () => {
      this.metaOf(id);
      const out: RevisionInfo[] = [];
      for (const r of [...(await this.revisions(id))].reverse()) {
        try {
          out.push({ revision: r.revision, savedAt: r.savedAt, size: (await fsp.stat(r.file)).size });
        } catch (e) {
          if (errnoCode(e) !== 'ENOENT') throw e;
        }
      }
      return out;
    });
  }

  getRevision(id: string, revision: number): Promise<Report> {
    return this.exclusive(async () => (await this.readRevision(id, revision)).report);
  }

  private async readRevision(id: string, revision: number): Promise<ReportDoc> {
    this.metaOf(id);
    const revs = await this.revisions(id);
    const r = revs.find((x) => x.revision === revision);
    if (!r) throw new ApiError('not_found', `这份报告没有第 ${revision} 版（较早的版本会按天保留一份，其余已整理掉）。`);
    try {
      return decodeJsonText(r.file, await fsp.readFile(r.file, 'utf8'), (raw) => decodeReportDoc(r.file, id, raw, () => r.savedAt));
    } catch (e) {
      if (!(e instanceof DamagedFileError)) throw e;
      const moved = this.readOnly ? r.file : await moveAside(r.file);
      revs.splice(revs.indexOf(r), 1);
      throw new ApiError('damaged', `第 ${revision} 版的文件已损坏（${REASON_TEXT[e.reason]}），已原样移到：${moved}。请选择其他版本。`, { damagedFile: moved });
    }
  }

  restoreRevision(id: string, revision: number): Promise<OpenedReport> {
    return this.exclusive(async () => {
      const old = await this.readRevision(id, revision);
      // The findings counted when that version was saved are still right for its content.
      const meta = await this.save(id, old.report, old.meta.findings);
      return { meta, report: structuredClone(old.report) };
    });
  }

  getSettings(): Promise<Settings> {
    return this.exclusive(async () => structuredClone(this.settings));
  }

  saveSettings(s: Settings): Promise<Settings> {
    return this.exclusive(async () => {
      if (this.readOnly) throw new ApiError('forbidden', '当前以只读方式打开数据文件夹，不能保存。');
      const res = SettingsSchema.safeParse(s);
      if (!res.success) throw new ApiError('invalid_argument', `设置内容不正确：${describeIssues(res.error)[0]?.message ?? ''}`);
      this.settingsLow.data = { storeVersion: STORE_VERSION, settings: res.data };
      await this.settingsLow.write();
      this.settings = res.data;
      return structuredClone(res.data);
    });
  }

  findPrevious(id: string): Promise<Report | null> {
    return this.exclusive(async () => {
      const meta = this.metaOf(id);
      if (meta.basedOn && meta.basedOn !== id && this.index.get(meta.basedOn)) {
        try {
          return structuredClone((await this.loadDoc(meta.basedOn)).doc.report);
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'damaged')) throw e;
        }
      }
      if (meta.officeName === null || meta.year === null) return null;
      const candidates = [...this.index.metas.values()]
        .filter((m) => m.id !== id && m.deletedAt === null && m.officeName === meta.officeName && m.year === meta.year! - 1)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
      for (const c of candidates) {
        try {
          return structuredClone((await this.loadDoc(c.id)).doc.report);
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'damaged')) throw e;
        }
      }
      return null;
    });
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      await Promise.all([...this.removals]);
      await this.index.close();
    });
  }
}

function validReport(r: unknown): Report {
  const res = ReportSchema.safeParse(r);
  if (res.success) return res.data;
  const first = describeIssues(res.error)[0];
  throw new ApiError('invalid_argument', `报告内容不正确${first?.path ? `（${first.path}）` : ''}：${first?.message ?? '无法识别'}`, describeIssues(res.error));
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return [];
    throw e;
  }
}

/**
 * A hard link costs no second write. FAT/exFAT USB sticks and some network shares have none
 * (the error varies: EPERM, ENOTSUP, and EISDIR for Windows' ERROR_INVALID_FUNCTION): copy there.
 */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await fsp.link(from, to);
    return;
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOSPC' || code === 'ENOENT' || code === 'EIO' || code === 'EROFS') throw e;
    if (code === 'EEXIST') {
      // A revision file of this number from a save cut short before its journal line.
      await fsp.rm(to, { force: true });
      await fsp.link(from, to);
      return;
    }
  }
  const tmp = tempPathFor(to);
  try {
    await fsp.copyFile(from, tmp);
    const fh = await fsp.open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameRetrying(tmp, to);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
