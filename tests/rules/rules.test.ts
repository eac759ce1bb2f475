import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTotals, blankReport, generatePreamble } from '../../shared/model/index.js';
import type { Report } from '../../shared/model/index.js';
import { checkReport, RULE_IDS } from '../../shared/rules/index.js';
import { clone, filledTables, findingsOf, goodReport, includesAll, none, OFFICE, only, withCells } from './helpers.js';

const cell = (table: 'active' | 'applications' | 'reviews', row: string, col: string) => ({ kind: 'cell' as const, ref: { table, row, col } });
const B = (row: string, col: string) => ({ table: 'applications' as const, row, col });
const C = (row: string, col: string) => ({ table: 'reviews' as const, row, col });
const A = (row: string, col: string) => ({ table: 'active' as const, row, col });

function withText(r: Report, section: 'overview' | 'problems' | 'other', index: number, text: string): Report {
  const next = clone(r);
  next.sections[section][index].text = text;
  return next;
}

describe('the complete report', () => {
  it('passes every rule', () => {
    assert.deepEqual(checkReport(goodReport()), []);
  });
  it('registers every rule of spec/rules.md once', () => {
    const spec = [
      'cell.integer', 'cell.money', 'cell.empty', 'b.rowTotal', 'b.resultTotal', 'b.balance', 'b.carriedIn', 'c.groupTotal', 'c.pendingCarried',
      'a.inForce', 'a.repealed', 'a.township', 't.applications', 't.reviews', 't.active', 't.fee', 't.suits', 's.sections', 's.period',
      's.yearMentions', 's.title', 's.headings', 's.format', 's.citation', 's.problems', 's.contact', 's.deadline',
    ];
    assert.deepEqual([...RULE_IDS].sort(), [...spec].sort());
  });
});

describe('cells', () => {
  it('cell.integer: a fraction or a negative count', () => {
    const f = only(withCells(goodReport(), [{ ref: B('new', 'natural'), value: 2.5 }], false), 'cell.integer');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.locations[0], cell('applications', 'new', 'natural'));
    includesAll(f.message, '2.5', '自然人', '整数');
    const g = only(withCells(goodReport(), [{ ref: C('review', 'upheld'), value: -1 }]), 'cell.integer');
    includesAll(g.message, '-1', '负数');
    assert.deepEqual(g.locations[0], cell('reviews', 'review', 'upheld'));
  });
  it('cell.integer: 本年增/减 may be negative', () => {
    const r = blankReport(2019, OFFICE, '2019');
    r.tables = filledTables('2019', [{ ref: A('licensing', 'change'), value: -3 }]);
    none(r, 'cell.integer');
  });
  it('cell.money: negative, more than four decimals, ≥ 10000 万元', () => {
    const neg = only(withCells(goodReport(), [{ ref: A('fees', 'amountWanYuan'), value: -1 }]), 'cell.money');
    assert.equal(neg.severity, 'error');
    const dec = only(withCells(goodReport(), [{ ref: A('fees', 'amountWanYuan'), value: 1.23456 }]), 'cell.money');
    assert.equal(dec.severity, 'error');
    includesAll(dec.message, '1.23456', '1.2346');
    assert.deepEqual(dec.fix?.edits, [{ kind: 'cell', ref: A('fees', 'amountWanYuan'), value: 1.2346 }]);
    const big = only(withCells(goodReport(), [{ ref: A('fees', 'amountWanYuan'), value: 25000 }]), 'cell.money');
    assert.equal(big.severity, 'warning');
    assert.deepEqual(big.locations[0], cell('active', 'fees', 'amountWanYuan'));
    includesAll(big.message, '25000', '2.5');
    none(withCells(goodReport(), [{ ref: A('fees', 'amountWanYuan'), value: 0.5 }]), 'cell.money');
  });
  it('cell.money: a city government really collects that much', () => {
    const r = withCells(goodReport(), [{ ref: A('fees', 'amountWanYuan'), value: 96171.6 }]);
    r.office.name = '淮安市人民政府';
    none(r, 'cell.money');
  });
  it('cell.empty: one finding per table, every blank cell located', () => {
    const f = only(withCells(goodReport(), [{ ref: B('carriedOut', 'research'), value: null }]), 'cell.empty');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.locations, [cell('applications', 'carriedOut', 'research')]);
    includesAll(f.message, '表三', '1 个空格', '科研机构', '填 0');
    const blank = findingsOf(blankReport(2024, OFFICE), 'cell.empty');
    assert.deepEqual(blank.map((x) => x.locations.length), [10, 144, 12]);
  });
});

