/**
 * Reading numbers out of report prose. Extracted text is full of stray spaces
 * (`收到依申请公开 2 件`, `政府 信息公开`) and clerks write numbers in every way
 * (`2件`, `２件`, `两件`, `十二条`), so every pattern here runs on a compacted copy of the
 * text — whitespace removed, full-width digits made ASCII — and maps its matches back to
 * offsets in the original.
 */

const DROPPED = /[ \t\n\r\u3000\u00a0\u200b]+/g;
const FULL_WIDTH_DIGIT = /[０-９]/g;
const isDropped = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0 || code === 0x200b;

/**
 * A text with whitespace removed and full-width digits normalised, plus where each character
 * came from. A class and not an object literal with a getter: V8 gives every literal with an
 * accessor its own hidden class, and the scavenger keeps those alive, so each cold check used to
 * drag ~200 KB through the young-generation GC (bench/check.bench.ts, p99).
 */
export class Compact {
  readonly s: string;
  /** Length of the original text. */
  readonly length: number;
  private readonly text: string;
  private offsets: Int32Array | null = null;

  constructor(text: string, s: string) {
    this.text = text;
    this.s = s;
    this.length = text.length;
  }

  /** map[i] = offset in the original text of compact character i (built on first use). */
  get map(): Int32Array {
    if (this.offsets === null) {
      const map = new Int32Array(this.s.length);
      const text = this.text;
      let n = 0;
      for (let i = 0; i < text.length; i++) if (!isDropped(text.charCodeAt(i))) map[n++] = i;
      this.offsets = map;
    }
    return this.offsets;
  }
}

/**
 * Runs on every text field at every keystroke, so the compact string comes from two native
 * replaces and the offset map is only built when a rule needs to locate a match.
 */
export function compact(text: string): Compact {
  let s = text.replace(DROPPED, '');
  if (FULL_WIDTH_DIGIT.test(s)) {
    FULL_WIDTH_DIGIT.lastIndex = 0;
    s = s.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  }
  FULL_WIDTH_DIGIT.lastIndex = 0;
  return new Compact(text, s);
}

