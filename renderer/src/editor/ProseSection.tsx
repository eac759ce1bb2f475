import { Button } from 'antd';
import { memo } from 'react';
import type { Finding } from '../../../shared/findings.js';
import type { Part, Report } from '../../../shared/model/report.js';
import { sectionById, standardHeading } from '../../../shared/templates/index.js';
import { useEditor } from './context.js';
import type { TextMark } from './findings-index.js';
import { marksSig } from './findings-index.js';
import { PlainText } from './PlainText.js';
import { SectionFindings } from './SectionFindings.js';

type ProseId = 'overview' | 'problems' | 'other';

interface Props {
  id: ProseId;
  parts: Part[];
  /** Text marks of this section's fields, by path. */
  marks: Map<string, TextMark[]>;
  sectionFindings: Finding[];
  headingAsWritten: string | null;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

function nextHeading(parts: Part[]): string {
  const n = parts.filter((p) => p.heading.trim() !== '').length;
  return `（${NUMERALS[n] ?? n + 1}）`;
}

function move(parts: Part[], i: number, d: -1 | 1): Part[] {
  const j = i + d;
  if (j < 0 || j >= parts.length) return parts;
  const out = [...parts];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

type SetParts = (fn: (p: Part[]) => Part[]) => void;

function useSetParts(id: ProseId): SetParts {
  const ed = useEditor();
  return (fn) => ed.update((r: Report) => ({ ...r, sections: { ...r.sections, [id]: fn(r.sections[id]) } }));
}

function focusPart(id: ProseId, i: number): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-path="sections.${id}.${i}.heading"], [data-path="sections.${id}.${i}.text"]`)?.focus());
}

interface ToolsProps {
  id: ProseId;
  i: number;
  last: boolean;
  /** 「一、（二）依申请公开」: what the buttons' names and the undo notice say. */
  title: string;
  name: string;
}

/**
 * 上移 / 下移 / 删除 of one sub-part: memoised on its position and name, so a keystroke or a finding
 * in the text beside them does not re-render three antd buttons per sub-part.
 */
const SubPartTools = memo(function SubPartTools({ id, i, last, title, name }: ToolsProps) {
  const ed = useEditor();
  const setParts = useSetParts(id);
  return (
    <div className="nb-subpart-tools">
      <Button size="small" aria-label={`上移 ${title}`} disabled={i === 0} onClick={() => (setParts((ps) => move(ps, i, -1)), focusPart(id, i - 1))}>
        上移
      </Button>
      <Button size="small" aria-label={`下移 ${title}`} disabled={last} onClick={() => (setParts((ps) => move(ps, i, 1)), focusPart(id, i + 1))}>
        下移
      </Button>
      <Button
        size="small"
        danger
        aria-label={`删除 ${title}`}
        onClick={() => {
          setParts((ps) => ps.filter((_, j) => j !== i));
          ed.notify(`已删除“${name}”。按 Ctrl+Z 可以撤销。`, 'info');
        }}
      >
        删除
      </Button>
    </div>
  );
});

/** 一、五、六: an introductory paragraph and sub-parts (heading + text) that can be added, removed and reordered. */
function ProseSectionImpl({ id, parts, marks, sectionFindings, headingAsWritten }: Props) {
  const s = sectionById(id);
  const std = standardHeading(id);
  const setParts = useSetParts(id);
  return (
    <section id={`nb-part-${id}`} className="nb-part" aria-labelledby={`nb-h-${id}`}>
      <h2 id={`nb-h-${id}`} tabIndex={-1}>
        {std}
      </h2>
      {headingAsWritten !== null && headingAsWritten !== std && (
        <PlainText path={`headings.${id}`} value={headingAsWritten} label={`${s.numeral}部分文中的标题`} line marks={marks.get(`headings.${id}`)} />
      )}
      {s.hint && <p className={id === 'other' ? 'nb-hint nb-hint-strong' : 'nb-hint'}>{s.hint}</p>}
      {id === 'other' && !parts.some((p) => /信息处理费/.test(p.text)) && (
        <p className="nb-hint">
          <Button
            size="small"
            onClick={() =>
              setParts((ps) => {
                const sentence = '本年度未收取信息处理费。';
                if (ps.length === 0) return [{ heading: '', text: sentence }];
                const out = [...ps];
                out[0] = { ...out[0], text: out[0].text ? `${out[0].text}\n${sentence}` : sentence };
                return out;
              })
            }
          >
            插入“本年度未收取信息处理费。”
          </Button>
        </p>
      )}
      <SectionFindings findings={sectionFindings} />
      {parts.map((p, i) => {
        const isIntro = p.heading === '' && i === 0;
        const name = p.heading.trim() || (isIntro ? '导语' : `第 ${i + 1} 段`);
        return (
          <div key={i} className="nb-subpart" role="group" aria-label={`${s.numeral}、${name}`}>
            <div className="nb-subpart-head">
              {isIntro ? (
                <span className="nb-intro-label">导语（不设小标题）</span>
              ) : (
                <PlainText path={`sections.${id}.${i}.heading`} value={p.heading} label={`${s.numeral}部分第 ${i + 1} 段的小标题`} placeholder="小标题，如（一）主动公开" line marks={marks.get(`sections.${id}.${i}.heading`)} />
              )}
              <SubPartTools id={id} i={i} last={i === parts.length - 1} title={`${s.numeral}、${name}`} name={name} />
            </div>
            <PlainText path={`sections.${id}.${i}.text`} value={p.text} label={`${s.numeral}、${name} 正文`} placeholder={isIntro ? s.hint : '正文'} marks={marks.get(`sections.${id}.${i}.text`)} minRows={isIntro ? 3 : 4} />
          </div>
        );
      })}
      <Button
        onClick={() => {
          setParts((ps) => [...ps, { heading: nextHeading(ps), text: '' }]);
          focusPart(id, parts.length);
        }}
      >
        添加小节
      </Button>
    </section>
  );
}

function sig(m: Map<string, TextMark[]>): string {
  let s = '';
  for (const [k, v] of m) s += `${k}#${marksSig(v)};`;
  return s;
}

export const ProseSection = memo(
  ProseSectionImpl,
  (a, b) =>
    a.id === b.id &&
    a.parts === b.parts &&
    a.headingAsWritten === b.headingAsWritten &&
    (a.marks === b.marks || sig(a.marks) === sig(b.marks)) &&
    (a.sectionFindings === b.sectionFindings || a.sectionFindings.map((f) => f.message).join() === b.sectionFindings.map((f) => f.message).join()),
);
