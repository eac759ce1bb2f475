import type { SectionId } from '../../../shared/templates/index.js';
import { unify } from './normalise.js';

/**
 * The six section headings as they are really written: the numeral decides the section, a few
 * words of meaning confirm it (so 「三、本年度办理结果」 inside table 三 is not taken for 三).
 */
const MEANING: Record<string, { id: SectionId; words: RegExp }> = {
  一: { id: 'overview', words: /总体情况|总体|概述|基本情况/ },
  二: { id: 'active', words: /主动公开/ },
  三: { id: 'applications', words: /申请/ },
  四: { id: 'reviews', words: /复议|诉讼/ },
  五: { id: 'problems', words: /问题|不足|改进|整改|计划|打算|措施/ },
  六: { id: 'other', words: /其他|其它|需要报告|事项/ },
};
export const ORDER: SectionId[] = ['overview', 'active', 'applications', 'reviews', 'problems', 'other'];

/** Markdown marks and list bullets taken off a line. */
export function plainLine(s: string): string {
  return s
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\s+$/, '')
    .replace(/^\s+/, '');
}

export interface HeadingMatch {
  id: SectionId;
  /** The heading's own words without the numeral: 「存在的问题和下一步工作计划」. */
  text: string;
}

export function matchHeading(line: string): HeadingMatch | null {
  const s = unify(plainLine(line)).replace(/\t+/g, ' ').trim();
  if (s.length > 48) return null;
  const m = /^([一二三四五六])\s*[、.,，．]\s*(.+)$/.exec(s);
  if (!m) return null;
  const rest = m[2].trim();
  if (/[。；]./.test(rest)) return null;
  const meaning = MEANING[m[1]];
  if (!meaning || !meaning.words.test(rest)) return null;
  return { id: meaning.id, text: plainLine(line).replace(/^[一二三四五六]\s*[、.,，．]\s*/, '').trim() };
}

/** A sub-part heading line: 「（一）主动公开情况」, 「(三) 加大政策解读」, bold inline 「**（一）主动公开方面。**2024年…」. */
export function splitSubHeading(line: string): { heading: string; text: string } | null {
  const raw = line.replace(/^\s*#{1,6}\s*/, '').trim();
  const bold = /^\*\*(.+?)\*\*\s*(.*)$/s.exec(raw);
  if (bold) {
    const h = bold[1].trim();
    const looksHeading = /^[（(][一二三四五六七八九十]{1,3}[）)]/.test(h) || (h.length >= 3 && h.length <= 40 && /[。：:]$/.test(h)) || (bold[2].trim() === '' && h.length <= 40);
    if (looksHeading && h.length >= 3) return { heading: tidyHeading(h), text: bold[2].trim() };
  }
  const plain = raw.replace(/\*\*/g, '');
  const m = /^([（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])\s*(.*)$/s.exec(plain);
  if (!m) return null;
  const after = m[2];
  if (after.length <= 40 && !/[。；]./.test(after)) return { heading: tidyHeading(m[1] + after), text: '' };
  // Inline: 「（一）主动公开。2023 年,掌政镇…」: the heading runs to the first full stop.
  const stop = after.search(/[。：:]/);
  if (stop > 0 && stop <= 30) return { heading: tidyHeading(m[1] + after.slice(0, stop)), text: after.slice(stop + 1).trim() };
  return null;
}

function tidyHeading(h: string): string {
  return h
    .replace(/^\s*[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/, '（$1）')
    .replace(/[。：:，,\s]+$/, '')
    .trim();
}
