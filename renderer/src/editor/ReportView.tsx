import { useMemo } from 'react';
import type { Part, Report } from '../../../shared/model/report.js';
import { computeTotals, reportTitle } from '../../../shared/model/index.js';
import type { CellValue } from '../../../shared/model/report.js';
import { getTemplate, standardHeading, TABLE_IDS } from '../../../shared/templates/index.js';
import type { TableId } from '../../../shared/templates/index.js';
import type { CellMark } from './findings-index.js';
import { TableGrid } from './TableGrid.js';
import type { GridActions } from './TableGrid.js';

const NO_MARKS = new Map<string, CellMark>();
const NO_ACTIONS: GridActions = { commit() {}, commitMany() {}, paste() {}, askZero() {}, notify() {} };

function Prose({ parts }: { parts: Part[] }) {
  return (
    <>
      {parts.map((p, i) => (
        <div key={i}>
          {p.heading && <h4>{p.heading}</h4>}
          {p.text.split('\n').map((line, j) => (
            <p key={j}>{line}</p>
          ))}
        </div>
      ))}
    </>
  );
}

/** A revision, read-only: the text as paragraphs and the tables as the form. */
export function ReportView({ report }: { report: Report }) {
  const t = getTemplate(report.format);
  const computed = useMemo(() => {
    const m = { active: new Map(), applications: new Map(), reviews: new Map() } as Record<TableId, Map<string, CellValue>>;
    for (const d of computeTotals(report.format, report.tables)) m[d.ref.table].set(`${d.ref.row}|${d.ref.col}`, d.computed);
    return m;
  }, [report]);
  return (
    <div className="nb-view">
      <h3 className="nb-view-title">{reportTitle(report)}</h3>
      {(report.preamble ?? '').split('\n').map((l, i) => (
        <p key={i}>{l}</p>
      ))}
      <h3>{standardHeading('overview')}</h3>
      <Prose parts={report.sections.overview} />
      {TABLE_IDS.map((id) => (
        <div key={id}>
          <h3>{standardHeading(id)}</h3>
          <div className="nb-table-wrap">
            <TableGrid table={t.tables[id]} data={report.tables[id] as Record<string, unknown> | null} computed={computed[id]} marks={NO_MARKS} epoch={0} readOnly actions={NO_ACTIONS} />
          </div>
        </div>
      ))}
      <h3>{standardHeading('problems')}</h3>
      <Prose parts={report.sections.problems} />
      <h3>{standardHeading('other')}</h3>
      <Prose parts={report.sections.other} />
    </div>
  );
}
