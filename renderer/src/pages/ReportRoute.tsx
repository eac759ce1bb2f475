import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { OpenedReport } from '../../../shared/api.js';
import { api } from '../api/client.js';
import { ExportDialog } from '../dialogs/ExportDialog.js';
import { NextYearDialog } from '../dialogs/NextYearDialog.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { FORMAT_LABEL, findingsStatus, formatDateTime } from '../ui/format.js';
import { navigate } from '../ui/route.js';
import { ReportSummary } from './ReportSummary.js';

/**
 * Opening a report: reads it once first, so that a `recovery` notice (the store moved a damaged
 * file aside and loaded the last good revision) is shown prominently whatever view follows;
 * then the editor when it exists (`render`), else a read-only summary.
 */
export function ReportRoute({ id, onClose, render }: { id: string; onClose: () => void; render: (id: string, onClose: () => void) => ReactNode }) {
  const [opened, setOpened] = useState<OpenedReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [recoveryAck, setRecoveryAck] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .getReport({ id })
      .then((r) => {
        if (!live) return;
        setOpened(r);
        // The report's own title in the window title (after App's generic one for this page).
        document.title = `${r.meta.title} - 年报助手`;
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id]);

  if (error !== null)
    return (
      <div>
        <ErrorAlert error={error} title="无法打开这份报告" />
        <Button onClick={onClose}>返回报告列表</Button>
      </div>
    );
  if (!opened) return <Spin description="正在打开报告…" style={{ display: 'block', margin: 48 }} />;

  const recovery = opened.recovery && !recoveryAck ? (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title="这份报告的文件曾经损坏，已自动恢复"
      description={
        <>
          <div>{opened.recovery.message}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            损坏的文件：<Typography.Text code copyable={{ text: opened.recovery.damagedFile, tooltips: ['复制路径', '已复制'] }}>{opened.recovery.damagedFile}</Typography.Text>
            {opened.recovery.restoredRevision !== null && !opened.recovery.message.includes(`第 ${opened.recovery.restoredRevision} 版`) && `；已载入第 ${opened.recovery.restoredRevision} 版`}
          </Typography.Text>
        </>
      }
      closable={{ onClose: () => setRecoveryAck(true), 'aria-label': '我知道了' }}
    />
  ) : null;

  const editor = render(id, onClose);
  if (editor)
    return (
      <>
        {recovery}
        {editor}
      </>
    );
  return (
    <>
      {recovery}
      <SummaryView opened={opened} onClose={onClose} />
    </>
  );
}

/** Stand-in for the editor: the report read-only, with export and next-year. */
function SummaryView({ opened, onClose }: { opened: OpenedReport; onClose: () => void }) {
  const [exporting, setExporting] = useState(false);
  const [nextYear, setNextYear] = useState(false);
  const { meta, report } = opened;
  const status = findingsStatus(meta.findings);
  return (
    <section aria-label="报告内容（只读）">
      <div className="nb-toolbar" role="toolbar" aria-label="报告操作">
        <Button onClick={onClose}>← 返回报告列表</Button>
        <Button type="primary" onClick={() => setExporting(true)} aria-keyshortcuts="Control+E">
          导出 / 打印…
        </Button>
        <Button onClick={() => setNextYear(true)} disabled={report.year === null}>
          以此为基础新建下一年度报告
        </Button>
        <Space style={{ marginLeft: 'auto' }} size={12}>
          <span>最后保存：{formatDateTime(meta.updatedAt)}</span>
          <span>检查：{status.text}</span>
          <span>{FORMAT_LABEL[meta.format]}</span>
        </Space>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="只读预览" description="报告编辑器尚未安装，这里只显示报告内容。" />
      <Card size="small">
        <ReportSummary report={report} excerptLength={400} />
      </Card>
      <ExportDialog id={meta.id} report={report} open={exporting} onClose={() => setExporting(false)} />
      <NextYearDialog id={meta.id} title={meta.title} year={meta.year} open={nextYear} onClose={() => setNextYear(false)} onOpen={(nid) => { setNextYear(false); navigate({ name: 'report', id: nid }); }} />
    </section>
  );
}
