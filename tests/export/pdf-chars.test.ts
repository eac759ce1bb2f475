/**
 * Characters and lines: rare characters of names print from the shipped fonts; a character no
 * font has is reported by name before export and never drawn as an empty box; Chinese line
 * breaking (禁则) and spreading; the 上报函 cover page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { charName, exportReport, missingCharsMessage } from '../../main/export/index.js';
import { CLOSING, OPENING, breakParagraph, spreadSpacing, titleLines } from '../../main/export/linebreak.js';
import { GRID, PAGE_PT } from '../../main/export/layout.js';
import { missingCharacters, renderPdf } from '../../main/export/pdf.js';
import { importPath } from '../../main/import/index.js';
import { blankReport } from '../../shared/model/blank.js';
import type { Report } from '../../shared/model/report.js';
import { fixture } from '../helpers/fixtures.js';
import { pdfPages, poppler } from './pdf-read.js';

// The shipped fonts only, whatever this machine has installed: the same result everywhere.
process.env.NIANBAO_FONTS = 'shipped';

const compact = (s: string) => s.replace(/\s+/g, '');
/** Every character 1 em wide: what a line of ideographs measures. */
const em = (s: string) => [...s].length;

function reportWith(text: string): Report {
  const r = blankReport(2024, { name: '中宁县恩和镇人民政府' });
  r.preamble = text;
  r.issuedOn = '2025-01-20';
  return r;
}

describe('line breaking (禁则) and spreading', () => {
  it('no line starts with closing punctuation or ends with opening punctuation, on every line width', () => {
    const text = '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现将本年度报告如下：一、总体情况。“能公开多公开，应公开尽公开”！是否？（一）主动公开方面。';
    for (let width = 5; width <= 30; width++) {
      const lines = breakParagraph(text, em, width, 2);
      assert.equal(lines.map((l) => l.text).join(''), text, `width ${width}: text kept whole`);
      for (const [i, l] of lines.entries()) {
        assert.ok(l.width <= (i === 0 ? width - 2 : width) + 1e-9 || [...l.text].length === 1, `width ${width}: “${l.text}” too wide`);
        if (i > 0) assert.ok(!CLOSING.has([...l.text][0]!), `width ${width}: line starts with “${l.text[0]}”`);
        if (i < lines.length - 1) assert.ok(!OPENING.has([...l.text].at(-1)!), `width ${width}: line ends with “${l.text.at(-1)}”`);
      }
    }
  });

  it('a closing mark that would start a line pulls the character before it down (不留行首标点)', () => {
    const lines = breakParagraph('一二三四五，六七', em, 5);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['一二三四', '五，六七'],
    );
    // The short line is spread: 1 em of slack over 3 gaps.
    assert.equal(spreadSpacing(lines[0]!, 5), 1 / 3);
    assert.equal(spreadSpacing(lines[1]!, 5), 0, 'the last line of a paragraph is not spread');
  });

  it('numbers and web addresses stay whole unless wider than a line; spaces at a line end are dropped', () => {
    const lines = breakParagraph('电话：0951-1234567，网址 https://www.nx.gov.cn/zwgk/index.html 。', (s) => [...s].length * 0.5, 12);
    assert.ok(lines.some((l) => l.text.includes('0951-1234567')));
    for (const l of lines) assert.ok(!/\s$/.test(l.text) && !/^\s/.test(l.text), `“${l.text}”`);
  });

  it('a long title in two lines at a word boundary, the upper no longer than the lower', () => {
    const t = titleLines('银川市兴庆区掌政镇人民政府2023年政府信息公开工作年度报告', 20, '银川市兴庆区掌政镇人民政府');
    assert.deepEqual(t, ['银川市兴庆区掌政镇人民政府', '2023年政府信息公开工作年度报告']);
    assert.deepEqual(titleLines('恩和镇2024年政府信息公开工作年度报告', 20), ['恩和镇2024年政府信息公开工作年度报告']);
    // Balanced halves would split 「2024年｜政府信息公开…」: the year stays with the report's name.
    assert.deepEqual(titleLines('淮安市人民政府2024年政府信息公开工作年度报告', 20), ['淮安市人民政府', '2024年政府信息公开工作年度报告']);
  });
});

