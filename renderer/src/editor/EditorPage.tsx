import { Alert, Button, Modal, Spin, message } from 'antd';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { OpenedReport, ReportMeta } from '../../../shared/api.js';
import { applyEdits, editCells, partStates, setText } from '../../../shared/editor/edits.js';
import type { PartId } from '../../../shared/editor/edits.js';
import { navGrid, planPaste } from '../../../shared/editor/grid-nav.js';
import { canRedo, canUndo, createHistory, pushHistory, redo, undo } from '../../../shared/editor/history.js';
import type { History } from '../../../shared/editor/history.js';
import type { Finding, FindingLocation } from '../../../shared/findings.js';
import { applyTotals, reportTitle } from '../../../shared/model/index.js';
import type { Cover, Office, Report } from '../../../shared/model/report.js';
import { checkReport } from '../../../shared/rules/index.js';
import { cellName, getTemplate, TABLE_IDS } from '../../../shared/templates/index.js';
import type { CellAddress, TableId } from '../../../shared/templates/index.js';
import { api } from '../api/client.js';
import { ExportDialog } from '../dialogs/ExportDialog.js';
import { NextYearDialog } from '../dialogs/NextYearDialog.js';
import { navigate } from '../ui/route.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { formatDateTime } from '../ui/format.js';
import { BasicInfo, Preamble } from './BasicInfo.js';
import { EditorContext } from './context.js';
import type { EditorActions } from './context.js';
import { indexFindings, stableCells, stableTotals } from './findings-index.js';
import type { TextMark } from './findings-index.js';
import { FindingsPanel } from './FindingsPanel.js';
import { selectInField } from './PlainText.js';
import { ProseSection } from './ProseSection.js';
import { Rail } from './Rail.js';
import { RevisionsDrawer } from './RevisionsDrawer.js';
import type { GridActions } from './TableGrid.js';
import { TablePart } from './TablePart.js';
import { clearSafetyCopy, readSafetyCopy, useAutosave } from './useAutosave.js';
import type { SafetyCopy, SaveState } from './useAutosave.js';
import './editor.css';

/**
 * The report editor: a rail of the parts on the left, the report as one long page in the middle
 * (基本信息, 前言, 一 … 六, the tables drawn as the national form), the checker's findings on the
 * right, updated on every change. One undo history for the whole report; autosaved.
 */

interface Loaded {
  meta: ReportMeta;
  previous: Report | null;
  deadline: string;
  settingsOffice: Office | null;
  recovery: string | null;
}

const EMPTY: Finding[] = [];
const pad = (n: number) => String(n).padStart(2, '0');