/** Original [start, end) of the compact range [from, to). */
export function originalSpan(c: Compact, from: number, to: number): { start: number; end: number } {
  const map = c.map;
  if (map.length === 0) return { start: 0, end: 0 };
  const start = map[Math.min(from, map.length - 1)];
  const end = to > from ? map[Math.min(to, map.length) - 1] + 1 : start;
  return { start, end };
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 二十三 → 23, 一百零五 → 105, 两 → 2; null when it is not a well-formed numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (s === '') return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit !== null && digit !== 0 && CN_DIGITS[ch] !== 0) return null; // 二三: not a numeral
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      section += (digit ?? 1) * CN_UNITS[ch];
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** `2`, `２`, `1,200`, `两`, `十二` → the number; null when unreadable. */
export function parseNumber(s: string): number | null {
  const t = s.replace(/\s+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  if (/^\d+(?:,\d{3})*$/.test(t)) return Number(t.replace(/,/g, ''));
  return parseChineseNumeral(t);
}

/** Regex source of one number in compacted text (capturing group). */
export const NUM = '(\\d+(?:,\\d{3})*|[零〇一二两三四五六七八九十百千万]+)';
/** Counting units of the reports: 件, 条, 个, 份, 起, 宗, 例; cases are also counted in 次. */
const UNIT = '(?:件|条|个|份|起|宗|例)';
const CASE_UNIT = '(?:件|条|个|份|起|宗|例|次)';

/** What a number in the prose counts. */
export type MentionKind = 'applications' | 'review' | 'suit' | 'regulations' | 'normativeDocs' | 'penalty' | 'licensing';

export interface ProseMention {
  kind: MentionKind;
  value: number;
  /** True when the text says there were none (未收到…申请, 无行政诉讼). */
  negated: boolean;
  /** Original offsets of the phrase. */
  start: number;
  end: number;
  /** The phrase as written (original text), for messages. */
  phrase: string;
}

interface Pattern {
  kind: MentionKind;
  re: RegExp;
  negated: boolean;
  /**
   * The sentence must be about 政府信息公开 (the 行政复议 of other matters is not table 四's):
   * a stated count needs 信息公开 or 依申请 in its sentence; a negation (未出现行政复议) only 公开.
   */
  needsDisclosureContext?: boolean;
}

const APP_VERB = '(?:收到|受理|接到|接收|新收|办理)';
const APP_OBJECT = '(?:政府信息依申请公开申请|政府信息依申请公开|政府信息公开申请|信息公开申请|依申请公开申请|依申请公开事项|依申请公开件|依申请公开(?:政府信息)?)';
const FILLER = '(?:共计|合计|总计|共)?';

/** Data before code: each phrase the checker recognises (tests/rules/prose-numbers.test.ts has one case per line). */
const PATTERNS: Pattern[] = [
  // 收到政府信息公开申请2件 · 收到依申请公开2件 · 共收到政府信息公开申请 1 件 · 受理依申请公开申请两件
  { kind: 'applications', negated: false, re: new RegExp(`${APP_VERB}(?:各类|群众|公民|社会公众)?的?${APP_OBJECT}${FILLER}${NUM}${UNIT}`, 'g') },
  // 未收到依申请公开件 · 未收到政府信息公开申请 · 没有收到…申请
  // (未收到行政复议申请 · 未收到投诉举报申请 are not about 政府信息公开申请.)
  { kind: 'applications', negated: true, re: new RegExp(`(?:未|没有|无)${APP_VERB.replace('办理|', '')}(?:(?!复议|诉讼|投诉|举报|信访)[^。；，,！？0-9]){0,12}?申请`, 'g') },
  // 无依申请公开 · 没有政府信息公开申请
  { kind: 'applications', negated: true, re: /(?:无|没有)(?:政府信息公开申请|依申请公开)/g },
  // 行政复议1件 · 被申请行政复议两起 · 行政复议案件共3件
  { kind: 'review', negated: false, needsDisclosureContext: true, re: new RegExp(`行政复议(?:案件|申请)?${FILLER}${NUM}${CASE_UNIT}`, 'g') },
  { kind: 'suit', negated: false, needsDisclosureContext: true, re: new RegExp(`行政诉讼(?:案件)?${FILLER}${NUM}${CASE_UNIT}`, 'g') },
  // 规范性文件80条 · 规章2条 · 行政处罚8件 · 行政许可决定12件
  { kind: 'regulations', negated: false, re: new RegExp(`规章(?:信息)?${FILLER}${NUM}${UNIT}`, 'g') },
  { kind: 'normativeDocs', negated: false, re: new RegExp(`规范性文件(?:信息)?${FILLER}${NUM}${UNIT}`, 'g') },
  { kind: 'penalty', negated: false, re: new RegExp(`行政处罚(?:决定书|决定|案件|信息)?${FILLER}${NUM}${UNIT}`, 'g') },
  { kind: 'licensing', negated: false, re: new RegExp(`行政许可(?:决定书|决定|案件|信息)?${FILLER}${NUM}${UNIT}`, 'g') },
];

const DISCLOSURE = /信息公开|依申请/;

/** 行政复议 / 行政诉讼 occurrences, for the negations that come before them. */
const CASE_WORD = /行政复议|行政诉讼/g;
/** 未出现行政复议和行政诉讼 · 没有因政府信息公开申请行政复议、提起行政诉讼 · 无行政诉讼: a negation before the word, in the same clause. */
const NEGATION_BEFORE = /(?:未|没有|无|零)[^。；，,！？:：0-9]{0,24}$/;
/** 行政复议、行政诉讼均为0 · 行政诉讼情况为零 */
const ZERO_AFTER = /^(?:[、和及或与]?行政(?:复议|诉讼))?(?:案件|情况|数量|事件)?(?:均为|均是|都是|为|数为)(?:0|零)(?![0-9])/;
/** 。；！？ and newline (gone in compact text, kept for safety). */
const isSentenceEnd = (code: number) => code === 0x3002 || code === 0xff1b || code === 0xff01 || code === 0xff1f || code === 10;

function sentenceAround(s: string, from: number, to: number): string {
  let a = from;
  while (a > 0 && !isSentenceEnd(s.charCodeAt(a - 1))) a--;
  let b = to;
  while (b < s.length && !isSentenceEnd(s.charCodeAt(b))) b++;
  return s.slice(a, b);
}

/**
 * Every count the prose states about what the tables hold. Conservative by design: a number
 * that is not in one of the phrasings above is not read at all.
 */
export function findMentions(text: string, c: Compact = compact(text)): ProseMention[] {
  const s = c.s;
  const out: ProseMention[] = [];
  const taken: [number, number][] = [];
  const push = (kind: MentionKind, value: number, negated: boolean, from: number, to: number) => {
    const { start, end } = originalSpan(c, from, to);
    out.push({ kind, value, negated, start, end, phrase: text.slice(start, end) });
    if (!negated) taken.push([from, to]); // a stated count wins over a negation read around the same word
  };
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(s); m !== null; m = p.re.exec(s)) {
      const from = m.index;
      const to = from + m[0].length;
      if (p.needsDisclosureContext && !DISCLOSURE.test(sentenceAround(s, from, to))) continue;
      if (p.negated) {
        push(p.kind, 0, true, from, to);
        continue;
      }
      const v = parseNumber(m[1]);
      if (v === null) continue;
      push(p.kind, v, false, from, to);
    }
  }
  // Negated or zero cases (无行政诉讼): only where no count was read for that word.
  CASE_WORD.lastIndex = 0;
  for (let m = CASE_WORD.exec(s); m !== null; m = CASE_WORD.exec(s)) {
    const from = m.index;
    const to = from + m[0].length;
    if (taken.some(([a, b]) => from >= a && from < b)) continue;
    const kind: MentionKind = m[0] === '行政复议' ? 'review' : 'suit';
    if (!sentenceAround(s, from, to).includes('公开')) continue;
    const before = s.slice(Math.max(0, from - 24), from);
    const neg = NEGATION_BEFORE.exec(before);
    if (neg) {
      push(kind, 0, true, from - neg[0].length, to);
      continue;
    }
    const after = ZERO_AFTER.exec(s.slice(to, to + 24));
    if (after) push(kind, 0, true, from, to + after[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}
