import { Alert, Button, InputNumber, Modal, Segmented, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ImportNote, ImportResult } from '../../../shared/import-types.js';
import { api } from '../api/client.js';
import { fileToBase64 } from '../host/base64.js';
import { ReportSummary } from '../pages/ReportSummary.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { NextYearDialog } from './NextYearDialog.js';
import { defaultReportYear } from '../ui/format.js';

/** What the importer reads (issue 3); the picker offers these, anything else is still tried. */
export const IMPORT_ACCEPT = '.docx,.doc,.pdf,.txt,.md,.html,.htm,.mht,.mhtml,.json,.nianbao.json';

/** The importer's own cap; checked here first so a huge file is not read into memory for nothing. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const STATUS: Record<ImportNote['status'], { label: string; color: string }> = {
  found: { label: '已找到', color: 'success' },
  notFound: { label: '未找到', color: 'error' },
  uncertain: { label: '不确定', color: 'warning' },
};
const ORDER: ImportNote['status'][] = ['notFound', 'uncertain', 'found'];

type State = { step: 'idle' } | { step: 'reading' } | { step: 'failed'; error: unknown } | { step: 'ready'; result: ImportResult };

/**
 * 导入: reads the chosen or dropped file in the renderer, asks the importer what it recognised,
 * and shows the report beside the list of what was found, not found and uncertain. Nothing is
 * stored until 保存为报告.
 */
