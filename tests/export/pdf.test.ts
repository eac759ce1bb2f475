/**
 * PDF export, read back: every fixture report (imported from its real source document) is
 * exported, and the PDF is read with pdf.js and poppler — text and numbers in order, fonts
 * embedded, A4, text inside the text block, page numbers, line breaking, and a round trip
 * through our own importer.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { renderPdf } from '../../main/export/pdf.js';
import type { PdfOutput } from '../../main/export/pdf.js';
import { GRID, PAGE_PT, SIZE, pageNumberText } from '../../main/export/layout.js';
import { CLOSING, OPENING } from '../../main/export/linebreak.js';
import { importBuffer, importPath } from '../../main/import/index.js';
import { readCell } from '../../shared/model/cells.js';
import type { Report } from '../../shared/model/report.js';
import { getTemplate, TABLE_IDS } from '../../shared/templates/index.js';
import { fixture } from '../helpers/fixtures.js';
import { bboxWords, pdfPages, poppler } from './pdf-read.js';
import type { PageText, TextItem } from './pdf-read.js';

/** The fixture reports of expected/*.json, each from its real source document. */
const SOURCES: Record<string, string> = {
  'zhongning-enhe-2024': 'reports/zhongning-enhe-2024.txt',
  'yongning-lijun-2023': 'reports/yongning-lijun-2023.txt',
  'xingqing-zhangzheng-2023': 'reports/xingqing-zhangzheng-2023.txt',
  'longde-liancai-2019': 'reports/longde-liancai-2019.txt',
  'huaian-city-2024': 'documents/huaian-city-2024.pdf',
  'template-2021-blank': 'documents/template-2021-blank.docx',
};

interface Case {
  name: string;
  report: Report;
  pdf: PdfOutput;
  pages: PageText[];
}
const cases: Case[] = [];

before(async () => {
  for (const [name, src] of Object.entries(SOURCES)) {
    const report = (await importPath(fixture(src))).report;
    const pdf = await renderPdf(report);
    cases.push({ name, report, pdf, pages: await pdfPages(pdf.data) });
  }
});

const compact = (s: string) => s.replace(/\s+/g, '');
const BLOCK = { left: PAGE_PT.left, right: PAGE_PT.left + PAGE_PT.blockWidth, top: PAGE_PT.top, bottom: PAGE_PT.top + PAGE_PT.blockHeight };
const TOL = 0.6;

/** Label texts and figures of the three tables, walking the template grids of the report's format. */
function expectedTables(r: Report): { labels: string[]; numbers: string[]; rowLabels: string[] } {
  const labels: string[] = [];
  /** Labels of one row (not merged down over several): these must come in grid order. */
  const rowLabels: string[] = [];
  const numbers: string[] = [];
  const tpl = getTemplate(r.format);
  for (const id of TABLE_IDS) {
    const t = tpl.tables[id];
    const data = r.tables[id] as Record<string, unknown> | null;
    for (const row of t.grid) {
      for (const c of row.cells) {
        if (c.type === 'label') {
          labels.push(compact(c.text));
          if ((c.rowSpan ?? 1) === 1 && compact(c.text) !== '') rowLabels.push(compact(c.text));
        }
        else if (data) {
          const v = readCell(t, data, c.ref);
          if (typeof v === 'number') numbers.push(String(v));
        }
      }
    }
  }
  return { labels: labels.filter((l) => l !== ''), numbers, rowLabels };
}

