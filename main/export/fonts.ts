/**
 * Finds the fonts for each role of layout.md on this machine (official fonts, Windows fonts,
 * UOS/Kylin fonts), falls back to the open-licence fonts shipped in assets/fonts, and parses
 * each font file once per process: registering a 10–15 MB font from a buffer costs seconds per
 * export, a parsed fontkit object is reused for free.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { appRoot } from '../server/app-root.js';
import type { FontRole } from './layout.js';

// pdfkit (CommonJS) requires fontkit's CommonJS build; an ESM import would load a second copy
// of fontkit (about 150 ms more at the first export). One copy, shared with pdfkit.
const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

export type ParsedFont = Fontkit.Font;

export interface FontChoice {
  /** Human name, for messages and tests. */
  name: string;
  file: string;
  /** PostScript name of the face inside a .ttc, else null. */
  postscriptName: string | null;
  font: ParsedFont;
  /** True when a regular face stands in for a bold one (the title): drawn with a thin outline. */
  embolden: boolean;
  shipped: boolean;
}

interface Candidate {
  name: string;
  /** File names, matched case-insensitively anywhere in the font folders. */
  files: string[];
  /** Face to take from a collection (.ttc). */
  ps?: string;
  embolden?: boolean;
}

/** Shipped fallbacks (assets/fonts). */
const SERIF: Candidate = { name: 'Nianbao Serif SC（思源宋体/Noto Serif CJK 子集）', files: ['NianbaoSerifSC-Regular.ttf'] };
const SANS: Candidate = { name: 'Nianbao Sans SC（思源黑体/Noto Sans CJK 子集）', files: ['NianbaoSansSC-Regular.ttf'] };

/** Per role, best first (layout.md): official fonts, Windows, UOS/Kylin (CESI), then shipped. */
export const CANDIDATES: Record<FontRole, Candidate[]> = {
  title: [
    { name: '方正小标宋简体', files: ['方正小标宋简体.ttf', 'FZXBSJW.TTF', 'FZXBSJW--GB1-0.ttf', 'fzxbsjw.ttf', 'FZXiaoBiaoSong-B05S.ttf', '方正小标宋_GBK.ttf', 'FZXBSK.TTF'] },
    { name: '华文中宋', files: ['STZHONGS.TTF'] },
    { name: 'CESI小标宋', files: ['CESI_XBS_GB2312.TTF', 'CESI_XBS_GB18030.TTF'] },
    { name: '宋体（加粗）', files: ['simsun.ttc'], ps: 'SimSun', embolden: true },
    { ...SERIF, embolden: true },
  ],
  body: [
    { name: '仿宋_GB2312', files: ['仿宋_GB2312.ttf', 'FangSong_GB2312.ttf', 'FS_GB2312.TTF', 'fsgb2312.ttf', 'GB2312FS.TTF'] },
    { name: '仿宋', files: ['simfang.ttf', '仿宋.ttf'] },
    { name: 'CESI仿宋', files: ['CESI_FS_GB2312.TTF', 'CESI_FS_GB18030.TTF', 'CESI_FS_GB13000.TTF'] },
    SERIF,
  ],
  table: [],
  h1: [
    { name: '黑体', files: ['simhei.ttf', '黑体.ttf'] },
    { name: 'CESI黑体', files: ['CESI_HT_GB2312.TTF', 'CESI_HT_GB18030.TTF', 'CESI_HT_GB13000.TTF'] },
    SANS,
  ],
  h2: [
    { name: '楷体_GB2312', files: ['楷体_GB2312.ttf', 'KaiTi_GB2312.ttf', 'KT_GB2312.TTF', 'ktgb2312.ttf'] },
    { name: '楷体', files: ['simkai.ttf', '楷体.ttf'] },
    { name: 'CESI楷体', files: ['CESI_KT_GB2312.TTF', 'CESI_KT_GB18030.TTF', 'CESI_KT_GB13000.TTF'] },
    SERIF,
  ],
  pageNumber: [
    { name: '宋体', files: ['simsun.ttc'], ps: 'SimSun' },
    { name: 'CESI宋体', files: ['CESI_SS_GB2312.TTF', 'CESI_SS_GB18030.TTF'] },
    SERIF,
  ],
};
CANDIDATES.table = CANDIDATES.body;

