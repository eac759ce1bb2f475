import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, parseArgs } from '../../shared/api.js';
import type { ApiArgs, ApiMethod } from '../../shared/api.js';
import { storeHandlers } from '../../main/api/store-handlers.js';
import type { AppContext } from '../../main/context.js';
import { openStore } from '../../main/store/index.js';
import { runCli } from '../../main/cli/index.js';
import { realisticReport, tempDir } from './helpers.js';

async function withHandlers(fn: (call: <M extends StoreMethod>(m: M, raw: unknown) => Promise<unknown>, dir: string) => Promise<void>) {
  const t = tempDir();
  const store = await openStore(t.dir);
  const ctx: AppContext = { store, host: { kind: 'browser' }, version: 'test' };
  const h = storeHandlers(ctx);
  // As the IPC and HTTP layers do: parse with the contract's schema, then call the handler.
  const call = async <M extends StoreMethod>(m: M, raw: unknown) => (h[m] as (a: unknown) => Promise<unknown>)(parseArgs(m, raw));
  try {
    await fn(call, t.dir);
  } finally {
    await store.close();
    t.done();
  }
}
type StoreMethod = keyof ReturnType<typeof storeHandlers> & ApiMethod;

const invalid = (re?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof ApiError);
  assert.equal(e.code, 'invalid_argument');
  assert.match(e.message, /^请求参数不正确/);
  if (re) assert.match(e.message, re);
  return true;
};

describe('store handlers (the contract over the real store)', () => {
  it('runs the report life cycle through parsed arguments', async () => {
    await withHandlers(async (call) => {
      const settings = (await call('saveSettings', { office: { name: '中宁县恩和镇人民政府', county: '中宁县' } } satisfies ApiArgs<'saveSettings'>)) as { deadline: string };
      assert.equal(settings.deadline, '01-31', 'schema defaults applied');
      const created = (await call('createReport', { year: 2024 })) as { meta: { id: string; revision: number; title: string }; report: { office: { name: string } } };
      assert.equal(created.report.office.name, '中宁县恩和镇人民政府');
      assert.equal(created.meta.revision, 1, 'counting findings at creation makes no second revision');
      const id = created.meta.id;
      const saved = (await call('saveReport', { id, report: realisticReport() })) as { revision: number };
      assert.equal(saved.revision, 2);
      assert.equal(((await call('renameReport', { id, title: '恩和镇年报' })) as { title: string }).title, '恩和镇年报');
      assert.equal(((await call('listReports', undefined)) as unknown[]).length, 1);
      assert.equal(((await call('listRevisions', { id })) as unknown[]).length, 3);
      assert.equal(((await call('getRevision', { id, revision: 1 })) as { year: number }).year, 2024);
      const restored = (await call('restoreRevision', { id, revision: 2 })) as { meta: { revision: number; title: string } };
      assert.equal(restored.meta.revision, 4);
      await call('deleteReport', { id });
      assert.deepEqual(await call('listReports', undefined), []);
      assert.equal(((await call('listTrash', null)) as unknown[]).length, 1);
      await call('restoreReport', { id });
      assert.equal(((await call('getReport', { id })) as { meta: { deletedAt: null } }).meta.deletedAt, null);
      assert.equal(((await call('getSettings', undefined)) as { office: { county: string } }).office.county, '中宁县');
    });
  });

  it('refuses invalid arguments before the store sees them', async () => {
    await withHandlers(async (call) => {
      await assert.rejects(call('getReport', { id: '../../etc/passwd' }), invalid(/id.*报告编号格式不对/));
      await assert.rejects(call('getReport', { id: 'ABC' }), invalid());
      await assert.rejects(call('getReport', {}), invalid());
      await assert.rejects(call('createReport', { year: 1800 }), invalid(/year/));
      await assert.rejects(call('createReport', { year: 2024, format: '2020' }), invalid(/format/));
      await assert.rejects(call('createReport', { year: 2024, extra: 1 }), invalid());
      await assert.rejects(call('saveReport', { id: '2024-abcdef', report: { format: '2021' } }), invalid(/report/));
      await assert.rejects(call('renameReport', { id: '2024-abcdef', title: '   ' }), invalid(/标题不能为空/));
      await assert.rejects(call('getRevision', { id: '2024-abcdef', revision: 0 }), invalid(/revision/));
      await assert.rejects(call('saveSettings', { office: { name: 5 } }), invalid(/office\.name/));
      await assert.rejects(call('listReports', { anything: true }), invalid());
      await assert.rejects(call('getReport', { id: '2024-abcdef' }), (e: unknown) => e instanceof ApiError && e.code === 'not_found');
    });
  });
});

describe('nianbao list', () => {
  const run = async (argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(['list', ...argv], { stdout: (s) => (out += s), stderr: (s) => (err += s), env: {}, cwd: process.cwd() });
    return { code, out, err };
  };

  it('prints the stored reports with Chinese column headers, or JSON, without taking the lock', async () => {
    const t = tempDir();
    try {
      const store = await openStore(t.dir);
      const a = await store.createReport({ year: 2024, report: realisticReport() });
      await store.saveReport(a.meta.id, realisticReport(), { findings: { errors: 2, warnings: 1, infos: 0 } });
      const b = await store.createReport({ year: 2025 });
      const gone = await store.createReport({ year: 2023 });
      await store.deleteReport(gone.meta.id);
      // The store stays open (the app is running): list only reads.
      const text = await run(['--data-dir', t.dir]);
      assert.equal(text.code, 0, text.err);
      const lines = text.out.split('\n');
      assert.match(lines[0], /^编号\s+机关\s+年度\s+格式\s+最后保存\s+状态$/);
      const rowA = lines.find((l) => l.startsWith(a.meta.id))!;
      assert.match(rowA, /中宁县恩和镇人民政府\s+2024\s+2021年版\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+2 处错误、1 处提醒$/);
      assert.match(lines.find((l) => l.startsWith(b.meta.id))!, /（未填机关名称）\s+2025\s+2021年版.*未检查$/);
      assert.ok(!text.out.includes(gone.meta.id));
      assert.match(text.out, /共 2 份/);

      const json = await run([`--data-dir=${t.dir}`, '--json']);
      const metas = JSON.parse(json.out) as { id: string; findings: unknown }[];
      assert.deepEqual(metas.map((m) => m.id).sort(), [a.meta.id, b.meta.id].sort());
      assert.deepEqual(metas.find((m) => m.id === a.meta.id)!.findings, { errors: 2, warnings: 1, infos: 0 });

      const trash = await run(['--data-dir', t.dir, '--trash']);
      assert.match(trash.out, new RegExp(`${gone.meta.id}.*在回收站`));
      await store.close();
    } finally {
      t.done();
    }
  });

  it('says so when there are no reports, and refuses unknown options', async () => {
    const t = tempDir();
    try {
      const empty = await run(['--data-dir', t.dir + '/none']);
      assert.equal(empty.code, 0);
      assert.match(empty.out, /还没有保存的报告/);
      const bad = await run(['--data-dir', t.dir, '--colour']);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /不认识的选项 --colour/);
    } finally {
      t.done();
    }
  });
});
