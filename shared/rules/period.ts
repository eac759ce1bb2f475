import type { Compact } from './prose-numbers.js';
import { originalSpan } from './prose-numbers.js';
import type { PeriodSpan } from './types.js';

/** Where the statistics period is announced: 统计期限 · 统计数据从 · 所列数据的统计期限自. */
const KEYWORD = /统计/g;
const CLAUSE_END = /[。；;\n]/;
const RIGHT = /^(?:自|从)?(\d{4})年1月1日起?(?:至|到|—|－|-|~|～)(?:(\d{4})年)?12月31日止?$/;

/**
 * The statistics period of the preamble: the span from the first figure after 统计 to the last
 * 日(止) of that clause, and what it should read for the report's year. The second year may be
 * left out (`2023年1月1日至12月31日` is unambiguous and the county accepts it).
 */
export function findPeriod(preamble: string, c: Compact, year: number): PeriodSpan | null {
  const s = c.s;
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(s); m !== null; m = KEYWORD.exec(s)) {
    let end = m.index;
    while (end < s.length && !CLAUSE_END.test(s[end])) end++;
    const clause = s.slice(m.index, end);
    const firstDigit = clause.search(/\d/);
    if (firstDigit < 0) continue;
    const to = clause.search(/至|到/);
    const lastDay = clause.lastIndexOf('日');
    if (to < 0 || lastDay < to || lastDay < firstDigit) continue;
    const from = m.index + firstDigit;
    let stop = m.index + lastDay + 1;
    if (s[stop] === '止') stop++;
    const span = originalSpan(c, from, stop);
    const written = preamble.slice(span.start, span.end);
    const compactWritten = s.slice(from, stop);
    const ok = RIGHT.exec(compactWritten);
    const right = ok !== null && Number(ok[1]) === year && (ok[2] === undefined || Number(ok[2]) === year);
    const styleQiZhi = /起|止/.test(compactWritten);
    const corrected = styleQiZhi ? `${year}年1月1日起至${year}年12月31日止` : `${year}年1月1日至${year}年12月31日`;
    return { ...span, written, corrected: right ? null : corrected };
  }
  return null;
}
