import { Button } from 'antd';
import { memo } from 'react';
import type { ClipboardEvent } from 'react';
import { cleanPastedText, countChars } from '../../../shared/editor/text-paste.js';
import { SEVERITY_LABEL } from '../../../shared/findings.js';
import { useEditor } from './context.js';
import type { TextMark } from './findings-index.js';
import { marksSig } from './findings-index.js';

/**
 * A plain paragraph box (no rich text): paste from Word/WPS keeps paragraph breaks and drops
 * formatting and invisible characters; the character count shows; the findings of its text are
 * listed under it with the words they concern and a one-click fix where the checker has one.
 */
interface Props {
  path: string;
  value: string;
  label: string;
  placeholder?: string;
  marks?: TextMark[];
  minRows?: number;
  /** One line (headings, title): an input instead of a textarea. */
  line?: boolean;
}

function excerptOf(text: string, start: number, end: number): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (s) return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return '';
}

export function selectInField(path: string, start: number, end: number): void {
  const el = document.querySelector<HTMLTextAreaElement | HTMLInputElement>(`[data-path="${CSS.escape(path)}"]`);
  if (!el) return;
  el.focus({ preventScroll: true });
  try {
    el.setSelectionRange(start, end);
  } catch {
    /* date inputs have no text selection */
  }
  el.scrollIntoView({ block: 'center' });
}

function PlainTextImpl({ path, value, label, placeholder, marks, minRows = 3, line }: Props) {
  const ed = useEditor();
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    const raw = e.clipboardData.getData('text/plain');
    if (!raw) return;
    e.preventDefault();
    let clean = cleanPastedText(raw);
    if (line) clean = clean.replace(/\n+/g, '');
    const el = e.currentTarget;
    const s = el.selectionStart ?? el.value.length;
    const en = el.selectionEnd ?? s;
    const next = el.value.slice(0, s) + clean + el.value.slice(en);
    ed.setText(path, next);
    const caret = s + clean.length;
    requestAnimationFrame(() => el.setSelectionRange(caret, caret));
  };
  const worst = marks?.some((m) => m.finding.severity === 'error') ? 'error' : marks?.some((m) => m.finding.severity === 'warning') ? 'warning' : marks?.length ? 'info' : null;
  const common = {
    className: `nb-text ${worst ? `nb-sev-${worst}` : ''}`,
    value,
    placeholder,
    'aria-label': label,
    'aria-invalid': worst === 'error' || undefined,
    'data-path': path,
    spellCheck: false,
    onPaste,
  };
  return (
    <div className="nb-field">
      {/* The box and its count stay the same elements whether findings are listed under them or
          not: a list appearing beside a textarea must not re-create its layout (a long Chinese
          paragraph is re-shaped from scratch then, several milliseconds on every keystroke). */}
      <div className="nb-box">
        {line ? (
          <input {...common} onChange={(e) => ed.setText(path, e.target.value.replace(/\n/g, ''))} />
        ) : (
          <textarea {...common} rows={minRows} onChange={(e) => ed.setText(path, e.target.value)} />
        )}
        {!line && <div className="nb-count" aria-live="off">{countChars(value)} 字</div>}
      </div>
      {marks && marks.length > 0 && (
        <ul className="nb-marks" aria-label={`${label}的检查结果`}>
          {marks.map((m, i) => {
            const ex = excerptOf(value, m.start, m.end);
            return (
              <li key={i} className={`nb-mark nb-sev-${m.finding.severity}`} data-finding={m.index}>
                <span className="nb-mark-sev">{SEVERITY_LABEL[m.finding.severity]}</span>
                {ex && (
                  <button type="button" className="nb-mk-excerpt" onClick={() => selectInField(path, m.start, m.end)} title="选中这段文字">
                    「{ex}」
                  </button>
                )}
                <span className="nb-mark-msg">{m.finding.message}</span>
                {m.finding.fix && (
                  <Button size="small" type="primary" ghost onClick={() => ed.applyFix(m.finding)}>
                    {m.finding.fix.label}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export const PlainText = memo(
  PlainTextImpl,
  (a, b) => a.path === b.path && a.value === b.value && a.label === b.label && a.placeholder === b.placeholder && a.line === b.line && marksSig(a.marks) === marksSig(b.marks),
);
