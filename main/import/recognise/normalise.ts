/** Text normalisation shared by every matcher of the recogniser (pure). */

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Full-width forms to half-width, unified brackets and quotes, no markdown emphasis. */
export function unify(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[〔［【]/g, '[')
    .replace(/[〕］】]/g, ']')
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’′]/g, "'")
    .replace(/[﹙]/g, '(')
    .replace(/[﹚]/g, ')')
    .replace(/\u3000/g, ' ');
}

/** For label matching: no spaces, no punctuation, no brackets; only letters, digits and CJK. */
export function squash(s: string): string {
  return unify(s).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Drops leading numbering: 「一、」「（一）」「(三)」「1.」「1、」「第一」 is kept. */
export function stripNumbering(s: string): string {
  return unify(s)
    .replace(/^\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*/, '')
    .replace(/^\s*\(\s*[一二三四五六七八九十]{1,3}\s*\)\s*/, '')
    .replace(/^\s*\d{1,2}\s*[.、．]\s*/, '');
}

/** Characters of a matchable label: the label without numbering and punctuation. */
export function core(label: string): string {
  return squash(stripNumbering(label));
}

/** Length of the longest common substring (small strings; O(n·m)). */
export function longestCommon(a: string, b: string): number {
  if (!a || !b) return 0;
  if (b.includes(a)) return a.length;
  let best = 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : 0;
      if (cur[j] > best) best = cur[j];
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return best;
}

/**
 * How much of `label` appears in `text` as pieces of two or more characters, in 0…1. Pieces
 * are taken longest first, so a label broken by stray characters (a vertical merged label read
 * one character per line) still counts in full.
 */
export function coverage(label: string, text: string): { ratio: number; longest: number } {
  if (!label || !text) return { ratio: 0, longest: 0 };
  if (text.includes(label)) return { ratio: 1, longest: label.length };
  let a = label;
  let b = text;
  let covered = 0;
  let longest = 0;
  for (let round = 0; round < 6; round++) {
    const m = commonAt(a, b);
    if (m.len < 2) break;
    if (round === 0) longest = m.len;
    covered += m.len;
    a = a.slice(0, m.i) + '\u0000'.repeat(m.len) + a.slice(m.i + m.len);
    b = b.slice(0, m.j) + '\u0001'.repeat(m.len) + b.slice(m.j + m.len);
  }
  return { ratio: covered / label.length, longest };
}

function commonAt(a: string, b: string): { len: number; i: number; j: number } {
  let best = { len: 0, i: 0, j: 0 };
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : 0;
      if (cur[j] > best.len) best = { len: cur[j], i: i - cur[j], j: j - cur[j] };
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return best;
}

/** 二〇二四 → 2024, 二十九 → 29, 十二 → 12; null when not a Chinese number. */
export function chineseNumber(s: string): number | null {
  const t = s.trim();
  if (!t) return null;
  if (/^[〇零Oo Ｏ一二两三四五六七八九]+$/.test(t) && t.length >= 3) {
    let n = 0;
    for (const ch of t) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || t === '') return null;
  if (!m[2]) return m[1] ? CN_DIGITS[m[1]] : null;
  const tens = m[1] ? CN_DIGITS[m[1]] : 1;
  const ones = m[3] ? CN_DIGITS[m[3]] : 0;
  return tens * 10 + ones;
}

/** A paragraph's indented first line as the PDF reader writes it: two ideographic spaces, as a clerk types it. */
export const INDENT = '\u3000\u3000';

const NUMBER_RE = /^[-+−–]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A table figure as printed: 「1,234」「96171.6」「-3」; null when the text is not a figure. */
export function parseFigure(s: string): number | null {
  const t = unify(s).trim().replace(/^[-−–]/, '-');
  if (!NUMBER_RE.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** 「—」「/」「-」「无」 in a value cell: printed as nothing in particular, read as blank. */
export function isBlankMark(s: string): boolean {
  return /^[\s\-—–―/／\\_、]*$/.test(unify(s)) || /^(无|空|\/)$/.test(s.trim());
}
