import type { YearMention } from '../import-types.js';
import { getTemplate } from '../templates/index.js';
import { emptyTables } from './cells.js';
import { partsFromText, partsToText } from './report.js';
import type { CellValue, Part, Report } from './report.js';
import { reportTitle } from './title.js';

/**
 * 以此为基础新建下一年度报告 (pure): last year's report → this year's draft. Counts start blank
 * (null, to be filled — never 0) except what carries over by definition: 上年结转 = last year's
 * 结转下年度继续办理 and 现行有效件数 as the base. Prose is kept; mentions of last year are
 * rewritten only where the meaning is certain and every other one is listed for the clerk.
 */

export interface NextYearResult {
  report: Report;
  mentions: YearMention[];
  notes: string[];
}

/** 2019 table 二 rows that have a 2021 row, and which 2019 column carries the 2021 figure. */
const ACTIVE_2019_TO_2021: { row: string; from: string | null; to: string; note?: string }[] = [
  { row: 'regulations', from: 'totalPublished', to: 'inForce' },
  { row: 'normativeDocs', from: 'totalPublished', to: 'inForce' },
];
const ACTIVE_2019_DROPPED: { row: string; label: string }[] = [
  { row: 'otherServices', label: '其他对外管理服务事项' },
  { row: 'procurement', label: '政府集中采购' },
];

function shiftCertain(text: string, old: number): string {
  const next = old + 1;
  const o = String(old);
  const n = String(next);
  let s = text;
  // The statistics period: 2024年1月1日至2024年12月31日, 自2024年1月1日起至2024年12月31日止
  // (with or without spaces), and 2024年1月1日至12月31日 with the second year left out.
  const from = `${o}(\\s*年\\s*1\\s*月\\s*1\\s*日\\s*起?\\s*(?:至|到|—|-|－|~|～)\\s*)`;
  s = s.replace(new RegExp(`${from}${o}(\\s*年\\s*12\\s*月\\s*31\\s*日)`, 'g'), `${n}$1${n}$2`);
  s = s.replace(new RegExp(`${from}(12\\s*月\\s*31\\s*日)`, 'g'), `${n}$1$2`);
  // 「2024年，我镇…」 at the start of a paragraph: the year the report is about.
  s = s.replace(new RegExp(`(^|\\n)(\\s*)${o}(\\s*年(?:度)?\\s*[，,])`, 'g'), `$1$2${n}$3`);
  // 「2024年政府信息公开工作年度报告」 (the title named inside the text).
  s = s.replace(new RegExp(`${o}(\\s*年\\s*(?:度)?\\s*政府信息公开工作年度报告)`, 'g'), `${n}$1`);
  return s;
}

