import { App as AntApp, Alert, Button, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportMeta, Settings } from '../../../shared/api.js';
import { api } from '../api/client.js';
import { ExportDialog } from '../dialogs/ExportDialog.js';
import { IMPORT_ACCEPT } from '../dialogs/ImportDialog.js';
import { NewReportDialog } from '../dialogs/NewReportDialog.js';
import { NextYearDialog } from '../dialogs/NextYearDialog.js';
import { RenameDialog } from '../dialogs/RenameDialog.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { FORMAT_LABEL, findingsStatus, formatDateTime } from '../ui/format.js';
import { navigate } from '../ui/route.js';
import { useShortcuts } from '../ui/shortcuts.js';

const TONE_COLOR = { error: 'error', warning: 'warning', success: 'success', default: 'default' } as const;

type Dialog = { kind: 'new' } | { kind: 'export'; meta: ReportMeta } | { kind: 'rename'; meta: ReportMeta } | { kind: 'nextYear'; meta: ReportMeta } | null;

/** The first screen: the reports kept on this computer (or the 回收站), and the main actions on them. */
export function ReportListPage({ tab, onOpen, onImportFile }: { tab: 'reports' | 'trash'; onOpen: (id: string) => void; onImportFile: (f: File) => void }) {
  const { message, modal } = AntApp.useApp();
  const [rows, setRows] = useState<ReportMeta[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** The list itself could not be read: say so instead of showing an empty list. */
  const [loadError, setLoadError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const [list, s] = await Promise.all([tab === 'trash' ? api.listTrash() : api.listReports(), api.getSettings()]);
      setRows([...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
      setSettings(s);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
      setRows([]);
    }
  }, [tab]);

  useEffect(() => {
    void load();
  }, [load]);

  const chooseFile = () => fileInput.current?.click();
  useShortcuts({ 'Ctrl+N': () => setDialog({ kind: 'new' }), 'Ctrl+O': chooseFile, 'Ctrl+,': () => navigate({ name: 'settings' }) }, dialog === null);

  const remove = (m: ReportMeta) =>
    modal.confirm({
      title: `把「${m.title}」移到回收站？`,
      content: '移到回收站后可以随时在“回收站”中恢复。',
      okText: '移到回收站',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.deleteReport({ id: m.id });
          message.success(`已移到回收站：${m.title}`);
          await load();
        } catch (e) {
          setError(e);
        }
      },
    });

  const restore = async (m: ReportMeta) => {
    try {
      await api.restoreReport({ id: m.id });
      message.success(`已恢复：${m.title}`);
      await load();
    } catch (e) {
      setError(e);
    }
  };

  const columns: TableColumnsType<ReportMeta> = [
    {
      title: '报告',
      dataIndex: 'title',
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          {tab === 'reports' ? (
            // Not a tab stop: the 打开 button of the row does the same, one stop fewer per row.
            <Typography.Link onClick={() => onOpen(m.id)} tabIndex={-1}>
              {m.title}
            </Typography.Link>
          ) : (
            <span>{m.title}</span>
          )}
          <Space size={4} wrap>
            {m.importedFrom && <Tag color="blue">导入自 {m.importedFrom}</Tag>}
            {m.basedOn && <Tag color="purple">由上一年度报告新建</Tag>}
          </Space>
        </Space>
      ),
    },
    { title: '机关', dataIndex: 'officeName', render: (v: string | null) => v ?? <Typography.Text type="secondary">未填写</Typography.Text>, width: 170, responsive: ['xl'] },
    { title: '年度', dataIndex: 'year', render: (v: number | null) => (v === null ? '未填写' : `${v} 年`), width: 80, sorter: (a, b) => (a.year ?? 0) - (b.year ?? 0) },
    { title: '格式', dataIndex: 'format', render: (v: '2021' | '2019') => FORMAT_LABEL[v], width: 90, responsive: ['lg'] },
    tab === 'trash'
      ? { title: '删除时间', dataIndex: 'deletedAt', render: (v: string | null) => formatDateTime(v), width: 140 }
      : { title: '最后保存', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v), width: 140, sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt) },
    {
      title: '检查结果',
      dataIndex: 'findings',
      width: 130,
      render: (f: ReportMeta['findings']) => {
        const s = findingsStatus(f);
        return <Tag color={TONE_COLOR[s.tone]}>{s.text}</Tag>;
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: tab === 'trash' ? 90 : 296,
      render: (_: unknown, m) =>
        tab === 'trash' ? (
          <Button size="small" onClick={() => void restore(m)} aria-label={`恢复 ${m.title}`}>
            恢复
          </Button>
        ) : (
          <Space size={4} wrap>
            <Button size="small" type="primary" ghost onClick={() => onOpen(m.id)} aria-label={`打开 ${m.title}`}>
              打开
            </Button>
            <Button size="small" onClick={() => setDialog({ kind: 'rename', meta: m })} aria-label={`重命名 ${m.title}`}>
              重命名
            </Button>
            <Tooltip title="以此为基础新建下一年度报告">
              <Button size="small" onClick={() => setDialog({ kind: 'nextYear', meta: m })} aria-label={`以「${m.title}」为基础新建下一年度报告`} disabled={m.year === null}>
                新建下一年度
              </Button>
            </Tooltip>
            <Button size="small" onClick={() => setDialog({ kind: 'export', meta: m })} aria-label={`导出或打印 ${m.title}`}>
              导出
            </Button>
            <Button size="small" danger onClick={() => remove(m)} aria-label={`删除 ${m.title}（移到回收站）`}>
              删除
            </Button>
          </Space>
        ),
    },
  ];

  const noProfile = settings !== null && !settings.office.name?.trim();

  return (
    <section aria-labelledby="nb-list-title">
      <h1 id="nb-list-title" className="nb-page-title">
        {tab === 'trash' ? '回收站' : '年度报告'}
      </h1>
      <ErrorAlert error={loadError} title={tab === 'trash' ? '无法读取回收站' : '无法读取报告列表'} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {tab === 'reports' && (
        <>
          {noProfile && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="还没有填写本机关信息"
              description="新建报告时会自动填入机关名称、地址、电话等。请先填写本机关信息。"
              action={
                <Button size="small" type="primary" onClick={() => navigate({ name: 'settings' })}>
                  填写本机关信息
                </Button>
              }
            />
          )}
          <div className="nb-toolbar" role="toolbar" aria-label="报告操作">
            <Button type="primary" onClick={() => setDialog({ kind: 'new' })} aria-keyshortcuts="Control+N">
              新建报告<span className="nb-kbd">Ctrl+N</span>
            </Button>
            <Button onClick={chooseFile} aria-keyshortcuts="Control+O">
              导入文件…<span className="nb-kbd">Ctrl+O</span>
            </Button>
            <Typography.Text type="secondary">也可以把 Word、PDF、网页或文本文件拖到窗口中导入。</Typography.Text>
            <input
              ref={fileInput}
              type="file"
              accept={IMPORT_ACCEPT}
              aria-label="选择要导入的文件"
              data-testid="import-file-input"
              style={{ display: 'none' }}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) onImportFile(f);
              }}
            />
          </div>
        </>
      )}
      {tab === 'trash' && <Typography.Paragraph type="secondary">删除的报告放在这里，可以恢复到报告列表。</Typography.Paragraph>}
      <Table<ReportMeta>
        rowKey="id"
        size="small"
        bordered
        loading={rows === null}
        columns={columns}
        dataSource={rows ?? []}
        pagination={rows && rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{
          emptyText:
            loadError !== null ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="列表没有读出来（见上面的提示），报告并没有丢失。">
                <Button onClick={() => void load()}>重新读取</Button>
              </Empty>
            ) : (
              <Empty description={tab === 'trash' ? '回收站是空的' : '还没有报告。点“新建报告”，或导入去年的报告文件。'} />
            ),
        }}
        aria-label={tab === 'trash' ? '回收站中的报告' : '报告列表'}
      />
      <NewReportDialog
        open={dialog?.kind === 'new'}
        settings={settings}
        onClose={() => setDialog(null)}
        onCreated={(id) => {
          setDialog(null);
          onOpen(id);
        }}
      />
      {dialog?.kind === 'rename' && (
        <RenameDialog
          meta={dialog.meta}
          onClose={() => setDialog(null)}
          onRenamed={(m) => {
            setDialog(null);
            message.success(`已重命名为：${m.title}`);
            void load();
          }}
        />
      )}
      {dialog?.kind === 'export' && <ExportDialog id={dialog.meta.id} open onClose={() => setDialog(null)} />}
      {dialog?.kind === 'nextYear' && (
        <NextYearDialog
          id={dialog.meta.id}
          title={dialog.meta.title}
          year={dialog.meta.year}
          open
          onClose={() => {
            setDialog(null);
            void load();
          }}
          onOpen={(id) => {
            setDialog(null);
            onOpen(id);
          }}
        />
      )}
    </section>
  );
}
