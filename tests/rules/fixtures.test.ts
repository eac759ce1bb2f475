import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import type { Finding } from '../../shared/findings.js';
import { checkReport } from '../../shared/rules/index.js';
import { readFileSync } from 'node:fs';
import { importBuffer, importPath } from '../../main/import/index.js';
import { formatLocation } from '../../main/cli/commands/check.js';
import { fixture } from '../helpers/fixtures.js';

/** The real reports, read by the importer exactly as `nianbao check` reads them. */
async function check(name: string, t: TestContext): Promise<{ findings: Finding[]; preamble: string; text: (path: string) => string }> {
  const { report } = await importPath(fixture(...name.split('/')));
  const findings = checkReport(report);
  // The full list, for the lead's note (node --test shows diagnostics under the test).
  for (const f of findings) t.diagnostic(`${name}: ${f.severity} ${f.rule} ${formatLocation(f.locations[0])} ${f.message}`);
  if (findings.length === 0) t.diagnostic(`${name}: no findings`);
  const text = (path: string) => {
    const [a, b, c, d] = path.split('.');
    if (a === 'sections') return report.sections[b as 'overview'][Number(c)][d as 'text'];
    return (report as unknown as Record<string, string>)[a];
  };
  return { findings, preamble: report.preamble ?? '', text };
}

const rules = (fs: Finding[]) => fs.map((f) => f.rule);