describe('table 三 (applications)', () => {
  it('b.rowTotal: shows both the printed and the computed total, fix adopts the computed one', () => {
    none(goodReport(), 'b.rowTotal');
    const r = withCells(goodReport(), [{ ref: B('new', 'total'), value: 3 }], false);
    const f = only(r, 'b.rowTotal');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.locations[0], cell('applications', 'new', 'total'));
    includesAll(f.message, '2+0+0+0+0+0=2', '3', '相差 1');
    assert.deepEqual(f.fix?.edits, [{ kind: 'cell', ref: B('new', 'total'), value: 2 }]);
  });
  it('b.resultTotal: （七）总计 of a column', () => {
    none(goodReport(), 'b.resultTotal');
    const f = only(withCells(goodReport(), [{ ref: B('resultTotal', 'natural'), value: 3 }], false), 'b.resultTotal');
    assert.deepEqual(f.locations[0], cell('applications', 'resultTotal', 'natural'));
    includesAll(f.message, '自然人', '三（一）至三（六）', '为 2', '填的是 3');
    assert.deepEqual(f.fix?.edits, [{ kind: 'cell', ref: B('resultTotal', 'natural'), value: 2 }]);
  });
  it('b.balance: 一+二 = 三（七）+四 per column, with the column label', () => {
    none(goodReport(), 'b.balance');
    const r = withCells(goodReport(), [{ ref: B('carriedOut', 'natural'), value: 1 }]);
    const fs = findingsOf(r, 'b.balance');
    assert.equal(fs.length, 2); // 自然人 and 总计
    assert.equal(fs[0].severity, 'error');
    assert.deepEqual(fs[0].locations[0], cell('applications', 'new', 'natural'));
    includesAll(fs[0].message, '自然人', '一+二=2，但三（七）+四=3，相差1');
    includesAll(fs[1].message, '总计', '一+二=2，但三（七）+四=3，相差1');
  });
  it('b.carriedIn: last year’s 四 is this year’s 二', () => {
    const previous = withCells(goodReport(), [{ ref: B('carriedOut', 'natural'), value: 1 }]);
    previous.year = 2023;
    const f = only(goodReport(), 'b.carriedIn', { previous });
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.locations[0], cell('applications', 'carriedIn', 'natural'));
    includesAll(f.message, '自然人', '填的是 0', '2023年度', '是 1');
    assert.deepEqual(f.fix?.edits, [{ kind: 'cell', ref: B('carriedIn', 'natural'), value: 1 }]);
    none(goodReport(), 'b.carriedIn', { previous: goodReport() });
    none(goodReport(), 'b.carriedIn'); // no previous report: nothing to compare
  });
});

describe('table 四 (reviews)', () => {
  it('c.groupTotal', () => {
    none(goodReport(), 'c.groupTotal');
    const f = only(withCells(goodReport(), [{ ref: C('review', 'total'), value: 2 }], false), 'c.groupTotal');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.locations[0], cell('reviews', 'review', 'total'));
    includesAll(f.message, '行政复议', '结果纠正 1', '= 1', '填的是 2', '相差 1');
    assert.deepEqual(f.fix?.edits, [{ kind: 'cell', ref: C('review', 'total'), value: 1 }]);
  });
  it('c.pendingCarried: last year’s pending cases', () => {
    const previous = withCells(goodReport(), [{ ref: C('review', 'pending'), value: 2 }]);
    previous.year = 2023;
    const f = only(goodReport(), 'c.pendingCarried', { previous });
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.locations[0], cell('reviews', 'review', 'upheld'));
    includesAll(f.message, '2023年度', '尚未审结 2 件', '合计只有 1 件');
    const one = withCells(goodReport(), [{ ref: C('review', 'pending'), value: 1 }]);
    none(goodReport(), 'c.pendingCarried', { previous: one });
  });
});

