import type { Report } from '../../../shared/model/report.js';
import { readCell } from '../../../shared/model/cells.js';
import { getTemplate } from '../../../shared/templates/index.js';
import type { TableId } from '../../../shared/templates/index.js';

/**
 * A table of the report drawn read-only from its template's printed grid (merged headers as
 * the national form). Blank cells (null: not in the document) show as 「—」, never as 0.
 */
export function TableGrid({ report, table, compact = true }: { report: Pick<Report, 'format' | 'tables'>; table: TableId; compact?: boolean }) {
  const t = getTemplate(report.format).tables[table];
  const data = report.tables[table] as Record<string, unknown> | null;
  const total = t.columnWidths.reduce((a, b) => a + b, 0);
  return (
    <table className="nb-grid" aria-label={`${t.caption} ${t.title}`} style={{ fontSize: compact ? 11 : 13 }}>
      <caption>
        {t.caption} {t.title}
        {data === null && <span style={{ color: '#c62828', fontWeight: 400 }}>（文件中没有这张表）</span>}
      </caption>
      <colgroup>
        {t.columnWidths.map((w, i) => (
          <col key={i} style={{ width: `${((w / total) * 100).toFixed(2)}%` }} />
        ))}
      </colgroup>
      <tbody>
        {t.grid.map((row, ri) => (
          <tr key={ri}>
            {row.cells.map((c, ci) => {
              if (c.type === 'label') {
                const Tag = c.header ? 'th' : 'td';
                return (
                  <Tag key={ci} rowSpan={c.rowSpan} colSpan={c.colSpan} className={c.header ? undefined : 'nb-label'} scope={c.header ? 'col' : undefined}>
                    {c.text}
                  </Tag>
                );
              }
              const v = data === null ? null : readCell(t, data, c.ref);
              const blank = v === null || v === undefined;
              return (
                <td key={ci} rowSpan={c.rowSpan} colSpan={c.colSpan} className={blank ? 'nb-null' : undefined}>
                  {blank ? '—' : String(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