function listMentions(path: string, text: string, old: number, out: YearMention[]): void {
  const re = new RegExp(`(?<!\\d)${old}(?!\\d)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + String(old).length;
    out.push({ path, start, end, excerpt: text.slice(Math.max(0, start - 15), Math.min(text.length, end + 20)) });
    if (out.length > 2000) return;
  }
}

/**
 * Last year's plan in 五 (「2025年，我镇将…」 in the 2024 report) is this year's plan for the year
 * after: it moves on by one too. Run before shiftCertain, so a year it moved is not moved again.
 */
function shiftPlans(text: string, old: number): string {
  return text.replace(new RegExp(`(?<!\\d)${old + 1}(\\s*年度?\\s*[，,]?[^。；\\d]{0,12}?(?:将|计划|打算))`, 'g'), `${old + 2}$1`);
}

function shiftParts(parts: Part[], base: string, old: number, mentions: YearMention[], plans = false): Part[] {
  return parts.map((p, i) => {
    const heading = shiftCertain(p.heading, old);
    const text = shiftCertain(plans ? shiftPlans(p.text, old) : p.text, old);
    listMentions(`${base}.${i}.heading`, heading, old, mentions);
    listMentions(`${base}.${i}.text`, text, old, mentions);
    return { heading, text };
  });
}

export function nextYearReport(prev: Report, prevId: string | null): NextYearResult {
  const notes: string[] = [];
  const mentions: YearMention[] = [];
  const old = prev.year;
  const year = old === null ? null : old + 1;
  const format = '2021' as const;
  const tables = emptyTables(format);

  // 现行有效件数 stays as the base for the new year.
  if (prev.tables.active) {
    const a = tables.active as Record<string, Record<string, CellValue>>;
    if (prev.format === '2021') {
      for (const row of ['regulations', 'normativeDocs']) {
        const v = prev.tables.active[row]?.inForce;
        if (v !== undefined) a[row].inForce = v;
      }
    } else {
      for (const m of ACTIVE_2019_TO_2021) {
        const v = prev.tables.active[m.row]?.[m.from ?? ''];
        if (v !== undefined && v !== null) a[m.row][m.to] = v;
      }
      notes.push('去年是 2019 年格式，已改为 2021 年格式：规章、规范性文件的“对外公开总数量”作为“现行有效件数”的基数，其余数字需按新格式重新填写。');
      const t2019 = getTemplate('2019').tables.active;
      for (const d of ACTIVE_2019_DROPPED) {
        const row = prev.tables.active[d.row];
        if (row && Object.values(row).some((v) => v !== null))
          notes.push(`去年表二“${d.label}”（${t2019.rows.find((r) => r.code === d.row)?.cells.map((c) => `${c.label} ${row[c.col] ?? '空'}`).join('，')}）在 2021 年格式中没有对应的行，未带入。`);
      }
    }
  }
  // 上年结转 = last year's 结转下年度继续办理, column by column.
  const carried = prev.tables.applications?.carriedOut ?? null;
  if (carried && tables.applications) tables.applications.carriedIn = [...carried];
  else notes.push('去年报告中没有“结转下年度继续办理”一行，表三“上年结转”请手工填写。');

  const sections = {
    overview: old === null ? prev.sections.overview.map((p) => ({ ...p })) : shiftParts(prev.sections.overview, 'sections.overview', old, mentions),
    problems: old === null ? prev.sections.problems : partsFromText(partsToText(shiftParts(prev.sections.problems, 'sections.problems', old, [], true))),
    other: old === null ? prev.sections.other : partsFromText(partsToText(shiftParts(prev.sections.other, 'sections.other', old, []))),
  };
  if (old !== null) {
    sections.problems.forEach((p, i) => {
      listMentions(`sections.problems.${i}.heading`, p.heading, old, mentions);
      listMentions(`sections.problems.${i}.text`, p.text, old, mentions);
    });
    sections.other.forEach((p, i) => {
      listMentions(`sections.other.${i}.heading`, p.heading, old, mentions);
      listMentions(`sections.other.${i}.text`, p.text, old, mentions);
    });
  }
  // A section heading that names a year (「一、2019 年联财镇政府信息公开总体情况」) names the report's year.
  const headings = prev.headings ? { ...prev.headings } : undefined;
  if (headings && old !== null) {
    for (const id of Object.keys(headings) as (keyof typeof headings)[]) {
      const h = headings[id];
      if (typeof h !== 'string') continue;
      headings[id] = h.replace(new RegExp(`(?<!\\d)${old}(\\s*年)`, 'g'), `${old + 1}$1`);
      listMentions(`headings.${id}`, headings[id] ?? '', old, mentions);
    }
  }
  const preamble = prev.preamble === null || old === null ? prev.preamble : shiftCertain(prev.preamble, old);
  if (preamble !== null && old !== null) listMentions('preamble', preamble, old, mentions);
  const title = prev.title && old !== null ? shiftCertain(prev.title.replace(new RegExp(`${old}(\\s*年)`), `${old + 1}$1`), old) : null;

  const report: Report = {
    schema: prev.schema,
    format,
    year,
    title,
    office: { ...prev.office },
    issuedOn: null,
    preamble,
    sections,
    ...(headings ? { headings } : {}),
    signature: prev.signature ?? null,
    tables,
    cover: null,
    provenance: {
      importedFrom: null,
      basedOn: { reportId: prevId, year: prev.year, title: reportTitle(prev).slice(0, 300) },
      ...(notes.length ? { notes } : {}),
    },
  };
  if (mentions.length) notes.push(`正文中还有 ${mentions.length} 处提到 ${old} 年，请逐一确认是否需要改为 ${year} 年。`);
  return { report, mentions, notes };
}
