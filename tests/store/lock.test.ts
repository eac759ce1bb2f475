import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ApiError } from '../../shared/api.js';
import { acquireWriterLock, LOCK_FILE } from '../../main/store/index.js';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from './helpers.js';

const LOCKED = /^另一个年报助手窗口或命令正在使用这个数据文件夹（进程 (\d+)）。请先关闭它，再重试。$/;

function isLocked(pid: number) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.code, 'locked');
    const m = LOCKED.exec(e.message);
    assert.ok(m, e.message);
    assert.equal(Number(m[1]), pid);
    return true;
  };
}

/** The pid of a process that has just exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('writer lock', () => {
  it('is a file holding pid, host and start time; a second acquire is refused; release frees it', async () => {
    const t = tempDir();
    try {
      const lock = await acquireWriterLock(t.dir);
      const info = JSON.parse(readFileSync(join(t.dir, LOCK_FILE), 'utf8'));
      assert.equal(info.pid, process.pid);
      assert.equal(info.hostname, hostname());
      assert.ok(Date.parse(info.startedAt) <= Date.now());
      await assert.rejects(acquireWriterLock(t.dir), isLocked(process.pid));
      await lock.release();
      assert.ok(!existsSync(join(t.dir, LOCK_FILE)));
      const again = await acquireWriterLock(t.dir);
      await again.release();
      await lock.release(); // twice is harmless
    } finally {
      t.done();
    }
  });

  it('refuses while another live process holds it, and takes it over once that process is killed', async () => {
    const t = tempDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', `import('./main/store/lock.ts').then(async (m) => { await m.acquireWriterLock(${JSON.stringify(t.dir)}); console.log('held'); setInterval(() => {}, 1000); })`],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (b: Buffer) => (b.toString().includes('held') ? resolve() : undefined));
        child.on('exit', (c) => reject(new Error(`child exited ${c}`)));
      });
      await assert.rejects(acquireWriterLock(t.dir), isLocked(child.pid!));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      assert.ok(existsSync(join(t.dir, LOCK_FILE)), 'a killed process leaves its lock behind');
      const lock = await acquireWriterLock(t.dir);
      assert.equal(JSON.parse(readFileSync(join(t.dir, LOCK_FILE), 'utf8')).pid, process.pid);
      await lock.release();
    } finally {
      child.kill('SIGKILL');
      t.done();
    }
  });

  it('takes over the stale lock of a dead pid, and an empty lock file left long ago', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, LOCK_FILE);
      writeFileSync(path, JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: '2025-01-01T00:00:00Z', token: 'dead' }));
      const a = await acquireWriterLock(t.dir);
      assert.equal(JSON.parse(readFileSync(path, 'utf8')).pid, process.pid);
      await a.release();

      writeFileSync(path, '');
      utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      const b = await acquireWriterLock(t.dir);
      await b.release();
    } finally {
      t.done();
    }
  });

  it('takes over a lock taken before the computer last started, even if its pid is in use again', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, LOCK_FILE);
      const bootedAt = Date.now() - uptime() * 1000;
      writeFileSync(path, JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date(bootedAt - 3600_000).toISOString(), token: 'old' }));
      const a = await acquireWriterLock(t.dir);
      assert.equal(JSON.parse(readFileSync(path, 'utf8')).pid, process.pid);
      await a.release();
      writeFileSync(path, JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString(), token: 'live' }));
      await assert.rejects(acquireWriterLock(t.dir), isLocked(process.ppid));
    } finally {
      t.done();
    }
  });

  it('never takes over the lock of another computer (a shared folder), and says how to clear it', async () => {
    const t = tempDir();
    try {
      writeFileSync(join(t.dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), hostname: 'xiangzhen-pc-2', startedAt: new Date().toISOString(), token: 'far' }));
      await assert.rejects(acquireWriterLock(t.dir), (e: unknown) => {
        assert.ok(e instanceof ApiError && e.code === 'locked');
        assert.match(e.message, /另一台计算机“xiangzhen-pc-2”上的年报助手正在使用这个数据文件夹.*请删除数据文件夹中的 nianbao\.lock 文件后重试/);
        return true;
      });
    } finally {
      t.done();
    }
  });

  it('does not remove a lock that is no longer its own', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, LOCK_FILE);
      const a = await acquireWriterLock(t.dir);
      const other = JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), token: 'someone-else' });
      writeFileSync(path, other);
      await a.release();
      assert.equal(readFileSync(path, 'utf8'), other);
    } finally {
      t.done();
    }
  });
});
