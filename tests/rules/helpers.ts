import assert from 'node:assert/strict';
import type { Finding } from '../../shared/findings.js';
import { applyTotals, blankReport, generatePreamble, setCells } from '../../shared/model/index.js';
import type { Office, Report } from '../../shared/model/index.js';
import { emptyTables } from '../../shared/model/index.js';
import type { CellRef } from '../../shared/templates/index.js';
import { eachCell } from '../../shared/model/index.js';
import { getTemplate, TABLE_IDS } from '../../shared/templates/index.js';
import { checkReport } from '../../shared/rules/index.js';
import type { CheckOptions } from '../../shared/rules/index.js';

export const OFFICE: Office = {
  name: '中宁县恩和镇人民政府',
  county: '中宁县',
  address: '中宁县恩和镇恩和街',
  postcode: '755100',
  phone: '0955-5710003',
  email: 'znxehz@163.com',
  website: 'https://www.znzf.gov.cn',
};

/** Every typed cell 0, then the given figures, then the template's totals. */
export function filledTables(format: Report['format'], figures: { ref: CellRef; value: number }[]): Report['tables'] {
  let tables = emptyTables(format);
  const zeros: { ref: CellRef; value: number }[] = [];
  for (const id of TABLE_IDS) for (const c of eachCell(getTemplate(format).tables[id])) if (!c.derived) zeros.push({ ref: { table: c.table, row: c.row, col: c.col }, value: 0 });
  tables = setCells(format, tables, [...zeros, ...figures]);
  return tables;
}

/** A complete 2024 report of a township that passes every rule (the zhongning-enhe figures). */
export function goodReport(): Report {
  const year = 2024;
  const r = blankReport(year, OFFICE);
  r.preamble = generatePreamble(OFFICE, year);
  r.issuedOn = '2025-01-20';
  r.tables = filledTables('2021', [
    { ref: { table: 'applications', row: 'new', col: 'natural' }, value: 2 },
    { ref: { table: 'applications', row: 'unable.notHeld', col: 'natural' }, value: 2 },
    { ref: { table: 'reviews', row: 'review', col: 'corrected' }, value: 1 },
    { ref: { table: 'active', row: 'penalty', col: 'decisions' }, value: 8 },
  ]);
  r.sections = {
    overview: [
      { heading: '', text: '2024 年，恩和镇全面落实党中央、国务院推进政务公开工作的决策部署，不断提高政务公开质量和实效。' },
      { heading: '（一）主动公开方面', text: '主动公开2024年度预决算等政府信息19条，全年作出行政处罚8件。' },
      { heading: '（二）依申请公开方面', text: '收到依申请公开2件，已办结，因政府信息公开申请引起行政复议1件，无行政诉讼情况。' },
      { heading: '（三）政府信息管理方面', text: '明确专人负责政务公开工作。' },
      { heading: '（四）平台建设情况', text: '以政府网站为主平台，及时更新维护。' },
      { heading: '（五）监督保障方面', text: '严把内容审核关，今年未发生政府信息公开重大问题和追责情况。' },
    ],
    problems: [
      { heading: '（一）存在的主要问题', text: '信息公开决策全过程公开不够全面、及时，答复群众依申请公开不够及时，各村村务公开较薄弱。' },
      { heading: '（二）改进情况', text: '2025年，我镇将强化公开主体责任，细化信息公开内容，加强对各村公开人员的培训。' },
    ],
    other: [{ heading: '', text: '2024 年，恩和镇未收取信息处理费。' }],
  };
  return applyTotals(r);
}

export function clone<T>(x: T): T {
  return structuredClone(x);
}

/** The report with the change applied and its totals recomputed (as the editor does). */
export function withCells(r: Report, changes: { ref: CellRef; value: number | null }[], recompute = true): Report {
  const next = { ...clone(r), tables: setCells(r.format, r.tables, changes) };
  return recompute ? applyTotals(next) : next;
}

export function findingsOf(r: Report, rule: string, opts?: CheckOptions): Finding[] {
  return checkReport(r, opts).filter((f) => f.rule === rule);
}

export function only(r: Report, rule: string, opts?: CheckOptions): Finding {
  const fs = findingsOf(r, rule, opts);
  assert.equal(fs.length, 1, `expected one ${rule} finding, got ${fs.length}: ${fs.map((f) => f.message).join(' | ')}`);
  return fs[0];
}

export function none(r: Report, rule: string, opts?: CheckOptions): void {
  const fs = findingsOf(r, rule, opts);
  assert.deepEqual(
    fs.map((f) => f.message),
    [],
    `expected no ${rule} finding`,
  );
}

export function includesAll(message: string, ...parts: string[]): void {
  for (const p of parts) assert.ok(message.includes(p), `message lacks “${p}”: ${message}`);
}
