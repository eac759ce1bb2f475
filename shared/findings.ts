import type { CellRef, SectionId } from './templates/index.js';
import type { CellValue } from './model/report.js';

/**
 * What the checker reports (spec/rules.md). Shared by the rules, the editor, the CLI and the API.
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A text field of the report: 'title' | 'preamble' | 'issuedOn' | 'signature' |
 * `headings.<section>` | `sections.<overview|problems|other>.<partIndex>.<heading|text>`.
 */
export type TextPath = string;

export type FindingLocation =
  | { kind: 'report' }
  | { kind: 'section'; section: SectionId }
  | { kind: 'cell'; ref: CellRef }
  | { kind: 'text'; path: TextPath; start: number; end: number };

/** A change the clerk can apply with one click (the corrected sentence, the standard heading, the computed total). */
export type Edit =
  | { kind: 'text'; path: TextPath; start: number; end: number; replacement: string }
  | { kind: 'cell'; ref: CellRef; value: CellValue };

export interface Fix {
  label: string;
  edits: Edit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Where it is; the first location is the one the editor goes to. */
  locations: FindingLocation[];
  /** Plain Chinese: what is wrong, with the figures involved, and what to do. */
  message: string;
  fix?: Fix;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