function SaveBadge({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saved'
      ? `已保存 ${state.at.toDateString() === new Date().toDateString() ? '' : `${state.at.getMonth() + 1}月${state.at.getDate()}日 `}${pad(state.at.getHours())}:${pad(state.at.getMinutes())}`
      : state.kind === 'saving'
        ? '正在保存…'
        : state.kind === 'dirty'
          ? '有修改，即将自动保存'
          : `保存失败：${state.message}（${Math.round(state.retryInMs / 1000)} 秒后自动重试）`;
  return (
    <span className={`nb-save nb-save-${state.kind}`} role="status" aria-live="polite" data-save-state={state.kind}>
      {text}
    </span>
  );
}

interface HeaderProps {
  title: string;
  year: number | null;
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onExport(): void;
  onRevisions(): void;
  onNextYear(): void;
  onBack(): void;
}

/** Title, year, save state and the report's commands; memoised: a keystroke does not re-render its buttons. */
const EditorHeader = memo(function EditorHeader(p: HeaderProps) {
  return (
    <header className="nb-editor-head">
      <div className="nb-head-title">
        <h1 title={p.title}>{p.title}</h1>
        <span className="nb-head-year">{p.year ?? '____'} 年度</span>
        <SaveBadge state={p.save} />
      </div>
      <div className="nb-ed-toolbar" role="toolbar" aria-label="报告操作">
        <Button onClick={p.onUndo} disabled={!p.canUndo} title="Ctrl+Z">
          撤销
        </Button>
        <Button onClick={p.onRedo} disabled={!p.canRedo} title="Ctrl+Y">
          重做
        </Button>
        <Button type="primary" onClick={p.onExport}>
          导出
        </Button>
        <Button onClick={p.onRevisions}>历史版本</Button>
        <Button onClick={p.onNextYear} title="以这份报告为基础新建下一年度报告">
          新建下一年度
        </Button>
        <Button onClick={p.onBack}>返回</Button>
      </div>
    </header>
  );
});

function flash(el: Element | null | undefined) {
  if (!el) return;
  el.classList.remove('nb-flash');
  // Restart the animation when the same place is shown twice.
  void (el as HTMLElement).offsetWidth;
  el.classList.add('nb-flash');
  setTimeout(() => el.classList.remove('nb-flash'), 1800);
}

function goToLocation(loc: FindingLocation): void {
  if (loc.kind === 'cell') {
    const el = document.querySelector<HTMLInputElement>(`input[data-cell="${CSS.escape(`${loc.ref.table}|${loc.ref.row}|${loc.ref.col}`)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    el.focus({ preventScroll: true });
    flash(el.closest('td'));
  } else if (loc.kind === 'text') {
    selectInField(loc.path, loc.start, loc.end);
    const el = document.querySelector(`[data-path="${CSS.escape(loc.path)}"]`);
    if (!el) {
      // A field not shown on its own (a heading as written): go to its section.
      const part = loc.path.split('.')[1];
      if (part) document.getElementById(`nb-h-${part}`)?.focus();
      return;
    }
    flash(el);
  } else if (loc.kind === 'section') {
    const h = document.getElementById(`nb-h-${loc.section}`);
    h?.scrollIntoView({ block: 'start' });
    h?.focus({ preventScroll: true });
    flash(document.getElementById(`nb-part-${loc.section}`));
  }
}

export function EditorPage({ id, onClose }: { id: string; onClose: () => void }) {
  const [modal, modalHolder] = Modal.useModal();
  const [msg, msgHolder] = message.useMessage();
  // antd's holders are new elements on every call and re-render with every keystroke otherwise.
  const [holders] = useState(() => (
    <>
      {modalHolder}
      {msgHolder}
    </>
  ));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [hist, setHist] = useState<History<Report> | null>(null);
  const [epoch, setEpoch] = useState(0);
  const [rescue, setRescue] = useState<SafetyCopy | null>(null);
  const [revOpen, setRevOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [current, setCurrent] = useState<PartId | null>('basic');
  const report = hist?.present ?? null;
  const onSaved = useCallback((meta: ReportMeta) => setLoaded((l) => (l ? { ...l, meta } : l)), []);
  const autosave = useAutosave(id, report, onSaved);
  const { markSaved } = autosave;
  const mainRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [opened, settings, previous] = await Promise.all([
          api.getReport({ id }),
          api.getSettings().catch(() => null),
          api.getPreviousReport({ id }).catch(() => null),
        ]);
        if (!live) return;
        markSaved(opened.report, opened.meta.updatedAt);
        setHist(createHistory(opened.report));
        setLoaded({
          meta: opened.meta,
          previous,
          deadline: settings?.deadline ?? '01-31',
          settingsOffice: settings?.office ?? null,
          recovery: opened.recovery?.message ?? null,
        });
        const copy = readSafetyCopy(id);
        if (copy && copy.at > opened.meta.updatedAt && JSON.stringify(copy.report) !== JSON.stringify(opened.report)) setRescue(copy);
        else if (copy) clearSafetyCopy(id);
      } catch (e) {
        if (live) setLoadError(e);
      }
    })();
    return () => {
      live = false;
    };
  }, [id, markSaved]);

  const opts = useMemo(() => ({ previous: loaded?.previous ?? null, deadline: loaded?.deadline ?? '01-31' }), [loaded?.previous, loaded?.deadline]);
  const findings = useMemo(() => (report ? checkReport(report, opts) : EMPTY), [report, opts]);
  const index = useMemo(() => indexFindings(findings), [findings]);
  const cellsRef = useRef<ReturnType<typeof stableCells> | null>(null);
  const cellMarks = useMemo(() => (cellsRef.current = stableCells(cellsRef.current, index.cells)), [index]);
  const totalsRef = useRef<ReturnType<typeof stableTotals> | null>(null);
  // Recomputed when the figures change, not on every keystroke in the text.
  const tables = report?.tables ?? null;
  const format = report?.format ?? null;
  const totals = useMemo(
    () => (tables && format ? (totalsRef.current = stableTotals(totalsRef.current, { format, tables })) : null),
    [tables, format],
  );
  // The findings at the cells are drawn in the keystroke's own frame; the findings list, the rail's
  // marks and the marks under the texts follow in the next one (a deferred render React may
  // interrupt), so a keystroke's frame carries only what the clerk is looking at.
  const checked = useMemo(() => ({ report, findings }), [report, findings]);
  const deferred = useDeferredValue(checked);
  // Until the report's first deferred render (the one after it loads), what is checked now.
  const later = deferred.report ? deferred : checked;
  const laterIndex = useMemo(() => (later.findings === findings ? index : indexFindings(later.findings)), [later, findings, index]);
  const states = useMemo(() => (later.report ? partStates(later.report, later.findings) : null), [later]);
  // The text marks of each part, made once per check: the parts compare them on every keystroke.
  const marksOf = useMemo(() => {
    const of = (prefixes: string[]): Map<string, TextMark[]> => {
      const m = new Map<string, TextMark[]>();
      for (const [path, list] of laterIndex.texts) if (prefixes.some((p) => path === p || path.startsWith(`${p}.`))) m.set(path, list);
      return m;
    };
    return {
      basic: of(['title', 'signature', 'issuedOn']),
      overview: of(['sections.overview', 'headings.overview']),
      problems: of(['sections.problems', 'headings.problems']),
      other: of(['sections.other', 'headings.other']),
    };
  }, [laterIndex]);

  const histRef = useRef(hist);
  histRef.current = hist;

  const notify = useCallback(
    (text: string, tone: 'info' | 'success' | 'warning' | 'error' = 'warning') => {
      void msg.open({ type: tone, content: text, duration: tone === 'success' ? 2 : 6 });
    },
    [msg],
  );

  const confirm = useCallback(
    (o: { title: string; content: string; okText: string; cancelText?: string; danger?: boolean }) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: o.title,
          content: o.content,
          okText: o.okText,
          cancelText: o.cancelText ?? '取消',
          okButtonProps: o.danger ? { danger: true } : undefined,
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );

  const push = useCallback((fn: (r: Report) => Report, group?: string) => {
    setHist((h) => (h ? pushHistory(h, fn(h.present), { group: group ?? null, now: Date.now() }) : h));
  }, []);

  const actions = useMemo<EditorActions>(
    () => ({
      setText: (path, value) => push((r) => setText(r, path, value), `text:${path}`),
      update: push,
      applyFix: (f) => {
        if (!f.fix) return;
        const edits = f.fix.edits;
        push((r) => applyEdits(r, edits));
        setEpoch((e) => e + 1);
        notify(`已修改：${f.fix.label}`, 'success');
      },
      goTo: goToLocation,
      confirm,
      notify,
    }),
    [push, confirm, notify],
  );

  const doUndo = useCallback(() => {
    if (!histRef.current || !canUndo(histRef.current)) return;
    setHist((h) => (h ? undo(h) : h));
    setEpoch((e) => e + 1);
  }, []);
  const doRedo = useCallback(() => {
    if (!histRef.current || !canRedo(histRef.current)) return;
    setHist((h) => (h ? redo(h) : h));
    setEpoch((e) => e + 1);
  }, []);

  const gridActions = useMemo<GridActions>(() => {
    const commitMany = (table: TableId, changes: { ref: CellAddress; value: number | null }[], group?: string) =>
      push((r) => editCells(r, changes.map((c) => ({ ref: { table, ...c.ref }, value: c.value }))), group);
    return {
      commit: (table, at, value, group) => commitMany(table, [{ ref: at, value }], group),
      commitMany: (table, changes) => commitMany(table, changes),
      paste: (table, start, block) => {
        const r = histRef.current?.present;
        if (!r) return;
        const t = getTemplate(r.format).tables[table];
        const res = planPaste(navGrid(t), start, block);
        if (res.changes.length) commitMany(table, res.changes);
        setEpoch((e) => e + 1);
        const notes: string[] = [];
        if (res.changes.length) notes.push(`已粘贴 ${res.changes.length} 格。`);
        if (res.refused.length) {
          const first = res.refused[0];
          notes.push(`${res.refused.length} 格没有粘贴（第一个：${cellName(t, first.ref)}“${first.text.trim()}”——${first.message}）。`);
        }
        if (res.onDerived) notes.push(`${res.onDerived} 个数字落在自动计算的合计格上，合计仍按各栏计算。`);
        if (res.outside) notes.push(`${res.outside} 个数字超出了表格范围，没有粘贴。`);
        if (notes.length) notify(notes.join(''), res.refused.length || res.outside ? 'warning' : 'success');
        if (res.askZero.length) {
          const zero = res.askZero;
          void confirm({
            title: '按 0 填写？',
            content: `粘贴的内容中有 ${zero.length} 格写的是“${zero[0].written}”之类的符号，不是数字。没有发生的事项应填 0。这些格按 0 填写吗？`,
            okText: '按 0 填写',
            cancelText: '不填',
          }).then((ok) => ok && commitMany(table, zero.map((z) => ({ ref: z.ref, value: 0 }))));
        }
      },
      askZero: (table, at, label, written) => {
        void confirm({
          title: '按 0 填写？',
          content: `${label} 填的是“${written}”，这不是数字。没有发生的事项应填 0。按 0 填写吗？`,
          okText: '按 0 填写',
          cancelText: '不填',
        }).then((ok) => {
          if (ok) commitMany(table, [{ ref: at, value: 0 }]);
        });
      },
      notify: (t) => notify(t, 'warning'),
    };
  }, [push, confirm, notify]);

  const adoptTotals = useCallback(() => {
    push((r) => applyTotals(r));
    setEpoch((e) => e + 1);
    notify('合计已全部改为各栏之和。', 'success');
  }, [push, notify]);

  const goPart = useCallback((p: PartId) => {
    const h = document.getElementById(`nb-h-${p}`);
    document.getElementById(`nb-part-${p}`)?.scrollIntoView({ block: 'start' });
    h?.focus({ preventScroll: true });
    setCurrent(p);
  }, []);

  // The panel is memoised on what it shows: a finding it hands back may be an earlier object with
  // the same rule and message; its locations and edits are taken from the newest check.
  const findingsRef = useRef(findings);
  findingsRef.current = findings;
  const newest = (f: Finding) => findingsRef.current.find((x) => x === f) ?? findingsRef.current.find((x) => x.rule === f.rule && x.message === f.message) ?? f;
  const goFinding = useCallback((f: Finding) => {
    const loc = newest(f).locations[0];
    if (loc) goToLocation(loc);
  }, []);
  const fixFinding = useCallback((f: Finding) => actions.applyFix(newest(f)), [actions]);

  const onRestored = useCallback(
    (opened: OpenedReport) => {
      markSaved(opened.report, opened.meta.updatedAt);
      setHist((h) => (h ? pushHistory(h, opened.report, { now: Date.now() }) : createHistory(opened.report)));
      setEpoch((e) => e + 1);
      setLoaded((l) => (l ? { ...l, meta: opened.meta } : l));
      setRevOpen(false);
      notify(`已恢复为第 ${opened.meta.revision} 版保存前的内容。`, 'success');
    },
    [markSaved, notify],
  );

  // The part in view, for the rail.
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const top = main.getBoundingClientRect().top + 80;
        let cur: PartId | null = null;
        for (const s of main.querySelectorAll<HTMLElement>('section.nb-part')) if (s.getBoundingClientRect().top <= top) cur = s.id.replace('nb-part-', '') as PartId;
        setCurrent(cur ?? 'basic');
      });
    };
    main.addEventListener('scroll', onScroll, { passive: true });
    return () => main.removeEventListener('scroll', onScroll);
  }, [loaded]);

  const openExport = useCallback(() => setExportOpen(true), []);
  const openRevisions = useCallback(() => setRevOpen(true), []);
  const closeExport = useCallback(() => setExportOpen(false), []);
  // The 上报函 typed in the export dialog belongs to the report: through the history, so it autosaves.
  const keepCover = useCallback((cover: Cover | null) => push((r) => ({ ...r, cover })), [push]);
  const closeRevisions = useCallback(() => setRevOpen(false), []);
  const flushRef = useRef(autosave.flush);
  flushRef.current = autosave.flush;
  const back = useCallback(() => {
    void flushRef.current();
    onClose();
  }, [onClose]);
  // The new year is made from the stored report: what was just typed is saved first.
  const [nextYearOpen, setNextYearOpen] = useState(false);
  const openNextYear = useCallback(() => {
    void flushRef.current().then(() => setNextYearOpen(true));
  }, []);
  const closeNextYear = useCallback(() => setNextYearOpen(false), []);
  const openNewYear = useCallback((newId: string) => {
    setNextYearOpen(false);
    navigate({ name: 'report', id: newId });
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) doUndo();
    else if (k === 'y' || (k === 'z' && e.shiftKey)) doRedo();
    else if (k === 's') void autosave.flush();
    else return;
    e.preventDefault();
  };

  if (loadError) {
    return (
      <div className="nb-editor-error">
        <ErrorAlert error={loadError} title="无法打开这份报告" />
        <Button onClick={onClose}>返回报告列表</Button>
      </div>
    );
  }
  if (!report || !loaded || !states || !totals) {
    return (
      <div className="nb-editor-loading" aria-busy="true">
        <Spin size="large" />
        <span>正在打开报告…</span>
      </div>
    );
  }

  const tpl = getTemplate(report.format);
  const mismatchCount = (t: TableId) => {
    const data = report.tables[t] as Record<string, unknown> | null;
    if (!data) return 0;
    let n = 0;
    for (const [key, v] of totals[t].map) {
      const [row, col] = key.split('|');
      const stored = tpl.tables[t].storage === 'array' ? ((data[row] as (number | null)[] | null)?.[tpl.tables[t].columnOrder.indexOf(col)] ?? null) : null;
      if (stored !== null && v !== null && stored !== v) n++;
    }
    return n;
  };

  return (
    <EditorContext.Provider value={actions}>
      {holders}
      <div className="nb-editor" onKeyDown={onKeyDown}>
        <EditorHeader
          title={reportTitle(report)}
          year={report.year}
          save={autosave.state}
          canUndo={canUndo(hist!)}
          canRedo={canRedo(hist!)}
          onUndo={doUndo}
          onRedo={doRedo}
          onExport={openExport}
          onRevisions={openRevisions}
          onNextYear={openNextYear}
          onBack={back}
        />
        {loaded.recovery && <Alert type="warning" showIcon title={loaded.recovery} className="nb-banner" />}
        {rescue && (
          <Alert
            type="warning"
            showIcon
            className="nb-banner"
            role="alert"
            title={`发现 ${formatDateTime(rescue.at)} 尚未保存的修改`}
            description="上次关闭时这些修改可能没有保存成功。可以恢复它们，或者丢弃、保留现在打开的内容。"
            action={
              <span className="nb-banner-actions">
                <Button
                  type="primary"
                  size="small"
                  onClick={() => {
                    const r = rescue.report;
                    push(() => r);
                    setEpoch((e) => e + 1);
                    setRescue(null);
                  }}
                >
                  恢复这些修改
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    clearSafetyCopy(id);
                    setRescue(null);
                  }}
                >
                  丢弃
                </Button>
              </span>
            }
          />
        )}
        <div className="nb-editor-body">
          <Rail states={states} current={current} onGo={goPart} />
          <div className="nb-main" ref={mainRef}>
            <div className="nb-page">
              <BasicInfo
                office={report.office}
                year={report.year}
                title={report.title ?? null}
                issuedOn={report.issuedOn}
                signature={report.signature ?? null}
                format={report.format}
                settingsOffice={loaded.settingsOffice}
                marks={marksOf.basic}
              />
              <Preamble value={report.preamble ?? ''} year={report.year} marks={laterIndex.texts.get('preamble')} />
              <ProseSection
                id="overview"
                parts={report.sections.overview}
                marks={marksOf.overview}
                sectionFindings={laterIndex.sections.get('overview') ?? EMPTY}
                headingAsWritten={report.headings?.overview ?? null}
              />
              {TABLE_IDS.map((t) => (
                <TablePart
                  key={t}
                  table={tpl.tables[t]}
                  data={report.tables[t] as Record<string, unknown> | null}
                  computed={totals[t].map}
                  marks={cellMarks[t].map}
                  epoch={epoch}
                  actions={gridActions}
                  mismatches={mismatchCount(t)}
                  onAdoptTotals={adoptTotals}
                  sectionFindings={laterIndex.sections.get(t) ?? EMPTY}
                />
              ))}
              <ProseSection
                id="problems"
                parts={report.sections.problems}
                marks={marksOf.problems}
                sectionFindings={laterIndex.sections.get('problems') ?? EMPTY}
                headingAsWritten={report.headings?.problems ?? null}
              />
              <ProseSection
                id="other"
                parts={report.sections.other}
                marks={marksOf.other}
                sectionFindings={laterIndex.sections.get('other') ?? EMPTY}
                headingAsWritten={report.headings?.other ?? null}
              />
            </div>
          </div>
          <FindingsPanel findings={later.findings} onGo={goFinding} onFix={fixFinding} />
        </div>
      </div>
      {/* Mounted only while open: closed, they would re-render with every keystroke. */}
      {exportOpen && <ExportDialog id={id} report={report} open onClose={closeExport} onCoverChange={keepCover} />}
      {nextYearOpen && <NextYearDialog id={id} title={reportTitle(report)} year={report.year} open onClose={closeNextYear} onOpen={openNewYear} closeLabel="留在这份报告" />}
      <RevisionsDrawer id={id} open={revOpen} current={loaded.meta.revision} onClose={closeRevisions} confirm={confirm} onRestored={onRestored} />
    </EditorContext.Provider>
  );
}
