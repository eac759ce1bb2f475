import type { Derivation, GridRow, LogicalRow, TableTemplate } from './types.js';

export const REVIEW_COLUMNS = [
  { code: 'upheld', label: '结果维持' },
  { code: 'corrected', label: '结果纠正' },
  { code: 'otherResult', label: '其他结果' },
  { code: 'pending', label: '尚未审结' },
  { code: 'total', label: '总计' },
] as const;

export const REVIEW_GROUPS = [
  { code: 'review', label: '行政复议' },
  { code: 'suitDirect', label: '行政诉讼 未经复议直接起诉' },
  { code: 'suitAfterReview', label: '行政诉讼 复议后起诉' },
] as const;

/** Table 四 — the same in both formats. Printed as one row of fifteen figures under a three-row header. */
export function reviewsTemplate(): TableTemplate {
  const rows: LogicalRow[] = REVIEW_GROUPS.map((g) => ({
    code: g.code,
    label: g.label,
    shortLabel: g.label.split(' ').pop() ?? g.label,
    derived: false,
    cells: REVIEW_COLUMNS.map((c) => ({ col: c.code, label: c.label, kind: 'count' as const, derived: c.code === 'total' })),
  }));
  const sub = () => REVIEW_COLUMNS.map((c) => ({ type: 'label' as const, text: c.label, header: true }));
  const grid: GridRow[] = [
    {
      role: 'header',
      cells: [
        { type: 'label', text: '行政复议', colSpan: 5, header: true },
        { type: 'label', text: '行政诉讼', colSpan: 10, header: true },
      ],
    },
    {
      role: 'header',
      cells: [
        ...REVIEW_COLUMNS.map((c) => ({ type: 'label' as const, text: c.label, rowSpan: 2, header: true })),
        { type: 'label', text: '未经复议直接起诉', colSpan: 5, header: true },
        { type: 'label', text: '复议后起诉', colSpan: 5, header: true },
      ],
    },
    { role: 'header', cells: [...sub(), ...sub()] },
    {
      role: 'body',
      cells: REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => ({ type: 'value' as const, ref: { row: g.code, col: c.code } }))),
    },
  ];
  const derivations: Derivation[] = REVIEW_GROUPS.map((g) => ({
    target: { row: g.code, col: 'total' },
    sum: REVIEW_COLUMNS.filter((c) => c.code !== 'total').map((c) => ({ row: g.code, col: c.code })),
  }));
  return {
    id: 'reviews',
    section: '四',
    caption: '表四',
    title: '政府信息公开行政复议、行政诉讼情况',
    storage: 'array',
    columnOrder: REVIEW_COLUMNS.map((c) => c.code),
    rows,
    gridColumns: 15,
    columnWidths: new Array(15).fill(1),
    grid,
    derivations,
  };
}
