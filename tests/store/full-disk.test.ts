import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ApiError } from '../../shared/api.js';
import { ReportSchema } from '../../shared/model/index.js';
import { openStore } from '../../main/store/index.js';
import { realisticReport, tempDir } from './helpers.js';

/**
 * A real full disk: a 256 KB tmpfs. Needs root and a system that allows mounting (CI containers
 * usually do not): skipped with the reason otherwise.
 */
function mountSmallDisk(dir: string): string | null {
  if (process.platform !== 'linux') return 'needs Linux tmpfs';
  if (process.getuid?.() !== 0) return 'needs root to mount a small tmpfs';
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? null : `cannot mount a tmpfs here: ${(r.stderr || r.error?.message || '').trim()}`;
}

const t = tempDir('nianbao-fulldisk-');
const disk = join(t.dir, 'disk');
mkdirSync(disk);
const skip = mountSmallDisk(disk);

describe('store on a full disk', { skip: skip ?? false }, () => {
  it('refuses the save with a message that says to free space, keeps the last saved version whole and leaves no temp file', async () => {
    try {
      const s = await openStore(disk);
      const base = realisticReport();
      const { meta } = await s.createReport({ year: 2024, report: base });
      let lastSaved = '';
      let error: unknown = null;
      for (let i = 0; i < 100 && !error; i++) {
        const preamble = `第${i}次保存`;
        try {
          await s.saveReport(meta.id, { ...base, preamble });
          lastSaved = preamble;
        } catch (e) {
          error = e;
        }
      }
      assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
      assert.equal(error.code, 'io');
      assert.match(error.message, /^磁盘空间不足，无法保存。请删除一些不需要的文件、腾出磁盘空间后再保存/);
      assert.ok(lastSaved !== '', 'some saves fitted before the disk filled up');
      assert.deepEqual(readdirSync(join(disk, 'reports')).filter((n) => n.includes('.tmp-')), []);
      const onDisk = JSON.parse(readFileSync(join(disk, 'reports', `${meta.id}.json`), 'utf8'));
      assert.equal(ReportSchema.parse(onDisk.report).preamble, lastSaved);
      // What the store answers still agrees with the disk.
      assert.equal((await s.getReport(meta.id)).report.preamble, lastSaved);
      // Fill the last few pages too: then even the small settings file cannot be written.
      try {
        for (let i = 0; i < 1000; i++) appendFileSync(join(disk, 'filler'), Buffer.alloc(1024, 1));
      } catch {
        /* ENOSPC: full */
      }
      await assert.rejects(s.saveSettings({ office: { name: '某'.repeat(200) }, deadline: '01-31' }), (e: unknown) => e instanceof ApiError && e.code === 'io');
      await s.close().catch(() => undefined); // compaction may not fit either

      const again = await openStore(disk, { readOnly: true });
      const got = await again.getReport(meta.id);
      assert.equal(got.report.preamble, lastSaved);
      assert.equal(got.recovery, undefined);
      assert.equal((await again.listReports())[0].revision, got.meta.revision);
      await again.close();
    } finally {
      if (spawnSync('umount', [disk]).status !== 0) spawnSync('umount', ['-l', disk]);
      t.done();
    }
  });
});

if (skip) t.done();
