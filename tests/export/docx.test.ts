import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { placeTable } from '../../main/export/content.js';
import { writeDocx } from '../../main/export/docx.js';
import { importPath } from '../../main/import/index.js';
import { readDocx } from '../../main/import/readers/docx.js';
import type { TableCell } from '../../main/import/document.js';
import { blankReport } from '../../shared/model/blank.js';
import type { Report } from '../../shared/model/report.js';
import { reportTitle } from '../../shared/model/title.js';
import { getTemplate } from '../../shared/templates/index.js';
import type { TableTemplate } from '../../shared/templates/index.js';
import { fixture } from '../helpers/fixtures.js';

const run = promisify(execFile);

// ---- reading the XML back -------------------------------------------------------------------

const attrs = (tag: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
};
const first = (xml: string, re: RegExp) => re.exec(xml)?.[0] ?? '';
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[0]);
const textOf = (xml: string) =>
  all(xml, /<w:t(?: [^>]*)?>[^<]*<\/w:t>/g)
    .map((t) => t.replace(/<[^>]+>/g, ''))
    .join('');
const paragraphs = (xml: string) => all(xml, /<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g);

interface RunInfo {
  text: string;
  fonts: Record<string, string>;
  size: number | null;
}
function runs(xml: string): RunInfo[] {
  return all(xml, /<w:r>.*?<\/w:r>/g).map((r) => {
    const sz = /<w:sz w:val="(\d+)"\/>/.exec(r);
    return { text: textOf(r), fonts: attrs(first(r, /<w:rFonts [^>]*\/>/)), size: sz ? Number(sz[1]) : null };
  });
}

interface Docx {
  zip: JSZip;
  doc: string;
  styles: string;
  settings: string;
  footers: Record<string, string>;
}

async function open(data: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(data);
  const read = (n: string) => zip.file(n)!.async('string');
  const doc = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const footers: Record<string, string> = {};
  for (const ref of all(doc, /<w:footerReference [^>]*\/>/g)) {
    const a = attrs(ref);
    const target = attrs(first(rels, new RegExp(`<Relationship [^>]*Id="${a['r:id']}"[^>]*/>`)))['Target']!;
    footers[a['w:type']!] = await read(`word/${target}`);
  }
  return { zip, doc, styles: await read('word/styles.xml'), settings: await read('word/settings.xml'), footers };
}

const mmToTwips = (mm: number) => Math.round((mm / 25.4) * 1440);
const SECTION_TABLES = ['active', 'applications', 'reviews'] as const;

// ---- fixtures -------------------------------------------------------------------------------

const COVER = { docNumber: '恩政发〔2025〕3号', addressee: '中宁县人民政府办公室', body: '现将我镇2024年政府信息公开工作年度报告报送你们，请审阅。' };
let zhongning: Report;
let plain: Docx;
let withCover: Docx;
let plainBytes: Uint8Array;

before(async () => {
  zhongning = { ...(await importPath(fixture('reports/zhongning-enhe-2024.txt'))).report, issuedOn: '2025-01-20' };
  plainBytes = await writeDocx(zhongning, {});
  plain = await open(plainBytes);
  withCover = await open(await writeDocx(zhongning, { cover: COVER }));
});