describe('PDF export of the fixture reports, read back', () => {
  it('exports every fixture without missing characters, on as many pages as the text needs', () => {
    assert.equal(cases.length, Object.keys(SOURCES).length);
    for (const c of cases) {
      assert.deepEqual(c.pdf.missingChars, [], c.name);
      assert.equal(c.pages.length, c.pdf.pages, c.name);
      assert.ok(c.pdf.pages >= 3 && c.pdf.pages <= 12, `${c.name}: ${c.pdf.pages} pages`);
    }
  });

  it('pdf.js reads every row label of the template of the report’s format and every figure, in order', () => {
    for (const c of cases) {
      const { labels, numbers, rowLabels } = expectedTables(c.report);
      const items = c.pages.flatMap((p) => p.items);
      // Figures: one text item per cell, in grid order, and nothing else that is a bare number.
      const figures = items.map((i) => i.str.trim()).filter((s) => /^\d+(\.\d+)?$/.test(s));
      assert.deepEqual(figures, numbers, c.name);
      const all = compact(items.map((i) => i.str).join(''));
      // Every label is printed; row labels in the grid's order. (A label merged down over rows
      // that run onto the next page is printed in the part of the cell that holds it.)
      for (const l of labels) assert.ok(all.includes(l), `${c.name}: label “${l}” missing`);
      let at = 0;
      for (const l of rowLabels) {
        const k = all.indexOf(l, at);
        assert.ok(k >= 0, `${c.name}: label “${l}” not found after position ${at}`);
        at = k + l.length;
      }
    }
  });

  it('no table row is split: the figures of each row sit on one page, on one baseline', () => {
    for (const c of cases) {
      // Figures per printed row, from the template grid.
      const expected: number[] = [];
      const tpl = getTemplate(c.report.format);
      for (const id of TABLE_IDS) {
        const data = c.report.tables[id] as Record<string, unknown> | null;
        if (!data) continue;
        for (const row of tpl.tables[id].grid) {
          const n = row.cells.filter((x) => x.type === 'value' && typeof readCell(tpl.tables[id], data, x.ref) === 'number').length;
          if (n > 0) expected.push(n);
        }
      }
      const got: number[] = [];
      let last: { page: number; baseline: number } | null = null;
      c.pages.forEach((p, page) => {
        for (const it of p.items) {
          if (!/^\d+(\.\d+)?$/.test(it.str.trim())) continue;
          if (last && last.page === page && Math.abs(last.baseline - it.baseline) < 0.5) got[got.length - 1]!++;
          else got.push(1);
          last = { page, baseline: it.baseline };
        }
      });
      assert.deepEqual(got, expected, c.name);
    }
  });

  it('a 2019 report prints the 2019 table 二 and table 三 rows; 2021 reports the 2021 ones', () => {
    const old = cases.find((c) => c.name === 'longde-liancai-2019')!;
    const now = cases.find((c) => c.name === 'zhongning-enhe-2024')!;
    const text = (c: Case) => compact(c.pages.flatMap((p) => p.items.map((i) => i.str)).join(''));
    // Labels of one format only (not even inside a label of the other: 规范性文件 ⊂ 行政规范性文件).
    const a = expectedTables(old.report).labels;
    const b = expectedTables(now.report).labels;
    const only2019 = a.filter((l) => !b.some((x) => x.includes(l)));
    const only2021 = b.filter((l) => !a.some((x) => x.includes(l)));
    assert.ok(only2019.length > 0 && only2021.length > 0);
    for (const l of only2019) assert.ok(text(old).includes(l) && !text(now).includes(l), l);
    for (const l of only2021) assert.ok(text(now).includes(l) && !text(old).includes(l), l);
  });

  it('pdffonts: every font embedded as a subset with a ToUnicode map', () => {
    for (const c of cases) {
      const rows = poppler('pdffonts', c.pdf.data).trim().split('\n').slice(2);
      assert.ok(rows.length >= 2, `${c.name}: ${rows.length} fonts`);
      for (const row of rows) assert.match(row, /\s+yes\s+yes\s+yes\s+\d+\s+\d+$/, `${c.name}: ${row}`);
    }
  });

  it('pdftotext gets the text back (ToUnicode): title, every section heading, the office', () => {
    for (const c of cases) {
      const text = compact(poppler('pdftotext', c.pdf.data));
      assert.ok(text.includes('政府信息公开工作年度报告'), c.name);
      for (const h of ['一、', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、', '六、']) assert.ok(text.includes(h), `${c.name}: ${h}`);
      if (c.report.office.name) assert.ok(text.includes(compact(c.report.office.name)), c.name);
      // The preamble, as written, with the line breaks taken out.
      if (c.report.preamble) assert.ok(text.includes(compact(c.report.preamble).slice(0, 40)), c.name);
    }
  });

  it('every page is A4 portrait', () => {
    for (const c of cases) {
      const info = poppler('pdfinfo', c.pdf.data, ['-f', '1', '-l', String(c.pdf.pages)]);
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/g)];
      assert.equal(sizes.length, c.pdf.pages, `${c.name}: ${info}`);
      for (const m of sizes) {
        assert.ok(Math.abs(Number(m[1]) - 595.28) < 0.1 && Math.abs(Number(m[2]) - 841.89) < 0.1);
      }
    }
  });

  it('pdftotext -bbox: every word but the page number inside the text block; the page number `— n —` 7 mm below it, odd right, even left', () => {
    for (const c of cases) {
      const pages = bboxWords(c.pdf.data);
      assert.equal(pages.length, c.pdf.pages);
      pages.forEach((p, i) => {
        const n = i + 1;
        const below = p.words.filter((w) => w.yMin > BLOCK.bottom);
        assert.equal(below.map((w) => w.text).join(' '), pageNumberText(n), `${c.name} page ${n}`);
        const left = Math.min(...below.map((w) => w.xMin));
        const right = Math.max(...below.map((w) => w.xMax));
        if (n % 2 === 1) assert.ok(Math.abs(right - (BLOCK.right - SIZE.body)) < 2, `${c.name} page ${n}: number ends at ${right}`);
        else assert.ok(Math.abs(left - (BLOCK.left + SIZE.body)) < 2, `${c.name} page ${n}: number starts at ${left}`);
        // The dash line (at the centre of the em box) sits 7 mm below the text block.
        const num = c.pages[i]!.items.find((it) => it.str === pageNumberText(n))!;
        assert.ok(num, `${c.name} page ${n}: no page number item`);
        const dashLine = num.baseline - num.size * 0.38;
        assert.ok(Math.abs(dashLine - (BLOCK.bottom + 7 * (72 / 25.4))) < 1, `${c.name} page ${n}: dash line at ${dashLine}`);
        assert.equal(num.size, SIZE.pageNumber);
        const inside = p.words.filter((w) => w.yMin <= BLOCK.bottom);
        assert.ok(inside.length > 0, `${c.name}: page ${n} is blank`);
        // Across: the words' boxes; up and down: the em box of each line (baseline − 0.88 em to
        // baseline + 0.12 em), since pdftotext's boxes take the font's whole ascent and descent.
        for (const w of inside) assert.ok(w.xMin >= BLOCK.left - TOL && w.xMax <= BLOCK.right + TOL, `${c.name} page ${n}: “${w.text}” at ${w.xMin}–${w.xMax}`);
        for (const it of c.pages[i]!.items) {
          if (it.str === pageNumberText(n)) continue;
          const top = it.baseline - 0.88 * it.size;
          const bottom = it.baseline + 0.12 * it.size;
          assert.ok(top >= BLOCK.top - TOL && bottom <= BLOCK.bottom + TOL, `${c.name} page ${n}: “${it.str}” from ${top} to ${bottom}`);
        }
      });
    }
  });

  it('body lines: none starts with closing or ends with opening punctuation; every line but a paragraph’s last is spread to the right edge', () => {
    let spread = 0;
    for (const c of cases) {
      for (const [pi, p] of c.pages.entries()) {
        // Body-size lines of running text, put together from their items (one per run of one
        // font or role), starting at the left edge or at the two-character indent.
        const byBaseline = new Map<number, TextItem[]>();
        for (const i of p.items) {
          if (Math.abs(i.size - SIZE.body) > 0.1 || i.baseline > BLOCK.bottom) continue;
          const key = Math.round(i.baseline * 10);
          byBaseline.set(key, [...(byBaseline.get(key) ?? []), i]);
        }
        const lines = [...byBaseline.values()]
          .map((items) => items.sort((a, b) => a.x - b.x))
          .map((items) => ({ str: items.map((i) => i.str).join(''), x: items[0]!.x, right: Math.max(...items.map((i) => i.right)), baseline: items[0]!.baseline }))
          .filter((l) => Math.abs(l.x - BLOCK.left) < TOL || Math.abs(l.x - BLOCK.left - 2 * GRID.charPitch) < TOL)
          .sort((a, b) => a.baseline - b.baseline);
        for (const [k, l] of lines.entries()) {
          const where = `${c.name} page ${pi + 1}: “${l.str}”`;
          if (Math.abs(l.x - BLOCK.left) < TOL) assert.ok(!CLOSING.has([...l.str][0]!), where);
          assert.ok(!OPENING.has([...l.str].at(-1)!), where);
          assert.ok(l.right <= BLOCK.right + TOL, where);
          const next = lines[k + 1];
          const nextOnGrid = next && Math.abs(next.baseline - l.baseline - GRID.linePitch) < 0.5;
          if (Math.abs(l.right - BLOCK.right) < TOL) spread++;
          // A line that stops short is the last of its paragraph: the next line begins a new one.
          else if (nextOnGrid && Math.abs(next.x - BLOCK.left) < TOL) assert.fail(`${where} stops at ${l.right.toFixed(1)} though its paragraph goes on`);
        }
      }
    }
    assert.ok(spread > 200, `only ${spread} spread lines`);
  });

  it('a table that runs over a page repeats its header rows there', () => {
    let repeated = 0;
    for (const c of cases) {
      const t = getTemplate(c.report.format).tables.applications;
      // A short header label of the top row (申请人情况), drawn as one text item.
      const firstHeader = t.grid[0]!.cells.find((x) => x.type === 'label' && x.text.trim() !== '' && x.text.length <= 8);
      assert.ok(firstHeader && firstHeader.type === 'label');
      const pagesWith = c.pages.filter((p) => p.items.some((i) => compact(i.str) === compact(firstHeader.text)));
      const firstRow = t.grid.find((g) => g.role === 'body')!.cells.find((x) => x.type === 'label')!;
      const lastRow = t.grid[t.grid.length - 1]!.cells.find((x) => x.type === 'label')!;
      assert.ok(firstRow.type === 'label' && lastRow.type === 'label');
      const pageOf = (label: string) => c.pages.findIndex((p) => compact(p.items.map((i) => i.str).join('')).includes(compact(label)));
      const span = pageOf(lastRow.text) - pageOf(firstRow.text) + 1;
      assert.equal(pagesWith.length, span, `${c.name}: table 三 spans ${span} pages, header on ${pagesWith.length}`);
      if (span > 1) repeated++;
    }
    assert.ok(repeated >= 3, `only ${repeated} reports with table 三 over two pages`);
  });

  it('round trip: importing our own PDF gives back the same tables, preamble, sections, office and year', async () => {
    for (const c of cases) {
      const back = (await importBuffer(`${c.name}.pdf`, c.pdf.data)).report;
      assert.equal(back.format, c.report.format, c.name);
      assert.equal(back.year, c.report.year, c.name);
      // (The blank form has no office: its “____年…” title is not read back as one.)
      if (c.report.office.name) assert.equal(back.office.name, c.report.office.name, c.name);
      for (const id of TABLE_IDS) {
        // A table with no figure at all prints as the empty form, which reads back as “not filled in”.
        const allNull = (t: unknown) => t === null || JSON.stringify(t).replace(/null|[[\]{},:"\w.]/g, '') === '';
        if (allNull(c.report.tables[id])) assert.ok(allNull(back.tables[id]), `${c.name} ${id}`);
        else assert.deepEqual(back.tables[id], c.report.tables[id], `${c.name} ${id}`);
      }
      assert.equal(compact(back.preamble ?? ''), compact(c.report.preamble ?? ''), c.name);
      for (const s of ['overview', 'problems', 'other'] as const) {
        const texts = (r: Report) => r.sections[s].map((p) => compact(p.heading) + '|' + compact(p.text));
        assert.deepEqual(texts(back), texts(c.report), `${c.name} ${s}`);
      }
    }
  });
});
