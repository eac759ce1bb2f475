import type { Report } from '../model/report.js';
import { SECTION_IDS } from '../templates/index.js';
import type { SectionId } from '../templates/index.js';
import { compact } from './prose-numbers.js';
import type { TextField } from './types.js';

/** The bracketed prompts of the Word template offices pass around: （文字描述，收取信息处理费情况在此处报告。） */
const PLACEHOLDER = /[（(][^（）()]{0,60}(?:文字描述|在此处|此处填写|请填写|请在此)[^（）()]{0,60}[）)]/g;

/** True when a text holds nothing but whitespace and template prompts. */
export function isBlankText(text: string): boolean {
  return text.replace(PLACEHOLDER, '').trim() === '';
}

const PROSE: ('overview' | 'problems' | 'other')[] = ['overview', 'problems', 'other'];

/** The report's text fields in document order, each compacted once for the prose rules. */
export function textFields(r: Report): TextField[] {
  const out: TextField[] = [];
  const add = (path: string, text: string | null | undefined, role: TextField['role'], section?: SectionId) => {
    // A template prompt is not the clerk's text: rules see the field as absent.
    if (text === null || text === undefined || isBlankText(text)) return;
    out.push({ path, text, role, section, compact: compact(text) });
  };
  add('title', r.title, 'title');
  add('preamble', r.preamble, 'preamble');
  for (const id of SECTION_IDS) {
    add(`headings.${id}`, r.headings?.[id], 'heading', id);
    if ((PROSE as string[]).includes(id)) {
      r.sections[id as (typeof PROSE)[number]].forEach((p, i) => {
        add(`sections.${id}.${i}.heading`, p.heading, 'partHeading', id);
        add(`sections.${id}.${i}.text`, p.text, 'partText', id);
      });
    }
  }
  add('signature', r.signature, 'signature');
  return out;
}
