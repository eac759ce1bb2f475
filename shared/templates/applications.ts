import type { Derivation, FormatId, GridRow, LogicalRow, TableTemplate } from './types.js';

/** Table 三: columns of 申请人情况 (format.md). */
export const APPLICANT_COLUMNS = [
  { code: 'natural', label: '自然人', short: '自然人' },
  { code: 'commercial', label: '法人或其他组织 商业企业', short: '商业企业' },
  { code: 'research', label: '法人或其他组织 科研机构', short: '科研机构' },
  { code: 'publicInterest', label: '法人或其他组织 社会公益组织', short: '社会公益组织' },
  { code: 'legalService', label: '法人或其他组织 法律服务机构', short: '法律服务机构' },
  { code: 'otherOrg', label: '法人或其他组织 其他', short: '其他' },
  { code: 'total', label: '总计', short: '总计' },
] as const;

export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

interface Group {
  label: string;
  items: { code: string; label: string }[];
}

/** Rows of 三、本年度办理结果 before （七）总计: single rows (no items) or groups with items. */
function resultGroups(format: FormatId): (Group | { code: string; label: string })[] {
  const other: Group | { code: string; label: string } =
    format === '2021'
      ? {
          label: '（六）其他处理',
          items: [
            { code: 'other.noCorrection', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
            { code: 'other.unpaidFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
            { code: 'other.other', label: '3.其他' },
          ],
        }
      : { code: 'other.other', label: '（六）其他处理' };
  return [
    { code: 'granted', label: '（一）予以公开' },
    { code: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
    {
      label: '（三）不予公开',
      items: [
        { code: 'denied.stateSecret', label: '1.属于国家秘密' },
        { code: 'denied.lawProhibited', label: '2.其他法律行政法规禁止公开' },
        { code: 'denied.security', label: '3.危及“三安全一稳定”' },
        { code: 'denied.thirdParty', label: '4.保护第三方合法权益' },
        { code: 'denied.internal', label: '5.属于三类内部事务信息' },
        { code: 'denied.process', label: '6.属于四类过程性信息' },
        { code: 'denied.enforcementFile', label: '7.属于行政执法案卷' },
        { code: 'denied.query', label: '8.属于行政查询事项' },
      ],
    },
    {
      label: '（四）无法提供',
      items: [
        { code: 'unable.notHeld', label: '1.本机关不掌握相关政府信息' },
        { code: 'unable.needsCreation', label: '2.没有现成信息需要另行制作' },
        { code: 'unable.unclear', label: '3.补正后申请内容仍不明确' },
      ],
    },
    {
      label: '（五）不予处理',
      items: [
        { code: 'notProcessed.petition', label: '1.信访举报投诉类申请' },
        { code: 'notProcessed.repeated', label: '2.重复申请' },
        { code: 'notProcessed.publication', label: '3.要求提供公开出版物' },
        { code: 'notProcessed.excessive', label: '4.无正当理由大量反复申请' },
        { code: 'notProcessed.confirmation', label: '5.要求行政机关确认或重新出具已获取信息' },
      ],
    },
    other,
  ];
}

const RESULT_LABEL = '三、本年度办理结果';

export function applicationsTemplate(format: FormatId): TableTemplate {
  const cols = APPLICANT_COLUMNS;
  const rows: LogicalRow[] = [];
  const grid: GridRow[] = [
    {
      role: 'header',
      cells: [
        { type: 'label', text: BALANCE_NOTE, rowSpan: 3, colSpan: 3, header: true },
        { type: 'label', text: '申请人情况', colSpan: 7, header: true },
      ],
    },
    {
      role: 'header',
      cells: [
        { type: 'label', text: '自然人', rowSpan: 2, header: true },
        { type: 'label', text: '法人或其他组织', colSpan: 5, header: true },
        { type: 'label', text: '总计', rowSpan: 2, header: true },
      ],
    },
    {
      role: 'header',
      cells: cols.slice(1, 6).map((c) => ({ type: 'label' as const, text: c.short, header: true })),
    },
  ];

  const makeRow = (code: string, label: string, shortLabel: string, derivedRow = false): LogicalRow => ({
    code,
    label,
    shortLabel,
    derived: derivedRow,
    cells: cols.map((c) => ({ col: c.code, label: c.label, kind: 'count' as const, derived: derivedRow || c.code === 'total' })),
  });
  const values = (code: string) => cols.map((c) => ({ type: 'value' as const, ref: { row: code, col: c.code } }));

  rows.push(makeRow('new', '一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量'));
  grid.push({ role: 'body', cells: [{ type: 'label', text: '一、本年新收政府信息公开申请数量', colSpan: 3 }, ...values('new')] });
  rows.push(makeRow('carriedIn', '二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数量'));
  grid.push({ role: 'body', cells: [{ type: 'label', text: '二、上年结转政府信息公开申请数量', colSpan: 3 }, ...values('carriedIn')] });

  const groups = resultGroups(format);
  const resultRowCount = groups.reduce((n, g) => n + ('items' in g ? g.items.length : 1), 0) + 1;
  const componentCodes: string[] = [];
  let first = true;
  const lead = () => {
    if (!first) return [];
    first = false;
    return [{ type: 'label' as const, text: RESULT_LABEL, rowSpan: resultRowCount }];
  };
  for (const g of groups) {
    if ('items' in g) {
      g.items.forEach((item, i) => {
        rows.push(makeRow(item.code, `${RESULT_LABEL} ${g.label} ${item.label}`, item.label));
        componentCodes.push(item.code);
        grid.push({
          role: 'body',
          cells: [
            ...lead(),
            ...(i === 0 ? [{ type: 'label' as const, text: g.label, rowSpan: g.items.length }] : []),
            { type: 'label', text: item.label },
            ...values(item.code),
          ],
        });
      });
    } else {
      rows.push(makeRow(g.code, `${RESULT_LABEL} ${g.label}`, g.label));
      componentCodes.push(g.code);
      grid.push({ role: 'body', cells: [...lead(), { type: 'label', text: g.label, colSpan: 2 }, ...values(g.code)] });
    }
  }
  rows.push(makeRow('resultTotal', `${RESULT_LABEL} （七）总计`, '（七）总计', true));
  grid.push({ role: 'body', cells: [{ type: 'label', text: '（七）总计', colSpan: 2 }, ...values('resultTotal')] });
  rows.push(makeRow('carriedOut', '四、结转下年度继续办理', '四、结转下年度继续办理'));
  grid.push({ role: 'body', cells: [{ type: 'label', text: '四、结转下年度继续办理', colSpan: 3 }, ...values('carriedOut')] });

  const parts = cols.slice(0, 6).map((c) => c.code);
  const derivations: Derivation[] = [];
  // Row totals first (总计 column of every row that is not itself derived), then the （七）总计 row
  // for every column including 总计, so resultTotal.total = sum of the component rows' totals.
  for (const r of rows) {
    if (r.code === 'resultTotal') continue;
    derivations.push({ target: { row: r.code, col: 'total' }, sum: parts.map((col) => ({ row: r.code, col })) });
  }
  for (const c of cols) {
    derivations.push({ target: { row: 'resultTotal', col: c.code }, sum: componentCodes.map((row) => ({ row, col: c.code })) });
  }

  return {
    id: 'applications',
    section: '三',
    caption: '表三',
    title: '收到和处理政府信息公开申请情况',
    storage: 'array',
    columnOrder: cols.map((c) => c.code),
    rows,
    gridColumns: 10,
    columnWidths: [1.1, 1.6, 4.2, 1, 1, 1, 1, 1, 1, 1],
    grid,
    derivations,
  };
}

/** Codes of the result rows that add up to （七）总计, in order. */
export function resultComponentCodes(t: TableTemplate): string[] {
  const d = t.derivations.find((x) => x.target.row === 'resultTotal' && x.target.col === 'natural');
  return d ? d.sum.map((s) => s.row) : [];
}
