/**
 * PDF export of many generated reports (seeded, so the same every run): long and short
 * paragraphs full of punctuation, Latin runs, web addresses, large figures and decimals in every
 * cell, both formats, with and without the cover page. Each PDF is read back: every text item
 * inside the text block, no line starting with closing or ending with opening punctuation, every
 * figure printed, page numbers on every page, no blank page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GRID, PAGE_PT, pageNumberText } from '../../main/export/layout.js';
import { CLOSING, OPENING } from '../../main/export/linebreak.js';
import { renderPdf } from '../../main/export/pdf.js';
import { blankReport } from '../../shared/model/blank.js';
import { setCells } from '../../shared/model/cells.js';
import type { Report } from '../../shared/model/report.js';
import { getTemplate, TABLE_IDS } from '../../shared/templates/index.js';
import type { FormatId } from '../../shared/templates/index.js';
import { pdfPages } from './pdf-read.js';

process.env.NIANBAO_FONTS = 'shipped';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['政府信息公开', '我镇', '依申请公开', '主动公开', '《条例》', '“放管服”', '（一）', '行政复议', '2024年', '12345热线', 'https://www.nx.gov.cn/zwgk/', 'Email:abc@163.com', '堃', '珺', '昇'];
const PUNCT = ['，', '。', '、', '；', '：', '？', '！', '）', '》', '”', '（', '《', '“'];

function sentence(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += WORDS[Math.floor(r() * WORDS.length)]!;
    if (r() < 0.5) s += PUNCT[Math.floor(r() * PUNCT.length)]!;
    if (r() < 0.15) s += PUNCT[Math.floor(r() * PUNCT.length)]!; // runs of punctuation
  }
  return s + '。';
}

function generated(seed: number): Report {
  const r = rng(seed);
  const format: FormatId = seed % 3 === 0 ? '2019' : '2021';
  const rep = blankReport(2020 + (seed % 5), { name: seed % 2 ? '某某县某某镇人民政府' : '某某市某某区某某街道办事处' }, format);
  rep.preamble = sentence(r, 10 + Math.floor(r() * 30));
  rep.issuedOn = '2025-01-20';
  for (const id of ['overview', 'problems', 'other'] as const) {
    rep.sections[id] = rep.sections[id].map((p) => ({ heading: p.heading, text: Array.from({ length: 1 + Math.floor(r() * 3) }, () => sentence(r, 5 + Math.floor(r() * 40))).join('\n') }));
  }
  const changes = [];
  const tpl = getTemplate(format);
  for (const id of TABLE_IDS) {
    for (const row of tpl.tables[id].rows) {
      for (const c of row.cells) {
        if (r() < 0.1) continue; // some cells left blank
        const v = r() < 0.3 ? 0 : r() < 0.8 ? Math.floor(r() * 1000) : Math.floor(r() * 10_000_000);
        changes.push({ ref: { table: id, row: row.code, col: c.col }, value: c.col === 'amountWanYuan' ? v / 100 : v });
      }
    }
  }
  rep.tables = setCells(format, rep.tables, changes);
  return rep;
}

const BLOCK = { left: PAGE_PT.left, right: PAGE_PT.left + PAGE_PT.blockWidth, top: PAGE_PT.top, bottom: PAGE_PT.top + PAGE_PT.blockHeight };

describe('PDF export of generated reports', () => {
  it('every item inside the text block, 禁则 kept, every figure printed, numbered pages, none blank', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rep = generated(seed);
      const out = await renderPdf(rep, { cover: seed % 4 === 0 ? {} : null });
      assert.deepEqual(out.missingChars, [], `seed ${seed}`);
      const pages = await pdfPages(out.data);
      assert.equal(pages.length, out.pages);
      const figures: string[] = [];
      pages.forEach((p, i) => {
        const where = `seed ${seed} page ${i + 1}`;
        assert.ok(p.items.some((it) => it.str === pageNumberText(i + 1)), `${where}: page number`);
        const body = p.items.filter((it) => it.str !== pageNumberText(i + 1));
        assert.ok(body.length > 0, `${where}: blank page`);
        for (const it of body) {
          assert.ok(it.x >= BLOCK.left - 0.6 && it.right <= BLOCK.right + 0.6, `${where}: “${it.str}” from ${it.x} to ${it.right}`);
          assert.ok(it.baseline - 0.88 * it.size >= BLOCK.top - 0.6 && it.baseline + 0.12 * it.size <= BLOCK.bottom + 0.6, `${where}: “${it.str}” at ${it.baseline}`);
          if (/^\d+(\.\d+)?$/.test(it.str.trim())) figures.push(it.str.trim());
        }
        // Running text lines (16 pt, starting at the left edge or the indent), put together from
        // their items (a line holds one item per run of one font or role): 禁则.
        const byLine = new Map<number, typeof body>();
        for (const it of body) if (Math.abs(it.size - 16) < 0.1) byLine.set(Math.round(it.baseline * 10), [...(byLine.get(Math.round(it.baseline * 10)) ?? []), it]);
        for (const items of byLine.values()) {
          items.sort((a, b) => a.x - b.x);
          const x = items[0]!.x;
          if (!(Math.abs(x - BLOCK.left) < 0.6 || Math.abs(x - BLOCK.left - 2 * GRID.charPitch) < 0.6)) continue;
          const line = items.map((it) => it.str).join('');
          if (Math.abs(x - BLOCK.left) < 0.6) assert.ok(!CLOSING.has([...line][0]!), `${where}: line starts with “${line[0]}”: ${line}`);
          assert.ok(!OPENING.has([...line].at(-1)!), `${where}: line ends with “${line.at(-1)}”: ${line}`);
        }
      });
      // Every figure of the three tables, in order.
      const expected: string[] = [];
      const tpl = getTemplate(rep.format);
      for (const id of TABLE_IDS) {
        const data = rep.tables[id] as Record<string, unknown>;
        for (const row of tpl.tables[id].grid) {
          for (const c of row.cells) {
            if (c.type !== 'value') continue;
            const rowData = data[c.ref.row] as unknown;
            const v = Array.isArray(rowData) ? rowData[tpl.tables[id].columnOrder.indexOf(c.ref.col)] : (rowData as Record<string, unknown> | null)?.[c.ref.col];
            if (typeof v === 'number') expected.push(String(v));
          }
        }
      }
      assert.deepEqual(figures, expected, `seed ${seed}`);
    }
  });
});
