import { Descriptions, Typography } from 'antd';
import type { Part, Report } from '../../../shared/model/report.js';
import { reportTitle } from '../../../shared/model/title.js';
import { SECTIONS, standardHeading } from '../../../shared/templates/index.js';
import { FORMAT_LABEL, excerpt, formatChineseDate } from '../ui/format.js';
import { TableGrid } from '../ui/TableGrid.js';

/** Section headings with a short excerpt of their text. */
function Prose({ parts, max }: { parts: Part[]; max: number }) {
  const shown = parts.filter((p) => p.heading.trim() !== '' || p.text.trim() !== '');
  if (shown.length === 0) return <Typography.Text type="secondary">（空）</Typography.Text>;
  return (
    <>
      {shown.map((p, i) => (
        <div key={i} style={{ marginBottom: 4 }}>
          {p.heading && <Typography.Text strong>{p.heading} </Typography.Text>}
          <span>{excerpt(p.text, max) || <Typography.Text type="secondary">（空）</Typography.Text>}</span>
        </div>
      ))}
    </>
  );
}

/**
 * A read-only view of a report: header fields, the six sections with text excerpts and the three
 * tables as their printed grids. Shown in the import dialog and wherever the editor is absent.
 */
export function ReportSummary({ report, excerptLength = 120 }: { report: Report; excerptLength?: number }) {
  const o = report.office;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {reportTitle(report)}
      </Typography.Title>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="机关">{o.name ?? <Typography.Text type="danger">未识别</Typography.Text>}</Descriptions.Item>
        <Descriptions.Item label="年度">{report.year ?? <Typography.Text type="danger">未识别</Typography.Text>}</Descriptions.Item>
        <Descriptions.Item label="格式">{FORMAT_LABEL[report.format]}</Descriptions.Item>
        <Descriptions.Item label="成文日期">{formatChineseDate(report.issuedOn)}</Descriptions.Item>
        {(o.phone || o.address) && <Descriptions.Item label="联系方式" span={2}>{[o.address, o.postcode, o.phone, o.email, o.website].filter(Boolean).join('；')}</Descriptions.Item>}
      </Descriptions>
      {report.cover && (
        <Typography.Paragraph type="secondary">
          上报函：{[report.cover.docNumber, report.cover.addressee].filter(Boolean).join(' ')}（单独保存，不计入报告正文）
        </Typography.Paragraph>
      )}
      {report.preamble && (
        <Typography.Paragraph>
          <Typography.Text strong>导语 </Typography.Text>
          {excerpt(report.preamble, excerptLength)}
        </Typography.Paragraph>
      )}
      {SECTIONS.map((s) => (
        <div key={s.id} style={{ marginBottom: 10 }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 2 }}>
            {report.headings?.[s.id] ?? standardHeading(s.id)}
          </Typography.Text>
          {s.kind === 'table' && s.table ? <TableGrid report={report} table={s.table} /> : <Prose parts={report.sections[s.id as 'overview' | 'problems' | 'other']} max={excerptLength} />}
        </div>
      ))}
    </div>
  );
}
