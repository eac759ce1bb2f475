import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync, promises as fsp } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../shared/api.js';
import { errnoCode } from './durable-file.js';
import { ioError } from './errors.js';

/**
 * One writer per data folder. The browser-mode server and the CLI commands that write take
 * `nianbao.lock`, created atomically ('wx'), holding pid, host and start time. A lock whose
 * process is gone (ESRCH) is taken over; one of a live process is refused with a message the
 * clerk can act on.
 */

export const LOCK_FILE = 'nianbao.lock';

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  token: string;
}

export interface WriterLock {
  readonly path: string;
  release(): Promise<void>;
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return errnoCode(e) !== 'ESRCH';
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const o = JSON.parse(text) as Partial<LockInfo>;
    if (typeof o.pid === 'number' && typeof o.hostname === 'string' && typeof o.token === 'string') return { pid: o.pid, hostname: o.hostname, startedAt: String(o.startedAt ?? ''), token: o.token };
  } catch {
    /* empty or cut off: see below */
  }
  return null;
}

async function readLock(path: string): Promise<{ info: LockInfo | null; text: string; mtimeMs: number } | null> {
  try {
    const [text, st] = await Promise.all([fsp.readFile(path, 'utf8'), fsp.stat(path)]);
    return { info: parseLock(text), text, mtimeMs: st.mtimeMs };
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw e;
  }
}

function lockedError(info: LockInfo): ApiError {
  const details = { pid: info.pid, hostname: info.hostname, startedAt: info.startedAt };
  if (info.hostname === hostname()) return new ApiError('locked', `另一个年报助手窗口或命令正在使用这个数据文件夹（进程 ${info.pid}）。请先关闭它，再重试。`, details);
  // A shared folder: whether that process still runs cannot be seen from here.
  return new ApiError(
    'locked',
    `另一台计算机“${info.hostname}”上的年报助手正在使用这个数据文件夹（进程 ${info.pid}）。请先在那台计算机上关闭它，再重试；如果它已经关闭，请删除数据文件夹中的 ${LOCK_FILE} 文件后重试。`,
    details,
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A lock file being written by its creator is empty for a moment; older than this, it is debris. */
const UNREADABLE_GRACE_MS = 2000;

export async function acquireWriterLock(dataDir: string): Promise<WriterLock> {
  const path = join(dataDir, LOCK_FILE);
  try {
    await fsp.mkdir(dataDir, { recursive: true });
  } catch (e) {
    throw ioError(e, dataDir);
  }
  const mine: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const text = JSON.stringify(mine) + '\n';
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fh = await fsp.open(path, 'wx', 0o644);
      try {
        await fh.writeFile(text);
        await fh.sync();
      } finally {
        await fh.close();
      }
      return holdLock(path, mine.token);
    } catch (e) {
      if (errnoCode(e) !== 'EEXIST') throw e instanceof ApiError ? e : ioError(e, dataDir);
    }
    const cur = await readLock(path);
    if (!cur) continue; // released meanwhile
    if (cur.info) {
      // Another machine (a shared folder): its processes cannot be checked from here.
      if (cur.info.hostname !== hostname()) throw lockedError(cur.info);
      // Taken before this computer last started: its pid may now belong to another program.
      const beforeBoot = Date.parse(cur.info.startedAt) < Date.now() - uptime() * 1000;
      if (!beforeBoot && isProcessAlive(cur.info.pid)) throw lockedError(cur.info);
    } else if (Date.now() - cur.mtimeMs < UNREADABLE_GRACE_MS) {
      await sleep(50);
      continue;
    }
    await takeOver(path, cur.text);
  }
  throw new ApiError('locked', '数据文件夹的锁文件一直无法取得。请关闭其他年报助手窗口或命令后重试。');
}

/**
 * Removes a stale lock without racing another process doing the same: move it aside under a
 * unique name, and if what we moved is not the stale lock we judged (someone took over first),
 * put it back.
 */
async function takeOver(path: string, staleText: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fsp.rename(path, aside);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return;
    throw e;
  }
  const moved = await fsp.readFile(aside, 'utf8').catch(() => staleText);
  if (moved !== staleText) {
    await fsp.link(aside, path).catch(() => undefined);
  }
  await fsp.rm(aside, { force: true });
}

function holdLock(path: string, token: string): WriterLock {
  let held = true;
  const ours = (text: string) => parseLock(text)?.token === token;
  // A process that exits without release() (Ctrl+C in the CLI) still leaves no lock behind.
  const onExit = () => {
    try {
      if (held && ours(readFileSync(path, 'utf8'))) unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', onExit);
  return {
    path,
    async release() {
      if (!held) return;
      held = false;
      process.removeListener('exit', onExit);
      try {
        if (ours(await fsp.readFile(path, 'utf8'))) await fsp.rm(path, { force: true });
      } catch (e) {
        if (errnoCode(e) !== 'ENOENT') throw e;
      }
    },
  };
}