export function ImportDialog({ file, open, onClose, onSaved }: { file: File | null; open: boolean; onClose: () => void; onSaved: (id: string) => void }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [year, setYear] = useState<number | null>(null);
  const [filter, setFilter] = useState<'problems' | 'all'>('problems');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  /** Saved, and the clerk asked to start next year's report from it at once. */
  const [base, setBase] = useState<{ id: string; title: string; year: number } | null>(null);

  useEffect(() => {
    if (!open || !file) return;
    let live = true;
    setState({ step: 'reading' });
    setSaveError(null);
    setBase(null);
    setFilter('problems');
    (async () => {
      try {
        if (file.size > MAX_IMPORT_BYTES)
          throw new Error(`文件有 ${(file.size / 1024 / 1024).toFixed(0)} MB，超过了 200 MB，无法导入。年度报告通常不到 5 MB：请确认选对了文件，或把报告另存为 Word 或 PDF 后再导入。`);
        const dataBase64 = await fileToBase64(file);
        const result = await api.importFile({ fileName: file.name, dataBase64 });
        if (!live) return;
        setYear(result.report.year);
        setState({ step: 'ready', result });
      } catch (e) {
        if (live) setState({ step: 'failed', error: e });
      }
    })();
    return () => {
      live = false;
    };
  }, [file, open]);

  const result = state.step === 'ready' ? state.result : null;
  const notes = useMemo(() => {
    if (!result) return [];
    const shown = filter === 'all' ? result.notes : result.notes.filter((n) => n.status !== 'found');
    return [...shown].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  }, [result, filter]);
  const counts = useMemo(() => {
    const c = { found: 0, notFound: 0, uncertain: 0 };
    for (const n of result?.notes ?? []) c[n.status]++;
    return c;
  }, [result]);

  const yearOk = year !== null && year >= 1990 && year <= 2200;

  const save = async (thenNextYear = false) => {
    if (!result || !yearOk || saving) return;
    setSaving(true);
    setSaveError(null);
    try {
      const report = { ...result.report, year };
      const opened = await api.createReport({ year, format: report.format, report });
      if (thenNextYear) setBase({ id: opened.meta.id, title: opened.meta.title, year });
      else onSaved(opened.meta.id);
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const footer =
    state.step === 'ready'
      ? [
          <Button key="cancel" onClick={onClose}>
            取消
          </Button>,
          <Button key="next" loading={saving} disabled={!yearOk || base !== null} onClick={() => void save(true)}>
            保存，并以此新建{yearOk ? ` ${year + 1} ` : '下一'}年度报告
          </Button>,
          <Button key="save" type="primary" autoFocus loading={saving} disabled={!yearOk || base !== null} onClick={() => void save()}>
            保存为报告
          </Button>,
        ]
      : [
          <Button key="close" onClick={onClose} autoFocus={state.step === 'failed'}>
            {state.step === 'failed' ? '关闭' : '取消'}
          </Button>,
        ];

  return (
    <Modal open={open} title={`导入：${file?.name ?? ''}`} width={state.step === 'ready' ? 1180 : 640} onCancel={onClose} footer={footer} destroyOnHidden maskClosable={false} style={{ top: 24 }}>
      {state.step === 'reading' && <Spin description="正在读取和识别文件…" style={{ display: 'block', margin: '48px auto' }} />}
      {state.step === 'failed' && (
        <>
          <ErrorAlert error={state.error} title="无法导入这个文件" />
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            可以导入：Word（.docx、.doc）、PDF（带文字的，不是扫描件）、网页（.html）、文本（.txt、.md）和年报助手文件（.nianbao.json）。
          </Typography.Paragraph>
        </>
      )}
      {result && (
        <>
          <ErrorAlert error={saveError} title="保存失败" onClose={() => setSaveError(null)} />
          <Alert
            type={counts.notFound + counts.uncertain > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={`识别结果：${counts.found} 项已找到，${counts.notFound} 项未找到，${counts.uncertain} 项不确定`}
            description="请核对左边识别出的报告和右边的说明。点“保存为报告”后才会保存；未找到的数字保持空白，不会当作 0。"
          />
          {result.report.year === null && (
            <div role="group" aria-label="报告年度" style={{ marginBottom: 12, display: 'flex', gap: 8, alignItems: 'center' }}>
              <label htmlFor="nb-import-year">
                <Typography.Text type="danger">没有识别出报告年度，请填写：</Typography.Text>
              </label>
              <InputNumber id="nb-import-year" min={1990} max={2200} precision={0} value={year} placeholder={String(defaultReportYear())} onChange={(v) => setYear(typeof v === 'number' ? v : null)} suffix="年" status={yearOk ? undefined : 'error'} />
            </div>
          )}
          <div className="nb-two-col">
            <section aria-label="识别出的报告" className="nb-scroll" tabIndex={0}>
              <ReportSummary report={{ ...result.report, year: year ?? result.report.year }} />
            </section>
            <section aria-label="识别说明" className="nb-scroll" tabIndex={0}>
              <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 6 }}>
                <Typography.Text strong>识别说明</Typography.Text>
                <Segmented
                  size="small"
                  value={filter}
                  onChange={(v) => setFilter(v as 'problems' | 'all')}
                  options={[
                    { label: `需要核对（${counts.notFound + counts.uncertain}）`, value: 'problems' },
                    { label: `全部（${result.notes.length}）`, value: 'all' },
                  ]}
                />
              </div>
              {notes.length === 0 ? (
                <Typography.Text type="secondary">{filter === 'problems' ? '没有未找到或不确定的内容。' : '没有说明。'}</Typography.Text>
              ) : (
                <ul className="nb-notes" aria-label="识别说明列表">
                  {notes.map((n, i) => (
                    <li key={i}>
                      <Tag color={STATUS[n.status].color}>{STATUS[n.status].label}</Tag>
                      <Typography.Text strong>{n.what}</Typography.Text>
                      {n.detail && <div style={{ fontSize: 12 }}>{n.detail}</div>}
                      {n.source?.excerpt && (
                        <div className="nb-excerpt">
                          {n.source.page ? `第 ${n.source.page} 页：` : ''}
                          {n.source.excerpt}
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                来源：{result.source.fileName}（{result.source.kind.toUpperCase()}，{(result.source.size / 1024).toFixed(0)} KB）
              </Typography.Paragraph>
            </section>
          </div>
        </>
      )}
      {base && (
        <NextYearDialog
          id={base.id}
          title={base.title}
          year={base.year}
          open
          closeLabel="打开导入的报告"
          // Declined: the imported report is saved; open it.
          onClose={() => onSaved(base.id)}
          onOpen={(id) => onSaved(id)}
        />
      )}
    </Modal>
  );
}
