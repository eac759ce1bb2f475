import type { Finding } from '../findings.js';
import type { DerivedValue } from '../model/totals.js';
import { computeTotals } from '../model/totals.js';
import type { Report } from '../model/report.js';
import { getTemplate } from '../templates/index.js';
import { locatedMentionsOf, textFields } from './fields.js';
import { findPeriod } from './period.js';
import { RULES } from './registry.js';
import type { CheckOptions, PeriodSpan, RuleInput, TextField } from './types.js';

export type { CheckOptions, Rule, RuleInput } from './types.js';
export { RULES, RULE_IDS, ruleById } from './registry.js';
export { findMentions, parseNumber, parseChineseNumeral } from './prose-numbers.js';
export { clearTextCache } from './fields.js';

const DEFAULT_DEADLINE = '01-31';
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function memo<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v;
  };
}

/** The shared, lazily computed view of one report that all rules read. */
export function ruleInput(report: Report, opts: CheckOptions = {}): RuleInput {
  const texts = memo<TextField[]>(() => textFields(report));
  const totals = memo<DerivedValue[]>(() => computeTotals(report.format, report.tables));
  const mentions = memo(() => {
    const out: ReturnType<RuleInput['mentions']> = [];
    for (const f of texts()) if (f.role === 'preamble' || f.role === 'partText') for (const m of locatedMentionsOf(f)) out.push(m);
    return out;
  });
  const period = memo<PeriodSpan | null>(() => {
    const f = texts().find((x) => x.path === 'preamble');
    return f && report.year !== null ? findPeriod(f.text, f.compact, report.year) : null;
  });
  const deadline = opts.deadline && /^\d{2}-\d{2}$/.test(opts.deadline) ? opts.deadline : DEFAULT_DEADLINE;
  return { report, previous: opts.previous ?? null, deadline, template: getTemplate(report.format), texts, totals, mentions, period };
}

/**
 * Every finding of spec/rules.md on a report: errors first, then warnings, then infos, each in
 * rule order. Pure and fast enough to run on every keystroke.
 */
export function checkReport(report: Report, opts: CheckOptions = {}): Finding[] {
  const input = ruleInput(report, opts);
  const out: Finding[] = [];
  for (const rule of RULES) {
    for (const f of rule.check(input)) out.push(f);
  }
  // Stable sort: rule order is kept within a severity.
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function countFindings(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}
