import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { formatCellValue, parseCellInput } from '../../../shared/editor/cell-input.js';
import { copyRange, inRange, isBlock, moveFrom, navGrid, normaliseRange, parseTsv } from '../../../shared/editor/index.js';
import type { Move, NavPos, NavRange } from '../../../shared/editor/index.js';
import { readCell } from '../../../shared/model/cells.js';
import type { CellValue } from '../../../shared/model/report.js';
import { cellName } from '../../../shared/templates/index.js';
import type { CellAddress, CellKind, TableId, TableTemplate } from '../../../shared/templates/index.js';
import type { CellMark } from './findings-index.js';

/**
 * One national table as the paper form draws it (the template's printed grid, with its merged
 * header and label cells), each value cell an input that behaves like a spreadsheet cell:
 * arrows/Tab/Enter move, typing replaces, F2 or double-click edits in place, Escape cancels,
 * Delete clears, a tab-separated block pastes from the focused cell onwards, Ctrl+C copies the
 * selection (Shift+arrows extend it).
 */

export interface GridActions {
  /** A cell typed by the clerk; `group` coalesces a burst of typing in one undo step. */
  commit(table: TableId, at: CellAddress, value: CellValue, group: string): void;
  /** Several cells at once (Delete on a selection), one undo step. */
  commitMany(table: TableId, changes: { ref: CellAddress; value: CellValue }[]): void;
  paste(table: TableId, start: NavPos, block: string[][]): void;
  /** `无`, `—`, `/`… typed in a cell: 「按 0 填写？」 */
  askZero(table: TableId, at: CellAddress, label: string, written: string): void;
  notify(text: string): void;
}

interface GridProps {
  table: TableTemplate;
  data: Record<string, unknown> | null;
  /** Computed totals of this table, key `row|col`. */
  computed: Map<string, CellValue>;
  /** Findings at cells of this table, key `row|col`. */
  marks: Map<string, CellMark>;
  /** Changes when the report is replaced (undo, redo, restore): cells drop what is being typed. */
  epoch: number;
  readOnly?: boolean;
  actions: GridActions;
}

type Mode = 'nav' | 'enter' | 'edit';

interface CellProps {
  table: TableId;
  row: string;
  col: string;
  r: number;
  c: number;
  kind: CellKind;
  derived: boolean;
  label: string;
  value: CellValue;
  text: string;
  /** Printed total that differs from the computed one (imported report). */
  printed: string | null;
  severity: CellMark['severity'] | null;
  message: string | null;
  blank: boolean;
  selected: boolean;
  tabbable: boolean;
  focused: boolean;
  rowSpan?: number;
  colSpan?: number;
  epoch: number;
  readOnly: boolean;
  api: CellApi;
}

interface CellApi {
  move(from: NavPos, m: Move, extend: boolean): boolean;
  focusAt(p: NavPos, inside: boolean): void;
  blurAt(p: NavPos): void;
  copy(p: NavPos): string;
  clear(p: NavPos): boolean;
  actions: GridActions;
}

/**
 * The focused cell's message, drawn over the page (a portal with fixed position) so that the
 * table's scrolling box does not clip it: below the cell, or above it near the window's bottom.
 */
function CellTip({ id, className, text, anchor }: { id: string; className: string; text: string | null; anchor: HTMLElement | null }) {
  const [pos, setPos] = useState<{ top: number; left: number; above: boolean } | null>(null);
  useLayoutEffect(() => {
    if (!anchor) return;
    const scroller = anchor.closest('.nb-main');
    const place = () => {
      const r = anchor.getBoundingClientRect();
      // The cell scrolled out of the page's view: no message floating over the header or the panel.
      const view = scroller?.getBoundingClientRect();
      if (view && (r.bottom < view.top || r.top > view.bottom)) return setPos(null);
      const above = r.bottom + 90 > window.innerHeight;
      setPos({ top: above ? r.top - 4 : r.bottom + 4, left: Math.max(r.right, 350), above });
    };
    place();
    window.addEventListener('scroll', place, { capture: true, passive: true });
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
    };
  }, [anchor]);
  // In a box of no size at the window's corner that is its own layout boundary (size and layout
  // containment, no paint containment, so nothing is clipped): the message coming and going as the
  // clerk types lays out the tip alone, not the whole window from the root.
  return createPortal(
    <div className="nb-tip-layer">
      <div
        id={id}
        role="tooltip"
        className={`nb-cell-tip ${className}`}
        hidden={text === null}
        style={pos ? { top: pos.top, left: pos.left, transform: pos.above ? 'translate(-100%, -100%)' : 'translateX(-100%)' } : { visibility: 'hidden' }}
      >
        {text}
      </div>
    </div>,
    document.body,
  );
}

