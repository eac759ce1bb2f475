import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compact, findMentions, originalSpan, parseChineseNumeral, parseNumber } from '../../shared/rules/prose-numbers.js';
import type { MentionKind } from '../../shared/rules/prose-numbers.js';

describe('numbers', () => {
  const NUMBERS: [string, number | null][] = [
    ['2', 2], ['２', 2], ['1２', 12], ['1,200', 1200], ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十三', 23],
    ['一百零五', 105], ['三百', 300], ['零', 0], ['〇', 0], ['一万二千', 12000], ['二三', null], ['件', null], ['', null],
  ];
  for (const [s, n] of NUMBERS) it(`“${s}” → ${n}`, () => assert.equal(parseNumber(s), n));
  it('Chinese numerals directly', () => assert.equal(parseChineseNumeral('四十'), 40));
});

describe('compact text keeps original offsets', () => {
  it('maps back across spaces and full-width digits', () => {
    const t = '收到 ２ 件';
    const c = compact(t);
    assert.equal(c.s, '收到2件');
    assert.deepEqual(originalSpan(c, 2, 4), { start: 3, end: 6 });
  });
});

/** Each phrase the checker recognises, with what it reads (kind, value, negated) and the phrase it locates. */
const PHRASES: [string, MentionKind, number, boolean, string][] = [
  ['收到政府信息公开申请2件，均已办结。', 'applications', 2, false, '收到政府信息公开申请2件'],
  ['收到依申请公开2件，已办结。', 'applications', 2, false, '收到依申请公开2件'],
  ['2023 年,共收到政府信息公开申请 1 件,0 件结转下年度办理。', 'applications', 1, false, '收到政府信息公开申请 1 件'],
  ['本年度收到政府信息公开申请两件。', 'applications', 2, false, '收到政府信息公开申请两件'],
  ['全年受理依申请公开申请十二件。', 'applications', 12, false, '受理依申请公开申请十二件'],
  ['共收到政府信息公开申请二十三件。', 'applications', 23, false, '收到政府信息公开申请二十三件'],
  ['收到政府信息公开申请共３件。', 'applications', 3, false, '收到政府信息公开申请共３件'],
  ['李俊镇人民政府未收到依申请公开件。', 'applications', 0, true, '未收到依申请'],
  ['2019 年全年联财镇人民政府未收到信息公开申请。', 'applications', 0, true, '未收到信息公开申请'],
  ['本机关 2023 年未收到政府信息公开申请，未收取信息处理费。', 'applications', 0, true, '未收到政府信息公开申请'],
  ['本年度无依申请公开事项。', 'applications', 0, true, '无依申请公开'],
  ['因政府信息公开申请引起行政复议1件，无行政诉讼情况。', 'review', 1, false, '行政复议1件'],
  ['因政府信息公开申请引起行政复议1件，无行政诉讼情况。', 'suit', 0, true, '无行政诉讼'],
  ['因政府信息公开被申请行政复议 一 件。', 'review', 1, false, '行政复议 一 件'],
  ['因政府信息公开被提起行政诉讼案件2起。', 'suit', 2, false, '行政诉讼案件2起'],
  ['依申请公开方面，被申请行政复议1次。', 'review', 1, false, '行政复议1次'],
  ['规范性开展政务公开工作，我镇未出现行政复议和行政诉讼事件。', 'review', 0, true, '未出现行政复议'],
  ['规范性开展政务公开工作，我镇未出现行政复议和行政诉讼事件。', 'suit', 0, true, '未出现行政复议和行政诉讼'],
  ['没有因政府信息公开申请行政复议、提起行政诉讼的情况发生。', 'suit', 0, true, '没有因政府信息公开申请行政复议、提起行政诉讼'],
  ['因政府信息公开引起的行政复议、行政诉讼均为0。', 'suit', 0, true, '行政诉讼均为0'],
  ['向群众公开规范性文件80条，规章2条。', 'normativeDocs', 80, false, '规范性文件80条'],
  ['向群众公开规范性文件80条，规章2条。', 'regulations', 2, false, '规章2条'],
  ['制发行政规范性文件 3 件。', 'normativeDocs', 3, false, '规范性文件 3 件'],
  ['公开规范性文件十二条。', 'normativeDocs', 12, false, '规范性文件十二条'],
  ['全年收到依申请公开 ２ 件。', 'applications', 2, false, '收到依申请公开 ２ 件'],
  ['本年度收到政府信息公开申请一件。', 'applications', 1, false, '收到政府信息公开申请一件'],
  ['全年作出行政处罚8件。', 'penalty', 8, false, '行政处罚8件'],
  ['公开行政处罚决定十件。', 'penalty', 10, false, '行政处罚决定十件'],
  ['办理行政许可决定两件。', 'licensing', 2, false, '行政许可决定两件'],
];

describe('phrases of the real reports', () => {
  for (const [text, kind, value, negated, phrase] of PHRASES) {
    it(`${kind}: “${text}”`, () => {
      const ms = findMentions(text).filter((m) => m.kind === kind);
      assert.equal(ms.length, 1, JSON.stringify(findMentions(text)));
      assert.equal(ms[0].value, value);
      assert.equal(ms[0].negated, negated);
      assert.equal(ms[0].phrase, phrase);
      assert.equal(text.slice(ms[0].start, ms[0].end), phrase);
    });
  }
});

/** Conservative: numbers that do not say what table 三/四/二 holds are not read. */
const NOT_READ: string[] = [
  '接到微博投诉事件 24 条，微博回应事件 24 条。',
  '0 件结转下年度办理。',
  '避免引起行政复议、行政诉讼。',
  '全年办理行政复议案件5件。', // not about 政府信息公开
  '全年办理行政复议案件5件，政务公开工作有序推进。', // 公开, but not 信息公开
  '本年度未收到行政复议申请。', // not a 政府信息公开申请
  '未收到群众投诉举报申请。',
  '完善规章制度3项。',
  '公开行政许可事项清单12项。',
  '发布规范性文件解读 3 条。',
  '累计接听 269 件，目前已全部办结。',
  '镇党委会学习《中华人民共和国政府信息公开条例》等内容3次。',
];

describe('what is not read', () => {
  for (const text of NOT_READ) it(`“${text}”`, () => assert.deepEqual(findMentions(text), []));
});
