import { Input, Modal } from 'antd';
import { useState } from 'react';
import type { ReportMeta } from '../../../shared/api.js';
import { api } from '../api/client.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';

/** 重命名: the report's title as shown in the list and printed on the document. */
export function RenameDialog({ meta, onClose, onRenamed }: { meta: ReportMeta; onClose: () => void; onRenamed: (m: ReportMeta) => void }) {
  const [title, setTitle] = useState(meta.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const empty = title.trim() === '';

  const save = async () => {
    if (empty || busy) return;
    setBusy(true);
    try {
      onRenamed(await api.renameReport({ id: meta.id, title: title.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title="重命名报告" okText="保存" cancelText="取消" onOk={() => void save()} onCancel={onClose} confirmLoading={busy} okButtonProps={{ disabled: empty }} destroyOnHidden>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <label htmlFor="nb-rename" style={{ display: 'block', marginBottom: 4 }}>
        报告标题
      </label>
      <Input id="nb-rename" autoFocus value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} onPressEnter={() => void save()} status={empty ? 'error' : undefined} />
      {empty && (
        <div role="alert" style={{ color: '#c62828', marginTop: 4 }}>
          标题不能为空
        </div>
      )}
    </Modal>
  );
}