describe('characters', () => {
  it('rare characters of names (堃 珺 昇) print from the shipped fonts and copy out', async () => {
    const r = reportWith('本报告由李堃、王珺、张昇编写。');
    assert.deepEqual(missingCharacters(r), []);
    const out = await renderPdf(r);
    assert.deepEqual(out.missingChars, []);
    assert.ok(compact(poppler('pdftotext', out.data)).includes('本报告由李堃、王珺、张昇编写。'));
  });

  it('a character no font has is reported by name before export, and printed as 〓, never as an empty box', async () => {
    const r = reportWith('联系人：张𠀾（CJK 扩展B）。');
    assert.deepEqual(missingCharacters(r), ['𠀾'], 'found before writing the PDF');
    const out = await renderPdf(r);
    assert.deepEqual(out.missingChars, ['𠀾']);
    const text = compact(poppler('pdftotext', out.data));
    assert.ok(text.includes('联系人：张〓（CJK扩展B）。'), text.slice(0, 200));
    assert.ok(!text.includes('𠀾'));
    // The API result carries it; the message names it in Chinese.
    const res = await exportReport(r, 'pdf', null);
    assert.deepEqual(res.missingChars, ['𠀾']);
    assert.equal(charName('𠀾'), '「𠀾」（U+2003E）');
    assert.match(missingCharsMessage(res.missingChars), /^有 1 个字在本机所有字体中都没有：「𠀾」（U\+2003E）。/);
  });
});

describe('pasted text', () => {
  it('tabs and odd spaces print as spaces; control and zero-width characters are dropped, not drawn as boxes', async () => {
    const r = reportWith('甲\t乙\u200b丙\u00a0丁\u3000戊\u0007己 庚\u2028辛\ufeff壬');
    assert.deepEqual(missingCharacters(r), []);
    const out = await renderPdf(r);
    assert.deepEqual(out.missingChars, []);
    const items = (await pdfPages(out.data))[0]!.items.map((i) => i.str);
    // (pdf.js gives the ideographic space as an item of its own.)
    assert.ok(items.join('').includes('甲 乙丙 丁 戊己 庚'), items.join('|'));
    assert.ok(items.includes('辛壬'), 'a line separator starts a new paragraph');
  });
});

describe('title and signature (layout.md)', () => {
  it('the title in 22 pt, centred, a long one in two lines; the date right-inset four characters with the office centred over it', async () => {
    const r = reportWith('本报告由办公室编制。');
    r.office.name = '银川市兴庆区掌政镇人民政府';
    const out = await renderPdf(r);
    const pages = await pdfPages(out.data);
    const titleLines = pages[0]!.items.filter((i) => Math.abs(i.size - 22) < 0.1);
    assert.deepEqual(
      titleLines.map((i) => i.str),
      ['银川市兴庆区掌政镇人民政府', '2024年政府信息公开工作年度报告'],
    );
    const centre = PAGE_PT.left + PAGE_PT.blockWidth / 2;
    for (const t of titleLines) assert.ok(Math.abs((t.x + t.right) / 2 - centre) < 1, `${t.str} centred`);
    const last = pages.at(-1)!.items;
    const date = last.find((i) => i.str === '2025年1月20日')!;
    const office = last.find((i) => i.str === '银川市兴庆区掌政镇人民政府' && i.size === 16)!;
    assert.ok(date && office);
    assert.ok(Math.abs(date.right - (PAGE_PT.left + PAGE_PT.blockWidth - 4 * 16)) < 1, `date ends at ${date.right}`);
    assert.ok(Math.abs((office.x + office.right) / 2 - (date.x + date.right) / 2) < 1, 'office centred over the date');
    assert.ok(Math.abs(date.baseline - office.baseline - GRID.linePitch) < 0.1, 'the date on the next line');
  });
});

describe('上报函 (cover letter)', () => {
  it('its own first page, with the county, the office and the date; the report starts on page 2', async () => {
    const r = (await importPath(fixture('reports/zhongning-enhe-2024.txt'))).report;
    const plain = await renderPdf(r);
    const withCover = await renderPdf(r, { cover: { docNumber: '恩政函〔2025〕3号', addressee: '中宁县人民政府办公室', date: '2025年1月20日' } });
    assert.equal(withCover.pages, plain.pages + 1);
    const pages = await pdfPages(withCover.data);
    const p1 = compact(pages[0]!.items.map((i) => i.str).join(''));
    for (const s of ['恩政函〔2025〕3号', '关于报送', '中宁县人民政府办公室：', '附件：', '中宁县恩和镇人民政府', '2025年1月20日']) assert.ok(p1.includes(s), `${s} in ${p1}`);
    const p2 = compact(pages[1]!.items.map((i) => i.str).join(''));
    assert.ok(p2.includes('中宁县恩和镇') && p2.includes('政府信息公开工作年度报告') && !p2.includes('关于报送'), p2.slice(0, 80));
  });
});