describe('DOCX: page, grid and fonts as layout.md', () => {
  it('A4 with margins 37/28/26/35 mm and the 22-line grid', () => {
    const sect = first(plain.doc, /<w:sectPr>.*?<\/w:sectPr>/);
    const size = attrs(first(sect, /<w:pgSz [^>]*\/>/));
    assert.equal(Number(size['w:w']), mmToTwips(210));
    assert.equal(Number(size['w:h']), mmToTwips(297));
    const mar = attrs(first(sect, /<w:pgMar [^>]*\/>/));
    assert.equal(Number(mar['w:top']), mmToTwips(37));
    assert.equal(Number(mar['w:left']), mmToTwips(28));
    assert.equal(Number(mar['w:right']), mmToTwips(26));
    assert.equal(Number(mar['w:bottom']), mmToTwips(35));
    const grid = attrs(first(sect, /<w:docGrid [^>]*\/>/));
    assert.equal(grid['w:type'], 'lines');
    const pitch = Number(grid['w:linePitch']);
    const block = mmToTwips(225);
    assert.ok(22 * pitch <= block && 23 * pitch > block, `22 lines fill the 225 mm text block (pitch ${pitch})`);
    // Body text on the grid: exact line spacing of one pitch.
    const body = paragraphs(plain.doc).filter((p) => textOf(p).startsWith('我镇高度重视政府信息公开工作'));
    assert.equal(body.length, 1);
    const sp = attrs(first(body[0]!, /<w:spacing [^>]*\/>/));
    assert.equal(sp['w:line'], String(pitch));
    assert.equal(sp['w:lineRule'], 'exact');
    assert.equal(attrs(first(body[0]!, /<w:ind [^>]*\/>/))['w:firstLine'], String(2 * 320), 'first line indented two characters of 16 pt');
    // The title (22 pt) and table text keep their own exact spacing off the 16 pt grid (else
    // LibreOffice sets each of their lines on a whole grid line); w:snapToGrid before w:spacing.
    const offGrid = /<w:pPr>(?:(?!<\/w:pPr>).)*<w:snapToGrid w:val="(?:0|false)"\/><w:spacing /;
    const titleP = paragraphs(plain.doc).find((p) => p.includes('<w:pStyle w:val="Title"/>'))!;
    assert.match(titleP, offGrid);
    const cellPs = all(plain.doc, /<w:tc>.*?<\/w:tc>/g).flatMap(paragraphs);
    assert.ok(cellPs.length > 250);
    for (const p of cellPs) assert.match(p, offGrid);
    assert.doesNotMatch(body[0]!, /snapToGrid/, 'body text stays on the grid');
  });

  it('East Asian fonts in the East Asian slot by role, Latin fonts apart', () => {
    const rs = runs(plain.doc).filter((r) => r.text.trim() !== '');
    const prose = runs(plain.doc.replace(/<w:tbl>.*?<\/w:tbl>/g, '')).filter((r) => r.text.trim() !== '');
    assert.ok(rs.length > 100);
    for (const r of rs) {
      assert.ok(r.fonts['w:eastAsia'], `run “${r.text.slice(0, 20)}” names an East Asian font`);
      assert.equal(r.fonts['w:ascii'], 'Times New Roman', `run “${r.text.slice(0, 20)}”: Latin font in ascii`);
      assert.equal(r.fonts['w:hAnsi'], 'Times New Roman');
      assert.notEqual(r.fonts['w:eastAsia'], r.fonts['w:ascii']);
    }
    const font = (pred: (r: RunInfo) => boolean) => {
      const found = prose.filter(pred);
      assert.ok(found.length > 0);
      const names = new Set(found.map((r) => `${r.fonts['w:eastAsia']} ${r.size}`));
      assert.equal(names.size, 1, [...names].join(', '));
      return [...names][0];
    };
    // Title 方正小标宋简体 2号 (22 pt = 44 half-points), in as many runs as it has lines.
    const title = reportTitle(zhongning);
    const titleParagraph = paragraphs(plain.doc).find((p) => p.includes('<w:pStyle w:val="Title"/>'))!;
    assert.equal(textOf(titleParagraph), title);
    assert.ok(titleParagraph.includes('<w:jc w:val="center"/>'));
    assert.equal(font((r) => title.startsWith(r.text) || title.endsWith(r.text)), '方正小标宋简体 44');
    assert.equal(font((r) => /^[一二三四五六]、/.test(r.text)), '黑体 32');
    assert.equal(font((r) => /^（[一二三四五]）/.test(r.text) && r.text.length < 15), '楷体_GB2312 32');
    assert.equal(font((r) => r.text.startsWith('我镇高度重视政府信息公开工作')), '仿宋_GB2312 32');
    // Tables in 仿宋 at 12 pt (table 二) and 10.5 pt (tables 三 and 四).
    const tables = all(plain.doc, /<w:tbl>.*?<\/w:tbl>/g);
    const sizes = tables.map((t) => new Set(runs(t).map((r) => `${r.fonts['w:eastAsia']} ${r.size}`)));
    assert.deepEqual(sizes.map((s) => [...s]), [['仿宋_GB2312 24'], ['仿宋_GB2312 21'], ['仿宋_GB2312 21']]);
    // The styles name the same fonts, so text typed later in Word takes them too.
    const style = (id: string) => first(plain.styles, new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`));
    assert.equal(attrs(first(style('Heading1'), /<w:rFonts [^>]*\/>/))['w:eastAsia'], '黑体');
    assert.equal(attrs(first(style('Heading2'), /<w:rFonts [^>]*\/>/))['w:eastAsia'], '楷体_GB2312');
    assert.equal(attrs(first(style('Title'), /<w:rFonts [^>]*\/>/))['w:eastAsia'], '方正小标宋简体');
    assert.equal(attrs(first(plain.styles, /<w:docDefaults>.*?<w:rFonts [^>]*\/>/))['w:eastAsia'], '仿宋_GB2312');
  });

  it('page numbers “— n —” from a real PAGE field: right on odd pages, left on even, in 宋体 4号', () => {
    assert.ok(/<w:evenAndOddHeaders\/>/.test(plain.settings), 'settings turn on different odd and even footers');
    assert.deepEqual(Object.keys(plain.footers).sort(), ['default', 'even']);
    for (const [type, xml] of Object.entries(plain.footers)) {
      assert.match(xml, /<w:fldChar w:fldCharType="begin"\/>.*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>.*<w:fldChar w:fldCharType="separate"\/>.*<w:fldChar w:fldCharType="end"\/>/);
      assert.match(textOf(xml), /^— \d* —$/);
      const jc = attrs(first(xml, /<w:jc [^>]*\/>/))['w:val'];
      const ind = attrs(first(xml, /<w:ind [^>]*\/>/));
      if (type === 'default') {
        assert.equal(jc, 'right');
        assert.equal(ind['w:right'], '320', 'odd: inset one character');
      } else {
        assert.equal(jc, 'left');
        assert.equal(ind['w:left'], '320', 'even: inset one character');
      }
      for (const r of runs(xml)) {
        assert.equal(r.fonts['w:eastAsia'], '宋体');
        assert.equal(r.size, 28);
      }
    }
  });

  it('headings at their levels and kept with the text that follows', () => {
    const h1 = paragraphs(plain.doc).filter((p) => p.includes('<w:pStyle w:val="Heading1"/>'));
    assert.deepEqual(
      h1.map((p) => textOf(p).slice(0, 2)),
      ['一、', '二、', '三、', '四、', '五、', '六、'],
    );
    const h2 = paragraphs(plain.doc).filter((p) => p.includes('<w:pStyle w:val="Heading2"/>'));
    assert.ok(h2.length >= 5, 'the （一）… parts of 一 and 六 are level-2 headings');
    for (const p of [...h1, ...h2]) {
      assert.ok(p.includes('<w:keepNext/>'), `${textOf(p)} keeps with next`);
      assert.match(p, /<w:outlineLvl w:val="[01]"\/>/);
    }
    for (const p of h1) assert.ok(p.includes('<w:outlineLvl w:val="0"/>'));
    for (const p of h2) assert.ok(p.includes('<w:outlineLvl w:val="1"/>'));
  });

  it('signature centred over the date, flush right; the date right-inset four characters', async () => {
    // em widths as printed: ideographs 1, digits ½.
    const em = (t: string) => [...t].reduce((n, ch) => n + (ch.codePointAt(0)! < 0x2000 ? 0.5 : 1), 0);
    const check = (d: Docx, office: string, dateInsetEm: number | null) => {
      const ps = paragraphs(d.doc);
      const date = ps.findIndex((p) => textOf(p) === '2025年1月20日');
      assert.ok(date > 0);
      assert.equal(textOf(ps[date - 1]!), office);
      for (const p of [ps[date]!, ps[date - 1]!]) assert.ok(p.includes('<w:jc w:val="right"/>'));
      assert.ok(ps[date - 1]!.includes('<w:keepNext/>'), 'the office name stays with the date');
      const inset = (p: string) => Number(attrs(first(p, /<w:ind [^>]*\/>/))['w:right']) / 320;
      const centre = (p: string, t: string) => inset(p) + em(t) / 2;
      assert.ok(Math.abs(centre(ps[date - 1]!, office) - centre(ps[date]!, '2025年1月20日')) < 0.01, 'centres line up');
      if (dateInsetEm !== null) assert.equal(inset(ps[date]!), dateInsetEm);
      assert.ok(Math.min(inset(ps[date]!), inset(ps[date - 1]!)) >= 2, 'at least two characters in from the right');
    };
    // 恩和镇政府 (5 em) is shorter than the date (6.5 em): the date is four characters in.
    check(await open(await writeDocx({ ...zhongning, signature: '恩和镇政府' }, {})), '恩和镇政府', 4);
    // A name longer than the date: right-inset two characters, the date centred under it (as the PDF).
    check(plain, '中宁县恩和镇人民政府', null);
  });
});

describe('DOCX: text the file cannot hold', () => {
  it('control characters from old .doc files and lone surrogates are left out, so every part is well-formed XML', async () => {
    const dirty = '本年度未收取\u000b信息处理费\u0001。\ud800孤' ;
    const r: Report = { ...zhongning, title: '某镇\u00072024年政府信息公开工作年度报告', sections: { ...zhongning.sections, other: [{ heading: '', text: dirty }] } };
    const d = await open(await writeDocx(r, {}));
    for (const name of Object.keys(d.zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      const xml = await d.zip.file(name)!.async('string');
      assert.equal(XMLValidator.validate(xml), true, name);
      // The validator lets control characters through; XML 1.0 (and Word) does not.
      assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/, name);
    }
    const texts = paragraphs(d.doc).map(textOf);
    assert.ok(texts.includes('本年度未收取信息处理费。孤'));
    assert.ok(texts.includes('某镇2024年政府信息公开工作年度报告'));
  });
});

describe('DOCX: the three tables as the national form', () => {
  function checkTable(xml: string, t: TableTemplate) {
    const placed = placeTable(t, null);
    const rows = all(xml, /<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/g);
    assert.equal(rows.length, placed.rows, `${t.caption}: rows`);
    rows.forEach((r, i) => {
      assert.ok(r.includes('<w:cantSplit/>'), `${t.caption} row ${i}: no split across pages`);
      assert.equal(r.includes('<w:tblHeader/>'), i < placed.headerRows, `${t.caption} row ${i}: repeated header iff a header row`);
    });
    const spans = all(xml, /<w:gridSpan w:val="(\d+)"\/>/g).map((s) => Number(/\d+/.exec(s)![0]));
    const restarts = all(xml, /<w:vMerge w:val="restart"\/>/g).length;
    const continues = all(xml, /<w:vMerge(?: w:val="continue")?\/>/g).length;
    const merged = placed.cells.filter((c) => c.rowSpan > 1);
    assert.equal(restarts, merged.length, `${t.caption}: merged-down cells`);
    assert.equal(continues, merged.reduce((n, c) => n + c.rowSpan - 1, 0), `${t.caption}: vMerge continuations`);
    // Every cell merged across, including the continuation cells under a merged-down wide cell.
    const wide = placed.cells.filter((c) => c.colSpan > 1).reduce((n, c) => n + c.rowSpan, 0);
    assert.equal(spans.length, wide, `${t.caption}: gridSpan cells`);
    const grid = all(first(xml, /<w:tblGrid>.*?<\/w:tblGrid>/), /<w:gridCol [^>]*\/>/g).map((g) => Number(attrs(g)['w:w']));
    assert.equal(grid.length, t.gridColumns);
    assert.equal(
      grid.reduce((a, b) => a + b, 0),
      mmToTwips(156),
      `${t.caption}: as wide as the text block`,
    );
    assert.ok(xml.includes('<w:tblLayout w:type="fixed"/>'));
  }

  it('gridSpan / vMerge merges, repeated header rows and unsplittable rows, from the template', () => {
    const tables = all(plain.doc, /<w:tbl>.*?<\/w:tbl>/g);
    assert.equal(tables.length, 3);
    tables.forEach((xml, i) => checkTable(xml, getTemplate('2021').tables[SECTION_TABLES[i]!]));
    // Table 三 (the tallest) really has merges and a two-row… header.
    assert.ok(placeTable(getTemplate('2021').tables.applications, null).headerRows >= 2);
  });

  const cells = (rows: TableCell[][]) => rows.flat().map((c) => `${c.row}:${c.col} ${c.rowSpan}×${c.colSpan} ${c.text.replace(/\s+/g, '')}`);

  it('cell for cell (labels, positions, spans) as the blank national form template-2021-blank.docx', async () => {
    const form = (await readDocx(new Uint8Array(readFileSync(fixture('documents/template-2021-blank.docx'))))).blocks.filter((b) => b.kind === 'table');
    const ours = (await readDocx(await writeDocx(blankReport(2024, { name: '某某镇人民政府' }), {}))).blocks.filter((b) => b.kind === 'table');
    assert.equal(ours.length, form.length);
    let n = 0;
    form.forEach((f, i) => {
      const o = ours[i]!;
      assert.ok(f.kind === 'table' && o.kind === 'table');
      assert.deepEqual(cells(o.rows), cells(f.rows), `table ${i + 1}`);
      n += o.rows.flat().length;
    });
    assert.ok(n > 250, `${n} cells compared`);
  });

  it('a 2019 report exports its 2019 table 二 and single-row （六）', async () => {
    const r = (await importPath(fixture('reports/longde-liancai-2019.txt'))).report;
    assert.equal(r.format, '2019');
    const data = await writeDocx(r, {});
    const tables = (await readDocx(data)).blocks.filter((b) => b.kind === 'table');
    const d = await open(data);
    all(d.doc, /<w:tbl>.*?<\/w:tbl>/g).forEach((xml, i) => checkTable(xml, getTemplate('2019').tables[SECTION_TABLES[i]!]));
    SECTION_TABLES.forEach((id, i) => {
      const t = tables[i]!;
      assert.ok(t.kind === 'table');
      const want = placeTable(getTemplate('2019').tables[id], r.tables[id] as Record<string, unknown> | null);
      assert.deepEqual(
        cells(t.rows),
        want.cells.map((c) => `${c.row}:${c.col} ${c.rowSpan}×${c.colSpan} ${c.text.replace(/\s+/g, '')}`),
        `2019 ${id}`,
      );
    });
    const t2021 = placeTable(getTemplate('2021').tables.active, null);
    assert.notEqual(cells((tables[0] as { rows: TableCell[][] }).rows).length, t2021.cells.length, 'not the 2021 table 二');
  });
});

describe('DOCX: 上报函 cover page', () => {
  it('document number, addressee, one paragraph, office and date on a page of their own', () => {
    const ps = paragraphs(withCover.doc);
    const texts = ps.map(textOf);
    assert.equal(texts[0], COVER.docNumber);
    assert.ok(ps[0]!.includes('<w:jc w:val="center"/>'));
    const coverTitle = texts.findIndex((t) => t.startsWith('关于报送'));
    assert.ok(coverTitle > 0 && ps[coverTitle]!.includes('<w:pStyle w:val="Title"/>'));
    assert.equal(texts[coverTitle + 1], '中宁县人民政府办公室：');
    assert.equal(texts[coverTitle + 2], COVER.body);
    const reportStart = ps.findIndex((p) => p.includes('<w:pStyle w:val="Title"/>') && textOf(p) === reportTitle(zhongning));
    assert.ok(reportStart > coverTitle);
    assert.ok(ps[reportStart]!.includes('<w:pageBreakBefore/>'), 'the report starts on a new page');
    const between = texts.slice(coverTitle, reportStart);
    assert.ok(between.includes('中宁县恩和镇人民政府') && between.includes('2025年1月20日'), 'signed and dated');
    // Without a cover the report starts the document.
    assert.equal(textOf(paragraphs(plain.doc)[0]!), reportTitle(zhongning));
  });
});

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe('DOCX in LibreOffice', { skip: SOFFICE ? false : 'LibreOffice (soffice) is not installed' }, () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-lo-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('opens and converts to PDF: A4, numbered pages odd right / even left, every label, page count of our PDF ±1', { timeout: 180_000 }, async () => {
    const file = join(dir, 'report.docx');
    writeFileSync(file, plainBytes);
    // A private profile so parallel runs do not share (and lock) one.
    const res = await run(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 150_000 });
    // LibreOffice's one start-up warning without Java is not about the file.
    const complaints = res.stderr.split('\n').filter((l) => l.trim() && !/javaldx|java may not function/.test(l));
    assert.deepEqual(complaints, [], res.stderr);
    const pdf = join(dir, 'report.pdf');
    assert.ok(existsSync(pdf), `LibreOffice wrote no PDF: ${res.stdout} ${res.stderr}`);
    const info = (await run('pdfinfo', [pdf])).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    assert.match(info, /Page size:\s+595\.\d* x 841\.\d*|Page size:\s+595 x 842/);
    assert.ok(pages >= 4, `${pages} pages`);

    // Page numbers: on every page, `— n —`, right on odd pages and left on even ones.
    const bbox = (await run('pdftotext', ['-bbox', pdf, '-'])).stdout;
    const pageXml = all(bbox, /<page [^>]*>[\s\S]*?<\/page>/g);
    assert.equal(pageXml.length, pages);
    pageXml.forEach((p, i) => {
      const words = all(p, /<word [^>]*>[^<]*<\/word>/g).map((w): Record<string, string> => ({ ...attrs(w), text: w.replace(/<[^>]+>/g, '') }));
      const num = words.filter((w) => w.text === String(i + 1) && Number(w['yMin']) > 842 - 35 * 2.835);
      assert.equal(num.length, 1, `page ${i + 1} has its number in the bottom margin`);
      const x = Number(num[0]!['xMin']);
      if ((i + 1) % 2 === 1) assert.ok(x > 595 / 2, `odd page ${i + 1}: number on the right (x ${x})`);
      else assert.ok(x < 595 / 2, `even page ${i + 1}: number on the left (x ${x})`);
    });

    const text = (await run('pdftotext', ['-raw', pdf, '-'])).stdout.replace(/\s+/g, '');
    for (const id of SECTION_TABLES)
      for (const c of placeTable(getTemplate('2021').tables[id], null).cells)
        if (!c.value) assert.ok(text.includes(c.text.replace(/\s+/g, '')), `LibreOffice prints “${c.text}”`);

    // Against our own PDF writer.
    const { renderPdf } = await import('../../main/export/pdf.js');
    const ours = await renderPdf(zhongning, {});
    assert.ok(Math.abs(ours.pages - pages) <= 1, `LibreOffice ${pages} pages, our PDF ${ours.pages}`);
  });

  it('every fixture report, with and without the cover page: LibreOffice prints as many pages as our PDF, ±1', { timeout: 300_000 }, async () => {
    const { renderPdf } = await import('../../main/export/pdf.js');
    const sources = ['documents/huaian-city-2024.pdf', 'reports/longde-liancai-2019.txt', 'documents/template-2021-blank.docx', 'reports/xingqing-zhangzheng-2023.txt', 'reports/yongning-lijun-2023.txt', 'reports/zhongning-enhe-2024.txt'];
    const ourPages = new Map<string, number>();
    const files: string[] = [];
    for (const src of sources) {
      const r = (await importPath(fixture(src))).report;
      for (const cover of [null, {}]) {
        const name = `${src.replace(/^.*\//, '').replace(/\.\w+$/, '')}${cover ? '-cover' : ''}`;
        writeFileSync(join(dir, `${name}.docx`), await writeDocx(r, { cover }));
        files.push(join(dir, `${name}.docx`));
        ourPages.set(name, (await renderPdf(r, { cover })).pages);
      }
    }
    // One LibreOffice start for all twelve files.
    await run(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'all'), ...files], { timeout: 280_000 });
    const report: string[] = [];
    for (const [name, ours] of ourPages) {
      const info = (await run('pdfinfo', [join(dir, 'all', `${name}.pdf`)])).stdout;
      const lo = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      report.push(`${name}: LibreOffice ${lo}, ours ${ours}`);
      assert.ok(Math.abs(lo - ours) <= 1, report.join('\n'));
    }
    assert.equal(report.length, 12);
  });
});
