import { Alert, Button, Checkbox, Modal, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ExportKind } from '../../../shared/api.js';
import type { Finding } from '../../../shared/findings.js';
import type { Cover, Report } from '../../../shared/model/report.js';
import { exportFileName } from '../../../shared/model/title.js';
import { api, isElectron } from '../api/client.js';
import { base64ToBytes } from '../host/base64.js';
import { copyHtml, htmlToText, pdfObjectUrl, printFrame, printPdfElectron, saveExport } from '../host/save.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { CoverFields, defaultCover } from './CoverFields.js';

export interface ExportDialogProps {
  /** The stored report. */
  id: string;
  /** The report as the editor holds it (may be newer than the stored one); read from the store when absent. */
  report?: Report;
  open: boolean;
  onClose(): void;
  /**
   * The editor keeps the 上报函 in its report (so it is saved with it): called with the cover used
   * for an export. Without it (opened from the list) the dialog saves the cover into the stored report.
   */
  onCoverChange?(cover: Cover | null): void;
}

type Action = 'docx' | 'pdf' | 'html' | 'print' | 'copy';

const ACTIONS: { action: Action; label: string; kind: ExportKind; ext: string; key: string }[] = [
  { action: 'docx', label: '导出 Word', kind: 'docx', ext: 'docx', key: 'w' },
  { action: 'pdf', label: '导出 PDF', kind: 'pdf', ext: 'pdf', key: 'p' },
  { action: 'html', label: '导出网页', kind: 'html', ext: 'html', key: 'h' },
  { action: 'print', label: '打印', kind: 'pdf', ext: 'pdf', key: 'r' },
  { action: 'copy', label: '复制网页版', kind: 'htmlFragment', ext: 'html', key: 'c' },
];

type Step =
  | { step: 'choose' }
  | { step: 'working'; text: string; percent: number }
  | { step: 'errors'; action: Action; report: Report; errors: Finding[] }
  | { step: 'missing'; action: Action; report: Report; chars: string[]; dataBase64: string; mime: string }
  | { step: 'preview'; url: string; fileName: string }
  | { step: 'done'; text: string; path?: string };

function charName(c: string): string {
  return `「${c}」（U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`;
}

/**
 * 导出 / 打印: Word, PDF, web page, print, copy the web version. The checker runs first and its
 * errors are shown before anything is written (export goes on only if the clerk confirms);
 * characters that no font has are named before a PDF is offered. Placed in the editor toolbar.
 */
