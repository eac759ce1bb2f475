import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/fixtures.js';
import { tempDir } from './helpers.js';

/**
 * lowdb's JSONFilePreset quietly keeps everything in memory when NODE_ENV=test, so a store built
 * on it would pass every test without touching the disk. Ours is built on Low + our own adapter:
 * run it with NODE_ENV=test and look at the files.
 */
describe('store under NODE_ENV=test', () => {
  it('still writes every file to disk (where lowdb’s JSONFilePreset writes nothing)', () => {
    const t = tempDir('nianbao-node-env-');
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/store/node-env-child.ts'), t.dir], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NODE_ENV: 'test' },
      });
      assert.equal(r.status, 0, r.stderr);
      const { id, env } = JSON.parse(r.stdout.trim()) as { id: string; env: string };
      assert.equal(env, 'test');
      // The trap is real: the preset wrote nothing.
      assert.equal(existsSync(join(t.dir, 'preset.json')), false);
      // Our store wrote the report, its first revision, the list and the settings.
      const dir = join(t.dir, 'store');
      const report = JSON.parse(readFileSync(join(dir, 'reports', `${id}.json`), 'utf8'));
      assert.equal(report.meta.id, id);
      assert.equal(report.report.year, 2024);
      assert.equal(readdirSync(join(dir, 'revisions', id)).length, 1);
      assert.ok(id in JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).reports);
      assert.equal(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).settings.office.name, '某某镇人民政府');
    } finally {
      t.done();
    }
  });
});
