import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { ApiError } from '../../shared/api.js';
import { ReportSchema } from '../../shared/model/index.js';
import { openStore } from '../../main/store/index.js';
import { realisticReport, tempDir } from './helpers.js';

const reportFile = (dir: string, id: string) => join(dir, 'reports', `${id}.json`);
const damagedBeside = (file: string) => readdirSync(dirname(file)).filter((n) => n.startsWith(basename(file) + '.damaged-'));
const noTemps = (dir: string) => {
  for (const sub of ['', 'reports']) for (const n of readdirSync(join(dir, sub))) assert.ok(!n.includes('.tmp-'), `temp file left behind: ${sub}/${n}`);
};

async function rejectsWith(p: Promise<unknown>, code: string, text?: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ApiError, `expected ApiError, got ${String(e)}`);
    assert.equal(e.code, code);
    if (text) assert.match(e.message, text);
    return true;
  });
}

describe('store: files on disk', () => {
  it('creates a report from the office profile and writes whole, valid files with no temp files left', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      await s.saveSettings({ office: { name: '中宁县恩和镇人民政府', county: '中宁县', phone: '0955-5710003' }, deadline: '01-31' });
      const o = await s.createReport({ year: 2025 });
      assert.match(o.meta.id, /^[a-z0-9-]{6,64}$/);
      assert.equal(o.meta.title, '中宁县恩和镇人民政府2025年政府信息公开工作年度报告');
      assert.equal(o.meta.officeName, '中宁县恩和镇人民政府');
      assert.equal(o.meta.revision, 1);
      assert.equal(o.report.office.name, '中宁县恩和镇人民政府');
      assert.match(o.report.preamble ?? '', /2025年1月1日至2025年12月31日/);
      assert.match(o.report.preamble ?? '', /中宁县人民政府门户网站/);

      const r = realisticReport();
      const meta = await s.saveReport(o.meta.id, r);
      assert.equal(meta.revision, 2);
      noTemps(t.dir);
      const onDisk = JSON.parse(readFileSync(reportFile(t.dir, o.meta.id), 'utf8'));
      assert.equal(onDisk.storeVersion, 1);
      assert.equal(onDisk.meta.revision, 2);
      assert.deepEqual(ReportSchema.parse(onDisk.report), r);
      const settings = JSON.parse(readFileSync(join(t.dir, 'settings.json'), 'utf8'));
      assert.equal(settings.storeVersion, 1);
      assert.equal(settings.settings.office.name, '中宁县恩和镇人民政府');
      await s.close();

      // A new process-level open sees the same.
      const s2 = await openStore(t.dir);
      const back = await s2.getReport(o.meta.id);
      assert.deepEqual(back.report, r);
      assert.equal(back.recovery, undefined);
      assert.deepEqual((await s2.getSettings()).office.phone, '0955-5710003');
      assert.deepEqual((await s2.listReports()).map((m) => m.id), [o.meta.id]);
      await s2.close();
      noTemps(t.dir);
    } finally {
      t.done();
    }
  });

  it('stores an imported report as is, with its provenance in the list entry', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const r = { ...realisticReport(), provenance: { importedFrom: { fileName: '恩和镇2024年报.docx', kind: 'docx' as const, at: '2025-02-01T08:00:00Z' } } };
      const o = await s.createReport({ year: 2024, report: r });
      assert.deepEqual(o.report, r);
      assert.equal(o.meta.importedFrom, '恩和镇2024年报.docx');
      assert.equal(o.meta.year, 2024);
      assert.equal(o.meta.format, '2021');
      assert.match(o.meta.id, /^2024-/);
      assert.deepEqual((await s.getReport(o.meta.id)).report, r);
      await s.close();
    } finally {
      t.done();
    }
  });

  it('refuses unknown ids and invalid reports with Chinese messages', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      await rejectsWith(s.getReport('2024-nosuchreport'), 'not_found', /找不到编号为“2024-nosuchreport”的报告/);
      await rejectsWith(s.saveReport('2024-nosuchreport', realisticReport()), 'not_found');
      const o = await s.createReport({ year: 2024 });
      const bad = { ...realisticReport(), tables: { ...realisticReport().tables, applications: { new: [1, 2] } } } as never;
      await rejectsWith(s.saveReport(o.meta.id, bad), 'invalid_argument', /报告内容不正确/);
      assert.equal((await s.getReport(o.meta.id)).meta.revision, 1, 'nothing was written');
      await s.close();
    } finally {
      t.done();
    }
  });

  it('turns disk errors into io errors that say what to do', async () => {
    const t = tempDir();
    try {
      writeFileSync(join(t.dir, 'not-a-folder'), 'x');
      await rejectsWith(openStore(join(t.dir, 'not-a-folder', 'data')), 'io', /数据文件夹的路径不对.*--data-dir/);
    } finally {
      t.done();
    }
  });
});

