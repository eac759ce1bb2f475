import { Button } from 'antd';
import { memo } from 'react';
import type { Finding } from '../../../shared/findings.js';
import type { CellValue } from '../../../shared/model/report.js';
import { standardHeading } from '../../../shared/templates/index.js';
import type { TableTemplate } from '../../../shared/templates/index.js';
import type { CellMark } from './findings-index.js';
import { SectionFindings } from './SectionFindings.js';
import { TableGrid } from './TableGrid.js';
import type { GridActions } from './TableGrid.js';

interface Props {
  table: TableTemplate;
  data: Record<string, unknown> | null;
  computed: Map<string, CellValue>;
  marks: Map<string, CellMark>;
  epoch: number;
  actions: GridActions;
  /** Printed totals that differ from the computed ones (imported report). */
  mismatches: number;
  onAdoptTotals(): void;
  sectionFindings: Finding[];
}

/** 二、三、四: the heading, the printed-total notice and the national table. */
function TablePartImpl(p: Props) {
  const t = p.table;
  return (
    <section id={`nb-part-${t.id}`} className="nb-part" aria-labelledby={`nb-h-${t.id}`}>
      <h2 id={`nb-h-${t.id}`} tabIndex={-1}>
        {standardHeading(t.id)}
      </h2>
      <p className="nb-hint">
        直接输入数字；方向键、Tab、Enter 换格，F2 或双击修改，Delete 清空；可从 Excel/WPS 复制一块数字粘贴进来。灰色格是自动计算的合计，不用填写。没有发生的请填 0。
      </p>
      {p.mismatches > 0 && (
        <div className="nb-totals-banner" role="status">
          <span>这张表中有 {p.mismatches} 个合计与各栏之和不一致（导入的文档中印的数字，见标有“印”的格）。</span>
          <Button size="small" type="primary" onClick={p.onAdoptTotals}>
            全部采用计算值
          </Button>
        </div>
      )}
      <SectionFindings findings={p.sectionFindings} />
      <div className="nb-table-wrap">
        <TableGrid table={t} data={p.data} computed={p.computed} marks={p.marks} epoch={p.epoch} actions={p.actions} />
      </div>
    </section>
  );
}

export const TablePart = memo(
  TablePartImpl,
  (a, b) =>
    a.table === b.table &&
    a.data === b.data &&
    a.computed === b.computed &&
    a.marks === b.marks &&
    a.epoch === b.epoch &&
    a.mismatches === b.mismatches &&
    a.sectionFindings.map((f) => f.message).join() === b.sectionFindings.map((f) => f.message).join(),
);