describe('real reports (../shared/fixtures)', () => {
  it('yongning-lijun-2023: the statistics period “2023 年 1 日至 12 月 31 日” is caught, with the corrected sentence', async (t) => {
    const { findings, preamble } = await check('reports/yongning-lijun-2023.txt', t);
    const p = findings.filter((f) => f.rule === 's.period');
    assert.equal(p.length, 1);
    assert.equal(p[0].severity, 'error');
    const loc = p[0].locations[0] as { kind: 'text'; path: string; start: number; end: number };
    assert.equal(preamble.slice(loc.start, loc.end), '2023 年 1 日至 12 月 31 日');
    assert.deepEqual(p[0].fix?.edits[0], { kind: 'text', path: 'preamble', start: loc.start, end: loc.end, replacement: '2023年1月1日至2023年12月31日' });
    // Table 三 is cut off after （三）8 in the PDF: the rows that are not there are reported, once.
    assert.equal(findings.filter((f) => f.rule === 'cell.empty').length, 1);
    // Its prose (未收到依申请公开件, 没有…行政复议、行政诉讼) agrees with its all-zero tables.
    assert.ok(!findings.some((f) => f.rule.startsWith('t.')), rules(findings).join(' '));
  });

  it('xingqing-zhangzheng-2023: the missing tables 三 and 四 are caught', async (t) => {
    const { findings } = await check('reports/xingqing-zhangzheng-2023.txt', t);
    const missing = findings.filter((f) => f.rule === 's.sections');
    assert.deepEqual(
      missing.map((f) => [f.severity, f.locations[0]]),
      [
        ['error', { kind: 'section', section: 'applications' }],
        ['error', { kind: 'section', section: 'reviews' }],
      ],
    );
    assert.match(missing[0].message, /表三/);
    assert.match(missing[1].message, /表四/);
    // Its section 六 says nothing of the 信息处理费 (a real omission of the published report).
    assert.ok(rules(findings).includes('t.fee'));
  });

  it('longde-liancai-2019: the text counts 规范性文件 80条 and 规章 2条 while table 二 says 0', async (t) => {
    const { findings, text } = await check('reports/longde-liancai-2019.txt', t);
    const a = findings.filter((f) => f.rule === 't.active');
    assert.equal(a.length, 2);
    const phrases = a.map((f) => {
      const l = f.locations[0] as { path: string; start: number; end: number };
      return text(l.path).slice(l.start, l.end);
    });
    assert.deepEqual(phrases, ['规范性文件80条', '规章2条']);
    assert.match(a[0].message, /80/);
    assert.match(a[0].message, /本年新制作数量 0、本年新公开数量 0、对外公开总数量 0/);
    assert.match(a[1].message, /规章2条/);
    // A 2019 report in the 2019 format, before 国办函〔2020〕109号: neither s.format nor t.fee applies.
    assert.ok(!rules(findings).includes('s.format'));
    assert.ok(!rules(findings).includes('t.fee'));
    // Its section 六 is missing: said, without asking for the 2020 fee statement.
    const six = findings.filter((f) => f.rule === 's.sections');
    assert.deepEqual(six.map((f) => f.locations[0]), [{ kind: 'section', section: 'other' }]);
    assert.equal(six[0].severity, 'error');
    assert.doesNotMatch(six[0].message, /处理费/);
  });

  it('zhongning-enhe-2024 has no error', async (t) => {
    const { findings } = await check('reports/zhongning-enhe-2024.txt', t);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => f.message),
      [],
    );
    // 收到依申请公开2件 · 行政复议1件 · 无行政诉讼 all agree with the tables.
    assert.ok(!findings.some((f) => f.rule.startsWith('t.')));
  });

  // What the documents yield depends on the importer's reading of Word/PDF layout (its own tests
  // compare every cell with expected/); here only what the checker itself decides is asserted.
  it('huaian-city-2024: a city’s 96171.6 万元 of fees is not taken for 元', async (t) => {
    const { findings } = await check('documents/huaian-city-2024.pdf', t);
    assert.ok(!rules(findings).includes('cell.money'));
  });

  it('template-2021-blank: every table blank, the template’s prompts are not taken for text', async (t) => {
    const { findings } = await check('documents/template-2021-blank.docx', t);
    assert.deepEqual(
      findings.filter((f) => f.rule === 'cell.empty').map((f) => f.locations.length),
      [10, 144, 12],
    );
    assert.ok(!rules(findings).includes('s.problems')); // “（文字描述）” is an empty section, said once by s.sections
    assert.deepEqual(
      findings.filter((f) => f.rule === 's.sections').map((f) => (f.locations[0] as { section: string }).section),
      ['overview', 'problems', 'other'],
    );
  });

  // The whole list for each fixture, each one judged true in the closing note: a finding that
  // appears or goes away on a real report is a decision to make, not a silent change.
  it('every fixture gives exactly the findings judged true, and nothing else', async (t) => {
    const expected: Record<string, string[]> = {
      'reports/longde-liancai-2019.txt': ['error s.sections', 'warning s.headings', 'warning s.headings', 'warning t.active', 'warning t.active'],
      'reports/xingqing-zhangzheng-2023.txt': ['error s.sections', 'error s.sections', 'error t.fee', 'warning s.contact'],
      'reports/yongning-lijun-2023.txt': ['error s.period', 'error cell.empty'],
      'reports/zhongning-enhe-2024.txt': ['warning s.headings'],
      'documents/zhongning-enhe-2024.docx': ['warning s.headings'],
      'documents/zhongning-enhe-2024.doc': ['warning s.headings'],
      'documents/zhongning-enhe-2024.pdf': ['warning s.headings'],
      'documents/huaian-city-2024.pdf': ['warning s.contact'],
    };
    for (const [name, list] of Object.entries(expected)) {
      const { findings } = await check(name, t);
      assert.deepEqual(
        findings.map((f) => `${f.severity} ${f.rule}`),
        list,
        name,
      );
    }
  });

  it('an imported report whose printed total differs from the recomputed one: both figures shown', async () => {
    const text = readFileSync(fixture('reports', 'zhongning-enhe-2024.txt'), 'utf8');
    const changed = text.replace('一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2', '一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t3');
    assert.notEqual(changed, text);
    const { report } = await importBuffer('zhongning.txt', new TextEncoder().encode(changed));
    assert.deepEqual(report.tables.applications?.new, [2, 0, 0, 0, 0, 0, 3]); // the printed total is kept, not recomputed
    const f = checkReport(report).filter((x) => x.rule === 'b.rowTotal');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.deepEqual(f[0].locations[0], { kind: 'cell', ref: { table: 'applications', row: 'new', col: 'total' } });
    assert.match(f[0].message, /2\+0\+0\+0\+0\+0=2，但总计填的是 3，相差 1/);
  });
});