describe('store: recovery from damaged files', () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    ['truncated', (f) => truncateSync(f, Math.floor(statSync(f).size / 2)), /文件内容不完整/],
    ['empty', (f) => writeFileSync(f, ''), /文件是空的/],
    ['schema-invalid', (f) => {
      const doc = JSON.parse(readFileSync(f, 'utf8'));
      doc.report.tables.applications.new = [1, 2, 3];
      writeFileSync(f, JSON.stringify(doc));
    }, /不符合报告的格式/],
  ];
  for (const [name, damage, reason] of cases) {
    it(`moves a ${name} report file aside, loads the last good revision and says so`, async () => {
      const t = tempDir();
      try {
        const s = await openStore(t.dir);
        const o = await s.createReport({ year: 2024 });
        const r = realisticReport();
        await s.saveReport(o.meta.id, { ...r, preamble: '第二版' });
        await s.saveReport(o.meta.id, { ...r, preamble: '第三版' });
        await s.close();
        const file = reportFile(t.dir, o.meta.id);
        // Damaged in place, the way a disk or an editor would: the newest revision shares its bytes.
        const before = readFileSync(file);
        damage(file);
        const damagedBytes = readFileSync(file);

        const s2 = await openStore(t.dir);
        const got = await s2.getReport(o.meta.id);
        assert.ok(got.recovery, 'a recovery notice is returned');
        assert.equal(got.report.preamble, '第二版', 'the last good revision is loaded');
        assert.equal(got.recovery.restoredRevision, 2);
        assert.match(got.recovery.message, reason);
        assert.match(got.recovery.message, /第 2 版/);
        assert.ok(got.recovery.message.includes(got.recovery.damagedFile), 'the message says where the damaged file is');
        const aside = damagedBeside(file);
        assert.equal(aside.length, 1, 'moved aside once, beside the report file');
        assert.equal(join(dirname(file), aside[0]), got.recovery.damagedFile);
        assert.deepEqual(readFileSync(got.recovery.damagedFile), damagedBytes, 'kept exactly as it was');
        assert.notDeepEqual(damagedBytes, before);
        // The restored version is now a new, valid revision; the damaged revision is set aside too.
        assert.equal(got.meta.revision, 4);
        const again = await s2.getReport(o.meta.id);
        assert.equal(again.recovery, undefined, 'told once');
        assert.equal(again.report.preamble, '第二版');
        assert.deepEqual((await s2.listRevisions(o.meta.id)).map((x) => x.revision), [4, 2, 1]);
        await s2.close();
        const s3 = await openStore(t.dir);
        assert.equal((await s3.getReport(o.meta.id)).report.preamble, '第二版');
        assert.equal((await s3.listReports())[0].revision, 4);
        await s3.close();
      } finally {
        t.done();
      }
    });
  }

  it('never overwrites an earlier damaged file', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024 });
      for (let i = 0; i < 4; i++) await s.saveReport(o.meta.id, { ...realisticReport(), preamble: `v${i}` });
      await s.close();
      const file = reportFile(t.dir, o.meta.id);
      for (const expect of ['v2', 'v1']) {
        writeFileSync(file, '{"storeVersion": 1, "meta": ');
        const s2 = await openStore(t.dir);
        const got = await s2.getReport(o.meta.id);
        assert.equal(got.report.preamble, expect);
        await s2.close();
        // The restored file is a new revision with its own bytes; damage it and its source again.
        const revDir = join(t.dir, 'revisions', o.meta.id);
        const newest = readdirSync(revDir).filter((n) => n.endsWith('.json')).sort().at(-2)!;
        writeFileSync(join(revDir, newest), '');
      }
      assert.equal(damagedBeside(file).length, 2);
    } finally {
      t.done();
    }
  });

  it('restores a report file that has gone missing from its revisions', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024 });
      await s.saveReport(o.meta.id, { ...realisticReport(), preamble: '最后一版' });
      await s.close();
      unlinkSync(reportFile(t.dir, o.meta.id));
      const s2 = await openStore(t.dir);
      assert.deepEqual((await s2.listReports()).map((m) => m.id), [o.meta.id]);
      const got = await s2.getReport(o.meta.id);
      assert.equal(got.report.preamble, '最后一版');
      assert.match(got.recovery?.message ?? '', /不见了.*第 2 版/);
      await s2.close();
      assert.ok(existsSync(reportFile(t.dir, o.meta.id)));
    } finally {
      t.done();
    }
  });

  it('corrects a list entry that is one save ahead of its file (killed between journal line and rename)', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024 });
      const m2 = await s.saveReport(o.meta.id, realisticReport());
      // What the journal holds when the writer dies right after appending the next entry.
      const log = readdirSync(t.dir).find((n) => /^index\.\d+\.log$/.test(n))!;
      appendFileSync(join(t.dir, log), JSON.stringify({ ...m2, revision: 3, title: '未完成的保存' }) + '\n' + '{"id":"2024-cut');
      // Simulate the kill: drop the store without close(), which would compact the journal.
      const s2 = await openStore(t.dir);
      const [listed] = await s2.listReports();
      assert.equal(listed.revision, 2);
      assert.equal(listed.title, m2.title);
      const m3 = await s2.saveReport(o.meta.id, { ...realisticReport(), preamble: '下一次保存' });
      assert.equal(m3.revision, 3);
      await s2.close();
      // Only now let the "killed" writer go: its journal handle would otherwise be closed by GC, with a warning.
      await s.close();
    } finally {
      t.done();
    }
  });

  it('says clearly when no good revision is left', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024 });
      await s.close();
      writeFileSync(reportFile(t.dir, o.meta.id), 'garbage');
      const s2 = await openStore(t.dir);
      await rejectsWith(s2.getReport(o.meta.id), 'damaged', /没有找到可用的历史版本.*技术人员/);
      await s2.close();
      assert.equal(damagedBeside(reportFile(t.dir, o.meta.id)).length, 1);
    } finally {
      t.done();
    }
  });

  it('read-only opening recovers in memory and touches no file', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024 });
      await s.saveReport(o.meta.id, realisticReport());
      await s.close();
      writeFileSync(reportFile(t.dir, o.meta.id), '');
      const ro = await openStore(t.dir, { readOnly: true });
      const got = await ro.getReport(o.meta.id);
      assert.ok(got.recovery);
      assert.match(got.recovery.message, /只读/);
      await rejectsWith(ro.saveReport(o.meta.id, realisticReport()), 'forbidden');
      await ro.close();
      assert.equal(damagedBeside(reportFile(t.dir, o.meta.id)).length, 0);
      assert.equal(readFileSync(reportFile(t.dir, o.meta.id), 'utf8'), '');
    } finally {
      t.done();
    }
  });

  it('sets a damaged settings file aside and starts from a blank profile, with a notice', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      await s.saveSettings({ office: { name: '某镇人民政府' }, deadline: '01-31' });
      await s.close();
      writeFileSync(join(t.dir, 'settings.json'), '{"storeVersion":1,"settings":{"office":');
      const s2 = await openStore(t.dir);
      assert.deepEqual(await s2.getSettings(), { office: {}, deadline: '01-31' });
      assert.equal(s2.notices.length, 1);
      assert.match(s2.notices[0].message, /设置文件已损坏.*请在“设置”中重新填写/);
      assert.ok(existsSync(s2.notices[0].damagedFile));
      assert.equal(damagedBeside(join(t.dir, 'settings.json')).length, 1);
      await s2.saveSettings({ office: { name: '某镇人民政府' }, deadline: '02-15' });
      await s2.close();
      const s3 = await openStore(t.dir);
      assert.equal((await s3.getSettings()).deadline, '02-15');
      assert.equal(s3.notices.length, 0);
      await s3.close();
    } finally {
      t.done();
    }
  });

  it('rebuilds a damaged or lost index from the report files, trash included', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const a = await s.createReport({ year: 2023 });
      const b = await s.createReport({ year: 2024 });
      await s.saveReport(b.meta.id, realisticReport());
      await s.deleteReport(a.meta.id);
      await s.close();
      const list = JSON.stringify(await (async () => {
        const x = await openStore(t.dir);
        const r = [await x.listReports(), await x.listTrash()];
        await x.close();
        return r;
      })());

      writeFileSync(join(t.dir, 'index.json'), '{"storeVersion":1,"generation":3,"reports":{"x":');
      const s2 = await openStore(t.dir);
      assert.equal(JSON.stringify([await s2.listReports(), await s2.listTrash()]), list);
      assert.match(s2.notices[0].message, /报告目录文件已损坏.*重新建立目录（共 2 份报告）/);
      assert.equal(damagedBeside(join(t.dir, 'index.json')).length, 1);
      await s2.close();

      for (const n of readdirSync(t.dir)) if (n.startsWith('index.')) writeFileSync(join(t.dir, n), ''); // empty index and journal
      const s3 = await openStore(t.dir);
      assert.equal(JSON.stringify([await s3.listReports(), await s3.listTrash()]), list);
      await s3.close();
    } finally {
      t.done();
    }
  });

  it('migrates a file of the previous version (a bare report without storeVersion)', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      await s.close();
      const r = realisticReport();
      writeFileSync(join(t.dir, 'reports', '2024-handcopied.json'), JSON.stringify(r));
      const s2 = await openStore(t.dir);
      const [m] = await s2.listReports();
      assert.equal(m.id, '2024-handcopied');
      assert.equal(m.officeName, '中宁县恩和镇人民政府');
      const got = await s2.getReport('2024-handcopied');
      assert.deepEqual(got.report, r);
      await s2.saveReport('2024-handcopied', { ...r, preamble: '改过' });
      await s2.close();
      const doc = JSON.parse(readFileSync(join(t.dir, 'reports', '2024-handcopied.json'), 'utf8'));
      assert.equal(doc.storeVersion, 1);
      assert.equal(doc.meta.revision, 2);

      // Settings of version 0 (bare, without storeVersion) are read and written back as version 1.
      writeFileSync(join(t.dir, 'settings.json'), JSON.stringify({ office: { name: '某某镇人民政府', county: '某某县' }, deadline: '02-15' }));
      const s3 = await openStore(t.dir);
      assert.deepEqual(s3.notices, []);
      assert.deepEqual(await s3.getSettings(), { office: { name: '某某镇人民政府', county: '某某县' }, deadline: '02-15' });
      await s3.saveSettings({ office: { name: '某某镇人民政府', county: '某某县' }, deadline: '02-20' });
      await s3.close();
      const settings = JSON.parse(readFileSync(join(t.dir, 'settings.json'), 'utf8'));
      assert.equal(settings.storeVersion, 1);
      assert.equal(settings.settings.deadline, '02-20');
    } finally {
      t.done();
    }
  });

  it('refuses to touch a file written by a newer version', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024 });
      await s.close();
      const f = reportFile(t.dir, o.meta.id);
      const doc = JSON.parse(readFileSync(f, 'utf8'));
      writeFileSync(f, JSON.stringify({ ...doc, storeVersion: 2 }));
      const s2 = await openStore(t.dir);
      await rejectsWith(s2.getReport(o.meta.id), 'unsupported', /更新版本的年报助手.*请升级/);
      await s2.close();
      assert.equal(damagedBeside(f).length, 0);
      // Even with the index lost, the store still opens; the newer file is left out, untouched.
      rmSync(join(t.dir, 'index.json'));
      const s3 = await openStore(t.dir);
      assert.deepEqual(await s3.listReports(), []);
      await s3.close();
      assert.equal(JSON.parse(readFileSync(f, 'utf8')).storeVersion, 2);
    } finally {
      t.done();
    }
  });
});

