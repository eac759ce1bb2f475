import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromInterchange } from '../../shared/model/index.js';
import type { Report } from '../../shared/model/index.js';
import { fixture } from '../helpers/fixtures.js';

/** A fresh folder on the real disk; `done()` removes it. */
export function tempDir(prefix = 'nianbao-store-'): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A complete, realistic report: the figures of 中宁县恩和镇 2024 (expected/zhongning-enhe-2024.json)
 * and its prose (~10 000 characters from reports/zhongning-enhe-2024.txt).
 */
export function realisticReport(): Report {
  const expected = JSON.parse(readFileSync(fixture('expected', 'zhongning-enhe-2024.json'), 'utf8')) as Record<string, unknown>;
  const r = fromInterchange(expected);
  if (!r.ok) throw new Error(`fixture does not parse: ${JSON.stringify(r.issues)}`);
  const text = readFileSync(fixture('reports', 'zhongning-enhe-2024.txt'), 'utf8')
    .split('\n')
    .filter((l) => !l.includes('\t') && !l.startsWith('#'))
    .map((l) => l.replace(/\*\*/g, ''))
    .join('\n');
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  const report = r.report;
  report.preamble = paras[0];
  // The fixture's prose is ~3 300 characters; real reports run longer: five rounds of it, as
  // the sub-parts of 一 and the paragraphs of 五 and 六, make ~11 000.
  const body = paras.slice(1);
  const round = (n: number) => body.map((p, i) => ({ heading: i % 4 === 0 ? `（${'一二三四五六七八九十'[(i / 4) % 10]}）第${n + 1}部分` : '', text: p }));
  report.sections = {
    overview: [...round(0), ...round(1), ...round(3)],
    problems: [...round(2).slice(0, Math.ceil(body.length / 2)), ...round(4)],
    other: round(2).slice(Math.ceil(body.length / 2)),
  };
  report.office = { ...report.office, county: '中宁县', phone: '0955-5710003', email: 'znxehz@163.com' };
  report.issuedOn = '2025-01-20';
  return report;
}

export function proseLength(r: Report): number {
  const parts = [...r.sections.overview, ...r.sections.problems, ...r.sections.other];
  return (r.preamble ?? '').length + parts.reduce((n, p) => n + p.heading.length + p.text.length, 0);
}
