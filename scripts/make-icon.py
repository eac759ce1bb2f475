#!/usr/bin/python3
"""Draws assets/icon.svg: a red square seal reading 年报, the glyphs as outlines from Noto Serif
CJK Bold (so the icon needs no font). `node scripts/make-icon.mjs` rasterises it to icon.png."""
import sys
from fontTools.ttLib import TTCollection
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen

FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc'
coll = TTCollection(FONT)
font = next(f for f in coll.fonts if 'SC' in f['name'].getDebugName(1))
cmap = font.getBestCmap()
glyphs = font.getGlyphSet()
upm = font['head'].unitsPerEm

def glyph_path(ch, x, y, size):
    pen = SVGPathPen(glyphs)
    s = size / upm
    # font units are y-up; the em box's baseline sits at 0.88 em from its top
    tp = TransformPen(pen, (s, 0, 0, -s, x, y + 0.88 * size))
    glyphs[cmap[ord(ch)]].draw(tp)
    return pen.getCommands()

red = '#c8161d'
# Seal: two characters side by side, in a thick rounded frame.
parts = [
    f'<rect x="16" y="16" width="480" height="480" rx="56" fill="{red}"/>',
    '<rect x="52" y="52" width="408" height="408" rx="30" fill="none" stroke="#fff" stroke-width="14"/>',
    f'<path fill="#fff" d="{glyph_path("年", 76, 150, 190)}"/>',
    f'<path fill="#fff" d="{glyph_path("报", 250, 150, 190)}"/>',
]
svg = '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">' + ''.join(parts) + '</svg>\n'
open(sys.argv[1] if len(sys.argv) > 1 else 'assets/icon.svg', 'w').write(svg)
