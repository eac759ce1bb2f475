/**
 * Chinese line breaking (禁则), pure. A line never starts with closing punctuation and never
 * ends with opening punctuation; runs of Latin letters and digits stay whole unless a run alone
 * is wider than a line. The PDF writer spreads the characters of every line but the last of a
 * paragraph to the right edge itself (pdfkit's justify only stretches spaces).
 */

/** Must not start a line. */
export const CLOSING = new Set([...'，。、；：？！）》」』”’〕】〉〗｝］,.;:?!)]}%％·・…—～']);
/** Must not end a line. */
export const OPENING = new Set([...'（《「『“‘〔【〈〖｛［([{']);

/** Natural width of `s`, which starts at index `start` of the paragraph (runs may differ in font). */
export type Measure = (s: string, start: number) => number;

export interface BrokenLine {
  /** Index into the text (UTF-16) where the line starts, and one past its end. */
  start: number;
  end: number;
  text: string;
  /** Natural width, before spreading. */
  width: number;
  /** Indent of this line (the first line of a paragraph). */
  indent: number;
  /** The last line of the paragraph: not spread. */
  last: boolean;
}

interface Unit {
  start: number;
  end: number;
  text: string;
  width: number;
}

const SPACE = /^[\s\u3000]+$/;
const LATIN_RUN = /[A-Za-z0-9@#&_+\-./:=?%~]/;

/** Splits into break units: a run of Latin letters/digits, or one character (surrogate pairs whole). */
export function units(text: string, measure: Measure): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    if (LATIN_RUN.test(text[i]!)) {
      while (end < text.length && LATIN_RUN.test(text[end]!)) end++;
      // A long address may break after / . - @ (not inside a word or number).
      if (end - i > 12) {
        const m = /^.+?[/.@-](?=[A-Za-z0-9])/.exec(text.slice(i, end));
        if (m && m[0].length >= 4) end = i + m[0].length;
      }
    }
    const s = text.slice(i, end);
    out.push({ start: i, end, text: s, width: measure(s, i) });
    i = end;
  }
  return out;
}

function firstChar(s: string): string {
  return String.fromCodePoint(s.codePointAt(0)!);
}
function lastChar(s: string): string {
  const arr = [...s];
  return arr[arr.length - 1] ?? '';
}

/**
 * Breaks one paragraph into lines of at most `width` (the first line `width - firstIndent`).
 * `measure` gives the natural width of a string.
 */
export function breakParagraph(text: string, measure: Measure, width: number, firstIndent = 0): BrokenLine[] {
  const us = splitWide(units(text, measure), measure, Math.max(1, width - firstIndent));
  const lines: BrokenLine[] = [];
  let i = 0;
  while (i < us.length) {
    const indent = lines.length === 0 ? firstIndent : 0;
    const avail = width - indent;
    let w = 0;
    let j = i;
    while (j < us.length && (j === i || w + us[j]!.width <= avail + 1e-6)) {
      w += us[j]!.width;
      j++;
    }
    // 禁则: pull characters down so the next line does not start with closing punctuation,
    // and this one does not end with opening punctuation; never leave a line empty.
    if (j < us.length) {
      const bad = (k: number) => CLOSING.has(firstChar(us[k]!.text)) || OPENING.has(lastChar(us[k - 1]!.text));
      let k = j;
      while (k > i + 1 && bad(k)) k--;
      if (!bad(k)) j = k;
    }
    // Spaces at the end of a line print nothing: left out, so the spread line reaches the edge.
    let e = j;
    while (e > i + 1 && SPACE.test(us[e - 1]!.text)) e--;
    let lw = 0;
    for (let k = i; k < e; k++) lw += us[k]!.width;
    const start = us[i]!.start;
    const end = us[e - 1]!.end;
    lines.push({ start, end, text: text.slice(start, end), width: lw, indent, last: j >= us.length });
    i = j;
    // …and a line does not start with one.
    while (i < us.length - 1 && SPACE.test(us[i]!.text)) i++;
  }
  return lines;
}

/** A Latin run wider than a line (a long web address) is cut into pieces that fit. */
function splitWide(us: Unit[], measure: Measure, width: number): Unit[] {
  const out: Unit[] = [];
  for (const u of us) {
    if (u.width <= width || u.text.length === 1) {
      out.push(u);
      continue;
    }
    let s = u.start;
    let piece = '';
    for (const ch of u.text) {
      if (piece !== '' && measure(piece + ch, s) > width) {
        out.push({ start: s, end: s + piece.length, text: piece, width: measure(piece, s) });
        s += piece.length;
        piece = '';
      }
      piece += ch;
    }
    if (piece) out.push({ start: s, end: s + piece.length, text: piece, width: measure(piece, s) });
  }
  return out;
}

/** Extra space after each character so the line reaches `width` (0 for a last line). */
export function spreadSpacing(line: BrokenLine, width: number): number {
  if (line.last) return 0;
  const n = [...line.text].length;
  if (n < 2) return 0;
  const extra = width - line.indent - line.width;
  return extra > 0 ? extra / (n - 1) : 0;
}

/**
 * A long title in two lines at a word boundary: after the office's name, or before
 * 政府信息公开… when no year stands right before it, whichever fits and is better balanced; the upper line no longer than the
 * lower (a trapezoid), as official titles are set.
 */
export function titleLines(title: string, maxChars: number, officeName?: string | null): string[] {
  const chars = [...title];
  if (chars.length <= maxChars) return [title];
  const cuts = new Set<number>();
  if (officeName && title.startsWith(officeName)) cuts.add([...officeName].length);
  for (const word of ['政府信息公开', '年度报告', '工作年度报告', '人民政府', '办事处']) {
    const at = title.indexOf(word);
    // 「2024年政府信息公开工作年度报告」 is one name: the year stays with what it dates.
    if (at > 0 && !/\d{4}年$/.test(title.slice(0, at))) cuts.add([...title.slice(0, at)].length);
    if (at >= 0 && word.endsWith('政府')) cuts.add([...title.slice(0, at + word.length)].length);
    if (at >= 0 && word === '办事处') cuts.add([...title.slice(0, at + word.length)].length);
  }
  const yearAt = title.search(/\d{4}年/);
  if (yearAt > 0) cuts.add([...title.slice(0, yearAt)].length);
  let best: number | null = null;
  let bestScore = Infinity;
  for (const c of cuts) {
    const a = c;
    const b = chars.length - c;
    if (a === 0 || b === 0 || a > maxChars || b > maxChars) continue;
    const score = Math.abs(a - b) + (a > b ? 2 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  if (best === null) best = Math.min(maxChars, Math.ceil(chars.length / 2));
  const rest = chars.slice(best).join('');
  return [chars.slice(0, best).join(''), ...titleLines(rest, maxChars)];
}
