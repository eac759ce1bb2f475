#!/usr/bin/python3
"""Makes the fallback fonts shipped in assets/fonts/ from Debian's fonts-noto-cjk.

The PDF exporter embeds the best CJK fonts it finds on the clerk's machine and falls back to
these, so export works on a bare machine. Noto CJK ships as CFF (PostScript) outlines inside
.ttc collections; we take the SC face, subset it to the CJK Unified Ideographs basic block
(U+4E00-U+9FFF) plus punctuation, full-width forms, ASCII and common symbols, and convert the
outlines to TrueType quadratics (cu2qu) because TrueType parses and subsets fastest in fontkit.

Needs: Debian packages fonts-noto-cjk and python3-fonttools.
Run:   /usr/bin/python3 scripts/make-fonts.py   (a few minutes per weight)
Licence: SIL Open Font License 1.1 (assets/fonts/OFL.txt). The OFL reserves the name "Noto",
so the subsets are renamed (NianbaoSerifSC / NianbaoSansSC) as modified versions.
"""
import os
import sys
from fontTools.ttLib import TTCollection, newTable
from fontTools.subset import Subsetter, Options
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.cu2quPen import Cu2QuPen

NOTO = '/usr/share/fonts/opentype/noto'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'assets', 'fonts')

FONTS = [
    # (collection, postscript name of the face, output file, family name)
    ('NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular', 'NianbaoSerifSC-Regular.ttf', 'Nianbao Serif SC'),
    ('NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular', 'NianbaoSansSC-Regular.ttf', 'Nianbao Sans SC'),
]

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (°, ×, ÷, ·)
    (0x2010, 0x2027),  # dashes, quotes, bullets, ellipsis
    (0x2030, 0x203B),  # ‰ ′ ″ ※
    (0x2160, 0x217F),  # Roman numerals Ⅰ Ⅱ
    (0x2460, 0x24FF),  # ①②
    (0x2190, 0x2199),  # arrows
    (0x2212, 0x2212), (0x2236, 0x2236), (0x2248, 0x2248), (0x2264, 0x2265),
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25CF),  # ■□▲△○●
    (0x2605, 0x2606),  # ★☆
    (0x3000, 0x303F),  # CJK symbols and punctuation 、。〈〉《》「」『』【】〔〕
    (0x3200, 0x32FF),  # enclosed CJK ㈠
    (0x30FB, 0x30FB),  # ・
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs (basic block)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFFE0, 0xFFE6),  # ￥ etc.
]


def unicodes():
    out = []
    for a, b in RANGES:
        out.extend(range(a, b + 1))
    return out


def to_truetype(font):
    """CFF → glyf with quadratic curves (the otf2ttf recipe of fontTools' snippets)."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    maxp = font['maxp']
    maxp.tableVersion = 0x00010000
    for attr in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                 'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    post = font['post']
    post.formatType = 3.0  # no glyph names: smaller, and CID names mean nothing
    font['head'].indexToLocFormat = 1
    font['head'].glyphDataFormat = 0
    font.sfntVersion = '\x00\x01\x00\x00'
    font['gasp'] = newTable('gasp')
    font['gasp'].gaspRange = {0xFFFF: 0x000F}


def rename(font, family, ps):
    name = font['name']
    keep = []
    for rec in name.names:
        if rec.nameID in (1, 4, 16, 21):
            rec.string = family if rec.nameID in (1, 16, 21) else family + ' Regular'
        elif rec.nameID == 3:
            rec.string = 'Nianbao:' + ps
        elif rec.nameID == 6:
            rec.string = ps
        keep.append(rec)
    name.names = keep


def main():
    os.makedirs(OUT, exist_ok=True)
    only = sys.argv[1:]
    for ttc, psname, outname, family in FONTS:
        if only and outname not in only:
            continue
        coll = TTCollection(os.path.join(NOTO, ttc))
        font = next(f for f in coll.fonts if f['name'].getDebugName(6) == psname)
        opts = Options()
        opts.layout_features = ['vert', 'vrt2', 'kern', 'palt', 'halt']
        opts.name_IDs = ['*']
        opts.name_languages = ['*']
        opts.notdef_outline = True
        opts.hinting = False
        opts.desubroutinize = True
        sub = Subsetter(opts)
        sub.populate(unicodes=unicodes())
        sub.subset(font)
        to_truetype(font)
        ps = outname[:-4]
        rename(font, family, ps)
        path = os.path.join(OUT, outname)
        font.save(path)
        print(f'{outname}: {os.path.getsize(path) / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs')


if __name__ == '__main__':
    main()
