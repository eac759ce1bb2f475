import { Alert, Button, List, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { OpenedReport } from '../../../shared/api.js';
import type { YearMention } from '../../../shared/import-types.js';
import { api } from '../api/client.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { textPathLabel } from '../ui/paths.js';

export interface NextYearDialogProps {
  /** The report to start from. */
  id: string;
  title?: string;
  year?: number | null;
  open: boolean;
  onClose: () => void;
  /** Opens the new report (the list navigates to it; the editor may switch to it). */
  onOpen: (id: string) => void;
  /** The label of the button that closes after creating (default 留在列表). */
  closeLabel?: string;
}

/** The excerpt with every mention of the old year marked, so the eye finds it at once. */
function markYear(text: string, year: number | null | undefined): ReactNode {
  if (typeof year !== 'number') return text;
  const parts = text.split(new RegExp(`(${year}|${toChineseYear(year)})`));
  return parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : p));
}

/** 2024 → 二〇二四, as some reports write the year. */
function toChineseYear(year: number): string {
  return String(year).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]);
}

type State = { step: 'confirm' } | { step: 'working' } | { step: 'done'; opened: OpenedReport; mentions: YearMention[] };

/**
 * 以此为基础新建下一年度报告: confirm, create with `api.nextYear`, then list every remaining
 * mention of the old year for the clerk to look at before opening the new report.
 * Used by the report list and by the editor's toolbar.
 */
export function NextYearDialog({ id, title, year, open, onClose, onOpen, closeLabel = '留在列表' }: NextYearDialogProps) {
  const [state, setState] = useState<State>({ step: 'confirm' });
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) {
      setState({ step: 'confirm' });
      setError(null);
    }
  }, [open, id]);

  const run = async () => {
    setState({ step: 'working' });
    setError(null);
    try {
      const r = await api.nextYear({ id });
      setState({ step: 'done', opened: { meta: r.meta, report: r.report }, mentions: r.mentions });
    } catch (e) {
      setError(e);
      setState({ step: 'confirm' });
    }
  };

  const nextYear = typeof year === 'number' ? year + 1 : null;
  const done = state.step === 'done' ? state : null;

  const footer = done
    ? [
        <Button key="close" onClick={onClose}>
          {closeLabel}
        </Button>,
        <Button key="open" type="primary" autoFocus onClick={() => onOpen(done.opened.meta.id)}>
          打开新报告
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose} disabled={state.step === 'working'}>
          取消
        </Button>,
        <Button key="ok" type="primary" autoFocus loading={state.step === 'working'} onClick={() => void run()}>
          新建{nextYear ? ` ${nextYear} 年度` : '下一年度'}报告
        </Button>,
      ];

  return (
    <Modal open={open} title="以此为基础新建下一年度报告" onCancel={onClose} footer={footer} width={720} destroyOnHidden maskClosable={false}>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {!done && (
        <>
          <Typography.Paragraph>
            以「{title ?? '这份报告'}」为基础{nextYear ? `新建 ${nextYear} 年度报告` : '新建下一年度报告'}：
          </Typography.Paragraph>
          <ul style={{ paddingLeft: 20, marginTop: 0 }}>
            <li>正文保留，统计期间、标题等能确定的年份改为新年度，其余提到旧年度的地方列出来请您核对；</li>
            <li>表三“上年结转”自动取上一年度的“结转下年度继续办理”，表二“现行有效件数”保留作为基数；</li>
            <li>其他数字全部留空待填（不会自动填 0）；2019 年版报告转换为 2021 年版。</li>
          </ul>
          <Typography.Text type="secondary">原报告不会被修改。</Typography.Text>
        </>
      )}
      {done && (
        <>
          <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`已新建：${done.opened.meta.title}`} />
          {(done.opened.report.provenance?.notes ?? []).length > 0 && (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title="转换说明"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {(done.opened.report.provenance?.notes ?? []).map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Typography.Paragraph strong>
            {done.mentions.length === 0 ? '正文中没有其他提到旧年度的地方。' : `正文中还有 ${done.mentions.length} 处提到旧年度，请逐一核对是否需要修改：`}
          </Typography.Paragraph>
          {done.mentions.length > 0 && (
            <List
              size="small"
              bordered
              aria-label="需要核对的旧年度"
              style={{ maxHeight: 320, overflow: 'auto' }}
              dataSource={done.mentions}
              renderItem={(m) => (
                <List.Item>
                  <div>
                    <Typography.Text type="secondary">{textPathLabel(m.path)}</Typography.Text>
                    <div className="nb-excerpt">…{markYear(m.excerpt, year)}…</div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Modal>
  );
}
