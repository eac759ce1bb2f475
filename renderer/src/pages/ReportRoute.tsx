import { Alert, Button, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { OpenedReport } from '../../../shared/api.js';
import { api } from '../api/client.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';

/**
 * Opening a report: reads it once first, so that a `recovery` notice (the store moved a damaged
 * file aside and loaded the last good revision) is shown prominently whatever view follows;
 * then the editor (`render`).
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

  return (
    <>
      {recovery}
      {render(id, onClose)}
    </>
  );
}
