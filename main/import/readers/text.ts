import { paragraph, simpleTable } from '../document.js';
import type { Block, NeutralDocument } from '../document.js';
import { matchHeading } from '../recognise/headings.js';
import { decodeText } from './decode.js';

/**
 * Plain text and Markdown (also what word-extractor and the PDF reader produce): each line a
 * paragraph; runs of tab-separated lines, the way tables survive copying, a table block.
 */
export function textToDocument(text: string, page?: (lineIndex: number) => number | undefined): NeutralDocument {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\u000c/g, '\n').split('\n');
  const blocks: Block[] = [];
  let rows: string[][] = [];
  let rowsPage: number | undefined;
  const flush = () => {
    if (rows.length) blocks.push(simpleTable(rows, false, rowsPage));
    rows = [];
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\u00a0/g, ' ');
    if (/^\s*\|?\s*:?-{3,}/.test(line) && /^[\s|:\-\t]+$/.test(line)) return; // markdown rule / table separator
    if (line.trim() === '') {
      flush();
      return;
    }
    const p = page?.(i);
    const cells = line.includes('\t') ? line.split('\t') : /^\s*\|.*\|\s*$/.test(line) ? line.trim().replace(/^\||\|$/g, '').split('|') : null;
    if (cells) {
      // Word 97 text glues the heading after a table to the table's last row: 「…\t0\t\t四、政府信息公开…」.
      const trimmed = cells.map((c) => c.trim());
      let lastFilled = trimmed.length - 1;
      while (lastFilled > 0 && trimmed[lastFilled] === '') lastFilled--;
      const glued = lastFilled > 0 && matchHeading(trimmed[lastFilled]) !== null;
      if (!rows.length) rowsPage = p;
      rows.push(glued ? trimmed.slice(0, lastFilled) : trimmed);
      if (glued) {
        flush();
        blocks.push(paragraph(trimmed[lastFilled], p));
      }
    } else {
      flush();
      blocks.push(paragraph(line, p));
    }
  });
  flush();
  return { blocks };
}

export function readText(data: Uint8Array): NeutralDocument {
  return textToDocument(decodeText(data));
}
