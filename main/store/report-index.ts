import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { ReportMeta } from '../../shared/api.js';
import { DamagedFileError, DurableJsonFile, errnoCode, moveAside } from './durable-file.js';
import { decodeIndexDoc, ReportMetaSchema, STORE_VERSION } from './schemas.js';
import type { IndexDoc } from './schemas.js';

/**
 * The list of reports, kept small and cheap to save: a snapshot (`index.json`, lowdb) plus a
 * journal (`index.<generation>.log`, one JSON line per change). A save appends one line
 * instead of rewriting the entries of every report; the snapshot is rewritten only when the
 * journal grows long and when the store closes. The index is a cache: every report file
 * carries its own entry, so a lost or damaged index is rebuilt from the report files.
 */

export const INDEX_FILE = 'index.json';
export const COMPACT_AFTER = 1000;
const LOG_NAME = /^index\.(\d+)\.log$/;

type LogRecord = ReportMeta | { removed: string };

export class ReportIndex {
  readonly metas = new Map<string, ReportMeta>();
  /** Ids changed in the journal: their entries may be one save ahead of, or behind, their files after a crash. */
  readonly touched = new Set<string>();
  /** True when there was no usable snapshot: the caller rebuilds from the report files. */
  needsRebuild = false;
  /** Where a damaged index.json was moved (null: none, or read-only). */
  damagedPath: string | null = null;
  private generation = 0;
  private records = 0;
  private log: fsp.FileHandle | null = null;
  private readonly low: Low<IndexDoc | null>;

  private constructor(
    private readonly dir: string,
    private readonly readOnly: boolean,
    private readonly compactAfter: number,
  ) {
    const path = join(dir, INDEX_FILE);
    this.low = new Low<IndexDoc | null>(new DurableJsonFile<IndexDoc | null>(path, { decode: (raw) => decodeIndexDoc(path, raw), encode: (d) => JSON.stringify(d) + '\n' }), null);
  }

  static async load(dir: string, readOnly: boolean, compactAfter = COMPACT_AFTER): Promise<ReportIndex> {
    const idx = new ReportIndex(dir, readOnly, compactAfter);
    await idx.readSnapshot();
    await idx.replayJournal();
    return idx;
  }

  private get logPath(): string {
    return join(this.dir, `index.${this.generation}.log`);
  }

  private async readSnapshot(): Promise<void> {
    try {
      await this.low.read();
    } catch (e) {
      if (!(e instanceof DamagedFileError)) throw e;
      this.damagedPath = this.readOnly ? e.path : await moveAside(e.path);
      this.needsRebuild = true;
      return;
    }
    const doc = this.low.data;
    if (!doc) {
      this.needsRebuild = true;
      return;
    }
    this.generation = doc.generation;
    for (const [id, meta] of Object.entries(doc.reports)) if (meta.id === id) this.metas.set(id, meta);
  }

  private async replayJournal(): Promise<void> {
    let names: string[] = [];
    try {
      names = await fsp.readdir(this.dir);
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw e;
    }
    for (const name of names) {
      const m = LOG_NAME.exec(name);
      // Journals of other generations are left over from a compaction cut short: their changes are in the snapshot.
      if (m && Number(m[1]) !== this.generation && !this.readOnly) await fsp.rm(join(this.dir, name), { force: true });
    }
    let text: string;
    try {
      text = await fsp.readFile(this.logPath, 'utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return;
      throw e;
    }
    const end = text.lastIndexOf('\n') + 1;
    // A line cut off by a crash: drop it, so the next append starts on a fresh line.
    if (end < text.length && !this.readOnly) await fsp.truncate(this.logPath, Buffer.byteLength(text.slice(0, end)));
    for (const line of text.slice(0, end).split('\n')) {
      if (line.trim() === '') continue;
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch {
        continue;
      }
      this.records++;
      if (rec && typeof rec === 'object' && 'removed' in rec && typeof rec.removed === 'string') {
        this.metas.delete(rec.removed);
        this.touched.delete(rec.removed);
        continue;
      }
      const meta = ReportMetaSchema.safeParse(rec);
      if (!meta.success) continue;
      this.metas.set(meta.data.id, meta.data);
      this.touched.add(meta.data.id);
    }
  }

  get(id: string): ReportMeta | undefined {
    return this.metas.get(id);
  }

  /** Records a changed entry durably (one appended line, fdatasync). */
  async put(meta: ReportMeta): Promise<void> {
    await this.append(meta);
    this.metas.set(meta.id, meta);
  }

  async remove(id: string): Promise<void> {
    await this.append({ removed: id });
    this.metas.delete(id);
  }

  /** Replaces every entry (after a rebuild) and writes a fresh snapshot. */
  async replaceAll(metas: ReportMeta[]): Promise<void> {
    this.metas.clear();
    for (const m of metas) this.metas.set(m.id, m);
    this.needsRebuild = false;
    if (!this.readOnly) await this.compact();
  }

  private async append(rec: LogRecord): Promise<void> {
    if (this.readOnly) return;
    this.log ??= await fsp.open(this.logPath, 'a');
    const log = this.log;
    const size = (await log.stat()).size;
    try {
      await log.write(JSON.stringify(rec) + '\n');
      await log.datasync();
    } catch (e) {
      // A full disk can cut the line short: take it back, so the next line starts clean.
      await log.truncate(size).catch(() => undefined);
      throw e;
    }
    this.records++;
  }

  get journalLength(): number {
    return this.records;
  }

  /**
   * Rewrites the snapshot when the journal has grown long. Called only between operations, never
   * between a journal line and the rename it announces: a snapshot taken there would be ahead of
   * the report file with no journal line left to say so.
   */
  async maybeCompact(): Promise<void> {
    if (this.records >= this.compactAfter) await this.compact();
  }

  /** Writes the snapshot under the next generation, then drops the old journal. */
  async compact(): Promise<void> {
    if (this.readOnly) return;
    const old = this.logPath;
    this.low.data = { storeVersion: STORE_VERSION, generation: this.generation + 1, reports: Object.fromEntries([...this.metas].sort(([a], [b]) => (a < b ? -1 : 1))) };
    await this.low.write();
    this.generation++;
    this.records = 0;
    await this.log?.close();
    this.log = null;
    await fsp.rm(old, { force: true });
  }

  async close(): Promise<void> {
    try {
      if (!this.readOnly && (this.records > 0 || this.needsRebuild)) await this.compact();
    } finally {
      await this.log?.close();
      this.log = null;
    }
  }
}
