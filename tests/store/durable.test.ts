import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Low } from 'lowdb';
import { DamagedFileError, DurableJsonFile, moveAside, writeFileDurable } from '../../main/store/durable-file.js';
import { ioError } from '../../main/store/errors.js';
import { resolveDataDir } from '../../main/store/index.js';
import { parseRevisionFileName, planThinning, revisionFileName } from '../../main/store/revisions.js';
import { tempDir } from './helpers.js';

describe('durable JSON files (our lowdb adapter)', () => {
  it('writes through lowdb atomically: whole content, no temp file left, survives re-reading', async () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'doc.json');
      const adapter = new DurableJsonFile<{ n: number; text: string }>(file, {
        decode: (raw) => {
          const o = raw as { n?: unknown; text?: unknown };
          if (typeof o.n !== 'number' || typeof o.text !== 'string') throw new Error('shape');
          return { n: o.n, text: o.text };
        },
      });
      const db = new Low(adapter, { n: 0, text: '' });
      for (let i = 1; i <= 20; i++) {
        db.data = { n: i, text: '年报'.repeat(1000 * i) };
        await db.write();
        assert.deepEqual(readdirSync(t.dir), ['doc.json']);
      }
      const again = new Low(adapter, { n: 0, text: '' });
      await again.read();
      assert.equal(again.data.n, 20);
      assert.equal(again.data.text.length, 40_000);
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), again.data);
    } finally {
      t.done();
    }
  });

  it('reads a missing file as null and a damaged one as DamagedFileError with the reason', async () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'x.json');
      const a = new DurableJsonFile<number>(file, { decode: (raw) => { if (typeof raw !== 'number') throw new Error('not a number'); return raw; } });
      assert.equal(await a.read(), null);
      for (const [content, reason] of [['', 'empty'], ['  \n', 'empty'], ['{"a":', 'not_json'], ['"text"', 'invalid']] as const) {
        writeFileSync(file, content);
        await assert.rejects(a.read(), (e: unknown) => e instanceof DamagedFileError && e.reason === reason && e.path === file);
      }
      writeFileSync(file, '\ufeff42'); // a BOM from Notepad is not damage
      assert.equal(await a.read(), 42);
    } finally {
      t.done();
    }
  });

  it('cleans up its temp file when the write fails, and runs the hook before the rename', async () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'y.json');
      writeFileSync(file, 'old');
      await assert.rejects(writeFileDurable(file, 'new', { beforeRename: async () => { throw new Error('hook failed'); } }), /hook failed/);
      assert.deepEqual(readdirSync(t.dir), ['y.json']);
      assert.equal(readFileSync(file, 'utf8'), 'old');
      let seen = '';
      await writeFileDurable(file, 'new', { beforeRename: async (tmp) => { seen = readFileSync(tmp, 'utf8') + '|' + readFileSync(file, 'utf8'); } });
      assert.equal(seen, 'new|old');
      assert.equal(readFileSync(file, 'utf8'), 'new');
    } finally {
      t.done();
    }
  });

  it('moves damaged files aside without ever overwriting one', async () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'z.json');
      const now = new Date('2026-01-02T03:04:05Z');
      const moved: string[] = [];
      for (const v of ['a', 'b', 'c']) {
        writeFileSync(file, v);
        moved.push(await moveAside(file, now));
      }
      assert.deepEqual(moved.map((p) => p.slice(t.dir.length + 1)), ['z.json.damaged-20260102T030405Z', 'z.json.damaged-20260102T030405Z-2', 'z.json.damaged-20260102T030405Z-3']);
      assert.deepEqual(moved.map((p) => readFileSync(p, 'utf8')), ['a', 'b', 'c']);
    } finally {
      t.done();
    }
  });
});

describe('revision names and thinning', () => {
  it('round-trips number and time through the file name', () => {
    const d = new Date('2026-11-23T07:41:30.123Z');
    const name = revisionFileName(42, d);
    assert.equal(name, 'r000042-20261123T074130123Z.json');
    assert.deepEqual(parseRevisionFileName(name), { revision: 42, savedAt: d.toISOString() });
    assert.equal(parseRevisionFileName(name + '.damaged-20261123T000000Z'), null);
  });

  it('keeps the first, the last 50, one per hour for a week and one per day before', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const revs = Array.from({ length: 400 }, (_, i) => ({ revision: i + 1, savedAt: new Date(now.getTime() - (400 - i) * 3600_000).toISOString() }));
    const drop = new Set(planThinning(revs, now).map((r) => r.revision));
    const kept = revs.filter((r) => !drop.has(r.revision));
    assert.ok(kept.some((r) => r.revision === 1));
    for (let i = 351; i <= 400; i++) assert.ok(!drop.has(i));
    const older = kept.filter((r) => r.revision > 1 && r.revision <= 350);
    const weekAgo = now.getTime() - 7 * 24 * 3600_000;
    const days = older.filter((r) => Date.parse(r.savedAt) < weekAgo).map((r) => new Date(r.savedAt).toDateString());
    assert.equal(new Set(days).size, days.length);
    assert.ok(older.filter((r) => Date.parse(r.savedAt) >= weekAgo).length === 168 - 50);
    assert.deepEqual(planThinning(revs.slice(0, 51), now), []);
  });
});

describe('data folder and error messages', () => {
  it('resolves --data-dir, then NIANBAO_DATA_DIR, then Electron userData, then the OS default', () => {
    const env = { NIANBAO_DATA_DIR: '/srv/nb', APPDATA: 'C:\\Users\\li\\AppData\\Roaming' };
    assert.equal(resolveDataDir({ flag: 'data', env, cwd: '/home/li', platform: 'linux' }), '/home/li/data');
    assert.equal(resolveDataDir({ env, electronUserData: '/e', platform: 'linux' }), '/srv/nb');
    assert.equal(resolveDataDir({ env: {}, electronUserData: '/e/userData', platform: 'linux' }), '/e/userData');
    assert.equal(resolveDataDir({ env: {}, platform: 'linux', home: '/home/li' }), '/home/li/.config/nianbao');
    assert.equal(resolveDataDir({ env: { XDG_CONFIG_HOME: '/x' }, platform: 'linux', home: '/home/li' }), '/x/nianbao');
    assert.equal(resolveDataDir({ env: { NIANBAO_DATA_DIR: 'D:\\年报数据' }, platform: 'win32', cwd: 'C:\\Users\\li' }), 'D:\\年报数据');
    assert.equal(resolveDataDir({ env: { APPDATA: env.APPDATA }, platform: 'win32', home: 'C:\\Users\\li' }), 'C:\\Users\\li\\AppData\\Roaming\\nianbao');
  });

  it('says what to do about a full disk, missing permission and a read-only disk', () => {
    const mk = (code: string) => Object.assign(new Error(code), { code, syscall: 'write' });
    assert.match(ioError(mk('ENOSPC'), '/d').message, /^磁盘空间不足，无法保存。请删除一些不需要的文件/);
    assert.match(ioError(mk('EACCES'), '/d').message, /没有权限.*--data-dir/);
    assert.match(ioError(mk('EROFS'), '/d').message, /只读/);
    assert.equal(ioError(mk('ENOSPC'), '/d').code, 'io');
  });
});