export function ExportDialog({ id, report, open, onClose, onCoverChange }: ExportDialogProps) {
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [error, setError] = useState<unknown>(null);
  const [withCover, setWithCover] = useState(false);
  const [cover, setCover] = useState<Cover>(() => report?.cover ?? defaultCover(report?.office.name, report?.year ?? null, report?.office.county));
  const [stored, setStored] = useState<Report | null>(null);
  const live = useRef(true);
  const frame = useRef<HTMLIFrameElement>(null);
  const previewUrl = step.step === 'preview' ? step.url : null;
  // The preview's object URL lives as long as the preview is shown.
  useEffect(() => {
    if (!previewUrl) return;
    return () => URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  useEffect(() => {
    if (open) {
      setStep({ step: 'choose' });
      setError(null);
    }
  }, [open]);
  // Opened from the list (no report in hand): read it once for the file name and the cover defaults.
  useEffect(() => {
    if (!open || report) return;
    let on = true;
    api
      .getReport({ id })
      .then((o) => {
        if (!on) return;
        setStored(o.report);
        setCover(o.report.cover ?? defaultCover(o.report.office.name, o.report.year, o.report.office.county));
        setWithCover(Boolean(o.report.cover));
      })
      .catch((e: unknown) => on && setError(e));
    return () => {
      on = false;
    };
  }, [open, report, id]);
  useEffect(() => {
    if (report?.cover) {
      setCover(report.cover);
      setWithCover(true);
    }
  }, [report?.cover]);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  /** The cover letter typed for an export is kept with the report, so it is there next time. */
  const keepCover = async (r: Report, used: Cover | null) => {
    if (!used || JSON.stringify(used) === JSON.stringify(r.cover ?? null)) return;
    if (onCoverChange) onCoverChange(used);
    else if (!report) {
      const saved = { ...r, cover: used };
      await api.saveReport({ id, report: saved });
      setStored(saved);
    }
  };

  const current = async (): Promise<Report> => report ?? stored ?? (await api.getReport({ id })).report;

  /** Writes, prints or copies an export that passed the checks. */
  const deliver = async (action: Action, r: Report, dataBase64: string, mime: string) => {
    const a = ACTIONS.find((x) => x.action === action)!;
    if (action === 'print') {
      if (isElectron) {
        setStep({ step: 'working', text: '正在打开打印对话框…', percent: 90 });
        await printPdfElectron(dataBase64);
        setStep({ step: 'done', text: '已打开打印对话框。' });
      } else setStep({ step: 'preview', url: pdfObjectUrl(dataBase64), fileName: exportFileName(r, 'pdf') });
      return;
    }
    if (action === 'copy') {
      const html = new TextDecoder().decode(base64ToBytes(dataBase64));
      const how = await copyHtml(html, htmlToText(html));
      setStep({ step: 'done', text: how === 'html' ? '网页版已复制。请在网站后台编辑器中粘贴（Ctrl+V）。' : how === 'text' ? '只复制了纯文本（此浏览器不允许复制网页格式）。建议改用“导出网页”。' : '无法访问剪贴板。请改用“导出网页”。' });
      return;
    }
    setStep({ step: 'working', text: '正在保存文件…', percent: 90 });
    const out = await saveExport(exportFileName(r, a.ext), dataBase64, mime);
    if (out.kind === 'cancelled') setStep({ step: 'choose' });
    else if (out.kind === 'saved') setStep({ step: 'done', text: `已保存：${out.path}`, path: out.path });
    else setStep({ step: 'done', text: `已下载：${out.fileName}（在浏览器的“下载”中查看）` });
  };

  const exportNow = async (action: Action, r: Report) => {
    const a = ACTIONS.find((x) => x.action === action)!;
    setStep({ step: 'working', text: a.kind === 'pdf' ? '正在生成 PDF（排版、嵌入字体）…' : a.kind === 'docx' ? '正在生成 Word 文件…' : '正在生成网页…', percent: 45 });
    const used = withCover ? cover : null;
    const res = await api.exportReport({ id, report: r, kind: a.kind, cover: used });
    if (!live.current) return;
    // Keeping the cover is a convenience: a failure here must not hold back the file.
    await keepCover(r, used).catch(() => undefined);
    if (res.missingChars.length > 0) {
      setStep({ step: 'missing', action, report: r, chars: res.missingChars, dataBase64: res.dataBase64, mime: res.mime });
      return;
    }
    await deliver(action, r, res.dataBase64, res.mime);
  };

  const start = async (action: Action) => {
    setError(null);
    try {
      setStep({ step: 'working', text: '正在检查报告…', percent: 15 });
      const r = await current();
      const findings = await api.checkReport({ report: r, id });
      const errors = findings.filter((f) => f.severity === 'error');
      if (errors.length > 0) {
        setStep({ step: 'errors', action, report: r, errors });
        return;
      }
      await exportNow(action, r);
    } catch (e) {
      setError(e);
      setStep({ step: 'choose' });
    }
  };

  // Alt+W/P/H/R/C while the dialog shows its choices (the letters beside the buttons).
  const startRef = useRef(start);
  startRef.current = start;
  const choosing = open && step.step === 'choose';
  useEffect(() => {
    if (!choosing) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      const a = ACTIONS.find((x) => x.key === e.key.toLowerCase());
      if (!a) return;
      e.preventDefault();
      void startRef.current(a.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choosing]);

  const guard = (fn: () => Promise<void>) => async () => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
      setStep({ step: 'choose' });
    }
  };

  const busy = step.step === 'working';
  let body;
  let footer;
  if (step.step === 'preview') {
    const print = () => {
      const how = printFrame(frame.current, step.url);
      if (how === 'blocked') setError(new Error('浏览器阻止了新窗口。请允许本页面弹出窗口，或改用“导出 PDF”后用 PDF 阅读器打印。'));
    };
    body = (
      <>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          打印预览：{step.fileName}。点“打印”打开打印对话框（也可以在预览中按 Ctrl+P）；预览显示不出来时点“在新标签页中打开”。
        </Typography.Paragraph>
        <iframe ref={frame} src={step.url} title="打印预览" data-testid="print-preview" style={{ width: '100%', height: '62vh', border: '1px solid #d9d9d9', background: '#525659' }} />
      </>
    );
    footer = [
      <Button key="back" onClick={() => setStep({ step: 'choose' })}>
        返回
      </Button>,
      <Button key="tab" onClick={() => window.open(step.url, '_blank')}>
        在新标签页中打开
      </Button>,
      <Button key="print" type="primary" autoFocus onClick={print}>
        打印
      </Button>,
    ];
  } else if (step.step === 'errors') {
    body = (
      <>
        <Alert type="error" showIcon title={`检查发现 ${step.errors.length} 个错误`} description="建议先回到报告中改正再导出。确需导出（例如先打印草稿核对）时可以继续。" style={{ marginBottom: 8 }} />
        <ol aria-label="检查发现的错误" style={{ maxHeight: 280, overflow: 'auto', paddingLeft: 22 }}>
          {step.errors.map((f, i) => (
            <li key={i} style={{ marginBottom: 4 }}>
              {f.message}
            </li>
          ))}
        </ol>
      </>
    );
    footer = [
      <Button key="back" autoFocus onClick={() => setStep({ step: 'choose' })}>
        返回修改
      </Button>,
      <Button key="go" danger onClick={guard(() => exportNow(step.action, step.report))}>
        仍然导出
      </Button>,
    ];
  } else if (step.step === 'missing') {
    body = (
      <Alert
        type="warning"
        showIcon
        title={`有 ${step.chars.length} 个字在本机所有字体中都没有`}
        description={
          <>
            <div>PDF 中这些字会印成“〓”：{step.chars.map(charName).join('、')}。</div>
            <div>可以安装含有这些字的字体后重新导出，或在报告中改写后再导出。</div>
          </>
        }
      />
    );
    footer = [
      <Button key="back" autoFocus onClick={() => setStep({ step: 'choose' })}>
        取消
      </Button>,
      <Button key="go" onClick={guard(() => deliver(step.action, step.report, step.dataBase64, step.mime))}>
        仍然{step.action === 'print' ? '打印' : '保存'}
      </Button>,
    ];
  } else {
    body = (
      <>
        <Space wrap style={{ marginBottom: 12 }} role="group" aria-label="导出方式">
          {ACTIONS.map((a, i) => (
            <Button key={a.action} type={i === 1 ? 'primary' : 'default'} disabled={busy} aria-keyshortcuts={`Alt+${a.key.toUpperCase()}`} onClick={() => void start(a.action)}>
              {a.label}
              <span className="nb-kbd" aria-hidden="true">
                ({a.key.toUpperCase()})
              </span>
            </Button>
          ))}
        </Space>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {isElectron ? '导出前会先检查报告，然后选择保存位置。' : '导出前会先检查报告；文件保存到浏览器的“下载”文件夹。打印会先显示 PDF 预览，再打开浏览器的打印对话框。'}
        </Typography.Paragraph>
        <Checkbox checked={withCover} onChange={(e) => setWithCover(e.target.checked)} disabled={busy}>
          附上报函（单独一页，放在报告前面）
        </Checkbox>
        {withCover && (
          <div style={{ marginTop: 8 }}>
            <CoverFields value={cover} onChange={setCover} />
          </div>
        )}
        {step.step === 'working' && (
          <div role="status" aria-live="polite" style={{ marginTop: 12 }}>
            <Progress percent={step.percent} status="active" showInfo={false} size="small" />
            <span>{step.text}</span>
          </div>
        )}
        {step.step === 'done' && (
          <Alert
            role="status"
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            title={step.text}
            action={
              step.path ? (
                <Button size="small" onClick={() => void api.showInFolder({ path: step.path! }).catch(setError)}>
                  打开所在文件夹
                </Button>
              ) : undefined
            }
          />
        )}
      </>
    );
    footer = [
      <Button key="close" onClick={onClose} disabled={busy}>
        关闭
      </Button>,
    ];
  }

  return (
    <Modal open={open} title={step.step === 'preview' ? '打印预览' : '导出与打印'} onCancel={busy ? undefined : onClose} footer={footer} width={step.step === 'preview' ? 960 : 640} style={step.step === 'preview' ? { top: 16 } : undefined} maskClosable={false} keyboard={!busy}>
      <ErrorAlert error={error} title="导出没有完成" onClose={() => setError(null)} />
      {body}
    </Modal>
  );
}
