import { Button, Drawer, Modal, Spin } from 'antd';
import { memo, useEffect, useState } from 'react';
import type { OpenedReport, RevisionInfo } from '../../../shared/api.js';
import type { Report } from '../../../shared/model/report.js';
import { api } from '../api/client.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { formatDateTime } from '../ui/format.js';
import { ReportView } from './ReportView.js';

interface Props {
  id: string;
  open: boolean;
  /** The revision the editor shows now (the newest), not offered for restoring. */
  current: number | null;
  onClose(): void;
  confirm(opts: { title: string; content: string; okText: string; cancelText?: string }): Promise<boolean>;
  onRestored(opened: OpenedReport): void;
}

const size = (n: number) => (n < 1024 ? `${n} 字节` : `${(n / 1024).toFixed(1)} KB`);

/** 历史版本: every saved revision, newest first; each can be looked at and restored. */
export const RevisionsDrawer = memo(function RevisionsDrawer({ id, open, current, onClose, confirm, onRestored }: Props) {
  const [list, setList] = useState<RevisionInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [viewing, setViewing] = useState<{ rev: RevisionInfo; report: Report | null } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setList(null);
    setError(null);
    api
      .listRevisions({ id })
      .then((l) => live && setList([...l].sort((a, b) => b.revision - a.revision)))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [open, id, current]);

  const view = async (rev: RevisionInfo) => {
    setViewing({ rev, report: null });
    try {
      const report = await api.getRevision({ id, revision: rev.revision });
      setViewing({ rev, report });
    } catch (e) {
      setViewing(null);
      setError(e);
    }
  };

  const restore = async (rev: RevisionInfo) => {
    const ok = await confirm({
      title: `恢复到第 ${rev.revision} 版？`,
      content: `报告将恢复为 ${formatDateTime(rev.savedAt)} 保存的内容。现在的内容不会丢失：它仍在历史版本中，可以再恢复回来。`,
      okText: '恢复这一版',
      cancelText: '取消',
    });
    if (!ok) return;
    setBusy(true);
    try {
      const opened = await api.restoreRevision({ id, revision: rev.revision });
      setViewing(null);
      onRestored(opened);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer title="历史版本" open={open} onClose={onClose} size={420} destroyOnHidden>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <p className="nb-hint">每次自动保存都会留下一个版本。可以查看任一版本，并把报告恢复为那时的内容。</p>
      {list === null && !error ? (
        <Spin />
      ) : (
        <ol className="nb-revisions" aria-label="历史版本列表">
          {(list ?? []).map((r) => (
            <li key={r.revision} className="nb-revision">
              <div>
                <strong>第 {r.revision} 版</strong>
                {r.revision === current && <span className="nb-tag">当前</span>}
                <div className="nb-note">
                  {formatDateTime(r.savedAt)} · {size(r.size)}
                </div>
              </div>
              <div className="nb-revision-tools">
                <Button size="small" onClick={() => void view(r)} aria-label={`查看第 ${r.revision} 版`}>
                  查看
                </Button>
                {r.revision !== current && (
                  <Button size="small" loading={busy} onClick={() => void restore(r)} aria-label={`恢复第 ${r.revision} 版`}>
                    恢复
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <Modal
        open={viewing !== null}
        title={viewing ? `第 ${viewing.rev.revision} 版（${formatDateTime(viewing.rev.savedAt)}，只读）` : ''}
        onCancel={() => setViewing(null)}
        width="min(1100px, 96vw)"
        footer={
          viewing && viewing.rev.revision !== current
            ? [
                <Button key="close" onClick={() => setViewing(null)}>
                  关闭
                </Button>,
                <Button key="restore" type="primary" onClick={() => viewing && void restore(viewing.rev)}>
                  恢复这一版
                </Button>,
              ]
            : [
                <Button key="close" onClick={() => setViewing(null)}>
                  关闭
                </Button>,
              ]
        }
      >
        {viewing?.report ? <ReportView report={viewing.report} /> : <Spin />}
      </Modal>
    </Drawer>
  );
});