/**
 * Fonts tried, after a role's own, for characters its font lacks (rare characters of names,
 * CJK Extension A/B): any CJK font on the machine.
 */
const EXTRA_FALLBACKS: Candidate[] = [
  { name: '宋体-ExtB', files: ['simsunb.ttf'] },
  { name: '宋体', files: ['simsun.ttc'], ps: 'SimSun' },
  { name: '新宋体', files: ['simsun.ttc'], ps: 'NSimSun' },
  { name: '微软雅黑', files: ['msyh.ttc'], ps: 'MicrosoftYaHei' },
  { name: '文泉驿微米黑', files: ['wqy-microhei.ttc'] },
  { name: '文泉驿正黑', files: ['wqy-zenhei.ttc'] },
  { name: 'Droid Sans Fallback', files: ['DroidSansFallbackFull.ttf', 'DroidSansFallback.ttf'] },
  { name: '花园明朝', files: ['HanaMinA.ttf', 'HanaMinB.ttf'] },
  SANS,
  SERIF,
];

/** Where fonts live: Windows, Linux (incl. UOS/Kylin), the user's own; NIANBAO_FONT_DIRS adds more. */
export function fontDirs(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string[] {
  const dirs: string[] = [];
  if (env.NIANBAO_FONT_DIRS) dirs.push(...env.NIANBAO_FONT_DIRS.split(platform === 'win32' ? ';' : ':').filter(Boolean));
  if (platform === 'win32') {
    // Fonts installed for the user only (Windows 10 1809 and later) are outside C:\Windows\Fonts.
    dirs.push(win32.join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts'));
    if (env.LOCALAPPDATA) dirs.push(win32.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
  } else {
    // /usr/share/fonts is walked whole: UOS's fonts-cesi, WPS's wps-office folder of 方正 fonts,
    // Kylin's truetype folders all lie under it; WPS for Linux also keeps fonts of its own.
    dirs.push(
      posix.join(home, '.local', 'share', 'fonts'),
      posix.join(home, '.fonts'),
      '/usr/share/fonts/fonts-cesi',
      '/usr/share/fonts/truetype',
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      '/opt/kingsoft/wps-office/office6/fonts',
      '/Library/Fonts',
      '/System/Library/Fonts',
      posix.join(home, 'Library', 'Fonts'),
    );
  }
  return dirs;
}

export function shippedFontDir(): string {
  return process.env.NIANBAO_SHIPPED_FONTS ?? join(appRoot(), 'assets', 'fonts');
}

/** lower-cased file name → path, for every font file under the font folders (once per process). */
let fileIndex: Map<string, string> | null = null;

function indexFontFiles(): Map<string, string> {
  if (fileIndex) return fileIndex;
  const out = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (dir: string, depth: number) => {
    if (depth > 5 || seen.has(dir)) return;
    seen.add(dir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (/\.(ttf|ttc|otf)$/i.test(e.name)) {
        const key = e.name.toLowerCase();
        if (!out.has(key)) out.set(key, p);
      } else if (e.isDirectory()) {
        walk(p, depth + 1);
      } else if (e.isSymbolicLink()) {
        try {
          if (statSync(p).isDirectory()) walk(p, depth + 1);
        } catch {
          /* dangling link: skip */
        }
      }
    }
  };
  for (const d of fontDirs()) walk(d, 0);
  return (fileIndex = out);
}

const parsed = new Map<string, ParsedFont | null>();

/** Parses a font file once per process. Only TrueType outlines: CFF collections embed slowly. */
export function loadFont(file: string, ps?: string | null): ParsedFont | null {
  const key = `${file}#${ps ?? ''}`;
  if (parsed.has(key)) return parsed.get(key)!;
  let font: ParsedFont | null = null;
  try {
    const buf = readFileSync(file);
    const f = fontkit.create(buf, ps ?? undefined) as ParsedFont | Fontkit.FontCollection;
    const face = 'fonts' in f ? pickFace(f, ps) : f;
    if (face && isUsable(face)) font = face;
  } catch {
    font = null;
  }
  parsed.set(key, font);
  return font;
}

function pickFace(c: Fontkit.FontCollection, ps?: string | null): ParsedFont | null {
  const fonts = c.fonts;
  if (ps) return fonts.find((f) => f.postscriptName === ps) ?? null;
  return fonts.find((f) => /SC|GB|CN|Hans/i.test(f.postscriptName)) ?? fonts[0] ?? null;
}

function isUsable(f: ParsedFont): boolean {
  const tables = (f as unknown as { directory?: { tables?: Record<string, unknown> } }).directory?.tables ?? {};
  return 'glyf' in tables && f.hasGlyphForCodePoint(0x4e00) && f.hasGlyphForCodePoint(0x3002);
}

function resolve(c: Candidate, shippedOnly: boolean): FontChoice | null {
  const shipped = c === SERIF || c === SANS || (c.files[0] === SERIF.files[0] || c.files[0] === SANS.files[0]);
  for (const fname of c.files) {
    let path: string | undefined;
    if (shipped) {
      const p = join(shippedFontDir(), fname);
      path = existsSync(p) ? p : undefined;
    } else if (!shippedOnly) {
      path = indexFontFiles().get(fname.toLowerCase());
    }
    if (!path) continue;
    const font = loadFont(path, c.ps ?? null);
    if (font) return { name: c.name, file: path, postscriptName: c.ps ?? null, font, embolden: !!c.embolden, shipped };
  }
  return null;
}

export interface FontSet {
  /** The font of each role, then fonts to try for characters it lacks. */
  chains: Record<FontRole, FontChoice[]>;
}

let cachedSets = new Map<string, FontSet>();

/**
 * The fonts for an export. `NIANBAO_FONTS=shipped` uses only the shipped fonts (tests, and a
 * machine whose fonts misbehave).
 */
export function fontSet(env: Record<string, string | undefined> = process.env): FontSet {
  const shippedOnly = env.NIANBAO_FONTS === 'shipped';
  const key = shippedOnly ? 'shipped' : 'system';
  const hit = cachedSets.get(key);
  if (hit) return hit;
  const shipped = [SERIF, SANS].map((c) => resolve(c, true)).filter((x): x is FontChoice => x !== null);
  const chains = {} as Record<FontRole, FontChoice[]>;
  for (const role of Object.keys(CANDIDATES) as FontRole[]) {
    const own = CANDIDATES[role].map((c) => resolve(c, shippedOnly)).find((x): x is FontChoice => x !== null);
    const chain: FontChoice[] = own ? [own] : [];
    for (const e of shipped) if (!chain.some((x) => x.font === e.font)) chain.push({ ...e, embolden: false });
    if (chain.length === 0) throw new Error('找不到可用的中文字体：安装文件夹中的 assets/fonts 缺失，请重新安装年报助手。');
    chains[role] = chain;
    chainSource.set(chain, shippedOnly);
  }
  const set = { chains };
  cachedSets.set(key, set);
  return set;
}

/** Which search a chain came from (shipped only or the whole machine), until it is extended. */
const chainSource = new WeakMap<FontChoice[], boolean>();
const extraCache = new Map<boolean, FontChoice[]>();

/**
 * The other CJK fonts on the machine, for characters neither the role's font nor the shipped
 * fonts have (CJK Extension B names): opened only when such a character turns up, so a usual
 * export reads no font file it does not print with.
 */
function extraFonts(shippedOnly: boolean): FontChoice[] {
  let out = extraCache.get(shippedOnly);
  if (!out) {
    out = EXTRA_FALLBACKS.map((c) => resolve(c, shippedOnly)).filter((x): x is FontChoice => x !== null);
    extraCache.set(shippedOnly, out);
  }
  return out;
}

/** For tests: forget what was found (not what was parsed). */
export function resetFontSearch(): void {
  fileIndex = null;
  cachedSets = new Map();
  extraCache.clear();
}

/** The first font of the chain that has the character, or null (reported as missing). */
export function fontFor(chain: FontChoice[], cp: number): FontChoice | null {
  for (const f of chain) if (f.font.hasGlyphForCodePoint(cp)) return f;
  const source = chainSource.get(chain);
  if (source === undefined) return null;
  // First character no font of the chain has: bring in the machine's other CJK fonts, once.
  chainSource.delete(chain);
  for (const e of extraFonts(source)) if (!chain.some((x) => x.font === e.font)) chain.push({ ...e, embolden: false });
  return fontFor(chain, cp);
}

/** Characters that need no glyph (spaces, controls). */
export function isInvisible(cp: number): boolean {
  return cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp === 0x3000 || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff;
}