describe('table 二 (active)', () => {
  const prev = (inForce: number) => {
    const p = withCells(goodReport(), [{ ref: A('normativeDocs', 'inForce'), value: inForce }]);
    p.year = 2023;
    return p;
  };
  it('a.inForce: last year + issued − repealed', () => {
    const r = withCells(goodReport(), [
      { ref: A('normativeDocs', 'issued'), value: 2 },
      { ref: A('normativeDocs', 'repealed'), value: 1 },
      { ref: A('normativeDocs', 'inForce'), value: 5 },
    ]);
    const f = only(r, 'a.inForce', { previous: prev(5) });
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.locations[0], cell('active', 'normativeDocs', 'inForce'));
    includesAll(f.message, '行政规范性文件', '现行有效 5 件', '制发 2 件', '废止 1 件', '= 6 件', '填的是 5 件');
    assert.deepEqual(f.fix?.edits, [{ kind: 'cell', ref: A('normativeDocs', 'inForce'), value: 6 }]);
    none(withCells(r, [{ ref: A('normativeDocs', 'inForce'), value: 6 }]), 'a.inForce', { previous: prev(5) });
  });
  it('a.repealed: cannot repeal more than there was', () => {
    const r = withCells(goodReport(), [{ ref: A('normativeDocs', 'repealed'), value: 3 }]);
    const f = only(r, 'a.repealed', { previous: prev(1) });
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.locations[0], cell('active', 'normativeDocs', 'repealed'));
    includesAll(f.message, '废止 3 件', '现行有效只有 1 件', '最多只能废止 1 件');
    none(r, 'a.repealed', { previous: prev(3) });
  });
  it('a.township: a township makes no 规章', () => {
    const r = withCells(goodReport(), [{ ref: A('regulations', 'issued'), value: 1 }]);
    const f = only(r, 'a.township');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.locations, [cell('active', 'regulations', 'issued')]);
    includesAll(f.message, '中宁县恩和镇人民政府', '规章', '填了 1');
    const county = clone(r);
    county.office.name = '银川市人民政府';
    none(county, 'a.township');
  });
});

