import { Button } from 'antd';
import { memo, useState } from 'react';
import type { Finding, Severity } from '../../../shared/findings.js';
import { SEVERITY_LABEL } from '../../../shared/findings.js';
import { partOfLocation } from '../../../shared/editor/edits.js';
import { PART_LABEL } from './parts.js';

interface Props {
  findings: Finding[];
  onGo(f: Finding): void;
  onFix(f: Finding): void;
}

function where(f: Finding): string {
  const loc = f.locations[0];
  if (!loc) return '整份报告';
  const p = partOfLocation(loc);
  return p ? PART_LABEL[p] : '整份报告';
}

/** One finding: memoised on what it shows, so a keystroke that adds another does not redraw its buttons. */
const FindingItem = memo(
  function FindingItem({ f, onGo, onFix }: { f: Finding; onGo(f: Finding): void; onFix(f: Finding): void }) {
    return (
      <li className={`nb-finding nb-sev-${f.severity}`} data-rule={f.rule}>
        <button type="button" className="nb-finding-go" onClick={() => onGo(f)}>
          <span className="nb-finding-meta">
            <span className="nb-mark-sev">{SEVERITY_LABEL[f.severity]}</span>
            <span className="nb-finding-where">{where(f)}</span>
          </span>
          <span className="nb-finding-msg">{f.message}</span>
        </button>
        {f.fix && (
          <Button size="small" type="primary" ghost onClick={() => onFix(f)}>
            {f.fix.label}
          </Button>
        )}
      </li>
    );
  },
  (a, b) => a.onGo === b.onGo && a.onFix === b.onFix && a.f.rule === b.f.rule && a.f.severity === b.f.severity && a.f.message === b.f.message && a.f.fix?.label === b.f.fix?.label,
);

/** Every finding of the checker, errors first; a click goes to its cell or text. */
function FindingsPanelImpl({ findings, onGo, onFix }: Props) {
  const [show, setShow] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const list = findings.filter((f) => show[f.severity]);
  // Keys by what a finding says, so a finding added above the others does not redraw them all.
  const seen = new Map<string, number>();
  const keys = list.map((f) => {
    const k = `${f.rule}|${f.message}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n ? `${k}#${n}` : k;
  });
  return (
    <aside className="nb-findings" aria-label="检查结果">
      <div className="nb-findings-head">
        <h2>检查结果</h2>
        <div className="nb-findings-filter" role="group" aria-label="按类别显示">
          {(['error', 'warning', 'info'] as Severity[]).map((s) => (
            <button
              key={s}
              type="button"
              className={`nb-chip nb-sev-${s} ${show[s] ? 'on' : ''}`}
              aria-pressed={show[s]}
              onClick={() => setShow((x) => ({ ...x, [s]: !x[s] }))}
            >
              {SEVERITY_LABEL[s]} {counts[s]}
            </button>
          ))}
        </div>
      </div>
      {findings.length === 0 ? (
        <p className="nb-findings-none" role="status">
          没有发现问题。
        </p>
      ) : (
        <ol className="nb-findings-list" aria-live="polite" aria-relevant="additions removals">
          {list.map((f, i) => (
            <FindingItem key={keys[i]} f={f} onGo={onGo} onFix={onFix} />
          ))}
        </ol>
      )}
    </aside>
  );
}

const sig = (fs: Finding[]) => fs.map((f) => `${f.severity}\u0001${f.rule}\u0001${f.message}\u0001${f.fix?.label ?? ''}`).join('\u0002');

/**
 * A keystroke makes a new findings list every time; the panel re-renders only when what it shows
 * changes. The callbacks read the newest findings through the parent (go/fix use the finding's
 * own locations and edits, which are equal when the signature is).
 */
export const FindingsPanel = memo(FindingsPanelImpl, (a, b) => a.onGo === b.onGo && a.onFix === b.onFix && (a.findings === b.findings || sig(a.findings) === sig(b.findings)));
