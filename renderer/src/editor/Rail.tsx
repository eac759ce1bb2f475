import { memo } from 'react';
import { PART_IDS } from '../../../shared/editor/edits.js';
import type { PartId, PartState } from '../../../shared/editor/edits.js';
import { PART_LABEL, STATE_ICON, STATE_LABEL } from './parts.js';

interface Props {
  states: Record<PartId, PartState>;
  current: PartId | null;
  onGo(id: PartId): void;
}

/** The parts of the report in order, each with its state. */
function RailImpl({ states, current, onGo }: Props) {
  return (
    <nav className="nb-rail" aria-label="报告各部分">
      <ol>
        {PART_IDS.map((id) => (
          <li key={id}>
            <button type="button" className={`nb-rail-item ${current === id ? 'current' : ''}`} aria-current={current === id ? 'location' : undefined} onClick={() => onGo(id)} data-part={id} data-state={states[id]}>
              <span className={`nb-state nb-state-${states[id]}`} aria-hidden="true">
                {STATE_ICON[states[id]]}
              </span>
              <span className="nb-rail-label">
                {PART_LABEL[id].replace(/（.*）$/, '')}
                {/（(.*)）$/.test(PART_LABEL[id]) && <span className="nb-rail-sub">{/（(.*)）$/.exec(PART_LABEL[id])![1]}</span>}
              </span>
              <span className="nb-sr">（{STATE_LABEL[states[id]]}）</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="nb-rail-legend" aria-hidden="true">
        {(['complete', 'warning', 'error', 'empty'] as PartState[]).map((s) => (
          <span key={s}>
            <span className={`nb-state nb-state-${s}`}>{STATE_ICON[s]}</span>
            {STATE_LABEL[s]}
          </span>
        ))}
      </div>
    </nav>
  );
}

export const Rail = memo(RailImpl, (a, b) => a.current === b.current && a.onGo === b.onGo && PART_IDS.every((id) => a.states[id] === b.states[id]));
