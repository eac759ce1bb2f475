import { Button } from 'antd';
import type { Finding } from '../../../shared/findings.js';
import { SEVERITY_LABEL } from '../../../shared/findings.js';
import { useEditor } from './context.js';

/** Findings about a section as a whole (s.sections, s.problems, t.fee…), shown at its top. */
export function SectionFindings({ findings }: { findings: Finding[] }) {
  const ed = useEditor();
  if (findings.length === 0) return null;
  return (
    <ul className="nb-marks nb-section-marks">
      {findings.map((f, i) => (
        <li key={i} className={`nb-mark nb-sev-${f.severity}`}>
          <span className="nb-mark-sev">{SEVERITY_LABEL[f.severity]}</span>
          <span className="nb-mark-msg">{f.message}</span>
          {f.fix && (
            <Button size="small" type="primary" ghost onClick={() => ed.applyFix(f)}>
              {f.fix.label}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
