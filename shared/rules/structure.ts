import type { Finding, FindingLocation } from '../findings.js';
import { standardTitle, TITLE_SUFFIX } from '../model/title.js';
import { getTemplate, SECTIONS, standardHeading } from '../templates/index.js';
import type { SectionId } from '../templates/index.js';
import { FEE_FROM_YEAR } from './text.js';
import { isBlankText } from './fields.js';
import { originalSpan } from './prose-numbers.js';
import type { Rule, TextField } from './types.js';

// ─── s.sections ──────────────────────────────────────────────────────────────

/** The fee statement the hint of 六 asks for is required from the 2020 reports on (t.fee). */
function hintFor(id: SectionId, hint: string, year: number | null): string {
  if (id === 'other' && year !== null && year < FEE_FROM_YEAR) return '请补写本年度其他需要报告的事项；确实没有的，写明“本年度无其他需要报告的事项。”';
  return hint ? `请补写：${hint}` : '请补写这一部分。';
}

export const sSections: Rule = {
  id: 's.sections',
  severity: 'error',
  group: 'structure',
  title: '六个部分齐全，文字部分不为空',
  check({ report, template }) {
    const out: Finding[] = [];
    for (const s of SECTIONS) {
      const heading = standardHeading(s.id);
      if (s.kind === 'table' && s.table) {
        if (report.tables[s.table] !== null) continue;
        const t = template.tables[s.table];
        out.push({
          rule: 's.sections',
          severity: 'error',
          locations: [{ kind: 'section', section: s.id }],
          message: `报告缺少“${heading}”（${t.caption}）。原文件里没有这张表或没有读出来：请对照原文件补填${t.caption}的全部数字，没有发生的填 0。`,
        });
      } else if (s.kind === 'prose') {
        const parts = report.sections[s.id as 'overview' | 'problems' | 'other'];
        if (parts.some((p) => !isBlankText(p.text))) continue;
        out.push({
          rule: 's.sections',
          severity: 'error',
          locations: [{ kind: 'section', section: s.id }],
          message: `“${heading}”没有内容。${hintFor(s.id, s.hint, report.year)}`,
        });
      }
    }
    return out;
  },
};

// ─── s.period ────────────────────────────────────────────────────────────────

const SENTENCE_STOP = /[。；;！？!?\n]/;

export const sPeriod: Rule = {
  id: 's.period',
  severity: 'error',
  group: 'structure',
  title: '前言写明统计期限：本年1月1日至12月31日',
  check(input) {
    const { report } = input;
    const year = report.year;
    if (year === null) return [];
    const preamble = report.preamble ?? '';
    const right = `${year}年1月1日至${year}年12月31日`;
    const p = input.period();
    if (p === null) {
      const sentence = `本报告所列数据的统计期限为${right}。`;
      return [
        {
          rule: 's.period',
          severity: 'error',
          locations: [{ kind: 'text', path: 'preamble', start: 0, end: preamble.length }],
          message: `前言中没有写明统计期限。请写明“所列数据的统计期限为${right}”。`,
          fix: { label: `在前言末尾补上“${sentence}”`, edits: [{ kind: 'text', path: 'preamble', start: preamble.length, end: preamble.length, replacement: sentence }] },
        },
      ];
    }
    if (p.corrected === null) return [];
    // The whole sentence as it will read, so the clerk sees what one click gives.
    let a = p.start;
    while (a > 0 && !SENTENCE_STOP.test(preamble[a - 1])) a--;
    let b = p.end;
    while (b < preamble.length && !SENTENCE_STOP.test(preamble[b])) b++;
    if (b < preamble.length) b++;
    const sentence = (preamble.slice(a, p.start) + p.corrected + preamble.slice(p.end, b)).trim();
    return [
      {
        rule: 's.period',
        severity: 'error',
        locations: [{ kind: 'text', path: 'preamble', start: p.start, end: p.end }],
        message: `前言中的统计期限写成了“${p.written}”，${year}年度报告应为“${p.corrected}”。请改正为：“${sentence}”`,
        fix: { label: `改为“${sentence}”`, edits: [{ kind: 'text', path: 'preamble', start: p.start, end: p.end, replacement: p.corrected }] },
      },
    ];
  },
};

// ─── s.yearMentions ──────────────────────────────────────────────────────────

