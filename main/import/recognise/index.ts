import type { ImportNote, SourceKind } from '../../../shared/import-types.js';
import { partsFromText, partsToText, ReportSchema, SCHEMA_ID } from '../../../shared/model/report.js';
import type { Cover, Office, Part, Report } from '../../../shared/model/report.js';
import { standardHeading } from '../../../shared/templates/index.js';
import type { SectionId } from '../../../shared/templates/index.js';
import type { NeutralDocument } from '../document.js';
import { importFailed } from '../errors.js';
import { matchHeading, ORDER, plainLine, splitSubHeading } from './headings.js';
import { contactDetails, dateLine, isSignatureLine, looksLikeCoverLine, officeName, readCover } from './meta.js';
import { unify } from './normalise.js';
import { detectFormat, readTables } from './tables.js';
import { INDENT } from './normalise.js';
import { isSentenceCells, tokenize } from './tokens.js';

/**
 * The one recogniser: a neutral document in, a report and notes out. Every format reader feeds
 * it; nothing here knows where the blocks came from.
 */

export interface Recognised {
  report: Report;
  notes: ImportNote[];
}

export interface RecogniseSource {
  fileName: string;
  kind: SourceKind;
  /** ISO time of the import; passed in so the recogniser stays pure. */
  at: string;
}

interface Line {
  text: string;
  block: number;
  page?: number;
  table: boolean;
}

function linesOf(doc: NeutralDocument): Line[] {
  const out: Line[] = [];
  doc.blocks.forEach((b, block) => {
    const base = b.page !== undefined ? { block, page: b.page } : { block };
    if (b.kind === 'paragraph') {
      for (const text of b.text.split('\n')) out.push({ ...base, text, table: false });
    } else {
      for (const row of b.rows) {
        const cells = row.map((c) => c.text.replace(/\s*\n\s*/g, '')).filter((t) => t.trim() !== '');
        out.push({ ...base, text: cells.join('\t'), table: true });
      }
    }
  });
  return out;
}

/** A sentence that a layout split into cells (justified PDF text): prose, not a table row. */
function isProseLine(s: string): boolean {
  return isSentenceCells(s.split('\t'));
}

const excerpt = (s: string) => plainLine(s).slice(0, 60);

/** plainLine, but a measured paragraph indent stays for joinWrapped to see. */
const keepIndent = (s: string) => (s.startsWith(INDENT) ? INDENT : '') + plainLine(s);

/** Lines at least this long that do not end a sentence are taken as broken by the page width. */
const WRAP_AT = 25;

/**
 * The length a line must reach to count as wrapped: 25 characters, or less in a narrow layout
 * (a PDF with about 26 characters a line, where a paragraph's indented first line has 24).
 */
function wrapLength(lines: Line[]): number {
  const lens = lines.filter((l) => !l.table && l.text.trim() !== '').map((l) => plainLine(l.text).length);
  if (lens.length < 20) return WRAP_AT;
  lens.sort((a, b) => a - b);
  const p75 = lens[Math.floor(lens.length * 0.75)];
  return Math.max(12, Math.min(WRAP_AT, Math.floor(p75 * 0.8)));
}

interface Wrapping {
  /** Line length from which a line without a sentence end runs on. */
  at: number;
  /**
   * The layout marks paragraphs by indenting their first line (a PDF's text layer): a line
   * that is not indented continues the one above, even when that one ends with 。.
   */
  indents: boolean;
}

const PLAIN_WRAP: Wrapping = { at: WRAP_AT, indents: false };

/** Joins lines that a page width broke in the middle of a sentence. */
function joinWrapped(lines: string[], wrap: Wrapping = PLAIN_WRAP): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') continue;
    const prev = out.length ? out[out.length - 1] : null;
    const indented = wrap.indents && line.startsWith(INDENT);
    const startsNew = indented || /^\s*(\*\*|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}[.、．]|#)/.test(line);
    const ended = /[。！？；：:!?;）)”"」】]$/.test(prev ?? '');
    if (prev !== null && !startsNew && prev.length >= wrap.at && (!ended || wrap.indents)) out[out.length - 1] = prev + line.trim();
    else out.push(line.trim());
  }
  return out;
}

