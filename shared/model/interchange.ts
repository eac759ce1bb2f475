import type { z } from 'zod';
import { partsToText, ReportSchema, SCHEMA_ID } from './report.js';
import type { Report } from './report.js';

/**
 * `nianbao/1` interchange (spec/format.md): the report as county tools read it. Identical to the
 * stored report except that sections 五 and 六 are plain strings, as the spec shows.
 */
export type Interchange = Omit<Report, 'sections'> & {
  sections: { overview: Report['sections']['overview']; problems: string; other: string };
};

export function toInterchange(r: Report): Interchange {
  // Key order follows the spec so a person reading the file finds what they expect first.
  const { schema: _s, format, year, office, issuedOn, preamble, sections, tables, ...rest } = r;
  return {
    schema: SCHEMA_ID,
    format,
    year,
    office,
    issuedOn,
    preamble,
    sections: { overview: sections.overview, problems: partsToText(sections.problems), other: partsToText(sections.other) },
    tables,
    ...rest,
  };
}

export type InterchangeResult = { ok: true; report: Report } | { ok: false; issues: { path: string; message: string }[] };

/** Parses interchange (or stored) JSON into a report; issues carry Chinese messages with the path. */
export function fromInterchange(json: unknown): InterchangeResult {
  const res = ReportSchema.safeParse(json);
  if (res.success) return { ok: true, report: res.data };
  return { ok: false, issues: describeIssues(res.error) };
}

export function describeIssues(err: z.ZodError): { path: string; message: string }[] {
  return err.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), message: chineseIssue(i) }));
}

function chineseIssue(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return `类型不对（应为 ${i.expected}）`;
    case 'too_big':
      return '内容过长或数值过大';
    case 'too_small':
      return '内容过短或数值过小';
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'invalid_format':
      return '格式不对';
    case 'unrecognized_keys':
      return `有无法识别的字段：${i.keys.join('、')}`;
    case 'custom':
      return i.message;
    default:
      return i.message;
  }
}