describe('text against tables', () => {
  it('t.applications: the count and 未收到', () => {
    const r = withText(goodReport(), 'overview', 2, '收到依申请公开 3 件，已办结，因政府信息公开申请引起行政复议1件，无行政诉讼情况。');
    const f = only(r, 't.applications');
    assert.equal(f.severity, 'warning');
    assert.equal(f.locations[0].kind, 'text');
    const loc = f.locations[0] as { path: string; start: number; end: number };
    assert.equal(loc.path, 'sections.overview.2.text');
    assert.equal(r.sections.overview[2].text.slice(loc.start, loc.end), '收到依申请公开 3 件');
    assert.deepEqual(f.locations[1], cell('applications', 'new', 'total'));
    includesAll(f.message, '3 件', '总计为 2 件');
    const neg = only(withText(goodReport(), 'overview', 2, '本年度未收到政府信息公开申请，因政府信息公开申请引起行政复议1件，无行政诉讼。'), 't.applications');
    includesAll(neg.message, '未收到政府信息公开申请', '总计为 2 件');
  });
  it('t.reviews and t.suits', () => {
    const r = withText(goodReport(), 'overview', 2, '收到依申请公开2件，因政府信息公开申请引起行政复议两件，行政诉讼1件。');
    const rv = only(r, 't.reviews');
    assert.equal(rv.severity, 'warning');
    assert.deepEqual(rv.locations[1], cell('reviews', 'review', 'total'));
    includesAll(rv.message, '行政复议两件', '（2 件）', '为 1 件');
    const su = only(r, 't.suits');
    assert.equal(su.severity, 'warning');
    const sl = su.locations[0] as { kind: string; path: string; start: number; end: number };
    assert.equal(r.sections.overview[2].text.slice(sl.start, sl.end), '行政诉讼1件');
    includesAll(su.message, '行政诉讼1件', '合计为 0 件');
    assert.deepEqual(su.locations.slice(1), [cell('reviews', 'suitDirect', 'total'), cell('reviews', 'suitAfterReview', 'total')]);
    const neg = withText(goodReport(), 'overview', 2, '收到依申请公开2件，未发生因政府信息公开申请引起的行政复议和行政诉讼。');
    includesAll(only(neg, 't.reviews').message, '没有行政复议', '为 1 件');
    none(neg, 't.suits');
  });
  it('t.active: counts of 规范性文件, 规章, 行政处罚 stated in the text', () => {
    none(goodReport(), 't.active'); // 行政处罚8件 agrees
    const r = withText(goodReport(), 'overview', 1, '通过政务公开平台向群众公开规范性文件80条，规章2条，作出行政处罚8件。');
    const fs = findingsOf(r, 't.active');
    assert.equal(fs.length, 2);
    assert.deepEqual(fs.map((f) => f.severity), ['warning', 'warning']);
    const loc = fs[0].locations[0] as { kind: string; path: string; start: number; end: number };
    assert.equal(loc.kind, 'text');
    assert.equal(r.sections.overview[1].text.slice(loc.start, loc.end), '规范性文件80条');
    includesAll(fs[0].message, '规范性文件80条', '本年制发件数 0', '没有一栏是 80');
    includesAll(fs[1].message, '规章2条', '没有一栏是 2');
    assert.deepEqual(fs[0].locations[1], cell('active', 'normativeDocs', 'issued'));
  });
  it('t.fee: section 六 states the 信息处理费; never inferred from 行政事业性收费', () => {
    const r = withText(goodReport(), 'other', 0, '本年度无其他需要报告的事项。');
    const f = only(r, 't.fee');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.locations[0], { kind: 'section', section: 'other' });
    includesAll(f.message, '信息处理费', '国办函〔2020〕109号');
    assert.equal(f.fix?.edits[0].kind, 'text');
    // 行政事业性收费 in table 二 says nothing about the 信息处理费
    only(withCells(r, [{ ref: A('fees', 'amountWanYuan'), value: 0 }]), 't.fee');
    const unpaid = withCells(r, [{ ref: B('other.unpaidFee', 'natural'), value: 1 }, { ref: B('new', 'natural'), value: 3 }]);
    const g = only(unpaid, 't.fee');
    includesAll(g.message, '有 1 件', '收费通知');
    assert.equal(g.fix, undefined); // fee notices were sent: the app does not suggest “未收取”
    const noAmount = only(withText(goodReport(), 'other', 0, '本年度依规定收取信息处理费。'), 't.fee');
    includesAll(noAmount.message, '没有写金额');
    none(withText(goodReport(), 'other', 0, '本年度收取信息处理费 120 元。'), 't.fee');
    const old = clone(r);
    old.year = 2019;
    none(old, 't.fee');
  });
  // Each phrase of section 六 the fee rule reads: stated (passes) or not stated / no amount (fails).
  const FEE_STATED = [
    '2024 年，恩和镇未收取信息处理费。',
    '本机关 2023 年未收到政府信息公开申请，未收取信息处理费。',
    '本年度没有收取政府信息公开信息处理费。',
    '本年度不收取信息处理费。',
    '本年度免收信息处理费。',
    '本年度无信息处理费。',
    '信息处理费收取金额为0元。',
    '全年收取政府信息公开信息处理费 3940 元。',
    '收取信息处理费 0.12 万元。',
  ];
  for (const text of FEE_STATED) it(`t.fee: “${text}” states the fee`, () => none(withText(goodReport(), 'other', 0, text), 't.fee'));
  const FEE_NOT_STATED: [string, string][] = [
    ['本年度无其他需要报告的事项。', '没有说明本年度是否收取信息处理费'],
    ['本年度行政事业性收费 0 万元。', '没有说明本年度是否收取信息处理费'],
    ['本年度按规定收取信息处理费。', '没有写金额'],
  ];
  for (const [text, says] of FEE_NOT_STATED)
    it(`t.fee: “${text}” → ${says}`, () => {
      const f = only(withText(goodReport(), 'other', 0, text), 't.fee');
      assert.equal(f.severity, 'error');
      assert.deepEqual(f.locations, [{ kind: 'section', section: 'other' }]);
      includesAll(f.message, says);
    });
});