describe('store: revisions', () => {
  it('keeps every save, the last 50 plus the first, and restores any of them as a new revision', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024 });
      const r = realisticReport();
      for (let i = 2; i <= 70; i++) await s.saveReport(o.meta.id, { ...r, preamble: `第${i}版` });
      const revs = await s.listRevisions(o.meta.id);
      assert.equal(revs[0].revision, 70);
      assert.ok(revs.every((x) => (x.revision === 1 || x.size > 10_000) && !Number.isNaN(Date.parse(x.savedAt))));
      const numbers = revs.map((x) => x.revision);
      for (let i = 21; i <= 70; i++) assert.ok(numbers.includes(i), `revision ${i} kept`);
      assert.ok(numbers.includes(1), 'the first (as created) is kept');
      // All were saved within the same hour: of the older ones only the newest of that hour stays.
      assert.ok(numbers.length <= 52, `thinned to ${numbers.length}`);
      assert.equal((await s.getRevision(o.meta.id, 35)).preamble, '第35版');
      assert.match((await s.getRevision(o.meta.id, 1)).preamble ?? '', /根据《中华人民共和国政府信息公开条例》/);
      await rejectsWith(s.getRevision(o.meta.id, 5), 'not_found', /没有第 5 版/);

      const restored = await s.restoreRevision(o.meta.id, 40);
      assert.equal(restored.report.preamble, '第40版');
      assert.equal(restored.meta.revision, 71);
      assert.equal((await s.getReport(o.meta.id)).report.preamble, '第40版');
      assert.equal((await s.getRevision(o.meta.id, 70)).preamble, '第70版', 'history is never lost by restoring');
      await s.close();
      assert.equal(readdirSync(join(t.dir, 'revisions', o.meta.id)).length, (await (async () => {
        const x = await openStore(t.dir);
        const n = (await x.listRevisions(o.meta.id)).length;
        await x.close();
        return n;
      })()));
    } finally {
      t.done();
    }
  });

  it('thins older revisions to one per hour for a week, then one per day', async () => {
    const t = tempDir();
    try {
      let clock = Date.parse('2025-01-01T00:30:00Z');
      const s = await openStore(t.dir, { now: () => new Date(clock) });
      const o = await s.createReport({ year: 2024 });
      const r = realisticReport();
      // 10 days, 12 saves a day two hours apart, then 60 saves a minute apart.
      for (let d = 0; d < 10; d++) for (let h = 0; h < 12; h++) {
        clock += 2 * 3600_000;
        await s.saveReport(o.meta.id, { ...r, preamble: `d${d}h${h}` });
      }
      for (let i = 0; i < 60; i++) {
        clock += 60_000;
        await s.saveReport(o.meta.id, { ...r, preamble: `m${i}` });
      }
      const revs = await s.listRevisions(o.meta.id);
      const now = clock;
      const older = revs.slice(50).filter((x) => x.revision !== 1);
      const day = (x: { savedAt: string }) => new Date(x.savedAt).toDateString();
      const hour = (x: { savedAt: string }) => `${day(x)} ${new Date(x.savedAt).getHours()}`;
      const weekAgo = now - 7 * 24 * 3600_000;
      const oldDays = older.filter((x) => Date.parse(x.savedAt) < weekAgo).map(day);
      assert.equal(new Set(oldDays).size, oldDays.length, 'one per day beyond a week');
      const recentHours = older.filter((x) => Date.parse(x.savedAt) >= weekAgo).map(hour);
      assert.equal(new Set(recentHours).size, recentHours.length, 'one per hour within the week');
      assert.ok(oldDays.length >= 2 && recentHours.length >= 50, `kept ${oldDays.length} daily, ${recentHours.length} hourly`);
      assert.ok(revs.length < 1 + 120 + 60);
      await s.close();
      // The thinned files are gone from the disk once the store has closed; the listed ones remain.
      const files = readdirSync(join(t.dir, 'revisions', o.meta.id)).sort();
      assert.equal(files.length, revs.length);
      const s2 = await openStore(t.dir);
      assert.deepEqual(await s2.listRevisions(o.meta.id), revs);
      await s2.close();
    } finally {
      t.done();
    }
  });

  it('an unchanged save (autosave) makes no new revision but updates the checker counts', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024 });
      const r = realisticReport();
      const m1 = await s.saveReport(o.meta.id, r);
      const m2 = await s.saveReport(o.meta.id, structuredClone(r));
      assert.equal(m2.revision, m1.revision);
      const m3 = await s.saveReport(o.meta.id, r, { findings: { errors: 1, warnings: 2, infos: 0 } });
      assert.equal(m3.revision, m1.revision);
      assert.deepEqual(m3.findings, { errors: 1, warnings: 2, infos: 0 });
      assert.equal((await s.listRevisions(o.meta.id)).length, 2);
      await s.close();
      const s2 = await openStore(t.dir);
      assert.deepEqual((await s2.listReports())[0].findings, { errors: 1, warnings: 2, infos: 0 });
      await s2.close();
    } finally {
      t.done();
    }
  });
});