/** A year written as such (2023年, 2023年度); 〔2024〕 document numbers are not matched. */
const YEAR = /(?<![0-9〔[【(（])((?:19|20)[0-9]{2})(?=年)/g;
/** A plan in section 五: 2024年，我镇将… · 2024年计划… */
const PLAN = /(?<![0-9])((?:19|20)[0-9]{2})年度?[，,]?[^。；0-9]{0,12}?(?:将|计划|打算)/g;
/** The title's year is s.title's finding (one mistake, one finding). */
const YEAR_FIELD_ROLES = new Set<TextField['role']>(['preamble', 'heading', 'partHeading']);
const FIELD_NAME: Record<TextField['role'], string> = {
  title: '标题',
  preamble: '前言',
  heading: '标题',
  partHeading: '小标题',
  partText: '正文',
  signature: '署名',
};

export const sYearMentions: Rule = {
  id: 's.yearMentions',
  severity: 'warning',
  group: 'structure',
  title: '标题、前言、各级标题中的年份与报告年度一致，工作打算写下一年',
  check(input) {
    const year = input.report.year;
    if (year === null) return [];
    const out: Finding[] = [];
    const period = input.period();
    for (const f of input.texts()) {
      const c = f.compact;
      if (YEAR_FIELD_ROLES.has(f.role)) {
        YEAR.lastIndex = 0;
        for (let m = YEAR.exec(c.s); m !== null; m = YEAR.exec(c.s)) {
          const y = Number(m[1]);
          // Next year is fine: plans, the notice asking for the report, the date it is issued.
          if (y === year || y === year + 1) continue;
          const { start, end } = originalSpan(c, m.index, m.index + 4);
          if (f.path === 'preamble' && period && start >= period.start && end <= period.end) continue; // s.period says it
          out.push({
            rule: 's.yearMentions',
            severity: 'warning',
            locations: [{ kind: 'text', path: f.path, start, end }],
            message:
              `${FIELD_NAME[f.role]}中写的是“${y}年”，但这是${year}年度的报告${y === year - 1 ? '，可能是沿用了上一年的文字' : ''}。请核对，应为“${year}年”的请改正。`,
            fix: { label: `改为 ${year}`, edits: [{ kind: 'text', path: f.path, start, end, replacement: String(year) }] },
          });
        }
      }
      if (f.section === 'problems' && f.role === 'partText') {
        PLAN.lastIndex = 0;
        for (let m = PLAN.exec(c.s); m !== null; m = PLAN.exec(c.s)) {
          const y = Number(m[1]);
          if (y === year + 1) continue;
          const { start, end } = originalSpan(c, m.index, m.index + 4);
          out.push({
            rule: 's.yearMentions',
            severity: 'warning',
            locations: [{ kind: 'text', path: f.path, start, end }],
            message: `“五、存在的主要问题及改进情况”中的工作打算写的是“${y}年”，${year}年度报告的打算应是 ${year + 1} 年的。请核对。`,
            fix: { label: `改为 ${year + 1}`, edits: [{ kind: 'text', path: f.path, start, end, replacement: String(year + 1) }] },
          });
        }
      }
    }
    return out;
  },
};

// ─── s.title ─────────────────────────────────────────────────────────────────

const WRONG_WORDING = /政务信息公开|政务公开/;

export const sTitle: Rule = {
  id: 's.title',
  severity: 'warning',
  group: 'structure',
  title: '标题为“机关名称 + 年度 + 年政府信息公开工作年度报告”',
  check({ report }) {
    const title = report.title;
    if (title === null || title === undefined || title.trim() === '') return []; // the standard title is used
    const year = report.year;
    const standard = standardTitle(report.office.name, year);
    const t = title.replace(/\s+/g, '');
    const problems: string[] = [];
    if (WRONG_WORDING.test(t)) problems.push('应是“政府信息公开”，不是“政务公开”或“政务信息公开”');
    const suffix = `${year ?? ''}${TITLE_SUFFIX}`;
    const at = year !== null ? t.lastIndexOf(suffix) : -1;
    if (year !== null && (at < 0 || at + suffix.length !== t.length)) {
      const y = /((?:19|20)[0-9]{2})年/.exec(t);
      if (y && Number(y[1]) !== year) problems.push(`年份写的是 ${y[1]}，应为 ${year}`);
      else if (!problems.length) problems.push(`应以“${suffix}”结尾`);
    }
    const name = (report.office.name ?? '').replace(/\s+/g, '');
    if (name && at >= 0 && problems.length === 0) {
      const prefix = t.slice(0, at);
      const core = name.replace(/(?:人民政府|政府)$/, '');
      // 兴庆区掌政镇 for 银川市兴庆区掌政镇人民政府: the place may be shortened, not replaced.
      const fits = prefix.length >= 2 && (name.endsWith(prefix) || core.endsWith(prefix) || prefix.endsWith(core) || prefix === name);
      if (!fits) problems.push(prefix ? `机关名称“${prefix}”与本机关“${name}”不一致` : '缺少机关名称');
    }
    if (problems.length === 0) return [];
    return [
      {
        rule: 's.title',
        severity: 'warning',
        locations: [{ kind: 'text', path: 'title', start: 0, end: title.length }],
        message: `标题“${title.trim()}”：${problems.join('；')}。标准标题为“${standard}”。`,
        fix: { label: `改为“${standard}”`, edits: [{ kind: 'text', path: 'title', start: 0, end: title.length, replacement: standard }] },
      },
    ];
  },
};

// ─── s.headings ──────────────────────────────────────────────────────────────

/** The importer stores headings without their numeral (the numeral decides the section). */
const NUMERAL = /^[一二三四五六][、.．,，:：]/;

/** Formatting that is not wording: spaces, markdown marks, bracket and numeral punctuation widths. */
function headingKey(s: string): string {
  return s
    .replace(/[\s*#]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(NUMERAL, '')
    .replace(/[。.]$/, '');
}

export const sHeadings: Rule = {
  id: 's.headings',
  severity: 'warning',
  group: 'structure',
  title: '六个部分的标题与国家格式一致',
  check({ report }) {
    const out: Finding[] = [];
    for (const s of SECTIONS) {
      const written = report.headings?.[s.id];
      if (written === null || written === undefined || written.trim() === '') continue;
      const standard = standardHeading(s.id);
      if (headingKey(written) === headingKey(standard)) continue;
      const replacement = NUMERAL.test(written.trim()) ? standard : s.heading;
      out.push({
        rule: 's.headings',
        severity: 'warning',
        locations: [{ kind: 'text', path: `headings.${s.id}`, start: 0, end: written.length }],
        message: `第${s.numeral}部分的标题写的是“${written.trim()}”，国家格式为“${standard}”。请使用统一的标题。`,
        fix: { label: `改为“${standard}”`, edits: [{ kind: 'text', path: `headings.${s.id}`, start: 0, end: written.length, replacement }] },
      });
    }
    return out;
  },
};

// ─── s.format / s.citation ───────────────────────────────────────────────────

/** The 2021 format applies from the 2020 reporting year on. */
const FORMAT_2021_FROM = 2020;

export const sFormat: Rule = {
  id: 's.format',
  severity: 'error',
  group: 'structure',
  title: '2020 年及以后的报告使用 2021 年格式的表格',
  check({ report }) {
    if (report.year === null || report.year < FORMAT_2021_FROM || report.format !== '2019') return [];
    const old = getTemplate('2019').tables.active;
    const oldCols = [...new Set(old.rows[0].cells.map((c) => c.label))].join('/');
    return [
      {
        rule: 's.format',
        severity: 'error',
        locations: [{ kind: 'section', section: 'active' }],
        message:
          `${report.year}年度报告应使用${getTemplate('2021').issuedBy}印发的格式，但本报告的表格还是${getTemplate('2019').issuedBy}的旧格式（${old.caption}有“${oldCols}”）。` +
          `请转换为 2021 年格式，按新表重新填写${old.caption}。`,
      },
    ];
  },
};

const OLD_CITATION = /(国办公开办函)?[〔[【(（]2019[〕\]】)）]60号/g;

export const sCitation: Rule = {
  id: 's.citation',
  severity: 'warning',
  group: 'structure',
  title: '2020 年及以后的报告引用国办公开办函〔2021〕30号',
  check(input) {
    const year = input.report.year;
    if (year === null || year < FORMAT_2021_FROM) return [];
    const current = getTemplate('2021').issuedBy;
    const out: Finding[] = [];
    for (const f of input.texts()) {
      OLD_CITATION.lastIndex = 0;
      for (let m = OLD_CITATION.exec(f.compact.s); m !== null; m = OLD_CITATION.exec(f.compact.s)) {
        const { start, end } = originalSpan(f.compact, m.index, m.index + m[0].length);
        const replacement = m[1] ? current : current.replace(/^国办公开办函/, '');
        out.push({
          rule: 's.citation',
          severity: 'warning',
          locations: [{ kind: 'text', path: f.path, start, end }],
          message: `引用的是已被替代的${getTemplate('2019').issuedBy}。${year}年度报告的格式依据是${current}，请改正。`,
          fix: { label: `改为“${replacement}”`, edits: [{ kind: 'text', path: f.path, start, end, replacement }] },
        });
      }
    }
    return out;
  },
};

// ─── s.problems ──────────────────────────────────────────────────────────────

/** Less than this many characters of substance is not a statement of problems and measures. */
const PROBLEMS_MIN_CHARS = 10;
const NOTHING = /^(?:无|暂无|没有|本年度无|本年度没有|无问题|没有问题|无存在问题)[。.]?$/;

export const sProblems: Rule = {
  id: 's.problems',
  severity: 'error',
  group: 'structure',
  title: '第五部分写明存在的问题和改进措施，不能只写“无”',
  check(input) {
    const texts = input.texts().filter((f) => f.section === 'problems' && f.role === 'partText');
    const body = texts.map((f) => f.compact.s).join('');
    if (body === '') return []; // an empty section is s.sections' finding
    const substance = body.replace(/[\p{P}\p{S}0-9a-zA-Z]/gu, '');
    if (!NOTHING.test(body) && substance.length >= PROBLEMS_MIN_CHARS) return [];
    const first = texts[0];
    return [
      {
        rule: 's.problems',
        severity: 'error',
        locations: first ? [{ kind: 'text', path: first.path, start: 0, end: first.text.length }] : [{ kind: 'section', section: 'problems' }],
        message: `“${standardHeading('problems')}”只写了“${body.slice(0, 20)}”。这一部分要写出本年工作存在的主要问题，以及下一步的改进措施，不能只写“无”。`,
      },
    ];
  },
};

// ─── s.contact ───────────────────────────────────────────────────────────────

const CONTACT: { what: string; re: RegExp }[] = [
  { what: '地址', re: /地址|办公地点|[路街巷]\d+号/ },
  { what: '电话', re: /电话|\d{3,4}-\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)/ },
  { what: '报告公开的网站', re: /网站|网址|门户|https?:|www\.|\.gov\.cn/ },
];

export const sContact: Rule = {
  id: 's.contact',
  severity: 'warning',
  group: 'structure',
  title: '前言或第六部分写明地址、电话和报告公开的网站',
  check(input) {
    const fields = input.texts().filter((f) => f.role === 'preamble' || f.role === 'signature' || f.section === 'other');
    const all = fields.map((f) => f.compact.s).join('\n');
    const missing = CONTACT.filter((c) => !c.re.test(all)).map((c) => c.what);
    if (missing.length === 0) return [];
    const preamble = input.report.preamble ?? '';
    const loc: FindingLocation = preamble ? { kind: 'text', path: 'preamble', start: 0, end: preamble.length } : { kind: 'section', section: 'other' };
    return [
      {
        rule: 's.contact',
        severity: 'warning',
        locations: [loc],
        message: `前言和“${standardHeading('other')}”中没有写${missing.join('、')}。请写明本机关的地址、联系电话，以及报告电子版在哪个网站查阅下载。`,
      },
    ];
  },
};

// ─── s.deadline ──────────────────────────────────────────────────────────────

export const sDeadline: Rule = {
  id: 's.deadline',
  severity: 'info',
  group: 'structure',
  title: '成文日期不晚于报送期限（默认次年1月31日）',
  check({ report, deadline }) {
    if (!report.issuedOn || report.year === null) return [];
    const due = `${report.year + 1}-${deadline}`;
    if (report.issuedOn <= due) return [];
    const [, mm, dd] = due.split('-').map(Number);
    return [
      {
        rule: 's.deadline',
        severity: 'info',
        locations: [{ kind: 'text', path: 'issuedOn', start: 0, end: report.issuedOn.length }],
        message: `成文日期 ${report.issuedOn} 晚于报送期限 ${report.year + 1}年${mm}月${dd}日。年度报告应在期限前在网站公布，请核对日期（期限可在“设置”中按本地通知修改）。`,
      },
    ];
  },
};

export const STRUCTURE_RULES: Rule[] = [sSections, sPeriod, sYearMentions, sTitle, sHeadings, sFormat, sCitation, sProblems, sContact, sDeadline];
