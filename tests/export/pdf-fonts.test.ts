/**
 * Font search and parsing: the fonts of layout.md are looked for in the machine's font folders in
 * their order, the shipped fonts stand in when none is there, and each file is parsed once per
 * process. A folder given in NIANBAO_FONT_DIRS holds real font files under the names the
 * official and Windows fonts have (copies of the shipped fonts: the search goes by file name).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fontDirs, fontFor, fontSet, loadFont, resetFontSearch, shippedFontDir } from '../../main/export/fonts.js';
import { renderPdf } from '../../main/export/pdf.js';
import { importPath } from '../../main/import/index.js';
import { fixture } from '../helpers/fixtures.js';
import { poppler } from './pdf-read.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-fonts-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const SERIF = join(shippedFontDir(), 'NianbaoSerifSC-Regular.ttf');
const SANS = join(shippedFontDir(), 'NianbaoSansSC-Regular.ttf');

describe('PDF fonts: search and parsing', () => {
  it('font folders: Windows (system and per-user), Linux incl. UOS/Kylin and WPS folders, then NIANBAO_FONT_DIRS first', () => {
    const win = fontDirs({ WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' }, 'win32', 'C:\\Users\\li');
    assert.deepEqual(win, ['C:\\Windows\\Fonts', 'C:\\Users\\li\\AppData\\Local\\Microsoft\\Windows\\Fonts']);
    const linux = fontDirs({ NIANBAO_FONT_DIRS: '/a:/b' }, 'linux', '/home/li');
    assert.deepEqual(linux.slice(0, 4), ['/a', '/b', '/home/li/.local/share/fonts', '/home/li/.fonts']);
    for (const d of ['/usr/share/fonts', '/usr/share/fonts/fonts-cesi', '/usr/local/share/fonts', '/opt/kingsoft/wps-office/office6/fonts']) assert.ok(linux.includes(d), d);
  });

  it('a bare machine: the shipped open-licence fonts for every role', () => {
    resetFontSearch();
    const set = fontSet({ NIANBAO_FONTS: 'shipped' });
    for (const role of ['title', 'body', 'h2', 'pageNumber', 'table'] as const) assert.match(set.chains[role][0]!.name, /Nianbao Serif SC/);
    assert.match(set.chains.h1[0]!.name, /Nianbao Sans SC/);
    assert.ok(set.chains.title[0]!.embolden, 'the title stands in for a bold Song with an outlined regular face');
  });

  it('finds the fonts of layout.md by their file names, best first; roles with none keep the shipped font', async () => {
    const fonts = join(dir, 'fonts');
    const sub = join(fonts, 'wps-office'); // a sub-folder, as WPS and font packages install them
    mkdirSync(sub, { recursive: true });
    symlinkSync(SERIF, join(fonts, 'simfang.ttf')); // Windows 仿宋
    symlinkSync(SANS, join(sub, 'SIMHEI.TTF')); // Windows 黑体, upper case as on old Windows
    symlinkSync(SERIF, join(sub, 'STZHONGS.TTF')); // 华文中宋 for the title
    process.env.NIANBAO_FONT_DIRS = fonts;
    try {
      resetFontSearch();
      let set = fontSet({});
      assert.equal(set.chains.body[0]!.name, '仿宋');
      assert.equal(set.chains.table[0]!.name, '仿宋');
      assert.equal(set.chains.h1[0]!.name, '黑体');
      assert.equal(set.chains.title[0]!.name, '华文中宋');
      assert.equal(set.chains.title[0]!.embolden, false);
      assert.match(set.chains.h2[0]!.name, /Nianbao Serif SC/); // no 楷体 here
      // The official 仿宋_GB2312 goes before Windows' 仿宋 once it is installed.
      symlinkSync(SERIF, join(sub, 'FangSong_GB2312.ttf'));
      resetFontSearch();
      set = fontSet({});
      assert.equal(set.chains.body[0]!.name, '仿宋_GB2312');

      const report = (await importPath(fixture('reports/zhongning-enhe-2024.txt'))).report;
      const out = await renderPdf(report);
      assert.equal(out.fonts.body, '仿宋_GB2312');
      assert.equal(out.fonts.h1, '黑体');
      assert.deepEqual(out.missingChars, []);
      for (const row of poppler('pdffonts', out.data).trim().split('\n').slice(2)) assert.match(row, /yes\s+yes\s+yes/);
    } finally {
      delete process.env.NIANBAO_FONT_DIRS;
      resetFontSearch();
    }
  });

  it('the shipped fonts cover the CJK Unified Ideographs block (all of U+4E00–U+9FA5), CJK punctuation and full-width forms', () => {
    for (const file of [SERIF, SANS]) {
      const font = loadFont(file)!;
      const lacks = (from: number, to: number) => {
        const out: number[] = [];
        for (let cp = from; cp <= to; cp++) if (!font.hasGlyphForCodePoint(cp)) out.push(cp);
        return out;
      };
      assert.deepEqual(lacks(0x4e00, 0x9fa5), [], file);
      // Only the latest additions at the end of the block (Unicode 13 and later), which Noto lacks too.
      assert.ok(lacks(0x9fa6, 0x9fff).every((cp) => cp >= 0x9feb), file);
      assert.deepEqual(lacks(0x3001, 0x3011), [], file);
      assert.deepEqual(lacks(0xff01, 0xff5e), [], file);
      for (const ch of '堃珺昇“”‘’…—·') assert.ok(font.hasGlyphForCodePoint(ch.codePointAt(0)!), `${file}: ${ch}`);
    }
  });

  it('other CJK fonts of the machine (宋体-ExtB…) are opened only when a character needs them', () => {
    const fonts = join(dir, 'extb');
    mkdirSync(fonts, { recursive: true });
    symlinkSync(SANS, join(fonts, 'simsunb.ttf'));
    process.env.NIANBAO_FONT_DIRS = fonts;
    try {
      resetFontSearch();
      const chain = fontSet({}).chains.body;
      assert.deepEqual(
        chain.map((f) => f.file),
        [SERIF, SANS],
      );
      assert.equal(fontFor(chain, 0x4e00)?.file, SERIF);
      assert.equal(chain.length, 2, 'nothing opened for a character the chain has');
      assert.equal(fontFor(chain, 0x2003e), null, 'a character no font has');
      assert.ok(chain.some((f) => f.name === '宋体-ExtB' && f.file === join(fonts, 'simsunb.ttf')), 'the extra fonts joined the chain');
    } finally {
      delete process.env.NIANBAO_FONT_DIRS;
      resetFontSearch();
    }
  });

  it('each font file is parsed once per process: the same parsed object every time', () => {
    const a = loadFont(SERIF);
    assert.ok(a);
    assert.equal(loadFont(SERIF), a);
    resetFontSearch();
    assert.equal(fontSet({ NIANBAO_FONTS: 'shipped' }).chains.body[0]!.font, a);
    // Not a TrueType CJK font: refused (and remembered as refused).
    assert.equal(loadFont(join(shippedFontDir(), 'OFL.txt')), null);
  });

  it('a warm export reuses the parsed fonts: many times faster than the first', async () => {
    const report = (await importPath(fixture('reports/xingqing-zhangzheng-2023.txt'))).report;
    const t0 = performance.now();
    await renderPdf(report);
    const t1 = performance.now();
    await renderPdf(report);
    const t2 = performance.now();
    // Generous bound for a loaded 2-core machine; the bench measures it properly.
    assert.ok(t2 - t1 < 2000, `warm export took ${Math.round(t2 - t1)} ms (first ${Math.round(t1 - t0)} ms)`);
  });
});