describe('store: 回收站, rename, findPrevious', () => {
  it('moves reports to the trash and back', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const a = await s.createReport({ year: 2023 });
      const b = await s.createReport({ year: 2024 });
      const d = await s.deleteReport(a.meta.id);
      assert.ok(d.deletedAt);
      assert.deepEqual((await s.listReports()).map((m) => m.id), [b.meta.id]);
      assert.deepEqual((await s.listTrash()).map((m) => m.id), [a.meta.id]);
      assert.equal((await s.getReport(a.meta.id)).meta.deletedAt, d.deletedAt, 'a trashed report can still be viewed');
      await s.close();
      const s2 = await openStore(t.dir);
      assert.deepEqual((await s2.listTrash()).map((m) => m.id), [a.meta.id]);
      const back = await s2.restoreReport(a.meta.id);
      assert.equal(back.deletedAt, null);
      assert.equal(back.revision, 1, 'trash changes no content: no new revision');
      assert.deepEqual((await s2.listReports()).map((m) => m.id).sort(), [a.meta.id, b.meta.id].sort());
      assert.deepEqual(await s2.listTrash(), []);
      await s2.close();
    } finally {
      t.done();
    }
  });

  it('renames a report (its title) as a new revision', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024, report: realisticReport() });
      const m = await s.renameReport(o.meta.id, '  恩和镇2024年政务公开年报  ');
      assert.equal(m.title, '恩和镇2024年政务公开年报');
      assert.equal(m.revision, 2);
      assert.equal((await s.getReport(o.meta.id)).report.title, '恩和镇2024年政务公开年报');
      await s.close();
    } finally {
      t.done();
    }
  });

  it('finds last year\'s report: the basedOn link first, else same office and year − 1', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const office = { name: '中宁县恩和镇人民政府' };
      const y23 = await s.createReport({ year: 2023, report: { ...realisticReport(), year: 2023, office, preamble: '2023' } });
      const other23 = await s.createReport({ year: 2023, report: { ...realisticReport(), year: 2023, office: { name: '别的镇人民政府' }, preamble: 'other' } });
      const y24 = await s.createReport({ year: 2024, report: { ...realisticReport(), year: 2024, office, preamble: '2024' } });
      assert.equal((await s.findPrevious(y24.meta.id))?.preamble, '2023');
      assert.equal(await s.findPrevious(y23.meta.id), null);

      const linked = await s.createReport({
        year: 2024,
        report: { ...realisticReport(), year: 2024, office, provenance: { basedOn: { reportId: other23.meta.id, year: 2023, title: null } } },
      });
      assert.equal(linked.meta.basedOn, other23.meta.id);
      assert.equal((await s.findPrevious(linked.meta.id))?.preamble, 'other', 'the link wins over the office name');

      await s.deleteReport(y23.meta.id);
      assert.equal(await s.findPrevious(y24.meta.id), null, 'trashed reports are not found by office and year');
      await rejectsWith(s.findPrevious('2024-nosuchreport'), 'not_found');
      await s.close();
    } finally {
      t.done();
    }
  });

  it('serialises concurrent saves (autosave racing a manual save)', async () => {
    const t = tempDir();
    try {
      const s = await openStore(t.dir);
      const o = await s.createReport({ year: 2024 });
      const r = realisticReport();
      const metas = await Promise.all(Array.from({ length: 20 }, (_, i) => s.saveReport(o.meta.id, { ...r, preamble: `p${i}` })));
      assert.deepEqual(metas.map((m) => m.revision), Array.from({ length: 20 }, (_, i) => i + 2));
      assert.equal((await s.getReport(o.meta.id)).report.preamble, 'p19');
      await s.close();
      noTemps(t.dir);
    } finally {
      t.done();
    }
  });
});
