import type { SectionTemplate } from './types.js';

/** The six sections, identical in both formats (format.md). */
export const SECTIONS: SectionTemplate[] = [
  {
    id: 'overview',
    numeral: '一',
    heading: '总体情况',
    kind: 'prose',
    hint: '概述本年度政府信息公开工作，通常分为主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面。',
    defaultParts: ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障'],
  },
  { id: 'active', numeral: '二', heading: '主动公开政府信息情况', kind: 'table', table: 'active', hint: '', defaultParts: [] },
  { id: 'applications', numeral: '三', heading: '收到和处理政府信息公开申请情况', kind: 'table', table: 'applications', hint: '', defaultParts: [] },
  { id: 'reviews', numeral: '四', heading: '政府信息公开行政复议、行政诉讼情况', kind: 'table', table: 'reviews', hint: '', defaultParts: [] },
  {
    id: 'problems',
    numeral: '五',
    heading: '存在的主要问题及改进情况',
    kind: 'prose',
    hint: '先写存在的主要问题，再写改进措施和下一年度的工作打算；不能只写“无”。',
    defaultParts: ['（一）存在的主要问题', '（二）改进情况'],
  },
  {
    id: 'other',
    numeral: '六',
    heading: '其他需要报告的事项',
    kind: 'prose',
    hint: '必须说明本年度是否收取信息处理费（国办函〔2020〕109号），收取的写明件数和金额。例如：“本年度未收取信息处理费。”',
    defaultParts: [],
  },
];

export const SECTION_IDS = SECTIONS.map((s) => s.id);

export function sectionById(id: SectionTemplate['id']): SectionTemplate {
  const s = SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown section ${id}`);
  return s;
}

/** 「一、总体情况」 */
export function standardHeading(id: SectionTemplate['id']): string {
  const s = sectionById(id);
  return `${s.numeral}、${s.heading}`;
}
