import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * Durable JSON files for lowdb. lowdb's own writer renames a temp file but never fsyncs, so a
 * power cut can leave an empty file behind, and its reader throws on a truncated file. Here:
 * write a temp file in the same folder, fsync it, rename it over the old one, fsync the folder;
 * and a file that cannot be read back is reported as DamagedFileError, never silently replaced.
 */

const IS_WIN = process.platform === 'win32';

export type DamageReason = 'empty' | 'not_json' | 'invalid';

export class DamagedFileError extends Error {
  constructor(
    public readonly path: string,
    public readonly reason: DamageReason,
    public readonly detail: string,
  ) {
    super(`damaged file ${path} (${reason}): ${detail}`);
    this.name = 'DamagedFileError';
  }
}

/** A file written by a newer Nianbao: not damaged, just not ours to read or overwrite. */
export class NewerVersionError extends Error {
  constructor(
    public readonly path: string,
    public readonly version: number,
  ) {
    super(`${path} has storeVersion ${version}`);
    this.name = 'NewerVersionError';
  }
}

export function errnoCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

export const TEMP_MARK = '.tmp-';
export const DAMAGED_MARK = '.damaged-';

export function tempPathFor(file: string): string {
  return `${file}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The pid written into a temp file's name by tempPathFor, or null when the name is not one. */
export function tempFileOwner(name: string): number | null {
  const m = /\.tmp-(\d+)-[0-9a-f]+$/.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * fsync a folder so a rename in it survives a power cut. Windows cannot open a folder as a file
 * (EISDIR / EPERM) and some file systems refuse (EINVAL): NTFS orders the rename itself there.
 */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(dir, 'r');
    await fh.sync();
  } catch (e) {
    const code = errnoCode(e);
    if (!(code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'ENOTSUP' || code === 'EBADF' || code === 'EACCES')) throw e;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Windows: a virus scanner or the search indexer holding the target briefly makes rename fail. */
export async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fsp.rename(from, to);
      return;
    } catch (e) {
      const code = errnoCode(e);
      if (!IS_WIN || attempt >= 10 || !(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) throw e;
      await sleep(20 * (attempt + 1));
    }
  }
}

export interface DurableWriteOptions {
  /** Runs after the temp file is on disk and before it replaces the old file (e.g. link it as a revision). */
  beforeRename?: (tempPath: string) => Promise<void>;
}

/** Writes `file` so that after a crash it holds either the old or the new content, whole. */
export async function writeFileDurable(file: string, content: string | Uint8Array, opts: DurableWriteOptions = {}): Promise<void> {
  const tmp = tempPathFor(file);
  let renamed = false;
  try {
    const fh = await fsp.open(tmp, 'wx', 0o644);
    try {
      await fh.writeFile(content);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.beforeRename) await opts.beforeRename(tmp);
    await renameRetrying(tmp, file);
    renamed = true;
    await fsyncDir(dirname(file));
  } finally {
    if (!renamed) await fsp.rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** `20261123T074130Z`: sortable and valid in file names on Windows. */
export function fileStamp(d: Date = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Moves a damaged file aside as `<name>.damaged-<time>` (never overwriting another one) and
 * returns the new path. The file is kept exactly as it was, for a person to look at.
 */
export async function moveAside(file: string, now: Date = new Date()): Promise<string> {
  const base = `${file}${DAMAGED_MARK}${fileStamp(now)}`;
  for (let n = 1; n < 1000; n++) {
    const target = n === 1 ? base : `${base}-${n}`;
    try {
      await fsp.access(target);
      continue; // taken: never overwrite an earlier damaged file
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw e;
    }
    await renameRetrying(file, target);
    await fsyncDir(dirname(file));
    return target;
  }
  throw new Error(`cannot find a free name beside ${file}`);
}

/** Parses file text; empty, unparsable or invalid content becomes DamagedFileError. */
export function decodeJsonText<T>(path: string, text: string, decode: (raw: unknown) => T): T {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // Notepad's BOM
  if (body.trim() === '') throw new DamagedFileError(path, 'empty', 'file is empty');
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    throw new DamagedFileError(path, 'not_json', (e as Error).message);
  }
  try {
    return decode(raw);
  } catch (e) {
    if (e instanceof NewerVersionError || e instanceof DamagedFileError) throw e;
    throw new DamagedFileError(path, 'invalid', e instanceof Error ? e.message.slice(0, 2000) : String(e));
  }
}

export interface JsonCodec<T> {
  /** Migrates and validates what was parsed; throws when it is not a valid T. */
  decode(raw: unknown): T;
  encode?(data: T): string;
}

/**
 * A lowdb adapter over one durable JSON file. `read()` gives null for a missing file and throws
 * DamagedFileError for one that cannot be used; `write()` is atomic and fsynced.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    public readonly path: string,
    private readonly codec: JsonCodec<T>,
    private readonly hooks: { beforeRename?: (tempPath: string, data: T) => Promise<void> } = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fsp.readFile(this.path, 'utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return null;
      throw e;
    }
    return decodeJsonText(this.path, text, (raw) => this.codec.decode(raw));
  }

  async write(data: T): Promise<void> {
    const text = this.codec.encode ? this.codec.encode(data) : JSON.stringify(data, null, 2) + '\n';
    const hook = this.hooks.beforeRename;
    await writeFileDurable(this.path, text, hook ? { beforeRename: (tmp) => hook(tmp, data) } : {});
  }

  get name(): string {
    return basename(this.path);
  }
}
