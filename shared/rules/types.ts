import type { Finding, Severity } from '../findings.js';
import type { DerivedValue } from '../model/totals.js';
import type { Report } from '../model/report.js';
import type { FormatTemplate, SectionId } from '../templates/index.js';
import type { Compact, ProseMention } from './prose-numbers.js';

export interface CheckOptions {
  /** Last year's report of the same office, for the cross-year rules. */
  previous?: Report | null;
  /** Publishing deadline in the year after the report's year, 'MM-DD' (default '01-31'). */
  deadline?: string;
}

/** One text field of the report, with the compacted copy the prose rules scan. */
export interface TextField {
  /** TextPath of shared/findings.ts: 'title', 'preamble', 'headings.overview', 'sections.other.1.text'… */
  path: string;
  text: string;
  /** The section a prose part belongs to; undefined for title, preamble, signature. */
  section?: SectionId;
  role: 'title' | 'preamble' | 'heading' | 'partHeading' | 'partText' | 'signature';
  compact: Compact;
}

export interface PeriodSpan {
  /** Original offsets in the preamble. */
  start: number;
  end: number;
  written: string;
  /** The corrected wording, or null when the written one is right. */
  corrected: string | null;
}

/** What every rule reads: the report plus things computed once per check and shared by rules. */
export interface RuleInput {
  report: Report;
  previous: Report | null;
  deadline: string;
  template: FormatTemplate;
  /** Every text field, in document order. */
  texts(): TextField[];
  /** The template's derived totals, recomputed (computeTotals, as in the editor). */
  totals(): DerivedValue[];
  /** Counts read from the prose, with the field they are in. */
  mentions(): (ProseMention & { path: string; section?: SectionId })[];
  /** The statistics period in the preamble; null when the preamble does not state one. */
  period(): PeriodSpan | null;
}

export type RuleGroup = 'cells' | 'applications' | 'reviews' | 'active' | 'text' | 'structure';

export interface Rule {
  id: string;
  /** The rule's usual severity (spec/rules.md); a finding may be milder (cell.money ≥ 10000 is a warning). */
  severity: Severity;
  group: RuleGroup;
  /** One line in Chinese: what the rule checks (shown in the rule list). */
  title: string;
  check(input: RuleInput): Finding[];
}
