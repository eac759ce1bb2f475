import type { CellKind, FormatId, GridCell, GridRow, LogicalRow, TableTemplate } from './types.js';

interface BlockDef {
  title: string;
  /** Column headers after 信息内容, with the printed span of each (the grid is four columns wide). */
  columns: { code: string; label: string; kind: CellKind; span: number }[];
  rows: { code: string; label: string }[];
}

const count = (code: string, label: string, span = 1) => ({ code, label, kind: 'count' as CellKind, span });

/** Table 二 of the 2021 format (国办公开办函〔2021〕30号). */
const BLOCKS_2021: BlockDef[] = [
  {
    title: '第二十条第（一）项',
    columns: [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('inForce', '现行有效件数')],
    rows: [
      { code: 'regulations', label: '规章' },
      { code: 'normativeDocs', label: '行政规范性文件' },
    ],
  },
  { title: '第二十条第（五）项', columns: [count('decisions', '本年处理决定数量', 3)], rows: [{ code: 'licensing', label: '行政许可' }] },
  {
    title: '第二十条第（六）项',
    columns: [count('decisions', '本年处理决定数量', 3)],
    rows: [
      { code: 'penalty', label: '行政处罚' },
      { code: 'enforcement', label: '行政强制' },
    ],
  },
  {
    title: '第二十条第（八）项',
    columns: [{ code: 'amountWanYuan', label: '本年收费金额（单位：万元）', kind: 'money', span: 3 }],
    rows: [{ code: 'fees', label: '行政事业性收费' }],
  },
];

const projectCols = [count('lastYear', '上一年项目数量'), { code: 'change', label: '本年增/减', kind: 'signed' as CellKind, span: 1 }, count('decisions', '处理决定数量')];

/** Table 二 of the 2019 format (国办公开办函〔2019〕60号). */
const BLOCKS_2019: BlockDef[] = [
  {
    title: '第二十条第（一）项',
    columns: [count('made', '本年新制作数量'), count('published', '本年新公开数量'), count('totalPublished', '对外公开总数量')],
    rows: [
      { code: 'regulations', label: '规章' },
      { code: 'normativeDocs', label: '规范性文件' },
    ],
  },
  {
    title: '第二十条第（五）项',
    columns: projectCols,
    rows: [
      { code: 'licensing', label: '行政许可' },
      { code: 'otherServices', label: '其他对外管理服务事项' },
    ],
  },
  {
    title: '第二十条第（六）项',
    columns: projectCols,
    rows: [
      { code: 'penalty', label: '行政处罚' },
      { code: 'enforcement', label: '行政强制' },
    ],
  },
  {
    title: '第二十条第（八）项',
    columns: [count('lastYear', '上一年项目数量'), { code: 'change', label: '本年增/减', kind: 'signed', span: 2 }],
    rows: [{ code: 'fees', label: '行政事业性收费' }],
  },
  {
    title: '第二十条第（九）项',
    columns: [count('projects', '采购项目数量'), { code: 'amount', label: '采购总金额', kind: 'money', span: 2 }],
    rows: [{ code: 'procurement', label: '政府集中采购' }],
  },
];

export function activeTemplate(format: FormatId): TableTemplate {
  const blocks = format === '2021' ? BLOCKS_2021 : BLOCKS_2019;
  const rows: LogicalRow[] = [];
  const grid: GridRow[] = [];
  for (const b of blocks) {
    grid.push({ role: 'block', cells: [{ type: 'label', text: b.title, colSpan: 4, block: true, header: true }] });
    grid.push({
      role: 'header',
      cells: [
        { type: 'label', text: '信息内容', header: true },
        ...b.columns.map((c): GridCell => ({ type: 'label', text: c.label, header: true, ...(c.span > 1 ? { colSpan: c.span } : {}) })),
      ],
    });
    for (const r of b.rows) {
      rows.push({
        code: r.code,
        label: r.label,
        shortLabel: r.label,
        derived: false,
        cells: b.columns.map((c) => ({ col: c.code, label: c.label, kind: c.kind, derived: false })),
      });
      grid.push({
        role: 'body',
        cells: [
          { type: 'label', text: r.label },
          ...b.columns.map((c): GridCell => ({ type: 'value', ref: { row: r.code, col: c.code }, ...(c.span > 1 ? { colSpan: c.span } : {}) })),
        ],
      });
    }
  }
  return {
    id: 'active',
    section: '二',
    caption: '表二',
    title: '主动公开政府信息情况',
    storage: 'object',
    columnOrder: [],
    rows,
    gridColumns: 4,
    columnWidths: [1.3, 1, 1, 1],
    grid,
    derivations: [],
  };
}