const ARROWS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

const Cell = memo(function Cell(p: CellProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('nav');
  const [error, setError] = useState<string | null>(null);
  const draftRef = useRef<string | null>(null);
  const tdRef = useRef<HTMLTableCellElement>(null);
  const origin = useRef<CellValue | undefined>(undefined);
  const epochSeen = useRef(p.epoch);
  const pos = { r: p.r, c: p.c };
  const at = { row: p.row, col: p.col };
  const group = `cell:${p.table}|${p.row}|${p.col}`;
  const locked = p.derived || p.readOnly;

  // The report was replaced under the cell (undo, redo, restore): drop what was being typed.
  if (epochSeen.current !== p.epoch) {
    epochSeen.current = p.epoch;
    if (draftRef.current !== null) {
      draftRef.current = null;
      origin.current = undefined;
      setDraft(null);
      setMode('nav');
      setError(null);
    }
  }

  const reset = () => {
    draftRef.current = null;
    origin.current = undefined;
    setDraft(null);
    setMode('nav');
    setError(null);
  };

  /** Ends typing in the cell: the value is already in the report if it was good. */
  const finish = () => {
    const d = draftRef.current;
    if (d === null) return;
    const res = parseCellInput(d, p.kind);
    if (res.kind !== 'value') {
      // What was typed is not a figure: the cell goes back to what it held before the edit (the
      // digits typed on the way, e.g. the 7 of 7.5, were only live previews).
      const before = origin.current === undefined ? p.value : origin.current;
      if (before !== p.value) p.api.actions.commit(p.table, at, before, group);
      if (res.kind === 'askZero') p.api.actions.askZero(p.table, at, p.label, res.written);
      else p.api.actions.notify(`${p.label}：“${d.trim()}”没有填入。${res.message}这一格保留原来的内容${before !== null ? `（${formatCellValue(before)}）` : '（空）'}。`);
    }
    reset();
  };

  const cancel = () => {
    if (origin.current !== undefined && origin.current !== p.value) p.api.actions.commit(p.table, at, origin.current, group);
    reset();
  };

  const startEdit = (input: HTMLInputElement) => {
    if (locked) return;
    if (draftRef.current === null) {
      origin.current = p.value;
      draftRef.current = p.text;
      setDraft(p.text);
    }
    setMode('edit');
    // The caret after the figure at once (a key typed straight after F2 must not replace it), and
    // again after React's render.
    const n = input.value.length;
    input.setSelectionRange(n, n);
    requestAnimationFrame(() => input.setSelectionRange(n, n));
  };

  const onChange = (v: string) => {
    if (locked) return;
    if (origin.current === undefined) origin.current = p.value;
    draftRef.current = v;
    setDraft(v);
    if (mode === 'nav') setMode('enter');
    const res = parseCellInput(v, p.kind);
    if (res.kind === 'value') {
      setError(null);
      if (res.value !== p.value) p.api.actions.commit(p.table, at, res.value, group);
    } else if (res.kind === 'askZero') setError(`“${res.written}”不是数字。按 Enter 后可以选择按 0 填写。`);
    else setError(res.message);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const k = e.key;
    if (e.ctrlKey || e.metaKey || e.altKey) return; // undo/redo/copy/paste: the editor and the clipboard events
    if (k === 'F2') {
      e.preventDefault();
      startEdit(e.currentTarget);
      return;
    }
    if (k === 'Escape') {
      if (draftRef.current !== null) {
        e.preventDefault();
        e.stopPropagation();
        cancel();
        const input = e.currentTarget;
        requestAnimationFrame(() => input.select());
      }
      return;
    }
    if (k === 'Enter') {
      e.preventDefault();
      finish();
      const input = e.currentTarget;
      // At the table's edge the cell keeps the focus, its figure selected for the next one.
      if (!p.api.move(pos, e.shiftKey ? 'up' : 'down', false)) requestAnimationFrame(() => input.select());
      return;
    }
    if (k === 'Tab') {
      finish();
      if (p.api.move(pos, e.shiftKey ? 'prev' : 'next', false)) e.preventDefault();
      return;
    }
    const dir = ARROWS[k];
    if (dir) {
      if (mode === 'edit') return;
      e.preventDefault();
      finish();
      p.api.move(pos, dir, e.shiftKey);
      return;
    }
    if ((k === 'Delete' || (k === 'Backspace' && p.selected)) && mode === 'nav') {
      e.preventDefault();
      if (!p.api.clear(pos) && !locked && p.value !== null) p.api.actions.commit(p.table, at, null, group);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    if (p.readOnly) return;
    const text = e.clipboardData.getData('text/plain');
    if (isBlock(text)) {
      e.preventDefault();
      finish();
      p.api.actions.paste(p.table, pos, parseTsv(text));
    } else if (locked) {
      e.preventDefault();
    }
  };

  const onCopy = (e: ClipboardEvent<HTMLInputElement>) => {
    if (mode === 'edit') return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', p.api.copy(pos));
  };

  const shown = draft ?? p.text;
  const tip = error ?? p.message;
  const tipId = `nb-tip-${p.table}-${p.r}-${p.c}`;
  const cls = [
    'nb-cell',
    p.derived ? 'nb-derived' : '',
    p.severity ? (p.blank ? 'nb-blank' : `nb-sev-${p.severity}`) : '',
    error ? 'nb-invalid' : '',
    p.selected ? 'nb-selected' : '',
    mode === 'edit' ? 'nb-editing' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <td ref={tdRef} role="gridcell" className={cls} rowSpan={p.rowSpan} colSpan={p.colSpan} aria-selected={p.selected || undefined} data-cell-td={`${p.table}|${p.row}|${p.col}`}>
      <input
        className="nb-cell-input"
        value={shown}
        inputMode={p.kind === 'money' ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        readOnly={locked}
        aria-readonly={locked || undefined}
        aria-label={p.derived ? `${p.label}（自动计算）` : p.label}
        aria-invalid={(p.severity === 'error' && !p.blank) || error !== null || undefined}
        aria-describedby={tip && p.focused ? tipId : undefined}
        title={[p.derived ? '自动计算，不用填写' : '', p.printed !== null ? `文档中印的是 ${p.printed}` : '', p.message ?? ''].filter(Boolean).join('\n') || undefined}
        tabIndex={p.tabbable ? 0 : -1}
        data-cell={`${p.table}|${p.row}|${p.col}`}
        data-r={p.r}
        data-c={p.c}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        onFocus={(e) => {
          e.target.select();
          p.api.focusAt(pos, true);
        }}
        onBlur={() => {
          finish();
          p.api.blurAt(pos);
        }}
        onMouseUp={(e) => {
          // A click selects the whole figure, so typing replaces it (as in Excel); F2 or a double-click edits in place.
          if (mode === 'nav') {
            e.preventDefault();
            e.currentTarget.select();
          }
        }}
        onDoubleClick={(e) => startEdit(e.currentTarget)}
      />
      {p.printed !== null && <span className="nb-printed">印 {p.printed}</span>}
      {/* Mounted while the cell has the focus, shown while there is a message: a finding that comes
          and goes as the clerk types changes its text, and the cell is measured only when the focus
          moves or the page scrolls, not on every keystroke. */}
      {p.focused && <CellTip id={tipId} className={!tip ? '' : error ? 'nb-tip-input' : p.blank ? 'nb-tip-blank' : `nb-tip-${p.severity ?? 'info'}`} text={tip} anchor={tdRef.current} />}
    </td>
  );
});

function GridImpl({ table: t, data, computed, marks, epoch, readOnly = false, actions }: GridProps) {
  const nav = navGrid(t);
  const [active, setActive] = useState<NavPos>({ r: 0, c: 0 });
  const [anchor, setAnchor] = useState<NavPos | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const state = useRef({ active, anchor, data, computed });
  state.current = { active, anchor, data, computed };
  const actionsRef = useRef(actions);
  actionsRef.current = actions;

  const range: NavRange | null = anchor && (anchor.r !== active.r || anchor.c !== active.c) ? normaliseRange(anchor, active) : null;

  const display = useCallback(
    (at: CellAddress): string => {
      const cell = nav.flat().find((x) => x.row === at.row && x.col === at.col);
      const stored = state.current.data ? (readCell(t, state.current.data, at) ?? null) : null;
      if (cell?.derived) {
        const v = state.current.computed.get(`${at.row}|${at.col}`);
        return formatCellValue(v === undefined ? stored : v);
      }
      return formatCellValue(stored);
    },
    [nav, t],
  );

  const api = useMemo<CellApi>(
    () => ({
      move(from, m, extend) {
        const to = moveFrom(nav, from, m);
        if (!to) return false;
        if (extend) setAnchor((a) => a ?? from);
        else setAnchor(null);
        setActive(to);
        tableRef.current?.querySelector<HTMLInputElement>(`input[data-r="${to.r}"][data-c="${to.c}"]`)?.focus();
        return true;
      },
      focusAt(p) {
        setHasFocus(true);
        const cur = state.current.active;
        if (cur.r !== p.r || cur.c !== p.c) {
          setActive(p);
          // A click elsewhere ends the selection; Shift+arrows set the anchor before moving.
          setAnchor((a) => (a && inRange(normaliseRange(a, p), p.r, p.c) ? a : null));
        }
      },
      blurAt() {
        setHasFocus(false);
      },
      copy(p) {
        const { anchor: a, active: act } = state.current;
        const rg = a && (a.r !== act.r || a.c !== act.c) ? normaliseRange(a, act) : normaliseRange(p, p);
        return copyRange(nav, rg, display);
      },
      clear(p) {
        const { anchor: a, active: act } = state.current;
        if (readOnly || !a || (a.r === act.r && a.c === act.c)) return false;
        const rg = normaliseRange(a, act);
        const changes: { ref: CellAddress; value: CellValue }[] = [];
        for (let r = rg.r0; r <= rg.r1; r++)
          for (let c = rg.c0; c <= rg.c1 && c < nav[r].length; c++) if (!nav[r][c].derived) changes.push({ ref: { row: nav[r][c].row, col: nav[r][c].col }, value: null });
        actionsRef.current.commitMany(t.id, changes);
        void p;
        return true;
      },
      actions: {
        commit: (...a) => actionsRef.current.commit(...a),
        commitMany: (...a) => actionsRef.current.commitMany(...a),
        paste: (...a) => actionsRef.current.paste(...a),
        askZero: (...a) => actionsRef.current.askZero(...a),
        notify: (...a) => actionsRef.current.notify(...a),
      },
    }),
    [nav, t, display, readOnly],
  );

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const row of t.rows) for (const c of row.cells) m.set(`${row.code}|${c.col}`, cellName(t, { row: row.code, col: c.col }));
    return m;
  }, [t]);

  const positions = useMemo(() => {
    const m = new Map<string, NavPos>();
    nav.forEach((line, r) => line.forEach((c, ci) => m.set(`${c.row}|${c.col}`, { r, c: ci })));
    return m;
  }, [nav]);

  const pct = useMemo(() => {
    const sum = t.columnWidths.reduce((a, b) => a + b, 0);
    return t.columnWidths.map((w) => `${((w / sum) * 100).toFixed(2)}%`);
  }, [t]);

  return (
    <table ref={tableRef} className={`nb-table nb-table-${t.id}`} role="grid" aria-label={`${t.caption} ${t.title}`} aria-readonly={readOnly || undefined}>
      <colgroup>
        {pct.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <tbody>
        {t.grid.map((g, gi) => (
          <tr key={gi} className={`nb-row-${g.role}`}>
            {g.cells.map((cell, ci) => {
              if (cell.type === 'label') {
                return (
                  <th
                    key={ci}
                    scope={cell.header ? 'col' : 'row'}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    className={cell.block ? 'nb-block' : cell.header ? 'nb-head' : 'nb-label'}
                  >
                    {cell.text}
                  </th>
                );
              }
              const key = `${cell.ref.row}|${cell.ref.col}`;
              const p = positions.get(key) ?? { r: 0, c: 0 };
              const nc = nav[p.r][p.c];
              const stored = data ? (readCell(t, data, cell.ref) ?? null) : null;
              const comp = nc.derived ? computed.get(key) : undefined;
              const value = nc.derived && comp !== undefined ? comp : stored;
              const mark = marks.get(key);
              return (
                <Cell
                  key={ci}
                  table={t.id}
                  row={cell.ref.row}
                  col={cell.ref.col}
                  r={p.r}
                  c={p.c}
                  kind={nc.kind}
                  derived={nc.derived}
                  label={names.get(key) ?? key}
                  value={value}
                  text={formatCellValue(value)}
                  printed={nc.derived && stored !== null && comp !== undefined && comp !== null && stored !== comp ? formatCellValue(stored) : null}
                  severity={mark?.severity ?? null}
                  message={mark?.message ?? null}
                  blank={mark?.blank ?? false}
                  selected={range !== null && inRange(range, p.r, p.c)}
                  tabbable={active.r === p.r && active.c === p.c}
                  focused={hasFocus && active.r === p.r && active.c === p.c}
                  rowSpan={cell.rowSpan}
                  colSpan={cell.colSpan}
                  epoch={epoch}
                  readOnly={readOnly}
                  api={api}
                />
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Re-renders only when this table's figures, findings or computed totals change. */
export const TableGrid = memo(
  GridImpl,
  (a, b) =>
    a.table === b.table &&
    a.data === b.data &&
    a.marks === b.marks &&
    a.computed === b.computed &&
    a.epoch === b.epoch &&
    a.readOnly === b.readOnly,
);