/** Prose into parts: sub-part headings on their own line or inline at the start of a paragraph. */
function toParts(lines: string[], wrap: Wrapping = PLAIN_WRAP): Part[] {
  const parts: Part[] = [];
  let cur: Part = { heading: '', text: '' };
  const push = () => {
    if (cur.heading !== '' || cur.text.trim() !== '') parts.push({ heading: cur.heading, text: cur.text.trim() });
  };
  for (const line of joinWrapped(lines, wrap)) {
    // The blank form's prompts (「（文字描述）」) are not content.
    if (/^[（(][^（()）]*(文字描述|在此处|此处报告)[^（()）]*[）)]$/.test(plainLine(line))) continue;
    const sub = splitSubHeading(line);
    if (sub) {
      push();
      cur = { heading: sub.heading, text: plainLine(sub.text) };
    } else {
      const t = plainLine(line).replace(/\t+/g, ' ');
      cur.text += (cur.text ? '\n' : '') + t;
    }
  }
  push();
  return parts;
}

export function recognise(doc: NeutralDocument, source: RecogniseSource): Recognised {
  const lines = linesOf(doc);
  // Only the PDF reader writes indentation it measured; elsewhere leading spaces are just text.
  const indents = source.kind === 'pdf' && lines.filter((l) => !l.table && l.text.startsWith(INDENT)).length >= 3;
  const wrap: Wrapping = { at: wrapLength(lines), indents };
  const notes: ImportNote[] = [];
  const ptr = (l: Line) => ({ block: l.block, ...(l.page !== undefined ? { page: l.page } : {}), excerpt: excerpt(l.text) });

  // Sections, in order: a numeral may only follow the ones before it.
  const heads = new Map<SectionId, number>();
  let last = -1;
  lines.forEach((l, i) => {
    if (l.table && l.text.includes('\t')) return;
    const h = matchHeading(l.text);
    if (!h) return;
    const order = ORDER.indexOf(h.id);
    if (order <= last) return;
    heads.set(h.id, i);
    last = order;
  });
  const headingText = new Map<SectionId, string>();
  for (const [id, i] of heads) headingText.set(id, matchHeading(lines[i].text)?.text ?? '');
  const starts = [...heads.entries()].sort((a, b) => a[1] - b[1]);
  const endOf = (id: SectionId): number => {
    const i = heads.get(id);
    if (i === undefined) return -1;
    const next = starts.find(([, at]) => at > i);
    return next ? next[1] : lines.length;
  };

  // Tables: from 二 (or the first table-looking line) to 五 (or 六, or the end).
  const tableMarker = lines.findIndex((l) => (l.table || l.text.length <= 30) && /第二十条|本年新收|信息内容|行政复议/.test(unify(l.text)));
  const firstProseHead = heads.get('overview');
  let tFrom = heads.get('active') ?? heads.get('applications') ?? heads.get('reviews') ?? (tableMarker >= 0 ? tableMarker : lines.length);
  if (!heads.has('active') && tableMarker >= 0 && tableMarker < tFrom && (firstProseHead === undefined || tableMarker > firstProseHead)) tFrom = tableMarker;
  const tTo = heads.get('problems') ?? heads.get('other') ?? lines.length;
  const fromBlock = tFrom < lines.length ? lines[tFrom].block : doc.blocks.length;
  const toBlock = tTo < lines.length ? lines[tTo].block : doc.blocks.length;
  const tokens = tokenize(doc.blocks, fromBlock, Math.max(fromBlock, toBlock));
  const fmt = detectFormat(tokens);
  const tables = readTables(tokens, fmt.format);

  // Front matter: title, cover letter, preamble.
  const frontEnd = firstProseHead ?? (tFrom < lines.length ? tFrom : lines.length);
  const front = lines.slice(0, frontEnd);
  let titleAt = front.findIndex((l) => {
    const s = unify(plainLine(l.text)).replace(/\s+/g, '');
    // 「附件：<title>」 in a cover letter names the report, it is not its title.
    return s.length <= 70 && /年度报告(?:格式模板|格式|模板)?$|年度报告[(（]|工作报告$/.test(s) && !/^现将|^附件|《/.test(s);
  });
  let title: string | null = null;
  let titleFrom = titleAt;
  if (titleAt >= 0) {
    title = plainLine(front[titleAt].text).replace(/\s+/g, '');
    // 「# 中宁县恩和镇」 above 「## 2024 年政府信息公开工作年度报告」: the title in two lines.
    const prev = front[titleAt - 1];
    if (/^\d{4}年/.test(title) && prev && plainLine(prev.text).trim().length > 0 && plainLine(prev.text).length <= 30) {
      title = plainLine(prev.text).replace(/\s+/g, '') + title;
      titleFrom = titleAt - 1;
    }
    // A title broken after 「年度」 or 「政府」: 「…2023 年政府」 + 「信息公开工作年度报告」.
    if (!/\d{4}年/.test(title) && prev && /\d{4}\s*年/.test(prev.text) && plainLine(prev.text).length <= 40) {
      title = plainLine(prev.text).replace(/\s+/g, '') + title;
      titleFrom = titleAt - 1;
    }
    // The national form as passed around (「…年度报告格式模板」): no office, no year, no title of its own.
    if (/格式|模板/.test(title) && !/\d{4}年/.test(title)) title = null;
  } else titleAt = -1;

  let cover: Cover | null = null;
  const beforeTitle = titleFrom > 0 ? front.slice(0, titleFrom).filter((l) => l.text.trim() !== '') : [];
  if (beforeTitle.length > 0 && beforeTitle.some((l) => looksLikeCoverLine(l.text))) {
    cover = readCover(beforeTitle.map((l) => plainLine(l.text)));
    notes.push({ status: 'found', what: '上报函', detail: '标题之前有一封上报函，已单独保存，不计入报告正文', field: 'cover', source: ptr(beforeTitle[0]) });
  }

  const fullText = lines.map((l) => l.text).join('\n');
  const yearMatch = title ? /(\d{4})年/.exec(unify(title)) : null;
  let year = yearMatch ? Number(yearMatch[1]) : null;
  if (year === null) {
    const m = /(\d{4})\s*年\s*(?:度)?\s*政府信息公开工作年度报告/.exec(unify(fullText).replace(/\s+/g, ''));
    if (m) year = Number(m[1]);
  }
  if (year !== null && (year < 1990 || year > 2200)) year = null;
  const place = title ? unify(title).replace(/\s+/g, '').split(/\d{4}年/)[0] || null : null;
  const name = officeName(place, fullText);

  const preambleLines = titleAt >= 0 ? front.slice(titleAt + 1) : cover ? [] : front;
  // A web page's <title> and its <h1> both hold the title: the repeat is not preamble.
  while (title && preambleLines.length && unify(plainLine(preambleLines[0]!.text)).replace(/\s+/g, '') === unify(title)) preambleLines.shift();
  const preamble = preambleLines.length ? joinWrapped(preambleLines.map((l) => keepIndent(l.text)), wrap).join('\n') : null;

  // Prose sections.
  const prose = (id: 'overview' | 'problems' | 'other'): Line[] => {
    const i = heads.get(id);
    if (i === undefined) return [];
    let end = endOf(id);
    // Table rows never belong to prose (a lost heading leaves them inside 一).
    if (id === 'overview' && tFrom > i && tFrom < end) end = tFrom;
    return lines.slice(i + 1, end).filter((l) => !l.table || !l.text.includes('\t') || isProseLine(l.text));
  };

  // 成文日期 and signature at the very end (after 六, or after the last section).
  const otherLines = prose('other');
  const problemsLines = prose('problems');
  const tail = otherLines.length ? otherLines : problemsLines;
  let issuedOn: string | null = null;
  let signature: string | null = null;
  let tailEnd = tail.length;
  while (tailEnd > 0 && (tail[tailEnd - 1].text.trim() === '' || /^\s*[-—–]\s*\d+\s*[-—–]\s*$/.test(tail[tailEnd - 1].text))) tailEnd--;
  if (tailEnd > 0) {
    const d = dateLine(plainLine(tail[tailEnd - 1].text));
    if (d) {
      issuedOn = d;
      notes.push({ status: 'found', what: '成文日期', field: 'issuedOn', source: ptr(tail[tailEnd - 1]) });
      tailEnd--;
      if (tailEnd > 0 && isSignatureLine(plainLine(tail[tailEnd - 1].text))) {
        signature = plainLine(tail[tailEnd - 1].text).replace(/\s+/g, '');
        tailEnd--;
      }
    }
  }
  // The office's name alone on the last line, no date under it (a draft, or a report printed
  // before it was dated): still the signature, not a sentence of 六.
  if (!issuedOn && tailEnd > 0) {
    const last = plainLine(tail[tailEnd - 1].text).trim();
    if (isSignatureLine(last) && last.length <= 30 && !/^[（(]?[一二三四五六七八九十\d]/.test(last)) {
      signature = last.replace(/\s+/g, '');
      tailEnd--;
    }
  }
  if (!issuedOn) notes.push({ status: 'notFound', what: '成文日期', detail: '文末没有找到成文日期，请在报告中补上', field: 'issuedOn' });
  const trimmedTail = tail.slice(0, tailEnd).map((l) => l.text);

  // 五 and 六 travel as plain text in interchange (format.md); keep them in the shape that text
  // reads back as, so an exported and re-imported report is identical.
  const canonical = (parts: Part[]) => partsFromText(partsToText(parts));
  const sections = {
    overview: toParts(prose('overview').map((l) => l.text), wrap),
    problems: canonical(toParts(otherLines.length ? problemsLines.map((l) => l.text) : trimmedTail, wrap)),
    other: canonical(toParts(otherLines.length ? trimmedTail : [], wrap)),
  };

  for (const id of ORDER) {
    const i = heads.get(id);
    const label = standardHeading(id);
    if (i === undefined) notes.push({ status: 'notFound', what: `“${label}”`, detail: '没有找到这一部分的标题', field: `sections.${id}` });
    else notes.push({ status: 'found', what: `“${label}”`, field: `sections.${id}`, source: ptr(lines[i]) });
  }

  const headings: Record<string, string> = {};
  for (const [id, text] of headingText) {
    const std = standardHeading(id).slice(2);
    if (text.replace(/\s+/g, '') !== std) headings[id] = text;
  }

  const office: Office = { name };
  const contacts = contactDetails([preamble ?? '', ...trimmedTail, ...otherLines.map((l) => l.text)].join('\n'));
  Object.assign(office, contacts);
  for (const [k, label] of [
    ['address', '地址'],
    ['postcode', '邮编'],
    ['phone', '电话'],
    ['email', '电子邮箱'],
    ['website', '网址'],
  ] as const) {
    if (office[k]) notes.push({ status: 'found', what: `联系方式：${label}`, field: `office.${k}`, detail: String(office[k]) });
  }
  notes.push(
    title ? { status: 'found', what: '标题', field: 'title', source: ptr(front[titleAt]) } : { status: 'notFound', what: '标题', detail: '没有找到报告标题', field: 'title' },
    name ? { status: 'found', what: '机关名称', field: 'office.name', detail: name } : { status: 'notFound', what: '机关名称', detail: '请在报告信息中填写机关名称', field: 'office.name' },
    year !== null ? { status: 'found', what: '年度', field: 'year', detail: String(year) } : { status: 'notFound', what: '年度', detail: '没有找到报告年度，请补填', field: 'year' },
    fmt.sure
      ? { status: 'found', what: '报告格式', field: 'format', detail: `${fmt.format}年格式（按表二的表头判断）` }
      : { status: 'uncertain', what: '报告格式', field: 'format', detail: '表二的表头没有找到，按 2021 年格式处理' },
  );
  notes.push(...tables.notes);

  // Not an annual disclosure report at all?
  const tableRows = tables.found.active + tables.found.applications + tables.found.reviews;
  const titled = title !== null && /政府信息公开/.test(title);
  if (tableRows === 0 && heads.size < 3 && !titled) {
    throw importFailed('这个文件看起来不是政府信息公开工作年度报告：没有找到“一、总体情况”等标题，也没有找到统计表格。请选择去年的年度报告文件（Word、PDF、网页或文本）。');
  }

  const draft = {
    schema: SCHEMA_ID,
    format: fmt.format,
    year,
    title: title ? title.slice(0, 300) : null,
    office,
    issuedOn,
    preamble,
    sections,
    ...(Object.keys(headings).length ? { headings } : {}),
    signature,
    tables: tables.tables,
    cover,
    provenance: { importedFrom: { fileName: source.fileName.slice(0, 500), kind: source.kind, at: source.at } },
  };
  const parsed = ReportSchema.safeParse(draft);
  if (!parsed.success) {
    // Over-long text is the only realistic cause; cut it rather than fail the import.
    throw importFailed('文件内容超出了报告允许的长度，无法导入。请确认选择的是年度报告文件。', parsed.error.issues.slice(0, 5));
  }
  return { report: parsed.data, notes };
}

