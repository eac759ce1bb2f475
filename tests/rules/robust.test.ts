import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../shared/findings.js';
import { eachCell, setCells } from '../../shared/model/index.js';
import type { Report } from '../../shared/model/index.js';
import { findCell, getTemplate, SECTION_IDS, TABLE_IDS } from '../../shared/templates/index.js';
import { checkReport } from '../../shared/rules/index.js';
import { importPath } from '../../main/import/index.js';
import { fixture } from '../helpers/fixtures.js';
import { clone, goodReport } from './helpers.js';

/** Resolves a TextPath of shared/findings.ts to the text it names. */
function textAt(r: Report, path: string): string | undefined {
  const [a, b, c, d] = path.split('.');
  if (a === 'sections') return r.sections[b as 'overview' | 'problems' | 'other'][Number(c)]?.[d as 'heading' | 'text'];
  if (a === 'headings') return r.headings?.[b as 'overview'] ?? undefined;
  if (a === 'title' || a === 'preamble' || a === 'issuedOn' || a === 'signature') return r[a] ?? undefined;
  return undefined;
}

/** Every location and edit points at something that exists; every finding says something. */
function assertWellFormed(r: Report, fs: Finding[]): void {
  for (const f of fs) {
    assert.ok(f.message.length > 10, f.rule);
    assert.ok(f.locations.length > 0, f.rule);
    for (const l of [...f.locations, ...(f.fix?.edits ?? [])]) {
      if (l.kind === 'text') {
        const text = textAt(r, l.path);
        // An edit may append to an existing field; a location always names an existing one.
        assert.ok(text !== undefined, `${f.rule}: no text at ${l.path}`);
        assert.ok(0 <= l.start && l.start <= l.end && l.end <= text.length, `${f.rule}: span ${l.start}-${l.end} outside ${l.path} (${text.length})`);
      } else if (l.kind === 'cell') {
        assert.ok(findCell(getTemplate(r.format).tables[l.ref.table], l.ref), `${f.rule}: no cell ${JSON.stringify(l.ref)}`);
      } else if (l.kind === 'section') {
        assert.ok(SECTION_IDS.includes(l.section));
      }
    }
  }
}

/** A deterministic generator (tests must be repeatable). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('findings are well-formed', () => {
  it('on the real reports', async () => {
    for (const name of ['yongning-lijun-2023', 'xingqing-zhangzheng-2023', 'longde-liancai-2019', 'zhongning-enhe-2024']) {
      const { report } = await importPath(fixture('reports', `${name}.txt`));
      assertWellFormed(report, checkReport(report, { previous: report }));
    }
  });

  it('on 300 randomly damaged reports (cells, rows, tables, texts), without throwing', () => {
    const rnd = lcg(20240131);
    const base = goodReport();
    const values = [null, 0, 1, 2, 3, 7, -1, 2.5, 12345.678901, 99999];
    const texts = ['', '无', '2023 年 1 日至 12 月 31 日', '收到依申请公开 两 件', '未收到政府信息公开申请', '行政复议3件，行政诉讼1件', '（文字描述）', '规范性文件80条，规章2条'];
    for (let n = 0; n < 300; n++) {
      let r = clone(base);
      r.year = [2019, 2023, 2024, null][Math.floor(rnd() * 4)];
      r.format = rnd() < 0.2 ? '2019' : '2021';
      if (r.format === '2019') r = { ...r, tables: { active: null, applications: null, reviews: null } };
      const changes = [];
      for (const id of TABLE_IDS) {
        if (rnd() < 0.1) continue;
        for (const c of eachCell(getTemplate(r.format).tables[id])) if (rnd() < 0.3) changes.push({ ref: { table: c.table, row: c.row, col: c.col }, value: values[Math.floor(rnd() * values.length)] });
      }
      r.tables = setCells(r.format, r.tables, changes);
      if (rnd() < 0.2 && r.tables.applications) r.tables.applications.carriedOut = null;
      if (rnd() < 0.1) r.tables.reviews = null;
      for (const sec of ['overview', 'problems', 'other'] as const) for (const p of r.sections[sec]) if (rnd() < 0.3) p.text = texts[Math.floor(rnd() * texts.length)];
      if (rnd() < 0.3) r.preamble = texts[Math.floor(rnd() * texts.length)];
      if (rnd() < 0.3) r.title = `某镇${2020 + Math.floor(rnd() * 6)}年政务公开工作年度报告`;
      if (rnd() < 0.3) r.headings = { problems: '存在的问题', other: '六、其他事项' };
      const previous = rnd() < 0.5 ? clone(base) : null;
      assertWellFormed(r, checkReport(r, { previous }));
    }
  });
});