describe('structure and dates', () => {
  it('s.sections: missing table, empty prose section', () => {
    const r = clone(goodReport());
    r.tables.reviews = null;
    const f = only(r, 's.sections');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.locations[0], { kind: 'section', section: 'reviews' });
    includesAll(f.message, '四、政府信息公开行政复议、行政诉讼情况', '表四');
    const e = clone(goodReport());
    e.sections.problems = [{ heading: '（一）存在的主要问题', text: '' }];
    includesAll(only(e, 's.sections').message, '五、存在的主要问题及改进情况', '没有内容');
  });

  const withPreamble = (p: string, year = 2024) => {
    const r = clone(goodReport());
    r.preamble = p;
    r.year = year;
    return r;
  };
  const CASES: [string, number, string, string][] = [
    ['本报告统计数据从 2023 年 1 日至 12 月 31 日。', 2023, '2023 年 1 日至 12 月 31 日', '2023年1月1日至2023年12月31日'],
    ['所列数据统计期限为2020年1月1日至2020你那12月31日。', 2020, '2020年1月1日至2020你那12月31日', '2020年1月1日至2020年12月31日'],
    ['本报告所列数据统计期限自2020年1月1日起至202020年12月31日止。', 2020, '2020年1月1日起至202020年12月31日止', '2020年1月1日起至2020年12月31日止'],
    ['本报告中所列数据的统计期限自202111日起至20211230日止。', 2021, '202111日起至20211230日止', '2021年1月1日起至2021年12月31日止'],
    ['所列数据统计期限为2023年1月1日至2023年12月31日。', 2024, '2023年1月1日至2023年12月31日', '2024年1月1日至2024年12月31日'],
  ];
  for (const [text, year, written, corrected] of CASES) {
    it(`s.period: catches “${written}” and offers the corrected sentence`, () => {
      const r = withPreamble(text, year);
      const f = only(r, 's.period');
      assert.equal(f.severity, 'error');
      const loc = f.locations[0] as { kind: 'text'; path: string; start: number; end: number };
      assert.equal(loc.path, 'preamble');
      assert.equal(text.slice(loc.start, loc.end), written);
      includesAll(f.message, written, corrected);
      assert.deepEqual(f.fix?.edits, [{ kind: 'text', path: 'preamble', start: loc.start, end: loc.end, replacement: corrected }]);
      const fixed = text.slice(0, loc.start) + corrected + text.slice(loc.end);
      assert.equal(f.fix?.label, `改为“${fixed}”`); // the corrected sentence, whole
      none(withPreamble(fixed, year), 's.period');
    });
  }
  it('s.period: accepts the usual right forms, flags a preamble without one', () => {
    none(withPreamble('本报告中所列数据的统计期限自 2019 年 1 月 1 日起至 2019 年 12 月 31 日止。', 2019), 's.period');
    none(withPreamble('本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。', 2023), 's.period');
    const f = only(withPreamble('本报告由恩和镇人民政府编制。'), 's.period');
    includesAll(f.message, '没有写明统计期限', '2024年1月1日至2024年12月31日');
  });
  it('s.yearMentions: a leftover year; a plan that is not for next year', () => {
    none(goodReport(), 's.yearMentions');
    const r = withPreamble(generatePreamble(OFFICE, 2024).replace('现发布《', '现发布2023年《'));
    const f = only(r, 's.yearMentions');
    assert.equal(f.severity, 'warning');
    const loc = f.locations[0] as { path: string; start: number; end: number };
    assert.equal(r.preamble!.slice(loc.start, loc.end), '2023');
    includesAll(f.message, '2023年', '2024年度', '上一年');
    assert.equal((f.fix?.edits[0] as { replacement: string }).replacement, '2024');
    const plan = withText(goodReport(), 'problems', 1, '2024年，我镇将强化公开主体责任，细化信息公开内容。');
    includesAll(only(plan, 's.yearMentions').message, '2024年', '2025 年');
    // document numbers such as 〔2023〕 are not years of the report
    none(withPreamble(generatePreamble(OFFICE, 2024).replace('要求，', '和（宁政公开办发〔2023〕2号）要求，')), 's.yearMentions');
  });
  it('s.title', () => {
    const t = (title: string) => {
      const r = clone(goodReport());
      r.title = title;
      return r;
    };
    none(t('中宁县恩和镇 2024 年政府信息公开工作年度报告'), 's.title');
    none(t('恩和镇2024年政府信息公开工作年度报告'), 's.title');
    const f = only(t('中宁县恩和镇2024年政务公开工作年度报告'), 's.title');
    assert.equal(f.severity, 'warning');
    includesAll(f.message, '政务公开', '中宁县恩和镇人民政府2024年政府信息公开工作年度报告');
    assert.equal((f.fix?.edits[0] as { replacement: string }).replacement, '中宁县恩和镇人民政府2024年政府信息公开工作年度报告');
    includesAll(only(t('中宁县恩和镇2023年政府信息公开工作年度报告'), 's.title').message, '2023', '应为 2024');
    none(t('中宁县恩和镇2023年政府信息公开工作年度报告'), 's.yearMentions'); // said once, by s.title
    includesAll(only(t('中宁县恩和镇2024年政府信息公开工作告年度报'), 's.title').message, '年政府信息公开工作年度报告');
  });
  it('s.headings: the national wording, one click back', () => {
    const r = clone(goodReport());
    r.headings = { problems: '存在的问题和下一步工作计划', overview: '一、总体情况', active: '二. 主动公开政府信息情况' };
    const f = only(r, 's.headings');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.locations[0], { kind: 'text', path: 'headings.problems', start: 0, end: 13 });
    includesAll(f.message, '存在的问题和下一步工作计划', '五、存在的主要问题及改进情况');
    assert.deepEqual(f.fix?.edits, [{ kind: 'text', path: 'headings.problems', start: 0, end: 13, replacement: '存在的主要问题及改进情况' }]);
  });
  it('s.format: a report for 2020 or later uses the 2021 tables', () => {
    const r = blankReport(2023, OFFICE, '2019');
    r.tables = filledTables('2019', []);
    const f = only(r, 's.format');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.locations[0], { kind: 'section', section: 'active' });
    includesAll(f.message, '2023年度', '国办公开办函〔2021〕30号', '本年新制作数量/本年新公开数量/对外公开总数量');
    const old = blankReport(2019, OFFICE, '2019');
    none(old, 's.format');
  });
  it('s.citation: 〔2019〕60号 is superseded', () => {
    const p = generatePreamble(OFFICE, 2024).replace('国办公开办函〔2021〕30号', '国办公开办函〔2019〕60号');
    const r = withPreamble(p);
    const f = only(r, 's.citation');
    assert.equal(f.severity, 'warning');
    const loc = f.locations[0] as { start: number; end: number };
    assert.equal(p.slice(loc.start, loc.end), '国办公开办函〔2019〕60号');
    assert.equal((f.fix?.edits[0] as { replacement: string }).replacement, '国办公开办函〔2021〕30号');
    none(withPreamble(p, 2019), 's.citation');
  });
  it('s.problems: not just 无', () => {
    const r = clone(goodReport());
    r.sections.problems = [{ heading: '', text: '无。' }];
    const f = only(r, 's.problems');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.locations[0], { kind: 'text', path: 'sections.problems.0.text', start: 0, end: 2 });
    includesAll(f.message, '无', '问题', '改进措施');
  });
  it('s.contact: address, phone, where it is published', () => {
    const r = withPreamble('本报告所列数据统计期限为2024年1月1日至2024年12月31日。');
    const f = only(r, 's.contact');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.locations[0], { kind: 'text', path: 'preamble', start: 0, end: r.preamble!.length });
    includesAll(f.message, '地址、电话、报告公开的网站');
    includesAll(only(withPreamble('本报告所列数据统计期限为2024年1月1日至2024年12月31日。联系电话：0955-5710003。'), 's.contact').message, '没有写地址、报告公开的网站');
    const other = withText(r, 'other', 0, '本年度未收取信息处理费。联系电话：0955-5710003，地址：恩和街1号。本报告电子版可在中宁县人民政府门户网站查阅。');
    none(other, 's.contact');
  });
  it('s.deadline: the 成文日期 and the configured deadline', () => {
    const r = clone(goodReport());
    r.issuedOn = '2025-02-10';
    const f = only(r, 's.deadline');
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.locations[0], { kind: 'text', path: 'issuedOn', start: 0, end: 10 });
    includesAll(f.message, '2025-02-10', '2025年1月31日');
    none(r, 's.deadline', { deadline: '02-15' });
  });
});

describe('a fresh report', () => {
  it('lists what is missing without flooding: one cell.empty per table', () => {
    const r = blankReport(2024, OFFICE);
    r.preamble = generatePreamble(OFFICE, 2024);
    const fs = checkReport(applyTotals(r));
    assert.equal(fs.filter((f) => f.rule === 'cell.empty').length, 3);
    assert.ok(fs.length < 12, fs.map((f) => f.rule).join(' '));
    assert.ok(fs.every((f, i) => i === 0 || ['error', 'warning', 'info'].indexOf(fs[i - 1].severity) <= ['error', 'warning', 'info'].indexOf(f.severity)));
  });
});
