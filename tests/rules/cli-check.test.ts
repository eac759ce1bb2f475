import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { toInterchange } from '../../shared/model/index.js';
import type { Report } from '../../shared/model/index.js';
import { runCli } from '../../main/cli/index.js';
import { fixture } from '../helpers/fixtures.js';
import { clone, goodReport, withCells } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-check-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, r: Report): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, JSON.stringify(toInterchange(r), null, 2));
  return p;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['check', ...argv], { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env: {}, cwd: dir });
  return { code, out, err };
}

const good = goodReport();
const bad = withCells(good, [{ ref: { table: 'applications', row: 'new', col: 'total' }, value: 3 }], false);
write('good.nianbao.json', good);
write('county/bad.nianbao.json', bad);
writeFileSync(join(dir, 'county', 'notes.xlsx'), 'not a report'); // not importable: skipped inside a folder
writeFileSync(join(dir, 'broken.nianbao.json'), '{"schema": "nianbao/1", "format": "2021", "year": "二〇二四"');

describe('nianbao check', () => {
  it('a clean file: summary only, exit 0', async () => {
    const r = await cli('good.nianbao.json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'good.nianbao.json: 通过，没有发现问题（中宁县恩和镇人民政府 2024年度）\n');
  });

  it('one line per finding `file: severity rule-id location message`, exit 1 on an error', async () => {
    const r = await cli('county/bad.nianbao.json');
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0], /^county\/bad\.nianbao\.json: 错误 b\.rowTotal cell:applications\/new\/total 表三.*2\+0\+0\+0\+0\+0=2.*3/);
    assert.match(lines[lines.length - 1], /^county\/bad\.nianbao\.json: 2 个错误，0 个警告，0 个提示/); // b.rowTotal and b.balance (总计 column)
  });

  it('a folder: every importable file inside, others skipped', async () => {
    const r = await cli('.');
    assert.equal(r.code, 2); // broken.nianbao.json cannot be read; the others are still checked
    assert.match(r.out, /good\.nianbao\.json: 通过/);
    assert.match(r.out, /county\/bad\.nianbao\.json: 错误 b\.rowTotal/);
    assert.doesNotMatch(r.out + r.err, /notes\.xlsx/);
    assert.match(r.err, /broken\.nianbao\.json: 无法读取/);
    assert.match(r.out, /共检查 3 个文件：1 个有错误，1 个无法读取。/);
  });

  it('--json: an array of {file, findings[]}', async () => {
    const r = await cli('--json', 'good.nianbao.json', 'county');
    assert.equal(r.code, 1);
    const parsed = JSON.parse(r.out) as { file: string; findings: { rule: string; severity: string; locations: unknown[]; message: string }[] }[];
    assert.deepEqual(
      parsed.map((x) => x.file),
      ['good.nianbao.json', join('county', 'bad.nianbao.json')],
    );
    assert.deepEqual(parsed[0].findings, []);
    assert.equal(parsed[1].findings[0].rule, 'b.rowTotal');
    assert.deepEqual(parsed[1].findings[0].locations[0], { kind: 'cell', ref: { table: 'applications', row: 'new', col: 'total' } });
  });

  it('--previous: the cross-year rules', async () => {
    const prev = withCells(clone(good), [{ ref: { table: 'applications', row: 'carriedOut', col: 'natural' }, value: 1 }]);
    prev.year = 2023;
    write('prev/2023.nianbao.json', prev);
    const r = await cli('good.nianbao.json', '--previous', 'prev/2023.nianbao.json');
    assert.equal(r.code, 0);
    assert.match(r.out, /good\.nianbao\.json: 警告 b\.carriedIn cell:applications\/carriedIn\/natural .*2023年度/);
    // checked together, last year's report of the same office is found without --previous
    const both = await cli('good.nianbao.json', 'prev');
    assert.match(both.out, /good\.nianbao\.json: 警告 b\.carriedIn/);
    // another office's report is not last year's: said on stderr, not used
    const other = clone(prev);
    other.office.name = '中宁县鸣沙镇人民政府';
    write('other/2023.nianbao.json', other);
    const mismatch = await cli('good.nianbao.json', '--previous', 'other/2023.nianbao.json');
    assert.equal(mismatch.code, 0);
    assert.doesNotMatch(mismatch.out, /b\.carriedIn/);
    assert.match(mismatch.err, /中宁县鸣沙镇人民政府2023年度.*没有用于跨年度检查/);
  });

  it('reads what the importer reads: a real report as text', async () => {
    const r = await cli(fixture('reports', 'yongning-lijun-2023.txt'));
    assert.equal(r.code, 1);
    assert.match(r.out, /错误 s\.period text:preamble:\d+-\d+ .*2023 年 1 日至 12 月 31 日/);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await cli()).code, 2);
    assert.equal((await cli('good.nianbao.json', '--deadline', '1月31日')).code, 2);
    assert.equal((await cli('nothing-here.docx')).code, 2);
  });
});
