import type { Block } from '../document.js';
import { matchHeading } from './headings.js';
import { isBlankMark, parseFigure, unify } from './normalise.js';

/**
 * The table part of a document as one stream of tokens: label text, figures and blanks, in
 * reading order. Rows rebuilt from text, Word tables and PDF lines all become the same stream,
 * so labels broken across lines, one cell per line and rows split across lines need no
 * special cases.
 */
export interface Token {
  kind: 'text' | 'num' | 'blank' | 'break';
  text: string;
  value: number | null;
  block: number;
  page?: number;
}

/**
 * A sentence that a layout cut into cells (justified PDF text, wide spaces): text follows a
 * figure, or there are no figures and the text reads as a sentence. A table row is label
 * cells followed by figures only.
 */
export function isSentenceCells(cells: string[]): boolean {
  if (cells.length < 2) return false;
  if (cells.some((c) => isProse(c.trim()))) return true;
  const fig = cells.map((c) => parseFigure(c) !== null || (isBlankMark(c) && c.trim() !== ''));
  const firstFig = fig.indexOf(true);
  if (firstFig >= 0) return fig.slice(firstFig).some((f, k) => !f && cells[firstFig + k].trim() !== '');
  return /[，。；、：《》“”]|[（(].*[）)]/.test(cells.join(''));
}

/** A line of prose never holds table figures, even when it has numbers in it. */
function isProse(s: string): boolean {
  return s.length > 60 || /[。；]/.test(s);
}

function cellTokens(raw: string, blankIsCell: boolean, push: (kind: Token['kind'], text: string, value: number | null) => void): void {
  const text = unify(raw).replace(/\*\*/g, '').trim();
  if (text === '') {
    if (blankIsCell) push('blank', '', null);
    return;
  }
  const whole = parseFigure(text);
  if (whole !== null) return push('num', text, whole);
  if (isBlankMark(text) && text.length <= 3) return push('blank', text, null);
  if (isProse(text)) return push('text', text, null);
  // 「行政事业性收费0」: a figure glued to its label where the layout left no gap.
  const glued = /^(.*[\u4e00-\u9fff）)”"])\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (glued && text.length <= 40 && !/第$|^第/.test(glued[1])) {
    push('text', glued[1], null);
    push('num', glued[2], parseFigure(glued[2]));
    return;
  }
  // 「0 0 0」 or 「行政处罚 8」: figures separated by spaces from each other or from a label.
  const parts = text.split(/\s+/);
  let firstFig = parts.length;
  while (firstFig > 0 && parseFigure(parts[firstFig - 1]) !== null) firstFig--;
  // A label ending in a lone figure that belongs to it (「第 1 项」) is rare in tables; a list
  // numbering like 「1.」 never parses as a figure, so splitting here is safe.
  if (firstFig < parts.length && (firstFig === 0 || parts.length - firstFig >= 1) && parts.length > 1) {
    if (firstFig > 0) push('text', parts.slice(0, firstFig).join(' '), null);
    for (const p of parts.slice(firstFig)) push('num', p, parseFigure(p));
    return;
  }
  push('text', text, null);
}

export function tokenize(blocks: Block[], from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let bi = from; bi < to; bi++) {
    const b = blocks[bi];
    const push = (kind: Token['kind'], text: string, value: number | null) => {
      const t: Token = { kind, text, value, block: bi };
      if (b.page !== undefined) t.page = b.page;
      out.push(t);
    };
    if (b.kind === 'paragraph') {
      for (const line of b.text.split('\n')) {
        // A section heading ends whatever label text came before it.
        if (matchHeading(line)) {
          push('break', line, null);
          push('text', line, null);
          continue;
        }
        const cells = line.split('\t');
        // One sentence in the line makes all of it prose: a year at a line end is not a figure.
        if (cells.length > 1 && cells.some((c) => isProse(c.trim()))) push('text', cells.join(''), null);
        else for (const cell of cells) cellTokens(cell, false, push);
      }
    } else {
      for (const row of b.rows) for (const cell of row) cellTokens(cell.text, b.blankIsCell, push);
    }
  }
  return out;
}
