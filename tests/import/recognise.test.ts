import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { importBuffer } from '../../main/import/index.js';
import { readDocx } from '../../main/import/readers/docx.js';
import { htmlToDocument } from '../../main/import/readers/html.js';
import { pageLines, readPdf, unspace } from '../../main/import/readers/pdf.js';
import { readText } from '../../main/import/readers/text.js';
import { recognise } from '../../main/import/recognise/index.js';
import { dateLine } from '../../main/import/recognise/meta.js';
import { fixture } from '../helpers/fixtures.js';

const enc = (s: string) => new TextEncoder().encode(s);
const zhongning = readFileSync(fixture('reports/zhongning-enhe-2024.txt'), 'utf8');

describe('recogniser', () => {
  it('reads dates in arabic and Chinese numerals', () => {
    assert.equal(dateLine('2024年1月29日'), '2024-01-29');
    assert.equal(dateLine('二〇二四年一月二十九日'), '2024-01-29');
    assert.equal(dateLine('2025 年 2 月 30 日'), null);
  });

  it('keeps a cover letter apart from the preamble', async () => {
    const cover = '恩和镇人民政府\n恩政发〔2025〕3号\n中宁县人民政府办公室：\n现将《中宁县恩和镇2024年政府信息公开工作年度报告》报送你们，请审阅。\n中宁县恩和镇人民政府\n2025年1月20日\n';
    const withDate = zhongning.trimEnd() + '\n\n中宁县恩和镇人民政府\n二〇二五年一月二十日\n';
    const r = await importBuffer('r.txt', enc(cover + withDate));
    assert.equal(r.report.cover?.docNumber, '恩政发〔2025〕3号');
    assert.equal(r.report.cover?.addressee, '中宁县人民政府办公室');
    assert.match(r.report.cover?.body ?? '', /^现将/);
    assert.equal(r.report.cover?.date, '2025-01-20');
    assert.match(r.report.preamble ?? '', /^根据《中华人民共和国政府信息公开条例》/);
    assert.equal(r.report.title, '中宁县恩和镇2024年政府信息公开工作年度报告');
    assert.equal(r.report.issuedOn, '2025-01-20');
    assert.equal(r.report.signature, '中宁县恩和镇人民政府');
    assert.equal(r.report.tables.applications?.new?.[0], 2);
  });

  it('reads the same report in UTF-16 and GB18030', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(zhongning, 'utf16le'))]);
    const a = await importBuffer('r.txt', utf16);
    assert.equal(a.report.office.name, '中宁县恩和镇人民政府');
    const gb = new Uint8Array(readFileSync(new URL('./fixtures/zhongning-enhe-2024.html', import.meta.url)));
    const b = await importBuffer('r.html', gb);
    assert.equal(b.source.kind, 'html');
    assert.equal(b.report.office.name, '中宁县恩和镇人民政府');
    assert.deepEqual(b.report.tables.reviews?.review, [0, 1, 0, 0, 1]);
    assert.equal(b.report.tables.active?.penalty?.decisions, 8);
  });

  it('reads an HTML table with rowspan and colspan as a grid', () => {
    const doc = htmlToDocument(
      '<table><tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>3</td></tr><tr><td>（二）部分公开&nbsp;</td><td>x</td><td>4</td></tr></table>',
    );
    const t = doc.blocks[0];
    assert.equal(t.kind, 'table');
    if (t.kind !== 'table') return;
    assert.equal(t.rows[0][0].rowSpan, 2);
    assert.equal(t.rows[0][1].colSpan, 2);
    assert.equal(t.rows[1][0].col, 1);
    assert.equal(t.rows[1][0].text, '（二）部分公开');
  });

  it('finds headings in their real-world forms and keeps the wording', () => {
    const doc = {
      blocks: [
        '某某县某某镇2024年政府信息公开工作年度报告',
        '根据《中华人民共和国政府信息公开条例》，现发布本报告。',
        '一、2024 年某某镇政府信息公开总体情况',
        '(一)主动公开。2024 年,本镇主动公开信息 10 条。',
        '**（二）依申请公开方面。**本年未收到申请。',
        '二、主动公开政府信息情况',
        '第二十条第（一）项\t\t\t',
        '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
        '规章\t1\t0\t2',
        '五、存在的问题和下一步工作计划',
        '人员不足。',
        '六、其他需要报告的事项',
        '本年度未收取信息处理费。',
      ].map((text) => ({ kind: 'paragraph' as const, text })),
    };
    const r = recognise(doc, { fileName: 'x.txt', kind: 'text', at: '2025-01-01T00:00:00.000Z' });
    assert.deepEqual(
      r.report.sections.overview.map((p) => p.heading),
      ['（一）主动公开', '（二）依申请公开方面'],
    );
    assert.equal(r.report.sections.overview[0].text, '2024 年,本镇主动公开信息 10 条。');
    assert.equal(r.report.headings?.problems, '存在的问题和下一步工作计划');
    assert.deepEqual(r.report.tables.active?.regulations, { issued: 1, repealed: 0, inForce: 2 });
    assert.equal(r.report.tables.active?.normativeDocs, null);
    assert.equal(r.report.tables.applications, null);
    assert.equal(r.report.office.name, '某某县某某镇人民政府');
    assert.ok(r.notes.some((n) => n.status === 'notFound' && n.field === 'tables.reviews'));
  });

  it('reads the same tables however the text was flattened: spaces, markdown tables, one cell per line, CRLF and full-width brackets', async () => {
    const expected = JSON.parse(readFileSync(fixture('expected/zhongning-enhe-2024.json'), 'utf8')) as { tables: unknown };
    const variants: Record<string, string> = {
      spaces: zhongning.replace(/\t+/g, ' '),
      markdown: zhongning
        .split('\n')
        .map((l) => (l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : l))
        .join('\n'),
      onePerLine: zhongning
        .split('\n')
        .map((l) => (l.includes('\t') ? l.split('\t').filter((c) => c.trim()).join('\n') : l))
        .join('\n'),
      crlfFullWidth: zhongning.replace(/\n/g, '\r\n').replace(/\(/g, '（').replace(/\)/g, '）'),
    };
    for (const [name, text] of Object.entries(variants)) {
      const r = await importBuffer(`${name}.txt`, enc(text));
      assert.deepEqual(r.report.tables, expected.tables, name);
    }
  });

  it('every note that points into the source names a real block (and page), headings and title at their own text', async () => {
    const cases = [
      { file: 'documents/zhongning-enhe-2024.docx', read: readDocx, kind: 'docx' as const },
      { file: 'documents/huaian-city-2024.pdf', read: readPdf, kind: 'pdf' as const },
      { file: 'reports/yongning-lijun-2023.txt', read: readText, kind: 'text' as const },
    ];
    for (const c of cases) {
      const doc = await c.read(new Uint8Array(readFileSync(fixture(c.file))));
      const r = recognise(doc, { fileName: c.file, kind: c.kind, at: '2025-01-01T00:00:00.000Z' });
      const pointed = r.notes.filter((n) => n.source);
      // Six sections (less the ones a file lacks), the title and the three tables at least.
      assert.ok(pointed.length >= 8, `${c.file}: ${pointed.length}`);
      for (const n of pointed) {
        const at = n.source!;
        const b = doc.blocks[at.block!];
        assert.ok(b, `${c.file}: ${n.what} → block ${at.block}`);
        if (c.kind === 'pdf') assert.ok(at.page !== undefined && at.page === b.page, `${c.file}: ${n.what} page`);
        if (n.field === 'title' || n.field?.startsWith('sections.')) {
          assert.equal(b.kind, 'paragraph');
          if (b.kind === 'paragraph') assert.ok(b.text.replace(/[#*\s]/g, '').includes((at.excerpt ?? '').replace(/\s/g, '')), `${c.file}: ${n.what}: ${b.text}`);
        }
      }
    }
  });

  it('PDF lines: letter-spaced justification is not text; an indented first line starts a paragraph', () => {
    assert.equal(unspace('本报告电 子 版 可 在 中 宁 县 门 户 网 站 （ h t t p s : // w w w.znzf.gov.cn）查阅'), '本报告电子版可在中宁县门户网站（https://www.znzf.gov.cn）查阅');
    assert.equal(unspace('统计期限为 2024 年 1 月 1 日至 2024 年 12 月 31 日'), '统计期限为 2024 年 1 月 1 日至 2024 年 12 月 31 日');
    assert.equal(unspace('结 果\t结 果\t其 他\t尚 未\t0 0\t1'), '结果\t结果\t其他\t尚未\t0 0\t1');
    assert.equal(unspace('务 公 开 办 公 室 ， 电 话 ： 0 9 5 4 - 6 6 4 8'), '务公开办公室，电话：0954-6648');
    const item = (str: string, x: number, y: number) => ({ str, x, y, w: str.length * 16, h: 16 });
    const lines = pageLines([
      item('（一）主动公开情况。全年主动公开信息一百条，其中', 90, 700),
      item('规范性文件十条。', 90, 680),
      item('二是加强政策解读，制作图解十个，回应关切五次。', 122, 660),
      item('全年无重大舆情。', 90, 640),
    ]);
    assert.deepEqual(lines.map((l) => l.startsWith('\u3000\u3000')), [false, false, true, false]);
  });

  it('PDF prose: a line ending with 。 runs on unless the next line is indented; a lone office name at the end is the signature', () => {
    const body = [
      '某某县某某镇2024年政府信息公开工作年度报告',
      '\u3000\u3000本报告所列数据统计期限为2024年1月1日至2024年12月31日。',
      '一、总体情况',
      '\u3000\u3000本年度我镇通过政府网站和公开栏主动公开各类政府信息一百二十条。',
      '其中规范性文件十条，行政处罚八件，均已按规定公开。',
      '\u3000\u3000第二段从这里开始，内容是监督保障方面的工作。',
      '二、主动公开政府信息情况',
      '五、存在的主要问题及改进情况',
      '\u3000\u3000人员不足，培训不够，公开内容还不够全面及时。',
      '六、其他需要报告的事项',
      '\u3000\u3000本年度未收取信息处理费。',
      '某某县某某镇人民政府',
    ];
    const doc = { blocks: body.map((text) => ({ kind: 'paragraph' as const, text })) };
    const pdf = recognise(doc, { fileName: 'x.pdf', kind: 'pdf', at: '2025-01-01T00:00:00.000Z' });
    assert.deepEqual(pdf.report.sections.overview[0].text.split('\n'), [
      '本年度我镇通过政府网站和公开栏主动公开各类政府信息一百二十条。其中规范性文件十条，行政处罚八件，均已按规定公开。',
      '第二段从这里开始，内容是监督保障方面的工作。',
    ]);
    assert.equal(pdf.report.signature, '某某县某某镇人民政府');
    assert.deepEqual(pdf.report.sections.other, [{ heading: '', text: '本年度未收取信息处理费。' }]);
    // Text files carry no measured indentation: a line ending with 。 ends its paragraph.
    const txt = recognise(doc, { fileName: 'x.txt', kind: 'text', at: '2025-01-01T00:00:00.000Z' });
    assert.equal(txt.report.sections.overview[0].text.split('\n').length, 3);
  });

  it('a cover letter’s 附件 line is not the title; a web page’s <title> repeated by its <h1> is not preamble', async () => {
    const cover = '中宁县恩和镇人民政府\n关于报送2024年政府信息公开工作年度报告的函\n中宁县人民政府办公室：\n现将我镇年度报告报送你们，请审阅。\n附件：中宁县恩和镇2024年政府信息公开工作年度报告\n中宁县恩和镇人民政府\n2025年1月20日\n';
    const r = await importBuffer('r.txt', enc(cover + zhongning));
    assert.equal(r.report.title, '中宁县恩和镇2024年政府信息公开工作年度报告');
    assert.match(r.report.preamble ?? '', /^根据《中华人民共和国政府信息公开条例》/);
    assert.ok(r.report.cover);
    const page = '<html><head><title>中宁县恩和镇2024年政府信息公开工作年度报告</title></head><body><h1>中宁县恩和镇2024年政府信息公开工作年度报告</h1>' +
      zhongning
        .split('\n')
        .slice(zhongning.split('\n').findIndex((l) => l.endsWith('年度报告')) + 1) // the page's own title is the <h1>
        .map((l) => `<p>${l.replace(/</g, '&lt;')}</p>`)
        .join('') +
      '</body></html>';
    const h = await importBuffer('r.html', enc(page));
    assert.equal(h.report.title, '中宁县恩和镇2024年政府信息公开工作年度报告');
    assert.match(h.report.preamble ?? '', /^根据《中华人民共和国政府信息公开条例》/);
  });

  it('a table running onto a new page with its column header repeated (「…总计」) keeps its rows', async () => {
    const expected = JSON.parse(readFileSync(fixture('expected/zhongning-enhe-2024.json'), 'utf8')) as { tables: unknown };
    const lines = zhongning.split('\n');
    const header = lines.filter((l) => /勾稽关系|自然人|商业企业/.test(l));
    assert.equal(header.length, 3);
    const at = lines.findIndex((l) => l.includes('本机关不掌握相关政府信息'));
    // As a PDF gives it: the label's last character wrapped below the figures.
    const row = lines[at].replace('相关政府信息', '相关政府信');
    const repeated = [...lines.slice(0, at), '- 3 -', ...header, '\t\t\t\t\t\t\t\t总计', row, '息', ...lines.slice(at + 1)].join('\n');
    const r = await importBuffer('r.txt', enc(repeated));
    assert.deepEqual(r.report.tables, expected.tables);
    assert.ok(!r.notes.some((n) => n.status === 'uncertain'), JSON.stringify(r.notes.filter((n) => n.status === 'uncertain')));
  });
});
